/**
 * Markdown (justifications, report body) → document-model blocks. Pure: the diagnostics are pushed
 * onto the array given. Paragraph sources point back into the input file.
 */
import type { Definition } from "mdast";
import { diag, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Block } from "../../document/model.js";
import type { Markdown } from "../../model/assessment.js";
import type { Placeholders } from "../placeholders.js";
import { Emitter } from "./emitter.js";
import { visit, visitChildren } from "./handlers.js";
import { nodePos } from "./position.js";
import type { AnyNode, MarkdownEnv, MarkdownStyle } from "./types.js";

export type { MarkdownStyle } from "./types.js";

export function renderMarkdown(md: Markdown, style: MarkdownStyle, diagnostics: Diagnostic[], placeholders?: Placeholders): Block[] {
  const env: MarkdownEnv = {
    md,
    diagnostics,
    definitions: collectDefinitions(md),
    usedDefinitions: new Set(),
    footnotes: new Map(),
    one: visit,
    all: visitChildren,
  };
  if (placeholders) env.placeholders = placeholders;
  const em = new Emitter();
  visit(md.root, em, { env, style, run: style.run, listDepth: 0 });
  const blocks = em.finish();
  for (const [id, def] of env.definitions) {
    if (!env.usedDefinitions.has(id)) diagnostics.push(diag("CD610", nodePos(env, def), { label: def.label ?? id }));
  }
  return blocks;
}

function collectDefinitions(md: Markdown): Map<string, Definition> {
  const found = new Map<string, Definition>();
  // A definition needs "]:" in the source: skip the walk for the (usual) text without one.
  if (!md.text.includes("]:")) return found;
  const walk = (n: AnyNode) => {
    if (n.type === "definition") {
      const d = n as unknown as Definition;
      if (!found.has(d.identifier)) found.set(d.identifier, d);
    }
    if (n.children) for (const c of n.children) walk(c);
  };
  walk(md.root as unknown as AnyNode);
  return found;
}
