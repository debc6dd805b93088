/**
 * `chamdiem init`: a new assessment lists every leaf with its options and the schema modeline; check
 * reports each placeholder until filled (init → fill → check round trip); `--from` carries metadata and
 * justifications under `# XEM LẠI` markers that check warns about until deleted; never overwrites.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli-run.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, ROOT } from "./helpers/example.js";
import { fillTemplate as fill } from "./helpers/fill-template.js";

let dir: string;
const run = (...args: string[]) => runCli(dir, args);
const codes = (err: string) => [...err.matchAll(/ (CD\d{3}):/g)].map((m) => m[1]!);
const count = (xs: string[], c: string) => xs.filter((x) => x === c).length;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chamdiem-init-"));
  mkdirSync(join(dir, "content/rubrics"), { recursive: true });
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  copyFileSync(join(ROOT, EXAMPLE_RUBRIC), join(dir, EXAMPLE_RUBRIC));
  copyFileSync(join(ROOT, EXAMPLE_ASSESSMENT), join(dir, EXAMPLE_ASSESSMENT));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("init → fill → check", () => {
  const file = "content/assessments/2022/so-tu-phap.yaml";

  it("writes every leaf with its options as comments and the schema modeline", async () => {
    const r = await run("init", "--rubric", "dvcq-qng-2021", "--unit", "Sở Tư pháp", "--year", "2022");
    expect(r.code).toBe(0);
    expect(r.out).toBe(`đã tạo ${file}: điền các chỗ “<<…>>” rồi chạy “chamdiem check”`);
    const text = readFileSync(join(dir, file), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../../schema/generated/dvcq-qng-2021.assessment.schema.json");
    expect(text).toContain(
      '  "1.1.1": # Ban hành Kế hoạch thực hiện công tác dân vận hàng năm — tối đa 3,00; chọn một phương án\n    # a: Ban hành kịp thời và đủ các nội dung: 3,00\n',
    );
    expect(text).toContain("    option: <<a|b|c>>\n");
    expect((text.match(/^ {2}"[\d.]+":/gm) ?? []).length).toBe(40);
  });

  it("check reports every unfilled placeholder (CD718 for options and values, CD719 for texts)", async () => {
    const r = await run("check", file);
    expect(r.code).toBe(1);
    const cs = codes(r.err);
    expect(count(cs, "CD718")).toBe(38); // 40 leaves, 2 of them checklists (their options are listed instead)
    const texts = (readFileSync(join(dir, file), "utf8").match(/<<giải trình/g) ?? []).length; // justifications and checklist option texts
    expect(count(cs, "CD719")).toBe(texts + 2); // … plus the report's number and date
    expect(new Set(cs.filter((c) => !["CD718", "CD719", "CD422", "CD415"].includes(c)))).toEqual(new Set());
    expect(r.err).toContain(`${file}:29:13: lỗi CD718: Tiêu chí 1.1.1 chưa chấm: thay “<<a|b|c>>” bằng mã một phương án`);
  });

  it("once filled, it checks without errors and scores", async () => {
    writeFileSync(join(dir, file), fill(readFileSync(join(dir, file), "utf8")));
    const r = await run("check", file, "--format", "json");
    const j = JSON.parse(r.out);
    expect(j.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
    expect(r.code).toBe(0);
    expect(j.assessments[0]).toMatchObject({ unit: "Sở Tư pháp", year: 2022, total: 100 });
  });

  it("never overwrites a file", async () => {
    const before = readFileSync(join(dir, file), "utf8");
    const r = await run("init", "--rubric", "dvcq-qng-2021", "--unit", "Sở Tư pháp", "--year", "2022");
    expect(r.code).toBe(1);
    expect(r.err).toContain("đã tồn tại");
    expect(readFileSync(join(dir, file), "utf8")).toBe(before);
  });

  it("usage errors exit 2: missing flags, unknown rubric", async () => {
    expect((await run("init", "--unit", "X", "--year", "2022")).code).toBe(2);
    expect((await run("init", "--rubric", "khong-co", "--unit", "X", "--year", "2022")).code).toBe(2);
    expect((await run("init", "--rubric", "dvcq-qng-2021", "--unit", "X", "--year", "22")).code).toBe(2);
  });
});

describe("init --from last year's assessment", () => {
  const file = "content/assessments/2022/van-phong-ubnd-tinh.yaml";

  it("carries metadata and justifications, each under a # XEM LẠI marker that check warns about", async () => {
    const r = await run("init", "--rubric", "dvcq-qng-2021", "--unit", "Văn phòng UBND tỉnh", "--year", "2022", "--from", EXAMPLE_ASSESSMENT);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, file), "utf8");
    expect(text).toContain("  # XEM LẠI: chép từ bản năm 2021 (van-phong-ubnd-tinh.yaml); rà soát rồi xóa dòng này\n  agency: Văn phòng\n");
    expect(text).toContain("    # năm 2021: phương án a, 3,00 điểm\n    option: <<a|b|c>>\n");
    // "năm 2021" becomes "năm 2022" in the carried texts, but cited documents keep their dates.
    expect(text).toContain("ngày 30/8/2021 về việc triển khai, thực hiện chấm điểm công tác dân vận chính quyền năm 2022");
    const markers = (text.match(/# XEM LẠI:/g) ?? []).length;
    const c = await run("check", file);
    expect(count(codes(c.err), "CD720")).toBe(markers);
    expect(c.err).toMatch(/CD720: Nội dung chép từ bản năm 2021, chưa rà soát/);
  });

  it("after review (markers deleted) and filling, no CD720 and no errors remain", async () => {
    const reviewed = fill(readFileSync(join(dir, file), "utf8")).replace(/^ *# XEM LẠI:.*\n/gm, "");
    writeFileSync(join(dir, file), reviewed);
    const c = await run("check", file);
    expect(codes(c.err).filter((x) => x === "CD720" || x === "CD718" || x === "CD719")).toEqual([]);
    expect(c.err).not.toMatch(/ lỗi /);
    expect(c.code).toBe(0);
  });

  it("a marker-like line inside a block of text is text, not a marker", async () => {
    const t = readFileSync(join(dir, file), "utf8").replace(/( {2}body: \|\n)/, "$1    # XEM LẠI là một dòng văn bản ở đây\n");
    writeFileSync(join(dir, "content/assessments/2022/x.yaml"), t);
    expect(existsSync(join(dir, "content/assessments/2022/x.yaml"))).toBe(true);
    const c = await run("check", "content/assessments/2022/x.yaml");
    expect(codes(c.err)).not.toContain("CD720");
  });
});
