/**
 * What a command reads: the files named on the command line (default: content/), each assessment's
 * appraisal and its folder's survey files with it, and the rubrics they need. Shared by check, build and summary.
 */
import { resolve } from "node:path";
import { uniqueDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isAppraisalPath } from "../model/appraisal.js";
import { isSurveyPath } from "../model/survey.js";
import { withCompanions } from "../review/companions.js";
import { UsageError } from "./args.js";
import type { Cli } from "./context.js";
import { findYamlFiles, onceListing, pathExists, rubricDirsFor } from "./files.js";

export interface InputPlan {
  /** Named files and their companions, without rubrics (absolute, sorted). */
  files: string[];
  /** Rubrics: every file of the rubric folders, and named files inside a `rubrics` folder. */
  rubricFiles: string[];
  /** `files` without appraisals and survey files. */
  assessments: string[];
  /** Folders that could not be listed, links that lead nowhere (src/cli/files.ts findYamlFiles). */
  diagnostics: Diagnostic[];
}

const IN_RUBRICS_FOLDER = /(^|[/\\])rubrics[/\\]/;

export function planInputs(cli: Cli): InputPlan {
  const paths = cli.args.positional.length > 0 ? cli.args.positional : ["content"];
  const found = findYamlFiles(paths, cli.cwd, cli.world.fs);
  if (found.missing.length > 0) throw new UsageError(cli.m.missingPath(found.missing[0]!));
  if (found.files.length === 0 && found.problems.length === 0) throw new UsageError(cli.m.noFiles);
  const named = withCompanions(found.files, (p) => pathExists(p, cli.world.fs), onceListing(cli.world.fs));
  const rubricDirs = cli.args.values.rubrics ? [resolve(cli.cwd, cli.args.values.rubrics)] : rubricDirsFor(named, cli.cwd, cli.world.fs);
  const rubricsFound = findYamlFiles(rubricDirs, cli.cwd, cli.world.fs);
  const rubricSet = new Set([...rubricsFound.files, ...named.filter((f) => IN_RUBRICS_FOLDER.test(f))]);
  const files = named.filter((f) => !rubricSet.has(f));
  const diagnostics = uniqueDiagnostics([...found.problems, ...rubricsFound.problems]);
  return { files, rubricFiles: [...rubricSet].sort(), assessments: files.filter((f) => !isAppraisalPath(f) && !isSurveyPath(f)), diagnostics };
}
