/**
 * `chamdiem summary [paths…] [--rubric ID] [--year YYYY] [--format text|markdown|json|csv]
 *                   [--write docx,pdf,xlsx] [--out DIR] [--agency NAME] [--superior NAME]`
 *
 * Consolidates every assessment found (default: content) per rubric and year — one table each —
 * with ranks and counts per class (src/score/consolidate.ts). With --write, also writes the
 * "Biểu tổng hợp" as <out>/<year>/bieu-tong-hop-<rubric>.{docx,pdf,xlsx} (out: output). Its header
 * names the appraising agency of the appraisal files (or --agency/--superior). Dates inside the files
 * are the data's latest date (or SOURCE_DATE_EPOCH), never the clock: the same inputs give the same bytes.
 * Exit status: 0, or 1 when a unit has errors (it is listed without a rank), 2 for usage errors.
 */
import { join, resolve } from "node:path";
import { runChecks } from "../../pipeline/run-checks.js";
import { formatText } from "../../diagnostics/format.js";
import { UsageError } from "../args.js";
import { loadConfig } from "../config.js";
import type { Cli } from "../context.js";
import { readInputs, displayPath } from "../files.js";
import { cacheEnv, diskValidatorCache } from "../cache.js";
import { planInputs } from "../inputs.js";
import { writeFileAtomic } from "../write-atomic.js";
import { consolidate, type SummaryGroup } from "../../score/consolidate.js";
import { hasErrors, uniqueDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { OutputFormat, WriteContext } from "../../pipeline/render.js";
import { checkFonts, fontReader, type FontCheck } from "../font-check.js";
import { chunked, jobCount, runShared, workerScript } from "../pool.js";
import { runSummaryTask, type SummaryTask, type SummaryTaskResult } from "../summary-task.js";
import { summaryRowStore } from "../summary-cache.js";
import { summaryCsv, summaryJson, summaryMarkdown, summaryText } from "../../review/summary-report.js";
import type { Appraiser } from "../../model/appraisal.js";

const WRITABLE = ["docx", "pdf", "xlsx"] as const;
/** Below this many assessments, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 60;
type Writable = (typeof WRITABLE)[number];

export async function runSummary(cli: Cli): Promise<number> {
  const { rubricFiles, assessments, diagnostics: found } = planInputs(cli);
  const year = cli.args.values.year;
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(cli.m.badValue("year", year));
  const write = parseWrite(cli);

  const rubricCheck = runChecks(readInputs(rubricFiles, cli.cwd, cli.world.fs), { validatorCache: diskValidatorCache(cli.world.env) });
  const rubrics = new Map(rubricCheck.rubrics.flatMap((r) => (r.rubric ? [[r.rubric.id, r.rubric] as const] : [])));

  const env = cacheEnv(cli.world.env);
  const jobs = jobCount(cli.args.values.jobs);
  const worker = workerScript();
  const store = summaryRowStore(env, cli.cwd);
  const task = (files: string[]): SummaryTask => ({
    kind: "summary",
    cwd: cli.cwd,
    rubricFiles,
    env,
    files,
    ...(store ? { cached: store.rowsFor(files) } : {}),
  });
  const results: SummaryTaskResult[] =
    assessments.length >= POOL_THRESHOLD && worker && jobs > 1
      ? await runShared<SummaryTask, SummaryTaskResult>(worker, jobs, chunked(assessments, jobs, 25).map(task), async (t) => runSummaryTask(t))
      : [runSummaryTask(task(assessments), cli.world.fs)];
  store?.save(Object.assign({}, ...results.map((r) => r.rows ?? {})));
  const units = results.flatMap((r) => r.units);
  const errors = uniqueDiagnostics([...found.filter((d) => d.severity === "error"), ...results.flatMap((r) => r.diagnostics)]);

  const groups = consolidate(units, rubrics, {
    ...(cli.args.values.rubric ? { rubric: cli.args.values.rubric } : {}),
    ...(year ? { year: Number(year) } : {}),
  });
  if (errors.length && cli.format !== "json" && cli.format !== "csv") cli.stderr(formatText(errors, cli.lang, cli.color));
  if (groups.length === 0) {
    cli.stderr(cli.m.summaryNothing);
    return 1;
  }

  if (cli.format === "json") cli.stdout(JSON.stringify(summaryJson(groups), null, 2));
  else if (cli.format === "markdown") cli.stdout(summaryMarkdown(groups, cli.lang));
  else if (cli.format === "csv") cli.stdout(summaryCsv(groups));
  else cli.stdout(summaryText(groups, cli.lang));

  // The fonts (font-check.ts) and the PDF layout's warnings: on stderr whatever the format, as they
  // say why a file was not written or what is wrong in it.
  const writing: Diagnostic[] = [];
  if (write.length > 0) {
    const appraisers = new Map(units.flatMap((u) => (u.appraiser ? [[u.file, u.appraiser] as const] : [])));
    const outDir = resolve(cli.cwd, cli.args.values.out ?? "output");
    const fonts =
      write.includes("docx") || write.includes("pdf")
        ? checkFonts(cli.cwd, loadConfig(cli.cwd, cli.world.fs).fonts, write.includes("pdf"), cli.world.fs)
        : undefined;
    if (fonts) writing.push(...fonts.diagnostics);
    if (!fonts?.fatal) {
      for (const g of groups) {
        const issuer = issuerOf(cli, g, appraisers);
        const files = await writeGroup(cli, g, write, outDir, issuer, fonts, writing);
        for (const w of files) if (cli.format === "text") cli.stderr(cli.m.schemaWritten(displayPath(w, cli.cwd)));
      }
    }
    if (writing.length) cli.stderr(formatText(uniqueDiagnostics(writing), cli.lang, cli.color));
  }
  return errors.length > 0 || hasErrors(writing) ? 1 : 0;
}

function parseWrite(cli: Cli): Writable[] {
  const v = cli.args.values.write;
  if (v === undefined) return [];
  const list = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const f of list) if (!(WRITABLE as readonly string[]).includes(f)) throw new UsageError(cli.m.badValue("write", f));
  return [...new Set(list as Writable[])];
}

/** --agency/--superior, else the appraising agency most of the group's appraisals name. */
function issuerOf(cli: Cli, g: SummaryGroup, appraisers: ReadonlyMap<string, Appraiser>): Appraiser {
  if (cli.args.values.agency) return { agency: cli.args.values.agency, ...(cli.args.values.superior ? { superior: cli.args.values.superior } : {}) };
  const tally = new Map<string, { a: Appraiser; n: number }>();
  for (const r of g.rows) {
    const a = appraisers.get(r.file);
    if (!a) continue;
    const k = `${a.agency}\u0000${a.superior ?? ""}`;
    tally.set(k, { a, n: (tally.get(k)?.n ?? 0) + 1 });
  }
  const best = [...tally.values()].sort((x, y) => y.n - x.n)[0];
  if (!best) throw new UsageError(cli.m.summaryNeedsAgency);
  return cli.args.values.superior ? { ...best.a, superior: cli.args.values.superior } : best.a;
}

async function writeGroup(
  cli: Cli,
  g: SummaryGroup,
  formats: Writable[],
  outDir: string,
  issuer: Appraiser,
  fontCheck: FontCheck | undefined,
  diagnostics: Diagnostic[],
): Promise<string[]> {
  const config = loadConfig(cli.cwd, cli.world.fs);
  const { buildDate, writeDocument } = await import("../../pipeline/render.js");
  const date = buildDate(cli.world.env.SOURCE_DATE_EPOCH, g.latestDate);
  const stem = `bieu-tong-hop-${g.rubric.id}`;
  const base = join(outDir, String(g.year), stem);
  const written: string[] = [];
  const { composeSummaryTable, summaryTitleText } = await import("../../compose/summary-table.js");
  const documentFormats = (["docx", "pdf"] as const satisfies readonly OutputFormat[]).filter((f) => formats.includes(f));
  if (documentFormats.length > 0) {
    const { createMeasurer, loadFontSet } = await import("../../fonts/index.js");
    const fonts = loadFontSet(fontReader(cli.world.fs), fontCheck && Object.keys(fontCheck.usable).length ? { paths: fontCheck.usable } : {});
    const doc = composeSummaryTable(g, { measure: createMeasurer(fonts), numbers: config.numbers, date, issuer });
    // The writers are the build's (src/pipeline/render.ts writeDocument): one table of formats.
    for (const format of documentFormats) {
      const context: WriteContext = { document: `${stem}.${format}`, file: g.rubric.source.file, withPdf: documentFormats.includes("pdf") };
      if (fontCheck) {
        context.fontOrigins = fontCheck.origins;
        context.reported = fontCheck.reportedMissing;
      }
      const bytes = await writeDocument(format, doc, fonts, context, diagnostics);
      if (bytes) {
        writeFileAtomic(`${base}.${format}`, bytes);
        written.push(`${base}.${format}`);
      }
    }
  }
  if (formats.includes("xlsx")) {
    const { writeSummaryXlsx } = await import("../../review/summary-xlsx.js");
    writeFileAtomic(`${base}.xlsx`, await writeSummaryXlsx([g], { issuer, date, numbers: config.numbers, title: summaryTitleText }));
    written.push(`${base}.xlsx`);
  }
  return written;
}
