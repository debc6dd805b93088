/**
 * Every evidence diagnostic from the command line (CD750–CD767), on a small project made here: the
 * mini rubric with two criteria that require evidence, an assessment citing and declaring files, and
 * an evidence folder holding one file per fault (a PDF twice, an LFS pointer, garbage named .pdf, a
 * truncated PDF, an encrypted one, a GIF named .jpg, a small image…). Then a build of it: the documents
 * are still written, the faulty files are left out of the pack, and the index says why.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli-run.js";
import { ROOT } from "./helpers/example.js";
import { png } from "./helpers/sample-evidence.js";

const FOLDER = "content/evidence/2021/van-phong-thu";
let dir: string;

async function pdf(pages: number, objectStreams = true): Promise<Uint8Array> {
  const d = await PDFDocument.create();
  for (let i = 0; i < pages; i++) d.addPage([595.28, 841.89]);
  return d.save({ useObjectStreams: objectStreams });
}

/** A PDF whose trailer names an /Encrypt dictionary (as test/evidence-file.test.ts makes it). */
async function encrypted(): Promise<Uint8Array> {
  let s = Buffer.from(await pdf(1, false)).toString("latin1");
  const obj = "99 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\nendobj\n";
  const at = s.lastIndexOf("\nxref") + 1;
  s = s.slice(0, at) + obj + s.slice(at);
  s = s.replace("trailer\n<<\n", "trailer\n<<\n/Encrypt 99 0 R\n");
  s = s.replace(/startxref\n(\d+)/, (_, n: string) => `startxref\n${Number(n) + obj.length}`);
  return new Uint8Array(Buffer.from(s, "latin1"));
}

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`snippet not found: ${from}`);
  return text.replace(from, to);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chamdiem-evidence-"));
  mkdirSync(join(dir, "content/rubrics"), { recursive: true });
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  mkdirSync(join(dir, FOLDER), { recursive: true });
  let rubric = readFileSync(join(ROOT, "test/fixtures/mini/rubric.yaml"), "utf8");
  rubric = edit(rubric, "        title: Hoàn thành kế hoạch kiểm tra\n", "        title: Hoàn thành kế hoạch kiểm tra\n        evidence: required\n");
  rubric = edit(rubric, "        title: Hồ sơ đúng hạn\n", "        title: Hồ sơ đúng hạn\n        evidence: required\n");
  writeFileSync(join(dir, "content/rubrics/mini.yaml"), rubric);
  let a = readFileSync(join(ROOT, "test/fixtures/mini/assessment.yaml"), "utf8");
  a = edit(
    a,
    "    justification: Kế hoạch số 12/KH-VP ngày 05/01/2021.\n",
    `    justification: Kế hoạch số 12/KH-VP ngày 05/01/2021.
    evidence:
      - file: 12_KH-VP.pdf
        pages: 3-5
      - file: anh-hoi-nghi.png
        pages: trang ba
      - thieu.pdf
`,
  );
  a = edit(a, "    justification: Đạt 95,5% kế hoạch.\n", "    justification: Đạt 95,5% kế hoạch (Kế hoạch số 44/KH-VP ngày 02/02/2021).\n");
  a = edit(a, "    justification: Đúng hạn 98,93%.\n", "");
  a = edit(
    a,
    "    justification: Giảm 7% biên chế.\n",
    `    justification: Giảm 7% biên chế (Quyết định số 21/QĐ-VP ngày 03/3/2021; Công văn số 30/VP-TH ngày 05/3/2021).
    evidence:
      - hong.jpg
`,
  );
  writeFileSync(join(dir, "content/assessments/2021/van-phong-thu.yaml"), a);
  const files: Record<string, Uint8Array> = {
    "12_KH-VP.pdf": await pdf(2),
    "3_QĐ-VP.pdf": await pdf(1),
    "3_QĐ-VP -- ban sao.pdf": await pdf(1),
    "7_BC-VP.pdf": new TextEncoder().encode("version https://git-lfs.github.com/spec/v1\noid sha256:" + "a".repeat(64) + "\nsize 123456\n"),
    "21_QĐ-VP.pdf": new TextEncoder().encode("Đây không phải tệp PDF"),
    "9_QĐ-UBND.pdf": (await pdf(3, false)).slice(0, 400),
    "15_UBND-NC.pdf": await encrypted(),
    "hong.jpg": new Uint8Array(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1")),
    "anh-hoi-nghi.png": png(800, 600, () => 0x336699),
    "99_QĐ-VP.pdf": await pdf(1),
    "ghi-chu.pdf": await pdf(1),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, FOLDER, name), bytes);
});

const A = "content/assessments/2021/van-phong-thu.yaml";
const F = (name: string) => `${FOLDER}/${name}`;

describe("the evidence checks from the command line", () => {
  it("reports each fault once, with its code, severity and position", async () => {
    const r = await runCli(dir, ["check", "--format", "json"]);
    const ds = (JSON.parse(r.out) as { diagnostics: { code: string; severity: string; file: string; line: number }[] }).diagnostics;
    const evidence = ds.filter((d) => /^CD7[5-6]\d$/.test(d.code)).map((d) => `${d.code} ${d.severity} ${d.file}:${d.line}`);
    expect(evidence.sort()).toEqual(
      [
        `CD750 warning ${A}:47`, // 30/VP-TH: cited, no file
        `CD751 warning ${F("99_QĐ-VP.pdf")}:1`,
        `CD752 warning ${F("ghi-chu.pdf")}:1`,
        `CD753 error ${F("3_QĐ-VP.pdf")}:1`,
        `CD755 error ${A}:31`, // thieu.pdf
        `CD756 error ${A}:40`, // 44/KH-VP in 1.3, which requires evidence
        `CD757 error ${A}:41`, // 1.4: a score, no evidence, no justification
        `CD760 warning ${F("7_BC-VP.pdf")}:1`,
        `CD761 warning ${F("21_QĐ-VP.pdf")}:1`,
        `CD762 warning ${F("9_QĐ-UBND.pdf")}:1`,
        `CD763 warning ${F("15_UBND-NC.pdf")}:1`,
        `CD764 warning ${F("hong.jpg")}:1`,
        `CD765 warning ${F("anh-hoi-nghi.png")}:1`,
        `CD766 error ${A}:30`, // "trang ba"
        `CD767 error ${A}:28`, // 3-5 of a 2-page file
      ].sort(),
    );
    expect(r.code).toBe(1);
  });

  it("says it in Vietnamese by default and in English with --lang en", async () => {
    const vi = await runCli(dir, ["check", "--quiet"]);
    expect(vi.err).toContain(`${A}:41:3: lỗi CD757:`);
    expect(vi.err).toContain("Tiêu chí 1.4 bắt buộc có hồ sơ kiểm chứng");
    expect(vi.err).toContain("là con trỏ Git LFS, chưa tải tệp: chạy git lfs pull");
    const en = await runCli(dir, ["check", "--quiet", "--lang", "en"]);
    expect(en.err).toContain("Criterion 1.4 requires evidence");
    expect(en.err).toContain("is a Git LFS pointer");
  });
});

describe("a build with faulty evidence files", () => {
  it("writes the documents, leaves the faulty files out of the pack and says why in the index", async () => {
    // Only the warnings left: the errors fixed (one file per document, declarations that hold).
    const path = join(dir, A);
    let a = readFileSync(path, "utf8");
    a = edit(a, "        pages: 3-5\n", "        pages: 1-2\n");
    a = edit(a, "        pages: trang ba\n", "");
    a = edit(a, "      - thieu.pdf\n", "");
    a = edit(a, " (Kế hoạch số 44/KH-VP ngày 02/02/2021)", "");
    a = edit(a, '  "1.4":\n    value: "98,93"\n    score: 2\n', '  "1.4":\n    value: "98,93"\n    score: 2\n    justification: Đúng hạn 98,93%.\n');
    writeFileSync(path, a);
    rmSync(join(dir, FOLDER, "3_QĐ-VP -- ban sao.pdf"));
    const r = await runCli(dir, ["build", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = join(dir, "output/2021/van-phong-thu");
    const manifest = JSON.parse(readFileSync(join(out, "ho-so-kiem-chung.json"), "utf8")) as {
      files: { file: string; problem?: string; packPage?: number; pages?: number }[];
      pack: { evidencePages: number };
    };
    const byName = new Map(manifest.files.map((f) => [f.file, f]));
    expect(byName.get("7_BC-VP.pdf")?.problem).toBe("lfs-pointer");
    expect(byName.get("15_UBND-NC.pdf")?.problem).toBe("encrypted");
    expect(byName.get("hong.jpg")?.problem).toBe("not-image");
    expect(byName.get("7_BC-VP.pdf")?.packPage).toBeUndefined();
    // In the pack: 12_KH-VP (2 pages), 3_QĐ-VP (1), the small photo (1) — the readable ones.
    expect(manifest.files.filter((f) => f.packPage !== undefined).map((f) => [f.file, f.packPage])).toEqual([
      ["12_KH-VP.pdf", 1],
      ["anh-hoi-nghi.png", 3],
      ["3_QĐ-VP.pdf", 4],
    ]);
    expect(manifest.pack.evidencePages).toBe(4);
    const pack = await PDFDocument.load(readFileSync(join(out, "ho-so-kiem-chung.pdf")));
    const index = await PDFDocument.load(readFileSync(join(out, "danh-muc-ho-so-kiem-chung.pdf")));
    // The pack: the cover (1 page), the index, then the evidence.
    expect(pack.getPageCount()).toBe(1 + index.getPageCount() + 4);
  });
});
