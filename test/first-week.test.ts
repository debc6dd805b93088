/**
 * Issue 13, point 4: the report checks point at the field they are about (file:line:column of its
 * value), not at the `report:` line; a fresh `init` file's placeholders each at its own field.
 */
import { describe, expect, it } from "vitest";
import { runChecks } from "../src/pipeline/run-checks.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, input, readExampleText } from "./helpers/example.js";

const FILE = "content/assessments/2021/thu.yaml";

/** The example with `from` replaced by `to` (once; the replacement must exist). */
function variant(from: string, to: string): string {
  const text = readExampleText(EXAMPLE_ASSESSMENT);
  expect(text).toContain(from);
  return text.replace(from, to);
}

function check(text: string) {
  return runChecks([input(EXAMPLE_RUBRIC), input(FILE, text)]).diagnostics.filter((d) => d.pos.file === FILE);
}

/** 1-based line and column where `needle` starts in `text`. */
function where(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  expect(i).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, i);
  return { line: before.split("\n").length, column: i - (before.lastIndexOf("\n") + 1) + 1 };
}

function at(text: string, code: string) {
  const d = check(text).filter((x) => x.code === code);
  expect(d.length, `${code} reported`).toBeGreaterThan(0);
  return d.map((x) => ({ line: x.pos.line, column: x.pos.column }));
}

describe("report diagnostics point at their field", () => {
  const original = readExampleText(EXAMPLE_ASSESSMENT);
  const date = /^  date: (\S+)$/m.exec(original)![1]!;
  const symbol = /^  symbol: (.+)$/m.exec(original)![1]!;
  const name = /^    name: (.+)$/m.exec(original)![1]!;

  it("CD421, a date that does not exist, at the date", () => {
    const t = variant(`  date: ${date}`, "  date: 2021-02-30");
    expect(at(t, "CD421")).toEqual([where(t, "2021-02-30")]);
  });

  it("CD412, a date of another year, at the date", () => {
    const t = variant(`  date: ${date}`, "  date: 2019-12-01");
    expect(at(t, "CD412")).toEqual([where(t, "2019-12-01")]);
  });

  it("CD415, a badly formed symbol, at the symbol", () => {
    const t = variant(`  symbol: ${symbol}`, "  symbol: bc vp");
    expect(at(t, "CD415")).toEqual([where(t, "bc vp")]);
  });

  it("CD417, an honorific before the signer's name, at the name", () => {
    const t = variant(`    name: ${name}`, `    name: TS. ${name}`);
    expect(at(t, "CD417")).toEqual([where(t, `TS. ${name}`)]);
  });

  it("CD422, a placeholder, at each field that holds one (the body's at the placeholder)", () => {
    let t = variant(`  symbol: ${symbol}`, '  symbol: "<<ký hiệu>>"');
    t = t.replace(/^(  place: ).*$/m, "$1<<địa danh>>");
    const body = /^  body: [|>]-?\n(    .*\n)/m.exec(t);
    expect(body, "the example's body is a block scalar").not.toBeNull();
    t = t.replace(body![1]!, `    Mở đầu <<điền tiếp>>.\n${body![1]!}`);
    expect(at(t, "CD422")).toEqual([where(t, '"<<ký hiệu>>"'), where(t, "<<địa danh>>"), where(t, "<<điền tiếp>>")]);
  });
});

describe("a fresh init file", async () => {
  const { scaffoldAssessment } = await import("../src/review/scaffold.js");
  const rubric = runChecks([input(EXAMPLE_RUBRIC)]).rubrics[0]!.rubric!;
  const fresh = scaffoldAssessment({ rubric, unit: "Sở Thử Nghiệm", year: 2022, schemaPath: "../../../schema/x.json" });

  it("scores 0 while its checklist options still hold their blanks", () => {
    expect(fresh).toMatch(/^ {6}a: <<giải trình phương án a/m);
    const a = runChecks([input(EXAMPLE_RUBRIC), input(FILE, fresh)]).assessments[0]!;
    expect(a.scored?.total).toBe(0);
    // …and counts an option once its justification is written.
    const written = fresh.replace(/^( {6}a: )<<giải trình phương án a[^\n]*/m, "$1Có văn bản công khai tài chính.");
    const b = runChecks([input(EXAMPLE_RUBRIC), input(FILE, written)]).assessments[0]!;
    expect(b.scored?.total).toBeGreaterThan(0);
  });

  it("does not suggest {{classification}} when the rubric has no classification scale", () => {
    expect(rubric.classification).toBeUndefined();
    expect(fresh).toContain("{{total}}");
    expect(fresh).not.toContain("{{classification}}");
  });
});

describe("one error per mistake in an answer", () => {
  const original = readExampleText(EXAMPLE_ASSESSMENT);

  it("an empty score: says the field is empty (CD210), not the schema's description", () => {
    const t = original.replace(/^( {4}option: \w+\n) {4}score: [\d.,]+\n/m, "$1    score:\n");
    expect(t).not.toBe(original);
    const ds = check(t);
    const empty = ds.filter((d) => d.code === "CD210");
    expect(empty).toHaveLength(1);
    expect(empty[0]!.pos).toMatchObject(where(t, "score:\n"));
    expect(ds.filter((d) => d.code === "CD208")).toEqual([]);
  });

  it("a wrong option with a declared score: the option's error only, no 'score differs' (CD408)", () => {
    // 1.1.1 chooses a and declares 3: an option the rubric does not have, the declared score kept.
    const t = original.replace(/^( {2}"1\.1\.1":\n {4}option: )a\n/m, "$1zz\n");
    expect(t).not.toBe(original);
    const codes = check(t)
      .filter((d) => d.severity === "error")
      .map((d) => d.code);
    expect(codes).toContain("CD204");
    expect(codes).not.toContain("CD408");
  });
});

describe("check reports what build would (issue 13, point 1)", async () => {
  const { composeReport, composeScoreTable } = await import("../src/compose/index.js");
  const { VI_NUMBERS } = await import("../src/model/points.js");
  const original = readExampleText(EXAMPLE_ASSESSMENT);
  const body = /^  body: [|>]-?\n(    .*\n)/m.exec(original)![1]!;
  const t = original
    .replace(body, `    Đạt {{tong}} điểm, xếp loại {{classification}}.\n${body}`)
    .replace(/^( {4}justification: \|\n {6})/m, "$1![ảnh](a.png) ~~cũ~~ ");

  it("unknown and unfillable placeholders are errors, unprintable Markdown warnings, at their text", () => {
    const ds = check(t);
    const found = ds.map((d) => `${d.code} ${d.severity} ${d.pos.line}:${d.pos.column}`);
    expect(found).toContain(`CD601 error ${where(t, "{{tong}}").line}:${where(t, "{{tong}}").column}`);
    expect(found).toContain(`CD602 error ${where(t, "{{classification}}").line}:${where(t, "{{classification}}").column}`);
    expect(found).toContain(`CD603 warning ${where(t, "![ảnh]").line}:${where(t, "![ảnh]").column}`);
    expect(found).toContain(`CD605 warning ${where(t, "~~cũ~~").line}:${where(t, "~~cũ~~").column}`);
  });

  it("are exactly the diagnostics composing the documents gives: body, justifications, options, opinions", () => {
    const APPRAISAL = "content/assessments/2021/thu.appraisal.yaml";
    // Every kind of text the documents print gets something to report: an option's justification, an
    // appraisal opinion, an unused link definition, "Kính gửi" without "Như trên".
    const all = t
      .replace(/^( {4}options:\n {6}a: \|\n {8})/m, "$1`mã` ")
      .replace(/^( {6}Công văn số 1562)/m, "      [x]: https://example.org\n\n$1")
      .replace(/^( {2}recipients:\n)/m, "  to:\n    - Sở Nội vụ\n$1");
    const appraisal = readExampleText("content/assessments/2021/van-phong-ubnd-tinh.appraisal.yaml")
      .replace("assessment: van-phong-ubnd-tinh.yaml", "assessment: thu.yaml")
      .replace("opinion: Chấp nhận giải trình của đơn vị.", "opinion: Chấp nhận ~~một phần~~ giải trình.");
    const inputs = [input(EXAMPLE_RUBRIC), input(FILE, all), input(APPRAISAL, appraisal)];
    const r = runChecks(inputs, { compose: false });
    const scored = r.assessments[0]!.scored!;
    const measure = (s: string, st: { size: number }) => s.length * st.size * 0.61;
    const opts = { measure, numbers: VI_NUMBERS, date: "2021-01-01T00:00:00.000Z" };
    const composed = [...composeReport(scored, opts).diagnostics, ...composeScoreTable(scored, opts).diagnostics];
    const key = (d: { code: string; pos: { file: string; line: number; column: number } }) => `${d.code}@${d.pos.file}:${d.pos.line}:${d.pos.column}`;
    const fromCheck = runChecks(inputs).diagnostics.filter((d) => d.code.startsWith("CD6"));
    expect(fromCheck.map(key).sort()).toEqual(composed.map(key).sort());
    expect(new Set(fromCheck.map((d) => d.code))).toEqual(new Set(["CD601", "CD602", "CD603", "CD604", "CD605", "CD609", "CD610"]));
    expect(fromCheck.some((d) => d.pos.file === APPRAISAL && d.code === "CD605")).toBe(true);
    expect(r.diagnostics.filter((d) => d.code.startsWith("CD6"))).toEqual([]);
  });
});
