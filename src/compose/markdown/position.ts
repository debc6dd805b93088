/** Source positions of Markdown nodes, mapped back to the input file (via `markdownPos`). */
import type { Position } from "unist";
import { markdownPos } from "../../model/assessment.js";
import type { SourcePos } from "../../model/source.js";
import type { MarkdownEnv } from "./types.js";

export function nodePos(env: MarkdownEnv, node: { position?: Position }): SourcePos {
  const p = node.position;
  const start = markdownPos(env.md, p?.start);
  if (!p) return start;
  const end = markdownPos(env.md, p.end);
  // Field by field, not { ...start }: the spread took a slow path in V8 (a hot line in bulk builds).
  return { file: start.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * The position of `offset` inside a text node's value. Exact for plain text; where the source had
 * escapes or entities the column may be a few characters off, never the line.
 */
export function offsetPos(env: MarkdownEnv, node: { position?: Position }, value: string, offset: number): SourcePos {
  const start = node.position?.start;
  if (!start) return markdownPos(env.md, undefined);
  const before = value.slice(0, offset);
  const nl = before.lastIndexOf("\n");
  const lines = nl < 0 ? 0 : before.split("\n").length - 1;
  const column = nl < 0 ? start.column + offset : offset - nl;
  return markdownPos(env.md, { line: start.line + lines, column });
}
