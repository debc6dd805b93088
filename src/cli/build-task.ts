/**
 * One unit of build work: check a batch of assessments (with their rubrics) and write the documents
 * of those without errors. Runs in the main process for a few assessments and in worker threads
 * (build-worker.ts) for many; everything in and out is plain, cloneable data.
 */
import { join } from "node:path";
import { itemCount, runChecks } from "../pipeline/run-checks.js";
import { boundDiagnostics, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { buildDate, modeOptions, renderAssessment, type OutputFormat, type RenderOptions } from "../pipeline/render.js";
import { renderEvidence } from "../pipeline/render-evidence.js";
import { createMeasurer } from "../fonts/index.js";
import { evidenceOf, type EvidenceRoots } from "./evidence-inputs.js";
import { cachedEvidenceReader } from "./evidence-cache.js";
import { loadFontSet } from "../fonts/index.js";
import type { NumberFormat } from "../model/points.js";
import { diskValidatorCache } from "./cache.js";
import type { Config } from "./config.js";
import type { WorldFs } from "../io/world.js";
import { displayPath, onceListing, pathExists, readInputs } from "./files.js";
import { fontReader } from "./font-check.js";
import { writeFileAtomic } from "./write-atomic.js";
import { appraisalCompanions, surveyCompanions } from "../review/companions.js";
import { unitKeyOf } from "../model/survey.js";

export interface BuildTask {
  cwd: string;
  outDir: string;
  rubricFiles: string[];
  assessmentFiles: string[];
  formats: OutputFormat[];
  numbers: NumberFormat;
  /** The configured fonts that can be used (src/cli/font-check.ts); the other faces are Tinos. */
  fonts?: Config["fonts"];
  /** Every configured face and where it is set, and the characters already reported missing (CD803). */
  fontOrigins?: RenderOptions["fontOrigins"];
  reportedMissing?: RenderOptions["reportedMissing"];
  sourceDateEpoch?: string;
  /** Electronic documents (absent: paper), and where their attachments go (RenderOptions). */
  mode?: RenderOptions["mode"];
  attachments?: RenderOptions["attachments"];
  /** Electronic only: the signing images read from chamdiem.yaml's paths, and where they are set. */
  signatureImages?: RenderOptions["signatureImages"];
  imageOrigins?: RenderOptions["imageOrigins"];
  env: { CHAMDIEM_CACHE?: string; CHAMDIEM_CACHE_DIR?: string };
}

export interface BuiltAssessment {
  /** Absolute path of the assessment file. */
  file: string;
  /** Absolute paths of the written documents. */
  outputs: string[];
  unit: string;
  total: number;
}

export interface BuildTaskResult {
  diagnostics: Diagnostic[];
  built: BuiltAssessment[];
  /** Assessments not built because they have errors (absolute paths). */
  refused: string[];
}

/** Output folder of an assessment: <out>/<year>/<file name without .yaml> (its unit key, as survey files name it). */
export function outputFolder(outDir: string, year: number, assessmentFile: string): string {
  return join(outDir, String(year), unitKeyOf(assessmentFile));
}

/**
 * A copy of what a task keeps until it ends. Strings read from an assessment are slices of its whole
 * text (the YAML readers slice), so a unit name or a diagnostic's quoted word kept in the task's
 * result would keep the whole file alive (a 19 KB assessment, 38 KB in memory) until the task ends,
 * long after the assessment is done: up to a task's twenty files per worker, promoted to the old
 * generation. structuredClone gives flat copies (the result is cloned to the main thread anyway).
 */
function detached<T>(value: T): T {
  return structuredClone(value);
}

/** `fs`: how inputs are read (src/cli/files.ts), on this thread only; workers read the real files. */
export async function runBuildTask(task: BuildTask, fs?: WorldFs): Promise<BuildTaskResult> {
  const result: BuildTaskResult = { diagnostics: [], built: [], refused: [] };
  const fonts = loadFontSet(fontReader(fs), task.fonts ? { paths: task.fonts } : {});
  const validatorCache = diskValidatorCache(task.env);
  const rubricInputs = readInputs(task.rubricFiles, task.cwd, fs);
  const list = onceListing(fs);
  const read = cachedEvidenceReader(task.env);
  const roots: EvidenceRoots = new Map();
  // One assessment at a time (checked rubrics are memoised by runChecks): a worker then holds one
  // scored model and one set of documents at once, which keeps its heap small and collections cheap.
  for (const [i, abs] of task.assessmentFiles.entries()) {
    // Each assessment's appraisal (if any) is checked with it: its scores fill the appraisal columns.
    // So is its folder's survey file (scores of the survey-scored criteria).
    const own = readInputs([abs, ...appraisalCompanions([abs], (p) => pathExists(p, fs)), ...surveyCompanions([abs], list)], task.cwd, fs, list);
    // compose: false — the documents composed below report the compose stage's diagnostics (compose/diagnostics.ts).
    const check = runChecks([...rubricInputs, ...own], { validatorCache, compose: false });
    // The rubrics' own diagnostics are reported once per task.
    if (i === 0) result.diagnostics.push(...check.rubrics.flatMap((r) => r.diagnostics));
    // Files that were neither rubrics nor assessments.
    for (const o of check.others) result.diagnostics.push(...o.diagnostics);
    const a = check.assessments.find((x) => x.file === displayPath(abs, task.cwd));
    // Its evidence (docs/evidence.md): checked with it, and made into the index, the pack and the manifest.
    const evidence = a ? await evidenceOf(a, task.cwd, read, fs, roots) : undefined;
    result.diagnostics.push(...detached(a?.diagnostics ?? []));
    // An appraisal that cannot be read or parsed refuses its assessment too: its documents would lack it.
    const brokenCompanion = check.others.some((o) => o.file !== own[0]!.path && own.some((f) => f.path === o.file) && hasErrors(o.diagnostics));
    if (!a?.scored || hasErrors(a.diagnostics) || brokenCompanion) {
      result.refused.push(abs);
      continue;
    }
    const date = buildDate(task.sourceDateEpoch, a.scored.assessment.report.date);
    const plan = evidence && evidence.planned.plan.documents.length > 0 ? evidence.planned.plan : undefined;
    const options: RenderOptions = {
      fonts,
      numbers: task.numbers,
      date,
      formats: task.formats,
      ...(task.fontOrigins ? { fontOrigins: task.fontOrigins } : {}),
      ...(task.reportedMissing ? { reportedMissing: task.reportedMissing } : {}),
      ...(plan ? { evidence: plan } : {}),
      ...(task.mode ? { mode: task.mode } : {}),
      ...(task.attachments ? { attachments: task.attachments } : {}),
      ...(task.signatureImages ? { signatureImages: task.signatureImages, imageOrigins: task.imageOrigins ?? {} } : {}),
    };
    const { files, diagnostics } = await renderAssessment(a.scored, options);
    let pack: { name: string; chunks: Uint8Array[] } | undefined;
    if (plan) {
      const compose = { measure: createMeasurer(fonts), numbers: task.numbers, date, ...modeOptions(options) };
      const ev = await renderEvidence(a.scored, { plan, bytes: evidence!.loaded.bytes }, options, compose, diagnostics);
      files.push(...ev.files);
      if (ev.pack) pack = ev.pack;
    }
    // Bounded as the checks' diagnostics are (runChecks): a report of 100 000 images warns 20 times.
    result.diagnostics.push(...detached(boundDiagnostics(diagnostics, itemCount(a.scored.rubric))));
    if (hasErrors(diagnostics)) {
      result.refused.push(abs);
      continue;
    }
    const folder = outputFolder(task.outDir, a.scored.assessment.year, abs);
    const outputs = files.map((f) => {
      const p = join(folder, f.name);
      writeFileAtomic(p, f.bytes);
      return p;
    });
    if (pack) {
      const p = join(folder, pack.name);
      writeFileAtomic(p, pack.chunks);
      outputs.push(p);
    }
    result.built.push({ file: abs, outputs, unit: detached(a.scored.assessment.unit.name), total: a.scored.total });
  }
  return result;
}
