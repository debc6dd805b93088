/** Run from a subfolder of a project, a command works on the project: output/ at its root, never inside content/. */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { ROOT } from "./helpers/example.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-root-"));
  dirs.push(dir);
  cpSync(join(ROOT, "content"), join(dir, "content"), { recursive: true });
  return dir;
}

async function run(cwd: string, args: string[]) {
  const out: string[] = [];
  const code = await main(args, { cwd, env: { SOURCE_DATE_EPOCH: "0" }, isTTY: false, stdout: (s) => void out.push(s), stderr: (s) => void out.push(s) });
  return { code, out: out.join("\n") };
}

/** Every file under `dir`, relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe("the project root", () => {
  for (const sub of ["content", "content/assessments/2021", "content/rubrics"]) {
    it(`build --no-pdf from ${sub}/: the documents go to output/ at the root; nothing new under content/`, async () => {
      const dir = project();
      const before = files(join(dir, "content"));
      const r = await run(join(dir, sub), ["build", "--no-pdf", "--quiet"]);
      expect(r.code).toBe(0);
      expect(existsSync(join(dir, "output/2021/van-phong-ubnd-tinh/bao-cao.docx"))).toBe(true);
      expect(files(join(dir, "content"))).toEqual(before);
    });
  }

  it("a path typed in the subfolder keeps its meaning there", async () => {
    const dir = project();
    const r = await run(join(dir, "content/assessments/2021"), ["check", "van-phong-ubnd-tinh.yaml"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/TỔNG ĐIỂM\s+100,00 \/ 100,00/);
    const out = await run(join(dir, "content/assessments"), ["build", "2021", "--no-pdf", "--quiet", "--out", "../../elsewhere"]);
    expect(out.code).toBe(0);
    expect(existsSync(join(dir, "elsewhere/2021/van-phong-ubnd-tinh/bao-cao.docx"))).toBe(true);
  });
});
