/**
 * Issue 14, point 4: a report date given as a year alone (`date: 2021`) prints the day and the month
 * blank, to be written by hand at signing ("…, ngày        tháng        năm 2021"), and every use of the
 * date copes: the checks, the attached table's reference, {{date}}, the files' timestamp, the summary,
 * the appraisal's date order.
 */
import { describe, expect, it } from "vitest";
import { composeReport, composeScoreTable } from "../src/compose/index.js";
import { dateInWords, HAND_BLANK, placeAndDate, shortDate } from "../src/compose/vi-format.js";
import { isYearOnly, parseReportDate, reportDateBounds } from "../src/model/report-date.js";
import { buildDate } from "../src/pipeline/render.js";
import { runChecks } from "../src/pipeline/run-checks.js";
import { findParagraph, text } from "./fixtures/compose/model-query.js";
import { COMPOSE_OPTIONS, smallScored } from "./fixtures/compose/scored.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, input, readExampleText } from "./helpers/example.js";

const NB = "\u00a0";
const APPRAISAL = "content/assessments/2021/van-phong-ubnd-tinh.appraisal.yaml";

/** The example assessment with its date line replaced, and optionally another edit. */
function example(date: string, from?: string, to?: string): string {
  const original = readExampleText(EXAMPLE_ASSESSMENT);
  expect(original).toContain("  date: 2021-11-19\n");
  let t = original.replace("  date: 2021-11-19\n", `  date: ${date}\n`);
  if (from !== undefined) {
    expect(t).toContain(from);
    t = t.replace(from, to!);
  }
  return t;
}

function check(assessment: string, appraisal?: string) {
  const files = [input(EXAMPLE_RUBRIC), input(EXAMPLE_ASSESSMENT, assessment), ...(appraisal === undefined ? [] : [input(APPRAISAL, appraisal)])];
  const r = runChecks(files);
  return { r, errors: r.diagnostics.filter((d) => d.severity === "error") };
}

describe("the report date as a year alone", () => {
  it("is told apart from a full date; its bounds are the year's first and last day", () => {
    expect(parseReportDate("2023")).toEqual({ year: 2023 });
    expect(parseReportDate("2021-11-19")).toEqual({ year: 2021, month: 11, day: 19 });
    expect(parseReportDate("2021-11")).toBeNull();
    expect(isYearOnly("2023")).toBe(true);
    expect(isYearOnly("2023-01-01")).toBe(false);
    expect(reportDateBounds("2023")).toEqual({ first: "2023-01-01", last: "2023-12-31" });
    expect(reportDateBounds("2021-11-19")).toEqual({ first: "2021-11-19", last: "2021-11-19" });
    expect(reportDateBounds("19/11/2021")).toBeNull();
  });

  it("prints the day and the month as blanks of eight no-break spaces; a full date is unchanged", () => {
    expect(HAND_BLANK).toBe(NB.repeat(8));
    expect(dateInWords("2023")).toBe(`ngày${NB.repeat(8)}tháng${NB.repeat(8)}năm 2023`);
    expect(placeAndDate("Quảng Ngãi", "2023")).toBe(`Quảng Ngãi, ngày${NB.repeat(8)}tháng${NB.repeat(8)}năm 2023`);
    expect(shortDate("2023")).toBe(`${NB.repeat(4)}/${NB.repeat(4)}/2023`);
    expect(dateInWords("2021-11-19")).toBe("ngày 19 tháng 11 năm 2021");
  });

  it("checks without errors written as a YAML number or a quoted string", () => {
    for (const date of ["2021", '"2021"']) {
      const { r, errors } = check(example(date));
      expect(errors, date).toEqual([]);
      expect(r.assessments[0]!.scored!.assessment.report.date).toBe("2021");
    }
  });

  it("is still checked: another year (CD412), a year out of range (CD205), a half date (CD206)", () => {
    // (2019 is also before the documents the example cites: CD504 aside.)
    expect(
      check(example("2019"))
        .errors.filter((d) => d.code !== "CD504")
        .map((d) => d.code),
    ).toEqual(["CD412"]);
    expect(check(example("20")).errors.map((d) => d.code)).toEqual(["CD205"]);
    expect(check(example('"2021-11"')).errors.map((d) => d.code)).toEqual(["CD206"]);
  });

  it("counts as its year's last day for citations: only a document certainly after the report is flagged (CD504)", () => {
    const later = ["ngày 21/10/2021 của Chánh", "ngày 21/12/2021 của Chánh"] as const;
    // After 19/11/2021, inside 2021: flagged with the full date only.
    expect(check(example("2021-11-19", ...later)).errors.map((d) => d.code)).toEqual(["CD504"]);
    expect(check(example("2021", ...later)).errors).toEqual([]);
    const next = check(example("2021", "ngày 21/10/2021 của Chánh", "ngày 21/01/2022 của Chánh")).errors;
    expect(next.map((d) => [d.code, (d.args as { report: string }).report])).toEqual([["CD504", "2021"]]);
  });

  it("counts as its year's first day for the appraisal rounds: only a round before the year is flagged (CD717)", () => {
    const appraisal = readExampleText(APPRAISAL);
    expect(appraisal).toContain("    date: 2021-12-06\n");
    const round = (d: string) => appraisal.replace("    date: 2021-12-06\n", `    date: ${d}\n`);
    // Before 19/11/2021 but in 2021: an error against the full date only.
    expect(check(example("2021-11-19"), round("2021-03-01")).errors.map((d) => d.code)).toEqual(["CD717"]);
    expect(check(example("2021"), round("2021-03-01")).errors).toEqual([]);
    const before = check(example("2021"), round("2020-12-30")).errors;
    expect(before.map((d) => [d.code, (d.args as { report: string }).report])).toEqual([["CD717", "2021"]]);
  });

  it("dates the files 1 January of the year; SOURCE_DATE_EPOCH still wins", () => {
    expect(buildDate(undefined, "2023")).toBe("2023-01-01T00:00:00.000Z");
    expect(buildDate(undefined, "2021-11-19")).toBe("2021-11-19T00:00:00.000Z");
    expect(buildDate("86400", "2023")).toBe("1970-01-02T00:00:00.000Z");
  });

  it("the report's place-and-date line and the score table's reference leave the blanks", () => {
    const report = composeReport(smallScored({ date: "2021" }), COMPOSE_OPTIONS);
    expect(report.diagnostics).toEqual([]);
    expect(text(findParagraph(report.doc, /^Quảng Ngãi, ngày/))).toBe(`Quảng Ngãi, ngày${NB.repeat(8)}tháng${NB.repeat(8)}năm 2021`);
    const table = composeScoreTable(smallScored({ date: "2021" }), COMPOSE_OPTIONS);
    // The no-break blanks survive the balanced line breaking of the centred "Kèm theo" line.
    const attached = text(findParagraph(table.doc, /^\(Kèm theo/)).replace(/\n/g, " ");
    expect(attached).toContain(`ngày${NB.repeat(8)}tháng${NB.repeat(8)}năm 2021`);
  });
});
