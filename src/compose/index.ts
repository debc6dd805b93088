/**
 * compose: scored assessment → format-neutral document model (src/document/model.ts), one function
 * per document. Pure: no I/O, no clock (the date comes in the options), measurement injected.
 */
import { composeReport } from "./report.js";
import { composeScoreTable } from "./score-table.js";

export { composeReport, composeScoreTable };

/**
 * The two documents of an assessment, with their stable output names (without extension). An
 * electronic build with its attachments in the same file writes the score table into the report's
 * file (src/pipeline/render.ts, sameFile).
 */
export const DOCUMENTS = [
  { name: "bao-cao", compose: composeReport },
  { name: "bieu-cham-diem", compose: composeScoreTable },
] as const;
export type { AttachmentMode, ComposeOptions, ComposeResult, DocumentMode } from "./options.js";
export { isElectronic } from "./options.js";
export { renderMarkdown, type MarkdownStyle } from "./markdown/index.js";
export { PLACEHOLDER_NAMES, reportPlaceholders } from "./placeholders.js";
export { MOTTO, NATIONAL_NAME } from "./profile.js";
