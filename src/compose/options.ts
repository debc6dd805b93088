import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DocModel, MeasureText } from "../document/model.js";
import type { NumberFormat } from "../model/points.js";

export interface ComposeOptions {
  /** Text measurement (rule lengths, column widths): the PDF engine's fonts, or a fake in tests. */
  measure: MeasureText;
  /** Notation of scores and measured values ("10,00" by default: VI_NUMBERS). */
  numbers: NumberFormat;
  /** ISO 8601 timestamp recorded as the documents' date (meta); never read from the clock here. */
  date: string;
}

export interface ComposeResult {
  doc: DocModel;
  diagnostics: Diagnostic[];
}
