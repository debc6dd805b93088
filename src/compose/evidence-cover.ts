/**
 * The cover of the evidence pack (ho-so-kiem-chung.pdf), its first page:
 *
 *   UBND TỈNH QUẢNG NGÃI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *        VĂN PHÒNG                    Độc lập - Tự do - Hạnh phúc
 *
 *                          HỒ SƠ KIỂM CHỨNG
 *     Kèm theo Báo cáo số 1880/BC-VP ngày 19/11/2021 của Văn phòng UBND tỉnh
 *       về tự đánh giá, chấm điểm công tác dân vận chính quyền của …
 *                             ────────
 *                    Cơ quan, đơn vị: Văn phòng UBND tỉnh
 *                           Năm đánh giá: 2021
 *                        Gồm 64 văn bản, 80 trang
 *
 *                          Quảng Ngãi, năm 2021
 *
 * One A4 portrait page without a page number (the pack numbers it i). The document model has no
 * absolute positions: the place-and-year line reaches the foot of the page by the space above it,
 * computed from an estimate of the height of everything above (COVER.lineEm errs high, and
 * COVER.footSafety is kept free), so the line stays on the page in the PDF and in Word.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Block, MeasureText, Paragraph, RunStyle, Twips } from "../document/model.js";
import type { Assessment } from "../model/assessment.js";
import type { EvidencePlan } from "../model/evidence.js";
import type { ScoredAssessment } from "../model/scored.js";
import { line, linesParagraph } from "./blocks.js";
import { headerBlock } from "./header-block.js";
import { isElectronic, type ComposeOptions, type ComposeResult } from "./options.js";
import { a4, textWidth } from "./page-setup.js";
import { COVER, RULE } from "./profile.js";
import { balancedLinesKeeping, estimateLines, widthTwips } from "./text-fit.js";
import { documentNumber, shortDate } from "./vi-format.js";
import { attachmentMeta } from "./attachment.js";

export const EVIDENCE_COVER_TITLE = "HỒ SƠ KIỂM CHỨNG";

const S = {
  title: { size: COVER.title, bold: true } satisfies RunStyle,
  attached: { size: COVER.text, italic: true } satisfies RunStyle,
  fact: { size: COVER.text } satisfies RunStyle,
  foot: { size: COVER.text, bold: true } satisfies RunStyle,
};

/**
 * The summary as it continues "… của Văn phòng UBND tỉnh": "về tự đánh giá, chấm điểm …" (its first letter
 * in lower case unless the word is an abbreviation, "về" not doubled).
 */
export function aboutSummary(summary: string): string {
  const s = summary.trim().replace(/[.;,\s]+$/, "");
  const first = s.split(/\s/, 1)[0] ?? "";
  const lowered = first.length > 1 && first.slice(1) !== first.slice(1).toLocaleUpperCase("vi") ? s.charAt(0).toLocaleLowerCase("vi") + s.slice(1) : s;
  return /^về\s/u.test(lowered) ? lowered : `về ${lowered}`;
}

/** "Kèm theo Báo cáo số 1880/BC-VP ngày 19/11/2021 của Văn phòng UBND tỉnh về tự đánh giá, chấm điểm …". */
export function coverReference(a: Assessment, electronic = false): string {
  const r = a.report;
  // Electronic: the report's number and date left unfilled ("số         /BC-VP ngày     /    /2021").
  const date = shortDate(electronic ? r.date.slice(0, 4) : r.date);
  return `Kèm theo Báo cáo số ${documentNumber(r.number, r.symbol, electronic)} ngày ${date} của ${a.unit.name} ${aboutSummary(r.summary)}`;
}

/** "Gồm 64 văn bản, 80 trang", with the documents left out of the pack counted apart; or the empty plan's sentence. */
export function coverCounts(plan: EvidencePlan): string {
  const inPack = plan.documents.filter((d) => d.start !== undefined).length;
  if (plan.documents.length === 0) return "Không có hồ sơ kiểm chứng.";
  const out = plan.documents.length - inPack;
  const counts = `Gồm ${inPack} văn bản, ${plan.pages} trang`;
  return out > 0 ? `${counts} (${out} văn bản chưa đưa vào hồ sơ: xem Danh mục)` : counts;
}

/** The year the report is dated (a year-only date is its year). */
function reportYear(a: Assessment): string {
  return a.report.date.slice(0, 4);
}

/** Estimated height of blocks as laid out (twips), erring high: COVER.lineEm per line, rules 120. */
export function estimateHeight(blocks: readonly Block[], measure: MeasureText, width: Twips): Twips {
  let h = 0;
  for (const b of blocks) {
    if (b.kind === "paragraph") h += paragraphHeight(b, measure, width);
    else {
      for (const r of b.rows) {
        let tallest = 0;
        let x = 0;
        r.cells.forEach((c) => {
          const span = c.colSpan ?? 1;
          const w = b.columns.slice(x, x + span).reduce((s, v) => s + v, 0);
          x += span;
          tallest = Math.max(tallest, estimateHeight(c.blocks, measure, w) + b.padding.top + b.padding.bottom);
        });
        h += tallest;
      }
    }
  }
  return h;
}

function paragraphHeight(p: Paragraph, measure: MeasureText, width: Twips): Twips {
  let lines = 0;
  let size = p.style.size;
  let current = "";
  let style: RunStyle = { size };
  const flush = () => {
    lines += current ? estimateLines(measure, current, style, width) : 1;
    current = "";
  };
  for (const r of p.runs) {
    size = Math.max(size, r.style.size);
    if (r.kind === "break") flush();
    else if (r.kind === "text") {
      current += r.text;
      style = r.style;
    }
  }
  flush();
  const lineHeight = size * 20 * COVER.lineEm * (p.style.lineSpacing ?? 1);
  return Math.ceil((p.style.spaceBefore ?? 0) + (p.style.spaceAfter ?? 0) + lines * lineHeight + (p.rule ? 120 : 0));
}

export function composeEvidenceCover(scored: ScoredAssessment, plan: EvidencePlan, opts: ComposeOptions): ComposeResult {
  const diagnostics: Diagnostic[] = [];
  const a = scored.assessment;
  const source = a.report.source;
  const page = a4("portrait");
  const width = textWidth(page);
  const m = opts.measure;
  const centred = { align: "center" as const, spaceAfter: 0, lineSpacing: 1 };

  const electronic = isElectronic(opts);
  const coverDate = shortDate(electronic ? a.report.date.slice(0, 4) : a.report.date);
  const attachedLines = balancedLinesKeeping(m, coverReference(a, electronic), S.attached, Math.round(width * COVER.attachedRatio), `ngày ${coverDate}`);
  const titleWidth = widthTwips(m, EVIDENCE_COVER_TITLE, S.title);
  const facts = [`Cơ quan, đơn vị: ${a.unit.name}`, `Năm đánh giá: ${a.year}`, coverCounts(plan)];

  const blocks: Block[] = [
    headerBlock(a, { measure: m, textWidth: width, numberAndDate: false }),
    line(EVIDENCE_COVER_TITLE, S.title, { ...centred, spaceBefore: COVER.aboveTitle, keepNext: true }, { source }),
    linesParagraph(
      attachedLines,
      S.attached,
      { ...centred, spaceBefore: COVER.belowTitle, keepNext: true },
      { rule: { width: Math.round(titleWidth * RULE.attachedRatio), thickness: RULE.thickness }, source },
    ),
    ...facts.map((f, i) => line(f, S.fact, { ...centred, spaceBefore: i === 0 ? COVER.aboveFacts : COVER.betweenFacts }, { source })),
  ];
  const height = page.height - page.margin.top - page.margin.bottom;
  const foot = line(`${a.report.place}, năm ${reportYear(a)}`, S.foot, { ...centred, spaceBefore: 0 }, { source });
  const used = estimateHeight(blocks, m, width) + estimateHeight([foot], m, width);
  foot.style.spaceBefore = Math.max(COVER.betweenFacts, height - used - COVER.footSafety);
  blocks.push(foot);

  const meta = attachmentMeta(a, "Hồ sơ kiểm chứng", opts.date, electronic);
  return { doc: { meta, sections: [{ page, blocks }] }, diagnostics };
}
