/**
 * Handlers for phrasing (inline) mdast nodes. Each either renders, or renders its text with a CD6xx
 * diagnostic at its position: text is never dropped silently.
 */
import type {
  Break,
  Delete,
  Emphasis,
  FootnoteReference,
  Html,
  Image,
  ImageReference,
  InlineCode,
  Link,
  LinkReference,
  PhrasingContent,
  Strong,
  Text,
} from "mdast";
import { diag } from "../../diagnostics/diagnostic.js";
import type { RunStyle } from "../../document/model.js";
import { substitute } from "../placeholders.js";
import { PLACEHOLDER_NAMES } from "../placeholders.js";
import type { Emitter } from "./emitter.js";
import { nodePos, offsetPos } from "./position.js";
import type { State, WrapperNode } from "./types.js";

/** Markdown whitespace semantics: soft line breaks and runs of spaces or tabs print as one space. */
const SPACE_TO_FOLD = /[\t\r\n]| {2}/;

export function normalizeSpace(value: string): string {
  const nfc = value.normalize("NFC");
  // Most text nodes have neither line breaks, tabs nor double spaces: nothing to fold.
  return SPACE_TO_FOLD.test(nfc) ? nfc.replace(/[ \t]*\r?\n[ \t]*/g, " ").replace(/[ \t]+/g, " ") : nfc;
}

export function pushText(value: string, em: Emitter, st: State, node: { position?: Text["position"] }, style: RunStyle = st.run): void {
  if (!value) return;
  em.inline({ kind: "text", text: value, style }, st.style.paragraph, nodePos(st.env, node));
}

function withRun(st: State, patch: Partial<RunStyle>): State {
  return { ...st, run: { ...st.run, ...patch } };
}

export function text(node: Text, em: Emitter, st: State): void {
  let value = node.value;
  const ph = st.env.placeholders;
  if (ph) {
    const r = substitute(value, ph);
    for (const p of r.problems) {
      const pos = offsetPos(st.env, node, value, p.offset);
      st.env.diagnostics.push(
        p.error === "unknown"
          ? diag("CD601", pos, { name: p.name, known: PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(", ") })
          : diag("CD602", pos, { name: p.name, reason: p.error ?? "" }),
      );
    }
    value = r.text;
  }
  pushText(normalizeSpace(value), em, st, node);
}

export function emphasis(node: Emphasis, em: Emitter, st: State): void {
  st.env.all(node, em, withRun(st, { italic: true }));
}

export function strong(node: Strong, em: Emitter, st: State): void {
  st.env.all(node, em, withRun(st, { bold: true }));
}

export function underline(node: WrapperNode<"underline">, em: Emitter, st: State): void {
  st.env.all(node, em, withRun(st, { underline: true }));
}

export function subscript(node: WrapperNode<"subscript">, em: Emitter, st: State): void {
  st.env.all(node, em, withRun(st, { vertAlign: "sub" }));
}

export function superscript(node: WrapperNode<"superscript">, em: Emitter, st: State): void {
  st.env.all(node, em, withRun(st, { vertAlign: "super" }));
}

/** Strikethrough has no place in an official document: the text prints plainly, with a warning. */
export function del(node: Delete, em: Emitter, st: State): void {
  st.env.diagnostics.push(diag("CD605", nodePos(st.env, node)));
  st.env.all(node, em, st);
}

export function hardBreak(node: Break, em: Emitter, st: State): void {
  em.inline({ kind: "break", style: st.run }, st.style.paragraph, nodePos(st.env, node));
}

/** Inline code prints as ordinary text: the document font is Times New Roman throughout. */
export function inlineCode(node: InlineCode, em: Emitter, st: State): void {
  st.env.diagnostics.push(diag("CD604", nodePos(st.env, node)));
  pushText(node.value.normalize("NFC"), em, st, node);
}

/** A printed document cannot be clicked: the address follows the text unless the text is the address. */
function appendUrl(url: string, children: PhrasingContent[], em: Emitter, st: State, node: Link | LinkReference): void {
  const shown = url.replace(/^mailto:/, "");
  const label = children.map((c) => ("value" in c ? c.value : "")).join("");
  if (!shown || shown.startsWith("#") || label === shown || label === url) return;
  pushText(` (${shown})`, em, st, node);
}

export function link(node: Link, em: Emitter, st: State): void {
  st.env.all(node, em, st);
  appendUrl(node.url, node.children, em, st, node);
}

export function linkReference(node: LinkReference, em: Emitter, st: State): void {
  st.env.all(node, em, st);
  const def = st.env.definitions.get(node.identifier);
  if (def) {
    st.env.usedDefinitions.add(node.identifier);
    appendUrl(def.url, node.children, em, st, node);
  }
}

/** Images cannot be placed: the alt text prints in their place, with a warning. */
export function image(node: Image | ImageReference, em: Emitter, st: State): void {
  const alt = (node.alt ?? "").trim();
  st.env.diagnostics.push(diag("CD603", nodePos(st.env, node), { alt }));
  if (node.type === "imageReference") st.env.usedDefinitions.add(node.identifier);
  pushText(normalizeSpace(alt), em, st, node);
}

/** A footnote mark: its number, superscript. The note itself prints where it is defined. */
export function footnoteReference(node: FootnoteReference, em: Emitter, st: State): void {
  pushText(String(footnoteNumber(st, node.identifier)), em, st, node, { ...st.run, vertAlign: "super" });
}

export function footnoteNumber(st: State, id: string): number {
  const known = st.env.footnotes.get(id);
  if (known !== undefined) return known;
  const n = st.env.footnotes.size + 1;
  st.env.footnotes.set(id, n);
  return n;
}

/**
 * Raw HTML that the reader did not turn into nodes. A comment is left out (info); anything else prints
 * literally (warning), so the author sees it in the output as well as in the report.
 */
export function html(node: Html, em: Emitter, st: State): void {
  const value = node.value.trim();
  if (value.startsWith("<!--")) {
    st.env.diagnostics.push(diag("CD607", nodePos(st.env, node)));
    return;
  }
  st.env.diagnostics.push(diag("CD606", nodePos(st.env, node), { html: value.length > 40 ? value.slice(0, 39) + "…" : value }));
  pushText(normalizeSpace(node.value), em, st, node);
}
