/**
 * `chamdiem show [--plain] FILE`: print an assessment (scored), an appraisal or a rubric in the stable
 * line-per-criterion text form (src/review/plain-text.ts), or as JSON with --format json.
 *
 * Made to be git's textconv for YAML inputs (docs/review.md):
 *   .gitattributes:  content/**\/*.yaml diff=chamdiem
 *   git config diff.chamdiem.textconv "node --v8-pool-size=1 dist/chamdiem.cjs show --plain"
 * (in a project that installs chamdiem as a package: "node_modules/.bin/chamdiem show --plain").
 * git starts one process per file and revision, so the command must start fast: the bundle directly,
 * never `npx chamdiem` (npm's own start-up: ≈ 0,6 s more per file). With --plain it prints only the
 * text, by a short path (plainOnly) that skips the checks whose diagnostics it would not print, and
 * keeps the rubric folders' rubrics in the tool cache: ≈ 120 ms for the example instead of ≈ 250 ms
 * (scripts/bench.mjs, "git textconv"; target ≤ 150 ms).
 * git runs it on temporary copies of old blobs, in the repository's top folder, so rubrics are looked
 * up in content/rubrics there (or --rubrics). With --plain it never fails: a file it cannot read is
 * printed as it is, and the exit status is 0, so `git diff` always works.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import rubricSchema from "../../../schema/rubric.schema.json" with { type: "json" };
import { inputKind, type InputKind } from "../../pipeline/input-kind.js";
import { runChecks, type InputFile } from "../../pipeline/run-checks.js";
import { compileSchema, validateWithSchema, type ValidatorCache } from "../../check/schema-validate.js";
import type { Rubric } from "../../model/rubric.js";
import { readAssessment } from "../../read/assessment.js";
import { readRubric } from "../../read/rubric.js";
import { readYaml, type YamlSource } from "../../read/yaml-source.js";
import { checkAppraisalFile } from "../../check/appraisal.js";
import { scoreAssessment } from "../../score/score.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { formatText } from "../../diagnostics/format.js";
import type { ScoredNode } from "../../model/scored.js";
import { plainAppraisal, plainAssessment, plainRubric } from "../../review/plain-text.js";
import { UsageError } from "../args.js";
import { cacheDir, diskValidatorCache } from "../cache.js";
import type { Cli } from "../context.js";
import { findYamlFiles, pathExists, readInputFile, readInputs, rubricDirsFor } from "../files.js";
import { writeFileAtomic } from "../write-atomic.js";

declare const CHAMDIEM_VERSION: string;

export function runShow(cli: Cli): number {
  const plain = cli.args.flags.has("plain");
  const [file, ...extra] = cli.args.positional;
  if (!file || extra.length > 0) throw new UsageError(cli.m.showUsage);
  const abs = resolve(cli.cwd, file);
  if (!pathExists(abs)) throw new UsageError(cli.m.missingPath(file));
  // A file that cannot be read (a folder, a FIFO, too large…) is reported by runChecks, like any input.
  const input = readInputFile(abs, cli.cwd, cli.world.fs);
  const bytes = input.bytes;
  const rubricDirs = cli.args.values.rubrics ? [resolve(cli.cwd, cli.args.values.rubrics)] : rubricDirsFor([abs], cli.cwd, cli.world.fs);
  const rubricFiles = findYamlFiles(rubricDirs, cli.cwd, cli.world.fs).files.filter((f) => f !== abs);
  const path = input.path;
  const validatorCache = diskValidatorCache(cli.world.env);
  // git's textconv: the text only, without the checks that only make diagnostics (plainOnly).
  if (plain && cli.format !== "json") {
    const fast = plainOnly(input, () => readInputs(rubricFiles, cli.cwd, cli.world.fs), validatorCache, diskRubricCache(cli.world.env));
    if (fast !== undefined) {
      cli.stdout(fast);
      return 0;
    }
  }
  const result = runChecks([input, ...readInputs(rubricFiles, cli.cwd, cli.world.fs)], { validatorCache });

  const assessment = result.assessments.find((a) => a.file === path);
  const appraisal = result.appraisals.find((a) => a.file === path);
  const rubric = result.rubrics.find((r) => r.file === path);
  const diagnostics = [
    ...(assessment?.diagnostics ?? []),
    ...(appraisal?.diagnostics ?? []),
    ...(rubric?.diagnostics ?? []),
    ...result.others.filter((o) => o.file === path).flatMap((o) => o.diagnostics),
  ];

  if (cli.format === "json") {
    const data = assessment?.scored
      ? {
          file: path,
          kind: "assessment",
          unit: assessment.scored.assessment.unit.name,
          year: assessment.scored.assessment.year,
          rubric: assessment.scored.rubric.id,
          total: assessment.scored.total / 100,
          max: assessment.scored.max / 100,
          classification: assessment.scored.classification ?? null,
          criteria: assessment.scored.items.map(nodeJson),
        }
      : { file: path, kind: appraisal ? "appraisal" : rubric ? "rubric" : "unknown", text: plainText() };
    cli.stdout(JSON.stringify(data, null, 2));
  } else {
    cli.stdout(plainText());
  }
  if (plain) return 0;
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length) cli.stderr(formatText(errors, cli.lang, cli.color));
  return hasErrors(diagnostics) ? 1 : 0;

  function plainText(): string {
    if (assessment?.scored) return plainAssessment(assessment.scored);
    if (appraisal?.appraisal) return plainAppraisal(appraisal.appraisal);
    if (rubric?.rubric) return plainRubric(rubric.rubric);
    return new TextDecoder().decode(bytes).replace(/\n$/, "");
  }
}

/**
 * The text `show --plain` prints, made with only what the text needs: the file read, the rubric
 * validated against its schema and read, the assessment read and scored. It skips the checks that
 * only add diagnostics (the assessment's schema, wording, citations, Markdown, placeholders, the
 * rubric's own rules), which --plain never prints: about a third of the time of a textconv. Gives
 * the same text as runChecks (test/show-plain-fast.test.ts compares both on every fixture); undefined
 * when the rubric folders hold an appraisal (or, for an appraisal, an assessment), which runChecks
 * would pair with the file: the full path then.
 */
export function plainOnly(input: InputFile, rubricInputs: () => InputFile[], validatorCache?: ValidatorCache, rubricCache?: RubricCache): string | undefined {
  const raw = () => new TextDecoder().decode(input.bytes).replace(/\n$/, "");
  if (input.diagnostics) return raw();
  const read = readYaml(input.path, input.bytes);
  const src = read.source;
  if (!src) return raw();
  const kind = inputKind(src.data);
  if (kind === "rubric") {
    const rubric = rubricOf(src, validatorCache);
    return rubric ? plainRubric(rubric) : raw();
  }
  // A survey file is a plain list of rows already: shown as written.
  if (kind === "unknown" || kind === "survey") return raw();
  const entryOf = (f: InputFile): RubricEntry => {
    const known = rubricCache?.get(f);
    const entry = known ?? rubricEntry(f, validatorCache);
    if (!known) rubricCache?.set(f, entry);
    return entry;
  };
  if (kind === "appraisal") {
    // As runChecks with no assessment among the inputs: the first rubric of each id.
    const byId = new Map<string, Rubric>();
    for (const f of rubricInputs()) {
      if (f.diagnostics) continue;
      const entry = entryOf(f);
      if (entry.kind === "assessment" || entry.kind === "appraisal") return undefined;
      if (entry.rubric && !byId.has(entry.rubric.id)) byId.set(entry.rubric.id, entry.rubric);
    }
    const r = checkAppraisalFile(src, read.diagnostics, byId, new Map(), new Map(), validatorCache);
    return r.appraisal ? plainAppraisal(r.appraisal) : raw();
  }
  const id = String((src.data as Record<string, unknown>).rubric);
  let rubric: Rubric | undefined;
  for (const f of rubricInputs()) {
    if (f.diagnostics || !mayDeclare(f.bytes, id)) continue;
    const entry = entryOf(f);
    if (entry.kind === "appraisal") return undefined;
    // As runChecks: the first rubric of an id is the one used.
    if (!rubric && entry.rubric?.id === id) rubric = entry.rubric;
  }
  if (!rubric) return raw();
  return plainAssessment(scoreAssessment(readAssessment(src).assessment, rubric).scored);
}

/** What a file of the rubric folders is, for plainOnly: its kind, and its rubric when it is a valid one. */
export interface RubricEntry {
  kind: InputKind | "unreadable";
  rubric?: Rubric;
}

function rubricEntry(f: InputFile, validatorCache?: ValidatorCache): RubricEntry {
  const src = readYaml(f.path, f.bytes).source;
  if (!src) return { kind: "unreadable" };
  const kind = inputKind(src.data);
  const rubric = kind === "rubric" ? rubricOf(src, validatorCache) : undefined;
  return rubric ? { kind, rubric } : { kind };
}

export interface RubricCache {
  get(f: InputFile): RubricEntry | undefined;
  set(f: InputFile, entry: RubricEntry): void;
}

/**
 * The rubric folders' entries kept on disk between textconv runs (the tool cache folder, cache.ts),
 * one JSON file per path and content, made by this very build of the tool (its file's size and
 * time): reading a rubric with flow mappings through the yaml library and validating it is the
 * largest part of a textconv (≈ 60 % of `show --plain` of the example), and git runs one process
 * per file. A Rubric is plain data (numbers, strings, arrays, objects), so JSON keeps it whole.
 */
export function diskRubricCache(env: NodeJS.ProcessEnv): RubricCache | undefined {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  let tool = typeof CHAMDIEM_VERSION === "string" ? CHAMDIEM_VERSION : "dev";
  try {
    const st = statSync(fileURLToPath(import.meta.url));
    tool += `-${st.size}-${Math.floor(st.mtimeMs)}`;
  } catch {
    // no file of its own: the version alone
  }
  const file = (f: InputFile) =>
    join(dir, `rubric-${createHash("sha256").update(tool).update("\0").update(f.path).update("\0").update(f.bytes).digest("hex").slice(0, 40)}.json`);
  return {
    get(f) {
      try {
        const entry = JSON.parse(readFileSync(file(f), "utf8")) as RubricEntry;
        return typeof entry?.kind === "string" ? entry : undefined;
      } catch {
        return undefined;
      }
    },
    set(f, entry) {
      try {
        writeFileAtomic(file(f), JSON.stringify(entry));
      } catch {
        // read-only install: run without a cache
      }
    },
  };
}

/** The rubric a file holds when it passes the rubric schema (runChecks' checkRubricFile, without checkRubric). */
function rubricOf(src: YamlSource, validatorCache?: ValidatorCache): Rubric | undefined {
  if (validateWithSchema(compileSchema(rubricSchema, validatorCache), src).length > 0) return undefined;
  return readRubric(src).rubric;
}

/**
 * False only when the file surely is not the rubric `id`: it has exactly one top-level `id:` line,
 * with a plain value of safe characters, and that value is another id. Spares reading and
 * validating the other years' rubrics of content/rubrics.
 */
function mayDeclare(bytes: Uint8Array, id: string): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const lines = [...text.matchAll(/^id:(.*)$/gm)];
  if (lines.length !== 1) return true;
  const m = /^[ \t]+([A-Za-z0-9._-]+)[ \t]*(?:#.*)?$/.exec(lines[0]![1]!);
  return !m || m[1] === id;
}

function nodeJson(n: ScoredNode): object {
  return {
    id: n.node.id,
    title: n.node.title,
    score: n.score / 100,
    max: n.node.max / 100,
    ...(n.appraisal?.score !== undefined ? { appraised: n.appraisal.score / 100 } : {}),
    ...(n.children ? { items: n.children.map(nodeJson) } : {}),
    ...(n.options ? { chosen: n.options.filter((o) => o.chosen).map((o) => o.option.id) } : {}),
    ...(n.answer?.value !== undefined ? { value: n.answer.value / 100 } : {}),
    ...(n.justification ? { justification: n.justification.text } : {}),
    ...(n.appraisal?.opinion ? { opinion: n.appraisal.opinion.text } : {}),
  };
}
