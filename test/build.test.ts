/**
 * `chamdiem build` end to end (in-process CLI): outputs, reproducibility, SOURCE_DATE_EPOCH,
 * incremental skips, refusal on errors, atomic writes and never writing into content/.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { ROOT } from "./helpers/example.js";

const OUT = "output/2021/van-phong-ubnd-tinh";
const FILES = ["bao-cao.docx", "bao-cao.pdf", "bieu-cham-diem.docx", "bieu-cham-diem.pdf"];

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-build-"));
  cpSync(join(ROOT, "content"), join(dir, "content"), { recursive: true });
  return dir;
}

async function build(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["build", ...args], {
    cwd,
    env: { CHAMDIEM_CACHE: "0", ...env },
    isTTY: false,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
const hashes = (dir: string) => FILES.map((f) => sha(join(dir, OUT, f)));

function snapshot(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p] = statSync(p).mtimeMs;
    }
  };
  walk(join(dir, "content"));
  return out;
}

describe("chamdiem build", () => {
  it("writes the four documents of the example, byte-identical on a second build", async () => {
    const a = project();
    const b = project();
    const contentBefore = snapshot(a);
    const r = await build(a);
    expect(r.code, r.err).toBe(0);
    for (const f of FILES) expect(statSync(join(a, OUT, f)).size).toBeGreaterThan(1000);
    expect(await build(b)).toMatchObject({ code: 0 });
    expect(hashes(a)).toEqual(hashes(b));
    // Nothing is written into content/, and no temporary file is left behind.
    expect(snapshot(a)).toEqual(contentBefore);
    expect(readdirSync(join(a, OUT)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("honours SOURCE_DATE_EPOCH (different dates inside, still reproducible)", async () => {
    const a = project();
    const b = project();
    await build(a);
    await build(b, [], { SOURCE_DATE_EPOCH: "1700000000" });
    const ha = hashes(a);
    const hb = hashes(b);
    expect(ha[0]).not.toBe(hb[0]);
    const c = project();
    await build(c, [], { SOURCE_DATE_EPOCH: "1700000000" });
    expect(hashes(c)).toEqual(hb);
  });

  it("skips unchanged assessments, rebuilds changed ones and everything with --force", async () => {
    const dir = project();
    await build(dir, ["--no-pdf"]);
    const first = statSync(join(dir, OUT, "bao-cao.docx")).mtimeMs;
    const again = await build(dir, ["--no-pdf"]);
    // The example content has four assessments (2021; and for 2023 the department with its appraisal and
    // survey file, the district and the commune with their appraisals).
    expect(again.out).toMatch(/Đã lập 0 bộ văn bản, bỏ qua 4 bộ không thay đổi/);
    expect(statSync(join(dir, OUT, "bao-cao.docx")).mtimeMs).toBe(first);
    const f = join(dir, "content/assessments/2021/van-phong-ubnd-tinh.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("place: Quảng Ngãi", "place: Thành phố Quảng Ngãi"));
    expect((await build(dir, ["--no-pdf"])).out).toMatch(/Đã lập 1 bộ văn bản/);
    // A changed survey file rebuilds the assessments of its folder (its scores are in their tables): the
    // three of 2023, whatever their rubric.
    const survey = join(dir, "content/assessments/2023/dieu-tra-xhh.survey.yaml");
    writeFileSync(survey, readFileSync(survey, "utf8").replace('score: "8,75"', 'score: "8,80"'));
    const rebuilt = await build(dir, ["--no-pdf"]);
    expect(rebuilt.out).toMatch(/Đã lập 3 bộ văn bản, bỏ qua 1 bộ không thay đổi/);
    expect(rebuilt.out).toContain("so-tu-phap");
    expect((await build(dir, ["--no-pdf", "--force"])).out).toMatch(/Đã lập 4 bộ văn bản/);
  });

  it("refuses to build an assessment with errors, says why, and leaves earlier documents intact", async () => {
    const dir = project();
    await build(dir, ["--no-pdf"]);
    const before = sha(join(dir, OUT, "bao-cao.docx"));
    const f = join(dir, "content/assessments/2021/van-phong-ubnd-tinh.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("value: 98.93\n    score: 3", "value: 98.93\n    score: 2"));
    const r = await build(dir, ["--no-pdf"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/van-phong-ubnd-tinh\.yaml:\d+:\d+: lỗi CD408/);
    expect(r.out).toMatch(/không lập văn bản vì bản tự chấm còn lỗi/);
    expect(sha(join(dir, OUT, "bao-cao.docx"))).toBe(before);
  });

  it("refuses an output folder inside content/", async () => {
    const dir = project();
    const r = await build(dir, ["--out", "content/out"]);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "content/out"))).toBe(false);
  });
});
