/**
 * A fast path for Markdown that is only prose: paragraphs of plain text with the whitelisted inline
 * tags (<i>, </b>, <br> …) and nothing else Markdown would interpret. Justifications are almost always
 * like that, and micromark reads them at about 1 MB/s (≈ 20 ms per seed-sized assessment, most of a
 * `check`), while this builds the identical mdast — same nodes, values and positions — in microseconds.
 *
 * Emphasis with asterisks is taken in its simplest form only: `*a*` or `**a**` on one line, nothing
 * nested, the opening run after a space or a line start and before a non-space, the closing run after
 * a non-space and before a space, a line end or . , ; : ) ! ? — the form of "đạt **{{total}} điểm**"
 * in a report body, which alone sent every assessment through micromark (≈ 1 ms each).
 *
 * The test is deliberately conservative: any character or line start that could begin another
 * Markdown or GFM construct (other emphasis, code, links, autolinks, entities, escapes, tables,
 * strikethrough, lists, headings, quotes, thematic breaks, setext underlines, hard breaks,
 * indentation) sends the text to remark. test/markdown-plain.test.ts checks that both give the same tree.
 */
import type { Emphasis, Html, Paragraph, PhrasingContent, Root, Strong, Text } from "mdast";
import { lineAt, lineStarts } from "./line-index.js";

const SPECIAL = /[_`[\]!\\~|@\t\r\f\v\u0000\uD800-\uDFFF]|&(?=#|[a-z\d]+;)|:\/\/|www\./i;
const TAG = /<(\/?(?:i|b|em|strong|u|sub|sup)|br\s?\/?)>/g;
const ANY_ANGLE = /[<>]/;
/** Line starts that open a block construct (after up to three spaces); "*a*" and "**a**" do not. */
const BLOCK_START = /^ {0,3}(?:[#>+=-]|\*(?=\s|$)|\*\*\*|\d{1,9}[.)])/;

/** A unist point. */
function pointAt(starts: readonly number[], offset: number): { line: number; column: number; offset: number } {
  const p = lineAt(starts, offset);
  return { line: p.line, column: p.col, offset };
}

export function parsePlainMarkdown(text: string): Root | undefined {
  if (SPECIAL.test(text)) return undefined;
  if (ANY_ANGLE.test(text.replace(TAG, ""))) return undefined;
  const lines = text.split("\n");
  for (const line of lines) {
    if (BLOCK_START.test(line) || / +$/.test(line) || /^ {4}/.test(line)) return undefined;
  }

  const lineStart = lineStarts(text);
  const point = pointAt.bind(null, lineStart);

  const root: Root = { type: "root", children: [], position: { start: point(0), end: point(text.length) } };
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.trim() === "") {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.trim() !== "") j++;
    const first = lines[i]!;
    const start = lineStart[i]! + (first.length - first.trimStart().length);
    const end = lineStart[j]! + lines[j]!.length;
    const spans = emphasisSpans(text, start, end);
    if (!spans) return undefined;
    root.children.push(paragraph(text, start, end, spans, point));
    i = j + 1;
  }
  return root;
}

type PointFn = (offset: number) => { line: number; column: number; offset: number };

/** A run of one or two asterisks that opens or closes emphasis: [start, end) of the whole span. */
interface Span {
  start: number;
  end: number;
  size: 1 | 2;
}

const CLOSER_FOLLOW = new Set([" ", "\n", ".", ",", ";", ":", ")", "!", "?"]);

/** The emphasis spans of a paragraph in [start, end), or undefined if its asterisks are not all simple pairs. */
function emphasisSpans(text: string, start: number, end: number): Span[] | undefined {
  const spans: Span[] = [];
  let i = text.indexOf("*", start);
  while (i >= 0 && i < end) {
    const size = text[i + 1] === "*" ? 2 : 1;
    const inner = i + size;
    const before = i === start ? "\n" : text[i - 1]!;
    if (text[inner] === "*" || (before !== " " && before !== "\n") || inner >= end || /\s/.test(text[inner]!)) return undefined;
    const close = text.indexOf("*", inner);
    if (close < 0 || close >= end) return undefined;
    const after = close + size;
    if (text.slice(close, after) !== "*".repeat(size) || text.slice(inner, close).includes("\n") || /\s/.test(text[close - 1]!)) return undefined;
    if (after < end && (text[after] === "*" || !CLOSER_FOLLOW.has(text[after]!))) return undefined;
    spans.push({ start: i, end: after, size: size as 1 | 2 });
    i = text.indexOf("*", after);
  }
  return spans;
}

function paragraph(text: string, start: number, end: number, spans: Span[], point: PointFn): Paragraph {
  const children: PhrasingContent[] = [];
  let cursor = start;
  for (const s of spans) {
    inlines(text, cursor, s.start, point, children);
    const inner: PhrasingContent[] = [];
    inlines(text, s.start + s.size, s.end - s.size, point, inner);
    const node = { type: s.size === 2 ? "strong" : "emphasis", children: inner, position: { start: point(s.start), end: point(s.end) } } as Strong | Emphasis;
    children.push(node);
    cursor = s.end;
  }
  inlines(text, cursor, end, point, children);
  return { type: "paragraph", children, position: { start: point(start), end: point(end) } };
}

/** Text and whitelisted tags in [start, end). */
function inlines(text: string, start: number, end: number, point: PointFn, children: PhrasingContent[]): void {
  const pushText = (from: number, to: number) => {
    // Indentation at the end of a node (before a tag on a continuation line) is not part of it.
    const trailing = /\n +$/.exec(text.slice(from, to));
    if (trailing) to -= trailing[0].length - 1;
    if (to <= from) return;
    // Inside a paragraph, Markdown drops the indentation of continuation lines.
    const value = text.slice(from, to).replace(/\n +/g, "\n");
    children.push({ type: "text", value, position: { start: point(from), end: point(to) } } satisfies Text);
  };
  TAG.lastIndex = start;
  let cursor = start;
  for (let m = TAG.exec(text); m && m.index < end; m = TAG.exec(text)) {
    pushText(cursor, m.index);
    const tagEnd = m.index + m[0].length;
    children.push({ type: "html", value: m[0], position: { start: point(m.index), end: point(tagEnd) } } satisfies Html);
    cursor = tagEnd;
  }
  pushText(cursor, end);
}
