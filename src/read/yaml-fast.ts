/**
 * A fast reader for the plain block YAML that people and `chamdiem init` write: block mappings and
 * sequences, plain / single-quoted / double-quoted (without escapes) one-line scalars, literal block
 * scalars (`|`, `|-`), comments. It builds the same data (YAML 1.2 core schema) and the same node
 * offsets as the `yaml` library, about ten times faster: reading YAML with positions was the largest
 * part of checking an assessment (≈ 2 ms of ≈ 5 ms for a 23 KB file).
 *
 * It refuses anything outside that subset by returning undefined — flow collections, anchors,
 * aliases, tags, escapes, folded or kept block scalars, multi-line plain or quoted scalars, tabs
 * outside block scalars, CR line ends, directives and document markers, duplicate or non-string keys,
 * collections nested deeper than MAX_NESTING (yaml-depth.ts), anything malformed — and the caller then reads the file with the `yaml` library, which also gives
 * every error its message. test/yaml-fast.test.ts checks that both readers agree on data and offsets.
 */
import { MAX_NESTING } from "./yaml-depth.js";
import type { YMap, YNode, YScalar, YSeq } from "./yaml-tree.js";

export interface FastYaml {
  root: YNode;
  data: unknown;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

class Refused {}
const REFUSED = new Refused();

const SPACE = 32;
const NL = 10;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;
const PIPE = 124;

/** Characters that cannot start a plain scalar (or that start a construct this reader refuses). */
const NOT_PLAIN_START = new Set("[]{},&*!%@`|>'\"#");

export function readPlainYaml(text: string): FastYaml | undefined {
  if (text.includes("\r")) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e === REFUSED) return undefined;
    throw e;
  }
}

function refuse(): never {
  throw REFUSED;
}

interface ContentLine {
  /** Offset of the line's first character. */
  start: number;
  indent: number;
  /** Offset of the first non-space character. */
  at: number;
}

class Reader {
  private pos = 0;
  private readonly len: number;
  /** Collections open around the current position: deeper than MAX_NESTING is left to yaml-source.ts to report. */
  private depth = 0;

  constructor(private readonly text: string) {
    this.len = text.length;
  }

  document(): FastYaml {
    const first = this.peek();
    if (!first || first.indent !== 0) refuse();
    const { node, data } = this.isDash(first.at) ? this.seq(0) : this.map(0, first.at);
    if (this.peek()) refuse();
    return { root: node, data };
  }

  private lineEnd(from: number): number {
    const nl = this.text.indexOf("\n", from);
    return nl < 0 ? this.len : nl;
  }

  /** The next line with content (not blank, not a comment), without consuming it. */
  private peek(): ContentLine | undefined {
    const t = this.text;
    let p = this.pos;
    while (p < this.len) {
      let i = p;
      while (t.charCodeAt(i) === SPACE) i++;
      const c = t.charCodeAt(i);
      if (i >= this.len || c === NL) {
        p = i + 1;
        continue;
      }
      if (c === HASH) {
        p = this.lineEnd(i) + 1;
        continue;
      }
      if (c === TAB) refuse();
      if (i === p && (c === 0x25 /* % */ || t.startsWith("---", i) || t.startsWith("...", i))) refuse();
      this.pos = p;
      return { start: p, indent: i - p, at: i };
    }
    this.pos = this.len;
    return undefined;
  }

  /** A "-" that starts a sequence entry. */
  private isDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const n = this.text.charCodeAt(at + 1);
    return n === SPACE || n === NL || at + 1 >= this.len;
  }

  /** A block mapping whose keys sit at column `indent`; its first key starts at `firstAt`. */
  private map(indent: number, firstAt: number): { node: YMap; data: Record<string, unknown> } {
    if (++this.depth > MAX_NESTING) refuse();
    const pairs: YMap["pairs"] = [];
    const data: Record<string, unknown> = {};
    let at = firstAt;
    for (;;) {
      const key = this.key(at);
      if (FORBIDDEN_KEYS.has(key.value) || Object.prototype.hasOwnProperty.call(data, key.value)) refuse();
      const value = this.valueAfter(key.end + 1, indent, true);
      pairs.push({ key: key.node, value: value.node });
      data[key.value] = value.data;
      const next = this.peek();
      if (!next || next.indent < indent) break;
      if (next.indent > indent || this.isDash(next.at)) refuse();
      at = next.at;
    }
    this.depth--;
    return { node: { kind: "map", pairs, start: firstAt, end: pairs[pairs.length - 1]!.value.end }, data };
  }

  /** A block sequence whose "-" sit at column `indent`. */
  private seq(indent: number): { node: YSeq; data: unknown[] } {
    if (++this.depth > MAX_NESTING) refuse();
    const items: YNode[] = [];
    const data: unknown[] = [];
    let start = -1;
    for (;;) {
      const line = this.peek();
      if (!line || line.indent < indent) break;
      if (line.indent > indent) refuse();
      if (!this.isDash(line.at)) break;
      if (start < 0) start = line.at;
      let r = line.at + 1;
      while (this.text.charCodeAt(r) === SPACE) r++;
      let item: { node: YNode; data: unknown };
      if (this.isDash(r)) refuse();
      if (r >= this.len || this.text.charCodeAt(r) === NL || this.text.charCodeAt(r) === HASH) {
        item = this.valueAfter(line.at + 1, indent, false);
      } else if (this.keyEndAt(r) >= 0) {
        item = this.map(r - line.start, r);
      } else {
        item = this.inline(r, indent);
      }
      items.push(item.node);
      data.push(item.data);
    }
    if (start < 0) refuse();
    this.depth--;
    return { node: { kind: "seq", items, start, end: items[items.length - 1]!.end }, data };
  }

  /**
   * The value after a ":" or "-" at offset `p` (the indicator's end) of an entry of a collection at
   * column `indent`: on the same line, or a block on the next lines, or empty.
   */
  private valueAfter(p: number, indent: number, inMap: boolean): { node: YNode; data: unknown } {
    const t = this.text;
    const afterIndicator = p;
    while (t.charCodeAt(p) === SPACE) p++;
    const c = t.charCodeAt(p);
    if (p < this.len && c !== NL && !(c === HASH && p > afterIndicator)) {
      if (p === afterIndicator) refuse(); // "key:value" is a plain scalar, not a pair
      return this.inline(p, indent);
    }
    // Nothing more on this line: a nested block, a sequence at the same column, or an empty value.
    const empty = p;
    this.pos = p >= this.len ? this.len : this.lineEnd(p) + 1;
    const next = this.peek();
    if (next && next.indent > indent) {
      return this.isDash(next.at) ? this.seq(next.indent) : this.map(next.indent, next.at);
    }
    // A mapping value may be a sequence at its key's own column ("key:\n- a").
    if (inMap && next && next.indent === indent && this.isDash(next.at)) return this.seq(indent);
    return { node: { kind: "scalar", value: null, style: "plain", start: empty, end: empty }, data: null };
  }

  /** If a mapping key starts at `at` (plain or quoted, followed by ":" and a space or line end), the offset of its ":". */
  private keyEndAt(at: number): number {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quoteEnd(at);
      if (close < 0 || t.charCodeAt(close) !== COLON) return -1;
      return this.colonEnds(close) ? close : -1;
    }
    const end = this.lineEnd(at);
    for (let i = at; i < end; i++) {
      const d = t.charCodeAt(i);
      if (d === COLON && this.colonEnds(i)) return i;
      if (d === HASH && t.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private colonEnds(i: number): boolean {
    const n = this.text.charCodeAt(i + 1);
    return i + 1 >= this.len || n === SPACE || n === NL;
  }

  /** Offset just after the closing quote of a one-line quoted scalar starting at `at`, or -1. */
  private quoteEnd(at: number): number {
    const t = this.text;
    const q = t.charCodeAt(at);
    const end = this.lineEnd(at);
    for (let i = at + 1; i < end; i++) {
      const d = t.charCodeAt(i);
      if (q === DQUOTE && d === 0x5c /* \ */) return -1;
      if (d === q) {
        if (q === SQUOTE && t.charCodeAt(i + 1) === SQUOTE) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  private key(at: number): { node: YScalar; value: string; end: number } {
    const colon = this.keyEndAt(at);
    if (colon < 0 || colon - at > 1000) refuse();
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === DQUOTE || c === SQUOTE) {
      const value = this.quoted(at, colon);
      return { node: { kind: "scalar", value, style: c === DQUOTE ? "double" : "single", start: at, end: colon }, value, end: colon };
    }
    const raw = t.slice(at, colon);
    if (raw.charCodeAt(raw.length - 1) === SPACE || !this.plainStartOk(at) || raw.charCodeAt(0) === 0x3c /* < */) refuse();
    const value = resolvePlain(raw);
    if (typeof value !== "string") refuse();
    return { node: { kind: "scalar", value, style: "plain", start: at, end: colon }, value, end: colon };
  }

  private quoted(at: number, close: number): string {
    const inner = this.text.slice(at + 1, close - 1);
    return this.text.charCodeAt(at) === SQUOTE ? inner.replaceAll("''", "'") : inner;
  }

  private plainStartOk(at: number): boolean {
    const t = this.text;
    const ch = t[at]!;
    if (NOT_PLAIN_START.has(ch)) return false;
    if (ch === "-" || ch === "?" || ch === ":") {
      const n = t.charCodeAt(at + 1);
      if (at + 1 >= this.len || n === SPACE || n === NL) return false;
    }
    return true;
  }

  /** A value that starts on the current line at `at`, inside a collection at column `indent`. */
  private inline(at: number, indent: number): { node: YNode; data: unknown } {
    const t = this.text;
    const c = t.charCodeAt(at);
    const end = this.lineEnd(at);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quoteEnd(at);
      if (close < 0) refuse();
      this.restOfLine(close, end);
      const value = this.quoted(at, close);
      return { node: { kind: "scalar", value, style: c === DQUOTE ? "double" : "single", start: at, end: close }, data: value };
    }
    if (c === PIPE) return this.literal(at, end, indent);
    if (!this.plainStartOk(at)) refuse();
    let stop = end;
    for (let i = at; i < end; i++) {
      const d = t.charCodeAt(i);
      if (d === TAB) refuse();
      if (d === HASH && t.charCodeAt(i - 1) === SPACE) {
        stop = i;
        break;
      }
      if (d === COLON && this.colonEnds(i)) refuse();
    }
    while (stop > at && t.charCodeAt(stop - 1) === SPACE) stop--;
    const raw = t.slice(at, stop);
    const value = resolvePlain(raw);
    this.pos = end >= this.len ? this.len : end + 1;
    return { node: { kind: "scalar", value, style: "plain", start: at, end: stop }, data: value };
  }

  /** After a quoted scalar: only spaces and a comment may follow on its line. */
  private restOfLine(from: number, end: number): void {
    const t = this.text;
    let i = from;
    while (t.charCodeAt(i) === SPACE) i++;
    if (i < end && !(t.charCodeAt(i) === HASH && i > from)) refuse();
    this.pos = end >= this.len ? this.len : end + 1;
  }

  /** A literal block scalar whose "|" is at `at`, inside a collection at column `indent`. */
  private literal(at: number, headerEnd: number, indent: number): { node: YNode; data: unknown } {
    const t = this.text;
    let h = at + 1;
    const strip = t.charCodeAt(h) === DASH;
    if (strip) h++;
    this.restOfLine(h, headerEnd);
    if (headerEnd >= this.len) refuse();
    let p = headerEnd + 1;
    // The first line sets the indentation; leading blank lines are refused (they have rules of their own).
    let n = 0;
    while (t.charCodeAt(p + n) === SPACE) n++;
    const first = t.charCodeAt(p + n);
    if (p + n >= this.len || first === NL || first === TAB || n <= indent) refuse();
    const lines: string[] = [];
    let blank = 0;
    let end = p;
    while (p < this.len) {
      let k = 0;
      while (k < n && t.charCodeAt(p + k) === SPACE) k++;
      const le = this.lineEnd(p);
      if (p + k === le) {
        blank++;
        p = le + 1;
        continue;
      }
      if (k < n) break;
      const nextCode = t.charCodeAt(p + k);
      if (nextCode === SPACE && /^ *$/.test(t.slice(p + k, le))) refuse(); // whitespace-only line, deeper than the block
      for (; blank > 0; blank--) lines.push("");
      lines.push(t.slice(p + n, le));
      end = le >= this.len ? this.len : le + 1;
      p = le + 1;
    }
    const value = lines.join("\n") + (strip ? "" : "\n");
    this.pos = end;
    return { node: { kind: "scalar", value, style: "literal", start: at, end }, data: value };
  }
}

/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` library does it. */
export function resolvePlain(s: string): unknown {
  if (s === "") return null;
  const c = s.charCodeAt(0);
  // Only these first characters can begin a null, a boolean or a number.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70))
    return s;
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
