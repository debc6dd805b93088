/**
 * Reading evidence files (src/read/evidence-file.ts): identity, Git LFS pointers, PDFs (pages,
 * encryption, damage), JPEG and PNG images; the checks of what was read (src/check/evidence-files.ts,
 * CD760–CD767) and a declaration's `pages`; the disk cache of the PDF step (src/cli/evidence-cache.ts).
 * Every fixture is made here: PDFs with pdf-lib (and qpdf for a really encrypted one), images by hand.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkEvidenceFile, checkPageRef, dpiAtA4Width } from "../src/check/evidence-files.js";
import { cachedEvidenceReader } from "../src/cli/evidence-cache.js";
import { message, type Diagnostic } from "../src/diagnostics/diagnostic.js";
import { evidenceFile, type EvidenceFile, type EvidenceInfo } from "../src/model/evidence.js";
import type { SourcePos } from "../src/model/source.js";
import { completeEvidence, EVIDENCE_READER_VERSION, parsePageRef, readEvidenceFile, sniffEvidence } from "../src/read/evidence-file.js";
import { encodePng, toolGate } from "./helpers/pdf-read.js";

const FOLDER = "content/evidence/2021/van-phong-ubnd-tinh";
const file = (name: string): EvidenceFile => evidenceFile(`${FOLDER}/${name}`)!;
const atFile = (name: string): SourcePos => ({ file: `${FOLDER}/${name}`, line: 1, column: 1 });
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

/** A PDF of `pages` empty A4 pages, written as pdf-lib writes it (object streams) or with a plain xref table. */
async function pdf(pages: number, objectStreams = true): Promise<Uint8Array> {
  const d = await PDFDocument.create();
  for (let i = 0; i < pages; i++) d.addPage([595.28, 841.89]);
  return d.save({ useObjectStreams: objectStreams });
}

/**
 * A PDF whose trailer names an /Encrypt dictionary (Standard handler, revision 2), its streams left as
 * they are: enough for a reader to see a protected file (pdf-lib parses it and sets isEncrypted).
 */
async function pdfWithEncryptTrailer(pages: number): Promise<Uint8Array> {
  let s = Buffer.from(await pdf(pages, false)).toString("latin1");
  const obj = "99 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\nendobj\n";
  const at = s.lastIndexOf("\nxref") + 1;
  s = s.slice(0, at) + obj + s.slice(at);
  s = s.replace("trailer\n<<\n", "trailer\n<<\n/Encrypt 99 0 R\n");
  s = s.replace(/startxref\n(\d+)/, (_, n: string) => `startxref\n${Number(n) + obj.length}`);
  expect(s).toContain("/Encrypt 99 0 R");
  return latin1(s);
}

/** A real (decodable) grey PNG of width × height white pixels (test/helpers/pdf-read.ts encodePng). */
function png(width: number, height: number): Uint8Array {
  return encodePng({ width, height, data: new Uint8Array(width * height).fill(0xff) });
}

/** The header of a baseline JPEG (SOI, APP0 JFIF, SOF0 with its size, EOI): all image-size reads. */
function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

const LFS_POINTER =
  "version https://git-lfs.github.com/spec/v1\n" + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n" + "size 1843200\n";

/** The messages of a diagnostic in both languages, for an exact comparison. */
function rendered(d: Diagnostic) {
  return { code: d.code, severity: d.severity, pos: d.pos, vi: message(d, "vi"), en: message(d, "en") };
}

describe("sniffEvidence: what the bytes alone tell", () => {
  it("gives every file its SHA-256 and size, a PDF's pages left to the parse", async () => {
    const bytes = await pdf(2);
    const info = sniffEvidence(file("159_QĐ-UBND.pdf"), bytes);
    expect(info).toEqual({ sha256: sha256(bytes), size: bytes.length });
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1).
    expect(sniffEvidence(file("x.png"), latin1("abc")).sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("tells a Git LFS pointer from the file, whatever the file's type", () => {
    const bytes = latin1(LFS_POINTER);
    for (const name of ["159_QĐ-UBND.pdf", "anh.jpg", "anh.png"]) {
      expect(sniffEvidence(file(name), bytes)).toEqual({ sha256: sha256(bytes), size: bytes.length, problem: "lfs-pointer" });
    }
    // A large text that starts the same way is not a pointer (Git LFS reads none of 1024 bytes or more).
    const large = latin1(LFS_POINTER + "x".repeat(1024));
    expect(sniffEvidence(file("a.pdf"), large).problem).toBe("not-pdf");
  });

  it("finds a PDF's header within the first 1024 bytes, else not a PDF (an empty file too)", async () => {
    const bytes = await pdf(1);
    const junk = new Uint8Array(1019 + bytes.length);
    junk.set(bytes, 1019); // "%PDF-" ends at byte 1024
    expect(sniffEvidence(file("a.pdf"), junk).problem).toBeUndefined();
    const late = new Uint8Array(1020 + bytes.length);
    late.set(bytes, 1020);
    expect(sniffEvidence(file("a.pdf"), late).problem).toBe("not-pdf");
    expect(sniffEvidence(file("a.pdf"), new Uint8Array(0))).toEqual({ sha256: sha256(new Uint8Array(0)), size: 0, problem: "not-pdf" });
    expect(sniffEvidence(file("a.pdf"), latin1("Quyết định số 159 (a Word file renamed)")).problem).toBe("not-pdf");
  });

  it("reads an image's format and pixels: JPEG and PNG, whatever the extension says", () => {
    const j = jpeg(1700, 2200);
    expect(sniffEvidence(file("anh.jpg"), j)).toEqual({ sha256: sha256(j), size: j.length, pages: 1, pixels: { width: 1700, height: 2200 }, imageType: "jpg" });
    const p = png(30, 20);
    expect(sniffEvidence(file("anh.png"), p)).toEqual({ sha256: sha256(p), size: p.length, pages: 1, pixels: { width: 30, height: 20 }, imageType: "png" });
    // A PNG named .jpeg is embedded as the PNG it is.
    expect(sniffEvidence(file("anh.JPEG"), p).imageType).toBe("png");
  });

  const poppler = toolGate(["pdftoppm"], "poppler-utils");
  it.runIf(poppler.available)("reads a real encoder's JPEG and PNG (a page rendered by pdftoppm at 20 dpi)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-ev-"));
    try {
      writeFileSync(join(dir, "a.pdf"), await pdf(1));
      execFileSync("pdftoppm", ["-jpeg", "-r", "20", "-singlefile", join(dir, "a.pdf"), join(dir, "page")]);
      execFileSync("pdftoppm", ["-png", "-r", "20", "-singlefile", join(dir, "a.pdf"), join(dir, "page")]);
      // A4 at 20 dpi, rounded up by pdftoppm: 595,28 pt × 20 / 72 = 165,4 → 166 px wide, 841,89 pt → 233,9 → 234 px high.
      const j = sniffEvidence(file("scan.jpg"), new Uint8Array(readFileSync(join(dir, "page.jpg"))));
      expect([j.imageType, j.pixels, j.pages, j.problem]).toEqual(["jpg", { width: 166, height: 234 }, 1, undefined]);
      const p = sniffEvidence(file("scan.png"), new Uint8Array(readFileSync(join(dir, "page.png"))));
      expect([p.imageType, p.pixels]).toEqual(["png", { width: 166, height: 234 }]);
      // 20 dpi at A4 width by the integer rule: 166 × 254 / 2100 = 20,08 → 20.
      expect(checkEvidenceFile(file("scan.jpg"), j).map((d) => d.args.dpi)).toEqual([20]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("calls any other image, and garbage or an empty file, not an image", () => {
    const gif = latin1("GIF89a\x10\x00\x20\x00\x00\x00\x00");
    const webp = latin1("RIFF\x24\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x0f\x00\x00\x07\x00\x00");
    for (const bytes of [gif, webp, latin1("not an image at all"), new Uint8Array(0)]) {
      expect(sniffEvidence(file("anh.png"), bytes)).toEqual({ sha256: sha256(bytes), size: bytes.length, problem: "not-image" });
    }
  });
});

describe("readEvidenceFile: a PDF's pages, encryption and damage", () => {
  it("counts a PDF's pages, with or without object streams", async () => {
    for (const [pages, streams] of [
      [1, true],
      [8, true],
      [3, false],
    ] as const) {
      const bytes = await pdf(pages, streams);
      expect(await readEvidenceFile(file("a.pdf"), bytes)).toEqual({ sha256: sha256(bytes), size: bytes.length, pages });
    }
  });

  it("calls a PDF whose trailer names /Encrypt encrypted", async () => {
    const bytes = await pdfWithEncryptTrailer(2);
    expect(await readEvidenceFile(file("a.pdf"), bytes)).toEqual({ sha256: sha256(bytes), size: bytes.length, problem: "encrypted" });
  });

  it("calls a truncated PDF unreadable, and never throws", async () => {
    const bytes = await pdf(3);
    for (const n of [10, 100, 300, bytes.length - 50]) {
      const cut = bytes.subarray(0, n);
      expect(await readEvidenceFile(file("a.pdf"), cut)).toEqual({ sha256: sha256(cut), size: n, problem: "unreadable" });
    }
    const header = latin1("%PDF-1.7\n garbage after a header\n");
    expect((await readEvidenceFile(file("a.pdf"), header)).problem).toBe("unreadable");
    // "/EncryptMetadata" is another name: a damaged file that holds only it is not called encrypted.
    const metadata = latin1("%PDF-1.7\n1 0 obj << /EncryptMetadata false >>\n");
    expect((await readEvidenceFile(file("a.pdf"), metadata)).problem).toBe("unreadable");
  });

  it("calls a PDF with one object pdf-lib would skip unreadable, and prints nothing", async () => {
    const s = Buffer.from(await pdf(2, false)).toString("latin1");
    // The document information dictionary (object 3), its dictionary broken: pdf-lib by default skips
    // such an object with a console warning and loads the rest.
    const broken = s.replace(/3 0 obj\n<</, "3 0 obj\n<<]]");
    expect(broken).not.toBe(s);
    const { PDFDocument } = await import("pdf-lib");
    const warn = console.warn;
    const printed: unknown[] = [];
    console.warn = (...a: unknown[]) => void printed.push(a);
    try {
      const lenient = await PDFDocument.load(latin1(broken), { updateMetadata: false });
      expect(lenient.getPageCount()).toBe(2);
      expect(printed.length).toBeGreaterThan(0);
      printed.length = 0;
      expect((await readEvidenceFile(file("a.pdf"), latin1(broken))).problem).toBe("unreadable");
      expect(printed).toEqual([]);
    } finally {
      console.warn = warn;
    }
  });

  it("leaves images and sniffed problems as sniffed (no parse)", async () => {
    const j = jpeg(100, 100);
    expect(await readEvidenceFile(file("a.jpg"), j)).toEqual(sniffEvidence(file("a.jpg"), j));
    const lfs = latin1(LFS_POINTER);
    expect(await readEvidenceFile(file("a.pdf"), lfs)).toEqual(sniffEvidence(file("a.pdf"), lfs));
  });

  const qpdf = toolGate(["qpdf"], "qpdf");
  it.runIf(qpdf.available)("calls a PDF encrypted by qpdf (AES-256, with or without a user password) encrypted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-ev-"));
    try {
      writeFileSync(join(dir, "a.pdf"), await pdf(3));
      for (const user of ["u", ""]) {
        execFileSync("qpdf", ["--encrypt", user, "o", "256", "--", join(dir, "a.pdf"), join(dir, "enc.pdf")]);
        const bytes = new Uint8Array(readFileSync(join(dir, "enc.pdf")));
        expect(await readEvidenceFile(file("a.pdf"), bytes)).toEqual({ sha256: sha256(bytes), size: bytes.length, problem: "encrypted" });
      }
      // Decrypted again, it is a plain 3-page PDF (the fix CD763 names).
      execFileSync("qpdf", ["--decrypt", "--password=o", join(dir, "enc.pdf"), join(dir, "dec.pdf")]);
      expect((await readEvidenceFile(file("a.pdf"), new Uint8Array(readFileSync(join(dir, "dec.pdf"))))).pages).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("checkEvidenceFile: a file the pack cannot include, a scan below 200 dpi", () => {
  const NAME = "159_QĐ-UBND.pdf";
  const base = { sha256: "0".repeat(64), size: 10 };

  it("reports each problem once, at the file's line 1, in both languages", () => {
    const cases: [EvidenceInfo["problem"], string, string, string][] = [
      [
        "lfs-pointer",
        "CD760",
        "Tệp hồ sơ kiểm chứng “159_QĐ-UBND.pdf” là con trỏ Git LFS, chưa tải tệp: chạy git lfs pull (tệp chưa được đưa vào hồ sơ kiểm chứng)",
        "The evidence file “159_QĐ-UBND.pdf” is a Git LFS pointer, not the file itself: run git lfs pull (it is left out of the evidence pack)",
      ],
      [
        "not-pdf",
        "CD761",
        "Tệp hồ sơ kiểm chứng “159_QĐ-UBND.pdf” mang đuôi .pdf nhưng không phải tệp PDF (hoặc là tệp rỗng): xuất lại thành PDF; tệp chưa được đưa vào hồ sơ kiểm chứng",
        "The evidence file “159_QĐ-UBND.pdf” is named .pdf but is not a PDF (or is empty): export it again as PDF; it is left out of the evidence pack",
      ],
      [
        "unreadable",
        "CD762",
        "Tệp PDF “159_QĐ-UBND.pdf” bị hỏng hoặc không đầy đủ nên không đọc được: mở tệp rồi lưu (hoặc in) lại thành PDF; tệp chưa được đưa vào hồ sơ kiểm chứng",
        "The PDF “159_QĐ-UBND.pdf” is damaged or truncated and cannot be read: open it and save (or print) it again as PDF; it is left out of the evidence pack",
      ],
      [
        "encrypted",
        "CD763",
        "Tệp PDF “159_QĐ-UBND.pdf” được bảo vệ bằng mật khẩu hoặc giới hạn quyền nên không ghép vào hồ sơ được: gỡ mật khẩu (hoặc in lại thành PDF, hay chạy qpdf --decrypt); tệp chưa được đưa vào hồ sơ kiểm chứng",
        "The PDF “159_QĐ-UBND.pdf” is protected by a password or by permissions and cannot be merged: remove the password (or print it to PDF again, or run qpdf --decrypt); it is left out of the evidence pack",
      ],
    ];
    for (const [problem, code, vi, en] of cases) {
      const ds = checkEvidenceFile(file(NAME), { ...base, problem });
      expect(ds.map(rendered)).toEqual([{ code, severity: "warning", pos: atFile(NAME), vi, en }]);
    }
    const ds = checkEvidenceFile(file("anh.png"), { ...base, problem: "not-image" });
    expect(ds.map(rendered)).toEqual([
      {
        code: "CD764",
        severity: "warning",
        pos: atFile("anh.png"),
        vi: "Tệp hồ sơ kiểm chứng “anh.png” không phải ảnh JPEG hoặc PNG (có thể là định dạng khác như GIF, WebP, HEIC, hoặc tệp hỏng): lưu lại thành JPEG hoặc PNG; tệp chưa được đưa vào hồ sơ kiểm chứng",
        en: "The evidence file “anh.png” is not a JPEG or PNG image (perhaps another format such as GIF, WebP or HEIC, or a damaged file): save it again as JPEG or PNG; it is left out of the evidence pack",
      },
    ]);
  });

  it("reports the problems readEvidenceFile finds in real bytes", async () => {
    const read = async (name: string, bytes: Uint8Array) => checkEvidenceFile(file(name), await readEvidenceFile(file(name), bytes)).map((d) => d.code);
    const p = await pdf(3);
    expect(await read("a.pdf", p)).toEqual([]);
    expect(await read("a.pdf", latin1(LFS_POINTER))).toEqual(["CD760"]);
    expect(await read("a.pdf", latin1("garbage"))).toEqual(["CD761"]);
    expect(await read("a.pdf", p.subarray(0, 300))).toEqual(["CD762"]);
    expect(await read("a.pdf", await pdfWithEncryptTrailer(1))).toEqual(["CD763"]);
    expect(await read("a.png", latin1("GIF89a\x10\x00\x20\x00\x00\x00\x00"))).toEqual(["CD764"]);
    expect(await read("a.png", png(1654, 2339))).toEqual([]);
    expect(await read("a.png", png(1653, 2339))).toEqual(["CD765"]);
  });

  it("computes the dpi at A4 width from the shorter side, rounded down, in integers", () => {
    // px × 25,4 / 210: 1654 → 200,05; 1653 → 199,94; 827 → 100,03; 2480 (A4 at 300 dpi) → 299,96.
    expect(dpiAtA4Width({ width: 1654, height: 2339 })).toBe(200);
    expect(dpiAtA4Width({ width: 1653, height: 2339 })).toBe(199);
    expect(dpiAtA4Width({ width: 3508, height: 827 })).toBe(100);
    expect(dpiAtA4Width({ width: 2480, height: 3508 })).toBe(299);
  });

  it("warns of a scan below 200 dpi at A4 width (CD765), portrait or landscape, not at 200", () => {
    const img = (width: number, height: number): EvidenceInfo => ({ ...base, pages: 1, pixels: { width, height }, imageType: "jpg" });
    expect(checkEvidenceFile(file("anh.jpg"), img(1654, 2339))).toEqual([]);
    expect(checkEvidenceFile(file("anh.jpg"), img(2339, 1654))).toEqual([]);
    expect(checkEvidenceFile(file("anh.jpg"), img(1653, 2339)).map(rendered)).toEqual([
      {
        code: "CD765",
        severity: "warning",
        pos: atFile("anh.jpg"),
        vi: "Ảnh “anh.jpg” (1653 × 2339 điểm ảnh) chỉ đạt 199 dpi khi in khổ A4 (cạnh ngắn 210 mm); bản số hóa cần độ phân giải tối thiểu 200 dpi (Nghị định 30/2020/NĐ-CP, Phụ lục I): quét lại từ 200 dpi trở lên (cạnh ngắn ít nhất 1654 điểm ảnh)",
        en: "The image “anh.jpg” (1653 × 2339 pixels) is only 199 dpi at A4 width (210 mm short side); a digitised copy needs at least 200 dpi (Decree 30/2020/NĐ-CP, Phụ lục I): scan it again at 200 dpi or more (at least 1654 pixels on the short side)",
      },
    ]);
    // A phone photo, landscape: its shorter side (1200 px) decides, 145 dpi.
    const photo = checkEvidenceFile(file("anh.jpg"), img(1600, 1200));
    expect(photo.map((d) => [d.code, d.args])).toEqual([["CD765", { file: "anh.jpg", width: 1600, height: 1200, dpi: 145 }]]);
  });

  it("says nothing of a readable PDF (no pixels to judge)", () => {
    expect(checkEvidenceFile(file(NAME), { ...base, pages: 8 })).toEqual([]);
  });
});

describe("parsePageRef: a declaration's pages", () => {
  it("reads page numbers, ranges and lists, after an optional “tr.”", () => {
    expect(parsePageRef("3")).toEqual({ kind: "pages", ranges: [{ from: 3, to: 3 }] });
    expect(parsePageRef("3-5")).toEqual({ kind: "pages", ranges: [{ from: 3, to: 5 }] });
    expect(parsePageRef("3–5")).toEqual({ kind: "pages", ranges: [{ from: 3, to: 5 }] });
    expect(parsePageRef("3 – 5")).toEqual({ kind: "pages", ranges: [{ from: 3, to: 5 }] });
    expect(parsePageRef("tr. 3-5")).toEqual({ kind: "pages", ranges: [{ from: 3, to: 5 }] });
    expect(parsePageRef("Tr.12")).toEqual({ kind: "pages", ranges: [{ from: 12, to: 12 }] });
    expect(parsePageRef("trang 7")).toEqual({ kind: "pages", ranges: [{ from: 7, to: 7 }] });
    expect(parsePageRef("3, 7, 9-10")).toEqual({
      kind: "pages",
      ranges: [
        { from: 3, to: 3 },
        { from: 7, to: 7 },
        { from: 9, to: 10 },
      ],
    });
    expect(parsePageRef(" 4;6 ")).toEqual({
      kind: "pages",
      ranges: [
        { from: 4, to: 4 },
        { from: 6, to: 6 },
      ],
    });
  });

  it("keeps a part of a document named by its heading as a section", () => {
    expect(parsePageRef("Điều 4")).toEqual({ kind: "section", text: "Điều 4" });
    expect(parsePageRef("Mục II")).toEqual({ kind: "section", text: "Mục II" });
    expect(parsePageRef("Chương 2")).toEqual({ kind: "section", text: "Chương 2" });
    expect(parsePageRef("Phụ lục 1, Điều 5")).toEqual({ kind: "section", text: "Phụ lục 1, Điều 5" });
    expect(parsePageRef("điểm a")).toEqual({ kind: "section", text: "điểm a" });
    // Decomposed (NFD) as macOS may give it: read as the same words.
    expect(parsePageRef("Điều 4".normalize("NFD"))).toEqual({ kind: "section", text: "Điều 4" });
  });

  it("calls anything else invalid: words, page 0, a backwards range, an empty text", () => {
    for (const t of ["", "  ", "ba", "trang", "0", "5-3", "3-", "-3", "3,,4", "3-5-7", "Điều", "Điều 4 và 5", "tr. 3, Điều 4", "123456"]) {
      expect(parsePageRef(t)).toEqual({ kind: "invalid", text: t });
    }
  });
});

describe("checkPageRef: pages against the file", () => {
  const POS: SourcePos = { file: "content/assessments/2021/van-phong-ubnd-tinh.yaml", line: 42, column: 35 };
  const NAME = "159_QĐ-UBND.pdf";
  const eight: EvidenceInfo = { sha256: "0".repeat(64), size: 10, pages: 8 };

  it("says nothing of pages within the file, a section, or a file whose pages are unknown", () => {
    expect(checkPageRef("3-5", POS, file(NAME), eight)).toEqual([]);
    expect(checkPageRef("1, 8", POS, file(NAME), eight)).toEqual([]);
    expect(checkPageRef("Điều 40", POS, file(NAME), eight)).toEqual([]);
    expect(checkPageRef("99", POS, file(NAME), { sha256: "0".repeat(64), size: 10, problem: "encrypted" })).toEqual([]);
  });

  it("reports pages it cannot read (CD766) at the field", () => {
    expect(checkPageRef("ba trang đầu", POS, file(NAME), eight).map(rendered)).toEqual([
      {
        code: "CD766",
        severity: "error",
        pos: POS,
        vi: "Không đọc được phần trang “ba trang đầu” của tệp “159_QĐ-UBND.pdf”: ghi số trang (“3”, “3-5”, “tr. 3-5”, “3, 7, 9-10”) hoặc phần của văn bản (“Điều 4”, “Mục II”)",
        en: "The pages “ba trang đầu” of “159_QĐ-UBND.pdf” cannot be read: write page numbers (“3”, “3-5”, “tr. 3-5”, “3, 7, 9-10”) or a part of the document (“Điều 4”, “Mục II”)",
      },
    ]);
    // Read even when the file's pages are unknown: the text is wrong whatever the file.
    expect(checkPageRef("5-3", POS, file(NAME), { sha256: "0".repeat(64), size: 0, problem: "not-pdf" }).map((d) => d.code)).toEqual(["CD766"]);
  });

  it("reports a page beyond the file's last (CD767) once, naming the highest", () => {
    expect(checkPageRef("7-12", POS, file(NAME), eight).map(rendered)).toEqual([
      {
        code: "CD767",
        severity: "error",
        pos: POS,
        vi: "Trang 12 vượt quá số trang của tệp “159_QĐ-UBND.pdf” (8 trang)",
        en: "Page 12 is beyond the last page of “159_QĐ-UBND.pdf” (8 pages)",
      },
    ]);
    expect(checkPageRef("9, 3, 20-21", POS, file(NAME), eight).map((d) => d.args)).toEqual([{ page: 21, file: NAME, count: 8 }]);
    // An image is one page.
    const photo: EvidenceInfo = { sha256: "0".repeat(64), size: 10, pages: 1, pixels: { width: 2000, height: 3000 }, imageType: "jpg" };
    expect(checkPageRef("1", POS, file("anh.jpg"), photo)).toEqual([]);
    expect(checkPageRef("2", POS, file("anh.jpg"), photo).map((d) => d.args)).toEqual([{ page: 2, file: "anh.jpg", count: 1 }]);
  });
});

describe("cachedEvidenceReader: the PDF step through a disk cache", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "chamdiem-ev-cache-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The real PDF step, counted. */
  function counted() {
    const calls: string[] = [];
    const complete: typeof completeEvidence = (f, bytes, sniffed) => {
      calls.push(f.name);
      return completeEvidence(f, bytes, sniffed);
    };
    return { calls, complete };
  }

  it("parses a PDF once, stores its facts under the cache folder, and reads them back", async () => {
    const env = { CHAMDIEM_CACHE_DIR: join(dir, "a") };
    const bytes = await pdf(5);
    const expected: EvidenceInfo = { sha256: sha256(bytes), size: bytes.length, pages: 5 };
    const first = counted();
    expect(await cachedEvidenceReader(env, first.complete)(file("a.pdf"), bytes)).toEqual(expected);
    expect(first.calls).toEqual(["a.pdf"]);
    const entry = join(dir, "a", "evidence", `v${EVIDENCE_READER_VERSION}-${sha256(bytes)}.json`);
    expect(JSON.parse(readFileSync(entry, "utf8"))).toEqual(expected);
    // A new reader (the next command) finds it: no parse, the same facts, for a file of another name too.
    const second = counted();
    const reader = cachedEvidenceReader(env, second.complete);
    expect(await reader(file("a.pdf"), bytes)).toEqual(expected);
    expect(await reader(file("159_QĐ-UBND.pdf"), bytes)).toEqual(expected);
    expect(second.calls).toEqual([]);
  });

  it("stores a PDF's problem too, and parses again an entry that does not look like one", async () => {
    const env = { CHAMDIEM_CACHE_DIR: join(dir, "b") };
    const bytes = await pdfWithEncryptTrailer(1);
    const c = counted();
    const reader = cachedEvidenceReader(env, c.complete);
    expect((await reader(file("a.pdf"), bytes)).problem).toBe("encrypted");
    expect((await reader(file("a.pdf"), bytes)).problem).toBe("encrypted");
    expect(c.calls).toEqual(["a.pdf"]);
    const entry = join(dir, "b", "evidence", `v${EVIDENCE_READER_VERSION}-${sha256(bytes)}.json`);
    for (const damaged of [
      "{",
      JSON.stringify({ sha256: sha256(bytes), size: bytes.length, pages: "1" }),
      JSON.stringify({ sha256: "0", size: 1, pages: 1 }),
    ]) {
      writeFileSync(entry, damaged);
      expect((await reader(file("a.pdf"), bytes)).problem).toBe("encrypted");
    }
    expect(c.calls).toEqual(["a.pdf", "a.pdf", "a.pdf", "a.pdf"]);
  });

  it("never parses or stores images and files sniffing settled", async () => {
    const env = { CHAMDIEM_CACHE_DIR: join(dir, "c") };
    const c = counted();
    const reader = cachedEvidenceReader(env, c.complete);
    expect((await reader(file("a.png"), png(10, 10))).pixels).toEqual({ width: 10, height: 10 });
    expect((await reader(file("a.pdf"), latin1(LFS_POINTER))).problem).toBe("lfs-pointer");
    expect((await reader(file("a.pdf"), latin1("garbage"))).problem).toBe("not-pdf");
    expect(c.calls).toEqual([]);
    expect(existsSync(join(dir, "c"))).toBe(false);
  });

  it("parses every time with the cache off (CHAMDIEM_CACHE=0), and when the folder cannot be written", async () => {
    const bytes = await pdf(2);
    const off = counted();
    const reader = cachedEvidenceReader({ CHAMDIEM_CACHE: "0", CHAMDIEM_CACHE_DIR: join(dir, "d") }, off.complete);
    expect((await reader(file("a.pdf"), bytes)).pages).toBe(2);
    expect((await reader(file("a.pdf"), bytes)).pages).toBe(2);
    expect(off.calls).toEqual(["a.pdf", "a.pdf"]);
    expect(existsSync(join(dir, "d"))).toBe(false);
    // A cache folder below a plain file cannot be made: the facts are still right.
    writeFileSync(join(dir, "plain"), "x");
    const blocked = counted();
    expect((await cachedEvidenceReader({ CHAMDIEM_CACHE_DIR: join(dir, "plain", "cache") }, blocked.complete)(file("a.pdf"), bytes)).pages).toBe(2);
    expect(blocked.calls).toEqual(["a.pdf"]);
    expect(readdirSync(dir).sort()).toEqual(["a", "b", "plain"]);
  });
});
