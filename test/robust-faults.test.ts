/**
 * Issue 11, scale and faults: rubrics of 10 000 criteria, floods of 100 000 diagnostics in one file
 * (each code reported 20 times and counted, CD423; 200 per file, CD424), a build killed at random
 * moments (every output absent, old or complete; the next build repairs everything), and the build
 * manifest's repair of outputs that were truncated, replaced or deleted.
 */
import { describe, expect, it } from "vitest";
import { runChecks, type InputFile } from "../src/check/run-checks.js";
import { boundDiagnostics, diag, message, PER_CODE_LIMIT, PER_FILE_LIMIT, type Diagnostic } from "../src/diagnostics/diagnostic.js";
import { input, readExampleText } from "./helpers/example.js";
import { MINI_RUBRIC, miniText } from "./helpers/mini.js";

const enc = (s: string) => new TextEncoder().encode(s);
const file = (path: string, text: string): InputFile => ({ path, bytes: enc(text) });
/** 1-based line of the first line of `text` that equals `line`. */
const lineOf = (text: string, line: string) => {
  const i = text.split("\n").indexOf(line);
  if (i < 0) throw new Error(`line not found: ${line}`);
  return i + 1;
};
const codesAt = (ds: readonly Diagnostic[], path: string) => ds.filter((d) => d.pos.file === path).map((d) => `${d.code}@${d.pos.line}`);

/**
 * A rubric of `groups` × `leaves` choice criteria (a: full points, b: 0), under `depth` levels of
 * groups, and an assessment answering every criterion "a" but those in `b`. Block YAML, or flow
 * mappings for the leaves (`flow`) to stay under the 2 MB input limit at depth.
 */
function bigRubric(groups: number, leaves: number, depth: number, flow: boolean, b: ReadonlySet<string> = new Set()) {
  const r = ["id: big", "title: BIỂU CHẤM ĐIỂM {year}", "max: " + groups, "items:"];
  const ids: string[] = [];
  const perLeaf = 100 / leaves; // hundredths of a point per leaf: a group of `leaves` leaves is worth 1
  for (let g = 1; g <= groups; g++) {
    let ind = "  ";
    let id = String(g);
    r.push(`${ind}- id: "${id}"`, `${ind}  title: Nhóm ${id}`, `${ind}  max: 1`, `${ind}  items:`);
    for (let d = 1; d < depth; d++) {
      ind += "  ";
      id += ".1";
      r.push(`${ind}- id: "${id}"`, `${ind}  title: Nhóm ${id}`, `${ind}  max: 1`, `${ind}  items:`);
    }
    ind += "  ";
    for (let l = 1; l <= leaves; l++) {
      const lid = `${id}.${l}`;
      const max = (perLeaf / 100).toFixed(2);
      if (flow) r.push(`${ind}- {id: "${lid}", title: T, max: ${max}, options: [{id: a, text: Đạt, points: ${max}}, {id: b, text: Không, points: 0}]}`);
      else {
        r.push(`${ind}- id: "${lid}"`, `${ind}  title: T ${lid}`, `${ind}  max: ${max}`, `${ind}  input: choice`, `${ind}  options:`);
        r.push(`${ind}  - id: a`, `${ind}    text: Đạt`, `${ind}    points: ${max}`, `${ind}  - id: b`, `${ind}    text: Không`, `${ind}    points: 0`);
      }
      ids.push(lid);
    }
  }
  const a = [
    "rubric: big",
    "year: 2021",
    "unit:",
    "  name: Đơn vị thử nghiệm",
    "  agency: Văn phòng",
    "report:",
    "  number: 1",
    "  symbol: BC-VP",
    "  place: Quảng Ngãi",
    "  date: 2021-11-19",
    "  summary: Tự đánh giá",
    "  body: Kết quả {{total}}.",
    "  recipients:",
    "    - Sở Nội vụ",
    "  archive: VT",
    "  signer:",
    "    title: CHÁNH VĂN PHÒNG",
    "    name: Nguyễn Văn A",
    "answers:",
  ];
  for (const id of ids) a.push(`  "${id}":`, `    option: ${b.has(id) ? "b" : "a"}`, "    justification: Quyết định số 1/QĐ-UBND ngày 01/02/2021.");
  return { rubric: r.join("\n") + "\n", assessment: a.join("\n") + "\n", ids, expectedTotal: groups * 100 - b.size * perLeaf };
}

describe("scale: rubrics of 10 000 criteria", () => {
  it("a flat rubric of 10 000 criteria (≈ 2 MB) checks, with the exact total; a wrong option is reported at its line", () => {
    const b = new Set(["7.1", "42.13", "99.100"]);
    const big = bigRubric(100, 100, 1, false, b);
    expect(enc(big.rubric).length).toBeGreaterThan(1_900_000);
    expect(enc(big.rubric).length).toBeLessThan(2 * 1024 * 1024);
    const r = runChecks([file("big.yaml", big.rubric), file("a.yaml", big.assessment)]);
    expect(r.diagnostics).toEqual([]);
    expect(r.assessments[0]!.scored!.total).toBe(big.expectedTotal);
    expect(r.assessments[0]!.scored!.total).toBe(9997);

    // One unknown option and one unknown criterion among the 10 000 answers.
    const bad = big.assessment.replace('  "42.57":\n    option: a', '  "42.57":\n    option: z').replace('  "3.3":\n', '  "3.3x":\n');
    const r2 = runChecks([file("big.yaml", big.rubric), file("a.yaml", bad)]);
    expect(codesAt(r2.diagnostics, "a.yaml").sort()).toEqual(
      [`CD204@${lineOf(bad, "    option: z")}`, `CD401@${lineOf(bad, '  "3.3x":')}`, `CD403@${lineOf(bad, "answers:")}`].sort(),
    );
    const allowed = r2.diagnostics.find((d) => d.code === "CD204")!;
    expect(message(allowed, "en")).toContain("a, b");
  });

  it("10 000 criteria under five levels of groups check, with the exact total", () => {
    const b = new Set(["5.1.1.1.1.9", "77.1.1.1.1.100"]);
    const big = bigRubric(100, 100, 5, true, b);
    expect(enc(big.rubric).length).toBeLessThan(2 * 1024 * 1024);
    const r = runChecks([file("deep.yaml", big.rubric), file("a.yaml", big.assessment)]);
    expect(r.diagnostics).toEqual([]);
    expect(r.assessments[0]!.scored!.total).toBe(big.expectedTotal);
  });
});

describe("floods: each code reported 20 times and counted (CD423), 200 per file (CD424)", () => {
  const N = 100_000;
  const rep = (s: string, n: number, sep = "") => Array.from({ length: n }, (_, i) => s.replaceAll("#", String(i))).join(sep);
  const JUSTIFICATION = "justification: Kế hoạch số 12/KH-VP ngày 05/01/2021.";
  const cases: { name: string; text: () => string; code: string; first: (t: string) => number; count: number }[] = [
    {
      name: "100 000 answers with unknown criterion ids",
      text: () => miniText().replace("answers:\n", "answers:\n" + rep('  "u#": a', N, "\n") + "\n"),
      code: "CD401",
      first: (t) => lineOf(t, '  "u0": a'),
      count: N,
    },
    {
      name: "100 000 unknown fields in one answer",
      text: () => miniText().replace('  "1.1":\n', '  "1.1":\n' + rep("    f#: 1", N, "\n") + "\n"),
      code: "CD202",
      first: (t) => lineOf(t, "    f0: 1"),
      count: N,
    },
    {
      name: "100 000 unknown options ticked in a checklist",
      text: () => miniText().replace("    options:\n", "    options:\n" + rep("      x#:", N, "\n") + "\n"),
      code: "CD202",
      first: (t) => lineOf(t, "      x0:"),
      count: N,
    },
    {
      name: "60 000 citations dated after the report",
      text: () => miniText().replace(JUSTIFICATION, "justification: " + rep("số #/QĐ-VP ngày 1/1/2099; ", 60_000)),
      code: "CD504",
      first: (t) => lineOf(t, "    justification: " + rep("số #/QĐ-VP ngày 1/1/2099; ", 60_000)),
      count: 60_000,
    },
    {
      name: "100 000 repeated words",
      text: () => miniText().replace(JUSTIFICATION, "justification: " + rep("và ", N + 1)),
      code: "CD509",
      first: (t) => lineOf(t, "    justification: " + rep("và ", N + 1)),
      count: N,
    },
    {
      name: "100 000 HTML tags that are not allowed",
      text: () => miniText().replace(JUSTIFICATION, "justification: " + rep("<q>", N)),
      code: "CD501",
      first: (t) => lineOf(t, "    justification: " + rep("<q>", N)),
      count: N,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.code} twenty times, then one CD423 with the count of the rest`, () => {
      const text = c.text();
      expect(enc(text).length).toBeLessThan(2 * 1024 * 1024);
      const t0 = performance.now();
      const r = runChecks([input(MINI_RUBRIC), file("flood.yaml", text)]);
      const seconds = (performance.now() - t0) / 1000;
      const own = r.diagnostics.filter((d) => d.pos.file === "flood.yaml");
      const ofCode = own.filter((d) => d.code === c.code);
      expect(ofCode).toHaveLength(PER_CODE_LIMIT);
      expect(ofCode[0]!.pos.line).toBe(c.first(text));
      const summary = own.filter((d) => d.code === "CD423");
      expect(summary).toHaveLength(1);
      expect(summary[0]!.args).toMatchObject({ code: c.code, count: c.count - PER_CODE_LIMIT, limit: PER_CODE_LIMIT });
      expect(message(summary[0]!, "vi")).toContain(`Còn ${c.count - PER_CODE_LIMIT} chỗ khác trong tệp này cũng có thông báo ${c.code}`);
      expect(own.length).toBeLessThanOrEqual(PER_FILE_LIMIT);
      // Linear work: it took minutes when each answer's position was a scan of every answer.
      expect(seconds).toBeLessThan(30);
    });
  }

  it("a file over 200 diagnostics keeps its errors first and counts the rest (CD424)", () => {
    const ds: Diagnostic[] = [];
    const codes = ["CD409", "CD509", "CD513", "CD512", "CD505", "CD506", "CD507", "CD508", "CD511", "CD419", "CD416", "CD413"] as const;
    for (const [k, code] of codes.entries()) for (let i = 0; i < 20; i++) ds.push(diag(code, { file: "f.yaml", line: 1 + k * 20 + i, column: 1 }));
    ds.push(diag("CD401", { file: "f.yaml", line: 900, column: 3 }, { id: "x", rubric: "mini" }));
    ds.push(diag("CD409", { file: "other.yaml", line: 5, column: 1 }, { id: "1", score: "1" }));
    const out = boundDiagnostics(ds);
    const f = out.filter((d) => d.pos.file === "f.yaml");
    expect(f).toHaveLength(PER_FILE_LIMIT);
    expect(f.filter((d) => d.code === "CD401").map((d) => d.pos.line)).toEqual([900]);
    const cap = f.filter((d) => d.code === "CD424");
    expect(cap).toHaveLength(1);
    // 241 diagnostics: 199 shown (the error and the first 198 warnings by position), 42 counted.
    expect(cap[0]!.args).toMatchObject({ count: 42, limit: PER_FILE_LIMIT });
    expect(cap[0]!.pos.line).toBe(199);
    expect(out.filter((d) => d.pos.file === "other.yaml")).toHaveLength(1);
    // Within the bounds a list is returned as it is.
    const small = ds.slice(0, 150);
    expect(boundDiagnostics(small)).toBe(small);
  });

  it("a message quotes at most 20 of a criterion's options", () => {
    const options = Array.from({ length: 30 }, (_, i) => `          - { id: o${i}, text: "Phương án ${i}: 0", points: 0 }`).join("\n");
    const rubric = readExampleText(MINI_RUBRIC).replace(
      /( {6}- id: "1\.1"\n(?: {8}.*\n)*? {8}options:\n)((?: {10}- .*\n)+)/,
      (_, head: string) => `${head}${options}\n`,
    );
    expect(rubric).toContain("id: o29");
    const text = miniText().replace('  "1.1":\n    option: a\n    score: 3', '  "1.1":\n    option: zz');
    const r = runChecks([file("r.yaml", rubric), file("a.yaml", text)]);
    const d = r.diagnostics.find((x) => x.pos.file === "a.yaml" && (x.code === "CD204" || x.code === "CD404"))!;
    expect(d.pos.line).toBe(lineOf(text, "    option: zz"));
    expect(message(d, "en")).toContain("o0, o1, o2");
    expect(message(d, "en")).toContain("o19, …");
    expect(message(d, "en")).not.toContain("o20");
  });
});
