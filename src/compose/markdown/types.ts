/**
 * Types of the Markdown → document-model conversion. The node map is mdast's own registry
 * (`RootContentMap`) plus the root and the three inline nodes the reader makes from whitelisted HTML
 * (`<u>`, `<sub>`, `<sup>`; see src/read/markdown.ts), so the handler table in handlers.ts can be
 * checked for exhaustiveness by the compiler.
 */
import type { Definition, PhrasingContent, Root, RootContentMap } from "mdast";
import type { Position } from "unist";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ParagraphStyle, RunStyle, Twips } from "../../document/model.js";
import type { Markdown } from "../../model/assessment.js";
import type { Placeholders } from "../placeholders.js";
import type { Emitter } from "./emitter.js";

/** An inline wrapper made by the reader from whitelisted HTML. */
export interface WrapperNode<T extends string> {
  type: T;
  children: PhrasingContent[];
  position?: Position;
}

export type NodeMap = RootContentMap & {
  root: Root;
  underline: WrapperNode<"underline">;
  subscript: WrapperNode<"subscript">;
  superscript: WrapperNode<"superscript">;
};
export type NodeType = keyof NodeMap;

/** Any node the converter may meet, including unknown custom ones (handled by the fallback). */
export interface AnyNode {
  type: string;
  value?: unknown;
  children?: AnyNode[];
  position?: Position;
  [key: string]: unknown;
}

/** Where the Markdown is placed: the report body, or a table cell. */
export interface MarkdownStyle {
  /** Style of ordinary paragraphs. */
  paragraph: ParagraphStyle;
  /** Base run style (size, and emphasis the surrounding context imposes). */
  run: RunStyle;
  /** Width available to the blocks, in twips (for Markdown tables and rules). */
  width: Twips;
}

/** Per-text state shared by all handlers of one conversion. */
export interface MarkdownEnv {
  md: Markdown;
  diagnostics: Diagnostic[];
  placeholders?: Placeholders;
  definitions: Map<string, Definition>;
  usedDefinitions: Set<string>;
  /** Footnote label → printed number, in order of first reference. */
  footnotes: Map<string, number>;
  /**
   * Convert one node, or a node's children, through the handler table (handlers.ts). Handlers
   * recurse through these, as mdast-util-to-hast's `state.one`/`state.all` do, so that block.ts and
   * inline.ts need not import the table that imports them.
   */
  one: (node: unknown, em: Emitter, st: State) => void;
  all: (node: { children?: readonly unknown[] }, em: Emitter, st: State) => void;
}

/** What a handler knows about where it is. Immutable: handlers pass modified copies to children. */
export interface State {
  env: MarkdownEnv;
  style: MarkdownStyle;
  run: RunStyle;
  listDepth: number;
}

export type Handler<N> = (node: N, em: Emitter, st: State) => void;
