/**
 * `chamdiem diff [REV [REV2]] [--] [paths…]`: what changed in the scores between two git revisions,
 * or a revision and the working tree (default: HEAD vs the working tree, untracked files included).
 * `REV..REV2` works too. Arguments are revisions while they name commits (at most two), paths after
 * that or after `--`. Default path: content.
 *
 * Only files git reports as changed (blob ids from `git diff --raw`) are read and scored, on each side
 * with the same pipeline as `check` (src/review/diff-load.ts). Exit status: 0 = report printed (changes
 * or not), 1 = the new side of a changed assessment has errors, 2 = usage (bad revision, not a repo).
 *
 * Each compared assessment's evidence folder is listed on both sides by blob id (`evidence` below;
 * the comparison is src/review/evidence-diff.ts), and an assessment whose evidence alone changed is
 * compared too.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { WorldFs } from "../../io/world.js";
import { displayPath, findYamlFiles, listFolder, osReason, readInputFile, rubricDirsFor } from "../files.js";
import { nodeFs } from "../world.js";
import { diag, uniqueDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { UsageError } from "../args.js";
import type { Cli } from "../context.js";
import { diskValidatorCache } from "../cache.js";
import { formatText } from "../../diagnostics/format.js";
import { loadDiff, type Side } from "../../review/diff-load.js";
import { diffCsv, diffJson, diffMarkdown, diffText } from "../../review/diff-report.js";
import { changedFiles, GitError, listBlobs, listFiles, openRepo, readObjects, resolveCommit, unchangedWorktreeBlobs, type GitRepo } from "../../review/git.js";
import { LFS_POINTER_MAX, lfsPointerOid, type EvidenceEntry } from "../../review/evidence-diff.js";
import { evidenceFile } from "../../model/evidence.js";
import { labels } from "../../compose/labels.js";

export function runDiff(cli: Cli): number {
  let repo: GitRepo;
  try {
    repo = openRepo(cli.world.git, cli.cwd);
  } catch (e) {
    throw new UsageError(cli.m.notGit((e as Error).message));
  }
  const { revs, paths } = splitArgs(cli, repo);
  const from = revs[0] ?? "HEAD";
  const to = revs[1];
  if (!resolveCommit(repo, from)) throw new UsageError(cli.m.badRevision(from));
  if (to && !resolveCommit(repo, to)) throw new UsageError(cli.m.badRevision(to));
  const scope = paths.length > 0 ? paths : existsSync(join(cli.cwd, "content")) ? ["content"] : ["."];
  const L = labels(cli.lang);

  let changes;
  try {
    changes = changedFiles(repo, from, to, scope);
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message.split("\n")[0]!);
    throw e;
  }
  const rubricDirs = cli.args.values.rubrics
    ? [displayPath(resolve(cli.cwd, cli.args.values.rubrics), cli.cwd)]
    : rubricDirsFor(
        scope.map((p) => resolve(cli.cwd, p, "x.yaml")),
        cli.cwd,
        cli.world.fs,
      ).map((d) => displayPath(d, cli.cwd));
  const unreadable: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const result = loadDiff(changes, gitSide(repo, from), to ? gitSide(repo, to) : worktreeSide(repo, L.workingTree, unreadable, warnings, cli.world.fs), {
    rubricDirs,
    scope,
    validatorCache: diskValidatorCache(cli.world.env),
  });

  const opts = { lang: cli.lang, from, to: to ?? L.workingTree, worktree: !to, color: cli.color && cli.isTTY };
  if (cli.format === "json") cli.stdout(JSON.stringify(diffJson(result, opts), null, 2));
  else if (cli.format === "markdown") cli.stdout(diffMarkdown(result, opts));
  else if (cli.format === "csv") cli.stdout(diffCsv(result));
  else cli.stdout(diffText(result, opts));

  const errors = uniqueDiagnostics([...unreadable, ...result.entries.flatMap((e) => e.newErrors)]);
  const printed = [...errors, ...uniqueDiagnostics(warnings)];
  if (printed.length > 0 && cli.format === "text") cli.stderr(formatText(printed, cli.lang, cli.color));
  return errors.length > 0 ? 1 : 0;
}

/** Leading arguments that name commits are revisions (at most two, or "A..B"); the rest are paths. */
function splitArgs(cli: Cli, repo: GitRepo): { revs: string[]; paths: string[] } {
  const args = cli.args.positional;
  const revs: string[] = [];
  const paths: string[] = [];
  let i = 0;
  for (; i < args.length && revs.length < 2; i++) {
    const a = args[i]!;
    const range = /^(.+?)\.\.(.*)$/.exec(a);
    if (range && revs.length === 0 && resolveCommit(repo, range[1]!) && (range[2] === "" || resolveCommit(repo, range[2]!))) {
      revs.push(range[1]!, range[2] || "HEAD");
      i++;
      break;
    }
    if (existsSync(resolve(cli.cwd, a)) || !resolveCommit(repo, a)) break;
    revs.push(a);
  }
  paths.push(...args.slice(i));
  // A word that is neither a revision nor an existing path, nor shaped like one (a deleted file), is a
  // mistyped revision: say so rather than compare nothing.
  for (const p of paths) {
    if (!existsSync(resolve(cli.cwd, p)) && !/[/.]/.test(p)) throw new UsageError(cli.m.badRevision(p));
  }
  return { revs, paths };
}

function gitSide(repo: GitRepo, rev: string): Side {
  return {
    label: rev,
    read(paths, blobs) {
      const names = paths.map((p) => blobs?.get(p) ?? `${rev}:${p}`);
      const objects = readObjects(repo, names);
      return new Map(paths.map((p, i) => [p, objects.get(names[i]!)]));
    },
    list(paths) {
      return listFiles(repo, rev, paths);
    },
    evidence(folders) {
      const listed = listBlobs(repo, rev, folders);
      // Small blobs may be Git LFS pointers: read them (one batch) for the SHA-256 of the content they stand for.
      const small = [...listed.values()].flat().filter((b) => b.size < LFS_POINTER_MAX && evidenceFile(b.name));
      const bytes = readObjects(
        repo,
        small.map((b) => b.blob),
      );
      return new Map(
        [...listed].map(([folder, blobs]) => [
          folder,
          blobs.flatMap((b): EvidenceEntry[] => {
            if (!evidenceFile(b.name)) return [];
            const b2 = bytes.get(b.blob);
            const oid = b2 ? lfsPointerOid(b2) : undefined;
            return [{ name: b.name, blob: b.blob, ...(oid ? { sha256: oid } : {}) }];
          }),
        ]),
      );
    },
  };
}

/**
 * The working tree; a file that cannot be read (src/cli/files.ts) is absent, and its diagnostic goes to
 * `unreadable`. An evidence file that cannot be read counts as changed, with a warning (CD770).
 */
function worktreeSide(repo: GitRepo, label: string, unreadable: Diagnostic[], warnings: Diagnostic[], fs: WorldFs | undefined): Side {
  const cwd = repo.cwd;
  return {
    label,
    read(paths) {
      return new Map(
        paths.map((p) => {
          const input = readInputFile(join(cwd, p), cwd, fs);
          if (input.diagnostics) {
            if (existsSync(join(cwd, p))) unreadable.push(...input.diagnostics);
            return [p, undefined];
          }
          return [p, input.bytes];
        }),
      );
    },
    list(paths) {
      return findYamlFiles(
        paths.filter((p) => existsSync(join(cwd, p))),
        cwd,
        fs,
      ).files.map((f) => displayPath(f, cwd));
    },
    evidence(folders) {
      const known = unchangedWorktreeBlobs(repo, folders);
      return new Map(
        folders.map((folder) => [
          folder,
          worktreeEvidence(join(cwd, folder), fs ?? nodeFs, known.get(folder)!, (name, e) =>
            warnings.push(diag("CD770", { file: `${folder}/${name}`, line: 1, column: 1 }, { reason: osReason(e) })),
          ),
        ]),
      );
    },
  };
}

/** Evidence files as large as this are not expected (scans of a few hundred pages weigh tens of MB). */
const MAX_EVIDENCE_BYTES = 1 << 30;

/**
 * The evidence files of a working-tree folder with their git blob ids: the index's for a file git
 * finds unchanged (`known`), else computed as git does (SHA-1 of "blob <size>\0" and the bytes) so that
 * they compare with a revision's, with the content's SHA-256 (a pointer's oid for a Git LFS pointer not
 * fetched) for files a revision keeps in LFS. A file that cannot be read gets a blob id no file has
 * (it shows as changed, or added) and is reported to `unreadable`.
 */
function worktreeEvidence(dir: string, fs: WorldFs, known: ReadonlyMap<string, string>, unreadable: (name: string, e: unknown) => void): EvidenceEntry[] {
  return listFolder(dir, fs).flatMap((name): EvidenceEntry[] => {
    if (!evidenceFile(name)) return [];
    const indexed = known.get(name);
    if (indexed) return [{ name, blob: indexed }];
    let bytes: Uint8Array;
    try {
      bytes = fs.readFile(join(dir, name), MAX_EVIDENCE_BYTES);
    } catch (e) {
      unreadable(name, e);
      return [{ name, blob: `unreadable:${name}` }];
    }
    const blob = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    return [{ name, blob, sha256: lfsPointerOid(bytes) ?? createHash("sha256").update(bytes).digest("hex") }];
  });
}
