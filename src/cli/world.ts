/**
 * The real World (src/io/world.ts): node's file system, the git on the PATH, the system clock and
 * process.env. Built once by main (src/cli/context.ts); worker threads build their own parts
 * (build-task.ts, summary-task.ts use nodeFs).
 */
import { spawnSync } from "node:child_process";
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync } from "node:fs";
import type { Clock, Env, RunGit, World, WorldFs } from "../io/world.js";

export const nodeFs: WorldFs = {
  stat: (path) => statSync(path),
  lstat: (path) => lstatSync(path),
  readFile: readRegularFile,
  readdir: (path) => readdirSync(path, { withFileTypes: true }),
  realpath: (path) => realpathSync(path),
  readlink: (path) => readlinkSync(path),
};

/**
 * Opened without blocking (a FIFO put in the file's place since it was looked at would otherwise wait
 * for a writer forever), checked again on the open file, and read up to one byte past the limit.
 */
function readRegularFile(path: string, limit: number): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error(`not a regular file: ${path}`), { code: "ENOTREG" });
    const cap = Math.min(st.size, limit) + 1;
    const buf = Buffer.allocUnsafeSlow(cap);
    let n = 0;
    for (let r = 1; n < cap && r > 0; n += r) r = readSync(fd, buf, n, cap - n, null);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const MAX_GIT_OUTPUT = 1 << 30;

/**
 * git with the environment of chamdiem's process, plus: no optional locks (a diff never blocks a
 * commit running beside it) and untranslated output (it is parsed).
 */
export const nodeGit: RunGit = (cwd, args, input) => {
  const r = spawnSync("git", args, { cwd, input, maxBuffer: MAX_GIT_OUTPUT, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" } });
  return {
    status: r.status ?? undefined,
    stdout: r.stdout ?? new Uint8Array(),
    stderr: r.stderr ? r.stderr.toString("utf8") : "",
    ...(r.error ? { error: r.error.message } : {}),
  };
};

export const systemClock: Clock = { now: () => Date.now() };

/** The real world, with the given environment variables (main passes process.env). */
export function nodeWorld(env: Env, parts: Partial<World> = {}): World {
  return { fs: nodeFs, git: nodeGit, clock: systemClock, env, ...parts };
}
