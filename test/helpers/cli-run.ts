/** The CLI run in-process in a project folder (no cache), its exit code and what it printed. */
import { main } from "../../src/cli/main.js";

export async function runCli(cwd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { cwd, env: { CHAMDIEM_CACHE: "0" }, isTTY: false, stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
  const code = await main(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
