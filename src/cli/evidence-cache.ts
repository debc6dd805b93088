/**
 * A disk cache of what reading an evidence PDF found (src/read/evidence-file.ts), so that `check` does
 * not import pdf-lib (≈ 100 ms) and parse every PDF (≈ 1 ms each) on every run: one small JSON file
 * per PDF, named by the SHA-256 of its bytes and the reader's version, under the tool cache folder
 * (cache.ts: node_modules/.cache/chamdiem, $CHAMDIEM_CACHE_DIR, CHAMDIEM_CACHE=0 to turn off).
 * Images are not cached: sniffing them is already cheap. Failures to read or write are ignored, and
 * an entry that does not look like one is read again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EvidenceFile, EvidenceInfo, EvidenceProblem } from "../model/evidence.js";
import { completeEvidence, EVIDENCE_READER_VERSION, sniffEvidence } from "../read/evidence-file.js";
import { cacheDir } from "./cache.js";
import { writeFileAtomic } from "./write-atomic.js";

export type EvidenceReader = (file: EvidenceFile, bytes: Uint8Array) => Promise<EvidenceInfo>;

/** What the PDF step adds to the sniffed facts: what an entry (the JSON of an EvidenceInfo) is read for. */
interface Entry {
  pages?: number;
  problem?: EvidenceProblem;
}

const PDF_PROBLEMS: ReadonlySet<string> = new Set<EvidenceProblem>(["unreadable", "encrypted"]);

function entryOf(value: unknown, sniffed: EvidenceInfo): Entry | undefined {
  if (!value || typeof value !== "object") return undefined;
  const e = value as Record<string, unknown>;
  if (e.sha256 !== sniffed.sha256 || e.size !== sniffed.size) return undefined;
  if (typeof e.pages === "number" && Number.isInteger(e.pages) && e.pages >= 0 && e.problem === undefined) {
    return { pages: e.pages };
  }
  if (typeof e.problem === "string" && PDF_PROBLEMS.has(e.problem) && e.pages === undefined) {
    return { problem: e.problem as EvidenceProblem };
  }
  return undefined;
}

/**
 * Reads evidence files as readEvidenceFile does, through the disk cache for the PDF step. `complete`
 * is the PDF step (tests count its calls); without a cache folder every PDF is parsed.
 */
export function cachedEvidenceReader(env: NodeJS.ProcessEnv, complete = completeEvidence): EvidenceReader {
  const dir = cacheDir(env);
  const path = (sha256: string) => join(dir!, "evidence", `v${EVIDENCE_READER_VERSION}-${sha256}.json`);
  return async (file, bytes) => {
    const sniffed = sniffEvidence(file, bytes);
    // Only a PDF that sniffing could not settle needs the parse.
    if (file.kind !== "pdf" || sniffed.problem !== undefined || sniffed.pages !== undefined) return sniffed;
    if (dir === undefined) return complete(file, bytes, sniffed);
    try {
      const hit = entryOf(JSON.parse(readFileSync(path(sniffed.sha256), "utf8")), sniffed);
      if (hit) return { ...sniffed, ...hit };
    } catch {
      // no entry yet, or a damaged one: parse the file
    }
    const info = await complete(file, bytes, sniffed);
    try {
      writeFileAtomic(path(info.sha256), JSON.stringify(info));
    } catch {
      // read-only install: run without a cache
    }
    return info;
  };
}
