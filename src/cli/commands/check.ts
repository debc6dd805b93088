/**
 * `chamdiem check [paths…]`: validate rubrics and assessments and print a score summary per assessment.
 */
import { resolve } from "node:path";
import { runChecks, type AssessmentResult, type CheckResult } from "../../check/run-checks.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { countBySeverity, formatGithub, formatText, toJson } from "../../diagnostics/format.js";
import { formatHundredths } from "../../model/points.js";
import { UsageError } from "../args.js";
import type { Cli } from "../context.js";
import { diskValidatorCache } from "../cache.js";
import { findYamlFiles, readInputs, rubricDirsFor } from "../files.js";

/** Find, read and check the inputs named on the command line (default: content/). */
export function loadAndCheck(cli: Cli): CheckResult {
  const paths = cli.args.positional.length > 0 ? cli.args.positional : ["content"];
  const { files, missing } = findYamlFiles(paths, cli.cwd);
  if (missing.length > 0) throw new UsageError(cli.m.missingPath(missing[0]!));
  if (files.length === 0) throw new UsageError(cli.m.noFiles);
  const rubricDirs = cli.args.values.rubrics ? [resolve(cli.cwd, cli.args.values.rubrics)] : rubricDirsFor(files, cli.cwd);
  const extra = findYamlFiles(rubricDirs, cli.cwd).files.filter((f) => !files.includes(f));
  return runChecks(readInputs([...files, ...extra], cli.cwd), { validatorCache: diskValidatorCache(cli.env) });
}

export function printDiagnostics(cli: Cli, result: CheckResult): void {
  const ds = result.diagnostics;
  if (cli.format === "github") {
    if (ds.length) cli.stdout(formatGithub(ds, cli.lang));
    return;
  }
  if (ds.length) cli.stderr(formatText(ds, cli.lang, cli.color));
}

export function summaryText(cli: Cli, a: AssessmentResult): string {
  const s = a.scored!;
  const lines = [cli.m.summaryHeader(a.file, s.assessment.unit.name, s.assessment.year, s.rubric.id)];
  const rows = s.items.map((n) => [n.node.id, n.node.title, `${formatHundredths(n.score)} / ${formatHundredths(n.node.max)}`]);
  rows.push(["", s.rubric.totalLabel, `${formatHundredths(s.total)} / ${formatHundredths(s.max)}`]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  for (const r of rows) lines.push(`  ${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]!.padStart(16)}`);
  lines.push(`  ${cli.m.classification}: ${s.classification ?? `(${cli.m.noClassification})`}`);
  return lines.join("\n");
}

export function summaryJson(a: AssessmentResult): object {
  const s = a.scored!;
  return {
    file: a.file,
    unit: s.assessment.unit.name,
    year: s.assessment.year,
    rubric: s.rubric.id,
    total: s.total / 100,
    max: s.max / 100,
    classification: s.classification ?? null,
    criteria: s.items.map((n) => ({ id: n.node.id, title: n.node.title, score: n.score / 100, max: n.node.max / 100 })),
    errors: hasErrors(a.diagnostics),
  };
}

export function runCheck(cli: Cli): number {
  const result = loadAndCheck(cli);
  const counts = countBySeverity(result.diagnostics);
  const files = result.rubrics.length + result.assessments.length + result.others.length;
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
