/**
 * Breaking a word wider than its line, in time linear in its length (the general path, linebreak.ts,
 * and the plain path, plain.ts, share it, so they break alike to the last bit).
 *
 * The word is cut after its last "/" or "-" that fits, else after the last character that fits, and
 * always after at least one character; a character is a code point with its combining marks, so an
 * accent never parts from its letter. The word's characters are read once, from a cursor, as lines take
 * them: only the characters of the line being filled (and of the next one or two, to tell whether the
 * rest of the word is still wider than a line) are measured and held at a time. (Cutting by measuring
 * the whole rest of the word again for every line took time quadratic in its length: a 100 KB word
 * took 30 s, a 1 MB one was killed.)
 */
import type { LayoutFonts } from "../fonts.js";
import type { Piece } from "./collect.js";

/**
 * What a word is made of: collect.ts's pieces (plain.ts passes its one word as one part). A page
 * number is one character as wide as the room reserved for it (`width`); a text part is measured.
 */
export type WordPart = Pick<Piece, "text" | "style" | "pageNumber" | "width">;

/** Combining-mark flags of the BMP, filled on demand: 0 unknown, 1 not a mark, 2 a mark. */
const markFlags = new Uint8Array(0x10000);
const MARK = /^\p{M}$/u;

function isMark(cp: number): boolean {
  // No code point below U+0300 is a combining mark.
  if (cp < 0x300) return false;
  if (cp > 0xffff) return MARK.test(String.fromCodePoint(cp));
  let f = markFlags[cp];
  if (f === 0) markFlags[cp] = f = MARK.test(String.fromCharCode(cp)) ? 2 : 1;
  return f === 2;
}

/** The code point at `i` of `s` (surrogate pairs joined; a lone surrogate is itself). */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return c;
}

export class WordSplitter {
  readonly #parts: readonly WordPart[];
  readonly #fonts: LayoutFonts;
  // The cursor: the first character not yet taken.
  #part = 0;
  #offset = 0;
  // Characters read ahead of the cursor (the window): part index, start and end offset, width, and
  // whether it is a "/" or "-". `#head` is the window's first entry.
  #wPart: number[] = [];
  #wStart: number[] = [];
  #wEnd: number[] = [];
  #wWidth: number[] = [];
  #wBreak: boolean[] = [];
  #head = 0;
  // Where reading ahead continues.
  #scanPart = 0;
  #scanOffset = 0;

  constructor(parts: readonly WordPart[], fonts: LayoutFonts) {
    this.#parts = parts;
    this.#fonts = fonts;
  }

  /** True once a head has been taken (the rest is no longer the word as given). */
  get started(): boolean {
    return this.#part > 0 || this.#offset > 0;
  }

  #available(): number {
    return this.#wPart.length - this.#head;
  }

  /** Reads characters ahead until `n` are in the window or the word ends; false if it ended first. */
  #ensure(n: number): boolean {
    while (this.#available() < n) {
      if (!this.#readOne()) return false;
    }
    return true;
  }

  #readOne(): boolean {
    const parts = this.#parts;
    while (this.#scanPart < parts.length) {
      const p = parts[this.#scanPart]!;
      if (p.pageNumber) {
        // A page number is one character, as wide as the width reserved for it.
        if (this.#scanOffset === 0) {
          this.#push(this.#scanPart, 0, 0, p.width, false);
          this.#scanOffset = 1;
          return true;
        }
      } else if (this.#scanOffset < p.text.length) {
        const text = p.text;
        const start = this.#scanOffset;
        let i = start;
        let cp = codePointAt(text, i);
        i += cp > 0xffff ? 2 : 1;
        // A base character takes the marks after it; marks at the start of a part stay together.
        while (i < text.length) {
          cp = codePointAt(text, i);
          if (!isMark(cp)) break;
          i += cp > 0xffff ? 2 : 1;
        }
        this.#scanOffset = i;
        const one = i === start + 1;
        const c = text.charCodeAt(start);
        this.#push(this.#scanPart, start, i, this.#fonts.measure(text.slice(start, i), p.style), one && (c === 47 || c === 45));
        return true;
      }
      this.#scanPart++;
      this.#scanOffset = 0;
    }
    return false;
  }

  #push(part: number, start: number, end: number, width: number, isBreak: boolean): void {
    this.#wPart.push(part);
    this.#wStart.push(start);
    this.#wEnd.push(end);
    this.#wWidth.push(width);
    this.#wBreak.push(isBreak);
  }

  /**
   * How many characters of the rest go on a line with `limit` points free (the free room plus the
   * tolerance): after the last "/" or "-" that fits, else as many as fit, at least one; -1 when the
   * rest cannot be split (one character left, or all of it would go).
   */
  cut(limit: number): number {
    if (!this.#ensure(2)) return -1;
    const h = this.#head;
    let fit = 0;
    let acc = 0;
    let lastBreak = -1;
    while (this.#ensure(fit + 1)) {
      const w = this.#wWidth[h + fit]!;
      if (!(acc + w <= limit)) break;
      acc += w;
      if (this.#wBreak[h + fit]) lastBreak = fit;
      fit++;
    }
    let cut = Math.max(1, fit);
    if (lastBreak >= 0 && this.#ensure(lastBreak + 2)) cut = lastBreak + 1;
    if (!this.#ensure(cut + 1)) return -1;
    return cut;
  }

  /** Whether the rest's characters, measured one by one, are wider than `limit` (reads ahead to know). */
  longerThan(limit: number): boolean {
    let sum = 0;
    for (let k = 0; ; k++) {
      if (!this.#ensure(k + 1)) return false;
      sum += this.#wWidth[this.#head + k]!;
      if (sum > limit) return true;
    }
  }

  /** Takes the next `n` characters (n ≤ the window) as pieces, each measured as a whole. */
  take(n: number): Piece[] {
    const out: Piece[] = [];
    const h = this.#head;
    let k = 0;
    while (k < n) {
      const part = this.#wPart[h + k]!;
      const src = this.#parts[part]!;
      if (src.pageNumber) {
        out.push({ text: "", style: src.style, width: src.width, pageNumber: true, space: false });
        k++;
        continue;
      }
      const start = this.#wStart[h + k]!;
      while (k + 1 < n && this.#wPart[h + k + 1] === part) k++;
      const text = src.text.slice(start, this.#wEnd[h + k]!);
      out.push({ text, style: src.style, width: this.#fonts.measure(text, src.style), pageNumber: false, space: false });
      k++;
    }
    this.#advance(n);
    return out;
  }

  /** Takes the next `n` characters of a one-part word: the end offset of the head in the part's text. */
  takeEnd(n: number): number {
    const end = this.#wEnd[this.#head + n - 1]!;
    this.#advance(n);
    return end;
  }

  /** Offset in its part's text where the rest starts (for one-part words). */
  get offset(): number {
    return this.#offset;
  }

  #advance(n: number): void {
    const h = this.#head + n;
    if (h < this.#wPart.length) {
      this.#part = this.#wPart[h]!;
      this.#offset = this.#wStart[h]!;
    } else {
      this.#part = this.#scanPart;
      this.#offset = this.#scanOffset;
    }
    this.#head = h;
    // Drop what was taken once it outweighs what is left, so the window stays the size of a line or two.
    if (h > 64 && h * 2 > this.#wPart.length) {
      this.#wPart.splice(0, h);
      this.#wStart.splice(0, h);
      this.#wEnd.splice(0, h);
      this.#wWidth.splice(0, h);
      this.#wBreak.splice(0, h);
      this.#head = 0;
    }
  }

  /** The rest of the word as pieces, each measured as a whole. */
  rest(): Piece[] {
    const out: Piece[] = [];
    for (let i = this.#part; i < this.#parts.length; i++) {
      const src = this.#parts[i]!;
      if (src.pageNumber) {
        if (i > this.#part || this.#offset === 0) out.push({ text: "", style: src.style, width: src.width, pageNumber: true, space: false });
        continue;
      }
      const text = i === this.#part && this.#offset > 0 ? src.text.slice(this.#offset) : src.text;
      if (text) out.push({ text, style: src.style, width: this.#fonts.measure(text, src.style), pageNumber: false, space: false });
    }
    return out;
  }
}
