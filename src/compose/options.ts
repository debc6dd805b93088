import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DocModel, MeasureText } from "../document/model.js";
import type { EvidencePlan } from "../model/evidence.js";
import type { NumberFormat } from "../model/points.js";

export interface ComposeOptions {
  /** Text measurement (rule lengths, column widths): the PDF engine's fonts, or a fake in tests. */
  measure: MeasureText;
  /** Notation of scores and measured values ("10,00" by default: VI_NUMBERS). */
  numbers: NumberFormat;
  /** ISO 8601 timestamp recorded as the documents' date (meta); never read from the clock here. */
  date: string;
  /**
   * The assessment's evidence, when it has a pack (src/check/evidence-plan.ts): the score table then
   * says on which page of the pack each criterion's documents start ("(tr. 12)").
   */
  evidence?: EvidencePlan;
  /**
   * Paper (absent: today's documents) or electronic (NĐ 30 Phụ lục I): the number and the date are left
   * as blanks for the document system to fill, the attachments' "(Kèm theo Báo cáo số …)" line with
   * them, and the signing slots are marked on their paragraphs (Paragraph.slot).
   */
  mode?: DocumentMode;
  /**
   * Electronic only: the score table in the report's file (absent: "same-file"; its sections restart
   * the page numbers) or in a file of its own ("separate"; its first page carries the organisation's
   * signature box, Section.attachmentSignature).
   */
  attachments?: AttachmentMode;
}

export type DocumentMode = "paper" | "electronic";
export type AttachmentMode = "same-file" | "separate";

/** The options' mode as a flag (absent = paper). */
export function isElectronic(opts: Pick<ComposeOptions, "mode">): boolean {
  return opts.mode === "electronic";
}

export interface ComposeResult {
  doc: DocModel;
  diagnostics: Diagnostic[];
}
