/**
 * Issue 11, fonts and the PDF layout: a font in chamdiem.yaml that cannot be used, or lacks letters,
 * is a diagnostic at its setting (never a crash, with or without --no-pdf); the layout's warnings reach
 * `build` as diagnostics; a word of a megabyte is broken over lines in linear time. The bad files are
 * written into a temporary project folder and driven through the CLI (main()), as a user would.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { documentAlphabet } from "../src/fonts/coverage.js";
import { FontFormatError, TrueTypeFont, tinosPaths } from "../src/fonts/index.js";
import { advanceUnits } from "../src/fonts/metrics.js";
import { assembleSfnt, subsetTrueType } from "../src/fonts/subset.js";
import { validateTrueType } from "../src/fonts/validate.js";
import { collect } from "../src/layout/inline/collect.js";
import { breakLines } from "../src/layout/inline/linebreak.js";
import { createLayoutFonts, loadFontSet } from "../src/fonts/index.js";
import { ROOT } from "./helpers/example.js";
import { MINI_ASSESSMENT, MINI_RUBRIC } from "./helpers/mini.js";

const TINOS = new Uint8Array(readFileSync(tinosPaths().regular));
const ASSESSMENT = "content/assessments/2021/a.yaml";

/** A project folder with the mini rubric and assessment (the assessment text may be replaced). */
function project(assessment?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-fonts-"));
  mkdirSync(join(dir, "content/rubrics"), { recursive: true });
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  mkdirSync(join(dir, "fonts"));
  cpSync(join(ROOT, MINI_RUBRIC), join(dir, "content/rubrics/mini.yaml"));
  writeFileSync(join(dir, ASSESSMENT), assessment ?? readFileSync(join(ROOT, MINI_ASSESSMENT), "utf8"));
  return dir;
}

/** chamdiem.yaml whose font setting is on line 4, its value at column face.length + 5. */
function configure(dir: string, face: string, file: string): void {
  writeFileSync(join(dir, "chamdiem.yaml"), `# Phông chữ nhúng vào PDF\nnumbers: { decimal: ",", fixed: true }\nfonts:\n  ${face}: ${file}\n`);
}

async function cli(cwd: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { cwd, env: { CHAMDIEM_CACHE: "0" }, isTTY: false, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

async function buildJson(cwd: string, extra: string[] = []) {
  const r = await cli(cwd, ["build", "--force", "--format", "json", ...extra]);
  expect(r.err).not.toMatch(/Lỗi nội bộ|Internal error|RangeError|\bat \w+ \(/);
  return { code: r.code, json: JSON.parse(r.out) as { diagnostics: JsonDiagnostic[]; built: { outputs: string[] }[]; refused: string[] } };
}

/** Deterministic bytes (a linear congruential generator). */
function noise(n: number, seed = 11): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

function zeroedDirectory(): Uint8Array {
  const b = TINOS.slice();
  const numTables = (b[4]! << 8) | b[5]!;
  b.fill(0, 12, 12 + 16 * numTables);
  return b;
}

function header(tag: string, length = 64): Uint8Array {
  const b = noise(length, 5);
  for (let i = 0; i < 4; i++) b[i] = tag.charCodeAt(i);
  return b;
}

/** Tinos reduced to printable ASCII (no Vietnamese letter), with Tinos's name table. */
function asciiOnlyFont(): Uint8Array {
  const src = new TrueTypeFont(TINOS, "tinos");
  const unicodes = new Map<number, number>();
  for (let c = 0x20; c < 0x7f; c++) unicodes.set(c, src.glyphId(c));
  const sub = new TrueTypeFont(subsetTrueType(src, unicodes.values(), { unicodes }).bytes, "subset");
  const tables = new Map<string, Uint8Array>();
  for (const [tag, t] of sub.tables) tables.set(tag, sub.bytes.slice(t.offset, t.offset + t.length));
  const name = src.table("name");
  tables.set("name", src.bytes.slice(name.offset, name.offset + name.length));
  return assembleSfnt(tables);
}

/** Tinos whose glyph "a" claims 65 535 bytes of instructions: the structure is fine, the glyph is not. */
function damagedGlyphFont(): Uint8Array {
  const f = new TrueTypeFont(TINOS, "tinos");
  const gid = f.glyphId(0x61);
  const rec = f.glyphRecord(gid);
  const at = f.table("glyf").offset + f.loca[gid]! + 10 + 2 * ((rec[0]! << 8) | rec[1]!);
  const b = TINOS.slice();
  b[at] = 0xff;
  b[at + 1] = 0xff;
  return b;
}

const BAD_FONTS: { name: string; face: string; write: (path: string) => void; reason: RegExp }[] = [
  { name: "empty.ttf", face: "regular", write: (p) => writeFileSync(p, new Uint8Array()), reason: /tệp rỗng/ },
  { name: "random.ttf", face: "bold", write: (p) => writeFileSync(p, noise(100)), reason: /không phải tệp phông TrueType/ },
  { name: "cut.ttf", face: "italic", write: (p) => writeFileSync(p, TINOS.subarray(0, 1024)), reason: /bị cắt cụt: có 1024 byte/ },
  { name: "zeroed.ttf", face: "boldItalic", write: (p) => writeFileSync(p, zeroedDirectory()), reason: /bảng mục lục .* bị hỏng/ },
  { name: "folder.ttf", face: "regular", write: (p) => mkdirSync(p), reason: /thư mục/ },
  { name: "web.woff", face: "bold", write: (p) => writeFileSync(p, header("wOFF")), reason: /WOFF/ },
  { name: "web.woff2", face: "bold", write: (p) => writeFileSync(p, header("wOF2")), reason: /WOFF/ },
  { name: "family.ttc", face: "italic", write: (p) => writeFileSync(p, header("ttcf")), reason: /\.ttc/ },
  { name: "postscript.otf", face: "regular", write: (p) => writeFileSync(p, header("OTTO")), reason: /CFF/ },
  { name: "absent.ttf", face: "bold", write: () => undefined, reason: /không tìm thấy tệp/ },
];

describe("fonts set in chamdiem.yaml that cannot be used", () => {
  for (const bad of BAD_FONTS) {
    it(`${bad.name} as fonts.${bad.face}: CD801 at its setting with PDFs, CD802 (a warning) with --no-pdf`, async () => {
      const dir = project();
      bad.write(join(dir, "fonts", bad.name));
      configure(dir, bad.face, `fonts/${bad.name}`);

      const pdf = await buildJson(dir);
      expect(pdf.code).toBe(1);
      expect(pdf.json.diagnostics).toHaveLength(1);
      const d = pdf.json.diagnostics[0]!;
      expect(d).toMatchObject({ code: "CD801", severity: "error", file: "chamdiem.yaml", line: 4, column: bad.face.length + 5 });
      expect(d.message).toContain(`“fonts.${bad.face}” (fonts/${bad.name})`);
      expect(d.message).toMatch(bad.reason);
      expect(pdf.json.built).toEqual([]);
      expect(existsSync(join(dir, "output/2021/a"))).toBe(false);

      // Without PDFs the font is not needed to embed: a warning, and the .docx measured with Tinos.
      const docx = await buildJson(dir, ["--no-pdf"]);
      expect(docx.code).toBe(0);
      expect(docx.json.diagnostics.map((x) => [x.code, x.file, x.line])).toEqual([["CD802", "chamdiem.yaml", 4]]);
      expect(docx.json.built[0]!.outputs).toEqual(["output/2021/a/bao-cao.docx", "output/2021/a/bieu-cham-diem.docx"]);
    });
  }

  it("the text format names the setting and the file in Vietnamese, and in English with --lang en", async () => {
    const dir = project();
    writeFileSync(join(dir, "fonts/cut.ttf"), TINOS.subarray(0, 1024));
    configure(dir, "bold", "fonts/cut.ttf");
    const vi = await cli(dir, ["build"]);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain("chamdiem.yaml:4:9: lỗi CD801: Phông chữ “fonts.bold” (fonts/cut.ttf) không dùng được: tệp bị cắt cụt");
    const en = await cli(dir, ["build", "--lang", "en"]);
    expect(en.err).toContain("chamdiem.yaml:4:9: error CD801: The font “fonts.bold” (fonts/cut.ttf) cannot be used: the file is truncated");
  });

  it("summary --write pdf refuses the same font at the same line (and writes nothing)", async () => {
    const dir = project();
    writeFileSync(join(dir, "fonts/zeroed.ttf"), zeroedDirectory());
    configure(dir, "italic", "fonts/zeroed.ttf");
    const r = await cli(dir, ["summary", "--write", "pdf,docx", "--agency", "Sở Nội vụ"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("chamdiem.yaml:4:11: lỗi CD801: Phông chữ “fonts.italic” (fonts/zeroed.ttf)");
    expect(r.err).not.toMatch(/Lỗi nội bộ/);
    expect(existsSync(join(dir, "output/2021/bieu-tong-hop-mini.pdf"))).toBe(false);
  });

  it("a font damaged inside a glyph (its structure valid): CD809 at the setting, the assessment refused", async () => {
    const dir = project();
    const bytes = damagedGlyphFont();
    expect(validateTrueType(bytes)).toBeUndefined();
    writeFileSync(join(dir, "fonts/glyph.ttf"), bytes);
    configure(dir, "regular", "fonts/glyph.ttf");
    const r = await buildJson(dir);
    expect(r.code).toBe(1);
    expect(r.json.refused).toEqual([ASSESSMENT]);
    // One for each PDF (both use the regular face's "a"), nothing written.
    const ds = r.json.diagnostics.filter((x) => x.code === "CD809");
    expect(ds.map((x) => [x.severity, x.file, x.line, x.column])).toEqual([
      ["error", "chamdiem.yaml", 4, 12],
      ["error", "chamdiem.yaml", 4, 12],
    ]);
    expect(ds.map((x) => x.message.match(/“([a-z-]+\.pdf)”/)?.[1]).sort()).toEqual(["bao-cao.pdf", "bieu-cham-diem.pdf"]);
    expect(ds[0]!.message).toMatch(/^Phông chữ “fonts\.regular” \(fonts\/glyph\.ttf\) bị hỏng \(dữ liệu nét chữ \(bảng glyf\) không đọc được\)/);
    expect(existsSync(join(dir, "output/2021/a"))).toBe(false);
  });
});

describe("missing letters", () => {
  it("a font without Vietnamese letters: CD803 at its setting with the count and the first letters; the PDF is still written", async () => {
    const dir = project();
    writeFileSync(join(dir, "fonts/ascii.ttf"), asciiOnlyFont());
    configure(dir, "bold", "fonts/ascii.ttf");
    const r = await buildJson(dir);
    expect(r.code).toBe(0);
    const letters = documentAlphabet().filter((cp) => cp > 0x7e).length;
    expect(letters).toBe(134);
    expect(r.json.diagnostics.map((x) => [x.code, x.file, x.line, x.column])).toEqual([["CD803", "chamdiem.yaml", 4, 9]]);
    expect(r.json.diagnostics[0]!.message).toMatch(/“fonts\.bold” \(fonts\/ascii\.ttf\) thiếu 134 ký tự mà văn bản cần: À Á Â .* …/);
    expect(r.json.built[0]!.outputs).toContain("output/2021/a/bieu-cham-diem.pdf");
    // Not with --no-pdf: a .docx does not use the font's glyphs.
    expect((await buildJson(dir, ["--no-pdf"])).json.diagnostics).toEqual([]);
  });

  it("characters beyond the alphabet that a document draws without a glyph: CD804 with the document, the face and the count", async () => {
    const text = readFileSync(join(ROOT, MINI_ASSESSMENT), "utf8").replace("justification: Đạt 95,5% kế hoạch.", "justification: Đạt 95,5% kế hoạch 中文 ☃.");
    const dir = project(text);
    const r = await buildJson(dir);
    expect(r.code).toBe(0);
    expect(r.json.diagnostics.map((x) => [x.code, x.severity, x.file, x.line, x.column])).toEqual([["CD804", "warning", ASSESSMENT, 1, 1]]);
    expect(r.json.diagnostics[0]!.message).toBe(
      "Bản PDF “bieu-cham-diem.pdf” có 3 ký tự mà phông Tinos (chữ thường) không có: 中 文 ☃; các chữ này in thành ô trống",
    );
  });
});

describe("the PDF layout's warnings reach build", () => {
  it("a list nested (30 levels, under the Markdown limit) deeper than its table cell is wide: CD805 at the paragraph's line", async () => {
    const nested = Array.from({ length: 30 }, (_, i) => `\n      ${"  ".repeat(i)}- mục`).join("");
    const text = readFileSync(join(ROOT, MINI_ASSESSMENT), "utf8").replace("justification: Giảm 7% biên chế.", `justification: |${nested}`);
    const dir = project(text);
    const line = text.split("\n").findIndex((l) => l.includes("- mục")) + 1;
    const r = await buildJson(dir);
    expect(r.code).toBe(0);
    const d = r.json.diagnostics.filter((x) => x.code === "CD805");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: "warning", file: ASSESSMENT });
    // The first paragraph too narrow for one letter is one of the list's items.
    expect(d[0]!.line).toBeGreaterThan(line);
    expect(d[0]!.line).toBeLessThan(line + 30);
    expect(d[0]!.message).toMatch(/^Bản PDF “bieu-cham-diem\.pdf”: có dòng hẹp hơn một ký tự .*\(\d+ đoạn\)$/);
    // The .docx has no layout of its own: nothing to warn about without PDFs.
    expect((await buildJson(dir, ["--no-pdf"])).json.diagnostics.filter((x) => x.code === "CD805")).toEqual([]);
  });
});

describe("a word of a megabyte", () => {
  const withWord = (word: string) => readFileSync(join(ROOT, MINI_ASSESSMENT), "utf8").replace("justification: Đạt 95,5% kế hoạch.", `justification: ${word}`);

  async function timedBuild(word: string): Promise<number> {
    const dir = project(withWord(word));
    const t0 = performance.now();
    const r = await buildJson(dir);
    const ms = performance.now() - t0;
    expect(r.code).toBe(0);
    expect(r.json.built[0]!.outputs).toContain("output/2021/a/bieu-cham-diem.pdf");
    return ms;
  }

  it("builds in bounded time, linear in the word's length (with and without diacritics)", async () => {
    await timedBuild("khởi-động"); // load the writers and fonts once, outside the timings
    const small = await timedBuild("a".repeat(100_000));
    const large = await timedBuild("a".repeat(1_000_000));
    expect(large).toBeLessThan(20_000);
    expect(large).toBeLessThan(20 * Math.max(small, 50));
    // 1 MB of "ệ" (3 bytes each in UTF-8)
    expect(await timedBuild("ệ".repeat(333_333))).toBeLessThan(20_000);
  }, 120_000);

  it("check is not slowed by it", async () => {
    const dir = project(withWord("ư".repeat(500_000)));
    const t0 = performance.now();
    const r = await cli(dir, ["check", "content"]);
    expect(r.code).toBe(0);
    expect(performance.now() - t0).toBeLessThan(10_000);
  }, 60_000);

  it("line breaking stays linear for a word made of many runs (alternating bold and plain letters)", () => {
    const fonts = createLayoutFonts(loadFontSet(readFileSync));
    const plain = { size: 12 };
    const bold = { size: 12, bold: true };
    const time = (n: number) => {
      const runs = Array.from({ length: n }, (_, i) => ({ kind: "text" as const, text: "ạ", style: i % 2 ? bold : plain }));
      const t0 = performance.now();
      const lines = breakLines(collect(runs, fonts), 150, 0, fonts);
      const ms = performance.now() - t0;
      expect(lines.map((l) => l.segs.map((s) => s.text).join("")).join("")).toBe("ạ".repeat(n));
      return ms;
    };
    time(2000);
    const small = time(20_000);
    const large = time(200_000);
    expect(large).toBeLessThan(20 * Math.max(small, 20));
  }, 60_000);
});

describe("the TrueType reader and subsetter on damaged fonts", () => {
  it("throw FontFormatError, never a raw RangeError or TypeError (2 000 mutated copies of Tinos)", () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const original = new TrueTypeFont(TINOS, "tinos");
    const tags = ["cmap", "loca", "hmtx", "glyf", "name", "head", "hhea", "maxp", "post", "OS/2"];
    const text = "Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập “0123”";
    let valid = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const b = TINOS.slice();
      for (let i = 0, n = 1 + Math.floor(rnd() * 12); i < n; i++) {
        const t = original.table(tags[Math.floor(rnd() * tags.length)]!);
        b[t.offset + Math.floor(rnd() * Math.min(t.length, rnd() < 0.5 ? 64 : t.length))] = Math.floor(rnd() * 256);
      }
      const bytes = rnd() < 0.1 ? b.subarray(0, Math.floor(rnd() * b.length)) : b;
      if (!validateTrueType(bytes)) valid++;
      try {
        const f = new TrueTypeFont(bytes, "mutated");
        advanceUnits(f, text, true);
        void f.postScriptName;
        const used = [...text].map((c) => f.glyphId(c.codePointAt(0)!));
        subsetTrueType(f, used, { unicodes: new Map(used.map((g, i) => [0x41 + i, g])) });
        subsetTrueType(f, used, { hinting: true });
      } catch (e) {
        expect(e).toBeInstanceOf(FontFormatError);
      }
    }
    // Both kinds were exercised: fonts the validation accepts and fonts it refuses.
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(1900);
  });
});
