/**
 * The handler table: one handler per mdast node type, checked for exhaustiveness by the compiler
 * (adding a node type to mdast's registry, or a custom inline node to NodeMap, fails the build until
 * it has a handler). Node types outside the map (another plugin's custom nodes) go to `fallback`,
 * which prints their text with a warning.
 */
import { diag } from "../../diagnostics/diagnostic.js";
import * as B from "./block.js";
import type { Emitter } from "./emitter.js";
import * as I from "./inline.js";
import { nodePos } from "./position.js";
import type { AnyNode, Handler, NodeMap, NodeType, State } from "./types.js";

export const HANDLERS: { [K in NodeType]: Handler<NodeMap[K]> } = {
  // flow
  root: B.root,
  paragraph: B.para,
  heading: B.heading,
  thematicBreak: B.thematicBreak,
  blockquote: B.blockquote,
  list: B.list,
  listItem: B.listItem,
  code: B.code,
  yaml: B.code,
  definition: B.definition,
  footnoteDefinition: B.footnoteDefinition,
  table: B.table,
  tableRow: B.tableRow,
  tableCell: B.tableCell,
  html: I.html,
  // phrasing
  text: I.text,
  emphasis: I.emphasis,
  strong: I.strong,
  delete: I.del,
  break: I.hardBreak,
  inlineCode: I.inlineCode,
  link: I.link,
  linkReference: I.linkReference,
  image: I.image,
  imageReference: I.image,
  footnoteReference: I.footnoteReference,
  underline: I.underline,
  subscript: I.subscript,
  superscript: I.superscript,
};

const TABLE = HANDLERS as unknown as Record<string, Handler<AnyNode> | undefined>;

export function visit(node: unknown, em: Emitter, st: State): void {
  const n = node as AnyNode;
  const h = Object.prototype.hasOwnProperty.call(TABLE, n.type) ? TABLE[n.type] : undefined;
  if (h) h(n, em, st);
  else fallback(n, em, st);
}

export function visitChildren(node: { children?: readonly unknown[] }, em: Emitter, st: State): void {
  const children = node.children;
  if (!children) return;
  for (const c of children) visit(c, em, st);
}

/** An unknown node: its literal value or its children's text prints, with a warning. */
export function fallback(node: AnyNode, em: Emitter, st: State): void {
  st.env.diagnostics.push(diag("CD608", nodePos(st.env, node), { type: String(node.type) }));
  if (typeof node.value === "string") I.pushText(I.normalizeSpace(node.value), em, st, node);
  else visitChildren(node, em, st);
}
