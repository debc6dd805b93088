/**
 * `chamdiem show [--plain] FILE`: print an assessment (scored), an appraisal or a rubric in the stable
 * line-per-criterion text form (src/review/plain-text.ts), or as JSON with --format json.
 *
 * Made to be git's textconv for YAML inputs (docs/review.md):
 *   .gitattributes:  content/**\/*.yaml diff=chamdiem
 *   git config diff.chamdiem.textconv "npx chamdiem show --plain"
 * git runs it on temporary copies of old blobs, in the repository's top folder, so rubrics are looked
 * up in content/rubrics there (or --rubrics). With --plain it never fails: a file it cannot read is
 * printed as it is, and the exit status is 0, so `git diff` always works.
 */
import { lstatSync } from "node:fs";
import { resolve } from "node:path";
import { runChecks } from "../../check/run-checks.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { formatText } from "../../diagnostics/format.js";
import type { ScoredNode } from "../../model/scored.js";
import { plainAppraisal, plainAssessment, plainRubric } from "../../review/plain-text.js";
import { UsageError } from "../args.js";
import { diskValidatorCache } from "../cache.js";
import type { Cli } from "../context.js";
import { findYamlFiles, readInputFile, readInputs, rubricDirsFor } from "../files.js";

export function runShow(cli: Cli): number {
  const plain = cli.args.flags.has("plain");
  const [file, ...extra] = cli.args.positional;
  if (!file || extra.length > 0) throw new UsageError(cli.m.showUsage);
  const abs = resolve(cli.cwd, file);
  if (!pathExists(abs)) throw new UsageError(cli.m.missingPath(file));
  // A file that cannot be read (a folder, a FIFO, too large…) is reported by runChecks, like any input.
  const input = readInputFile(abs, cli.cwd, cli.fs);
  const bytes = input.bytes;
  const rubricDirs = cli.args.values.rubrics ? [resolve(cli.cwd, cli.args.values.rubrics)] : rubricDirsFor([abs], cli.cwd);
  const rubricFiles = findYamlFiles(rubricDirs, cli.cwd, cli.fs).files.filter((f) => f !== abs);
  const path = input.path;
  const result = runChecks([input, ...readInputs(rubricFiles, cli.cwd, cli.fs)], { validatorCache: diskValidatorCache(cli.env) });

  const assessment = result.assessments.find((a) => a.file === path);
  const appraisal = result.appraisals.find((a) => a.file === path);
  const rubric = result.rubrics.find((r) => r.file === path);
  const diagnostics = [...(assessment?.diagnostics ?? []), ...(appraisal?.diagnostics ?? []), ...(rubric?.diagnostics ?? []), ...result.others.filter((o) => o.file === path).flatMap((o) => o.diagnostics)];

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

function pathExists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
