/**
 * The score table (Biểu chấm điểm), attached to the report: A4 landscape; the agency/motto header
 * without Số and date; the rubric's title and the "(Kèm theo Báo cáo số …)" line; the ruled table in
 * the rubric's declared form (7 columns by default) with its header rows repeated on every page; the TỔNG ĐIỂM row; the rubric's notes below.
 */
import { packPages } from "./evidence-pages.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Block, Section } from "../document/model.js";
import type { ScoredAssessment } from "../model/scored.js";
import { line, table } from "./blocks.js";
import { attachmentHead, attachmentMeta } from "./attachment.js";
import { isElectronic, type ComposeOptions, type ComposeResult } from "./options.js";
import { a4, PAGE_NUMBER, textWidth } from "./page-setup.js";
import { CELL_PADDING, GAP, SIZE, TABLE_BORDER } from "./profile.js";
import { scoreColumns } from "./score-columns.js";
import { bodyRows, headerRows, totalRow, type RowContext } from "./score-rows.js";
import { scoreTableTitleText } from "./title-block.js";

export function composeScoreTable(scored: ScoredAssessment, opts: ComposeOptions): ComposeResult {
  const diagnostics: Diagnostic[] = [];
  const a = scored.assessment;
  const rubric = scored.rubric;
  const page = a4("landscape");
  const width = textWidth(page);
  const form = rubric.table;
  const columns = scoreColumns(scored, form, opts.measure, opts.numbers, width);
  const ctx: RowContext = {
    scored,
    form,
    columns,
    measure: opts.measure,
    numbers: opts.numbers,
    diagnostics,
    ...(opts.evidence ? { evidence: packPages(opts.evidence) } : {}),
  };
  const header = headerRows(form);
  const electronic = isElectronic(opts);

  const blocks: Block[] = [
    ...attachmentHead(a, scoreTableTitleText(rubric, a.year), rubric.source, opts.measure, width, electronic),
    table(columns, [...header, ...bodyRows(scored, ctx), totalRow(scored, ctx)], {
      borders: { width: TABLE_BORDER },
      headerRows: header.length,
      padding: { ...CELL_PADDING },
      source: rubric.source,
    }),
  ];
  rubric.notes.forEach((note, i) => {
    blocks.push(
      line(
        note,
        { size: SIZE.notes },
        { align: "justify", spaceBefore: i === 0 ? GAP.numberRow : 0, spaceAfter: GAP.cellParagraph, lineSpacing: 1 },
        { source: rubric.source },
      ),
    );
  });

  const meta = attachmentMeta(a, scoreTableTitleText(rubric, a.year), opts.date, electronic);
  return { doc: { meta, sections: [{ page, pageNumber: { ...PAGE_NUMBER }, ...attachmentSection(opts), blocks }] }, diagnostics };
}

/**
 * What an attachment's (first) section says about its file: nothing on paper; electronic, in the
 * report's file, its pages numbered from 1 again (NĐ 30: an appendix is numbered apart from its
 * document); electronic, in a file of its own, the organisation's signature box on its first page.
 */
export function attachmentSection(opts: Pick<ComposeOptions, "mode" | "attachments">): Pick<Section, "restartPageNumbers" | "attachmentSignature"> {
  if (!isElectronic(opts)) return {};
  return opts.attachments === "separate" ? { attachmentSignature: true } : { restartPageNumbers: true };
}
