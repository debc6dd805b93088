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

  /**
   * A number as content streams want it, followed by a space: the same characters as `num`, written
   * digit by digit from the rounded thousandths (formatting a double is the slow part of `num`).
   */
  num(v: number): this {
    const k = Math.round(v * 1000);
    if (!(Math.abs(k) < 1e12)) return this.text(num(v)).byte(0x20); // NaN, huge: never in practice
    this.room(24);
    if (k === 0) {
      this.buf[this.n++] = 0x30;
      this.buf[this.n++] = 0x20;
      return this;
    }
    let a = k;
    if (a < 0) {
      this.buf[this.n++] = 0x2d; // -
      a = -a;
    }
    const whole = Math.floor(a / 1000);
    let frac = a - whole * 1000;
    this.digits(whole);
    if (frac > 0) {
      this.buf[this.n++] = 0x2e; // .
      let width = 3;
      while (frac % 10 === 0) {
        frac /= 10;
        width--;
      }
      for (let d = width - 1; d >= 0; d--) {
        const p = 10 ** d;
        const digit = Math.floor(frac / p);
        this.buf[this.n++] = 0x30 + digit;
        frac -= digit * p;
      }
    }
    this.buf[this.n++] = 0x20;
    return this;
  }

  private digits(x: number): void {
    if (x >= 10) this.digits(Math.floor(x / 10));
    this.buf[this.n++] = 0x30 + (x % 10);
  }

  /** Raw bytes. */
  raw(b: Uint8Array): this {
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
    return this;
  }

  /** An object that serialises itself into a buffer (pdf-lib's PDFObject). */
  object(o: { sizeInBytes(): number; copyBytesInto(buffer: Uint8Array, offset: number): number }): this {
    this.room(o.sizeInBytes());
    this.n += o.copyBytesInto(this.buf, this.n);
    return this;
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
