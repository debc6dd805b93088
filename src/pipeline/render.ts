/**
 * One assessment → its documents: compose the report and the score table into the document model,
 * then hand the same models to the writers. Pure apart from the fonts it is given; the CLI writes
 * the bytes to disk.
 */
import { DOCUMENTS, isElectronic, type AttachmentMode, type ComposeOptions, type DocumentMode } from "../compose/index.js";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DocModel, Row } from "../document/model.js";
import { createLayoutFonts, createMeasurer, FontFormatError, type FontSet } from "../fonts/index.js";
import { layoutDocument, type LayoutResult } from "../layout/index.js";
import type { FaceKey } from "../fonts/fontset.js";
import { layoutDiagnostics, type FontOrigin } from "./layout-diagnostics.js";
import type { NumberFormat } from "../model/points.js";
import type { ScoredAssessment } from "../model/scored.js";
import type { EvidencePlan } from "../model/evidence.js";
import type { SourcePos } from "../model/source.js";
import { SigningImageError, type SignatureImages } from "../write/pdf/signing-images.js";
import { reportDateBounds } from "../model/report-date.js";

export type OutputFormat = "docx" | "pdf";

export interface RenderOptions {
  fonts: FontSet;
  numbers: NumberFormat;
  /** ISO timestamp written into every file (reproducible builds). */
  date: string;
  formats: readonly OutputFormat[];
  /** The faces set in chamdiem.yaml, for messages (src/cli/font-check.ts). */
  fontOrigins?: Partial<Record<FaceKey, FontOrigin>>;
  /** Characters already reported missing from a face (CD803): not repeated for each document. */
  reportedMissing?: Partial<Record<FaceKey, readonly number[]>>;
  /** The evidence plan, when the assessment has an evidence pack: the score table gives its pages. */
  evidence?: EvidencePlan;
  /** Paper (absent) or electronic documents (chamdiem.yaml `mode`, `build --mode`). */
  mode?: DocumentMode;
  /** Electronic only: the score table in the report's file (absent: same-file) or its own. */
  attachments?: AttachmentMode;
  /** Electronic only: the signer's and the seal's images, drawn in their boxes (chamdiem.yaml). */
  signatureImages?: SignatureImages;
  /** Where each image is set, for CD855/CD856. */
  imageOrigins?: ImageOrigins;
}

/** Where chamdiem.yaml names each signing image (`signature_image`, `seal_image`). */
export type ImageOrigins = Partial<Record<keyof SignatureImages, { file: string; setting: string; pos: SourcePos }>>;

/** The compose options' mode part of render options (absent stays absent: paper composes as it did). */
export function modeOptions(opts: Pick<RenderOptions, "mode" | "attachments">): Pick<ComposeOptions, "mode" | "attachments"> {
  if (opts.mode !== "electronic") return {};
  return { mode: "electronic", attachments: opts.attachments ?? "same-file" };
}

/**
 * An electronic report with its attachments in the same file: the report's sections, then the score
 * table's (which restart the page numbers: compose's attachmentSection), under the report's metadata.
 * One file, one signature (NĐ 30: attachments in the same file are signed once, with the document).
 */
export function sameFile(report: DocModel, attachment: DocModel): DocModel {
  return { meta: report.meta, sections: [...report.sections, ...attachment.sections] };
}

export interface RenderedFile {
  /** File name inside the assessment's output folder, e.g. "bao-cao.docx". */
  name: string;
  bytes: Uint8Array;
}

export async function renderAssessment(scored: ScoredAssessment, opts: RenderOptions): Promise<{ files: RenderedFile[]; diagnostics: Diagnostic[] }> {
  const measure = createMeasurer(opts.fonts);
  const files: RenderedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const mode = modeOptions(opts);
  // Electronic, attachments in the same file: bao-cao.{docx,pdf} hold the score table, no bieu-cham-diem.*.
  const joined = isElectronic(mode) && mode.attachments === "same-file";
  let report: DocModel | undefined;
  for (const d of DOCUMENTS) {
    const { doc: composed, diagnostics: ds } = d.compose(scored, {
      measure,
      numbers: opts.numbers,
      date: opts.date,
      ...(opts.evidence ? { evidence: opts.evidence } : {}),
      ...mode,
    });
    diagnostics.push(...ds);
    if (joined && !report) {
      report = composed;
      continue;
    }
    const doc = joined ? sameFile(report!, composed) : composed;
    const name = joined ? DOCUMENTS[0].name : d.name;
    for (const format of opts.formats) {
      const file = `${name}.${format}`;
      const bytes = await writeDocument(format, doc, opts.fonts, writeContext(file, scored.assessment.file, opts), diagnostics);
      if (bytes) files.push({ name: file, bytes });
      if (bytes && format === "pdf") files.push(...(await signingFiles(name, doc, opts.fonts)));
    }
  }
  return { files, diagnostics };
}

/**
 * An electronic PDF's sidecar, `<name>.ky-so.json` (docs/signing-fields.md): each signing box, its page
 * and rectangle in points and millimetres, for a signing step or a văn thư that places signatures by
 * coordinates. None for a paper document (its layout has no slots).
 */
export async function signingFiles(name: string, doc: DocModel, fonts: FontSet): Promise<RenderedFile[]> {
  const layout = laidOut(doc, fonts);
  if (layout.slots.length === 0 && layout.attachmentPages.length === 0) return [];
  const { signingSidecar } = await import("../write/pdf/index.js");
  const sidecar = signingSidecar(`${name}.pdf`, layout);
  return [{ name: `${name}.ky-so.json`, bytes: new TextEncoder().encode(`${JSON.stringify(sidecar, null, 2)}\n`) }];
}

/** What writing the document `document` (an output file name) made from `file` needs of the render options. */
export function writeContext(document: string, file: string, opts: RenderOptions): WriteContext {
  const context: WriteContext = { document, file, withPdf: opts.formats.includes("pdf") };
  if (opts.fontOrigins) context.fontOrigins = opts.fontOrigins;
  if (opts.reportedMissing) context.reported = opts.reportedMissing;
  if (opts.signatureImages) context.signatureImages = opts.signatureImages;
  if (opts.imageOrigins) context.imageOrigins = opts.imageOrigins;
  return context;
}

export interface WriteContext {
  /** The output file's name, e.g. "bao-cao.pdf". */
  document: string;
  /** The input file the document is made from (diagnostics without a better position point at it). */
  file: string;
  fontOrigins?: Partial<Record<FaceKey, FontOrigin>>;
  reported?: Partial<Record<FaceKey, readonly number[]>>;
  /**
   * The PDF is written too: the .docx then follows its pagination (docxModel). A docx-only build does not
   * lay the document out for it (docs/performance.md, "Page fill").
   */
  withPdf?: boolean;
  /** Images drawn in the signing boxes (electronic documents with slots), and where they are set. */
  signatureImages?: SignatureImages;
  imageOrigins?: ImageOrigins;
}

/** Layouts by document, so the .docx and the PDF of one document share one (see docxModel). */
const layouts = new WeakMap<DocModel, { fonts: FontSet; layout: LayoutResult }>();

function laidOut(doc: DocModel, fonts: FontSet): LayoutResult {
  const known = layouts.get(doc);
  if (known && known.fonts === fonts) return known.layout;
  const layout = layoutDocument(doc, createLayoutFonts(fonts));
  layouts.set(doc, { fonts, layout });
  return layout;
}

/**
 * The model the .docx is written from: the document itself, except that the rows the PDF's pagination
 * split although they are cantSplit (to keep a keep-with-next chain from leaving a page more than a
 * fifth empty: src/layout/pages.ts, KEEP_MAX_GAP) may split in Word too, so Word does not move the
 * chain the PDF kept. Only a document with keep-with-next rows is laid out for it (the score table).
 */
export function docxModel(doc: DocModel, fonts: FontSet): DocModel {
  const keeps = doc.sections.some((s) => s.blocks.some((b) => b.kind === "table" && b.rows.some((r) => r.keepNext)));
  if (!keeps) return doc;
  const split = new Set<Row>(laidOut(doc, fonts).splitRows);
  if (split.size === 0) return doc;
  return {
    ...doc,
    sections: doc.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) =>
        b.kind === "table" && b.rows.some((r) => split.has(r)) ? { ...b, rows: b.rows.map((r) => (split.has(r) ? { ...r, cantSplit: false } : r)) } : b,
      ),
    })),
  };
}

/**
 * One document in one format (the one table of writers: `build` and `summary --write` both write
 * through it), its layout warnings (PDF) added to `diagnostics`. A font found damaged
 * only now (a glyph the validation of font-check.ts does not decode) is an error (CD809) and the
 * document is not written: undefined. Writers are loaded on first use: a docx-only build never loads
 * pdf-lib, a check loads neither.
 */
export async function writeDocument(
  format: OutputFormat,
  doc: DocModel,
  fonts: FontSet,
  ctx: WriteContext,
  diagnostics: Diagnostic[],
): Promise<Uint8Array | undefined> {
  if (format === "docx") return (await import("../write/docx/index.js")).writeDocx(ctx.withPdf ? docxModel(doc, fonts) : doc);
  const { renderPdf } = await import("../write/pdf/index.js");
  try {
    const r = await renderPdf(doc, fonts, { laidOut: laidOut(doc, fonts), ...(ctx.signatureImages ? { signatureImages: ctx.signatureImages } : {}) });
    if (r.warnings.length) diagnostics.push(...layoutDiagnostics(r.warnings, ctx));
    return r.bytes;
  } catch (e) {
    if (e instanceof SigningImageError) {
      // A PNG the writer cannot draw (not a PNG, damaged, a depth it does not take): at its setting.
      const origin = ctx.imageOrigins?.[e.which];
      const at = origin?.pos ?? { file: ctx.file, line: 1, column: 1 };
      diagnostics.push(diag(e.which === "signer" ? "CD855" : "CD856", at, { file: origin?.file ?? e.which, reason: e.reason, document: ctx.document }));
      return undefined;
    }
    if (!(e instanceof FontFormatError)) throw e;
    const origin = Object.values(ctx.fontOrigins ?? {}).find((o) => o && e.message.includes(o.path));
    // What the validation (src/fonts/validate.ts) does not decode: the glyph outlines.
    const what = origin ? e.message.split(`${origin.path}: `).join("") : e.message;
    const detail = { vi: "dữ liệu nét chữ (bảng glyf) không đọc được", en: `its glyph data (table glyf) cannot be read: ${what}` };
    diagnostics.push(
      diag("CD809", origin?.pos ?? { file: ctx.file, line: 1, column: 1 }, {
        setting: origin?.setting ?? "fonts",
        file: origin?.file ?? "Tinos",
        detail,
        document: ctx.document,
      }),
    );
    return undefined;
  }
}

/**
 * The timestamp written into a document (`build` and `summary --write`): SOURCE_DATE_EPOCH when set
 * (reproducible-builds.org), else the data's own date (yyyy-mm-dd: the report's date, or a summary's
 * latest date; a year-only report date is 1 January) at midnight UTC, else 1980-01-01; never the
 * clock, so the same inputs always give the same bytes.
 */
export function buildDate(sourceDateEpoch: string | undefined, dataDate: string): string {
  if (sourceDateEpoch && /^\d{1,12}$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1000).toISOString();
  const day = reportDateBounds(dataDate)?.first;
  if (day) return `${day}T00:00:00.000Z`;
  return "1980-01-01T00:00:00.000Z";
}
