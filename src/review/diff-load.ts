/**
 * What `chamdiem diff` compares: from the list of changed files (git diff --raw), find the
 * assessments whose scores may have changed — changed assessments, assessments whose appraisal
 * changed, and every assessment of a changed rubric — read just those (with their appraisal and the
 * rubrics) on both sides, and score each side with the same pipeline (runChecks). Unchanged files are
 * never read or scored, which keeps a diff over a thousand assessments with ten changes fast.
 *
 * Pure apart from the two `Side` readers the CLI passes in (a git revision, or the working tree).
 */
import { inputKind } from "../pipeline/input-kind.js";
import { runChecks, type AssessmentResult, type CheckOptions, type InputFile } from "../pipeline/run-checks.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ScoredAssessment } from "../model/scored.js";
import { readYaml } from "../read/yaml-source.js";
import { appraisalPathFor, assessmentPathFor, isAppraisalPath } from "../model/appraisal.js";
import { diffAssessments, isEmptyDiff, type AssessmentDiff } from "./assessment-diff.js";
import type { FileChange } from "./git.js";
import { resolveAssessmentRef } from "../read/appraisal.js";
import { evidenceFile, evidenceFolderOf } from "../model/evidence.js";
import { unitKeyOf } from "../model/survey.js";
import { diffEvidence, isEmptyEvidenceChanges, type EvidenceChanges, type EvidenceEntry } from "./evidence-diff.js";

/** One side of the comparison. Paths are relative to the working directory. */
export interface Side {
  /** A label for reports: the revision as given, or "" for the working tree. */
  label: string;
  /** Bytes of the files (undefined when absent on this side). */
  read(paths: readonly string[], blobs?: ReadonlyMap<string, string>): Map<string, Uint8Array | undefined>;
  /** Every file under the given folders or files on this side. */
  list(paths: readonly string[]): string[];
  /** The evidence files directly in each folder (src/review/evidence-diff.ts); an absent folder has none. */
  evidence(folders: readonly string[]): Map<string, EvidenceEntry[]>;
}

export type EntryStatus = "added" | "deleted" | "modified" | "renamed";

export interface DiffEntry {
  status: EntryStatus;
  /** The assessment's path (the new one for renames; the old one for deletions). */
  path: string;
  oldPath?: string;
  old?: ScoredAssessment;
  new?: ScoredAssessment;
  /** Errors of the new side's check of this assessment (its scores may be partial). */
  newErrors: Diagnostic[];
  diff?: AssessmentDiff;
  /** What changed in its evidence folder; absent when nothing did (or there is no evidence on either side). */
  evidence?: EvidenceChanges;
}

export interface DiffResult {
  entries: DiffEntry[];
  /** Changed rubric files (their assessments are compared in full). */
  rubrics: { path: string; status: FileChange["status"] }[];
  /** Changed assessments or appraisals whose scores, texts and metadata did not change (comments, layout). */
  unchangedInSubstance: string[];
}

const YAML = /\.ya?ml$/i;

type Kind = "rubric" | "assessment" | "appraisal" | "other";

function kindOf(path: string, bytes: Uint8Array | undefined): { kind: Kind; data?: Record<string, unknown> } {
  if (!bytes) return { kind: "other" };
  const data = readYaml(path, bytes).source?.data;
  const kind = inputKind(data);
  // A survey file's changes are not compared yet (docs/review.md): it is listed as another file.
  if (kind === "survey") return { kind: "other" };
  if (kind !== "unknown") return { kind, data: data as Record<string, unknown> };
  // A broken appraisal (not even a mapping) still belongs to its assessment, by its name.
  const mapping = !!data && typeof data === "object" && !Array.isArray(data);
  return { kind: !mapping && isAppraisalPath(path) ? "appraisal" : "other" };
}

export interface DiffLoadOptions extends CheckOptions {
  /** Folders (relative to the working directory) holding the rubrics. */
  rubricDirs: readonly string[];
  /** Where assessments live, for finding every assessment of a changed rubric. */
  scope: readonly string[];
}

export function loadDiff(changes: readonly FileChange[], from: Side, to: Side, opts: DiffLoadOptions): DiffResult {
  const yaml = changes.filter((c) => YAML.test(c.newPath ?? c.oldPath ?? ""));
  const oldBlobs = new Map(yaml.flatMap((c) => (c.oldPath && c.oldBlob ? [[c.oldPath, c.oldBlob] as const] : [])));
  const newBlobs = new Map(yaml.flatMap((c) => (c.newPath && c.newBlob ? [[c.newPath, c.newBlob] as const] : [])));
  const oldBytes = from.read(
    yaml.flatMap((c) => (c.oldPath ? [c.oldPath] : [])),
    oldBlobs,
  );
  const newBytes = to.read(
    yaml.flatMap((c) => (c.newPath ? [c.newPath] : [])),
    newBlobs,
  );

  // Assessments to compare, keyed by their new path (old path for deletions), with their old path.
  // `byEvidence`: compared only because a file of its evidence folder changed.
  const units = new Map<string, { oldPath?: string; newPath?: string; status: EntryStatus; touched: boolean; byEvidence?: boolean }>();
  const renamedTo = new Map(yaml.flatMap((c) => (c.status === "R" && c.oldPath && c.newPath ? [[c.oldPath, c.newPath] as const] : [])));
  const renamedFrom = new Map([...renamedTo].map(([a, b]) => [b, a] as const));
  const rubricIds = new Set<string>();
  const rubrics: DiffResult["rubrics"] = [];
  const addUnit = (oldPath: string | undefined, newPath: string | undefined, status: EntryStatus, touched: boolean) => {
    const key = newPath ?? oldPath!;
    const prior = units.get(key);
    if (prior && prior.touched) return;
    units.set(key, { ...(oldPath ? { oldPath } : {}), ...(newPath ? { newPath } : {}), status, touched });
  };

  for (const c of yaml) {
    const before = c.oldPath ? kindOf(c.oldPath, oldBytes.get(c.oldPath)) : { kind: "other" as Kind };
    const after = c.newPath ? kindOf(c.newPath, newBytes.get(c.newPath)) : { kind: "other" as Kind };
    const kind = after.kind !== "other" ? after.kind : before.kind;
    if (kind === "rubric") {
      rubrics.push({ path: (c.newPath ?? c.oldPath)!, status: c.status });
      for (const side of [before, after]) if (side.data && typeof side.data.id === "string") rubricIds.add(side.data.id);
    } else if (kind === "assessment") {
      const status: EntryStatus = c.status === "A" ? "added" : c.status === "D" ? "deleted" : c.status === "R" ? "renamed" : "modified";
      addUnit(c.oldPath, c.newPath, status, true);
    } else if (kind === "appraisal") {
      // The appraisal's assessment, on each side; a rename of the assessment maps old to new.
      const target = (path: string | undefined, data: Record<string, unknown> | undefined) =>
        path ? (typeof data?.assessment === "string" ? resolveAssessmentRef(path, data.assessment) : assessmentPathFor(path)) : undefined;
      const oldTarget = target(c.oldPath, before.data);
      const newTarget = target(c.newPath, after.data) ?? (oldTarget ? (renamedTo.get(oldTarget) ?? oldTarget) : undefined);
      if (newTarget && !units.has(newTarget)) addUnit(renamedFrom.get(newTarget) ?? oldTarget ?? newTarget, newTarget, "modified", false);
    }
  }

  // Every assessment of a changed rubric may score differently: compare them all.
  if (rubricIds.size > 0) {
    for (const [side, isNew] of [
      [from, false],
      [to, true],
    ] as const) {
      const files = side.list(opts.scope).filter((p) => YAML.test(p) && !isAppraisalPath(p));
      const bytes = side.read(files);
      for (const f of files) {
        const k = kindOf(f, bytes.get(f));
        if (k.kind !== "assessment" || !rubricIds.has(String(k.data?.rubric))) continue;
        if (isNew) {
          if (!units.has(f)) addUnit(renamedFrom.get(f) ?? f, f, "modified", false);
        } else {
          const key = renamedTo.get(f) ?? f;
          if (!units.has(key)) addUnit(f, key, "modified", false);
        }
      }
    }
  }

  // An evidence file that changed while its assessment did not: compare that assessment too.
  for (const f of evidenceOwners(changes, to, new Set(yaml.flatMap((c) => [c.oldPath, c.newPath]).filter((p) => p !== undefined)))) {
    if (!units.has(f)) units.set(f, { oldPath: f, newPath: f, status: "modified", touched: false, byEvidence: true });
  }

  // Read each side's assessments, their appraisals and the rubrics, and score them.
  const oldPaths = [...units.values()].flatMap((u) => (u.oldPath ? [u.oldPath, appraisalPathFor(u.oldPath)] : []));
  const newPaths = [...units.values()].flatMap((u) => (u.newPath ? [u.newPath, appraisalPathFor(u.newPath)] : []));
  const oldChecked = checkSide(from, oldPaths, opts, oldBlobs);
  const newChecked = checkSide(to, newPaths, opts, newBlobs);

  // The evidence folder of each side's assessment (by its year on that side), listed once per side.
  const sorted = [...units].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const folderOf = (path: string | undefined, r: AssessmentResult | undefined) =>
    path && r?.scored ? evidenceFolderOf(path, r.scored.assessment.year) : undefined;
  const folders = sorted.map(([, u]) => ({
    old: folderOf(u.oldPath, u.oldPath ? oldChecked.get(u.oldPath) : undefined),
    new: folderOf(u.newPath, u.newPath ? newChecked.get(u.newPath) : undefined),
  }));
  const oldEvidence = from.evidence([...new Set(folders.flatMap((f) => (f.old ? [f.old] : [])))]);
  const newEvidence = to.evidence([...new Set(folders.flatMap((f) => (f.new ? [f.new] : [])))]);

  const entries: DiffEntry[] = [];
  const unchangedInSubstance: string[] = [];
  for (const [i, [key, u]] of sorted.entries()) {
    const oldR = u.oldPath ? oldChecked.get(u.oldPath) : undefined;
    const newR = u.newPath ? newChecked.get(u.newPath) : undefined;
    const f = folders[i]!;
    const evidence = diffEvidence((f.old && oldEvidence.get(f.old)) || [], (f.new && newEvidence.get(f.new)) || []);
    const evidenceChanged = !isEmptyEvidenceChanges(evidence);
    // Compared for a changed file of an evidence folder that is not its own after all (another year's).
    if (u.byEvidence && !evidenceChanged) continue;
    // A unit listed as modified may not exist on one side (an appraisal added with its assessment…).
    const status: EntryStatus = !oldR?.scored ? (newR?.scored ? "added" : u.status) : !newR?.scored ? "deleted" : u.status;
    const entry: DiffEntry = {
      status,
      path: key,
      newErrors: newR ? newR.diagnostics.filter((d) => d.severity === "error") : [],
    };
    if (status === "renamed" && u.oldPath) entry.oldPath = u.oldPath;
    if (oldR?.scored) entry.old = oldR.scored;
    if (newR?.scored) entry.new = newR.scored;
    if (evidenceChanged) entry.evidence = { ...(f.old ? { oldFolder: f.old } : {}), ...(f.new ? { folder: f.new } : {}), ...evidence };
    if (entry.old && entry.new) {
      entry.diff = diffAssessments(entry.old, entry.new);
      if (isEmptyDiff(entry.diff) && status === "modified" && !hasErrors(entry.newErrors) && !evidenceChanged) {
        unchangedInSubstance.push(key);
        continue;
      }
    }
    if (!entry.old && !entry.new) continue;
    entries.push(entry);
  }
  return { entries, rubrics, unchangedInSubstance };
}

function checkSide(side: Side, paths: string[], opts: DiffLoadOptions, blobs: ReadonlyMap<string, string>): Map<string, AssessmentResult> {
  const rubricFiles = side.list(opts.rubricDirs).filter((p) => YAML.test(p));
  const wanted = [...new Set([...rubricFiles, ...paths])];
  const bytes = side.read(wanted, blobs);
  const inputs: InputFile[] = wanted.flatMap((p) => {
    const b = bytes.get(p);
    return b ? [{ path: p, bytes: b }] : [];
  });
  const result = runChecks(inputs, opts);
  return new Map(result.assessments.map((a) => [a.file, a]));
}

const EVIDENCE_FOLDER = /^((?:.*\/)?)evidence\/(\d{4})\/([^/]+)\/[^/]+$/;

/**
 * The assessments (new side) whose evidence folder holds a changed evidence file, among those not
 * changed themselves (`changedYaml`). A folder `X/evidence/<year>/<unit>` belongs to an assessment
 * `<unit>.yaml` under `X/assessments/` or, outside any `assessments` folder, `X/<unit>.yaml`
 * (evidenceFolderOf); its year is checked once it is read.
 */
function evidenceOwners(changes: readonly FileChange[], side: Side, changedYaml: ReadonlySet<string>): string[] {
  const wanted = new Map<string, Set<string>>(); // X → the unit keys with a changed file
  for (const c of changes) {
    for (const p of [c.oldPath, c.newPath]) {
      const m = p !== undefined && evidenceFile(p) ? EVIDENCE_FOLDER.exec(p) : null;
      if (!m) continue;
      const units = wanted.get(m[1]!) ?? new Set<string>();
      units.add(m[3]!.normalize("NFC"));
      wanted.set(m[1]!, units);
    }
  }
  if (wanted.size === 0) return [];
  const owners: string[] = [];
  for (const [prefix, units] of wanted) {
    const candidates = side.list([`${prefix}assessments`, ...[...units].flatMap((u) => [`${prefix}${u}.yaml`, `${prefix}${u}.yml`])]);
    for (const f of candidates) {
      if (!YAML.test(f) || isAppraisalPath(f) || changedYaml.has(f) || !units.has(unitKeyOf(f).normalize("NFC"))) continue;
      owners.push(f);
    }
  }
  return [...new Set(owners)];
}
