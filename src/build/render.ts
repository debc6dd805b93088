/**
 * One assessment → its documents: compose the report and the score table into the document model,
 * then hand the same models to the writers. Pure apart from the fonts it is given; the CLI writes
 * the bytes to disk.
 */
import { composeReport, composeScoreTable } from "../compose/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DocModel } from "../document/model.js";
import { createMeasurer, type FontSet } from "../fonts/index.js";
import type { NumberFormat } from "../model/points.js";
import type { ScoredAssessment } from "../model/scored.js";

export type OutputFormat = "docx" | "pdf";

export interface RenderOptions {
  fonts: FontSet;
  numbers: NumberFormat;
  /** ISO timestamp written into every file (reproducible builds). */
  date: string;
  formats: readonly OutputFormat[];
}

export interface RenderedFile {
  /** File name inside the assessment's output folder, e.g. "bao-cao.docx". */
  name: string;
  bytes: Uint8Array;
}

/** The two documents, with their stable output names (without extension). */
export const DOCUMENTS = [
  { name: "bao-cao", compose: composeReport },
  { name: "bieu-cham-diem", compose: composeScoreTable },
] as const;

export async function renderAssessment(scored: ScoredAssessment, opts: RenderOptions): Promise<{ files: RenderedFile[]; diagnostics: Diagnostic[] }> {
  const measure = createMeasurer(opts.fonts);
  const files: RenderedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const d of DOCUMENTS) {
    const { doc, diagnostics: ds } = d.compose(scored, { measure, numbers: opts.numbers, date: opts.date });
    diagnostics.push(...ds);
    for (const format of opts.formats) files.push({ name: `${d.name}.${format}`, bytes: await write(format, doc, opts.fonts) });
  }
  return { files, diagnostics };
}

/** Writers are loaded on first use: a docx-only build never loads pdf-lib, a check loads neither. */
async function write(format: OutputFormat, doc: DocModel, fonts: FontSet): Promise<Uint8Array> {
  if (format === "docx") return (await import("../write/docx/index.js")).writeDocx(doc);
  return (await import("../write/pdf/index.js")).writePdf(doc, fonts);
}

/**
 * The timestamp of a build: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the report's
 * own date at midnight UTC, so the same inputs always give the same bytes.
 */
export function buildDate(sourceDateEpoch: string | undefined, reportDate: string): string {
  if (sourceDateEpoch && /^\d{1,12}$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1000).toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(reportDate)) return `${reportDate}T00:00:00.000Z`;
  return "1980-01-01T00:00:00.000Z";
}
