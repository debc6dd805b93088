/**
 * `chamdiem summary`: ranking with ties ("1, 2, 2, 2, 5"), appraised totals used for classification,
 * units with errors listed without a rank, counts per class; every report format; the Biểu tổng hợp
 * as .docx, PDF and .xlsx, byte-for-byte reproducible.
 */
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runChecks, type InputFile } from "../src/pipeline/run-checks.js";
import { composeSummaryTable, summaryTitleText } from "../src/compose/summary-table.js";
import { main } from "../src/cli/main.js";
import { VI_NUMBERS } from "../src/model/points.js";
import { consolidate, unitScore } from "../src/score/consolidate.js";
import { summaryCsv, summaryJson, summaryMarkdown, summaryText } from "../src/review/summary-report.js";
import { writeSummaryXlsx } from "../src/review/summary-xlsx.js";
import { ROOT, input } from "./helpers/example.js";
import { MINI_RUBRIC, editMini, miniText } from "./helpers/mini.js";

const DIR = "test/fixtures/review/summary";
const named = (name: string, text = miniText()) => text.replace("  name: Văn phòng thử nghiệm\n", `  name: ${name}\n`);
const units: InputFile[] = [
  input(`${DIR}/a.yaml`, named("Đơn vị A")), // 17,31 self; appraised 15,31 (1.1 → b)
  input(`${DIR}/b.yaml`, named("Đơn vị B", editMini('  "3.1":\n    option: b', '  "3.1":\n    option: a'))), // 19,31
  input(`${DIR}/c.yaml`, named("Đơn vị C", editMini('  "1.1":\n    option: a\n    score: 3', '  "1.1":\n    option: b\n    score: 1'))), // 15,31
  input(`${DIR}/d.yaml`, named("Đơn vị D", editMini('  "1.1":\n    option: a\n    score: 3', '  "1.1":\n    option: b\n    score: 1'))), // 15,31
  input(`${DIR}/e.yaml`, named("Đơn vị E", editMini('  "2.1":\n    option: a', '  "2.1":\n    option: b'))), // 7,31
  input(`${DIR}/f.yaml`, named("Đơn vị F", editMini('  "1.1":\n    option: a', '  "1.1":\n    option: z'))), // one error: the unknown option (no second "declared score differs", see score.ts)
];
const appraisal = input(
  `${DIR}/a.appraisal.yaml`,
  'assessment: a.yaml\nrubric: mini\nappraiser:\n  agency: Sở Nội vụ\n  superior: UBND tỉnh Thử Nghiệm\nrounds:\n  - round: 1\n    date: 2021-12-10\n    criteria:\n      "1.1":\n        option: b\n        opinion: Kế hoạch ban hành chậm.\n',
);
const result = runChecks([input(MINI_RUBRIC), ...units, appraisal]);
const rubrics = new Map(result.rubrics.map((r) => [r.rubric!.id, r.rubric!]));
const scores = result.assessments.flatMap((a) => (a.scored ? [unitScore(a.file, a.scored, a.diagnostics)] : []));
const groups = consolidate(scores, rubrics);

describe("consolidation and ranking", () => {
  it("ties share a rank and the next rank skips; errors are listed last without a rank", () => {
    expect(groups).toHaveLength(1);
    const g = groups[0]!;
    expect(g.rows.map((r) => [r.rank ?? null, r.unit, r.used, r.classification ?? null])).toEqual([
      [1, "Đơn vị B", 1931, "Tốt"],
      [2, "Đơn vị A", 1531, "Khá"],
      [2, "Đơn vị C", 1531, "Khá"],
      [2, "Đơn vị D", 1531, "Khá"],
      [5, "Đơn vị E", 731, "Yếu"],
      [null, "Đơn vị F", 1431, null],
    ]);
    expect(g.rows[1]).toMatchObject({ self: 1731, appraised: 1531 });
    expect(g.counts).toEqual([
      { label: "Tốt", count: 1 },
      { label: "Khá", count: 3 },
      { label: "Trung bình", count: 0 },
      { label: "Yếu", count: 1 },
    ]);
    expect(g.appraised).toBe(true);
    expect(g.latestDate).toBe("2021-12-10");
  });

  it("filters by rubric and year", () => {
    expect(consolidate(scores, rubrics, { year: 2022 })).toEqual([]);
    expect(consolidate(scores, rubrics, { rubric: "mini", year: 2021 })).toHaveLength(1);
    expect(consolidate(scores, new Map())).toEqual([]);
  });
});

describe("report formats", () => {
  it("text", () => {
    expect(summaryText(groups, "vi")).toBe(
      [
        "Tổng hợp kết quả chấm điểm năm 2021 (bộ tiêu chí mini) — 6 đơn vị, tối đa 20,00",
        "Hạng  Cơ quan, đơn vị  Điểm tự chấm  Điểm thẩm định  Điểm xếp loại  Xếp loại  Ghi chú",
        "   1  Đơn vị B                19,31                          19,31  Tốt",
        "   2  Đơn vị A                17,31           15,31          15,31  Khá",
        "   2  Đơn vị C                15,31                          15,31  Khá",
        "   2  Đơn vị D                15,31                          15,31  Khá",
        "   5  Đơn vị E                 7,31                           7,31  Yếu",
        "      Đơn vị F                14,31                          14,31            có lỗi (1)",
        "Số đơn vị theo xếp loại: Tốt 1; Khá 3; Trung bình 0; Yếu 1",
      ].join("\n"),
    );
  });

  it("markdown", () => {
    expect(summaryMarkdown(groups, "en")).toBe(
      [
        "### Consolidated scores 2021 (rubric mini)",
        "",
        "6 unit(s), max 20,00",
        "",
        "| Rank | Unit | Self-assessed | Appraised | Classified on | Class | Note |",
        "|---:|---|---:|---:|---:|---|---|",
        "| 1 | Đơn vị B | 19,31 |  | 19,31 | Tốt |  |",
        "| 2 | Đơn vị A | 17,31 | 15,31 | 15,31 | Khá |  |",
        "| 2 | Đơn vị C | 15,31 |  | 15,31 | Khá |  |",
        "| 2 | Đơn vị D | 15,31 |  | 15,31 | Khá |  |",
        "| 5 | Đơn vị E | 7,31 |  | 7,31 | Yếu |  |",
        "|  | Đơn vị F | 14,31 |  | 14,31 |  | has errors (1) |",
        "",
        "**Units per class:** Tốt 1; Khá 3; Trung bình 0; Yếu 1",
      ].join("\n"),
    );
  });

  it("csv and json", () => {
    expect(summaryCsv(groups).split("\n").slice(0, 3)).toEqual([
      "year,rubric,rank,unit,self,appraised,used,classification,errors,ineligible,file",
      "2021,mini,1,Đơn vị B,19.31,,19.31,Tốt,0,,test/fixtures/review/summary/b.yaml",
      "2021,mini,2,Đơn vị A,17.31,15.31,15.31,Khá,0,,test/fixtures/review/summary/a.yaml",
    ]);
    const j = summaryJson(groups) as { groups: { counts: object; units: { rank: number | null; used: number }[] }[] };
    expect(j.groups[0]!.counts).toEqual({ Tốt: 1, Khá: 3, "Trung bình": 0, Yếu: 1 });
    expect(j.groups[0]!.units.map((u) => u.rank)).toEqual([1, 2, 2, 2, 5, null]);
    expect(j.groups[0]!.units[1]!.used).toBe(15.31);
  });
});

describe("Biểu tổng hợp documents", () => {
  const measure = (text: string, style: { size: number }) => text.length * style.size * 0.5;
  const opts = { measure, numbers: VI_NUMBERS, date: "2021-12-10T00:00:00.000Z", issuer: { agency: "Sở Nội vụ", superior: "UBND tỉnh Thử Nghiệm" } };

  it("the DocModel: landscape, NĐ 30 header of the appraising agency, derived title, one row per unit", () => {
    const doc = composeSummaryTable(groups[0]!, opts);
    expect(doc.sections[0]!.page.orientation).toBe("landscape");
    expect(summaryTitleText(groups[0]!)).toBe("BIỂU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THỬ NGHIỆM NĂM 2021");
    const tables = doc.sections[0]!.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(2); // header block, summary table
    const t = tables[1] as Extract<(typeof tables)[number], { kind: "table" }>;
    expect(t.headerRows).toBe(1);
    expect(t.rows).toHaveLength(1 + 6);
  });

  it(".docx and .xlsx are byte-for-byte reproducible; .xlsx holds numbers", async () => {
    const { writeDocx } = await import("../src/write/docx/index.js");
    const d1 = await writeDocx(composeSummaryTable(groups[0]!, opts));
    const d2 = await writeDocx(composeSummaryTable(groups[0]!, opts));
    expect(Buffer.from(d1).equals(Buffer.from(d2))).toBe(true);
    expect(new TextDecoder().decode(unzipSync(d1)["word/document.xml"]!)).toContain("BIỂU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THỬ NGHIỆM NĂM 2021");

    const xo = { issuer: opts.issuer, date: opts.date, numbers: VI_NUMBERS, title: summaryTitleText };
    const x1 = await writeSummaryXlsx(groups, xo);
    const x2 = await writeSummaryXlsx(groups, xo);
    expect(Buffer.from(x1).equals(Buffer.from(x2))).toBe(true);
    const files = unzipSync(x1);
    const sheet = new TextDecoder().decode(files["xl/worksheets/sheet1.xml"]!);
    const strings = new TextDecoder().decode(files["xl/sharedStrings.xml"]!);
    expect(sheet).toContain("<v>19.31</v>");
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('orientation="landscape"');
    expect(strings).toContain("Đơn vị B");
    expect(strings).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  it("the CLI writes .docx, PDF and .xlsx for the example", async () => {
    const { mkdtempSync, readdirSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const out = mkdtempSync(join(tmpdir(), "chamdiem-summary-"));
    try {
      const lines: string[] = [];
      const io = {
        cwd: ROOT,
        env: { CHAMDIEM_CACHE: "0" },
        isTTY: false,
        stdout: (s: string) => void lines.push(s),
        stderr: (s: string) => void lines.push(s),
      };
      const code = await main(["summary", "content", "--write", "docx,pdf,xlsx", "--out", out, "--format", "csv"], io);
      expect(code).toBe(0);
      const csv = lines.join("\n").split("\n");
      expect(csv[0]).toBe("year,rubric,rank,unit,self,appraised,used,classification,errors,ineligible,file");
      expect(csv[1]).toBe("2021,dvcq-qng-2021,1,Văn phòng UBND tỉnh,100.00,98.00,98.00,,0,,content/assessments/2021/van-phong-ubnd-tinh.yaml");
      expect(readdirSync(join(out, "2021")).sort()).toEqual([
        "bieu-tong-hop-dvcq-qng-2021.docx",
        "bieu-tong-hop-dvcq-qng-2021.pdf",
        "bieu-tong-hop-dvcq-qng-2021.xlsx",
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("keeps rows in one cache file: a re-run reuses them, a changed unit is rescored, a damaged cache is recomputed", async () => {
    const { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-rows-"));
    try {
      mkdirSync(join(dir, "content/rubrics"), { recursive: true });
      mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
      writeFileSync(join(dir, "content/rubrics/mini.yaml"), readFileSync(join(ROOT, MINI_RUBRIC)));
      const text = (i: number) => new TextDecoder().decode(units[i]!.bytes);
      for (const u of units.slice(0, 5)) writeFileSync(join(dir, "content/assessments/2021", u.path.split("/").pop()!), u.bytes);
      const cacheDir = join(dir, "cache");
      const run = async () => {
        const lines: string[] = [];
        const io = {
          cwd: dir,
          env: { CHAMDIEM_CACHE_DIR: cacheDir },
          isTTY: false,
          stdout: (s: string) => void lines.push(s),
          stderr: (s: string) => void lines.push(s),
        };
        expect(await main(["summary", "content", "--format", "csv"], io)).toBe(0);
        return lines.join("\n");
      };
      const cacheFile = () => join(cacheDir, "summary", readdirSync(join(cacheDir, "summary"))[0]!);
      const rows = () => JSON.parse(readFileSync(cacheFile(), "utf8")) as Record<string, { key: string; unit: { total: unknown } }>;

      const first = await run();
      expect(readdirSync(join(cacheDir, "summary"))).toHaveLength(1);
      const before = rows();
      expect(Object.keys(before)).toHaveLength(5);
      // A row the cache says is valid is used as it is: mark one, and the re-run shows the mark.
      const c = Object.keys(before).find((f) => f.endsWith("c.yaml"))!;
      writeFileSync(cacheFile(), JSON.stringify({ ...before, [c]: { ...before[c]!, unit: { ...before[c]!.unit, unit: "Đơn vị C (từ cache)" } } }));
      expect(await run()).toContain("Đơn vị C (từ cache)");
      // A changed assessment is rescored and its row replaced; the others keep theirs.
      writeFileSync(join(dir, "content/assessments/2021/c.yaml"), text(1).replace("Đơn vị B", "Đơn vị C"));
      const third = await run();
      expect(third).not.toContain("(từ cache)");
      expect(third).toMatch(/Đơn vị C,19\.31/);
      const after = rows();
      expect(after[c]!.key).not.toBe(before[c]!.key);
      for (const f of Object.keys(before).filter((f) => f !== c)) expect(after[f]).toEqual(before[f]);
      // A damaged cache file only costs time.
      writeFileSync(cacheFile(), "{ not json");
      expect(await run()).toBe(third);
      writeFileSync(join(dir, "content/assessments/2021/c.yaml"), text(2));
      expect(await run()).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
