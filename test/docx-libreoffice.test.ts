/**
 * The example's .docx files open in LibreOffice: converted to PDF headless, their text (pdftotext)
 * holds every title, option text and justification of the example, in NFC, with every diacritic.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDocx } from "../src/write/docx/index.js";
import { exampleDocs, printedTexts } from "./fixtures/compose/example.js";
import { run, tools } from "./fixtures/compose/tools.js";
import { loadExampleScored } from "./helpers/example.js";

const gate = tools("soffice", "pdftotext");

/**
 * Whitespace collapsed and hyphens dropped: pdftotext joins a line broken after a hyphen by removing
 * the hyphen ("959/VP-⏎HCC" → "959/VPHCC"), so hyphens cannot be compared; letters and diacritics can.
 */
function norm(s: string): string {
  return s.normalize("NFC").replace(/-/g, "").replace(/\s+/g, " ").trim();
}

/**
 * `needle` occurs in `hay`, possibly cut in up to three pieces (a table row broken across pages
 * puts the repeated header row between them); every piece is matched exactly, diacritics included.
 */
function containsInPieces(hay: string, needle: string): boolean {
  if (hay.includes(needle)) return true;
  const words = needle.split(" ");
  let from = 0;
  let start = 0;
  for (let piece = 0; piece < 3 && start < words.length; piece++) {
    let end = words.length;
    let at = -1;
    while (end > start) {
      at = hay.indexOf(words.slice(start, end).join(" "), from);
      if (at >= 0) break;
      end--;
    }
    if (at < 0 || (end - start < 3 && end < words.length)) return false;
    from = at + words.slice(start, end).join(" ").length;
    start = end;
  }
  return start >= words.length;
}

describe("LibreOffice opens the .docx files", () => {
  let dir = "";
  const text: Record<string, string> = {};

  beforeAll(async () => {
    if (gate.skip) return;
    gate.require();
    dir = mkdtempSync(join(tmpdir(), "chamdiem-lo-"));
    const docs = exampleDocs();
    const files = [];
    for (const [name, doc] of [
      ["bao-cao", docs.report],
      ["bieu-cham-diem", docs.scoreTable],
    ] as const) {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, await writeDocx(doc));
      files.push(file);
    }
    // A private profile, so a LibreOffice already running elsewhere does not swallow the request.
    const r = run("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files], {
      timeout: 180_000,
    });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    for (const name of ["bao-cao", "bieu-cham-diem"]) {
      const t = run("pdftotext", ["-enc", "UTF-8", join(dir, `${name}.pdf`), "-"]);
      if (t.status !== 0) throw new Error(`pdftotext failed: ${t.stderr}`);
      text[name] = t.stdout;
    }
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(gate.skip)(`the PDFs' text is NFC${gate.note}`, () => {
    for (const t of Object.values(text)) {
      expect(t.length).toBeGreaterThan(500);
      expect(t).toBe(t.normalize("NFC"));
    }
  });

  it.skipIf(gate.skip)(`the report holds its header, title, body and closing${gate.note}`, () => {
    const t = norm(text["bao-cao"]!);
    for (const s of [
      "UBND TỈNH QUẢNG NGÃI",
      "VĂN PHÒNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 1880/BC-VP",
      "Quảng Ngãi, ngày 19 tháng 11 năm 2021",
      "BÁO CÁO",
      "Tự đánh giá, chấm điểm công tác dân vận chính quyền của Văn phòng UBND tỉnh",
      "kết quả đạt 100/100 điểm.",
      "Kính gửi Sở Nội vụ tổng hợp./.",
      "Nơi nhận:",
      "- Lưu: VT, HCQT_(hnb).",
      "CHÁNH VĂN PHÒNG",
      "Phạm Xuân Duệ",
    ]) {
      expect(t).toContain(norm(s));
    }
  });

  it.skipIf(gate.skip)(`the score table holds every title, option text and justification of the example${gate.note}`, () => {
    const t = norm(text["bieu-cham-diem"]!);
    const expected: string[] = [
      "BIỂU CHẤM ĐIỂM CHỈ SỐ CÔNG TÁC DÂN VẬN NĂM 2021",
      "(Kèm theo Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh)",
    ];
    const scored = loadExampleScored();
    expected.push(...printedTexts(scored));
    expected.push(...scored.rubric.notes);
    const missing = expected.map(norm).filter((s) => !containsInPieces(t, s));
    expect(missing).toEqual([]);
  });

  it("the piecewise match still needs every word, in order", () => {
    expect(containsInPieces("a b c d e | x y z", "a b c d e x y z")).toBe(true);
    expect(containsInPieces("a b c d e | x y z", "a b c d e x y w")).toBe(false);
    expect(containsInPieces("Vi.t Nam", "Việt Nam")).toBe(false);
  });
});
