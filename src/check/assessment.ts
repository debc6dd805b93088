/**
 * Semantic checks of a scored assessment beyond its schema: what a careful reviewer at the Department
 * of Home Affairs would flag — a score without justification, impossible or inconsistent citations,
 * report metadata that breaks NĐ 30/2020, unfilled placeholders, and small slips in the prose.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Assessment, Markdown } from "../model/assessment.js";
import { formatHundredths } from "../model/points.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { checkCitations, findCitations, validDate, type Citation } from "./citations.js";
import { paragraphSpans, type TextSpan } from "./text-spans.js";

export function checkAssessment(scored: ScoredAssessment): Diagnostic[] {
  const a = scored.assessment;
  const out: Diagnostic[] = [];
  const reportDate = checkReport(a, out);

  const cites: Citation[] = [];
  const prose = (md: Markdown | undefined) => {
    if (!md) return;
    for (const span of paragraphSpans(md)) {
      cites.push(...findCitations(span));
      checkProse(span, out);
    }
  };
  const visit = (n: ScoredNode) => {
    n.children?.forEach(visit);
    if (!n.answer) return;
    prose(n.justification);
    for (const o of n.options ?? []) prose(o.justification);
    const justified = !!n.justification?.text.trim() || (n.options ?? []).some((o) => o.chosen && o.justification?.text.trim());
    if (n.score !== 0 && !justified) {
      out.push(diag("CD409", n.answer.source, { id: n.node.id, score: formatHundredths(n.score) }));
    }
  };
  scored.items.forEach(visit);
  prose(a.report.body);
  out.push(...checkCitations(cites, reportDate));
  return out;
}

const HONORIFIC = /^(GS|PGS|TS|ThS|KS|BS|CN|LS|NGƯT|NGND|Giáo sư|Phó Giáo sư|Tiến sĩ|Thạc sĩ|Kỹ sư|Bác sĩ|Ông|Bà)\b\.?\s*/iu;
const SYMBOL = /^[\p{Lu}\d][\p{L}\d&]*(?:-[\p{L}\d&]+)*$/u;
export const PLACEHOLDER = /<<[^<>]*>>/u;

function checkReport(a: Assessment, out: Diagnostic[]): { day: number; month: number; year: number } | undefined {
  const r = a.report;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.date);
  let date: { day: number; month: number; year: number } | undefined;
  if (m) {
    const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (validDate(d)) date = d;
    else out.push(diag("CD421", r.source, { value: r.date }));
  }
  if (date && date.year !== a.year && date.year !== a.year + 1) {
    out.push(diag("CD412", r.source, { year: a.year, date: r.date }));
  }
  // An unfilled placeholder (from `chamdiem init`) is reported once, as CD422, not also as a bad symbol.
  if (r.symbol && !PLACEHOLDER.test(r.symbol)) {
    if (!SYMBOL.test(r.symbol)) out.push(diag("CD415", r.source, { symbol: r.symbol }));
    else if (!r.symbol.startsWith("BC-")) out.push(diag("CD416", r.source, { symbol: r.symbol }));
  }
  const honorific = HONORIFIC.exec(r.signer.name);
  if (honorific) out.push(diag("CD417", r.source, { title: honorific[0].trim() }));
  if (r.recipients.some((x) => /^\s*-?\s*Lưu\s*:/iu.test(x))) out.push(diag("CD419", r.source));
  const texts = [r.summary, r.place, r.archive, r.signer.title, r.signer.name, r.signer.authority ?? "", ...r.recipients, ...r.to, r.body.text, a.unit.name, a.unit.agency, a.unit.superior ?? ""];
  for (const t of texts) {
    const p = PLACEHOLDER.exec(t);
    if (p) out.push(diag("CD422", r.source, { text: p[0] }));
  }
  return date;
}

const WORD = /[\p{L}\p{N}]+/gu;
const SPACE_BEFORE = / +([,;:!?]|\.(?!\.))/g;

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** Small slips a reviewer marks in red: repeated words, a space before punctuation, a trailing comma. */
function checkProse(span: TextSpan, out: Diagnostic[]): void {
  // Reduplicated words are normal Vietnamese only in a few expressive forms; official prose has none.
  // (Hot loop: thousands of words per assessment, so cheap comparisons come first.)
  const text = span.text;
  let prevWord = "";
  let prevStart = -1;
  let prevEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const start = m.index;
    if (w.length === prevWord.length && start > prevEnd && isBlank(text, prevEnd, start) && w.toLowerCase() === prevWord.toLowerCase() && !/\d/.test(w)) {
      out.push(diag("CD509", span.posAt(prevStart), { word: prevWord, text: text.slice(prevStart, start + w.length) }));
    }
    prevWord = w;
    prevStart = start;
    prevEnd = start + w.length;
  }
  for (const m of span.text.matchAll(SPACE_BEFORE)) {
    if (m.index === 0 || /\s/.test(span.text[m.index - 1]!)) continue;
    // "2020 - 2025" and "80% - 100%" use spaced hyphens legitimately; only punctuation marks count here.
    out.push(diag("CD513", span.posAt(m.index), { mark: m[1]! }));
  }
  if (/,\s*$/.test(span.text)) out.push(diag("CD512", span.posAt(span.text.trimEnd().length - 1)));
}
