/** Walking the code points of a string (surrogate pairs joined), shared by measuring and drawing. */

/** Calls `fn` with each code point of `text` (a plain loop: this runs for every character drawn). */
export function eachCodePoint(text: string, fn: (cp: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    fn(cp);
  }
}
