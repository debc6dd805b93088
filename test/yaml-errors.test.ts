/**
 * YAML mistakes as `chamdiem check` reports them, through the bundled CLI (dist/: `npm run bundle`):
 * unquoted criterion ids that YAML reads as numbers (CD150, CD106) and syntax errors (CD105) with a
 * plain explanation and the fix, at the place to fix, the first error of a cascade only
 * (src/read/yaml-errors.ts, src/read/yaml-source.ts). Exit codes, message texts, file:line:column.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Composer, Parser } from "yaml";
import { message } from "../src/diagnostics/diagnostic.js";
import { readYaml } from "../src/read/yaml-source.js";
import { EXAMPLE_ASSESSMENT, ROOT } from "./helpers/example.js";

const BIN = join(ROOT, "dist/chamdiem.cjs");
const MINI = "test/fixtures/mini";

/** `chamdiem check` of one file: exit code, and the diagnostic lines of that file (stderr). */
function check(file: string, args: string[] = [], cwd = ROOT): { code: number | null; lines: string[]; err: string; out: string } {
  const r = spawnSync(process.execPath, [BIN, "check", file, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", CHAMDIEM_CACHE: "0" } });
  return { code: r.status, lines: r.stderr.split("\n").filter((l) => l.startsWith(`${file}:`)), err: r.stderr, out: r.stdout };
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`, plus `delta` characters. */
function lineCol(text: string, needle: string, delta = 0): string {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at + delta);
  return `${before.split("\n").length}:${at + delta - before.lastIndexOf("\n")}`;
}

/** What the yaml library itself reports for a text (before our reading of its errors). */
function libraryErrors(text: string): number {
  const docs = [...new Composer({ uniqueKeys: true, strict: true }).compose(new Parser().parse(text), true, text.length)];
  return docs.reduce((n, d) => n + d.errors.length, 0);
}

const fixture = (name: string) => `test/fixtures/invalid/${name}.yaml`;
const fixtureText = (name: string) => readFileSync(join(ROOT, fixture(name)), "utf8");

describe("criterion ids that YAML reads as numbers", () => {
  it('"1.1" and an unquoted 1.10 (the number 1.1) no longer merge: CD150 at the key, saying to write "1.10"', () => {
    const vi = check(fixture("yaml-number-key-collision"), ["--rubrics", MINI]);
    expect(vi.code).toBe(1);
    expect(vi.lines).toEqual([
      `${fixture("yaml-number-key-collision")}:27:3: lỗi CD150: Khóa 1.10 không có dấu nháy nên YAML đọc thành số 1.1, trùng với khóa "1.1" ở dòng 23; hãy viết "1.10" (trong dấu nháy kép)`,
    ]);
    const en = check(fixture("yaml-number-key-collision"), ["--rubrics", MINI, "--lang", "en"]);
    expect(en.lines).toEqual([
      `${fixture("yaml-number-key-collision")}:27:3: error CD150: The key 1.10 has no quotes, so YAML reads it as the number 1.1, the same as the key "1.1" on line 23; write "1.10" (in double quotes)`,
    ]);
  });

  it("an unquoted 1.50 alone (read as the id 1.5, so it used to pass) is refused too", () => {
    const r = check(fixture("yaml-number-key-alone"), ["--rubrics", MINI]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${fixture("yaml-number-key-alone")}:40:3: lỗi CD150: Khóa 1.50 không có dấu nháy nên YAML đọc thành số 1.5; hãy viết "1.50" (trong dấu nháy kép)`,
    ]);
  });

  it('the same id written 1.1 and "1.1" is a duplicate key (CD106), not a silent replacement', () => {
    const r = check(fixture("yaml-number-key-duplicate"), ["--rubrics", MINI]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([`${fixture("yaml-number-key-duplicate")}:27:3: lỗi CD106: Khóa bị lặp lại: “1.1”`]);
  });

  it("an appraisal's criteria are read the same way", () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-yaml-keys-"));
    try {
      cpSync(join(ROOT, MINI), join(dir, "mini"), { recursive: true });
      mkdirSync(join(dir, "review"));
      const appraisal = readFileSync(join(ROOT, "test/fixtures/review/mini.appraisal.yaml"), "utf8");
      const edited = appraisal.replace('      "1.2":\n', '      1.10:\n        option: a\n      "1.2":\n');
      expect(edited).not.toBe(appraisal);
      writeFileSync(join(dir, "review/x.appraisal.yaml"), edited);
      const r = check("review/x.appraisal.yaml", ["--rubrics", "mini"], dir);
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([
        `review/x.appraisal.yaml:${lineCol(edited, "1.10:")}: lỗi CD150: Khóa 1.10 không có dấu nháy nên YAML đọc thành số 1.1, trùng với khóa "1.1" ở dòng ${lineCol(edited, '"1.1"').split(":")[0]}; hãy viết "1.10" (trong dấu nháy kép)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keys that round-trip (1, true, quoted ids, 1.1.1) are read as written; 1.0, 01 and ~ are not", () => {
    const codes = (text: string) => readYaml("x.yaml", new TextEncoder().encode(text)).diagnostics.map((d) => `${d.code}@${d.pos.line}:${d.pos.column}`);
    expect(codes('a:\n  1: x\n  true: y\n  "2.10": z\n  1.1.1: w\n')).toEqual([]);
    expect(codes("a:\n  1.0: x\n  02: y\n  ~: z\n")).toEqual(["CD150@2:3", "CD150@3:3", "CD150@4:3"]);
    // The same number from two texts: each key says what it became, the second what it collides with.
    const both = readYaml("x.yaml", new TextEncoder().encode("a:\n  1.0: x\n  01: y\n")).diagnostics;
    expect(both.map((d) => `${d.code}@${d.pos.line}:${d.pos.column}`)).toEqual(["CD150@2:3", "CD150@3:3"]);
    expect(message(both[1]!, "vi")).toBe('Khóa 01 không có dấu nháy nên YAML đọc thành số 1, trùng với khóa 1.0 ở dòng 2; hãy viết "01" (trong dấu nháy kép)');
    // Written the same way twice: the library's duplicate key.
    expect(codes("a:\n  2.10: x\n  2.10: y\n")).toEqual(["CD106@3:3"]);
    expect(codes("a: {2.1: x, 2.10: y}\n")).toEqual(["CD150@1:13"]);
  });
});

describe("YAML syntax errors: the first of a cascade, in plain words, with the fix", () => {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-yaml-errors-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, "content/rubrics"), join(dir, "content/rubrics"), { recursive: true });
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  const example = readFileSync(join(ROOT, EXAMPLE_ASSESSMENT), "utf8");
  const write = (name: string, text: string) => {
    const file = `content/assessments/2021/${name}.yaml`;
    writeFileSync(join(dir, file), text);
    return file;
  };

  it("one tab in the example (the issue's 1 + 41 errors): one error at the tab, not the library's cascade", () => {
    const text = example.replace('  "1.1.1":\n    option: a\n    score: 3\n', '  "1.1.1":\n    option: a\n\t  score: 3\n');
    expect(text).not.toBe(example);
    // 42 when the issue was filed; one more since the example declares evidence (two more `evidence:` lists).
    expect(libraryErrors(text)).toBe(43);
    const file = write("tab", text);
    const r = check(file, [], dir);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${file}:${lineCol(text, "\t")}: lỗi CD105: Lỗi cú pháp YAML: dòng này thụt lề bằng ký tự tab, mà YAML chỉ cho phép thụt lề bằng dấu cách. Cách sửa: xóa tab, gõ dấu cách cho thẳng cột với các dòng cùng cấp`,
    ]);
    expect(r.out).toMatch(/: 1 lỗi, 0 cảnh báo/);
    expect(check(file, ["--lang", "en"], dir).lines[0]).toContain(
      "error CD105: YAML syntax error: this line is indented with a tab, and YAML allows only spaces",
    );
  });

  it("a colon inside a justification: the colon's position, the block scalar or quotes as the fix, no parser jargon", () => {
    const file = fixture("yaml-colon-in-text");
    const text = fixtureText("yaml-colon-in-text");
    const r = check(file, ["--rubrics", MINI]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(new RegExp(`^${file}:${lineCol(text, "Căn cứ:", "Căn cứ".length)}: lỗi CD105: Lỗi cú pháp YAML: dấu hai chấm và dấu cách`));
    expect(r.lines[0]).toContain("ghi “justification: |”, xuống dòng");
    expect(r.lines[0]).toContain("hoặc đặt cả văn bản trong dấu nháy kép");
    expect(r.err).not.toMatch(/BLOCK_AS_IMPLICIT_KEY|khối không được dùng làm khóa|compact mapping/);
    const en = check(file, ["--rubrics", MINI, "--lang", "en"]);
    expect(en.lines[0]).toContain("write the text as a block — “justification: |”");
  });

  it("two independent mistakes are both reported, each at its own place, and nothing else", () => {
    const text = example
      .replace("  place: Quảng Ngãi\n", '  place: "Quảng Ngãi\n')
      .replace("  summary: Tự đánh giá, chấm điểm công tác dân vận chính quyền", "  summary: Tự đánh giá: chấm điểm công tác dân vận chính quyền");
    const file = write("two", text);
    const r = check(file, [], dir);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => l.split(": lỗi ")[0])).toEqual([`${file}:${lineCol(text, '"Quảng')}`, `${file}:${lineCol(text, "giá: chấm", 3)}`]);
    expect(r.lines[0]).toContain('dấu nháy " mở văn bản ở đây nhưng không có dấu nháy " đóng');
    expect(r.lines[1]).toContain("ghi “summary: |”");
  });

  it("an indentation cascade is one error, at the line to fix", () => {
    const text = example.replace("  symbol: BC-VP\n", "     symbol: BC-VP\n");
    const file = write("indent", text);
    const r = check(file, [], dir);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/thụt lề không khớp|dòng này không có dạng “khóa: giá trị”/);
  });

  const cases: [string, RegExp][] = [
    ["yaml-key-without-colon", /dòng này không có dạng “khóa: giá trị”\. Cách sửa: thêm dấu hai chấm và một dấu cách sau khóa/],
    ["yaml-missing-colon", /dòng này không có dạng “khóa: giá trị”/],
    ["yaml-block-under-indented", /viết văn bản thành khối “\|” với mọi dòng thụt lề sâu hơn khóa/],
    ["yaml-unclosed-quote", /dấu nháy " mở văn bản ở đây nhưng không có dấu nháy " đóng/],
    ["yaml-text-after-quote", /có chữ sau dấu nháy đóng/],
    ["yaml-bad-escape", /“\\V” không phải ký tự đặc biệt nào\. Cách sửa: viết \\\\ cho mỗi dấu \\/],
    ["yaml-reserved-start", /không được bắt đầu bằng ký tự “@”/],
    ["yaml-unclosed-flow", /dấu “\[” mở một danh sách hoặc một bảng nhưng không có dấu “\]” đóng/],
    ["yaml-tab-indent-answer", /thụt lề bằng ký tự tab/],
  ];
  for (const [name, explanation] of cases) {
    it(`${name}: exactly one CD105 at the fixture's line, explained`, () => {
      const expected = /^# expect: CD105 line (\d+)/.exec(fixtureText(name))!;
      const r = check(fixture(name), ["--rubrics", MINI]);
      expect(r.code).toBe(1);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toMatch(new RegExp(`^${fixture(name)}:${expected[1]}:\\d+: lỗi CD105: Lỗi cú pháp YAML: `));
      expect(r.lines[0]).toMatch(explanation);
      expect(r.lines[0]).toContain("Cách sửa:");
      expect(r.lines[0]).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
    });
  }
});

describe("a no-break space or a tab, named with its position", () => {
  it("a no-break space where YAML needs a space (after the colon, as indentation): CD105 at the character, naming it", () => {
    for (const [name, column] of [
      ["yaml-no-break-space-after-colon", 19],
      ["yaml-no-break-space-indent", 1],
    ] as const) {
      const text = fixtureText(name);
      const line = /^# expect: CD105 line (\d+)/.exec(text)![1];
      expect(text.split("\n")[Number(line) - 1]![column - 1]).toBe("\u00a0");
      const r = check(fixture(name), ["--rubrics", MINI]);
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([
        `${fixture(name)}:${line}:${column}: lỗi CD105: Lỗi cú pháp YAML: ký tự U+00A0 (NO-BREAK SPACE, khoảng trắng không ngắt) ở đây trông như dấu cách nhưng YAML không coi là dấu cách, nên dòng này sai cú pháp. Cách sửa: xóa ký tự này và gõ lại một dấu cách thường`,
      ]);
    }
  });

  it("inside a text (valid YAML): the existing warning CD119, at the character's line and column, exit 0", () => {
    for (const [name, char] of [
      ["text-no-break-space", "\u00a0"],
      ["text-tab-justification", "\t"],
    ] as const) {
      const text = fixtureText(name);
      const at = text.indexOf(char);
      const before = text.slice(0, at);
      const pos = `${before.split("\n").length}:${at - before.lastIndexOf("\n")}`;
      const r = check(fixture(name), ["--rubrics", MINI]);
      expect(r.code, name).toBe(0);
      expect(r.lines, name).toEqual([
        expect.stringMatching(new RegExp(`^${fixture(name)}:${pos}: cảnh báo CD119: Ký tự U\\+00(A0|09) \\((NO-BREAK SPACE|CHARACTER TABULATION)\\)`)),
      ]);
    }
  });
});
