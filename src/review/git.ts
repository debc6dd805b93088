/**
 * The little git plumbing the review commands need (no git library), run through the World's git
 * (src/io/world.ts): which files changed between two revisions (or a revision and the working tree),
 * with their blob ids, and the bytes of many files at a revision in one `git cat-file --batch` process
 * (one `git show REV:path` per file costs ~5 ms each; a batch reads hundreds of blobs in that time).
 *
 * Paths given to and returned by these functions are relative to the working directory, "/"-separated,
 * as chamdiem shows them; git object names use paths relative to the repository root.
 */
import type { RunGit } from "../io/world.js";

export class GitError extends Error {}

export interface GitRepo {
  /** How git is run (src/cli/world.ts runs the real one). */
  run: RunGit;
  cwd: string;
  /** Absolute path of the top of the working tree. */
  root: string;
  /** The working directory relative to the root, "" or ending in "/". */
  prefix: string;
}

const utf8 = new TextDecoder();

/** git's output, or a GitError with what it said. */
function git(repo: Pick<GitRepo, "run" | "cwd">, args: string[], input?: string | Uint8Array, failure = `git ${args[0]} failed`): Uint8Array {
  const r = repo.run(repo.cwd, args, input);
  if (r.error !== undefined) throw new GitError(r.error);
  if (r.status !== 0) throw new GitError(r.stderr.trim() || failure);
  return r.stdout;
}

export function openRepo(run: RunGit, cwd: string): GitRepo {
  const out = utf8.decode(git({ run, cwd }, ["rev-parse", "--show-toplevel", "--show-prefix"], undefined, "not a git repository"));
  const [root = "", prefix = ""] = out.split("\n");
  return { run, cwd, root, prefix };
}

/** The commit a revision names, or undefined when it names none. */
export function resolveCommit(repo: GitRepo, rev: string): string | undefined {
  const r = repo.run(repo.cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  return r.status === 0 ? utf8.decode(r.stdout).trim() : undefined;
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
  const fields = utf8.decode(git(repo, args)).split("\0");
  const out: FileChange[] = [];
  for (let i = 0; i < fields.length - 1;) {
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
    const untracked = utf8
      .decode(git(repo, ["ls-files", "-z", "--others", "--exclude-standard", "--", ...pathspecs]))
      .split("\0")
      .filter(Boolean);
    for (const p of untracked) out.push({ status: "A", newPath: p });
  }
  return out;
}

/** Files under the given paths at a revision (cwd-relative paths). */
export function listFiles(repo: GitRepo, rev: string, paths: readonly string[]): string[] {
  const rootPaths = paths.map((p) => toRoot(repo, p));
  const out = utf8.decode(git(repo, ["ls-tree", "-r", "-z", "--name-only", "--full-tree", rev, "--", ...rootPaths]));
  return out
    .split("\0")
    .filter(Boolean)
    .flatMap((p) => (p.startsWith(repo.prefix) ? [p.slice(repo.prefix.length)] : []));
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
    const header = utf8.decode(out.subarray(pos, nl));
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

/** A blob directly in a folder at a revision. */
export interface TreeBlob {
  name: string;
  blob: string;
  size: number;
}

/**
 * The files directly in each folder (cwd-relative) at a revision, with their blob ids and sizes, in one
 * `git ls-tree -r -l`; a folder absent at the revision maps to an empty list. Files in subfolders are
 * left out (a listing of the folder in the working tree does not see them either).
 */
export function listBlobs(repo: GitRepo, rev: string, folders: readonly string[]): Map<string, TreeBlob[]> {
  const result = new Map<string, TreeBlob[]>(folders.map((f) => [f, []]));
  if (folders.length === 0) return result;
  const byRoot = new Map(folders.map((f) => [toRoot(repo, f), f]));
  const out = utf8.decode(git(repo, ["ls-tree", "-r", "-z", "-l", "--full-tree", rev, "--", ...byRoot.keys()]));
  for (const line of out.split("\0")) {
    const m = /^\d{6} blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(line);
    if (!m) continue;
    const path = m[3]!;
    const slash = path.lastIndexOf("/");
    const folder = byRoot.get(path.slice(0, Math.max(slash, 0)));
    if (folder !== undefined) result.get(folder)!.push({ name: path.slice(slash + 1), blob: m[1]!, size: Number(m[2]) });
  }
  return result;
}

/**
 * For the working tree: the blob ids of the files directly in each folder (cwd-relative) that the index
 * tracks and that git finds unchanged since (`git diff-files`, which uses the index's file sizes and
 * times), keyed by name. These need not be read to know their blob id — a folder of scans the
 * working tree has not touched costs two git commands, not reading every scan — and for a file kept in
 * Git LFS it is the pointer's id, as a revision has it. Files not in the map must be hashed.
 */
export function unchangedWorktreeBlobs(repo: GitRepo, folders: readonly string[]): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>(folders.map((f) => [f, new Map()]));
  if (folders.length === 0) return result;
  const byRoot = new Map(folders.map((f) => [toRoot(repo, f), f]));
  const specs = ["--", ...folders.map((f) => f || ".")];
  const changed = new Set(utf8.decode(git(repo, ["--literal-pathspecs", "diff-files", "--name-only", "-z", ...specs])).split("\0"));
  for (const line of utf8.decode(git(repo, ["--literal-pathspecs", "ls-files", "-s", "-z", "--full-name", ...specs])).split("\0")) {
    const m = /^\d{6} ([0-9a-f]+) 0\t(.*)$/s.exec(line);
    if (!m || changed.has(m[2]!)) continue;
    const path = m[2]!;
    const slash = path.lastIndexOf("/");
    const folder = byRoot.get(path.slice(0, Math.max(slash, 0)));
    if (folder !== undefined) result.get(folder)!.set(path.slice(slash + 1), m[1]!);
  }
  return result;
}
