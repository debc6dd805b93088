/**
 * What composing the documents reports about an assessment, without composing them: every Markdown
 * text the documents print, through the same handlers (renderMarkdown: CD601–CD608, CD610; the body
 * with its {{…}} placeholders), and the report's "Như trên" rule (CD609). `check` and `summary` report
 * these as `build` does, so a file `check` passes is a file `build` builds (issue 13).
 *
 * The texts are the ones compose prints, each once: the report body; for every row of the score table
 * the node's justification, its options' justifications and the appraisal's opinion (score-rows.ts).
 * test/first-week.test.ts checks that these diagnostics are exactly those of composing the documents.
 * Composing the score table in full costs ≈ 1 ms per assessment (its rows and text fitting); this ≈ 0,1.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { VI_NUMBERS, type NumberFormat } from "../model/points.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { renderMarkdown, type MarkdownStyle } from "./markdown/index.js";
import { reportPlaceholders } from "./placeholders.js";
import { lacksAsAbove } from "./report.js";

/** Diagnostics do not depend on the style a text is set in. */
const ANY_STYLE: MarkdownStyle = { paragraph: { align: "left", size: 12 }, run: { size: 12 }, width: 9000 };

export function composeDiagnostics(scored: ScoredAssessment, numbers: NumberFormat = VI_NUMBERS): Diagnostic[] {
  const out: Diagnostic[] = [];
  const r = scored.assessment.report;
  renderMarkdown(r.body, ANY_STYLE, out, reportPlaceholders(scored, numbers));
  if (lacksAsAbove(r)) out.push(diag("CD609", r.source));
  for (const n of scored.items) rowTexts(n, out);
  return out;
}

function rowTexts(n: ScoredNode, out: Diagnostic[]): void {
  if (n.justification) renderMarkdown(n.justification, ANY_STYLE, out);
  for (const o of n.options ?? []) if (o.justification) renderMarkdown(o.justification, ANY_STYLE, out);
  if (n.appraisal?.opinion) renderMarkdown(n.appraisal.opinion, ANY_STYLE, out);
  for (const c of n.children ?? []) rowTexts(c, out);
}
