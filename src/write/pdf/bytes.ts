/**
 * A growable byte buffer for content streams: operators and numbers as ASCII, glyph codes as raw
 * bytes. Writing bytes directly spares building (and flattening, and re-encoding) a string per page.
 */
export class ByteWriter {
  private buf: Uint8Array;
  private n = 0;

  constructor(capacity = 8192) {
    this.buf = new Uint8Array(capacity);
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  /** An ASCII (or latin1) string, one byte per char. */
  text(s: string): this {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
    return this;
  }

  byte(b: number): this {
    this.room(1);
    this.buf[this.n++] = b;
    return this;
  }

  /** A number as content streams want it (see `num`), followed by a space. */
  num(v: number): this {
    return this.text(num(v)).byte(0x20);
  }

  /** The bytes written so far (a copy the writer no longer touches). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.n);
  }

  get length(): number {
    return this.n;
  }
}

/** A number for a content stream: at most 3 decimals, no trailing zeros, no "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  if (r === 0) return "0";
  return String(r);
}
