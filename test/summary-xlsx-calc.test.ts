/**
 * The .xlsx ranking (`chamdiem summary --write xlsx`, src/review/summary-xlsx.ts) as a spreadsheet
 * reads it: a unit not yet appraised has an empty "Điểm thẩm định" cell (not the text "null"), the
 * header rows repeat on every printed page (the print titles' sheet name is quoted), and the paper
 * is A4. Checked in the package's XML, then opened in LibreOffice Calc (headless): its csv shows the
 * empty cell, and its PDF of an 80-unit ranking has A4 landscape pages, each starting with the column
 * headings.
 *
 * Needs soffice with Calc (libreoffice-calc-nogui) and poppler-utils: skipped with a reason outside CI,
 * a failure with CI=true (test/fixtures/compose/tools.ts).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { runChecks, type InputFile } from "../src/pipeline/run-checks.js";
import { summaryTitleText } from "../src/compose/summary-table.js";
import { VI_NUMBERS } from "../src/model/points.js";
import { consolidate, unitScore, type SummaryGroup } from "../src/score/consolidate.js";
import { sheetRef, writeSummaryXlsx } from "../src/review/summary-xlsx.js";
import { run, tools } from "./fixtures/compose/tools.js";
import { input } from "./helpers/example.js";
import { MINI_RUBRIC, editMini, miniText } from "./helpers/mini.js";

const DIR = "test/fixtures/review/summary";
const named = (name: string, text = miniText()) => text.replace("  name: Văn phòng thử nghiệm\n", `  name: ${name}\n`);
const appraisal = input(
  `${DIR}/u001.appraisal.yaml`,
  'assessment: u001.yaml\nrubric: mini\nappraiser:\n  agency: Sở Nội vụ\n  superior: UBND tỉnh Thử Nghiệm\nrounds:\n  - round: 1\n    date: 2021-12-10\n    criteria:\n      "1.1":\n        option: b\n        opinion: Kế hoạch ban hành chậm.\n',
);

/** `n` units of the mini rubric (the first appraised, the rest not; every fifth with a lower score). */
function groupsOf(n: number): SummaryGroup[] {
  const lower = editMini('  "2.1":\n    option: a', '  "2.1":\n    option: b');
  const units: InputFile[] = Array.from({ length: n }, (_, i) => {
    const id = String(i + 1).padStart(3, "0");
    return input(`${DIR}/u${id}.yaml`, named(`Đơn vị thử nghiệm số ${i + 1}`, i % 5 === 4 ? lower : miniText()));
  });
  const result = runChecks([input(MINI_RUBRIC), ...units, appraisal]);
  const rubrics = new Map(result.rubrics.map((r) => [r.rubric!.id, r.rubric!]));
  const scores = result.assessments.flatMap((a) => (a.scored ? [unitScore(a.file, a.scored, a.diagnostics)] : []));
  return consolidate(scores, rubrics);
}

const xo = {
  issuer: { agency: "Sở Nội vụ", superior: "UBND tỉnh Thử Nghiệm" },
  date: "2021-12-10T00:00:00.000Z",
  numbers: VI_NUMBERS,
  title: summaryTitleText,
};
/** One line of Calc's csv: fields separated by commas, text in double quotes ("" inside). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!));
}
const text = (files: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(files[name]!);

describe(".xlsx ranking: the package's XML", () => {
  it("a unit not appraised has an empty cell, print titles name the quoted sheet, the paper is A4", async () => {
    const groups = groupsOf(4);
    expect(groups[0]!.appraised).toBe(true);
    expect(groups[0]!.rows.filter((r) => r.appraised === undefined)).toHaveLength(3);
    const files = unzipSync(await writeSummaryXlsx(groups, xo));
    const sheet = text(files, "xl/worksheets/sheet1.xml");
    const strings = text(files, "xl/sharedStrings.xml");
    // The library's serializer writes ' as a character reference; an XML reader reads both as '.
    const workbook = text(files, "xl/workbook.xml").replace(/&#39;|&apos;/g, "'");
    expect(strings).not.toContain(">null<");
    // Column D ("Điểm thẩm định") of the four data rows (8–11): one number, three empty styled cells.
    const d = (row: number) => new RegExp(`<c [^>]*r="D${row}"[^>]*?(?:/>|>.*?</c>)`).exec(sheet)?.[0] ?? "";
    const cellsD = [8, 9, 10, 11].map(d);
    expect(cellsD.filter((c) => /<v>/.test(c))).toHaveLength(1);
    for (const c of cellsD.filter((c) => !/<v>/.test(c))) {
      expect(c).toMatch(/^<c [^>]*\/>$/);
      expect(c).toMatch(/ s="\d+"/);
      expect(c).not.toContain('t="s"');
    }
    expect(workbook).toContain(`<sheet name="2021 mini"`);
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">'2021 mini'!\$7:\$7<\/definedName>/);
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="landscape"\/>/);
  });

  it("sheet names are quoted in references when they are not plain ASCII names", () => {
    expect(sheetRef("2021 mini")).toBe("'2021 mini'");
    expect(sheetRef("Biểu")).toBe("'Biểu'");
    expect(sheetRef("Sheet1")).toBe("Sheet1");
    expect(sheetRef("AB12")).toBe("'AB12'"); // would read as a cell reference
    expect(sheetRef("Tong_hop")).toBe("Tong_hop");
    expect(sheetRef("O'Neil 2021")).toBe("'O''Neil 2021'");
  });
});

const gate = tools("soffice", "pdfinfo", "pdftotext");

describe(`.xlsx ranking opened in LibreOffice Calc${gate.note}`, () => {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-xlsx-calc-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const soffice = (to: string, file: string) => {
    const r = run("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", to, "--outdir", dir, file], { timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  };

  it.skipIf(gate.skip)(
    "csv: the unappraised units' cells are empty; PDF: A4 landscape, the header on every page",
    async () => {
      gate.require();
      const groups = groupsOf(80);
      const xlsx = join(dir, "bieu-tong-hop.xlsx");
      writeFileSync(xlsx, await writeSummaryXlsx(groups, xo));
      // The csv filter: comma-separated, text in double quotes, UTF-8 (76), starting at line 1.
      soffice("csv:Text - txt - csv (StarCalc):44,34,76,1", xlsx);
      const raw = readFileSync(join(dir, "bieu-tong-hop.csv"), "utf8");
      expect(raw).not.toContain("null");
      const csv = raw.split("\n").map(csvFields);
      const header = csv.findIndex((l) => l[0] === "STT");
      expect(header).toBe(6);
      const rows = csv.slice(header + 1, header + 1 + 80);
      expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      const appraisedCol = csv[header]!.indexOf("Điểm thẩm định");
      expect(appraisedCol).toBe(3);
      const appraisedCells = rows.map((r) => r[appraisedCol]);
      expect(appraisedCells.filter((c) => c === "")).toHaveLength(79);
      expect(appraisedCells.filter((c) => /^\d+[.,]\d\d$/.test(c ?? ""))).toHaveLength(1);

      soffice("pdf", xlsx);
      const pdf = join(dir, "bieu-tong-hop.pdf");
      const info = run("pdfinfo", ["-f", "1", "-l", "99", pdf]).stdout;
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(sizes).toHaveLength(pages);
      for (const s of sizes) expect(s).toEqual([842, 595]);
      const seen: number[] = [];
      for (let p = 1; p <= pages; p++) {
        const page = run("pdftotext", ["-layout", "-f", String(p), "-l", String(p), pdf, "-"]).stdout;
        // The column headings (row 7) on every page, a repeat from page 2 on; the title on page 1 only.
        expect(page, `page ${p}`).toContain("Cơ quan, đơn vị");
        expect(page, `page ${p}`).toMatch(/Điểm thẩm/);
        expect(page.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), `page ${p}`).toBe(p === 1);
        expect(page, `page ${p}`).not.toContain("null");
        const units = [...page.matchAll(/Đơn vị thử nghiệm số (\d+)\b/g)].map((m) => Number(m[1]));
        if (p === 2) expect(units.length, "unit rows on page 2").toBeGreaterThan(0);
        seen.push(...units);
      }
      // Every unit once, over more than one page.
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      if (process.env.CHAMDIEM_KEEP_RENDERS) {
        run("pdftoppm", ["-png", "-r", "50", pdf, join(process.env.CHAMDIEM_KEEP_RENDERS, "xlsx-page")]);
        writeFileSync(join(process.env.CHAMDIEM_KEEP_RENDERS, "bieu-tong-hop.pdf"), readFileSync(pdf));
      }
      expect(readdirSync(dir)).toContain("bieu-tong-hop.pdf");
    },
    300_000,
  );
});
