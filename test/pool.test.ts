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

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, CHAMDIEM_CACHE: "0" } });
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
});
