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
}

export interface ComposeResult {
  doc: DocModel;
  diagnostics: Diagnostic[];
}
