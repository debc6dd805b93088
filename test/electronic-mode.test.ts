/**
 * The electronic mode (NĐ 30 Phụ lục I, issue 16): the number and the date left blank with their
 * paragraphs marked as slots, the signer's slots, the attachments' "(Kèm theo …)" line unfilled, the
 * score table in the report's file with its pages numbered from 1 again (layout, PDF read back with
 * pdf.js, the .docx's w:pgNumType), the settings in chamdiem.yaml and `build --mode`. Paper stays as
 * it was: no slot, no section flag, the same bytes.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { composeEvidenceIndex } from "../src/compose/evidence-index.js";
import { composeReport, composeScoreTable, type ComposeOptions } from "../src/compose/index.js";
import { dumpDoc } from "../src/document/dump.js";
import type { DocModel, Paragraph } from "../src/document/model.js";
import { createLayoutFonts, loadFontSet } from "../src/fonts/index.js";
import { layoutDocument } from "../src/layout/index.js";
import { docxModel, sameFile } from "../src/pipeline/render.js";
import { writeDocx } from "../src/write/docx/index.js";
import { sectionProperties } from "../src/write/docx/parts.js";
import { run, tools } from "./fixtures/compose/tools.js";
import { allParagraphs, findParagraph, text } from "./fixtures/compose/model-query.js";
import { exampleOptions } from "./fixtures/compose/example.js";
import { ROOT, loadExampleScored } from "./helpers/example.js";
import { readPdf } from "./helpers/pdf-read.js";

/** Eight no-break spaces: the blank of the number, the day and the month. */
const B = "\u00a0".repeat(8);

function composed(extra: Partial<ComposeOptions> = {}): { report: DocModel; table: DocModel } {
  const scored = loadExampleScored();
  const opts = { ...exampleOptions(), ...extra };
  return { report: composeReport(scored, opts).doc, table: composeScoreTable(scored, opts).doc };
}

const slotted = (doc: DocModel) => allParagraphs(doc).filter((p) => p.slot !== undefined);
const oneLine = (p: Paragraph) => text(p).replace(/\n/g, " ");

describe("electronic compose of the example", () => {
  const { report, table } = composed({ mode: "electronic" });

  it("leaves the number and the day and month blank, the symbol and the year kept", () => {
    const number = findParagraph(report, /^Số:/);
    expect(text(number)).toBe(`Số: ${B}/BC-VP`);
    const date = findParagraph(report, /^Quảng Ngãi, /);
    expect(text(date)).toBe(`Quảng Ngãi, ngày${B}tháng${B}năm 2021`);
    // Nothing of the paper number or date is left anywhere in the report.
    const all = allParagraphs(report).map(text).join("\n");
    expect(all).not.toContain("1880");
    expect(all).not.toContain("ngày 19 tháng 11");
  });

  it("marks the number, the date, the signer's last position line and the name, and nothing else", () => {
    expect(slotted(report).map((p) => [p.slot, text(p)])).toEqual([
      ["number", `Số: ${B}/BC-VP`],
      ["date", `Quảng Ngãi, ngày${B}tháng${B}năm 2021`],
      ["signer-title", "CHÁNH VĂN PHÒNG"],
      ["signer-name", "Phạm Xuân Duệ"],
    ]);
    expect(slotted(table)).toEqual([]);
    // The readable dump shows them (and a paper dump has none: the goldens of compose-example.test.ts).
    const dumped = [...dumpDoc(report).matchAll(/"slot": ?"([a-z-]+)"/g)].map((m) => m[1]);
    expect(dumped).toEqual(["number", "date", "signer-title", "signer-name"]);
    expect(dumpDoc(table)).toContain('"restartPageNumbers": true');
  });

  it("leaves the score table's (Kèm theo …) line unfilled", () => {
    const attached = findParagraph(table, /^\(Kèm theo/);
    expect(oneLine(attached)).toBe(`(Kèm theo Báo cáo số ${B}/BC-VP ngày${B}tháng${B}năm 2021 của Văn phòng UBND tỉnh)`);
    expect(table.meta.subject).toBe(`Kèm theo Báo cáo số ${B}/BC-VP ngày${B}tháng${B}năm 2021 của Văn phòng UBND tỉnh`);
  });

  it("the score table restarts the page numbers in the same file (the default), or carries the organisation's box when separate", () => {
    expect(table.sections.map((s) => [s.restartPageNumbers, s.attachmentSignature])).toEqual([[true, undefined]]);
    const separate = composed({ mode: "electronic", attachments: "separate" }).table;
    expect(separate.sections.map((s) => [s.restartPageNumbers, s.attachmentSignature])).toEqual([[undefined, true]]);
    expect(report.sections.map((s) => [s.restartPageNumbers, s.attachmentSignature])).toEqual([[undefined, undefined]]);
  });

  it("the evidence index is unfilled too and, a file of its own, carries the organisation's box", () => {
    const scored = loadExampleScored();
    const plan = { criteria: [], documents: [], pages: 0 } as unknown as Parameters<typeof composeEvidenceIndex>[1];
    const index = composeEvidenceIndex(scored, plan, { ...exampleOptions(), mode: "electronic" }).doc;
    expect(oneLine(findParagraph(index, /^\(Kèm theo/))).toBe(`(Kèm theo Báo cáo số ${B}/BC-VP ngày${B}tháng${B}năm 2021 của Văn phòng UBND tỉnh)`);
    expect(index.sections[0]!.attachmentSignature).toBe(true);
    const paper = composeEvidenceIndex(scored, plan, exampleOptions()).doc;
    expect(paper.sections[0]!.attachmentSignature).toBeUndefined();
    expect(oneLine(findParagraph(paper, /^\(Kèm theo/))).toContain("số 1880/BC-VP ngày 19 tháng 11 năm 2021");
  });
});

describe("paper compose is unchanged", () => {
  it("mode paper composes exactly what no mode composes: no slot, no section flag", () => {
    const none = composed();
    const paper = composed({ mode: "paper", attachments: "separate" });
    expect(paper).toEqual(none);
    for (const doc of [none.report, none.table]) {
      expect(slotted(doc)).toEqual([]);
      for (const s of doc.sections) expect("restartPageNumbers" in s || "attachmentSignature" in s).toBe(false);
    }
    expect(text(findParagraph(none.report, /^Số:/))).toBe("Số: 1880/BC-VP");
    expect(text(findParagraph(none.report, /^Quảng Ngãi, /))).toBe("Quảng Ngãi, ngày 19 tháng 11 năm 2021");
  });
});

describe("page numbers restart for the appendix in the report's file", () => {
  const fonts = createLayoutFonts(loadFontSet(readFileSync));
  const { report, table } = composed({ mode: "electronic" });
  const joined = sameFile(report, table);

  it("layout: report pages + table pages; the table's pages print 1, 2, 3 … again", () => {
    const r = layoutDocument(report, fonts).pages.length;
    const t = layoutDocument(table, fonts).pages.length;
    const pages = layoutDocument(joined, fonts).pages;
    expect(pages.length).toBe(r + t);
    expect(pages.map((p) => p.printedNumber ?? p.number)).toEqual([
      ...Array.from({ length: r }, (_, i) => i + 1),
      ...Array.from({ length: t }, (_, i) => i + 1),
    ]);
    // The orientation is kept per section.
    expect(pages[r - 1]!.orientation).toBe("portrait");
    expect(pages[r]!.orientation).toBe("landscape");
  });

  it("docx: the appendix's section starts its numbering at 1 (w:pgNumType between w:pgMar and w:titlePg)", () => {
    const props = sectionProperties(joined.sections[1]!, 1);
    expect(props).toMatch(/<w:pgMar [^>]*\/><w:pgNumType w:start="1"\/><w:titlePg\/>/);
    expect(sectionProperties(joined.sections[0]!, 0)).not.toContain("pgNumType");
  });
});

describe("LibreOffice opens the electronic same-file .docx", () => {
  const gate = tools("soffice", "pdftotext");
  it.skipIf(gate.skip)(
    `its pages are the PDF's, the appendix numbered from 1 again, the blanks kept${gate.note}`,
    async () => {
      gate.require();
      const fonts = createLayoutFonts(loadFontSet(readFileSync));
      const { report, table } = composed({ mode: "electronic" });
      const joined = sameFile(report, table);
      const reportPages = layoutDocument(report, fonts).pages.length;
      const pages = layoutDocument(joined, fonts).pages.length;
      const dir = mkdtempSync(join(tmpdir(), "chamdiem-electronic-lo-"));
      try {
        // As the build writes it (render.ts docxModel: the rows the PDF split may split in Word too).
        writeFileSync(join(dir, "bao-cao.docx"), await writeDocx(docxModel(joined, loadFontSet(readFileSync))));
        const r = run(
          "soffice",
          [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "bao-cao.docx")],
          {
            timeout: 180_000,
          },
        );
        expect(r.status, r.stderr).toBe(0);
        const pageText = (n: number) => run("pdftotext", ["-enc", "UTF-8", "-layout", "-f", String(n), "-l", String(n), join(dir, "bao-cao.pdf"), "-"]).stdout;
        const count = run("pdfinfo", [join(dir, "bao-cao.pdf")]).stdout.match(/^Pages:\s+(\d+)/m)?.[1];
        expect(Number(count)).toBe(pages);
        // Page 2 of the appendix (1-based page reportPages + 2 of the file) prints "2" at its top.
        expect(
          pageText(reportPages + 2)
            .trim()
            .split("\n")[0]!
            .trim(),
        ).toBe("2");
        expect(pageText(1)).toMatch(/Số:\s+\/BC-VP/);
        expect(pageText(1)).not.toContain("1880");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});

// ---- the command line ----

const OUT = "output/2021/van-phong-ubnd-tinh";
const EXAMPLE = "content/assessments/2021/van-phong-ubnd-tinh.yaml";

function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-electronic-"));
  cpSync(join(ROOT, "content"), join(dir, "content"), { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, "chamdiem.yaml"), config);
  return dir;
}

async function build(cwd: string, args: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { cwd, env: { CHAMDIEM_CACHE: "0" }, isTTY: false, stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
  const code = await main(["build", EXAMPLE, "--no-docx", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

describe("chamdiem build --mode / chamdiem.yaml mode and attachments", () => {
  it("electronic, same file: one bao-cao.pdf holding the report and the score table, appendix page 2 numbered 2", async () => {
    const paper = project();
    expect((await build(paper)).code).toBe(0);
    const reportPages = (await readPdf(new Uint8Array(readFileSync(join(paper, OUT, "bao-cao.pdf"))))).pages.length;
    const tablePages = (await readPdf(new Uint8Array(readFileSync(join(paper, OUT, "bieu-cham-diem.pdf"))))).pages.length;

    const dir = project("mode: electronic\n");
    const r = await build(dir);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, OUT, "bieu-cham-diem.pdf"))).toBe(false);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(dir, OUT, "bao-cao.pdf"))));
    expect(pdf.pages.length).toBe(reportPages + tablePages);
    // The number printed at the top of a page: the topmost text item, when it is a number.
    const printed = (n: number) => {
      const top = [...pdf.pages[n]!.items].sort((a, b) => a.y - b.y)[0]!;
      return /^\d+$/.test(top.str) ? Number(top.str) : undefined;
    };
    expect(printed(reportPages)).toBeUndefined(); // the appendix's first page hides its number
    expect(printed(reportPages + 1)).toBe(2);
    expect(printed(reportPages + tablePages - 1)).toBe(tablePages);
    const first = pdf.pages[0]!.items.map((i) => i.str).join(" ");
    expect(first).toContain("/BC-VP");
    expect(first).not.toContain("1880");
  });

  it("switching to electronic (same file) removes the paper build's score table it no longer writes; one edited since stays", async () => {
    const dir = project();
    expect((await build(dir)).code).toBe(0);
    expect(existsSync(join(dir, OUT, "bieu-cham-diem.pdf"))).toBe(true);
    expect((await build(dir, ["--mode", "electronic"])).code).toBe(0);
    expect(existsSync(join(dir, OUT, "bieu-cham-diem.pdf"))).toBe(false);
    expect(existsSync(join(dir, OUT, "bao-cao.pdf"))).toBe(true);
    // Back to paper, the score table is written again; a copy changed by hand is then not removed.
    expect((await build(dir)).code).toBe(0);
    writeFileSync(join(dir, OUT, "bieu-cham-diem.pdf"), "edited");
    expect((await build(dir, ["--mode", "electronic"])).code).toBe(0);
    expect(readFileSync(join(dir, OUT, "bieu-cham-diem.pdf"), "utf8")).toBe("edited");
  });

  it("electronic, separate: both files, the score table's (Kèm theo …) line unfilled", async () => {
    const dir = project("mode: electronic\nattachments: separate\n");
    expect((await build(dir)).code).toBe(0);
    expect(existsSync(join(dir, OUT, "bieu-cham-diem.pdf"))).toBe(true);
    const table = (await readPdf(new Uint8Array(readFileSync(join(dir, OUT, "bieu-cham-diem.pdf"))))).pages[0]!.items.map((i) => i.str).join(" ");
    expect(table).toContain("Kèm theo Báo cáo số");
    expect(table).not.toContain("1880");
  });

  it("--mode overrides chamdiem.yaml; paper writes the same bytes as no setting at all; the mode is in the build's hash", async () => {
    const none = project();
    expect((await build(none)).code).toBe(0);
    const dir = project("mode: electronic\nattachments: separate\n");
    const r = await build(dir, ["--mode", "paper"]);
    expect(r.code, r.err).toBe(0);
    for (const f of ["bao-cao.pdf", "bieu-cham-diem.pdf"]) expect(sha(join(dir, OUT, f))).toBe(sha(join(none, OUT, f)));
    // The same inputs in the other mode are not skipped as unchanged.
    const again = await build(dir, ["--mode=electronic"]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Đã lập 1 bộ văn bản, bỏ qua 0 bộ/);
    expect(sha(join(dir, OUT, "bao-cao.pdf"))).not.toBe(sha(join(none, OUT, "bao-cao.pdf")));
    // And in the same mode again, it is.
    expect((await build(dir, ["--mode=electronic"])).out).toMatch(/Đã lập 0 bộ văn bản, bỏ qua 1 bộ/);
  });

  it("a bad mode or attachments value is CD850 at its line in chamdiem.yaml, nothing built", async () => {
    const dir = project("formats: [pdf]\nmode: digital\n");
    const r = await build(dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("chamdiem.yaml:2:7");
    expect(r.err).toContain("CD850");
    expect(r.err).toContain("“mode”");
    expect(r.err).toContain("“paper” hoặc “electronic”");
    expect(existsSync(join(dir, OUT))).toBe(false);

    const a = await build(project("mode: electronic\nattachments: [separate]\n"));
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/chamdiem\.yaml:2:\d+: .*CD850/);
    expect(a.err).toContain("“same-file” hoặc “separate”");
  });

  it("a bad --mode is a usage error (exit 2)", async () => {
    const r = await build(project(), ["--mode", "giay"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("giá trị “giay” không hợp lệ cho --mode");
  });
});
