/**
 * An assessment's evidence folder as the checks and the build see it (docs/evidence.md): its evidence
 * files (PDF, JPEG, PNG; other files and subfolders are not evidence), their bytes and what reading
 * each found. The only place evidence touches the file system; planning and checking are pure
 * (src/check/evidence-plan.ts).
 */
import { resolve } from "node:path";
import { diag, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { CheckResult } from "../pipeline/run-checks.js";
import type { WorldFs } from "../io/world.js";
import { evidenceFile, evidenceFilePos, evidenceFolderOf, evidenceRootOf, type EvidenceFile, type EvidenceInfo } from "../model/evidence.js";
import { planEvidence, type EvidenceFolder, type PlannedEvidence } from "../check/evidence-plan.js";
import type { ScoredAssessment } from "../model/scored.js";
import { displayPath, listFolder, osReason } from "./files.js";
import type { EvidenceReader } from "./evidence-cache.js";
import { nodeFs } from "./world.js";

/** A scan is large, but a file larger than this is a mistake (a video, a disk image), not evidence. */
export const MAX_EVIDENCE_BYTES = 512 * 1024 * 1024;

export interface LoadedEvidence extends EvidenceFolder {
  /** The folder's absolute path. */
  abs: string;
  /** The bytes of each file that could be read, by display path (the pack copies them). */
  bytes: Map<string, Uint8Array>;
  /** Files that could not be read (CD101, CD103). */
  diagnostics: Diagnostic[];
}

function isFolder(path: string, fs: WorldFs): boolean {
  try {
    return fs.stat(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether a project's evidence folder exists, asked once per folder by one command or task (as
 * onceListing lists a folder once): a build of 1 000 assessments of a project without evidence would
 * otherwise fail 1 000 stats, twice.
 */
export type EvidenceRoots = Map<string, boolean>;

function rootExists(root: string, fs: WorldFs, roots?: EvidenceRoots): boolean {
  let exists = roots?.get(root);
  if (exists === undefined) {
    exists = isFolder(root, fs);
    roots?.set(root, exists);
  }
  return exists;
}

/** The evidence files of a folder, in name order (listFolder sorts), as display paths. */
export function listEvidence(folderAbs: string, cwd: string, fs: WorldFs = nodeFs): { found: boolean; files: EvidenceFile[] } {
  const found = isFolder(folderAbs, fs);
  if (!found) return { found, files: [] };
  const files: EvidenceFile[] = [];
  for (const name of listFolder(folderAbs, fs)) {
    const f = evidenceFile(displayPath(resolve(folderAbs, name), cwd));
    if (f) files.push(f);
  }
  return { found, files };
}

export async function loadEvidence(
  assessmentAbs: string,
  year: number,
  cwd: string,
  read: EvidenceReader,
  fs: WorldFs = nodeFs,
  roots?: EvidenceRoots,
): Promise<LoadedEvidence> {
  const abs = evidenceFolderOf(assessmentAbs, year);
  // A project without an evidence folder (asked once per command) has no unit folder to look for.
  const inUse = rootExists(evidenceRootOf(assessmentAbs).root, fs, roots);
  const { found, files } = inUse ? listEvidence(abs, cwd, fs) : { found: false, files: [] };
  const bytes = new Map<string, Uint8Array>();
  const infos = new Map<string, EvidenceInfo>();
  const diagnostics: Diagnostic[] = [];
  const readable: EvidenceFile[] = [];
  for (const f of files) {
    const at = evidenceFilePos(f);
    const p = resolve(cwd, f.path);
    try {
      const st = fs.stat(p);
      if (!st.isFile()) continue;
      if (st.size > MAX_EVIDENCE_BYTES) {
        diagnostics.push(diag("CD103", at, { size: st.size, limit: MAX_EVIDENCE_BYTES }));
        continue;
      }
      const b = fs.readFile(p, MAX_EVIDENCE_BYTES);
      bytes.set(f.path, b);
      infos.set(f.path, await read(f, b));
      readable.push(f);
    } catch (e) {
      diagnostics.push(diag("CD101", at, { reason: osReason(e) }));
    }
  }
  return { found, inUse, files: readable, infos, abs, bytes, diagnostics };
}

/**
 * What the build's incremental hash takes of an assessment's evidence, before the assessment is read
 * (its year is not known yet: every year's folder of its unit): each file's name, size and
 * modification time. Reading 300 scans on every no-op build would cost more than the build saves,
 * and a scan replaced by another changes its size or time.
 */
export function evidenceStamp(assessmentAbs: string, cwd: string, fs: WorldFs = nodeFs, roots?: EvidenceRoots): string {
  const { root, unit } = evidenceRootOf(assessmentAbs);
  if (!rootExists(root, fs, roots)) return "";
  const lines: string[] = [];
  let years: string[] = [];
  try {
    years = fs
      .readdir(root)
      .filter((e) => e.isDirectory() || e.isSymbolicLink())
      .map((e) => e.name)
      .sort();
  } catch {
    return "";
  }
  for (const year of years) {
    const { found, files } = listEvidence(resolve(root, year, unit), cwd, fs);
    if (!found) continue;
    lines.push(year);
    for (const f of files) {
      try {
        const st = fs.stat(resolve(cwd, f.path));
        lines.push(`${f.name}\t${st.size}\t${st.mtimeMs ?? 0}`);
      } catch {
        lines.push(`${f.name}\t?`);
      }
    }
  }
  return lines.join("\n");
}

/**
 * The evidence step of check and build, after the assessment is scored: load its folder, plan and
 * check it; the diagnostics are added to the assessment's.
 */
export async function evidenceOf(
  a: { file: string; scored?: ScoredAssessment; diagnostics: Diagnostic[] },
  cwd: string,
  read: EvidenceReader,
  fs: WorldFs = nodeFs,
  roots?: EvidenceRoots,
): Promise<{ loaded: LoadedEvidence; planned: PlannedEvidence } | undefined> {
  if (!a.scored) return undefined;
  const loaded = await loadEvidence(resolve(cwd, a.file), a.scored.assessment.year, cwd, read, fs, roots);
  const planned = planEvidence(a.scored, loaded);
  a.diagnostics.push(...loaded.diagnostics, ...planned.diagnostics);
  return { loaded, planned };
}

/** The evidence checks of every scored assessment of a check run, added to its diagnostics and the run's. */
export async function addEvidenceChecks(result: CheckResult, cwd: string, read: EvidenceReader, fs: WorldFs = nodeFs): Promise<void> {
  let added = false;
  const roots: EvidenceRoots = new Map();
  for (const a of result.assessments) {
    const before = a.diagnostics.length;
    await evidenceOf(a, cwd, read, fs, roots);
    if (a.diagnostics.length > before) {
      result.diagnostics.push(...a.diagnostics.slice(before));
      added = true;
    }
  }
  if (added) result.diagnostics = sortDiagnostics(result.diagnostics);
}
