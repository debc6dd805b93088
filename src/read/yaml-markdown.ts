/**
 * Markdown inside YAML: the justification and report texts are Markdown strings in YAML scalars.
 * Parsing one maps every position back to the YAML file (block scalars start on the next line).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Markdown } from "../model/assessment.js";
import { parseMarkdown } from "./markdown.js";
import { nodeAt, type PathSegment, type YamlSource } from "./yaml-source.js";
import type { YScalar } from "./yaml-tree.js";

/** Parse the Markdown string at a path, mapping positions back to the YAML file. */
export function readMarkdownAt(src: YamlSource, path: PathSegment[]): { md: Markdown; diagnostics: Diagnostic[] } | undefined {
  const node = nodeAt(src, path);
  if (node?.kind !== "scalar" || typeof node.value !== "string") return undefined;
  return parseMarkdown(node.value, scalarOrigin(src, node));
}

const INDENT = /(?:[ \t]*\r?\n)*( *)/y;

function scalarOrigin(src: YamlSource, node: YScalar): Markdown["origin"] {
  const start = node.start;
  const p = src.linePos(start);
  if (node.style === "literal" || node.style === "folded") {
    // Content starts on the next line; its indentation is that of the first non-empty line.
    // Leading blank lines are part of the value, so the text's line 1 is the line after the indicator.
    const nl = src.text.indexOf("\n", start);
    INDENT.lastIndex = nl + 1;
    const firstLine = nl >= 0 ? INDENT.exec(src.text) : null;
    return { file: src.file, line: p.line + 1, column: 1, indent: firstLine ? firstLine[1]!.length : 0, block: true };
  }
  const quoted = node.style === "double" || node.style === "single";
  return { file: src.file, line: p.line, column: p.col + (quoted ? 1 : 0), indent: 0, block: false };
}
