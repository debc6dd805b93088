/**
 * Semantic checks of a scored assessment beyond its schema: what a careful reviewer at the Department
 * of Home Affairs would flag — a score without justification, impossible or inconsistent citations,
 * report metadata that breaks NĐ 30/2020, unfilled placeholders, and small slips in the prose.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { markdownPos, type Assessment, type Markdown } from "../model/assessment.js";
import { BLANK } from "../model/blanks.js";
import { lineIndex } from "../read/line-index.js";
import { formatHundredths } from "../model/points.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { checkCitations, findCitations, validDate, type Citation, type ReportDay } from "./citations.js";
import { isYearOnly, parseReportDate } from "../model/report-date.js";
import { paragraphSpans, type TextSpan } from "./text-spans.js";

/**
 * Semantic checks of a scored assessment. `proseStyle: false` skips the wording checks (repeated words,
 * spaces before punctuation, trailing commas: CD509, CD512, CD513), which only ever warn; `summary`,
 * which reports errors only, runs without them.
 */
export function checkAssessment(scored: ScoredAssessment, opts: { proseStyle?: boolean } = {}): Diagnostic[] {
  const proseStyle = opts.proseStyle !== false;
  const a = scored.assessment;
  const out: Diagnostic[] = [];
  const reportDate = checkReport(a, out);

  const st: ProseState = { cites: [], out, proseStyle };
  for (const n of scored.items) checkNode(n, st);
  checkMarkdown(a.report.body, st);
  out.push(...checkCitations(st.cites, reportDate));
  return out;
}

/** What the prose checks of one assessment collect. */
interface ProseState {
  cites: Citation[];
  out: Diagnostic[];
  proseStyle: boolean;
}

function checkMarkdown(md: Markdown | undefined, st: ProseState): void {
  if (!md) return;
  for (const span of paragraphSpans(md)) {
    for (const c of findCitations(span)) st.cites.push(c);
    if (st.proseStyle) checkProse(span, st.out);
  }
}

function checkNode(n: ScoredNode, st: ProseState): void {
  if (n.children) for (const c of n.children) checkNode(c, st);
  if (!n.answer) return;
  for (const md of answerTexts(n)) checkMarkdown(md, st);
  let justified = !!n.justification?.text.trim();
  if (n.options) for (const o of n.options) if (o.chosen && o.justification?.text.trim()) justified = true;
  // A group's score is its children's (their justifications speak for it); a not-applicable answer's
  // justification is required on its own (CD426).
  if (n.score !== 0 && !justified && !n.children && !n.notApplicable) {
    st.out.push(diag("CD409", n.answer.source, { id: n.node.id, score: formatHundredths(n.score) }));
  }
}

/**
 * The texts a node's own answer gives: its justification, then its options' in rubric order (a
 * checklist's ticked items). None for a node without an answer. What the prose and citation checks
 * read, and where the evidence of a criterion is cited (src/check/evidence-match.ts).
 */
export function answerTexts(n: ScoredNode): Markdown[] {
  if (!n.answer) return [];
  const out: Markdown[] = [];
  if (n.justification) out.push(n.justification);
  if (n.options) for (const o of n.options) if (o.justification) out.push(o.justification);
  return out;
}

const HONORIFIC = /^(GS|PGS|TS|ThS|KS|BS|CN|LS|NGƯT|NGND|Giáo sư|Phó Giáo sư|Tiến sĩ|Thạc sĩ|Kỹ sư|Bác sĩ|Ông|Bà)\b\.?\s*/iu;
const SYMBOL = /^[\p{Lu}\d][\p{L}\d&]*(?:-[\p{L}\d&]+)*$/u;

function checkReport(a: Assessment, out: Diagnostic[]): ReportDay | undefined {
  const r = a.report;
  /** A field's own position, or the `report:` line when the model has none. */
  const at = (path: string) => r.fields?.[path] ?? r.source;
  // A year alone ("2023": day and month left blank, filled in by hand) stands for its last day when
  // cited documents are compared with it: only a citation certainly after the report is flagged.
  const parsed = parseReportDate(r.date);
  let date: ReportDay | undefined;
  if (parsed) {
    const d = { year: parsed.year, month: parsed.month ?? 12, day: parsed.day ?? 31, ...(isYearOnly(r.date) ? { text: r.date } : {}) };
    if (validDate(d)) date = d;
    else out.push(diag("CD421", at("report.date"), { value: r.date }));
  }
  if (date && date.year !== a.year && date.year !== a.year + 1) {
    out.push(diag("CD412", at("report.date"), { year: a.year, date: r.date }));
  }
  // An unfilled placeholder (from `chamdiem init`) is reported once, as CD422, not also as a bad symbol.
  if (r.symbol && !BLANK.test(r.symbol)) {
    if (!SYMBOL.test(r.symbol)) out.push(diag("CD415", at("report.symbol"), { symbol: r.symbol }));
    else if (!r.symbol.startsWith("BC-")) out.push(diag("CD416", at("report.symbol"), { symbol: r.symbol }));
  }
  // The signer's lines are one field each: a line break inside one (the old way of writing two levels
  // of signature in `authority`) is the field `on_behalf_of`, which the message names.
  const signerFields: [string, string | undefined][] = [
    ["on_behalf_of", r.signer.onBehalfOf],
    ["authority", r.signer.authority],
    ["title", r.signer.title],
    ["name", r.signer.name],
  ];
  for (const [field, value] of signerFields) {
    if (value !== undefined && /[\n\r\u2028\u2029]/u.test(value.trim())) out.push(diag("CD435", at(`report.signer.${field}`), { field }));
  }
  if (r.signer.onBehalfOf && r.signer.prefix === "TM.") {
    out.push(diag("CD436", at("report.signer.prefix"), { collective: r.signer.onBehalfOf.trim().toLocaleUpperCase("vi") }));
  }
  const honorific = HONORIFIC.exec(r.signer.name);
  if (honorific) out.push(diag("CD417", at("report.signer.name"), { title: honorific[0].trim() }));
  const archived = r.recipients.findIndex((x) => /^\s*-?\s*Lưu\s*:/iu.test(x));
  if (archived >= 0) out.push(diag("CD419", at(`report.recipients.${archived}`)));
  // In file order, each at its field (the body's at the placeholder itself).
  const texts: [string, string][] = [
    ["unit.name", a.unit.name],
    ["unit.agency", a.unit.agency],
    ["unit.superior", a.unit.superior ?? ""],
    ["report.symbol", r.symbol],
    ["report.place", r.place],
    ["report.summary", r.summary],
    ...r.to.map((t, i): [string, string] => [`report.to.${i}`, t]),
    ...r.recipients.map((t, i): [string, string] => [`report.recipients.${i}`, t]),
    ["report.archive", r.archive],
    ["report.signer.on_behalf_of", r.signer.onBehalfOf ?? ""],
    ["report.signer.authority", r.signer.authority ?? ""],
    ["report.signer.title", r.signer.title],
    ["report.signer.name", r.signer.name],
  ];
  for (const [path, t] of texts) {
    const p = BLANK.exec(t);
    if (p) out.push(diag("CD422", at(path), { text: p[0] }));
  }
  const inBody = BLANK.exec(r.body.text);
  if (inBody) {
    const p = lineIndex(r.body.text)(inBody.index);
    out.push(diag("CD422", r.fields ? markdownPos(r.body, { line: p.line, column: p.col }) : r.source, { text: inBody[0] }));
  }
  return date;
}

const SPACE_BEFORE = / +([,;:!?]|\.(?!\.))/g;

function isBlankCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
}

/** Letters and digits, Vietnamese included (Latin-1 letters and Latin Extended, below U+2000). */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

/** Small slips a reviewer marks in red: repeated words, a space before punctuation, a trailing comma. */
function checkProse(span: TextSpan, out: Diagnostic[]): void {
  // Reduplicated words are normal Vietnamese only in a few expressive forms; official prose has none.
  // Hot loop (thousands of words per assessment): scan blank-separated tokens by index, and compare
  // the word ending one token with the word starting the next only when their lengths agree.
  const text = span.text;
  const n = text.length;
  let prevWordStart = -1; // start of the word that ends the previous token, or -1
  let prevWordEnd = -1;
  let i = 0;
  while (i < n) {
    while (i < n && isBlankCode(text.charCodeAt(i))) i++;
    const tokenStart = i;
    while (i < n && !isBlankCode(text.charCodeAt(i))) i++;
    const tokenEnd = i;
    if (tokenEnd === tokenStart) break;
    let wordEnd = tokenStart;
    while (wordEnd < tokenEnd && isWordCode(text.charCodeAt(wordEnd))) wordEnd++;
    if (prevWordStart >= 0 && wordEnd > tokenStart && wordEnd - tokenStart === prevWordEnd - prevWordStart) {
      const a = text.slice(prevWordStart, prevWordEnd);
      const b = text.slice(tokenStart, wordEnd);
      if (a.toLowerCase() === b.toLowerCase() && !/\d/.test(a)) {
        out.push(diag("CD509", span.posAt(prevWordStart), { word: a, text: text.slice(prevWordStart, wordEnd) }));
      }
    }
    // The word that ends this token, if the token ends with a word character.
    let ws = tokenEnd;
    while (ws > tokenStart && isWordCode(text.charCodeAt(ws - 1))) ws--;
    prevWordStart = ws < tokenEnd ? ws : -1;
    prevWordEnd = tokenEnd;
  }
  for (const m of span.text.matchAll(SPACE_BEFORE)) {
    if (m.index === 0 || /\s/.test(span.text[m.index - 1]!)) continue;
    // "2020 - 2025" and "80% - 100%" use spaced hyphens legitimately; only punctuation marks count here.
    out.push(diag("CD513", span.posAt(m.index), { mark: m[1]! }));
  }
  if (/,\s*$/.test(span.text)) out.push(diag("CD512", span.posAt(span.text.trimEnd().length - 1)));
}
