/**
 * Text hygiene at the reader boundary, where strings leave the YAML layer: every value that can be
 * printed (unit names, report metadata, bodies, justifications, appraisal and rubric texts) passes
 * here once, whichever reader parsed it.
 *
 * - Characters with no sane meaning in a document are refused (CD118): C0 and C1 control characters
 *   (NUL, U+000B, U+000C, U+007F, U+0085…), lone surrogates, noncharacters (U+FFFE, U+FFFF…). Several
 *   are not allowed in XML 1.0 at all (Word refuses the .docx), the others print as blank boxes.
 *   Written literally they are refused anywhere in the file, before parsing; written as escapes in a
 *   double-quoted string ("\0", "\uD800") they are refused in the value, at the escape.
 * - Characters a typist did not mean are normalised, with a warning naming them (CD119): a tab, a
 *   CR (from a "\r" escape), U+2028/U+2029 and unusual spaces (NBSP, U+2000–U+200A, U+3000…) become
 *   the space or line break they stand for; invisible format characters (U+FEFF, zero-width spaces
 *   and joiners, bidirectional marks and overrides such as U+200F, U+202E) are dropped.
 * - A CR that is not followed by LF is a line end (old Mac files; YAML 1.2 says so, editors show it
 *   so), read as LF before parsing so both YAML readers and the line index agree (CD120).
 * - Numbers must be written in decimal (CD121: no 0x50, 0o17, 1e3, .inf, .nan) with at most 15
 *   significant digits (CD122), so every number is exactly the one written.
 *
 * One warning or error per character and file, at its first place, with the count of the others.
 * Cost on clean input: one regex test over the text and a walk of the tree's numbers.
 */
import { diag, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourcePos } from "../model/source.js";
import { lineIndex, type LinePos } from "./line-index.js";
import { keyString, type YNode, type YScalar } from "./yaml-tree.js";

/**
 * Refused characters written in the file (tab, LF and CR are the only control characters text may
 * hold). No Unicode properties: the text is well-formed UTF-16 after decoding, so no lone surrogates,
 * and the noncharacters beyond the BMP (U+1FFFE … U+10FFFF) are spelled as surrogate pairs.
 */
const FORBIDDEN =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/;
/** Characters normalised in values: tab, CR, unusual spaces, line/paragraph separators, invisible format characters. */
const NORMALISED = /[\t\r\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;
/** Either, in a value, all at once (global, for replace). */
const ANY_BAD = /(?![\n])[\t\r\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;
/**
 * One cheap test over the whole text (a plain character class, ≈ 2 ns a character; the precise
 * patterns above with Unicode properties cost five times more): what may be refused or normalised,
 * and backslashes (escapes in double-quoted strings). \uDFFE\uDFFF catch noncharacters beyond the BMP;
 * CR is left out (CRLF files are common, and lone CRs were made LF by readLoneCR).
 */
const SUSPECT = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufdd0-\ufdef\ufeff\ufffe\uffff\udffe\udfff\\]/;

/** Whether the text needs the character checks at all (forbiddenInText, cleanValues). */
export function hasSuspects(text: string): boolean {
  return SUSPECT.test(text);
}
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
export const MAX_DIGITS = 15;

/** Unicode names of the characters named in messages (the others get their general category). */
const NAMES: Record<number, string> = {
  0x00: "NULL",
  0x01: "START OF HEADING",
  0x02: "START OF TEXT",
  0x03: "END OF TEXT",
  0x04: "END OF TRANSMISSION",
  0x05: "ENQUIRY",
  0x06: "ACKNOWLEDGE",
  0x07: "BELL",
  0x08: "BACKSPACE",
  0x09: "CHARACTER TABULATION",
  0x0b: "LINE TABULATION",
  0x0c: "FORM FEED",
  0x0d: "CARRIAGE RETURN",
  0x0e: "SHIFT OUT",
  0x0f: "SHIFT IN",
  0x10: "DATA LINK ESCAPE",
  0x11: "DEVICE CONTROL ONE",
  0x12: "DEVICE CONTROL TWO",
  0x13: "DEVICE CONTROL THREE",
  0x14: "DEVICE CONTROL FOUR",
  0x15: "NEGATIVE ACKNOWLEDGE",
  0x16: "SYNCHRONOUS IDLE",
  0x17: "END OF TRANSMISSION BLOCK",
  0x18: "CANCEL",
  0x19: "END OF MEDIUM",
  0x1a: "SUBSTITUTE",
  0x1b: "ESCAPE",
  0x1c: "INFORMATION SEPARATOR FOUR",
  0x1d: "INFORMATION SEPARATOR THREE",
  0x1e: "INFORMATION SEPARATOR TWO",
  0x1f: "INFORMATION SEPARATOR ONE",
  0x7f: "DELETE",
  0x85: "NEXT LINE",
  0xa0: "NO-BREAK SPACE",
  0x1680: "OGHAM SPACE MARK",
  0x2000: "EN QUAD",
  0x2001: "EM QUAD",
  0x2002: "EN SPACE",
  0x2003: "EM SPACE",
  0x2004: "THREE-PER-EM SPACE",
  0x2005: "FOUR-PER-EM SPACE",
  0x2006: "SIX-PER-EM SPACE",
  0x2007: "FIGURE SPACE",
  0x2008: "PUNCTUATION SPACE",
  0x2009: "THIN SPACE",
  0x200a: "HAIR SPACE",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x202f: "NARROW NO-BREAK SPACE",
  0x205f: "MEDIUM MATHEMATICAL SPACE",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0x3000: "IDEOGRAPHIC SPACE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE, BOM",
};

function charName(ch: string): Arg {
  const c = ch.codePointAt(0)!;
  if (NAMES[c]) return NAMES[c]!;
  if (c >= 0xd800 && c <= 0xdfff) return { vi: "surrogate đứng riêng, không phải ký tự", en: "a lone surrogate, not a character" };
  if (/\p{Noncharacter_Code_Point}/u.test(ch)) return { vi: "noncharacter, mã không dành cho ký tự", en: "a noncharacter" };
  if (c >= 0x80 && c <= 0x9f) return { vi: "ký tự điều khiển C1", en: "a C1 control character" };
  return { vi: "ký tự định dạng", en: "a format character" };
}

export const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

const SPACE: Arg = { vi: "thay bằng dấu cách", en: "replaced by a space" };
const LINE_BREAK: Arg = { vi: "thay bằng dấu xuống dòng", en: "replaced by a line break" };
const DROPPED: Arg = { vi: "bỏ đi (ký tự vô hình)", en: "removed (an invisible character)" };

/** What a normalised character becomes, and how the warning says it. */
function normalisation(ch: string): { to: string; action: Arg } {
  const c = ch.charCodeAt(0);
  if (c === 0x0d) return { to: "\n", action: LINE_BREAK };
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c === 0xfeff) return { to: "", action: DROPPED };
  // Tab, the unusual spaces, and U+2028/U+2029: a space. In Markdown a line break inside a paragraph
  // prints as a space anyway, and a space keeps every later position of the value on its line.
  return {
    to: " ",
    action:
      c === 0x2028 || c === 0x2029
        ? {
            vi: "thay bằng dấu cách (muốn xuống dòng thì viết khối “|” có xuống dòng thật)",
            en: "replaced by a space (for a line break, write a “|” block with real line breaks)",
          }
        : SPACE,
  };
}

const more = (n: number): Arg => (n > 0 ? { vi: ` (và ${n} chỗ khác trong tệp)`, en: ` (and ${n} more in the file)` } : "");

const pos = (file: string, linePos: LinePos, offset: number): SourcePos => {
  const p = linePos(offset);
  return { file, line: p.line, column: p.col };
};

/** Lone CRs become LF (same offsets), with one CD120 at the first; other text is returned as it is. */
export function readLoneCR(file: string, text: string, diagnostics: Diagnostic[]): string {
  if (!text.includes("\r")) return text;
  const lone = /\r(?!\n)/g;
  const first = lone.exec(text);
  if (!first) return text;
  let count = 1;
  while (lone.exec(text)) count++;
  const converted = text.replace(/\r(?!\n)/g, "\n");
  diagnostics.push(diag("CD120", pos(file, lineIndex(converted), first.index), { more: more(count - 1) }));
  return converted;
}

/** Refused characters written literally anywhere in the file (CD118), one diagnostic per character. */
export function forbiddenInText(file: string, text: string, suspects = hasSuspects(text)): Diagnostic[] {
  if (!suspects || !FORBIDDEN.test(text)) return [];
  const found = new Map<string, { offset: number; count: number }>();
  const all = new RegExp(FORBIDDEN.source, "g");
  for (let m = all.exec(text); m; m = all.exec(text)) {
    const f = found.get(m[0]);
    if (f) f.count++;
    else if (found.size < 20) found.set(m[0], { offset: m.index, count: 1 });
  }
  const linePos = lineIndex(text);
  return [...found].map(([ch, f]) => diag("CD118", pos(file, linePos, f.offset), { char: codePoint(ch), name: charName(ch), more: more(f.count - 1) }));
}

/**
 * Walk every value of a parsed file once: refuse and normalise characters in strings (changing the
 * tree and the data alike, so Markdown read from the tree and fields read from the data agree), and
 * refuse numbers not written in decimal or with too many digits.
 */
export function cleanValues(file: string, text: string, root: YNode | null, data: unknown, linePos: LinePos, suspects = hasSuspects(text)): Diagnostic[] {
  if (!root) return [];
  // Strings only when the text has a character to normalise or an escape (literal refused
  // characters never get here: forbiddenInText); numbers always (a walk of the tree, no text scan).
  const walk = new ValueWalk(file, text, linePos, suspects);
  walk.visit(root, undefined, "", data, 0);
  for (const { d, count } of walk.seen.values()) d.args.more = more(count - 1);
  return walk.out;
}

type Holder = Record<string | number, unknown>;

/** One file's walk. */
class ValueWalk {
  readonly out: Diagnostic[] = [];
  readonly seen = new Map<string, { d: Diagnostic; count: number }>();

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly linePos: LinePos,
    private readonly strings: boolean,
  ) {}

  visit(node: YNode, holder: Holder | undefined, key: string | number, own: unknown, depth: number): void {
    if (depth > 200) return;
    if (node.kind === "scalar") {
      this.scalar(node, holder, key);
      return;
    }
    const container = own && typeof own === "object" ? (own as Holder) : undefined;
    if (node.kind === "map") {
      for (const p of node.pairs) {
        const k = keyString(p.key);
        this.visit(p.value, container, k, container?.[k], depth + 1);
      }
    } else {
      for (let i = 0; i < node.items.length; i++) this.visit(node.items[i]!, container, i, container?.[i], depth + 1);
    }
  }

  private scalar(node: YScalar, holder: Holder | undefined, key: string | number): void {
    const v = node.value;
    if (typeof v === "number") {
      if (node.style === "plain") this.number(node);
      return;
    }
    if (!this.strings || typeof v !== "string") return;
    ANY_BAD.lastIndex = 0;
    if (!ANY_BAD.test(v)) return;
    let cleaned = "";
    let last = 0;
    const src = v.replace(/\r\n/g, "\n");
    ANY_BAD.lastIndex = 0;
    for (let m = ANY_BAD.exec(src); m; m = ANY_BAD.exec(src)) {
      const ch = m[0];
      this.note(ch, node);
      cleaned += src.slice(last, m.index) + (NORMALISED.test(ch) ? normalisation(ch).to : "");
      last = m.index + ch.length;
    }
    cleaned += src.slice(last);
    // A no-break space typed at the end of a one-line value became a space YAML would have trimmed:
    // trim it too, or it prints ("… của Văn phòng )"). Block scalars keep their text as written.
    if (node.style !== "literal" && node.style !== "folded") cleaned = cleaned.replace(/ +$/, "");
    node.value = cleaned;
    if (holder) holder[key] = cleaned;
  }

  private number(node: YScalar): void {
    const raw = this.text.slice(node.start, node.end);
    // An alias ("*points") repeats a number checked where its anchor is.
    if ((DECIMAL.test(raw) && raw.length <= MAX_DIGITS) || raw.charCodeAt(0) === 0x2a) return;
    const at: SourcePos = { ...pos(this.file, this.linePos, node.start), ...endOf(this.linePos, node.end) };
    if (!DECIMAL.test(raw)) this.out.push(diag("CD121", at, { text: raw }));
    else if (raw.replace(/^[-+]/, "").replace(".", "").replace(/^0+/, "").length > MAX_DIGITS)
      this.out.push(diag("CD122", at, { text: raw, limit: MAX_DIGITS }));
  }

  private note(ch: string, scalar: YScalar): void {
    const s = this.seen.get(ch);
    if (s) {
      s.count++;
      return;
    }
    const at = pos(this.file, this.linePos, locate(this.text, scalar, ch));
    const args = { char: codePoint(ch), name: charName(ch), more: "" as Arg };
    const d = NORMALISED.test(ch) ? diag("CD119", at, { ...args, action: normalisation(ch).action }) : diag("CD118", at, args);
    this.seen.set(ch, { d, count: 1 });
    this.out.push(d);
  }
}

function endOf(linePos: LinePos, offset: number): { endLine: number; endColumn: number } {
  const p = linePos(offset);
  return { endLine: p.line, endColumn: p.col };
}

/** YAML double-quoted escapes: what each one stands for. */
const ESCAPES: Record<string, string> = {
  "0": "\u0000",
  a: "\u0007",
  b: "\u0008",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\u000b",
  f: "\u000c",
  r: "\r",
  e: "\u001b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

/** Where `ch` is written in a scalar's source: literally, or as a double-quoted escape; else the scalar's start. */
function locate(text: string, node: YScalar, ch: string): number {
  const i = text.indexOf(ch, node.start);
  if (i >= 0 && i < node.end) return i;
  if (node.style === "double") {
    const esc = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\s\S]))/g;
    const slice = text.slice(node.start, node.end);
    for (let m = esc.exec(slice); m; m = esc.exec(slice)) {
      const hex = m[1] ?? m[2] ?? m[3];
      const meant = hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)) : ESCAPES[m[4]!];
      if (meant === ch) return node.start + m.index;
    }
  }
  return node.start;
}
