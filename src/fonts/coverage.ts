/**
 * The characters every document needs: printable ASCII and every Vietnamese letter (NFC, both cases),
 * which the fixed texts of the documents (the national motto, headings, "Nơi nhận") and any unit's
 * text use. A configured font that lacks some of them is reported before anything is built (the PDF
 * would show blank boxes there); characters beyond these are checked in each document as it is laid
 * out (src/write/pdf/index.ts).
 */
import { glyphFor } from "./metrics.js";
import type { TrueTypeFont } from "./truetype.js";

const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

let alphabet: number[] | undefined;

/** Printable ASCII and the Vietnamese letters, as code points in ascending order. */
export function documentAlphabet(): readonly number[] {
  if (!alphabet) {
    const set = new Set<number>();
    for (let c = 0x20; c < 0x7f; c++) set.add(c);
    for (const v of VOWELS) {
      for (const t of TONES) {
        const lower = (v + t).normalize("NFC");
        set.add(lower.codePointAt(0)!);
        set.add(lower.toUpperCase().codePointAt(0)!);
      }
    }
    set.add(0x111); // đ
    set.add(0x110); // Đ
    alphabet = [...set].sort((a, b) => a - b);
  }
  return alphabet;
}

/** The characters of `documentAlphabet()` that `font` has no glyph for. */
export function missingFromAlphabet(font: TrueTypeFont): number[] {
  return documentAlphabet().filter((cp) => glyphFor(font, cp) === 0);
}
