/**
 * The worker-thread paths run only from the bundled CLI (dist/, built by npm ci): check, summary and
 * build of many assessments must give the same results as the single-thread path.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers/example.js";

const BIN = join(ROOT, "dist/chamdiem.cjs");
let dir = "";

function cli(args: string[], env: Record<string, string> = {}, cwd = dir) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, CHAMDIEM_CACHE: "0", ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  expect(existsSync(BIN), "run `npm run bundle`").toBe(true);
  dir = mkdtempSync(join(tmpdir(), "chamdiem-pool-"));
  cpSync(join(ROOT, "content/rubrics"), join(dir, "content/rubrics"), { recursive: true });
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  const text = readFileSync(join(ROOT, "content/assessments/2021/van-phong-ubnd-tinh.yaml"), "utf8");
  for (let i = 1; i <= 64; i++) {
    let t = text.replace("name: Văn phòng UBND tỉnh", `name: Đơn vị ${i}`);
    if (i % 9 === 0) t = t.replace("value: 98.93\n    score: 3", "value: 90\n    score: 2"); // another band
    if (i === 13) t = t.replace("value: 98.93\n    score: 3", "value: 98.93\n    score: 2"); // an error
    writeFileSync(join(dir, `content/assessments/2021/u${String(i).padStart(2, "0")}.yaml`), t);
  }
});

describe("worker threads (bundled CLI)", () => {
  it("check: two threads report exactly what one thread reports", () => {
    const one = cli(["check", "--format", "json", "--jobs", "1"]);
    const two = cli(["check", "--format", "json", "--jobs", "2"]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
    expect(JSON.parse(one.out).assessments).toHaveLength(64);
  });

  it("summary: the same ranking on one or two threads", () => {
    const one = cli(["summary", "--format", "json", "--jobs", "1"]);
    const two = cli(["summary", "--format", "json", "--jobs", "2"]);
    expect(two.out).toBe(one.out);
    expect(two.code).toBe(one.code);
  });

  it("build: every valid assessment is written by the pool, the invalid one refused", () => {
    const r = cli(["build", "--no-pdf", "--jobs", "2"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Đã lập 63 bộ văn bản/);
    expect(existsSync(join(dir, "output/2021/u12/bieu-cham-diem.docx"))).toBe(true);
    expect(existsSync(join(dir, "output/2021/u13"))).toBe(false);
  });

  it("build: a task that exhausts a worker's heap is built again on the main thread", () => {
    // One assessment with every justification repeated 40 times (≈ 0,9 MB, a 400-page table) among
    // seed-sized ones, with the workers' heaps at the floor (16 MB old space): its task fails in the
    // worker and is redone here.
    const big = mkdtempSync(join(tmpdir(), "chamdiem-oom-"));
    cpSync(join(ROOT, "content/rubrics"), join(big, "content/rubrics"), { recursive: true });
    mkdirSync(join(big, "content/assessments/2021"), { recursive: true });
    const text = readFileSync(join(ROOT, "content/assessments/2021/van-phong-ubnd-tinh.yaml"), "utf8");
    const huge = text.replace(/^( {6})(\p{Lu}[^\n]{40,})$/gmu, (_, indent: string, line: string) =>
      Array.from({ length: 40 }, () => indent + line).join(`\n${indent}\n`),
    );
    for (let i = 0; i < 7; i++)
      writeFileSync(join(big, `content/assessments/2021/u${i}.yaml`), i === 3 ? huge : text.replace("name: Văn phòng UBND tỉnh", `name: Đơn vị ${i}`));
    const r = cli(["build", "--no-pdf", "--jobs", "2"], { CHAMDIEM_WORKER_HEAP: "16/2" }, big);
    expect(r.err).toMatch(/phần việc vượt giới hạn bộ nhớ của luồng phụ nên đã được lập lại ở luồng chính/);
    expect(r.out).toMatch(/Đã lập 7 bộ văn bản/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(big, "output/2021/u3/bieu-cham-diem.docx")).length).toBeGreaterThan(20_000);
  });
});
