/**
 * A small, fast reader for TrueType (glyf-outline) font files: just what measuring, line metrics and
 * subsetting need. It does not shape (no GSUB/GPOS): like Word with its default settings, we map each
 * character to one glyph through `cmap` and advance by `hmtx`, with pair kerning from a legacy `kern`
 * table only when asked for.
 *
 * Parsing is lazy where it matters: the table directory, head/hhea/OS-2/post are read at once (a few
 * hundred bytes); `cmap`, `hmtx` and `kern` on first use; `loca` only when subsetting.
 *
 * Every read is inside its table: a damaged font gives a FontFormatError (which the CLI reports as a
 * diagnostic), never a RangeError from the DataView. validate.ts checks a configured font's structure
 * before it is used; these checks are for what it does not look at, and for fonts it never saw.
 */

export interface TableRecord {
  offset: number;
  length: number;
}

export class FontFormatError extends Error {
  override name = "FontFormatError";
}

export interface VerticalMetrics {
  unitsPerEm: number;
  /** hhea ascender/descender/lineGap (descender negative). */
  hheaAscender: number;
  hheaDescender: number;
  hheaLineGap: number;
  /** OS/2 usWinAscent / usWinDescent (both positive), or the hhea values when OS/2 is missing. */
  winAscent: number;
  winDescent: number;
  typoAscender: number;
  typoDescender: number;
  typoLineGap: number;
  capHeight: number;
  /** OS/2 sub/superscript size and offset (font units), 0 when absent. */
  subscriptYSize: number;
  subscriptYOffset: number;
  superscriptYSize: number;
  superscriptYOffset: number;
  underlinePosition: number;
  underlineThickness: number;
}

export class TrueTypeFont {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly tables: ReadonlyMap<string, TableRecord>;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  readonly indexToLocFormat: number;
  readonly bbox: readonly [number, number, number, number];
  readonly macStyle: number;
  readonly metrics: VerticalMetrics;
  readonly italicAngle: number;
  readonly isFixedPitch: boolean;
  readonly weightClass: number;
  /** OS/2 fsType embedding permissions. */
  readonly fsType: number;
  readonly numberOfHMetrics: number;
  /** A label for messages (usually the file path). */
  readonly label: string;

  #advances: Uint16Array | undefined;
  #bmp: Uint16Array | undefined;
  #astral: Map<number, number> | undefined;
  #kern: Map<number, number> | null | undefined;
  #loca: Uint32Array | undefined;
  #postScriptName: string | undefined;

  constructor(bytes: Uint8Array, label = "font") {
    this.bytes = bytes;
    this.label = label;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = this.view;
    if (bytes.byteLength < 12) throw new FontFormatError(`${label}: not a font file (too short)`);
    const version = v.getUint32(0);
    if (version === 0x4f54544f /* OTTO */) {
      throw new FontFormatError(`${label}: OpenType/CFF outlines are not supported; use a TrueType (.ttf) font`);
    }
    if (version === 0x74746366 /* ttcf */) {
      throw new FontFormatError(`${label}: font collections (.ttc) are not supported; use a single .ttf file`);
    }
    if (version !== 0x00010000 && version !== 0x74727565 /* true */) {
      throw new FontFormatError(`${label}: not a TrueType font`);
    }
    const numTables = v.getUint16(4);
    if (12 + 16 * numTables > bytes.byteLength) throw new FontFormatError(`${label}: table directory out of bounds`);
    const tables = new Map<string, TableRecord>();
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + 16 * i;
      const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
      const offset = v.getUint32(rec + 8);
      const length = v.getUint32(rec + 12);
      if (offset + length > bytes.byteLength) throw new FontFormatError(`${label}: table ${tag} out of bounds`);
      tables.set(tag, { offset, length });
    }
    this.tables = tables;
    for (const t of ["head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"]) {
      if (!tables.has(t)) throw new FontFormatError(`${label}: missing required table '${t}'`);
    }
    // The fixed fields read below (and rewritten by the subsetter) must be inside their tables.
    for (const [t, min] of [
      ["head", 54],
      ["hhea", 36],
      ["maxp", 6],
    ] as const) {
      if (tables.get(t)!.length < min) throw new FontFormatError(`${label}: table '${t}' too short`);
    }

    const head = this.table("head").offset;
    this.unitsPerEm = v.getUint16(head + 18);
    this.bbox = [v.getInt16(head + 36), v.getInt16(head + 38), v.getInt16(head + 40), v.getInt16(head + 42)];
    this.macStyle = v.getUint16(head + 44);
    this.indexToLocFormat = v.getInt16(head + 50);

    this.numGlyphs = v.getUint16(this.table("maxp").offset + 4);

    const hhea = this.table("hhea").offset;
    const hheaAscender = v.getInt16(hhea + 4);
    const hheaDescender = v.getInt16(hhea + 6);
    const hheaLineGap = v.getInt16(hhea + 8);
    this.numberOfHMetrics = v.getUint16(hhea + 34);

    let winAscent = hheaAscender;
    let winDescent = -hheaDescender;
    let typoAscender = hheaAscender;
    let typoDescender = hheaDescender;
    let typoLineGap = hheaLineGap;
    let capHeight = Math.round(hheaAscender * 0.7);
    let subscriptYSize = 0;
    let subscriptYOffset = 0;
    let superscriptYSize = 0;
    let superscriptYOffset = 0;
    let weightClass = this.macStyle & 1 ? 700 : 400;
    let fsType = 0;
    const os2 = tables.get("OS/2");
    if (os2 && os2.length >= 78) {
      const o = os2.offset;
      const os2Version = v.getUint16(o);
      weightClass = v.getUint16(o + 4);
      fsType = v.getUint16(o + 8);
      subscriptYSize = v.getInt16(o + 12);
      subscriptYOffset = v.getInt16(o + 16);
      superscriptYSize = v.getInt16(o + 20);
      superscriptYOffset = v.getInt16(o + 24);
      typoAscender = v.getInt16(o + 68);
      typoDescender = v.getInt16(o + 70);
      typoLineGap = v.getInt16(o + 72);
      winAscent = v.getUint16(o + 74);
      winDescent = v.getUint16(o + 76);
      if (os2Version >= 2 && os2.length >= 90) capHeight = v.getInt16(o + 88);
    }
    this.weightClass = weightClass;
    this.fsType = fsType;

    let underlinePosition = -Math.round(this.unitsPerEm * 0.1);
    let underlineThickness = Math.round(this.unitsPerEm * 0.05);
    let italicAngle = 0;
    let isFixedPitch = false;
    const post = tables.get("post");
    if (post && post.length >= 16) {
      italicAngle = v.getInt32(post.offset + 4) / 65536;
      underlinePosition = v.getInt16(post.offset + 8);
      underlineThickness = v.getInt16(post.offset + 10);
      isFixedPitch = v.getUint32(post.offset + 12) !== 0;
    }
    this.italicAngle = italicAngle;
    this.isFixedPitch = isFixedPitch;
    this.metrics = {
      unitsPerEm: this.unitsPerEm,
      hheaAscender,
      hheaDescender,
      hheaLineGap,
      winAscent,
      winDescent,
      typoAscender,
      typoDescender,
      typoLineGap,
      capHeight,
      subscriptYSize,
      subscriptYOffset,
      superscriptYSize,
      superscriptYOffset,
      underlinePosition,
      underlineThickness,
    };
  }

  table(tag: string): TableRecord {
    const t = this.tables.get(tag);
    if (!t) throw new FontFormatError(`${this.label}: missing table '${tag}'`);
    return t;
  }

  /** Advance widths (font units) of every glyph. */
  get advances(): Uint16Array {
    if (!this.#advances) {
      const v = this.view;
      const hmtx = this.table("hmtx").offset;
      const n = this.numGlyphs;
      // (A damaged hmtx shorter than its count: the metrics it has, the last one repeated.)
      const m = Math.max(1, Math.min(this.numberOfHMetrics, n, Math.floor(this.table("hmtx").length / 4)));
      const adv = new Uint16Array(n);
      if (this.table("hmtx").length >= 4) for (let i = 0; i < m; i++) adv[i] = v.getUint16(hmtx + 4 * i);
      adv.fill(adv[m - 1]!, m);
      this.#advances = adv;
    }
    return this.#advances;
  }

  /** Left side bearing of a glyph (font units). */
  leftSideBearing(gid: number): number {
    const v = this.view;
    const hmtx = this.table("hmtx");
    const m = this.numberOfHMetrics;
    const at = gid < m ? 4 * gid + 2 : 4 * m + 2 * (gid - m);
    return at + 2 <= hmtx.length ? v.getInt16(hmtx.offset + at) : 0;
  }

  /** Glyph id for a Unicode code point (0 = .notdef when the font lacks it). */
  glyphId(codePoint: number): number {
    if (!this.#bmp) this.#parseCmap();
    if (codePoint < 0x10000) return this.#bmp![codePoint] ?? 0;
    return this.#astral!.get(codePoint) ?? 0;
  }

  hasGlyph(codePoint: number): boolean {
    return this.glyphId(codePoint) !== 0;
  }

  /** Kerning adjustment (font units) between two glyphs from a legacy `kern` table; 0 if none. */
  kerning(left: number, right: number): number {
    if (this.#kern === undefined) this.#kern = this.#parseKern();
    if (this.#kern === null) return 0;
    return this.#kern.get(left * 65536 + right) ?? 0;
  }

  get hasKerning(): boolean {
    if (this.#kern === undefined) this.#kern = this.#parseKern();
    return this.#kern !== null && this.#kern.size > 0;
  }

  /** Offsets of every glyph record in `glyf` (numGlyphs + 1 entries). */
  get loca(): Uint32Array {
    if (!this.#loca) {
      const v = this.view;
      const loca = this.table("loca");
      const n = this.numGlyphs + 1;
      const out = new Uint32Array(n);
      const short = this.indexToLocFormat === 0;
      const needed = n * (short ? 2 : 4);
      if (loca.length < needed) throw new FontFormatError(`${this.label}: loca table too short`);
      for (let i = 0; i < n; i++) {
        out[i] = short ? v.getUint16(loca.offset + 2 * i) * 2 : v.getUint32(loca.offset + 4 * i);
      }
      this.#loca = out;
    }
    return this.#loca;
  }

  /** The raw bytes of a glyph record (empty for glyphs without outline). */
  glyphRecord(gid: number): Uint8Array {
    const loca = this.loca;
    const glyf = this.table("glyf");
    const start = loca[gid];
    const end = loca[gid + 1];
    if (start === undefined || end === undefined || end <= start) return new Uint8Array(0);
    if (end > glyf.length) throw new FontFormatError(`${this.label}: glyph ${gid} out of bounds`);
    return this.bytes.subarray(glyf.offset + start, glyf.offset + end);
  }

  /** PostScript name from the `name` table (ID 6), falling back to a name derived from the label. */
  get postScriptName(): string {
    if (this.#postScriptName === undefined) this.#postScriptName = this.#readPostScriptName();
    return this.#postScriptName;
  }

  #readPostScriptName(): string {
    const fallback = "Font";
    const name = this.tables.get("name");
    if (!name) return fallback;
    const v = this.view;
    const o = name.offset;
    const end = o + name.length;
    if (name.length < 6) return fallback;
    const count = v.getUint16(o + 2);
    const strings = o + v.getUint16(o + 4);
    for (let i = 0; i < count && o + 6 + 12 * (i + 1) <= end; i++) {
      const r = o + 6 + 12 * i;
      const platform = v.getUint16(r);
      const nameId = v.getUint16(r + 6);
      if (nameId !== 6) continue;
      const len = v.getUint16(r + 8);
      const off = strings + v.getUint16(r + 10);
      if (off + len > end) continue;
      let s = "";
      if (platform === 3 || platform === 0) {
        for (let k = 0; k + 1 < len; k += 2) s += String.fromCharCode(v.getUint16(off + k));
      } else {
        s = String.fromCharCode(...this.bytes.subarray(off, off + len));
      }
      // PostScript names are printable ASCII without spaces or delimiters.
      s = s.replace(/[^\x21-\x7e]|[[\](){}<>/%]/g, "");
      if (s) return s;
    }
    return fallback;
  }

  #parseCmap(): void {
    const v = this.view;
    const table = this.table("cmap");
    const cmap = table.offset;
    const end = cmap + table.length;
    const count = table.length >= 4 ? v.getUint16(cmap + 2) : 0;
    let best4 = -1;
    let best12 = -1;
    // The first Unicode subtable of each format whose header and arrays are inside the table.
    for (let i = 0; i < count && cmap + 4 + 8 * (i + 1) <= end; i++) {
      const r = cmap + 4 + 8 * i;
      const platform = v.getUint16(r);
      const encoding = v.getUint16(r + 2);
      const sub = cmap + v.getUint32(r + 4);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode || sub + 4 > end) continue;
      const format = v.getUint16(sub);
      if (format === 12 && best12 < 0 && sub + 16 <= end && sub + 16 + 12 * v.getUint32(sub + 12) <= end) best12 = sub;
      if (format === 4 && best4 < 0 && sub + 14 <= end && sub + 16 + 4 * v.getUint16(sub + 6) <= end) best4 = sub;
    }
    const bmp = new Uint16Array(0x10000);
    const astral = new Map<number, number>();
    if (best12 >= 0) {
      const groups = v.getUint32(best12 + 12);
      let prevEnd = -1;
      for (let g = 0; g < groups; g++) {
        const r = best12 + 16 + 12 * g;
        const start = v.getUint32(r);
        const stop = Math.min(v.getUint32(r + 4), 0x10ffff);
        let gid = v.getUint32(r + 8);
        // Groups are sorted and apart; an overlapping one (a damaged font) is skipped, so that every
        // code point is mapped at most once.
        if (start <= prevEnd || stop < start) continue;
        prevEnd = stop;
        for (let c = start; c <= stop; c++, gid++) {
          if (gid >= this.numGlyphs) continue;
          if (c < 0x10000) bmp[c] = gid;
          else astral.set(c, gid);
        }
      }
    } else if (best4 >= 0) {
      const segX2 = v.getUint16(best4 + 6) & ~1;
      const ends = best4 + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const rangeOffsets = deltas + segX2;
      let prevEnd = -1;
      for (let s = 0; s < segX2; s += 2) {
        const stop = v.getUint16(ends + s);
        const start = v.getUint16(starts + s);
        const delta = v.getInt16(deltas + s);
        const ro = v.getUint16(rangeOffsets + s);
        // As for format 12: segments are sorted and apart, a damaged one is skipped.
        if (start <= prevEnd || stop < start) continue;
        prevEnd = stop;
        for (let c = start; c <= stop && c !== 0xffff; c++) {
          let gid: number;
          if (ro === 0) {
            gid = (c + delta) & 0xffff;
          } else {
            const addr = rangeOffsets + s + ro + 2 * (c - start);
            gid = addr + 2 <= end ? v.getUint16(addr) : 0;
            if (gid !== 0) gid = (gid + delta) & 0xffff;
          }
          if (gid < this.numGlyphs) bmp[c] = gid;
        }
      }
    } else {
      throw new FontFormatError(`${this.label}: no Unicode cmap (format 4 or 12)`);
    }
    this.#bmp = bmp;
    this.#astral = astral;
  }

  #parseKern(): Map<number, number> | null {
    const kern = this.tables.get("kern");
    if (!kern) return null;
    const v = this.view;
    const o = kern.offset;
    const pairs = new Map<number, number>();
    if (kern.length < 4) return null;
    const version = v.getUint16(o);
    if (version !== 0) return null; // Apple's kern (version 1.0) is not used by Word either.
    const nTables = v.getUint16(o + 2);
    let p = o + 4;
    for (let t = 0; t < nTables && p + 6 <= o + kern.length; t++) {
      const length = v.getUint16(p + 2);
      const coverage = v.getUint16(p + 4);
      const format = coverage >> 8;
      const horizontal = (coverage & 1) !== 0;
      const minimum = (coverage & 2) !== 0;
      const cross = (coverage & 4) !== 0;
      const override = (coverage & 8) !== 0;
      if (format === 0 && horizontal && !minimum && !cross && p + 8 <= o + kern.length) {
        const n = v.getUint16(p + 6);
        for (let i = 0; i < n; i++) {
          const r = p + 14 + 6 * i;
          if (r + 6 > o + kern.length) break;
          const key = v.getUint16(r) * 65536 + v.getUint16(r + 2);
          const value = v.getInt16(r + 4);
          pairs.set(key, override ? value : (pairs.get(key) ?? 0) + value);
        }
      }
      p += length;
    }
    return pairs;
  }
}
