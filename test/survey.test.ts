/**
 * Score sources (issue 14): criteria scored by the appraiser or by a survey file (`scored_by`), the
 * survey file's checks (CD730–CD736), and the final score and index (src/score/final.ts), against
 * hand-computed values on test/fixtures/survey.
 */
import { describe, expect, it } from "vitest";
import { composeScoreTable } from "../src/compose/index.js";
import { reportPlaceholders } from "../src/compose/placeholders.js";
import type { Row } from "../src/document/model.js";
import { walkScored, type ScoredNode } from "../src/model/scored.js";
import { runChecks, type InputFile } from "../src/pipeline/run-checks.js";
import { input, readExampleText } from "./helpers/example.js";
import { paragraphs, tables, text } from "./fixtures/compose/model-query.js";
import { COMPOSE_OPTIONS } from "./fixtures/compose/scored.js";

const DIR = "test/fixtures/survey";
const RUBRIC = `${DIR}/rubric.yaml`;
const ASSESSMENT = `${DIR}/so-a.yaml`;
const APPRAISAL = `${DIR}/so-a.appraisal.yaml`;
const SURVEY = `${DIR}/khao-sat.survey.yaml`;

const surveyInput = (text?: string, units: string[] = ["so-a"]): InputFile => ({ ...input(SURVEY, text), folderUnits: units });

function check(files: InputFile[]) {
  return runChecks([input(RUBRIC), ...files]);
}

function node(items: readonly ScoredNode[], id: string): ScoredNode {
  const n = [...walkScored(items)].find((x) => x.node.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

describe("survey scores, appraiser-scored criteria and the final score", () => {
  const r = check([input(ASSESSMENT), input(APPRAISAL), surveyInput()]);
  const scored = r.assessments[0]!.scored!;

  it("checks without errors", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("the unit's own total leaves out what others score", () => {
    // 1.1 = 3 (option b); 1.2 (appraiser) and 2.x (survey) are not the unit's: 0.
    expect(scored.total).toBe(300);
  });

  it("survey rows fill the survey-scored criteria; a group sums them", () => {
    expect(node(scored.items, "2.1").survey).toBe(425);
    expect(node(scored.items, "2.2").survey).toBe(350); // "3,5"
    expect(node(scored.items, "2").survey).toBe(775);
    expect(scored.survey?.total).toBe(775);
  });

  it("the appraisal scores the appraiser's criterion and leaves the survey's alone", () => {
    expect(node(scored.items, "1.2").appraisal?.score).toBe(200);
    expect(node(scored.items, "1").appraisal?.score).toBe(500);
    expect(node(scored.items, "2.1").appraisal?.score).toBeUndefined();
    expect(scored.appraised?.total).toBe(500);
  });

  it("final = appraised for the unit's and the appraiser's criteria, the survey's for its own; index = final / max", () => {
    expect(node(scored.items, "1").final).toBe(500);
    expect(node(scored.items, "2").final).toBe(775);
    // 5 + 7,75 = 12,75 of 20 → 63,75 %
    expect(scored.final).toEqual({ total: 1275, percent: 6375 });
    const p = reportPlaceholders(scored, { decimal: ",", fixed: true }).get("percent");
    expect(p).toEqual({ value: "63,75%" });
  });

  it("the table: blank self cells for what others score, survey and final columns, the index in the total row", () => {
    const table = tables(composeScoreTable(scored, COMPOSE_OPTIONS).doc)[1]!;
    const cells = (r: Row) => r.cells.map((c) => paragraphs(c.blocks).map(text).join("\n"));
    const byTitle = (t: string) => cells(table.rows.find((r) => cells(r)[1] === t)!);
    // TT, title, max, self, survey, appraisal, final, percent, explanation
    expect(byTitle("Chất lượng báo cáo (Sở Nội vụ đánh giá)").slice(2, 8)).toEqual(["4,00", "", "", "2,00", "2,00", "50,00"]);
    expect(byTitle("ĐIỀU TRA XÃ HỘI HỌC").slice(0, 8)).toEqual(["II", "ĐIỀU TRA XÃ HỘI HỌC", "10,00", "", "7,75", "", "7,75", "77,50"]);
    expect(cells(table.rows[table.rows.length - 1]!).slice(0, 7)).toEqual(["TỔNG ĐIỂM", "20,00", "3,00", "7,75", "5,00", "12,75", "63,75"]);
  });

  it("without the survey file there is no final score, and {{percent}} says why", () => {
    const s = check([input(ASSESSMENT), input(APPRAISAL)]).assessments[0]!.scored!;
    expect(s.final).toBeUndefined();
    expect(node(s.items, "1").final).toBe(500);
    expect(node(s.items, "2").final).toBeUndefined();
    expect("error" in reportPlaceholders(s, { decimal: ",", fixed: true }).get("percent")!).toBe(true);
  });
});

describe("survey file checks", () => {
  const base = readExampleText(SURVEY);
  const codes = (text: string, units?: string[]) =>
    check([input(ASSESSMENT), input(APPRAISAL), surveyInput(text, units)])
      .diagnostics.filter((d) => d.severity !== "info")
      .map((d) => `${d.code}@${d.pos.file === SURVEY ? "survey" : "assessment"}:${d.pos.line}`);
  const row = (r: string) => `${base}  - ${r}\n`;

  it("the fixture is clean", () => {
    expect(codes(base)).toEqual([]);
  });

  it("CD730 an unknown criterion, CD731 a criterion the survey does not score", () => {
    expect(codes(row(`{ unit: so-a, criterion: "9.9", score: 1 }`))).toContain("CD730@survey:7");
    expect(codes(row(`{ unit: so-a, criterion: "1.1", score: 1 }`))).toContain("CD731@survey:7");
  });

  it("CD732 a score outside the criterion's range, CD733 a duplicate row", () => {
    const out = base.replace(`score: 4.25`, `score: 5.5`);
    expect(codes(out)).toContain("CD732@survey:5");
    expect(codes(row(`{ unit: so-a, criterion: "2.1", score: 1 }`))).toContain("CD733@survey:7");
  });

  it("CD734 a row for a unit with no assessment in the folder", () => {
    expect(codes(row(`{ unit: so-b, criterion: "2.1", score: 1 }`))).toContain("CD734@survey:7");
    // Without the folder's listing, the unit is not checked.
    expect(check([input(ASSESSMENT), input(SURVEY, row(`{ unit: so-b, criterion: "2.1", score: 1 }`))]).diagnostics.map((d) => d.code)).not.toContain("CD734");
  });

  it("CD735 the survey lacks a criterion of this unit (warning)", () => {
    const d = check([input(ASSESSMENT), surveyInput(base.replace(/  - \{ unit: so-a, criterion: "2.2".*\n/, ""))]).diagnostics.find((x) => x.code === "CD735");
    expect(d?.severity).toBe("warning");
    expect(d?.pos.file).toBe(ASSESSMENT);
  });

  it("CD736 the unit scoring a criterion it does not score", () => {
    const a = readExampleText(ASSESSMENT).replace(`  "1.2":\n    justification:`, `  "1.2":\n    option: a\n    justification:`);
    const d = runChecks([input(RUBRIC), input(ASSESSMENT, a)]).diagnostics.filter((x) => x.code === "CD736");
    expect(d.map((x) => x.pos.line)).toEqual([27]);
  });

  it("survey-scored and appraiser-scored criteria may be left out of the assessment", () => {
    const a = readExampleText(ASSESSMENT).replace(/  "1\.2":\n    justification: .*\n/, "");
    expect(runChecks([input(RUBRIC), input(ASSESSMENT, a), input(APPRAISAL), surveyInput()]).diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  });
});
