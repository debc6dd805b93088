/**
 * The little git plumbing the review commands need, through child_process (no git library): which
 * files changed between two revisions (or a revision and the working tree), with their blob ids, and
 * the bytes of many files at a revision in one `git cat-file --batch` process (one `git show REV:path`
 * per file costs ~5 ms each; a batch reads hundreds of blobs in that time).
 *
 * Paths given to and returned by these functions are relative to the working directory, "/"-separated,
 * as chamdiem shows them; git object names use paths relative to the repository root.
 */
import { execFileSync, spawnSync } from "node:child_process";

export class GitError extends Error {}

export interface GitRepo {
  cwd: string;
  /** Absolute path of the top of the working tree. */
  root: string;
  /** The working directory relative to the root, "" or ending in "/". */
  prefix: string;
}

const MAX_BUFFER = 1 << 30;

function git(repo: { cwd: string }, args: string[], input?: string | Uint8Array): Buffer {
  const r = spawnSync("git", args, { cwd: repo.cwd, input, maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" } });
  if (r.error) throw new GitError(r.error.message);
  if (r.status !== 0) throw new GitError(r.stderr.toString("utf8").trim() || `git ${args[0]} failed`);
  return r.stdout;
}

export function openRepo(cwd: string): GitRepo {
  let out: string;
  try {
    out = execFileSync("git", ["rev-parse", "--show-toplevel", "--show-prefix"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    throw new GitError(((e as { stderr?: Buffer | string }).stderr ?? "").toString().trim() || "not a git repository");
  }
  const [root = "", prefix = ""] = out.split("\n");
  return { cwd, root, prefix };
}

/** The commit a revision names, or undefined when it names none. */
export function resolveCommit(repo: GitRepo, rev: string): string | undefined {
  const r = spawnSync("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], { cwd: repo.cwd, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export type ChangeStatus = "A" | "D" | "M" | "R" | "T" | "C";

export interface FileChange {
  status: ChangeStatus;
  /** Path on the old side (absent for additions). */
  oldPath?: string;
  /** Path on the new side (absent for deletions). */
  newPath?: string;
  /** Blob ids; the new side's is undefined when it is the working tree (read it from disk). */
  oldBlob?: string;
  newBlob?: string;
}

const ZERO = /^0+$/;

/**
 * `git diff --raw -z -M` between `from` and `to` (or the working tree when `to` is undefined),
 * restricted to pathspecs relative to the working directory. Untracked files count as additions when
 * comparing with the working tree.
 */
export function changedFiles(repo: GitRepo, from: string, to: string | undefined, pathspecs: readonly string[]): FileChange[] {
  const args = ["diff", "--raw", "-z", "-M", "--no-abbrev", "--relative", "--no-ext-diff", "--no-textconv", from, ...(to ? [to] : []), "--", ...pathspecs];
  const fields = git(repo, args).toString("utf8").split("\0");
  const out: FileChange[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const meta = fields[i++]!;
    const m = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([ACDMRTUX])(\d*)$/.exec(meta);
    if (!m) break;
    const status = m[5] as ChangeStatus | "U" | "X";
    const a = fields[i++]!;
    const b = status === "R" || status === "C" ? fields[i++]! : a;
    if (status === "U" || status === "X") continue;
    const change: FileChange = { status: status === "C" ? "A" : status };
    if (status !== "A" && status !== "C") {
      change.oldPath = a;
      change.oldBlob = m[3]!;
    }
    if (status !== "D") {
      change.newPath = b;
      if (!ZERO.test(m[4]!)) change.newBlob = m[4]!;
    }
    out.push(change);
  }
  if (!to) {
    const untracked = git(repo, ["ls-files", "-z", "--others", "--exclude-standard", "--", ...pathspecs]).toString("utf8").split("\0").filter(Boolean);
    for (const p of untracked) out.push({ status: "A", newPath: p });
  }
  return out;
}

/** Files under the given paths at a revision (cwd-relative paths). */
export function listFiles(repo: GitRepo, rev: string, paths: readonly string[]): string[] {
  const rootPaths = paths.map((p) => toRoot(repo, p));
  const out = git(repo, ["ls-tree", "-r", "-z", "--name-only", "--full-tree", rev, "--", ...rootPaths]).toString("utf8");
  return out.split("\0").filter(Boolean).flatMap((p) => (p.startsWith(repo.prefix) ? [p.slice(repo.prefix.length)] : []));
}

/**
 * Read many objects at once: each name is a blob id or "REV:cwd-relative-path". Missing objects map
 * to undefined.
 */
export function readObjects(repo: GitRepo, names: readonly string[]): Map<string, Uint8Array | undefined> {
  const result = new Map<string, Uint8Array | undefined>();
  const unique = [...new Set(names)];
  if (unique.length === 0) return result;
  const specs = unique.map((n) => {
    const colon = n.indexOf(":");
    return colon < 0 ? n : `${n.slice(0, colon)}:${toRoot(repo, n.slice(colon + 1))}`;
  });
  const out = git(repo, ["cat-file", "--batch"], specs.join("\n") + "\n");
  let pos = 0;
  for (const name of unique) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString("utf8");
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      result.set(name, undefined); // "<name> missing" or "ambiguous"
      continue;
    }
    const size = Number(m[2]);
    result.set(name, m[1] === "blob" ? new Uint8Array(out.subarray(pos, pos + size)) : undefined);
    pos += size + 1;
  }
  return result;
}

function toRoot(repo: GitRepo, cwdRelative: string): string {
  const parts: string[] = repo.prefix.split("/").filter(Boolean);
  for (const seg of cwdRelative.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}
