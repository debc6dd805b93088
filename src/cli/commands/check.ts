/**
 * `chamdiem check [paths…]`: validate rubrics and assessments and print a score summary per assessment.
 */
import { runChecks, type CheckResult } from "../../pipeline/run-checks.js";
import { sortDiagnostics, uniqueDiagnostics } from "../../diagnostics/diagnostic.js";
import { countBySeverity, formatGithub, formatText, toJson } from "../../diagnostics/format.js";
import type { Cli } from "../context.js";
import { cacheEnv, diskValidatorCache } from "../cache.js";
import { readInputs } from "../files.js";
import { planInputs, type InputPlan } from "../inputs.js";
import type { CheckTask, CheckTaskResult } from "../check-task.js";
import { chunked, jobCount, runShared, workerScript } from "../pool.js";
import { runCheckTask } from "../check-task.js";
import { summaryJson, summaryText } from "../check-summary.js";
import { addEvidenceChecks } from "../evidence-inputs.js";
import { cachedEvidenceReader } from "../evidence-cache.js";

/** Find, read and check the inputs named on the command line (default: content/). */
export function loadAndCheck(cli: Cli): CheckResult {
  const { files, rubricFiles, diagnostics } = planInputs(cli);
  const result = runChecks(readInputs([...new Set([...files, ...rubricFiles])].sort(), cli.cwd, cli.world.fs), {
    validatorCache: diskValidatorCache(cli.world.env),
  });
  result.diagnostics = sortDiagnostics([...diagnostics, ...result.diagnostics]);
  return result;
}

/** From this many files on, checking is spread over worker threads (and memory freed batch by batch). */
const CHECK_POOL_THRESHOLD = 60;

async function runCheckParallel(cli: Cli, { assessments, rubricFiles, diagnostics: found }: InputPlan, worker: string): Promise<number> {
  const jobs = jobCount(cli.args.values.jobs);
  const summaries = cli.format === "json" ? "json" : cli.format === "text" && !cli.args.flags.has("quiet") ? "text" : "none";
  const env = cacheEnv(cli.world.env);
  const tasks: CheckTask[] = chunked(assessments, jobs, 25).map((chunk) => ({
    kind: "check",
    cwd: cli.cwd,
    lang: cli.lang,
    rubricFiles,
    files: chunk,
    summaries,
    env,
  }));
  const results = await runShared<CheckTask, CheckTaskResult>(worker, jobs, tasks, runCheckTask);
  const diagnostics = uniqueDiagnostics([...found, ...results.flatMap((r) => r.diagnostics)]);
  const counts = countBySeverity(diagnostics);
  const all = results.flatMap((r) => r.summaries);
  if (cli.format === "json") {
    cli.stdout(JSON.stringify({ diagnostics: diagnostics.map((d) => toJson(d, cli.lang)), assessments: all, counts }, null, 2));
  } else {
    printDiagnostics(cli, { diagnostics } as CheckResult);
    if (cli.format === "text" && !cli.args.flags.has("quiet")) {
      for (const s of all) cli.stdout(s as string);
      const fileCount = results.reduce((n, r) => n + r.fileCount, 0) + rubricFiles.length;
      cli.stdout(cli.m.counts(fileCount, counts.error, counts.warning));
    }
  }
  return counts.error > 0 ? 1 : 0;
}

export function printDiagnostics(cli: Cli, result: CheckResult): void {
  const ds = result.diagnostics;
  if (cli.format === "github") {
    if (ds.length) cli.stdout(formatGithub(ds, cli.lang));
    return;
  }
  if (ds.length) cli.stderr(formatText(ds, cli.lang, cli.color));
}

export async function runCheck(cli: Cli): Promise<number> {
  const plan = planInputs(cli);
  const worker = workerScript();
  if (plan.files.length >= CHECK_POOL_THRESHOLD && worker && jobCount(cli.args.values.jobs) > 1) {
    return runCheckParallel(cli, plan, worker);
  }
  const result = runChecks(readInputs([...new Set([...plan.files, ...plan.rubricFiles])].sort(), cli.cwd, cli.world.fs), {
    validatorCache: diskValidatorCache(cli.world.env),
  });
  await addEvidenceChecks(result, cli.cwd, cachedEvidenceReader(cli.world.env), cli.world.fs);
  // Folders that could not be listed, broken links: found before any file was read.
  result.diagnostics = sortDiagnostics([...plan.diagnostics, ...result.diagnostics]);
  const counts = countBySeverity(result.diagnostics);
  const pairedAppraisals = result.appraisals.filter((r) => r.assessmentFile).length;
  const files = result.rubrics.length + result.assessments.length + result.others.length + pairedAppraisals;
  if (cli.format === "json") {
    cli.stdout(
      JSON.stringify(
        {
          diagnostics: result.diagnostics.map((d) => toJson(d, cli.lang)),
          assessments: result.assessments.filter((a) => a.scored).map(summaryJson),
          counts,
        },
        null,
        2,
      ),
    );
  } else {
    printDiagnostics(cli, result);
    if (cli.format === "text" && !cli.args.flags.has("quiet")) {
      for (const a of result.assessments) if (a.scored) cli.stdout(summaryText(cli, a));
      cli.stdout(cli.m.counts(files, counts.error, counts.warning));
    }
  }
  return counts.error > 0 ? 1 : 0;
}
