/**
 * `chamdiem init --rubric ID --unit "NAME" --year YYYY [--from EARLIER.yaml] [--out FILE]`: write a new
 * assessment to fill in (src/review/scaffold.ts), by default content/assessments/<year>/<slug>.yaml.
 * It never overwrites a file: an existing target is an error (exit 1). The schema modeline points at
 * schema/generated/<rubric>.assessment.schema.json, relative to the new file.
 */
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { assessmentSchemaFileName } from "../../check/assessment-schema.js";
import { runChecks } from "../../pipeline/run-checks.js";
import { scaffoldAssessment, slug } from "../../review/scaffold.js";
import { InputError, UsageError } from "../args.js";
import { diskValidatorCache } from "../cache.js";
import type { Cli } from "../context.js";
import { displayPath, findYamlFiles, readInputs, rubricDirsFor } from "../files.js";
import { writeFileAtomic } from "../write-atomic.js";

export function runInit(cli: Cli): number {
  const v = cli.args.values;
  if (cli.args.positional.length > 0) throw new UsageError(cli.m.unknownOption(cli.args.positional[0]!));
  if (!v.rubric || !v.unit || !v.year) throw new UsageError(cli.m.initUsage);
  if (!/^\d{4}$/.test(v.year)) throw new UsageError(cli.m.badValue("year", v.year));
  const unit = v.unit.normalize("NFC").trim();
  if (!unit || !slug(unit)) throw new UsageError(cli.m.badValue("unit", v.unit));
  const year = Number(v.year);

  const fromAbs = v.from ? resolve(cli.cwd, v.from) : undefined;
  if (fromAbs && !existsSync(fromAbs)) throw new UsageError(cli.m.missingPath(v.from!));
  const rubricDirs = v.rubrics ? [resolve(cli.cwd, v.rubrics)] : rubricDirsFor(fromAbs ? [fromAbs] : [], cli.cwd, cli.world.fs);
  const rubricFiles = findYamlFiles(rubricDirs, cli.cwd, cli.world.fs).files.filter((f) => f !== fromAbs);
  const inputs = readInputs([...rubricFiles, ...(fromAbs ? [fromAbs] : [])], cli.cwd, cli.world.fs);
  // An earlier assessment that cannot be read (a folder, a FIFO, too large…): say why, at its place.
  const fromProblems = fromAbs ? inputs[inputs.length - 1]!.diagnostics : undefined;
  if (fromProblems) throw new InputError(fromProblems);
  const result = runChecks(inputs, { validatorCache: diskValidatorCache(cli.world.env) });
  const rubric = result.rubrics.find((r) => r.rubric?.id === v.rubric)?.rubric;
  if (!rubric) {
    const known = result.rubrics.flatMap((r) => (r.rubric ? [r.rubric.id] : [])).join(", ");
    throw new UsageError(cli.m.initNoRubric(v.rubric, known));
  }
  let from: Parameters<typeof scaffoldAssessment>[0]["from"];
  if (fromAbs) {
    const a = result.assessments.find((x) => x.file === displayPath(fromAbs, cli.cwd));
    if (!a?.assessment) throw new UsageError(cli.m.initBadFrom(v.from!));
    from = { assessment: a.assessment, file: displayPath(fromAbs, cli.cwd).split("/").pop()!, ...(a.scored ? { scored: a.scored } : {}) };
  }

  const target = resolve(cli.cwd, v.out ?? join("content", "assessments", String(year), `${slug(unit)}.yaml`));
  if (existsSync(target)) {
    cli.stderr(cli.m.initExists(displayPath(target, cli.cwd)));
    return 1;
  }
  const schema = join(cli.cwd, "schema", "generated", assessmentSchemaFileName(rubric.id));
  const schemaPath = relative(dirname(target), schema).split(sep).join("/");
  const text = scaffoldAssessment({ rubric, unit, year, schemaPath, ...(from ? { from } : {}) });
  writeFileAtomic(target, text);
  const shown = displayPath(target, cli.cwd);
  if (cli.format === "json") cli.stdout(JSON.stringify({ file: shown, rubric: rubric.id, unit, year, from: v.from ?? null }, null, 2));
  else cli.stdout(cli.m.initWritten(shown));
  return 0;
}
