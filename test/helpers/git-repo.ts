/** A scratch git repository for the review tests: git with fixed dates, commits, and the CLI run in it. */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

export interface ScratchRepo {
  dir: string;
  /** Commit ids, in the order made. */
  commits: string[];
  git(...args: string[]): string;
  /** `git add -A` and commit; the id is pushed to `commits`. */
  commit(message: string): void;
  /** The CLI in the repository (no cache), its exit code and what it printed. */
  run(...args: string[]): Promise<{ code: number; out: string; err: string }>;
}

export function scratchRepo(prefix: string): ScratchRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const commits: string[] = [];
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GIT_AUTHOR_DATE: "2021-12-01T00:00:00Z", GIT_COMMITTER_DATE: "2021-12-01T00:00:00Z" },
    });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.invalid");
  git("config", "user.name", "Test");
  return {
    dir,
    commits,
    git,
    commit(message) {
      git("add", "-A");
      git("commit", "-q", "-m", message);
      commits.push(git("rev-parse", "HEAD").trim());
    },
    async run(...args) {
      const out: string[] = [];
      const err: string[] = [];
      const io = { cwd: dir, env: { CHAMDIEM_CACHE: "0" }, isTTY: false, stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
      const code = await main(args, io);
      return { code, out: out.join("\n"), err: err.join("\n") };
    },
  };
}
