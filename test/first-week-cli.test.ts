/**
 * Issue 13, points 1 and 4, as a new user meets them on the command line: a fresh init file's blanks
 * each at its field; a body placeholder the rubric cannot fill refused by check, summary and build
 * alike, with the same diagnostic; nothing built from it.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli-run.js";
import { EXAMPLE_RUBRIC, ROOT } from "./helpers/example.js";
import { fillTemplate } from "./helpers/fill-template.js";

let dir: string;
const run = (...args: string[]) => runCli(dir, args);
const FILE = "content/assessments/2022/so-tu-phap.yaml";

/** `file:line:column: lỗi CODE` of every diagnostic line. */
const located = (err: string) => [...err.matchAll(/^(\S+:\d+:\d+): \S+(?: \S+)? (CD\d{3}):/gmu)].map((m) => `${m[1]} ${m[2]}`);

function lineOf(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, i);
  return { line: before.split("\n").length, column: i - before.lastIndexOf("\n") };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chamdiem-week-"));
  mkdirSync(join(dir, "content/rubrics"), { recursive: true });
  copyFileSync(join(ROOT, EXAMPLE_RUBRIC), join(dir, EXAMPLE_RUBRIC));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a yearly round on the command line", () => {
  it("init, then check: every report blank at its own field (CD422), exit 1", async () => {
    expect((await run("init", "--rubric", "dvcq-qng-2021", "--unit", "Sở Tư pháp", "--year", "2022")).code).toBe(0);
    const text = readFileSync(join(dir, FILE), "utf8");
    const r = await run("check", FILE);
    expect(r.code).toBe(1);
    const blanks = located(r.err).filter((x) => x.endsWith("CD422"));
    // agency, symbol, place, summary, body, the recipient, archive, the signer's title and name
    expect(blanks).toHaveLength(9);
    const lines = text.split("\n");
    for (const b of blanks) {
      const [, line, column] = /:(\d+):(\d+) /.exec(b)!.map(Number);
      expect(lines[line! - 1]!.slice(column! - 1), b).toMatch(/^"?<</);
    }
    expect(new Set(blanks.map((b) => b.split(":")[1])).size).toBe(9);
  });

  it("an unfillable placeholder: check and build refuse it with the same CD602, summary does not rank it", async () => {
    const filled = fillTemplate(readFileSync(join(dir, FILE), "utf8")).replace("Kết quả đạt", "Xếp loại {{classification}}; đạt");
    writeFileSync(join(dir, FILE), filled);
    const at = lineOf(filled, "{{classification}}");
    const where = `${FILE}:${at.line}:${at.column}`;

    const check = await run("check", FILE);
    expect(check.code).toBe(1);
    expect(located(check.err)).toContain(`${where} CD602`);

    const summary = await run("summary", "content", "--format", "json");
    const units = JSON.parse(summary.out).groups.flatMap((g: { units: { unit: string; rank: number | null; errors: number }[] }) => g.units);
    expect(units.find((x: { unit: string }) => x.unit === "Sở Tư pháp")).toMatchObject({ rank: null, errors: 1 });

    const build = await run("build", FILE, "--no-pdf");
    expect(build.code).toBe(1);
    expect(located(build.err).filter((x) => x.endsWith("CD602"))).toEqual([`${where} CD602`]);
    expect(existsSync(join(dir, "output/2022/so-tu-phap/bao-cao.docx"))).toBe(false);

    // Filled as the rubric allows, all three accept it.
    writeFileSync(join(dir, FILE), filled.replace("Xếp loại {{classification}}; đạt", "Đạt"));
    expect((await run("check", FILE)).code).toBe(0);
    expect((await run("build", FILE, "--no-pdf")).code).toBe(0);
  });
});
