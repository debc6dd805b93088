/**
 * The cover report (Báo cáo), Mẫu 1.4 of NĐ 30/2020: header block, "BÁO CÁO" + summary, optional
 * "Kính gửi", the Markdown body (placeholders filled from the scores), then Nơi nhận + signature.
 * A4 portrait, page numbers from page 2 on.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Block, DocMeta, RunStyle } from "../document/model.js";
import type { ReportMeta } from "../model/assessment.js";
import type { ScoredAssessment } from "../model/scored.js";
import { addresseeBlock } from "./addressees.js";
import { headerBlock, headerColumns } from "./header-block.js";
import { renderMarkdown } from "./markdown/index.js";
import { isElectronic, type ComposeOptions, type ComposeResult } from "./options.js";
import { a4, PAGE_NUMBER, textWidth } from "./page-setup.js";
import { reportPlaceholders } from "./placeholders.js";
import { BODY, FONT, LANGUAGE, SIZE } from "./profile.js";
import { AS_ABOVE, signatureBlock } from "./signature-block.js";
import { reportReference, reportTitle } from "./title-block.js";

const BODY_RUN: RunStyle = { size: SIZE.body };

/** With a "Kính gửi" part the first recipient is "Như trên" (nd30 F): added, with CD609, when the author left it out. */
export function lacksAsAbove(r: Pick<ReportMeta, "to" | "recipients">): boolean {
  return r.to.length > 0 && !/^\s*(-\s*)?như trên/i.test(r.recipients[0] ?? "");
}

export function composeReport(scored: ScoredAssessment, opts: ComposeOptions): ComposeResult {
  const diagnostics: Diagnostic[] = [];
  const a = scored.assessment;
  const r = a.report;
  const page = a4("portrait");
  const width = textWidth(page);
  const electronic = isElectronic(opts);
  const header = { measure: opts.measure, textWidth: width, numberAndDate: true, electronic };

  const blocks: Block[] = [headerBlock(a, header), ...reportTitle(a, opts.measure, width)];
  blocks.push(...addresseeBlock(r.to, opts.measure, width, r.source));
  blocks.push(
    ...renderMarkdown(
      r.body,
      {
        paragraph: {
          align: "justify",
          size: SIZE.body,
          indentFirstLine: BODY.firstLine,
          spaceBefore: 0,
          spaceAfter: BODY.spaceAfter,
          lineSpacing: BODY.lineSpacing,
        },
        run: BODY_RUN,
        width,
      },
      diagnostics,
      reportPlaceholders(scored, opts.numbers, electronic),
    ),
  );

  let recipients = r.recipients;
  if (lacksAsAbove(r)) {
    recipients = [AS_ABOVE, ...recipients];
    diagnostics.push(diag("CD609", r.source));
  }
  blocks.push(signatureBlock(r, recipients, headerColumns(a, header), electronic));

  const meta: DocMeta = {
    title: `Báo cáo: ${r.summary}`,
    subject: reportReference(a, electronic),
    author: a.unit.name,
    language: LANGUAGE,
    date: opts.date,
    font: FONT,
  };
  return { doc: { meta, sections: [{ page, pageNumber: { ...PAGE_NUMBER }, blocks }] }, diagnostics };
}
