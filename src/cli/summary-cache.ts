/**
 * A cache of `summary` rows, so re-running a summary after a few files changed rescores only those.
 * One JSON file per project folder under the tool cache folder (cache.ts: node_modules/.cache/chamdiem,
 * $CHAMDIEM_CACHE_DIR, CHAMDIEM_CACHE=0 to turn off): assessment path → the hash of everything its row
 * depends on (the tool itself, every rubric's bytes, the assessment's and its appraisal's bytes), its
 * UnitScore and its errors.
 *
 * The main thread loads the file and hands every task the entries of its own files; a task hashes its
 * inputs, keeps the entries whose hash still matches and returns fresh ones for the rest; the main
 * thread writes the file once, with the rows of this run's files. (One small file per row, as before,
 * cost ≈ 0,4 ms each to create: 0,4 s of a first summary of 1 000 units.) A damaged or missing file is
 * simply recomputed; two summaries at once leave the rows of whichever finished last.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { UnitScore } from "../score/consolidate.js";
import { cacheDir } from "./cache.js";
import { writeFileAtomic } from "./write-atomic.js";

declare const CHAMDIEM_VERSION: string;

export interface CachedRow {
  /** Hash of every input of the row (rowKey). */
  key: string;
  unit: UnitScore;
  errors: Diagnostic[];
}

/** Cached rows by assessment path (absolute, as the tasks name their files). */
export type CachedRows = Record<string, CachedRow>;

let toolHash: string | undefined;

function tool(): string {
  if (toolHash === undefined) {
    const h = createHash("sha256").update(typeof CHAMDIEM_VERSION === "string" ? CHAMDIEM_VERSION : "dev");
    try {
      h.update(readFileSync(fileURLToPath(import.meta.url)));
    } catch {
      // no file to hash (tests): the version alone
    }
    toolHash = h.digest("hex");
  }
  return toolHash;
}

/** The hash of a row's inputs, with the tool's own. */
export function rowKey(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash("sha256").update(tool());
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("hex").slice(0, 40);
}

export interface SummaryRowStore {
  /** The cached rows of these files (those that have one). */
  rowsFor(files: readonly string[]): CachedRows;
  /** Keep exactly these rows (this run's); written only when they differ from what was loaded. */
  save(rows: CachedRows): void;
}

export function summaryRowStore(env: NodeJS.ProcessEnv, cwd: string): SummaryRowStore | undefined {
  const base = cacheDir(env);
  if (!base) return undefined;
  const file = join(base, "summary", `${createHash("sha256").update(cwd).digest("hex").slice(0, 16)}.json`);
  let loaded: CachedRows = {};
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) loaded = parsed as CachedRows;
  } catch {
    // no cache yet, or a damaged one: every row is computed
  }
  return {
    rowsFor(files) {
      const out: CachedRows = {};
      for (const f of files) {
        const row = Object.prototype.hasOwnProperty.call(loaded, f) ? loaded[f] : undefined;
        if (row && typeof row.key === "string") out[f] = row;
      }
      return out;
    },
    save(rows) {
      const keys = Object.keys(rows);
      if (keys.length === Object.keys(loaded).length && keys.every((k) => loaded[k]?.key === rows[k]!.key)) return;
      try {
        writeFileAtomic(file, JSON.stringify(rows));
      } catch {
        // read-only install: run without a cache
      }
    },
  };
}
