/**
 * The evidence index (Danh mục hồ sơ kiểm chứng), attached to the report as the score table is: the
 * same head (attachmentHead: agency block, national name and motto, the title, "(Kèm theo Báo cáo số …)"),
 * then one ruled table of the plan's documents grouped by criterion, in the plan's (rubric) order:
 *
 *   STT | Văn bản | Tệp | Số trang | Trang trong hồ sơ
 *   Tiêu chí 1.1.1: Ban hành Kế hoạch …                    (a group row over every column)
 *    1  | Quyết định số 159/QĐ-UBND ngày 28/01/2020 — về việc … | 159_QĐ-UBND.pdf | 5 (tr. 3–5) | tr. 12
 *
 * The criterion is folded into its group row rather than given a column: every row of a group would
 * repeat it, and the room goes to the documents' titles. STT runs over the whole table; a document
 * cited by several criteria has a row (and an STT) under each, with the same pack page. A document not
 * in the pack (its file has a problem) shows "—" and a numbered note under the table says why.
 *
 * A4 portrait: five columns fit the portrait text width (16,4 cm) with the titles at about 6 cm, the
 * index is bound into the pack (ho-so-kiem-chung.pdf) between the portrait cover and the evidence,
 * which are mostly portrait A4 scans, and a portrait list reads without turning the pack.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Block, Cell, Inline, MeasureText, Row, RunStyle, Twips } from "../document/model.js";
import { evidenceFilePos, type EvidenceDocument, type EvidencePlan, type EvidenceProblem } from "../model/evidence.js";
import { printedLabel } from "../model/rubric.js";
import { walkScored, type ScoredAssessment } from "../model/scored.js";
import type { SourcePos } from "../model/source.js";
import { attachmentHead, attachmentMeta } from "./attachment.js";
import { cell, line, paragraph, row, table, text } from "./blocks.js";
import { isElectronic, type ComposeOptions, type ComposeResult } from "./options.js";
import { a4, PAGE_NUMBER, textWidth } from "./page-setup.js";
import { BODY, CELL_PADDING, GAP, SIZE, TABLE_BORDER } from "./profile.js";
import { widthTwips } from "./text-fit.js";

export const EVIDENCE_INDEX_TITLE = "DANH MỤC HỒ SƠ KIỂM CHỨNG";
export const NO_EVIDENCE = "Không có hồ sơ kiểm chứng.";

/** The column headings, left to right. */
export const EVIDENCE_INDEX_COLUMNS = ["STT", "Văn bản", "Tệp", "Số trang", "Trang trong hồ sơ"] as const;

/** Why a file is not in the pack, as the note under the table says it (EvidenceProblem). */
export const PROBLEM_TEXT: Record<EvidenceProblem | "absent", string> = {
  "lfs-pointer": "tệp chưa được tải về (Git LFS), chưa đưa vào hồ sơ",
  "not-pdf": "tệp không phải PDF hoặc rỗng, không đưa vào hồ sơ",
  unreadable: "tệp PDF bị hỏng, không đọc được, không đưa vào hồ sơ",
  encrypted: "tệp PDF có mật khẩu hoặc bị hạn chế quyền, không ghép vào hồ sơ được",
  "not-image": "tệp không phải ảnh JPEG hoặc PNG đọc được, không đưa vào hồ sơ",
  absent: "tệp không có trong hồ sơ",
};

const S = {
  regular: { size: SIZE.table } satisfies RunStyle,
  bold: { size: SIZE.table, bold: true } satisfies RunStyle,
  mark: { size: SIZE.table, vertAlign: "super" } satisfies RunStyle,
  note: { size: SIZE.notes } satisfies RunStyle,
  noteMark: { size: SIZE.notes, vertAlign: "super" } satisfies RunStyle,
};
const CELL_PARA = { spaceBefore: 0, spaceAfter: 0, lineSpacing: 1 };
const center = { ...CELL_PARA, align: "center" as const };
const left = { ...CELL_PARA, align: "left" as const };

/** Slack added to measured widths of the number columns, as the score table's (score-columns.ts). */
const SLACK: Twips = 60;
/** The narrow columns are at least this wide (1,5 cm), so "Số trang" and "tr. 1234" never crowd. */
const MIN_NUMBER_COLUMN: Twips = 850;
/** "Trang trong hồ sơ" on two lines ("Trang trong" / "hồ sơ") rather than four. */
const MIN_PACK_COLUMN: Twips = 1420;
/**
 * The file column is as wide as its longest file name needs, between these shares of what the narrow
 * columns leave; the documents' titles, the longest texts, get the rest.
 */
const FILE_SHARE = { min: 0.28, max: 0.4 } as const;

/**
 * "3-5" → "tr. 3–5", "12" → "tr. 12", "3-5, 8" → "tr. 3–5, 8"; anything else ("Điều 4") as written.
 * Ranges get an en dash, as Vietnamese print writes them.
 */
export function citedPages(pages: string): string {
  const p = pages.trim();
  if (/^\d+(\s*[-–]\s*\d+)?(\s*[,;]\s*\d+(\s*[-–]\s*\d+)?)*$/.test(p)) {
    return `tr. ${p.replace(/\s*[-–]\s*/g, "–").replace(/\s*([,;])\s*/g, "$1 ")}`;
  }
  return p;
}

/** "Quyết định số 159/QĐ-UBND ngày 28/01/2020 — về việc …": the title, then the summary as cited. */
export function documentText(d: EvidenceDocument): string {
  const summary = d.cited?.summary.trim().replace(/[\s;,:]+$/, "") ?? "";
  return summary ? `${d.title} — ${summary}` : d.title;
}

/** "5", or "5 (tr. 3–5)" with pages cited; "—" when the file's pages are not known (it has a problem). */
export function pagesText(d: EvidenceDocument, pages: string | undefined): string {
  const n = d.info.pages === undefined ? "—" : String(d.info.pages);
  return pages?.trim() ? `${n} (${citedPages(pages)})` : n;
}

/** "tr. 12", the label of the pack page the document starts on; undefined when it is not in the pack. */
export function packPageText(d: EvidenceDocument): string | undefined {
  return d.start === undefined ? undefined : `tr. ${d.start}`;
}

/** "Tiêu chí 1.1.1: Ban hành Kế hoạch …", as the rubric prints the criterion; the plan's label when the rubric lacks the id. */
export function criterionHeading(scored: ScoredAssessment, id: string, label: string): string {
  for (const n of walkScored(scored.items)) if (n.node.id === id) return `Tiêu chí ${printedLabel(n.node)}: ${n.node.title}`;
  return label ? `Tiêu chí ${id}: ${label}` : `Tiêu chí ${id}`;
}

function sourceOf(scored: ScoredAssessment, id: string): SourcePos | undefined {
  for (const n of walkScored(scored.items)) if (n.node.id === id) return n.node.source;
  return undefined;
}

/** Where diagnostics about a document's row point: its file, line 1 (as CD751 does). */
const fileSource = (d: EvidenceDocument): SourcePos => evidenceFilePos(d.file);

function widest(measure: MeasureText, texts: Iterable<string>, style: RunStyle): Twips {
  let w = 0;
  for (const t of texts) w = Math.max(w, widthTwips(measure, t, style));
  return w;
}

/** The five column widths over `width`: the three narrow ones measured, the two text columns sharing the rest. */
export function evidenceColumns(plan: EvidencePlan, measure: MeasureText, width: Twips): Twips[] {
  const pad = CELL_PADDING.left + CELL_PADDING.right;
  const rows = plan.criteria.reduce((n, c) => n + c.items.length, 0);
  // A heading's width: whole ("Số trang" on one line), or its widest word where it may wrap.
  const narrow = (values: string[], heading: string[], min: Twips) =>
    Math.max(min, Math.max(widest(measure, values, S.regular), widest(measure, heading, S.bold)) + pad + SLACK);
  const [, , , pagesHead, packHead] = EVIDENCE_INDEX_COLUMNS;
  const stt = narrow([String(Math.max(rows, 10))], ["STT"], 0);
  const pages = narrow(
    plan.criteria.flatMap((c) => c.items.map((it) => pagesText(plan.documents[it.document]!, it.pages))),
    [pagesHead],
    MIN_NUMBER_COLUMN,
  );
  const pack = narrow(
    plan.documents.map((d) => packPageText(d) ?? "—"),
    packHead.split(" "),
    Math.max(MIN_PACK_COLUMN, widest(measure, ["Trang trong"], S.bold) + pad + SLACK),
  );
  const rest = width - stt - pages - pack;
  const names = widest(
    measure,
    plan.documents.map((d) => d.file.name),
    S.regular,
  );
  const file = Math.min(Math.round(rest * FILE_SHARE.max), Math.max(Math.round(rest * FILE_SHARE.min), names + pad + SLACK));
  return [stt, rest - file, file, pages, pack];
}

/** Note numbers for the problems found, in the order of the rows that show them. */
function problemMarks(plan: EvidencePlan): Map<EvidenceProblem | "absent", number> {
  const marks = new Map<EvidenceProblem | "absent", number>();
  for (const c of plan.criteria) {
    for (const it of c.items) {
      const d = plan.documents[it.document]!;
      if (d.start !== undefined) continue;
      const why = d.info.problem ?? "absent";
      if (!marks.has(why)) marks.set(why, marks.size + 1);
    }
  }
  return marks;
}

function headerRow(): Row {
  return row(
    EVIDENCE_INDEX_COLUMNS.map((h) => cell([line(h, S.bold, center)], "center")),
    true,
    "header",
  );
}

function groupRow(heading: string, source: SourcePos | undefined, span: number): Row {
  const r = row([cell([line(heading, S.bold, left, source ? { source } : {})], "top", { colSpan: span })], true, "group");
  // A criterion's heading never ends a page without its first document.
  r.keepNext = true;
  return r;
}

function documentRow(n: number, d: EvidenceDocument, pages: string | undefined, marks: Map<EvidenceProblem | "absent", number>): Row {
  const source = fileSource(d);
  const pack = packPageText(d);
  const packRuns: Inline[] = [text(pack ?? "—", S.regular)];
  if (pack === undefined) packRuns.push(text(String(marks.get(d.info.problem ?? "absent")), S.mark));
  const cells: Cell[] = [
    cell([line(String(n), S.regular, center)]),
    cell([line(documentText(d), S.regular, left, { source })]),
    cell([line(d.file.name, S.regular, left, { source })]),
    cell([line(pagesText(d, pages), S.regular, center)]),
    cell([paragraph(packRuns, { ...center, size: S.regular.size })]),
  ];
  return row(cells, true, "body");
}

/** The blocks after the head: the table and its notes, or the one sentence of an empty plan. */
export function evidenceIndexBody(scored: ScoredAssessment, plan: EvidencePlan, measure: MeasureText, width: Twips): Block[] {
  const items = plan.criteria.reduce((n, c) => n + c.items.length, 0);
  if (items === 0)
    return [line(NO_EVIDENCE, { size: SIZE.body }, { align: "justify", indentFirstLine: BODY.firstLine, spaceBefore: 0, spaceAfter: 0, lineSpacing: 1 })];
  const columns = evidenceColumns(plan, measure, width);
  const marks = problemMarks(plan);
  const rows: Row[] = [headerRow()];
  let n = 0;
  for (const c of plan.criteria) {
    if (c.items.length === 0) continue;
    rows.push(groupRow(criterionHeading(scored, c.id, c.label), sourceOf(scored, c.id), columns.length));
    for (const it of c.items) rows.push(documentRow(++n, plan.documents[it.document]!, it.pages, marks));
  }
  const blocks: Block[] = [table(columns, rows, { borders: { width: TABLE_BORDER }, headerRows: 1, padding: { ...CELL_PADDING } })];
  let first = true;
  for (const [why, mark] of marks) {
    blocks.push(
      paragraph([text(String(mark), S.noteMark), text(` ${upperFirst(PROBLEM_TEXT[why])}.`, S.note)], {
        align: "justify",
        size: SIZE.notes,
        spaceBefore: first ? GAP.numberRow : 0,
        spaceAfter: GAP.cellParagraph,
        lineSpacing: 1,
      }),
    );
    first = false;
  }
  return blocks;
}

function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

export function composeEvidenceIndex(scored: ScoredAssessment, plan: EvidencePlan, opts: ComposeOptions): ComposeResult {
  const diagnostics: Diagnostic[] = [];
  const a = scored.assessment;
  const page = a4("portrait");
  const width = textWidth(page);
  const electronic = isElectronic(opts);
  const blocks: Block[] = [
    ...attachmentHead(a, EVIDENCE_INDEX_TITLE, a.report.source, opts.measure, width, electronic),
    ...evidenceIndexBody(scored, plan, opts.measure, width),
  ];
  const meta = attachmentMeta(a, "Danh mục hồ sơ kiểm chứng", opts.date, electronic);
  // Electronic: the index is always a file of its own (it is bound into the evidence pack too), so it
  // carries the organisation's signature box on its first page, whatever `attachments` says.
  const signed = electronic ? { attachmentSignature: true } : {};
  return { doc: { meta, sections: [{ page, pageNumber: { ...PAGE_NUMBER }, ...signed, blocks }] }, diagnostics };
}
