/**
 * YAML syntax errors as the person who typed the file can act on them (CD105): the yaml library's
 * error codes become a plain explanation and the fix ("a colon inside a text: write the text as a
 * `|` block or in quotes"), at the place to fix, which is not always where the library stopped (the
 * opening quote of an unclosed string, the colon inside a justification, the non-breaking space that
 * looks like a space).
 *
 * One mistake makes the library report many errors: after a tab at the start of one line, every
 * later line of the file was "a nested mapping in a compact mapping" (41 errors for one tab). Only
 * the first error of a cascade is reported. A later error is reported too when it is independent of
 * the first: the first error's line is blanked and the text parsed again, and the next error is
 * kept only if it is of a kind that is local to its own line (a tab, a colon inside a text, a quote,
 * an escape, a reserved first character, an unusual space); anything else after a first error may be
 * its consequence and is left for the next run, once the first is fixed.
 */
import type { YAMLParseError } from "yaml";
import { diag, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LinePos } from "./line-index.js";

/** Syntax errors reported per file at most (the first, then independent ones). */
export const MAX_SYNTAX_ERRORS = 3;

/** Spaces that look like a space but are not one for YAML (a NBSP typed or pasted from a word processor). */
const UNUSUAL_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const SPACE_NAMES: Record<number, string> = {
  0xa0: "NO-BREAK SPACE",
  0x1680: "OGHAM SPACE MARK",
  0x200b: "ZERO WIDTH SPACE",
  0x202f: "NARROW NO-BREAK SPACE",
  0x205f: "MEDIUM MATHEMATICAL SPACE",
  0x3000: "IDEOGRAPHIC SPACE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
};

/** A line's indentation, with what may have been typed as indentation. */
const LEAD = /^[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]*/;

/**
 * An unusual space where YAML needs a real one, so that it breaks the line's syntax: in the
 * indentation, after a key's colon or after a list dash. (Inside a text it is only a character of the
 * text, normalised with a warning: CD119, text-hygiene.ts.) Its index in the line, or -1.
 */
function structuralOddSpace(line: string): number {
  const lead = LEAD.exec(line)![0];
  const inLead = lead.search(UNUSUAL_SPACE);
  if (inLead >= 0) return inLead;
  const m = new RegExp(`^[ ]*(?:-[ ]+)*(?:-|[^\\s:#][^:]*:)(?=${UNUSUAL_SPACE.source})`).exec(line);
  return m ? m[0].length : -1;
}

/** A mapping key at the start of a line (after list dashes), up to and with its colon; the key's text is group 2. */
const LINE_KEY = /^([ \t]*(?:-[ \t]+)*)("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#'"?:\-[\]{},][^\n]*?|[-?:][^\s\n][^\n]*?)[ \t]*:(?=[ \t]|$)/;

interface Explained {
  offset: number;
  detail: Arg;
  /** A mistake confined to its own line: what follows it is not its consequence. */
  local: boolean;
}

/**
 * The diagnostics of a file whose composition gave errors: DUPLICATE_KEY as CD106, MULTIPLE_DOCS as
 * CD109, syntax errors as CD105 (the first of each cascade, see above). `reparse` gives the errors of
 * another text (the same file with a line blanked).
 */
export function yamlErrorDiagnostics(
  file: string,
  text: string,
  linePos: LinePos,
  errors: readonly YAMLParseError[],
  reparse: (text: string) => readonly YAMLParseError[],
): Diagnostic[] {
  const at = (offset: number) => {
    const p = linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const syntax = sorted.filter(isSyntax);
  const firstSyntax = syntax[0]?.pos[0] ?? Infinity;
  const out: Diagnostic[] = [];
  for (const e of sorted) {
    if (e.code === "MULTIPLE_DOCS") out.push(diag("CD109", at(e.pos[0])));
    // A duplicate after a syntax error may be the error's consequence (a line read as a key twice).
    else if (e.code === "DUPLICATE_KEY" && e.pos[0] < firstSyntax) out.push(diag("CD106", at(e.pos[0]), { key: keyTextAt(text, e.pos[0]) }));
  }
  if (syntax.length === 0) return out;

  let current = text;
  let error: YAMLParseError | undefined = syntax[0];
  let lastLine = 0;
  for (let n = 0; error && n < MAX_SYNTAX_ERRORS; n++) {
    const x = explain(current, error);
    const line = linePos(x.offset).line;
    if (n > 0 && (!x.local || line <= lastLine)) break;
    out.push(diag("CD105", at(x.offset), { detail: x.detail }));
    lastLine = line;
    if (n + 1 === MAX_SYNTAX_ERRORS) break;
    current = blankLine(current, x.offset);
    error = [...reparse(current)].sort((a, b) => a.pos[0] - b.pos[0]).find(isSyntax);
  }
  return out;
}

function isSyntax(e: YAMLParseError): boolean {
  return e.code !== "MULTIPLE_DOCS" && e.code !== "DUPLICATE_KEY";
}

/** The text with the line holding `offset` replaced by spaces (offsets of every other line unchanged). */
function blankLine(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  let end = text.indexOf("\n", offset);
  if (end < 0) end = text.length;
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

function lineAround(text: string, offset: number): { start: number; end: number; line: string } {
  const start = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  return { start, end, line: text.slice(start, end) };
}

/** The next line with content after the line ending at `end` (not blank, not a comment). */
function nextContentLine(text: string, end: number): { start: number; line: string } | undefined {
  let p = end + 1;
  while (p < text.length) {
    let e = text.indexOf("\n", p);
    if (e < 0) e = text.length;
    const line = text.slice(p, e);
    if (line.trim() !== "" && !/^\s*#/.test(line)) return { start: p, line };
    p = e + 1;
  }
  return undefined;
}

function previousContentLine(text: string, start: number): { start: number; line: string } | undefined {
  let e = start - 1;
  while (e > 0) {
    const s = text.lastIndexOf("\n", e - 1) + 1;
    const line = text.slice(s, e);
    if (line.trim() !== "" && !/^\s*#/.test(line)) return { start: s, line };
    e = s - 1;
  }
  return undefined;
}

const indentOf = (line: string): number => /^[ ]*/.exec(line)![0].length;
const contentStart = (line: string): number => /^[ \t]*/.exec(line)![0].length;

function explain(text: string, e: YAMLParseError): Explained {
  const { start, end, line } = lineAround(text, e.pos[0]);
  const english = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");

  // A tab in the indentation, or a space that is not one, explains any error on its line.
  const lead = LEAD.exec(line)![0];
  const tab = lead.indexOf("\t");
  if (e.code === "TAB_AS_INDENT" || tab >= 0) return tabIndent(start + (tab >= 0 ? tab : 0));
  const odd = structuralOddSpace(line);
  if (odd >= 0) return unusualSpace(start + odd, line[odd]!);

  switch (e.code) {
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
    case "BAD_INDENT": {
      if (/^Flow (sequence|mapping)/.test(english)) return unclosedFlow(text, e.pos[0]);
      // A line indented deeper than the one above, which is not a pair: that line lacks its colon.
      const prev = previousContentLine(text, start);
      if (e.code === "BAD_INDENT" && prev && !LINE_KEY.test(prev.line) && !/^\s*-(\s|$)/.test(prev.line) && indentOf(line) > indentOf(prev.line)) {
        return missingColon(prev.start + contentStart(prev.line));
      }
      const key = LINE_KEY.exec(line);
      if (key) {
        const afterColon = start + key[0].length;
        const inner = /:(?=[ \t]|$)/.exec(valueText(text, afterColon, end));
        if (inner && e.code === "BLOCK_AS_IMPLICIT_KEY") return colonInText(valueStart(text, afterColon) + inner.index, keyName(key[2]!));
        // The line is a pair with a value, and the next line is indented deeper: that line is wrong.
        const next = nextContentLine(text, end);
        const hasValue = valueText(text, afterColon, end).trim() !== "";
        if (next && hasValue && indentOf(next.line) > indentOf(line) && e.code !== "BAD_INDENT") return indentation(next.start + contentStart(next.line));
        return indentation(start + contentStart(line));
      }
      // Not a pair: a key without its colon, or text continued on a line indented too little.
      if (e.code === "BAD_INDENT") return indentation(start + contentStart(line));
      return missingColon(start + contentStart(line));
    }
    case "MISSING_CHAR":
      if (/^Missing closing ["']quote/.test(english)) {
        const q = english.includes('"') ? '"' : "'";
        return unclosedQuote(openingQuote(text, e.pos[0], q), q);
      }
      if (/^Implicit map keys need to be followed by map values/.test(english)) return missingColon(start + contentStart(line));
      if (/^Tags and anchors must be separated/.test(english)) {
        const key = LINE_KEY.exec(line);
        const v = key ? valueStart(text, start + key[0].length) : start + contentStart(line);
        return reservedStartAt(v, text[v] ?? "");
      }
      break;
    case "UNEXPECTED_TOKEN":
      if (/at node end$/.test(english)) {
        const key = LINE_KEY.exec(line);
        const v = key ? valueStart(text, start + key[0].length) : start + contentStart(line);
        const c = text[v];
        if (c === '"' || c === "'") return textAfterQuote(e.pos[0]);
        if (c && "*&!".includes(c)) return reservedStartAt(v, c);
      }
      break;
    case "BAD_DQ_ESCAPE":
      return badEscape(e.pos[0], text.slice(e.pos[0], e.pos[0] + 2));
    case "BAD_SCALAR_START":
      return reservedStart(text, e.pos[0]);
  }
  return { offset: e.pos[0], detail: other(e.code, english), local: false };
}

/** The value's text on its line, from just after the key's colon (without leading spaces and a comment). */
function valueText(text: string, from: number, end: number): string {
  const v = text.slice(valueStart(text, from), end);
  const comment = /(^|[ \t])#/.exec(v);
  return comment ? v.slice(0, comment.index) : v;
}

function valueStart(text: string, from: number): number {
  let p = from;
  while (text[p] === " " || text[p] === "\t") p++;
  return p;
}

function keyName(raw: string): string {
  const q = raw[0];
  if (q === '"' || q === "'") return raw.slice(1, -1);
  return raw.trim();
}

/**
 * The opening quote of the string the library found unclosed: the last quote before `offset` that
 * starts a value (at a line's start, after ": ", "- " or a flow indicator) and is not closed on its own line.
 */
function openingQuote(text: string, offset: number, q: string): number {
  const starts = new RegExp(`(?:^[ \\t]*(?:-[ \\t]+)*|:[ \\t]+|-[ \\t]+|[\\[{,][ \\t]*)${q}`, "gm");
  let found = -1;
  for (let m = starts.exec(text); m && m.index < offset; m = starts.exec(text)) {
    const open = m.index + m[0].length - 1;
    if (open >= offset) break;
    const lineEnd = text.indexOf("\n", open);
    const rest = text.slice(open + 1, lineEnd < 0 ? text.length : lineEnd);
    const closed = q === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : rest.replaceAll("''", "").includes("'");
    if (!closed) found = open;
  }
  return found >= 0 ? found : offset;
}

function unclosedFlow(text: string, offset: number): Explained {
  const open = Math.max(text.lastIndexOf("[", offset), text.lastIndexOf("{", offset));
  const o = open >= 0 ? text[open]! : "[";
  const c = o === "[" ? "]" : "}";
  return {
    offset: open >= 0 ? open : offset,
    detail: {
      vi: `dấu “${o}” mở một danh sách hoặc một bảng nhưng không có dấu “${c}” đóng. Cách sửa: thêm “${c}”; nếu đây là văn bản bắt đầu bằng “${o}”, hãy đặt cả văn bản trong dấu nháy kép`,
      en: `“${o}” opens a list or a mapping that no “${c}” closes. To fix: add “${c}”; if this is a text that starts with “${o}”, put the whole text in double quotes`,
    },
    local: false,
  };
}

function tabIndent(offset: number): Explained {
  return {
    offset,
    detail: {
      vi: "dòng này thụt lề bằng ký tự tab, mà YAML chỉ cho phép thụt lề bằng dấu cách. Cách sửa: xóa tab, gõ dấu cách cho thẳng cột với các dòng cùng cấp",
      en: "this line is indented with a tab, and YAML allows only spaces for indentation. To fix: delete the tab and type spaces, in line with the lines of the same level",
    },
    local: true,
  };
}

function unusualSpace(offset: number, ch: string): Explained {
  const c = ch.codePointAt(0)!;
  const code = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = SPACE_NAMES[c] ?? "SPACE";
  return {
    offset,
    detail: {
      vi: `ký tự ${code} (${name}${c === 0xa0 ? ", khoảng trắng không ngắt" : ""}) ở đây trông như dấu cách nhưng YAML không coi là dấu cách, nên dòng này sai cú pháp. Cách sửa: xóa ký tự này và gõ lại một dấu cách thường`,
      en: `the character ${code} (${name}) here looks like a space, but YAML does not read it as one, so this line is not valid. To fix: delete it and type an ordinary space`,
    },
    local: true,
  };
}

function colonInText(offset: number, key: string): Explained {
  return {
    offset,
    detail: {
      vi: `dấu hai chấm và dấu cách (“: ”) trong một văn bản không có dấu nháy làm YAML hiểu phần đứng trước là một khóa mới. Cách sửa: viết văn bản thành khối — ghi “${key}: |”, xuống dòng rồi viết văn bản thụt lề sâu hơn “${key}” 2 dấu cách — hoặc đặt cả văn bản trong dấu nháy kép`,
      en: `a colon followed by a space (“: ”) in a text without quotes makes YAML read what comes before it as a new key. To fix: write the text as a block — “${key}: |”, then the text on the next lines, indented 2 spaces deeper than “${key}” — or put the whole text in double quotes`,
    },
    local: true,
  };
}

function indentation(offset: number): Explained {
  return {
    offset,
    detail: {
      vi: "thụt lề không khớp: các khóa cùng cấp phải bắt đầu ở cùng một cột, khóa con thụt vào sâu hơn khóa chứa nó. Cách sửa: chỉnh số dấu cách ở đầu dòng này cho thẳng cột với các dòng cùng cấp",
      en: "the indentation does not match: keys of the same level start in the same column, and a key's children are indented deeper. To fix: change the spaces at the start of this line to line it up with the lines of its level",
    },
    local: false,
  };
}

function missingColon(offset: number): Explained {
  return {
    offset,
    detail: {
      vi: "dòng này không có dạng “khóa: giá trị”. Cách sửa: thêm dấu hai chấm và một dấu cách sau khóa; nếu dòng này là phần tiếp theo của văn bản ở dòng trên, hãy viết văn bản thành khối “|” với mọi dòng thụt lề sâu hơn khóa",
      en: "this line is not of the form “key: value”. To fix: add a colon and a space after the key; if the line continues the text of the line above, write the text as a “|” block, every line indented deeper than its key",
    },
    local: false,
  };
}

function unclosedQuote(offset: number, q: string): Explained {
  return {
    offset,
    detail: {
      vi: `dấu nháy ${q} mở văn bản ở đây nhưng không có dấu nháy ${q} đóng. Cách sửa: thêm dấu nháy ${q} ở cuối văn bản; nếu trong văn bản có dấu nháy, hãy bỏ dấu nháy ở đầu và viết văn bản thành khối “|”`,
      en: `the quote ${q} here opens a text that no ${q} closes. To fix: add ${q} at the end of the text; if the text holds quotes itself, drop the opening quote and write the text as a “|” block`,
    },
    local: true,
  };
}

function textAfterQuote(offset: number): Explained {
  return {
    offset,
    detail: {
      vi: "có chữ sau dấu nháy đóng: văn bản bắt đầu bằng dấu nháy thì kết thúc ở dấu nháy tiếp theo. Cách sửa: nếu dấu nháy là một phần của văn bản, hãy viết văn bản thành khối “|”, hoặc đặt cả văn bản trong dấu nháy đơn '…' (dấu nháy đơn bên trong viết hai lần: '')",
      en: "there is text after the closing quote: a text that starts with a quote ends at the next one. To fix: if the quote is part of the text, write the text as a “|” block, or put the whole text in single quotes '…' (a single quote inside written twice: '')",
    },
    local: true,
  };
}

function badEscape(offset: number, escape: string): Explained {
  return {
    offset,
    detail: {
      vi: `trong dấu nháy kép, dấu \\ bắt đầu một ký tự đặc biệt, mà “${escape}” không phải ký tự đặc biệt nào. Cách sửa: viết \\\\ cho mỗi dấu \\, hoặc đặt văn bản trong dấu nháy đơn`,
      en: `inside double quotes a \\ starts an escape, and “${escape}” is none. To fix: write \\\\ for each \\, or put the text in single quotes`,
    },
    local: true,
  };
}

function reservedStart(text: string, offset: number): Explained {
  return reservedStartAt(offset, text[offset] ?? "");
}

function reservedStartAt(offset: number, ch: string): Explained {
  return {
    offset,
    detail: {
      vi: `giá trị không có dấu nháy không được bắt đầu bằng ký tự “${ch}” (ký tự có nghĩa riêng trong YAML). Cách sửa: đặt cả giá trị trong dấu nháy kép`,
      en: `a value without quotes cannot start with “${ch}” (a character with a meaning of its own in YAML). To fix: put the whole value in double quotes`,
    },
    local: true,
  };
}

/** The library's other errors, in words (the library's own message kept in English). */
const OTHER: Record<string, string> = {
  BAD_ALIAS: "bí danh (*tên) không đúng",
  BAD_DIRECTIVE: "dòng bắt đầu bằng % không phải chỉ thị YAML hợp lệ; nếu đây là văn bản, hãy đặt trong dấu nháy kép",
  BAD_PROP_ORDER: "neo (&tên) và thẻ (!tên) đặt sai chỗ",
  BLOCK_IN_FLOW: "trong cặp [ ] hoặc { } không được viết khối nhiều dòng",
  MULTIPLE_ANCHORS: "một giá trị có hai neo (&tên)",
  MULTIPLE_TAGS: "một giá trị có hai thẻ (!tên)",
  TAG_RESOLVE_FAILED: "thẻ (!tên) không được hỗ trợ",
  ALIAS_PROPS: "bí danh (*tên) không được có neo hay thẻ",
  KEY_OVER_1024_CHARS: "khóa dài quá 1024 ký tự (có thể thiếu dấu hai chấm hoặc thiếu xuống dòng)",
  NON_STRING_KEY: "khóa không phải là chữ",
  BAD_COLLECTION_TYPE: "kiểu danh sách hoặc bảng không đúng",
  RESOURCE_EXHAUSTION: "tệp quá phức tạp để đọc",
};

function other(code: string, english: string): Arg {
  const what = OTHER[code] ?? "cú pháp không đúng ở đây";
  return { vi: `${what}. Cách sửa: xem lại dòng này, so với các dòng viết đúng ở trên`, en: `${english} (${code})` };
}

function keyTextAt(text: string, offset: number): string {
  const m = /^[^:\n]*/.exec(text.slice(offset));
  return (m ? m[0] : "").trim().replace(/^["']|["']$/g, "");
}
