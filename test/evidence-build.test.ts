/**
 * The example's evidence as `chamdiem build` writes it (docs/evidence.md): the pack's pages are the
 * cover, the index and every file; its bookmarks and page labels, read back with pdf.js, lead to each
 * document's first page; the index and the score table name the same pages; qpdf finds the pack
 * sound; a second build gives the same bytes; and changing one evidence file rebuilds its assessment.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli-run.js";
import { ROOT } from "./helpers/example.js";
import { readOutline, readPdf, toolGate, type OutlineNode } from "./helpers/pdf-read.js";
import { SAMPLE_FOLDER } from "./helpers/sample-evidence.js";

interface Manifest {
  pack: { file: string; sha256: string; evidencePages: number };
  files: { file: string; document?: string; title: string; pages: number; packPage?: number; criteria: string[]; sha256: string }[];
}

let project: string;
let out: string;
let manifest: Manifest;
let pack: Uint8Array;
const unitOut = () => join(out, "2021/van-phong-ubnd-tinh");

beforeAll(async () => {
  // A copy of the project, so that an evidence file can be changed.
  project = mkdtempSync(join(tmpdir(), "chamdiem-evidence-build-"));
  cpSync(join(ROOT, "content"), join(project, "content"), { recursive: true });
  out = join(project, "output");
  const r = await runCli(project, ["build", "content/assessments/2021"]);
  expect(r.code, r.err).toBe(0);
  manifest = JSON.parse(readFileSync(join(unitOut(), "ho-so-kiem-chung.json"), "utf8")) as Manifest;
  pack = new Uint8Array(readFileSync(join(unitOut(), "ho-so-kiem-chung.pdf")));
}, 60_000);

describe("the example's evidence pack", () => {
  it("is the cover, the index, then every file once, in the order the criteria cite them", async () => {
    const index = await PDFDocument.load(readFileSync(join(unitOut(), "danh-muc-ho-so-kiem-chung.pdf")));
    const sum = manifest.files.reduce((n, f) => n + f.pages, 0);
    expect(manifest.files.length).toBe(65);
    expect(sum).toBe(68); // 62 one-page PDFs, a 4-page one, the scan and the photo
    expect(manifest.pack.evidencePages).toBe(sum);
    const { pages } = await readOutline(pack);
    expect(pages).toBe(1 + index.getPageCount() + sum);
    // Starts follow one another: each file begins where the previous one ended.
    let next = 1;
    for (const f of manifest.files) {
      expect(f.packPage, f.file).toBe(next);
      next += f.pages;
    }
  });

  it("has bookmarks per criterion and per document, with Vietnamese titles, leading to each document's first page", async () => {
    const { outline, labels } = await readOutline(pack);
    const front = (await readOutline(pack)).pages - manifest.pack.evidencePages;
    expect(outline.slice(0, 2).map((o) => [o.title, o.page])).toEqual([
      ["Bìa", 0],
      ["Danh mục hồ sơ kiểm chứng", 1],
    ]);
    const criterion = outline.find((o) => o.title.startsWith("Tiêu chí 1.1.1"))!;
    expect(criterion.title).toBe("Tiêu chí 1.1.1: Ban hành Kế hoạch thực hiện công tác dân vận hàng năm");
    expect(criterion.items.map((i) => i.title).slice(0, 3)).toEqual([
      "Công văn số 1562/VP-HCTC ngày 21/11/2020",
      "Nghị quyết số 1785/NQ-VP ngày 31/12/2020",
      "Quyết định số 159/QĐ-UBND ngày 28/01/2020",
    ]);
    // Every document bookmark opens the page whose label is the manifest's packPage.
    const byTitle = new Map(manifest.files.map((f) => [f.title, f]));
    const docs: OutlineNode[] = outline.slice(2).flatMap((c) => c.items);
    expect(docs.length).toBeGreaterThan(65); // documents cited by two criteria are bookmarked under each
    for (const d of docs) {
      const f = byTitle.get(d.title)!;
      expect(d.page, d.title).toBe(front + f.packPage! - 1);
      expect(labels![d.page]).toBe(String(f.packPage));
    }
    // Page labels: i, ii… for the cover and the index, then 1, 2, 3… for the evidence.
    expect(labels!.slice(0, 3)).toEqual(["i", "ii", "iii"]);
    expect(labels![front]).toBe("1");
    expect(labels!.at(-1)).toBe(String(manifest.pack.evidencePages));
  });

  it("names the same pack pages in the index and in the score table", async () => {
    const f = manifest.files.find((x) => x.document === "159/QĐ-UBND")!;
    expect(f.packPage).toBe(3);
    const table = (await readPdf(new Uint8Array(readFileSync(join(unitOut(), "bieu-cham-diem.pdf"))))).pages
      .map((p) => p.items.map((i) => i.str).join(" "))
      .join(" ");
    expect(table).toContain("159/QĐ-UBND (tr. 3)");
    const index = (await readPdf(new Uint8Array(readFileSync(join(unitOut(), "danh-muc-ho-so-kiem-chung.pdf"))))).pages
      .map((p) => p.items.map((i) => i.str).join(" "))
      .join(" ");
    expect(index).toContain("159_QĐ-UBND.pdf");
    expect(index).toMatch(/159_QĐ-UBND\.pdf\s+1\s+tr\. 3/);
  });

  const qpdf = toolGate(["qpdf"], "qpdf");
  it.runIf(qpdf.available)("passes qpdf --check", () => {
    const r = spawnSync("qpdf", ["--check", join(unitOut(), "ho-so-kiem-chung.pdf")], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toContain("No syntax or stream encoding errors");
    expect(r.status).toBe(0);
  });
});

describe("rebuilding the evidence", () => {
  it("gives byte-identical files", async () => {
    const before = new Map(readdirSync(unitOut()).map((n) => [n, readFileSync(join(unitOut(), n))]));
    const r = await runCli(project, ["build", "content/assessments/2021", "--force"]);
    expect(r.code).toBe(0);
    for (const [n, bytes] of before) expect(Buffer.compare(readFileSync(join(unitOut(), n)), bytes), n).toBe(0);
  });

  it("skips an unchanged assessment, and rebuilds it when only an evidence file changes", async () => {
    const again = await runCli(project, ["build", "content/assessments/2021", "--format", "json"]);
    expect(JSON.parse(again.out)).toMatchObject({ built: [], skipped: 1 });
    // Another scan of the same document: a different file, same name.
    const photo = join(project, SAMPLE_FOLDER, "anh-hoi-nghi-can-bo-2020.png");
    writeFileSync(photo, readFileSync(join(project, SAMPLE_FOLDER, "61-TB_ĐTN.png")));
    const r = await runCli(project, ["build", "content/assessments/2021", "--format", "json"]);
    expect(JSON.parse(r.out).built.length).toBe(1);
    const m = JSON.parse(readFileSync(join(unitOut(), "ho-so-kiem-chung.json"), "utf8")) as Manifest;
    const changed = m.files.find((f) => f.file === "anh-hoi-nghi-can-bo-2020.png")!;
    expect(changed.sha256).not.toBe(manifest.files.find((f) => f.file === "anh-hoi-nghi-can-bo-2020.png")!.sha256);
    expect(m.pack.sha256).not.toBe(manifest.pack.sha256);
  });
});
