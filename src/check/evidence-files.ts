/**
 * The checks of what reading an evidence file found (src/read/evidence-file.ts, docs/evidence.md):
 * a file the pack cannot include (CD760–CD764), a scan below 200 dpi at A4 width (CD765), and a
 * declaration's `pages` that cannot be read or names a page the file does not have (CD766, CD767).
 * Pure: the facts are an input.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Code } from "../diagnostics/catalog/index.js";
import { evidenceFilePos, type EvidenceFile, type EvidenceInfo, type EvidenceProblem } from "../model/evidence.js";
import type { SourcePos } from "../model/source.js";
import { parsePageRef } from "../read/evidence-file.js";

const PROBLEM_CODES: Record<EvidenceProblem, Code> = {
  "lfs-pointer": "CD760",
  "not-pdf": "CD761",
  unreadable: "CD762",
  encrypted: "CD763",
  "not-image": "CD764",
};

/**
 * The least resolution of a digitised copy (Nghị định 30/2020/NĐ-CP, Phụ lục I): 200 dpi, measured
 * at A4 width (210 mm), the image's shorter side: at least 1654 pixels (200 × 210 / 25,4 = 1653,5…).
 */
export const MIN_DPI = 200;

/** An image's resolution when its shorter side is printed 210 mm wide, rounded down: px × 25,4 / 210. */
export function dpiAtA4Width(pixels: { width: number; height: number }): number {
  return Math.floor((Math.min(pixels.width, pixels.height) * 254) / 2100);
}

/** Line 1 of a file that has no lines to point at. */

/** The problems of one read file: one diagnostic each, at the file's line 1. */
export function checkEvidenceFile(file: EvidenceFile, info: EvidenceInfo): Diagnostic[] {
  if (info.problem !== undefined) return [diag(PROBLEM_CODES[info.problem], evidenceFilePos(file), { file: file.name })];
  if (info.pixels !== undefined) {
    const dpi = dpiAtA4Width(info.pixels);
    if (dpi < MIN_DPI) {
      return [diag("CD765", evidenceFilePos(file), { file: file.name, width: info.pixels.width, height: info.pixels.height, dpi })];
    }
  }
  return [];
}

/**
 * A declaration's `pages` (at `pos`, the field's position) against the file it names: an error when
 * it cannot be read (CD766), or when it names a page after the file's last one (CD767, the highest
 * such page, once). Nothing for a section ("Điều 4") or when the file's pages are unknown (it has a
 * problem, reported by checkEvidenceFile).
 */
export function checkPageRef(pages: string, pos: SourcePos, file: EvidenceFile, info: EvidenceInfo): Diagnostic[] {
  const ref = parsePageRef(pages);
  if (ref.kind === "invalid") return [diag("CD766", pos, { pages, file: file.name })];
  if (ref.kind === "section" || info.pages === undefined) return [];
  const last = Math.max(...ref.ranges.map((r) => r.to));
  return last > info.pages ? [diag("CD767", pos, { page: last, file: file.name, count: info.pages })] : [];
}
