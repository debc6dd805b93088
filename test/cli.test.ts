import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { ROOT } from "./helpers/example.js";

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { cwd: ROOT, env: {}, isTTY: false, stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
  return main(args, io).then((code) => ({ code, out: out.join("\n"), err: err.join("\n") }));
}

describe("chamdiem CLI", () => {
  it("check content: exit 0, prints the 100/100 total", async () => {
    const r = await run(["check", "content"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/TỔNG ĐIỂM\s+100,00 \/ 100,00/);
    expect(r.err).toMatch(/cảnh báo CD505/);
  });

  it("errors exit 1 with file:line:column and Vietnamese text; --lang en switches language", async () => {
    const vi = await run(["check", "test/fixtures/invalid/declared-score-mismatch.yaml", "--rubrics", "test/fixtures/mini"]);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain("test/fixtures/invalid/declared-score-mismatch.yaml:34:12: lỗi CD408: Điểm tự chấm 1,90 khác điểm tính được 1,91");
    const en = await run(["check", "test/fixtures/invalid/declared-score-mismatch.yaml", "--rubrics", "test/fixtures/mini", "--lang", "en"]);
    expect(en.err).toContain("error CD408: The declared score 1,90 differs from the computed score 1,91");
  });

  it("--format json gives diagnostics and totals as data", async () => {
    const r = await run(["check", "content", "--format", "json"]);
    const j = JSON.parse(r.out);
    expect(j.assessments[0].total).toBe(100);
    expect(j.assessments[0].criteria).toHaveLength(10);
    expect(j.diagnostics[0]).toMatchObject({ code: expect.stringMatching(/^CD\d{3}$/), line: expect.any(Number), column: expect.any(Number) });
  });

  it("--format github prints workflow commands", async () => {
    const r = await run(["check", "test/fixtures/invalid/answer-missing.yaml", "--rubrics", "test/fixtures/mini", "--format", "github"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("::error file=test/fixtures/invalid/answer-missing.yaml,line=22,col=1");
  });

  it("usage errors exit 2 without a stack trace", async () => {
    for (const args of [["frobnicate"], ["check", "--nope"], ["check", "--lang", "fr"], ["check", "khong-co-thu-muc"], ["check", "--format"]]) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(/Sai cách dùng|Usage error/);
      expect(r.err).not.toMatch(/\bat \w+ \(/);
    }
  });

  it("schema --check: the checked-in generated schema is up to date", async () => {
    const r = await run(["schema", "--check"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  it("the bundled CLI runs as `node dist/chamdiem.cjs` (built by npm ci's prepare)", () => {
    const bin = join(ROOT, "dist/chamdiem.cjs");
    expect(existsSync(bin), "run `npm run bundle`").toBe(true);
    const r = spawnSync(process.execPath, [bin, "check", "content", "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    const version = execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim();
    expect(version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("the `chamdiem` command runs through its shebang with the Node options of `npm run build`", () => {
    const bin = join(ROOT, "dist/chamdiem.cjs");
    const shebang = readFileSync(bin, "utf8").split("\n")[0];
    const script = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.build as string;
    const flags = script.replace(/^node /, "").replace(/ dist\/chamdiem\.cjs build$/, "");
    expect(shebang).toBe(`#!/usr/bin/env -S node ${flags}`);
    // Executed as a program (the kernel reads the shebang, env -S splits the options), as npm's bin link runs it.
    const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("the bundled CLI starts through a V8 code cache, and a damaged cache only costs time", async () => {
    const { mkdtempSync, readdirSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-codecache-"));
    const bin = join(ROOT, "dist/chamdiem.cjs");
    const check = () =>
      spawnSync(process.execPath, [bin, "check", "content", "--format", "json"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CHAMDIEM_CACHE_DIR: dir },
      });
    const first = check();
    expect(first.status).toBe(0);
    const files = readdirSync(dir).filter((f) => f.startsWith("code-") && f.endsWith("-check--format.v8cache"));
    expect(files).toHaveLength(1);
    const second = check(); // served from the caches
    expect(second.stdout).toBe(first.stdout);
    // the schema validators too: their code (first run), and V8's code cache of it (once loaded)
    const validators = readdirSync(dir).filter((f) => /^validator-[0-9a-f]+-v[\d.]+\.v8cache$/.test(f));
    expect(validators.length).toBeGreaterThanOrEqual(2);
    writeFileSync(join(dir, files[0]!), "not a V8 code cache");
    for (const v of validators) writeFileSync(join(dir, v), "not a V8 code cache either");
    const third = check(); // rejected by V8, compiled afresh and written again
    expect(third.status).toBe(0);
    expect(third.stdout).toBe(first.stdout);
    expect(readFileSync(join(dir, files[0]!)).length).toBeGreaterThan(100_000);
  });

  it("through the code cache, second runs of build (PDF, worker pool) work as the first", async () => {
    // A script compiled from V8's cached data has no dynamic-import loader: this caught an import()
    // left in the bundle (node:zlib, tinypool) that only failed from the second run on.
    const { cpSync, mkdirSync, mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const work = mkdtempSync(join(tmpdir(), "chamdiem-codecache-build-"));
    const cacheDir = join(work, "cache");
    cpSync(join(ROOT, "content/rubrics"), join(work, "content/rubrics"), { recursive: true });
    mkdirSync(join(work, "content/assessments/2021"), { recursive: true });
    const text = readFileSync(join(ROOT, "content/assessments/2021/van-phong-ubnd-tinh.yaml"), "utf8");
    for (let i = 1; i <= 7; i++)
      writeFileSync(join(work, `content/assessments/2021/u${i}.yaml`), text.replace("name: Văn phòng UBND tỉnh", `name: Đơn vị ${i}`));
    const bin = join(ROOT, "dist/chamdiem.cjs");
    const build = (args: string[]) =>
      spawnSync(process.execPath, [bin, "build", "--force", "--quiet", ...args], {
        cwd: work,
        encoding: "utf8",
        env: { ...process.env, CHAMDIEM_CACHE_DIR: cacheDir },
      });
    for (const args of [["content/assessments/2021/u1.yaml"], ["--jobs", "2"]]) {
      for (const round of [1, 2]) {
        const r = build(args);
        expect(r.stderr, `${args.join(" ")}, run ${round}`).not.toMatch(/Lỗi nội bộ|Error|Warning/);
        expect(r.status, `${args.join(" ")}, run ${round}`).toBe(0);
      }
    }
    expect(existsSync(join(work, "output/2021/u7/bieu-cham-diem.pdf"))).toBe(true);
  });
});
