/**
 * Inline layout, step 1: turn a paragraph's runs into atoms — words (unbreakable, possibly several
 * styles: a bold "100" directly followed by "/100" is one word), breakable white space, and forced line breaks — each measured.
 * Text is normalised to NFC here, at the layout's input boundary.
 */
import type { Inline, RunStyle } from "../../document/model.js";
import type { LayoutFonts } from "../measure.js";

export interface Piece {
  text: string;
  style: RunStyle;
  width: number;
  /** Placeholder for the current page number. */
  pageNumber?: boolean;
}

export type Atom =
  | { kind: "word"; pieces: Piece[]; width: number }
  | { kind: "space"; pieces: Piece[]; width: number }
  | { kind: "break"; style: RunStyle };

/** Characters that end a word and may be followed by a line break (Word breaks at spaces and tabs). */
const BREAKABLE = /([ \t\u200b]+|\r\n|\n|\r)/;

/** Width reserved for a page-number field: two digits, as Word reserves the field result's width. */
const PAGE_NUMBER_SAMPLE = "00";

export function collect(runs: readonly Inline[], fonts: LayoutFonts): Atom[] {
  const atoms: Atom[] = [];
  const push = (kind: "word" | "space", piece: Piece) => {
    const last = atoms[atoms.length - 1];
    if (last && last.kind === kind) {
      const prev = last.pieces[last.pieces.length - 1];
      if (prev && prev.style === piece.style && !prev.pageNumber && !piece.pageNumber) {
        prev.text += piece.text;
        prev.width = fonts.measure(prev.text, prev.style);
      } else {
        last.pieces.push(piece);
      }
      last.width = last.pieces.reduce((s, p) => s + p.width, 0);
    } else {
      atoms.push({ kind, pieces: [piece], width: piece.width });
    }
  };
  for (const run of runs) {
    if (run.kind === "break") {
      atoms.push({ kind: "break", style: run.style });
      continue;
    }
    if (run.kind === "pageNumber") {
      push("word", { text: "", style: run.style, width: fonts.measure(PAGE_NUMBER_SAMPLE, run.style), pageNumber: true });
      continue;
    }
    const text = run.text.normalize("NFC");
    for (const token of text.split(BREAKABLE)) {
      if (token === "") continue;
      if (token === "\n" || token === "\r" || token === "\r\n") {
        atoms.push({ kind: "break", style: run.style });
      } else if (/^[ \t\u200b]+$/.test(token)) {
        // Tabs become spaces (chamdiem sets no tab stops); zero-width spaces are break opportunities only.
        const t = token.replace(/\t/g, " ").replace(/\u200b/g, "");
        push("space", { text: t, style: run.style, width: t ? fonts.measure(t, run.style) : 0, pageNumber: false });
      } else {
        push("word", { text: token, style: run.style, width: fonts.measure(token, run.style), pageNumber: false });
      }
    }
  }
  return atoms;
}
