/**
 * `chamdiem schema [--check]`: write schema/generated/<rubric>.assessment.schema.json (and
 * <rubric>.appraisal.schema.json) for every rubric;
 * with --check, only verify that the checked-in files are up to date (CI).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assessmentSchemaFileName } from "../../check/assessment-schema.js";
import { assessmentSchemaFor, runChecks } from "../../pipeline/run-checks.js";
import { formatText } from "../../diagnostics/format.js";
import type { Cli } from "../context.js";
import { displayPath, findYamlFiles, readInputs } from "../files.js";
import { writeFileAtomic } from "../write-atomic.js";
import { appraisalSchemaFileName } from "../../check/appraisal-schema.js";
import { appraisalSchemaFor } from "../../check/appraisal.js";

export function runSchema(cli: Cli): number {
  const dir = join(cli.cwd, cli.args.values.rubrics ?? "content/rubrics");
  const { files } = findYamlFiles([dir], cli.cwd, cli.world.fs);
  const result = runChecks(readInputs(files, cli.cwd));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) {
    cli.stderr(formatText(errors, cli.lang, cli.color));
    return 1;
  }
  const check = cli.args.flags.has("check");
  let stale = 0;
  // Per rubric: the assessment schema and the appraisal schema (src/check/appraisal-schema.ts).
  const outputs = result.rubrics.flatMap((r) => [
    { name: assessmentSchemaFileName(r.rubric!.id), schema: assessmentSchemaFor(r.rubric!) },
    { name: appraisalSchemaFileName(r.rubric!.id), schema: appraisalSchemaFor(r.rubric!) },
  ]);
  for (const o of outputs) {
    const target = join(cli.cwd, "schema", "generated", o.name);
    const text = JSON.stringify(o.schema, null, 2) + "\n";
    const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    if (current === text) continue;
    if (check) {
      cli.stderr(cli.m.schemaStale(displayPath(target, cli.cwd)));
      stale++;
    } else {
      writeFileAtomic(target, text);
      cli.stdout(cli.m.schemaWritten(displayPath(target, cli.cwd)));
    }
  }
  if (check && stale === 0) cli.stdout(cli.m.schemaUpToDate(outputs.length));
  return stale > 0 ? 1 : 0;
}
