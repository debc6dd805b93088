/**
 * Evidence citations in justifications: "<loại> số <số>/<ký hiệu> ngày <dd/mm/yyyy>", as in
 * "Quyết định số 620/QĐ-UBND ngày 29/4/2021"; Party documents use "61-TB/ĐTN". A careful reviewer at
 * the Department of Home Affairs checks that a cited document is not dated after the report, that the
 * same number and symbol always carry the same date and issuer, that the type word matches the symbol's
 * type code (NĐ 30/2020, Phụ lục III), and that a symbol names its issuing agency.
 */
import { diag, listed, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourcePos } from "../model/source.js";
import type { TextSpan } from "./text-spans.js";

/** Type abbreviations of NĐ 30/2020 Phụ lục III (administrative documents). */
export const TYPE_CODES: Record<string, string> = {
  NQ: "Nghị quyết",
  QĐ: "Quyết định",
  CT: "Chỉ thị",
  QC: "Quy chế",
  QyĐ: "Quy định",
  TC: "Thông cáo",
  TB: "Thông báo",
  HD: "Hướng dẫn",
  CTr: "Chương trình",
  KH: "Kế hoạch",
  PA: "Phương án",
  ĐA: "Đề án",
  DA: "Dự án",
  BC: "Báo cáo",
  BB: "Biên bản",
  TTr: "Tờ trình",
  HĐ: "Hợp đồng",
  CĐ: "Công điện",
  BGN: "Bản ghi nhớ",
  BTT: "Bản thỏa thuận",
  GUQ: "Giấy ủy quyền",
  GM: "Giấy mời",
  GGT: "Giấy giới thiệu",
  GNP: "Giấy nghỉ phép",
  PG: "Phiếu gửi",
  PC: "Phiếu chuyển",
  PB: "Phiếu báo",
};

/** Type words as written in running text → the type code they require (null: a công văn, no code). */
const TYPE_WORDS: Record<string, string | null> = {
  "nghị quyết": "NQ",
  "quyết định": "QĐ",
  "chỉ thị": "CT",
  "quy chế": "QC",
  "thông báo": "TB",
  "hướng dẫn": "HD",
  "chương trình": "CTr",
  "kế hoạch": "KH",
  "phương án": "PA",
  "đề án": "ĐA",
  "báo cáo": "BC",
  "biên bản": "BB",
  "tờ trình": "TTr",
  "công điện": "CĐ",
  "công văn": null,
  qđ: "QĐ",
  bc: "BC",
  kh: "KH",
  nq: "NQ",
  tb: "TB",
  cv: null,
};

export interface Citation {
  number: number;
  /** The symbol as written: "BC-VP", "TB/ĐTN" (Party form: type code first). */
  symbol: string;
  /** "1880/BC-VP" or "61-TB/ĐTN". */
  ref: string;
  typeCode?: string;
  /** The issuer part of the symbol ("VP" in BC-VP); empty when missing. */
  issuer: string;
  word?: string;
  date?: { day: number; month: number; year: number; text: string };
  /** Where it is: the paragraph and the offset in its text (citePos gives the file position). */
  span: TextSpan;
  offset: number;
  /** The offset right after the reference and its date, where the words that describe it begin. */
  end: number;
}

/** The file position of a citation, worked out only when a diagnostic needs it. */
export function citePos(c: Citation): SourcePos {
  return c.span.posAt(c.offset);
}

/** Type words, longest first, lower case: the one right before a number is the citation's. */
const WORDS = Object.keys(TYPE_WORDS).sort((a, b) => b.length - a.length);
const LONGEST = WORDS[0]!.length;
const REF = /(?<![\p{L}\p{N}/.-])(\d{1,5})(?:\/(\p{Lu}[\p{L}\p{N}&]*(?:-[\p{L}\p{N}&]+)*)|-(\p{Lu}[\p{L}]{0,3})\/(\p{Lu}[\p{L}\p{N}&-]*))/gu;
/** A date right after the reference (sticky: tried at the reference's end only). */
const DATE_AFTER = /\s*,?\s*ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/uy;
const LETTER = /\p{L}/u;

/**
 * The type word written right before a reference at `end`: "Quyết định số 620/…", "Công văn: số …",
 * "QĐ 15/…" — a word of TYPE_WORDS (any case), not glued to a letter before it, then optional spaces,
 * one optional ":", and any number of "số" each with optional spaces and ":". Within 40 characters.
 */
export function typeWordBefore(text: string, end: number): string | undefined {
  const from = Math.max(0, end - 40);
  let i = end;
  const skipSpace = () => {
    while (i > from && /\s/.test(text[i - 1]!)) i--;
  };
  const skipColon = () => {
    skipSpace();
    if (i > from && text[i - 1] === ":") i--;
    skipSpace();
  };
  // Backwards over "số" words, each with its own optional colon and spaces (no type word ends in
  // "số", a colon or a space, so reading greedily never loses a match the regex would find).
  for (;;) {
    skipColon();
    const s = text[i - 2];
    const o = text[i - 1];
    if (i - 2 < from || (s !== "s" && s !== "S") || (o !== "ố" && o !== "Ố")) break;
    i -= 2;
  }
  if (i === from || !LETTER.test(text[i - 1]!)) return undefined;
  // Only the tail can hold the word (and one character before it): lower-case that much, once.
  const tailFrom = Math.max(from, i - LONGEST - 1);
  const lower = text.slice(tailFrom, i).toLowerCase();
  for (const w of WORDS) {
    if (!lower.endsWith(w)) continue;
    const at = i - w.length;
    const word = text.slice(at, i);
    // (Lower-casing may change a string's length: confirm on the word itself.)
    if (at < from || word.toLowerCase() !== w || (at > from && LETTER.test(text[at - 1]!))) continue;
    return word;
  }
  return undefined;
}

export function findCitations(span: TextSpan): Citation[] {
  const out: Citation[] = [];
  const text = span.text;
  for (const m of text.matchAll(REF)) {
    const number = Number(m[1]);
    const start = m.index!;
    const party = m[3] !== undefined;
    const symbol = party ? `${m[3]}/${m[4]}` : m[2]!;
    const ref = party ? `${m[1]}-${symbol}` : `${m[1]}/${symbol}`;
    let typeCode: string | undefined;
    let issuer = "";
    if (party) {
      typeCode = m[3];
      issuer = m[4]!;
    } else {
      const dash = symbol.indexOf("-");
      const head = dash < 0 ? symbol : symbol.slice(0, dash);
      if (head in TYPE_CODES) {
        typeCode = head;
        issuer = dash < 0 ? "" : symbol.slice(dash + 1);
      } else {
        issuer = symbol;
      }
    }
    const c: Citation = { number, symbol, ref, issuer, span, offset: start, end: start + m[0].length };
    if (typeCode) c.typeCode = typeCode;
    const word = typeWordBefore(text, start);
    if (word) c.word = word;
    DATE_AFTER.lastIndex = start + m[0].length;
    const after = DATE_AFTER.exec(text);
    if (after) {
      c.date = { day: Number(after[1]), month: Number(after[2]), year: Number(after[3]), text: `${after[1]}/${after[2]}/${after[3]}` };
      c.end = DATE_AFTER.lastIndex;
    }
    out.push(c);
  }
  return out;
}

export function validDate(d: { day: number; month: number; year: number }): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  const days = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return d.day <= days;
}

const dayNumber = (d: { day: number; month: number; year: number }) => d.year * 10000 + d.month * 100 + d.day;
const dateKey = (d: { day: number; month: number; year: number }) => `${d.day}/${d.month}/${d.year}`;

/** Checks over all citations of one assessment (in reading order). */
/** The report's date as a day; `text` when it is printed otherwise (a year-only date, counted as its last day). */
export interface ReportDay {
  day: number;
  month: number;
  year: number;
  text?: string;
}

export function checkCitations(cites: readonly Citation[], reportDate: ReportDay | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byRef = new Map<string, Citation[]>();
  const byNumberType = new Map<string, Citation[]>();
  for (const c of cites) {
    if (c.date && !validDate(c.date)) out.push(diag("CD510", citePos(c), { value: c.date.text }));
    else if (c.date && reportDate && dayNumber(c.date) > dayNumber(reportDate)) {
      out.push(diag("CD504", citePos(c), { date: c.date.text, report: reportDate.text ?? dateKey(reportDate) }));
    }
    if (c.word) {
      const required = TYPE_WORDS[c.word.toLowerCase()];
      if (required === null && c.typeCode) {
        out.push(diag("CD511", citePos(c), { code: c.typeCode, ref: c.ref, expected: TYPE_CODES[c.typeCode] ?? c.typeCode }));
      } else if (required && c.typeCode && required !== c.typeCode) {
        out.push(diag("CD507", citePos(c), { word: c.word, code: c.typeCode, ref: c.ref, expected: required }));
      }
    }
    if (c.typeCode && !c.issuer) out.push(diag("CD508", citePos(c), { ref: c.ref, type: c.typeCode }));
    push(byRef, c.ref, c);
    if (c.typeCode && c.issuer) push(byNumberType, `${c.number}/${c.typeCode}`, c);
  }
  for (const [ref, group] of byRef) {
    const dated = group.filter((c) => c.date && validDate(c.date));
    const dates = [...new Set(dated.map((c) => dateKey(c.date!)))];
    if (dates.length > 1) {
      const second = dated.find((c) => dateKey(c.date!) !== dateKey(dated[0]!.date!))!;
      out.push(diag("CD505", citePos(second), { ref, dates: listed(dates) }));
    }
  }
  // Numbers run per issuer, so 167/QĐ-VP and 167/QĐ-UBND may be different documents: only warn when
  // nothing tells them apart (same date, or a date missing on one side).
  for (const [key, group] of byNumberType) {
    const symbols = [...new Set(group.map((c) => c.symbol))];
    if (symbols.length < 2) continue;
    const first = group[0]!;
    const clash = group.find((c) => c.symbol !== first.symbol && (!c.date || !first.date || dateKey(c.date) === dateKey(first.date)));
    if (clash) {
      const [number, type] = key.split("/");
      out.push(diag("CD506", citePos(clash), { number: number!, type: type!, symbols: listed(symbols) }));
    }
  }
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
