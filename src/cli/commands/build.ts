/**
 * `chamdiem build [paths…]`: check, then write bao-cao.{docx,pdf} and bieu-cham-diem.{docx,pdf} for
 * every assessment without errors into output/<year>/<unit>/.
 *
 * Incremental: output/.chamdiem-build.json records, per assessment, a hash of everything its documents
 * depend on (its bytes, every rubric's bytes, its evidence files' names, sizes and times, the tool
 * itself and the build options) and the files
 * written, each with its size and times (OutputRecord); an assessment whose hash is unchanged and
 * whose files are still as written is skipped without being parsed. A file deleted, truncated, saved
 * by Word or left half-made by a killed build is written again; a PDF signed since (an incremental
 * update after our bytes) never is (signedAfterBuild, CD860).
 * Many assessments are built on worker threads (tinypool), one per core.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { diag, uniqueDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { countBySeverity, formatGithub, formatText, toJson } from "../../diagnostics/format.js";
import { formatHundredths } from "../../model/points.js";
import { UsageError } from "../args.js";
import { runBuildTask, type BuildTask, type BuildTaskResult } from "../build-task.js";
import { loadConfig, MODES, type Config } from "../config.js";
import type { DocumentMode } from "../../compose/index.js";
import { checkFonts, fontReader } from "../font-check.js";
import { loadFont } from "../../fonts/fontset.js";
import type { Cli } from "../context.js";
import { cacheEnv } from "../cache.js";
import { bytesForHash, displayPath, onceListing, pathExists, readInputFile } from "../files.js";
import type { ImageOrigins } from "../../pipeline/render.js";
import type { SignatureImages } from "../../write/pdf/signing-images.js";
import { planInputs } from "../inputs.js";
import { evidenceStamp, type EvidenceRoots } from "../evidence-inputs.js";
import { chunked, jobCount, runOnPool, workerHeapLimits, workerScript } from "../pool.js";
import { progress } from "../progress.js";
import { removeStaleTemps, writeFileAtomic } from "../write-atomic.js";
import { appraisalCompanions, surveyCompanions } from "../../review/companions.js";

declare const CHAMDIEM_VERSION: string;

const MANIFEST = ".chamdiem-build.json";
/** Below this many assessments, starting workers costs more than it saves. */
const POOL_THRESHOLD = 6;
const CHUNK = 20;
const SAVE_EVERY_MS = 1000;

/** Written when a build starts writing and removed when it ends: left behind, it says a build was killed. */
const RUNNING = ".chamdiem-build.running";

/**
 * A written document as the build left it: a later build rewrites it unless one `stat` finds the same
 * size, modification time and change time. Any write changes them (Word saving the file, a truncation,
 * garbage of the same size), and the change time cannot be set back by tools (touch, cp -p). Hashing
 * the contents instead was measured on the 2 000 documents of 1 000 assessments (.docx only, 27 MB,
 * files in the page cache): 6–11 ms for the stats, 42–65 ms for SHA-256 of every file, 32–52 ms for a
 * hash of each file's first and last 4 KB; with the PDFs (4 000 files, ~120 MB) and a cold cache, far
 * more, against a no-op rebuild of ≈ 185 ms that may not grow by 10 %.
 */
interface OutputRecord {
  path: string;
  size: number;
  mtime: number;
  ctime: number;
}

interface Manifest {
  version: 2;
  entries: Record<string, { hash: string; outputs: OutputRecord[] }>;
}

function asWritten(cwd: string, o: OutputRecord): boolean {
  if (!o || typeof o.path !== "string") return false; // a manifest edited by hand
  const s = statSync(resolve(cwd, o.path), { throwIfNoEntry: false });
  return !!s && s.isFile() && s.size === o.size && s.mtimeMs === o.mtime && s.ctimeMs === o.ctime;
}

/**
 * Whether a written PDF was signed after the build, which a build must then never overwrite (the
 * signature would be lost): a signing tool appends an incremental update (ISO 32000-1, 7.5.6) to the
 * bytes we wrote, so the file is longer than recorded, the recorded length ends where our file ended
 * ("%%EOF"), and what follows holds a signature dictionary's /ByteRange. chamdiem never writes
 * /ByteRange itself (its signature fields are unsigned: no /V). Only the appended bytes are read.
 */
function signedAfterBuild(cwd: string, o: OutputRecord): boolean {
  if (!o || typeof o.path !== "string" || !o.path.toLowerCase().endsWith(".pdf") || !Number.isInteger(o.size) || o.size < 8) return false;
  const abs = resolve(cwd, o.path);
  const s = statSync(abs, { throwIfNoEntry: false });
  if (!s || !s.isFile() || s.size <= o.size) return false;
  let fd: number | undefined;
  try {
    fd = openSync(abs, "r");
    const tail = Buffer.alloc(s.size - o.size + 8);
    const n = readSync(fd, tail, 0, tail.length, o.size - 8);
    const text = tail.subarray(0, n).toString("latin1");
    return text.slice(0, 8).includes("%%EOF") && text.includes("/ByteRange", 8);
  } catch {
    return false; // unreadable: rebuilt as any changed file is
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The documents an assessment's previous build wrote in a format this build writes too, but no longer
 * writes (bieu-cham-diem.* once an electronic build puts the score table in bao-cao.*): removed when
 * they are still as that build left them, so no stale document (the paper one, its number filled in)
 * stays beside the new ones. One changed since (saved from Word) is the user's and is left alone, and so
 * is a format this build does not write (`--no-pdf` keeps the PDFs of the last full build).
 */
function removeDropped(cwd: string, previous: OutputRecord[] | undefined, written: readonly string[], formats: readonly string[]): void {
  if (!Array.isArray(previous)) return;
  const now = new Set(written.map((o) => resolve(o)));
  for (const o of previous) {
    if (!o || typeof o.path !== "string" || !formats.some((f) => o.path.endsWith(`.${f}`))) continue;
    if (!now.has(resolve(cwd, o.path)) && asWritten(cwd, o)) rmSync(resolve(cwd, o.path), { force: true });
  }
}

/**
 * chamdiem.yaml's `signature_image` and `seal_image` (electronic builds only; a paper build ignores
 * them), read as any input is: a file that cannot be read is its CD101 or CD103. Whether each is a
 * PNG the writer can draw is known when it draws it (CD855, CD856 at the setting).
 */
function readSigningImages(cli: Cli, config: Config, electronic: boolean): { images?: SignatureImages; origins: ImageOrigins; diagnostics: Diagnostic[] } {
  const origins: ImageOrigins = {};
  const diagnostics: Diagnostic[] = [];
  if (!electronic || !config.images) return { origins, diagnostics };
  const images: SignatureImages = {};
  for (const which of ["signer", "seal"] as const) {
    const set = config.images[which];
    if (!set) continue;
    const input = readInputFile(set.path, cli.cwd, cli.world.fs);
    if (input.diagnostics) {
      diagnostics.push(...input.diagnostics);
      continue;
    }
    images[which] = input.bytes;
    origins[which] = { file: input.path, setting: set.setting, pos: set.pos };
  }
  return { images, origins, diagnostics };
}

function recordOf(abs: string, cwd: string): OutputRecord {
  const s = statSync(abs);
  return { path: displayPath(abs, cwd), size: s.size, mtime: s.mtimeMs, ctime: s.ctimeMs };
}

export async function runBuild(cli: Cli): Promise<number> {
  const config = loadConfig(cli.cwd, cli.world.fs);
  const outDir = resolve(cli.cwd, cli.args.values.out ?? "output");
  if (isInside(outDir, resolve(cli.cwd, "content"))) throw new UsageError(cli.m.badValue("out", cli.args.values.out ?? ""));
  // Appraisals are built with their assessment (src/review/companions.ts), never on their own.
  const { rubricFiles, assessments: assessmentFiles, diagnostics: found } = planInputs(cli);

  // `--mode` overrides chamdiem.yaml's `mode` for this build.
  const flag = cli.args.values.mode;
  if (flag !== undefined && !(MODES as readonly string[]).includes(flag)) throw new UsageError(cli.m.badValue("mode", flag));
  const mode = (flag as DocumentMode | undefined) ?? config.mode;
  // `attachments` says something only in electronic mode: a paper build hashes (and composes) as before.
  const electronic = mode === "electronic" ? { mode, attachments: config.attachments } : {};

  const formats = cli.args.flags.has("no-pdf")
    ? config.formats.filter((f) => f !== "pdf")
    : cli.args.flags.has("no-docx")
      ? config.formats.filter((f) => f !== "docx")
      : config.formats;
  // The configured fonts, once, before anything is built (font-check.ts): a font the PDFs need that
  // cannot be used stops the build with a diagnostic at its setting.
  const fontCheck = checkFonts(cli.cwd, config.fonts, formats.includes("pdf"), cli.world.fs);
  if (fontCheck.fatal) {
    report(cli, uniqueDiagnostics([...found, ...fontCheck.diagnostics]), [], [], 0);
    return 1;
  }
  // The signing images (electronic only), read once: one that cannot be read stops the build at its setting.
  const images = readSigningImages(cli, config, electronic.mode === "electronic");
  if (images.diagnostics.length > 0) {
    report(cli, uniqueDiagnostics([...found, ...fontCheck.diagnostics, ...images.diagnostics]), [], [], 0);
    return 1;
  }
  const sourceDateEpoch = cli.world.env.SOURCE_DATE_EPOCH;
  // The fonts' bytes too: a font file replaced (or repaired) at the same path changes the documents.
  const fontBytes = Object.values(fontCheck.usable).flatMap((p) => [p, loadFont(p, fontReader(cli.world.fs)).bytes]);
  const depsHash = hashAll([
    toolId(),
    JSON.stringify({ formats, numbers: config.numbers, fonts: config.fonts ?? null, sourceDateEpoch: sourceDateEpoch ?? null, ...electronic }),
    ...fontBytes,
    ...Object.values(images.images ?? {}),
    ...rubricFiles.flatMap((f) => [f, bytesForHash(f, cli.world.fs)]),
  ]);

  const manifestPath = join(outDir, MANIFEST);
  const manifest = readManifest(manifestPath);
  const force = cli.args.flags.has("force");
  const todo: string[] = [];
  const hashes = new Map<string, string>();
  let skipped = 0;
  // Assessments left alone because one of their PDFs was signed after the build (CD860).
  const signedKept: Diagnostic[] = [];
  const list = onceListing(cli.world.fs);
  const roots: EvidenceRoots = new Map();
  for (const f of assessmentFiles) {
    // A file that cannot be read hashes as empty (never recorded as built): the build reports why.
    const h = hashAll([
      depsHash,
      bytesForHash(f, cli.world.fs),
      ...appraisalCompanions([f], (p) => pathExists(p, cli.world.fs)).map((c) => bytesForHash(c, cli.world.fs)),
      ...surveyCompanions([f], list).map((c) => bytesForHash(c, cli.world.fs)),
      // Its evidence files' names, sizes and times (evidence-inputs.ts): a scan added or replaced rebuilds it.
      evidenceStamp(f, cli.cwd, cli.world.fs, roots),
    ]);
    hashes.set(f, h);
    const key = displayPath(f, cli.cwd);
    const entry = manifest.entries[key];
    const outputs = entry && Array.isArray(entry.outputs) ? entry.outputs : [];
    if (!force && entry && entry.hash === h && Array.isArray(entry.outputs) && outputs.every((o) => asWritten(cli.cwd, o))) {
      skipped++;
      continue;
    }
    // A PDF signed since it was built is never overwritten, not even with --force: unchanged inputs
    // (and every other output as written) skip the assessment as if the file were as written; anything
    // else that would rebuild it stops at an error naming the signed file.
    const signed = outputs.filter((o) => !asWritten(cli.cwd, o) && signedAfterBuild(cli.cwd, o));
    if (signed.length === 0) todo.push(f);
    else if (!force && entry!.hash === h && outputs.every((o) => signed.includes(o) || asWritten(cli.cwd, o))) skipped++;
    else for (const o of signed) signedKept.push(diag("CD860", { file: key, line: 1, column: 1 }, { path: o.path, assessment: key }));
  }
  // A killed build leaves its marker (written before any output): the next build, whether it has work
  // or not, then removes the temporary files the killed one left (a look through every output folder:
  // 15 ms for 1 000, too much to pay on every build).
  const running = join(outDir, RUNNING);
  if (existsSync(running)) removeStaleTemps(outDir, 2, cli.world.clock.now());
  if (todo.length > 0) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(running, `${process.pid}\n`);
  }

  const base: Omit<BuildTask, "assessmentFiles"> = {
    cwd: cli.cwd,
    outDir,
    rubricFiles,
    formats,
    numbers: config.numbers,
    ...electronic,
    ...(images.images ? { signatureImages: images.images, imageOrigins: images.origins } : {}),
    ...(Object.keys(fontCheck.usable).length ? { fonts: fontCheck.usable } : {}),
    ...(Object.keys(fontCheck.origins).length ? { fontOrigins: fontCheck.origins, reportedMissing: fontCheck.reportedMissing } : {}),
    ...(sourceDateEpoch ? { sourceDateEpoch } : {}),
    env: cacheEnv(cli.world.env),
  };
  const bar = progress(cli, todo.length);
  // The manifest is saved as tasks finish (at most once a second), so that a build killed or
  // interrupted half-way is resumed by the next one instead of started again.
  const clock = cli.world.clock;
  let saved = clock.now();
  const record = (r: BuildTaskResult) => {
    for (const b of r.built) {
      const key = displayPath(b.file, cli.cwd);
      removeDropped(cli.cwd, manifest.entries[key]?.outputs, b.outputs, formats);
      manifest.entries[key] = { hash: hashes.get(b.file)!, outputs: b.outputs.map((o) => recordOf(o, cli.cwd)) };
    }
    for (const f of r.refused) delete manifest.entries[displayPath(f, cli.cwd)];
    if (clock.now() - saved >= SAVE_EVERY_MS) {
      writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 1) + "\n");
      saved = clock.now();
    }
  };
  const results = todo.length === 0 ? [] : await execute(cli, base, todo, bar.advance, record);
  bar.done();

  // Merge: rubric diagnostics come back from every batch; report each once.
  const diagnostics = uniqueDiagnostics([...found, ...fontCheck.diagnostics, ...signedKept, ...results.flatMap((r) => r.diagnostics)]);
  const built = results.flatMap((r) => r.built);
  const refused = results.flatMap((r) => r.refused);
  if (built.length > 0 || refused.length > 0) writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 1) + "\n");
  rmSync(running, { force: true });

  report(cli, diagnostics, built, refused, skipped);
  return countBySeverity(diagnostics).error > 0 || refused.length > 0 ? 1 : 0;
}

async function execute(
  cli: Cli,
  base: Omit<BuildTask, "assessmentFiles">,
  todo: string[],
  advance: (n: number) => void,
  record: (r: BuildTaskResult) => void,
): Promise<BuildTaskResult[]> {
  const jobs = jobCount(cli.args.values.jobs);
  const worker = workerScript();
  if (todo.length < POOL_THRESHOLD || jobs === 1 || !worker) {
    const out: BuildTaskResult[] = [];
    for (const chunk of chunked(todo, 1, CHUNK)) {
      const r = await runBuildTask({ ...base, assessmentFiles: chunk }, cli.world.fs);
      out.push(r);
      record(r);
      advance(chunk.length);
    }
    return out;
  }
  const tasks = chunked(todo, jobs, CHUNK).map((chunk) => ({ ...base, assessmentFiles: chunk }));
  let oom = 0;
  return runOnPool<BuildTask, BuildTaskResult>(worker, jobs, tasks, (t, r) => (record(r), advance(t.assessmentFiles.length)), {
    heapLimits: workerHeapLimits(cli.world.env),
    runHere: runBuildTask,
    onOutOfMemory: () => oom++,
  }).finally(() => {
    if (oom > 0 && !cli.args.flags.has("quiet")) cli.stderr(cli.m.workerOutOfMemory(oom));
  });
}

function report(cli: Cli, diagnostics: Diagnostic[], built: BuildTaskResult["built"], refused: string[], skipped: number): void {
  const counts = countBySeverity(diagnostics);
  if (cli.format === "json") {
    cli.stdout(
      JSON.stringify(
        {
          diagnostics: diagnostics.map((d) => toJson(d, cli.lang)),
          built: built.map((b) => ({ file: displayPath(b.file, cli.cwd), outputs: b.outputs.map((o) => displayPath(o, cli.cwd)), total: b.total / 100 })),
          refused: refused.map((f) => displayPath(f, cli.cwd)),
          skipped,
          counts,
        },
        null,
        2,
      ),
    );
    return;
  }
  if (cli.format === "github") {
    if (diagnostics.length) cli.stdout(formatGithub(diagnostics, cli.lang));
  } else if (diagnostics.length) {
    cli.stderr(formatText(diagnostics, cli.lang, cli.color));
  }
  if (cli.format !== "text" || cli.args.flags.has("quiet")) return;
  const m = cli.m;
  // One line per document set: always in logs (not a terminal); on a terminal the bar showed progress.
  if (!cli.isTTY || built.length <= 20) {
    for (const b of built)
      cli.stdout(
        m.built(
          displayPath(b.file, cli.cwd),
          formatHundredths(b.total),
          b.outputs.map((o) => displayPath(o, cli.cwd)),
        ),
      );
  }
  for (const f of refused) cli.stdout(m.refused(displayPath(f, cli.cwd)));
  cli.stdout(m.buildCounts(built.length, skipped, refused.length, counts.error, counts.warning));
}

/** The tool's identity for incremental builds: its version and the bytes of the running bundle. */
function toolId(): string {
  // zlib's version too: the deflated bytes of both writers depend on it.
  const version = (typeof CHAMDIEM_VERSION === "string" ? CHAMDIEM_VERSION : "dev") + ":zlib " + process.versions.zlib;
  try {
    return version + ":" + hashAll([readFileSync(fileURLToPath(import.meta.url))]);
  } catch {
    return version;
  }
}

function hashAll(parts: (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(p);
    h.update("\u0000");
  }
  return h.digest("hex");
}

function readManifest(path: string): Manifest {
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    if (m.version === 2 && m.entries && typeof m.entries === "object") return m;
  } catch {
    // missing, damaged or of an earlier version: rebuild everything
  }
  return { version: 2, entries: {} };
}

function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + "/") || child.startsWith(parent + "\\");
}
