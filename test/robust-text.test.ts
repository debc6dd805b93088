/**
 * Text hygiene, encodings and numbers at the reader (src/read/encoding.ts, src/read/text-hygiene.ts),
 * for what a fixture file cannot hold (bytes in other encodings, CR-only line ends), and a property
 * test: random Unicode in every printed field never crashes the pipeline, every .docx part stays
 * well-formed XML and every PDF opens in pdf.js with the (normalised) text in it.
 *
 * Well-formedness is checked twice: by a strict checker of our own (XML 1.0 characters, names,
 * attributes, entity references, element nesting), always; and by xmllint (libxml2) where installed,
 * which CI=true requires.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { renderAssessment } from "../src/pipeline/render.js";
import { runChecks, type CheckResult } from "../src/pipeline/run-checks.js";
import { message, type Diagnostic } from "../src/diagnostics/diagnostic.js";
import { loadFontSet } from "../src/fonts/index.js";
import type { ScoredAssessment, ScoredNode } from "../src/model/scored.js";
import { VI_NUMBERS } from "../src/model/points.js";
import { parseMarkdown } from "../src/read/markdown.js";
import { readYaml } from "../src/read/yaml-source.js";
import { escapeAttr, escapeText } from "../src/write/docx/xml.js";
import { input } from "./helpers/example.js";
import { MINI_RUBRIC, miniText } from "./helpers/mini.js";
import { readPdf } from "./helpers/pdf-read.js";
import { run, tools } from "./fixtures/compose/tools.js";

const FILE = "test/fixtures/mini/case.yaml";
const check = (bytes: Uint8Array): CheckResult => runChecks([input(MINI_RUBRIC), { path: FILE, bytes }]);
const codesOf = (bytes: Uint8Array) =>
  check(bytes)
    .diagnostics.filter((d) => d.pos.file === FILE)
    .map((d) => `${d.code}@${d.pos.line}`);
const enc = (s: string) => new TextEncoder().encode(s);
const only = (bytes: Uint8Array): Diagnostic => {
  const ds = check(bytes).diagnostics.filter((d) => d.pos.file === FILE);
  expect(ds).toHaveLength(1);
  return ds[0]!;
};

/** Windows-1258 as Vietnamese Windows writes it: base letters, and tones as combining bytes after the vowel. */
const CP1258: Record<string, number> = {
  ă: 0xe3,
  â: 0xe2,
  ê: 0xea,
  ô: 0xf4,
  ơ: 0xf5,
  ư: 0xfd,
  đ: 0xf0,
  Ă: 0xc3,
  Â: 0xc2,
  Ê: 0xca,
  Ô: 0xd4,
  Ơ: 0xd5,
  Ư: 0xdd,
  Đ: 0xd0,
  "\u0300": 0xcc,
  "\u0301": 0xec,
  "\u0303": 0xde,
  "\u0309": 0xd2,
  "\u0323": 0xf2,
};
function cp1258(s: string): Uint8Array {
  const out: number[] = [];
  // Decompose, then recompose the letters Windows-1258 has (ă â ê ô ơ ư), keeping the tones apart.
  for (const ch of s
    .normalize("NFD")
    .replace(/([aAeEoOuU])(\u0323?)([\u0306\u0302\u031b])/g, (_, b: string, dot: string, m: string) => (b + m).normalize("NFC") + dot)) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else if (CP1258[ch] !== undefined) out.push(CP1258[ch]!);
    else throw new Error(`not in the test's Windows-1258 table: ${ch}`);
  }
  return Uint8Array.from(out);
}

/** TCVN3 (ABC) lower-case letters of the lines below (as iconv -t TCVN5712-1 writes them). */
const TCVN3: Record<string, number> = { ă: 0xa8, â: 0xa9, ê: 0xaa, ô: 0xab, ơ: 0xac, ư: 0xad, đ: 0xae, ò: 0xdf, ử: 0xf6, ệ: 0xd6 };
function tcvn3(s: string): Uint8Array {
  return Uint8Array.from([...s].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (TCVN3[ch] ?? 0x3f))));
}

const HEAD = "rubric: mini\nyear: 2021\nunit:\n  name: Văn phòng thử nghiệm\n";

describe("encodings", () => {
  it("Windows-1258: the first non-UTF-8 byte's line and column, the encoding and the iconv command", () => {
    const d = only(cp1258(HEAD));
    expect(d.code).toBe("CD115");
    expect(d.pos).toMatchObject({ line: 4, column: 10 });
    expect(message(d, "vi")).toContain("Windows-1258");
    expect(message(d, "vi")).toContain(`iconv -f WINDOWS-1258 -t UTF-8 ${FILE} > test/fixtures/mini/case.utf8.yaml`);
    expect(message(d, "en")).toContain("Save with Encoding → UTF-8");
  });

  it("Windows-1258 deeper in a file: the line of the first Vietnamese letter", () => {
    const text = "rubric: mini\nyear: 2021\n# ghi chu\nunit:\n  agency: Sở Nội vụ\n";
    const d = only(cp1258(text));
    expect([d.code, d.pos.line, d.pos.column]).toEqual(["CD115", 5, 12]);
  });

  it("Latin-1 / Windows-1252 (a Western file): named as such", () => {
    const d = only(Uint8Array.from([...enc("rubric: mini\n# R"), 0xe9, ...enc("sum"), 0xe9, 0x0a]));
    expect([d.code, d.pos.line, d.pos.column]).toEqual(["CD115", 2, 4]);
    expect(message(d, "en")).toContain("Windows-1252 / Latin-1");
    expect(message(d, "en")).toContain("iconv -f WINDOWS-1252 -t UTF-8");
  });

  it("TCVN3 (ABC): named, with iconv's TCVN5712-1 and Unikey's converter", () => {
    const d = only(tcvn3(HEAD + "  agency: Văn phòng\n"));
    expect([d.code, d.pos.line]).toEqual(["CD115", 4]);
    expect(message(d, "vi")).toContain("TCVN3");
    expect(message(d, "vi")).toContain("iconv -f TCVN5712-1 -t UTF-8");
    expect(message(d, "vi")).toContain("Unikey");
  });

  it("UTF-16 with a BOM (little- and big-endian) and without one", () => {
    const text = miniText();
    const le = Buffer.from("\ufeff" + text, "utf16le");
    const be = Buffer.from(le).swap16();
    const noBom = Buffer.from(text, "utf16le");
    for (const [bytes, order, bom] of [
      [le, "little-endian", "có BOM"],
      [be, "big-endian", "có BOM"],
      [noBom, "little-endian", "không có BOM"],
    ] as const) {
      const d = only(bytes);
      expect([d.code, d.pos.line]).toEqual(["CD116", 1]);
      expect(message(d, "vi")).toContain(order);
      expect(message(d, "vi")).toContain(bom);
    }
    expect(message(only(noBom), "vi")).toContain("iconv -f UTF-16LE -t UTF-8");
  });

  it("surrogates encoded as UTF-8 bytes (CESU-8) are not UTF-8: the byte's line", () => {
    const bytes = Uint8Array.from([...enc("rubric: mini\nyear: 2021\nunit:\n  name: A"), 0xed, 0xa0, 0x80, 0x0a]);
    const d = only(bytes);
    expect([d.code, d.pos.line, d.pos.column, d.args.byte]).toEqual(["CD115", 4, 10, "0xED"]);
  });

  it("binary data stays CD104, now at the first invalid byte's line", () => {
    const bytes = Uint8Array.from([...enc("rubric: mini\nyear: 2021\n"), 0x00, 0xff, 0x01, 0x02, 0x03, 0xfe]);
    expect(codesOf(bytes)).toEqual(["CD104@3"]);
  });

  it("a whole file decoded once as Windows-1252 and saved again as UTF-8: the word and what it meant", () => {
    // Windows-1252 proper ("VÄƒn") and Latin-1 ("VÄ\u0083n", what Node's decoder gives for 0x83).
    for (const garbled of [miniText().replace("Văn phòng thử", "VÄƒn phÃ²ng thá»­"), new TextDecoder("windows-1252").decode(enc(miniText()))]) {
      const d = only(enc(garbled));
      expect([d.code, d.pos.line, d.pos.column]).toEqual(["CD117", 4, 9]);
      expect(d.args).toMatchObject({ text: garbled.split("\n")[3]!.slice(8).split(" ")[0], meant: "Văn" });
    }
  });

  it("no Vietnamese text is taken for garbled text (the example, every fixture of the mini project)", () => {
    for (const path of [
      "content/assessments/2021/van-phong-ubnd-tinh.yaml",
      "content/rubrics/dvcq-qng-2021.yaml",
      MINI_RUBRIC,
      "test/fixtures/mini/assessment.yaml",
    ]) {
      const r = readYaml(path, input(path).bytes);
      expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    }
    // Latin-1 letters next to Windows-1252 punctuation, as real text has them.
    expect(codesOf(enc(miniText().replace("Sở Nội vụ", "Café “Ê” à° é… ô— “NGÃ” KHÊ” NGÃ…")))).toEqual([]);
  });
});

describe("line ends", () => {
  const mini = miniText();

  it("a file whose only line ends are CR (old Mac) reads as the LF file, with one warning", () => {
    const lf = check(enc(mini));
    const cr = check(enc(mini.replace(/\n/g, "\r")));
    expect(cr.diagnostics.map((d) => `${d.code}@${d.pos.line}:${d.pos.column}`)).toEqual(["CD120@1:13"]);
    expect(cr.assessments[0]!.scored!.total).toBe(lf.assessments[0]!.scored!.total);
    expect(cr.assessments[0]!.assessment!.report.body.text).toBe(lf.assessments[0]!.assessment!.report.body.text);
    expect(message(cr.diagnostics[0]!, "vi")).toMatch(/và \d+ chỗ khác/);
  });

  it("CR-only line ends keep every position: an error is reported on the same line as in the LF file", () => {
    const bad = mini.replace("    score: 1.4\n", "    score: 9\n");
    const lf = codesOf(enc(bad));
    expect(lf).toEqual([`CD408@${bad.split("\n").indexOf("    score: 9") + 1}`]);
    expect(codesOf(enc(bad.replace(/\n/g, "\r")))).toEqual(["CD120@1", ...lf]);
  });

  it("a lone CR in a file with LF line ends is a line end (as editors show it), with its line", () => {
    const text = mini.replace("  place: Quảng Ngãi\n", "  place: Quảng Ngãi\r  date: 2021-11-19\n").replace("  date: 2021-11-19\n  summary", "  summary");
    expect(codesOf(enc(text))).toEqual(["CD120@10"]);
  });

  it("CRLF stays silent", () => {
    expect(codesOf(enc(mini.replace(/\n/g, "\r\n")))).toEqual([]);
  });
});

describe("characters at the reader", () => {
  const mini = miniText();

  it("both YAML readers (fast and library) report and normalise the same way", () => {
    const fast = mini.replace("  name: Văn phòng thử nghiệm", "  name: Văn\tphòng\u00a0thử\u200bnghiệm");
    // A flow mapping elsewhere sends the same text to the yaml library.
    const library = fast.replace("  recipients:\n    - Sở Nội vụ\n", "  recipients: [Sở Nội vụ]\n");
    const a = check(enc(fast));
    const b = check(enc(library));
    const where = (r: CheckResult) => r.diagnostics.map((d) => `${d.code}@${d.pos.line}:${d.pos.column} ${d.args.char}`);
    expect(where(a)).toEqual(["CD119@4:12 U+0009", "CD119@4:18 U+00A0", "CD119@4:22 U+200B"]);
    expect(where(b)).toEqual(where(a));
    expect(a.assessments[0]!.assessment!.unit.name).toBe("Văn phòng thửnghiệm");
    expect(b.assessments[0]!.assessment!.unit.name).toBe("Văn phòng thửnghiệm");
  });

  it("a Markdown field is normalised in what is printed, not only in the data", () => {
    const r = check(enc(mini.replace("justification: Kế hoạch số 12/KH-VP", "justification: Kế\thoạch\u2028số 12/KH-VP")));
    const md = r.assessments[0]!.assessment!.answers.get("1.1")!.justification!;
    expect(md.text).toBe("Kế hoạch số 12/KH-VP ngày 05/01/2021.");
    expect(JSON.stringify(md.root)).not.toMatch(/\\t|\u2028/);
  });

  it("one diagnostic per character and file, at the first place, counting the others", () => {
    const text = mini.replace("Văn phòng thử nghiệm", "Văn\tphòng").replace("Sở Nội vụ", "Sở\tNội\tvụ");
    const ds = check(enc(text)).diagnostics;
    expect(ds.map((d) => `${d.code}@${d.pos.line}`)).toEqual(["CD119@4"]);
    expect(message(ds[0]!, "en")).toContain("(and 2 more in the file)");
  });

  it("an escaped lone low surrogate and a noncharacter beyond the BMP are refused at their escape", () => {
    const text = mini.replace("  name: Văn phòng thử nghiệm", '  name: "Văn phòng \\uDC00 thử"').replace("    - Sở Nội vụ", '    - "Sở \\U0001FFFF Nội vụ"');
    const ds = check(enc(text)).diagnostics;
    expect(ds.map((d) => `${d.code}@${d.pos.line}:${d.pos.column} ${d.args.char}`)).toEqual(["CD118@4:20 U+DC00", "CD118@16:11 U+1FFFF"]);
  });

  it("literal C0/C1 controls anywhere (even in a comment) refuse the file with each character's place", () => {
    const text = "# ghi chú\u0007\n" + mini.replace("  agency: Văn phòng", "  agency: Văn\u0093 phòng");
    expect(codesOf(enc(text))).toEqual(["CD118@1", "CD118@6"]);
  });

  it("a literal noncharacter beyond the BMP (U+10FFFF) is refused like U+FFFF", () => {
    expect(codesOf(enc(mini.replace("  agency: Văn phòng", "  agency: Văn phòng \u{10FFFF}")))).toEqual(["CD118@5"]);
  });

  it("an alias repeats its anchor's number: a non-decimal one is reported once, at the anchor", () => {
    const flow = mini.replace("  recipients:\n    - Sở Nội vụ\n", "  recipients: [Sở Nội vụ]\n");
    expect(
      codesOf(enc(flow.replace("    value: 95.5\n", "    value: &v 95.5\n").replace("    value: 7\n", "    value: *v\n"))).filter((c) => c.startsWith("CD121")),
    ).toEqual([]);
    const hex = flow.replace("  number: 5\n", "  number: &v 0x07\n").replace("    value: 7\n", "    value: *v\n");
    expect(codesOf(enc(hex)).filter((c) => c.startsWith("CD121"))).toEqual(["CD121@8"]);
  });

  it("numbers keep working when written in decimal, with signs, leading zeros and a trailing point", () => {
    const text = mini.replace("    value: 7\n", "    value: +07.\n");
    expect(codesOf(enc(text))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// XML well-formedness: a strict checker of our own, and xmllint where installed.

const XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /^[A-Za-z_:][\w.:-]*$/;
const REF = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

/** Throws with the reason when `xml` is not a well-formed XML 1.0 document (no DTD, as our parts). */
function assertWellFormed(xml: string, part: string): void {
  const fail = (why: string, at: number) => {
    throw new Error(`${part}: ${why} at offset ${at}: ${JSON.stringify(xml.slice(Math.max(0, at - 20), at + 20))}`);
  };
  const bad = XML_CHAR.exec(xml);
  if (bad) fail(`character U+${bad[0].codePointAt(0)!.toString(16)} not allowed in XML 1.0`, bad.index);
  const refs = (s: string, base: number) => {
    for (let i = s.indexOf("&"); i >= 0; i = s.indexOf("&", i + 1)) {
      REF.lastIndex = i;
      if (!REF.test(s)) fail("bare & (not an entity reference)", base + i);
    }
  };
  const stack: string[] = [];
  let roots = 0;
  let p = 0;
  if (xml.startsWith("<?xml")) {
    p = xml.indexOf("?>") + 2;
    if (p < 2) fail("unterminated XML declaration", 0);
  }
  while (p < xml.length) {
    const lt = xml.indexOf("<", p);
    const text = xml.slice(p, lt < 0 ? xml.length : lt);
    if (text.includes(">") && text.includes("]]>")) fail("]]> in text", p);
    if (stack.length === 0 && text.trim() !== "") fail("text outside the root element", p);
    refs(text, p);
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) fail("unterminated comment", lt);
      p = end + 3;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) fail("unterminated tag", lt);
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) fail(`unbalanced </${name}>`, lt);
    } else {
      const selfClosing = tag.endsWith("/");
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = /^([^\s/>]+)([\s\S]*)$/.exec(body);
      if (!m || !NAME.test(m[1]!)) fail("bad element name", lt);
      const attrs = /\s+([^\s=]+)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
      let rest = m![2]!;
      const seen = new Set<string>();
      let k = 0;
      while (rest.slice(k).trim() !== "") {
        attrs.lastIndex = k;
        const a = attrs.exec(rest);
        if (!a) fail("bad attribute", lt + 1 + m![1]!.length + k);
        if (!NAME.test(a![1]!) || seen.has(a![1]!)) fail(`bad or repeated attribute ${a![1]}`, lt);
        seen.add(a![1]!);
        refs(a![3] ?? a![4]!, lt);
        k = attrs.lastIndex;
      }
      rest = "";
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(m![1]!);
    }
    p = gt + 1;
  }
  if (stack.length > 0) fail(`unclosed <${stack[stack.length - 1]}>`, xml.length);
  if (roots !== 1) fail(`${roots} root elements`, 0);
}

describe("the strict XML checker itself", () => {
  it("accepts our parts' shapes and rejects what is not well-formed", () => {
    assertWellFormed('<?xml version="1.0"?>\n<a x="1" y=\'&amp;\'><b/>t&lt;&#x41;</a>', "ok");
    for (const bad of ["<a>\u0001</a>", "<a>\uFFFE</a>", "<a>\uD800</a>", "<a>&</a>", "<a><b></a></b>", '<a x="<"/>', "<a/><b/>", "<a>", "<a x='1' x='2'/>"]) {
      expect(() => assertWellFormed(bad, "bad")).toThrow();
    }
  });

  it("the docx escaper never emits a character XML 1.0 forbids, nor bare markup", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
        (a, b) => {
          for (const s of [a, b, a + b]) assertWellFormed(`<r v="${escapeAttr(s)}">${escapeText(s)}</r>`, "escaped");
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The property test: random Unicode in every printed field, through check, compose and both writers.

const fonts = loadFontSet(readFileSync);
const xmllint = tools("xmllint");

/** Letters and punctuation that Markdown and YAML read literally (no * _ ` [ < & # - + = | { } digits). */
const PLAIN = [
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
  " ",
  " ",
  ",",
  ".",
  "(",
  ")",
  "/",
  "%",
  ":",
  ";",
  "?",
  "'",
  '"',
];
const unit = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom("\u200f", "\u202e", "\u200e", "\u202b", "\u2067", "\u061c") },
  { weight: 1, arbitrary: fc.constantFrom("\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u00a0", "\u200b", "\u3000", "\t") },
  { weight: 1, arbitrary: fc.integer({ min: 0x300, max: 0x36f }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom("e\u0302\u0301", "a\u0306\u0300", "o\u031b\u0323", "u\u031b\u0303", "D\u0335", "Vie\u0323\u0302t") },
  { weight: 1, arbitrary: fc.constantFrom("😀", "👍🏽", "👨‍👩‍👧", "🇻🇳", "\u{1F600}\u{FE0F}") },
);
const field = fc.array(unit, { maxLength: 24 }).map((a) => a.join(""));

const FIELDS = ["name", "agency", "summary", "body", "recipient", "signer", "j11", "j12a", "j13"] as const;
type Fields = Record<(typeof FIELDS)[number], string>;
const fields = fc.record(Object.fromEntries(FIELDS.map((f) => [f, field])) as Record<keyof Fields, fc.Arbitrary<string>>);

/**
 * A YAML double-quoted string (JSON's escapes are YAML's): every character that is not printable is
 * an escape, so each random value reaches the value-level hygiene rather than refusing the file.
 */
const quoted = (s: string) =>
  JSON.stringify(s)
    .replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    // A combining mark right after an escape would compose with its last character (NFC of the
    // file): the escape \n followed by U+0300 would become \ǹ, an invalid escape. Such marks are escaped too.
    .replace(
      /(\\(?:u[0-9a-f]{4}|[^u]))(\p{M}+)/gu,
      (_, e: string, marks: string) => e + [...marks].map((m) => `\\u${m.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    );

function assessmentText(f: Fields): string {
  return miniText()
    .replace("  name: Văn phòng thử nghiệm", `  name: ${quoted(`Văn phòng ${f.name} hết`)}`)
    .replace("  agency: Văn phòng", `  agency: ${quoted(`Văn phòng ${f.agency} hết`)}`)
    .replace("  summary: Tự đánh giá, chấm điểm thử nghiệm", `  summary: ${quoted(`Tự đánh giá ${f.summary} hết`)}`)
    .replace("  body: |\n    Kết quả đạt **{{total}}/{{max}} điểm**.", `  body: ${quoted(`Kết quả ${f.body} hết`)}`)
    .replace("    - Sở Nội vụ", `    - ${quoted(`Sở Nội vụ ${f.recipient} hết`)}`)
    .replace("    name: Nguyễn Văn A", `    name: ${quoted(`Nguyễn ${f.signer} hết`)}`)
    .replace("justification: Kế hoạch số 12/KH-VP ngày 05/01/2021.", `justification: ${quoted(`Kế hoạch ${f.j11} hết`)}`)
    .replace("      a: Quyết định số 3/QĐ-VP ngày 04/01/2021.", `      a: ${quoted(`Quyết định ${f.j12a} hết`)}`)
    .replace("justification: Đạt 95,5% kế hoạch.", `justification: ${quoted(`Đạt kế hoạch ${f.j13} hết`)}`);
}

/** Put raw strings straight into a scored model (past the reader), for the writers' own defence. */
function injectRaw(s: ScoredAssessment, f: Fields): void {
  const a = s.assessment;
  a.unit.name = `Văn phòng ${f.name} hết`;
  a.unit.agency = `Văn phòng ${f.agency} hết`;
  a.report.summary = `Tự đánh giá ${f.summary} hết`;
  a.report.recipients = [`Sở Nội vụ ${f.recipient} hết`];
  a.report.signer.name = `Nguyễn ${f.signer} hết`;
  const md = (t: string) => parseMarkdown(t, { file: FILE, line: 1, column: 1, indent: 0, block: false }).md;
  a.report.body = md(`Kết quả ${f.body} hết`);
  const walk = (ns: ScoredNode[]) => {
    for (const n of ns) {
      if (n.node.id === "1.1" || n.node.id === "1.3") n.justification = md(`Kế hoạch ${n.node.id === "1.1" ? f.j11 : f.j13} hết`);
      if (n.node.id === "1.2" && n.options?.[0]) n.options[0].justification = md(`Quyết định ${f.j12a} hết`);
      if (n.children) walk(n.children);
    }
  };
  walk(s.items);
}

/** What comparing printed text ignores: spacing, case, composition, marks, and what the font cannot draw. */
function canon(s: string): string {
  let out = "";
  for (const ch of s
    .normalize("NFKC")
    .toLocaleUpperCase("vi")
    .replace(/[\s\p{M}\u0000]/gu, "")) {
    if (fonts.faces.regular.hasGlyph(ch.codePointAt(0)!)) out += ch;
  }
  return out;
}

const CLEAN = /(?![\n])[\t\r\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u00a0\u2028\u2029\ufeff\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

async function renderAndVerify(scored: ScoredAssessment, expectText: string[] | undefined, dir: string, n: number): Promise<void> {
  const { files } = await renderAssessment(scored, { fonts, numbers: VI_NUMBERS, date: "2021-11-19T00:00:00.000Z", formats: ["docx", "pdf"] });
  const xmlFiles: string[] = [];
  let pdfText = "";
  for (const f of files) {
    if (f.name.endsWith(".docx")) {
      for (const [part, bytes] of Object.entries(unzipSync(f.bytes))) {
        if (!/\.(xml|rels)$/.test(part)) continue;
        assertWellFormed(strFromU8(bytes), `${f.name}/${part}`);
        const path = join(dir, `${n}-${f.name}-${part.replace(/\//g, "_")}`);
        writeFileSync(path, bytes);
        xmlFiles.push(path);
      }
    } else {
      const pdf = await readPdf(f.bytes);
      expect(pdf.pages.length).toBeGreaterThan(0);
      pdfText += pdf.pages.flatMap((p) => p.items.map((i) => i.str)).join("");
    }
  }
  if (!xmllint.skip) {
    xmllint.require();
    const r = run("xmllint", ["--noout", ...xmlFiles]);
    expect(r.stderr, "xmllint").toBe("");
    expect(r.status).toBe(0);
  }
  if (expectText) {
    const printed = canon(pdfText);
    for (const t of expectText) expect(printed, `PDF text has ${JSON.stringify(t)}`).toContain(canon(t));
  }
}

describe("property: random Unicode in every printed field", () => {
  it(`never crashes; .docx parts well-formed; PDFs open in pdf.js with the normalised text${xmllint.note}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-robust-"));
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fields, async (f) => {
          n++;
          const r = check(enc(assessmentText(f)));
          const a = r.assessments[0];
          expect(a?.scored, JSON.stringify(r.diagnostics.slice(0, 3))).toBeDefined();
          const m = a!.assessment!;
          const printed = [m.unit.name, m.unit.agency, m.report.summary, m.report.body.text, ...m.report.recipients, m.report.signer.name];
          const answers = ["1.1", "1.3"].map((id) => m.answers.get(id)!.justification!.text);
          const ticked = m.answers.get("1.2")!.ticked![0]!.justification!.text;
          // The reader left nothing that cannot be printed, in the data or in the parsed Markdown.
          for (const t of [...printed, ...answers, ticked]) expect(t).not.toMatch(CLEAN);
          for (const d of r.diagnostics) expect(message(d, "vi")).not.toMatch(/\{\w+\}/);
          await renderAndVerify(a!.scored!, [...printed, ...answers, ticked], dir, n);
          // The same raw strings put straight into the model: the writers' own defence.
          injectRaw(a!.scored!, f);
          await renderAndVerify(a!.scored!, undefined, dir, n + 100000);
        }),
        { numRuns: 30 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("spaces left at the ends of one-line values", () => {
  it("a no-break space typed at the end of the unit name is trimmed with its warning, not printed", () => {
    const r = check(enc(miniText().replace("name: Văn phòng thử nghiệm", 'name: "Văn phòng thử nghiệm\\u00a0"')));
    expect(r.diagnostics.filter((d) => d.pos.file === FILE).map((d) => `${d.code}@${d.pos.line}`)).toEqual(["CD119@4"]);
    expect(r.assessments[0]!.assessment!.unit.name).toBe("Văn phòng thử nghiệm");
  });
});
