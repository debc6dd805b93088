/**
 * Inline layout, step 1: turn a paragraph's runs into atoms — words (unbreakable, possibly several
 * styles: a bold "100" directly followed by "/100" is one word), breakable white space, and forced line breaks — each measured.
 * Text is normalised to NFC here, at the layout's input boundary.
 */
import type { Inline, RunStyle } from "../../document/model.js";
import type { LayoutFonts } from "../fonts.js";

export interface Piece {
  text: string;
  style: RunStyle;
  width: number;
  /** Placeholder for the current page number. */
  pageNumber: boolean;
  /** White space (breakable, hangs at a line end). Lines take pieces as they are, without copies. */
  space: boolean;
}

export type Atom =
  /** `open`: the word may be continued by the next word piece (false after a breaking hyphen). */
  { kind: "word"; pieces: Piece[]; width: number; open?: boolean } | { kind: "space"; pieces: Piece[]; width: number } | { kind: "break"; style: RunStyle };

/** Positions after a hyphen or en dash that follows a letter or digit and precedes a non-digit. */
export const HYPHEN_BREAK = /(?<=[\p{L}\p{N}\p{M}][-\u2010\u2013])(?=[^\p{N}\-\u2010\u2013])/u;

/** Width reserved for a page-number field: two digits, as Word reserves the field result's width. */
const PAGE_NUMBER_SAMPLE = "00";

/**
 * Appends a piece to the last atom when it continues it (same kind, an open word), else starts a new
 * atom.
 *
 * An atom that grows is listed in `grown` and measured once, by `measureGrown`, when the paragraph is
 * collected: measuring the joined text and summing the pieces at every append took time quadratic in
 * the number of runs a word is made of (a 1 MB word of alternating bold and plain letters).
 */
function push(atoms: Atom[], kind: "word" | "space", piece: Piece, grown: Atom[], open = true): void {
  const last = atoms[atoms.length - 1];
  if (last && last.kind === kind && (last.kind !== "word" || last.open !== false)) {
    const prev = last.pieces[last.pieces.length - 1];
    if (prev && prev.style === piece.style && !prev.pageNumber && !piece.pageNumber) prev.text += piece.text;
    else last.pieces.push(piece);
    if (grown[grown.length - 1] !== last) grown.push(last);
    if (last.kind === "word") last.open = open;
  } else {
    atoms.push(kind === "word" ? { kind, pieces: [piece], width: piece.width, open } : { kind, pieces: [piece], width: piece.width });
  }
}

/** The widths of the atoms that grew: each text piece measured as a whole, the pieces summed in order. */
function measureGrown(grown: readonly Atom[], fonts: LayoutFonts): void {
  for (const atom of grown) {
    if (atom.kind === "break") continue;
    let width = 0;
    for (const p of atom.pieces) {
      if (!p.pageNumber) p.width = fonts.measure(p.text, p.style);
      width += p.width;
    }
    atom.width = width;
  }
}

export function collect(runs: readonly Inline[], fonts: LayoutFonts): Atom[] {
  const atoms: Atom[] = [];
  const grown: Atom[] = [];
  for (const run of runs) {
    if (run.kind === "break") {
      atoms.push({ kind: "break", style: run.style });
      continue;
    }
    if (run.kind === "pageNumber") {
      push(atoms, "word", { text: "", style: run.style, width: fonts.measure(PAGE_NUMBER_SAMPLE, run.style), pageNumber: true, space: false }, grown);
      continue;
    }
    const text = run.text.normalize("NFC");
    // A hand-written scanner (no regex split): this runs for every word of the document.
    let i = 0;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        atoms.push({ kind: "break", style: run.style });
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        continue;
      }
      if (c === 32 || c === 9 || c === 0x200b) {
        // Tabs become spaces (chamdiem sets no tab stops); zero-width spaces are break opportunities only.
        let spaces = 0;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 32 || d === 9) spaces++;
          else if (d !== 0x200b) break;
          i++;
        }
        const t = " ".repeat(spaces);
        push(atoms, "space", { text: t, style: run.style, width: spaces ? fonts.measure(t, run.style) : 0, pageNumber: false, space: true }, grown);
        continue;
      }
      let j = i + 1;
      let hyphen = c === 45 || c === 0x2010 || c === 0x2013;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 32 || d === 9 || d === 0x200b || d === 10 || d === 13) break;
        if (d === 45 || d === 0x2010 || d === 0x2013) hyphen = true;
        j++;
      }
      const token = text.slice(i, j);
      i = j;
      if (!hyphen) {
        push(atoms, "word", { text: token, style: run.style, width: fonts.measure(token, run.style), pageNumber: false, space: false }, grown);
        continue;
      }
      // Word (and LibreOffice) may break a line after a hyphen inside a word ("1880/BC-" | "VP"),
      // though not before a digit ("10-15") nor after a leading hyphen ("-5").
      const parts = token.split(HYPHEN_BREAK);
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k];
        if (part)
          push(
            atoms,
            "word",
            { text: part, style: run.style, width: fonts.measure(part, run.style), pageNumber: false, space: false },
            grown,
            k === parts.length - 1,
          );
      }
    }
  }
  if (grown.length) measureGrown(grown, fonts);
  return atoms;
}
