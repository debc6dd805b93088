/**
 * Markdown reader for justifications and the report body: remark-parse + remark-gfm, with two
 * micromark constructs switched off (docs/dependencies.md): `htmlFlow`, so a line starting with <i> stays a
 * paragraph instead of a raw HTML block that would swallow its Markdown, and `codeIndented`, so text
 * indented four spaces (common when pasting from Word) is not turned into a code block.
 * Whitelisted inline HTML (i, b, em, strong, u, sub, sup, br) becomes ordinary mdast nodes; any other
 * tag is a positioned diagnostic.
 */
import type { Parent, PhrasingContent, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { markdownPos, type Markdown } from "../model/assessment.js";
import { parsePlainMarkdown } from "./markdown-plain.js";

let processor: Processor<Root> | undefined;

function getProcessor(): Processor<Root> {
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(function disableConstructs(this: Processor) {
        const data = this.data() as { micromarkExtensions?: unknown[] };
        (data.micromarkExtensions ??= []).push({ disable: { null: ["htmlFlow", "codeIndented"] } });
      }) as unknown as Processor<Root>;
  }
  return processor;
}

export function parseMarkdown(text: string, origin: Markdown["origin"]): { md: Markdown; diagnostics: Diagnostic[] } {
  const plain = parsePlainMarkdown(text);
  const diagnostics: Diagnostic[] = [];
  const md: Markdown = { text, root: plain ?? LITERAL, origin };
  if (!plain) {
    const limit = beyondLimits(text);
    if (limit) {
      // Refused, so nothing is ever laid out from it: keep the text as one literal paragraph.
      md.root = literalRoot(text);
      diagnostics.push(
        limit.code === "CD514"
          ? diag("CD514", markdownPos(md, limit.at), { count: limit.count, limit: MAX_DELIMITER_RUNS })
          : diag("CD515", markdownPos(md, limit.at), { limit: MAX_NESTING }),
      );
      return { md, diagnostics };
    }
    md.root = parseWithRemark(text);
  }
  convertInlineHtml(md.root, md, diagnostics);
  return { md, diagnostics };
}

/**
 * Bounds on what micromark is given. Its emphasis resolution is quadratic in the number of `*`, `_`
 * and `~` runs in a paragraph (8 000 runs: 4,5 s; 4 000: 0,6 s), and mdast utilities recurse once
 * per level of nesting (thousands of `>` overflow the stack). Real justifications have a handful of
 * each, so the limits sit far above any real text, and low enough that a 2 MB file of values at the
 * limit still checks in seconds.
 */
const MAX_DELIMITER_RUNS = 200;
const MAX_NESTING = 32;
const DELIMITER_RUN = /[*_~]+/g;
/** One level of block container at the start of a line: a quote marker or a list item marker. */
const CONTAINER = /^[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/;

const LITERAL: Root = { type: "root", children: [] };

function literalRoot(text: string): Root {
  return { type: "root", children: [{ type: "paragraph", children: [{ type: "text", value: text }] }] };
}

function beyondLimits(text: string): { code: "CD514" | "CD515"; count: number; at: { line: number; column: number } } | undefined {
  let runs = 0;
  let at: { line: number; column: number } | undefined;
  DELIMITER_RUN.lastIndex = 0;
  for (let m = DELIMITER_RUN.exec(text); m; m = DELIMITER_RUN.exec(text)) {
    if (++runs === MAX_DELIMITER_RUNS + 1) at = pointAt(text, m.index);
  }
  if (at) return { code: "CD514", count: runs, at };
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const end = text.indexOf("\n", start);
    let rest = text.slice(start, end < 0 ? text.length : end);
    // Markers, plus indentation: a nested list item needs at least two more columns per level, so
    // this is an upper bound of the line's nesting.
    let depth = 0;
    let spaces = 0;
    for (let m = CONTAINER.exec(rest); m && depth + spaces / 2 <= MAX_NESTING; m = CONTAINER.exec(rest)) {
      depth++;
      spaces += m[0].length - m[0].trimStart().length;
      rest = rest.slice(m[0].length);
    }
    const levels = depth + Math.floor(spaces / 2);
    if (depth > 0 && levels > MAX_NESTING) return { code: "CD515", count: levels, at: { line, column: 1 } };
    if (end < 0) break;
    start = end + 1;
  }
  return undefined;
}

function pointAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The full CommonMark + GFM parse (what parsePlainMarkdown must agree with). */
export function parseWithRemark(text: string): Root {
  return getProcessor().parse(text) as Root;
}

/**
 * Whitelisted tags → node types. underline, subscript and superscript are not mdast's: their type is
 * WrapperNode in src/compose/markdown/types.ts (NodeMap), where the handlers that consume them live.
 */
const WRAPPERS: Record<string, string> = {
  i: "emphasis",
  em: "emphasis",
  b: "strong",
  strong: "strong",
  u: "underline",
  sub: "subscript",
  sup: "superscript",
};

const TAG = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)\s*>$/;

/** Replace whitelisted inline HTML tag pairs by mdast nodes, recursively, reporting everything else. */
function convertInlineHtml(node: Parent, md: Markdown, out: Diagnostic[]): void {
  const children = node.children as RootContent[];
  if (children.some((c) => c.type === "html")) {
    node.children = wrapTags(children, md, out) as Parent["children"];
  }
  for (const c of node.children as RootContent[]) {
    if ("children" in c) convertInlineHtml(c as Parent, md, out);
  }
}

interface Open {
  tag: string;
  index: number;
  node: RootContent;
}

function wrapTags(children: RootContent[], md: Markdown, out: Diagnostic[]): RootContent[] {
  // A stack of open tags; `result` holds the output list, and an open tag remembers where its
  // content starts in that list.
  const result: RootContent[] = [];
  const stack: Open[] = [];
  for (const child of children) {
    if (child.type !== "html") {
      result.push(child);
      continue;
    }
    const m = TAG.exec(child.value.trim());
    const tag = m ? m[2]!.toLowerCase() : "";
    const pos = markdownPos(md, child.position?.start);
    if (!m || (tag !== "br" && !(tag in WRAPPERS))) {
      out.push(diag("CD501", pos, { tag: m ? tag : child.value.trim().slice(0, 20) }));
      // Keep the text visible: an unknown tag is rendered literally rather than dropped.
      result.push({ type: "text", value: child.value, position: child.position });
      continue;
    }
    if (tag === "br") {
      result.push({ type: "break", position: child.position });
      continue;
    }
    if (m[1] !== "/") {
      stack.push({ tag, index: result.length, node: child });
      continue;
    }
    const openAt = findLast(stack, tag);
    if (openAt < 0) {
      out.push(diag("CD503", pos, { tag }));
      continue;
    }
    // Tags opened after this one and never closed are reported, their content kept unwrapped.
    for (const unclosed of stack.splice(openAt + 1)) {
      out.push(diag("CD502", markdownPos(md, unclosed.node.position?.start), { tag: unclosed.tag }));
    }
    const open = stack.pop()!;
    const inner = result.splice(open.index) as PhrasingContent[];
    const wrapped = {
      type: WRAPPERS[tag],
      children: inner,
      position: { start: open.node.position!.start, end: child.position!.end },
    } as unknown as RootContent;
    result.push(wrapped);
  }
  for (const unclosed of stack) {
    out.push(diag("CD502", markdownPos(md, unclosed.node.position?.start), { tag: unclosed.tag }));
  }
  return result;
}

function findLast(stack: Open[], tag: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.tag === tag) return i;
  return -1;
}

/** Plain text of a Markdown tree (for citation checks and text comparisons). */
export function plainText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  if (node.type === "break") return "\n";
  if (!node.children) return "";
  const sep = node.type === "root" || node.type === "list" || node.type === "listItem" ? "\n" : "";
  return (node.children as { type: string }[]).map((c) => plainText(c)).join(sep);
}
