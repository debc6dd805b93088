/**
 * The bundled command in a pipeline: a reader that stops early (`chamdiem codes | head -1`) closes the
 * pipe, and chamdiem must stop quietly with success, never print an EPIPE stack trace.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/example.js";

/** Runs the command, reads its first chunk of stdout, then closes the pipe as `head -1` would. */
function firstChunkThenClose(args: string[]): Promise<{ first: string; code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, "dist/chamdiem.cjs"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let first = "";
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.stdout.once("data", (b: Buffer) => {
      first = b.toString("utf8");
      child.stdout.destroy();
    });
    child.on("error", fail);
    child.on("close", (code) => done({ first, code, stderr }));
  });
}

describe("chamdiem in a pipeline", () => {
  for (const args of [["codes"], ["show", "--plain", "content/assessments/2021/van-phong-ubnd-tinh.yaml"]]) {
    it(`${args.join(" ")} | head: exit 0, no stack trace`, async () => {
      const r = await firstChunkThenClose(args);
      expect(r.first.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
      expect(r.code).toBe(0);
    });
  }
});
