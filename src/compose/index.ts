/**
 * compose: scored assessment → format-neutral document model (src/document/model.ts), one function
 * per document. Pure: no I/O, no clock (the date comes in the options), measurement injected.
 */
export { composeReport } from "./report.js";
export { composeScoreTable } from "./score-table.js";
export type { ComposeOptions, ComposeResult } from "./options.js";
export { renderMarkdown, type MarkdownStyle } from "./markdown/index.js";
export { PLACEHOLDER_NAMES, reportPlaceholders } from "./placeholders.js";
export { MOTTO, NATIONAL_NAME } from "./profile.js";
