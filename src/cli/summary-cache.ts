/**
 * A cache of `summary` rows, so re-running a summary after a few files changed rescores only those:
 * per assessment, a hash of everything its row depends on (the tool itself, every rubric's bytes, the
 * assessment's and its appraisal's bytes) → its UnitScore and errors, one small JSON file each under
 * the tool cache folder (cache.ts: node_modules/.cache/chamdiem, $CHAMDIEM_CACHE_DIR, CHAMDIEM_CACHE=0
 * to turn off). A damaged or missing entry is simply recomputed.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { UnitScore } from "../review/consolidate.js";
import { cacheDir } from "./cache.js";
import { writeFileAtomic } from "./write-atomic.js";

declare const CHAMDIEM_VERSION: string;

export interface CachedRow {
  unit: UnitScore;
  errors: Diagnostic[];
}

export interface SummaryCache {
  key(parts: readonly (string | Uint8Array)[]): string;
  get(key: string): CachedRow | undefined;
  set(key: string, row: CachedRow): void;
}

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

export function summaryCache(env: NodeJS.ProcessEnv): SummaryCache | undefined {
  const base = cacheDir(env);
  if (!base) return undefined;
  const dir = join(base, "summary");
  return {
    key(parts) {
      const h = createHash("sha256").update(tool());
      for (const p of parts) h.update(p).update("\u0000");
      return h.digest("hex").slice(0, 40);
    },
    get(key) {
      try {
        return JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as CachedRow;
      } catch {
        return undefined;
      }
    },
    set(key, row) {
      try {
        writeFileAtomic(join(dir, `${key}.json`), JSON.stringify(row));
      } catch {
        // read-only install: run without a cache
      }
    },
  };
}
