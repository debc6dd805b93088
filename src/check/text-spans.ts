/**
 * The running text of each paragraph of a Markdown field, with a way back from a character offset to
 * its position in the input file, so text checks (citations, punctuation) can point at the exact place.
 */
import type { Nodes } from "mdast";
import { markdownPos, type Markdown } from "../model/assessment.js";
import type { SourcePos } from "../model/source.js";

export interface TextSpan {
  text: string;
  posAt(offset: number): SourcePos;
}

interface Piece {
  start: number;
  value: string;
  line: number;
  column: number;
}

export function paragraphSpans(md: Markdown): TextSpan[] {
  const spans: TextSpan[] = [];
  visitSpans(md, md.root, spans);
  return spans;
}

// Module-level functions and a class, not closures per call: V8 keeps a closure's optimised code
// only while one of its closures is alive, and per-call closures were compiled again after every
// full collection of a bulk build.
function visitSpans(md: Markdown, node: Nodes, spans: TextSpan[]): void {
  if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
    const span = new ParagraphSpan(md);
    collectText(node, span);
    spans.push(span);
    return;
  }
  if ("children" in node) for (const c of node.children as Nodes[]) visitSpans(md, c, spans);
}

function collectText(n: Nodes, span: ParagraphSpan): void {
  if (n.type === "text" || n.type === "inlineCode") {
    const p = n.position?.start;
    span.pieces.push({ start: span.text.length, value: n.value, line: p?.line ?? 1, column: (p?.column ?? 1) + (n.type === "inlineCode" ? 1 : 0) });
    span.text += n.value;
  } else if (n.type === "break") {
    span.text += "\n";
  } else if ("children" in n) {
    for (const c of n.children as Nodes[]) collectText(c, span);
  }
}

/** A paragraph's text, with the source pieces it was joined from. */
class ParagraphSpan implements TextSpan {
  text = "";
  readonly pieces: Piece[] = [];
  constructor(private readonly md: Markdown) {}
  posAt(offset: number): SourcePos {
    return locate(this.md, this.pieces, offset);
  }
}

function locate(md: Markdown, pieces: Piece[], offset: number): SourcePos {
  let piece = pieces[0];
  for (const p of pieces) if (p.start <= offset) piece = p;
  if (!piece) return markdownPos(md, undefined);
  const within = piece.value.slice(0, Math.max(0, offset - piece.start));
  const nl = within.lastIndexOf("\n");
  const line = piece.line + (within.match(/\n/g)?.length ?? 0);
  const column = nl >= 0 ? within.length - nl : piece.column + within.length;
  return markdownPos(md, { line, column });
}
