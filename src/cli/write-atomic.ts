import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/**
 * Write a file so that readers only ever see the old or the complete new content: write a temporary
 * file in the same folder, then rename it over the target (atomic on POSIX file systems).
 *
 * The temporary file is hidden (a leading dot) and names its writer: `.<name>.<host>-<pid>.<random>.tmp`.
 * A process killed between the two steps leaves it behind; removeStaleTemps (run by `build`) deletes
 * the ones whose writer is gone. No fsync: a killed process loses nothing the kernel has, and after a
 * power cut a truncated or empty document differs from the size and times the build manifest recorded
 * for it, so the next build writes it again (src/cli/commands/build.ts). Syncing each of a bulk build's
 * 4 000 files would cost more than the build.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string | readonly Uint8Array[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${HOST}-${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    if (Array.isArray(data)) writeChunks(tmp, data);
    else writeFileSync(tmp, data as Uint8Array | string);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A file written as its chunks one after the other, never joined (the evidence pack: its scans are not copied). */
function writeChunks(path: string, chunks: readonly Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    for (const c of chunks) {
      let at = 0;
      while (at < c.length) at += writeSync(fd, c, at, c.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/** This machine, as temporary names carry it (no dots or dashes, so names split unambiguously). */
const HOST =
  hostname()
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 32) || "host";

/** `.<name>.<host>-<pid>.<random>.tmp`, and `<name>.<pid>.<random>.tmp` of versions before it. */
const TEMP = /^\.(.+)\.([A-Za-z0-9]+)-(\d+)\.[a-z0-9]+\.tmp$/;
const OLD_TEMP = /^(.+\.(?:docx|pdf|json))\.(\d+)\.[a-z0-9]+\.tmp$/;
/** A temporary file this old is stale whoever wrote it (a writer on another machine, a reused pid). */
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Delete the temporary files of writeFileAtomic left in `dir` and its folders down to `depth` levels
 * by processes that no longer run (on this machine), or older than an hour (from another machine, or
 * whose pid was reused). Returns how many were removed. Never throws: a folder that cannot be read
 * is left as it is.
 */
export function removeStaleTemps(dir: string, depth: number, now = Date.now()): number {
  let removed = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 0) removed += removeStaleTemps(p, depth - 1, now);
      continue;
    }
    if (!e.isFile() || !e.name.endsWith(".tmp")) continue;
    const m = TEMP.exec(e.name);
    const old = m ? undefined : OLD_TEMP.exec(e.name);
    if (!m && !old) continue;
    const host = m ? m[2]! : HOST;
    const pid = Number(m ? m[3] : old![2]);
    try {
      const gone = host === HOST && pid !== process.pid && !running(pid);
      if (gone || now - statSync(p).mtimeMs > STALE_AFTER_MS) {
        rmSync(p, { force: true });
        removed++;
      }
    } catch {
      // vanished or not ours to remove: leave it
    }
  }
  return removed;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
