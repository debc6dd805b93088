/**
 * Reading our PDFs back with independent tools: pdfjs-dist (text with positions, fonts, drawn lines),
 * and poppler's command-line tools when installed (required under CI=true).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { deflateSync, inflateSync } from "node:zlib";
import { it } from "vitest";

export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline, from the page top (points). */
  y: number;
  width: number;
  size: number;
  fontName: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Stroked line segments (from the operator list), y from the page top. */
  lines: { x1: number; y1: number; x2: number; y2: number; width: number }[];
  /** Fonts used on the page: loaded name → { embedded, name }. */
  fonts: Map<string, { embedded: boolean; name: string }>;
}

export interface PdfInfo {
  pages: PdfPage[];
  info: Record<string, unknown>;
  /** The /Lang of the catalog (pdfjs exposes it through the document's metadata only partly). */
}

export async function readPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , w, h] = page.view;
    const text = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const it of text.items) {
      if (!("str" in it) || it.str === "") continue;
      const [a, , , d, e, f] = it.transform as number[];
      items.push({ str: it.str, x: e, y: h - f, width: it.width, size: Math.abs(d || a), fontName: it.fontName });
    }
    const ops = await page.getOperatorList();
    const lines = strokedLines(pdfjs.OPS, ops, h);
    const fonts = new Map<string, { embedded: boolean; name: string }>();
    for (const name of new Set(items.map((i) => i.fontName))) {
      const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { missingFile?: boolean; name?: string }) : undefined;
      fonts.set(name, { embedded: !!font && !font.missingFile, name: font?.name ?? name });
    }
    pages.push({ width: w, height: h, items, lines, fonts });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}

function strokedLines(OPS: Record<string, number>, ops: { fnArray: number[]; argsArray: unknown[][] }, h: number): PdfPage["lines"] {
  const out: PdfPage["lines"] = [];
  let width = 1;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.setLineWidth) width = args[0] as number;
    if (fn === OPS.constructPath) {
      // pdfjs 5: args = [op after (stroke/fill), [Float32Array path data], minMax]; path data uses
      // DrawOPS codes: 0 moveTo, 1 lineTo, ...
      const [after, data] = args as [number, (Float32Array | number[] | null)[]];
      if (after !== OPS.stroke) continue;
      const d = data?.[0];
      if (!d) continue;
      let k = 0;
      let x = 0;
      let y = 0;
      while (k < d.length) {
        const op = d[k++];
        if (op === 0) {
          x = d[k++];
          y = d[k++];
        } else if (op === 1) {
          const x2 = d[k++];
          const y2 = d[k++];
          out.push({ x1: x, y1: h - y, x2, y2: h - y2, width });
          x = x2;
          y = y2;
        } else break;
      }
    }
  }
  return out;
}

/** Whether a command-line tool exists. */
export function hasTool(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).status === 0;
}

/**
 * For tests that need an external tool: under CI=true a missing tool is a failing test; elsewhere the
 * tests are skipped with a message saying what to install.
 */
export function toolGate(tools: string[], pkg: string): { available: boolean } {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length === 0) return { available: true };
  const message = `${missing.join(", ")} not installed (apt-get install -y ${pkg})`;
  if (process.env.CI === "true") {
    it(`requires ${missing.join(", ")}`, () => {
      throw new Error(message);
    });
  } else {
    it.skip(`skipped: ${message}`, () => {});
    console.warn(`[skip] ${message}`);
  }
  return { available: false };
}

/** Renders one page to an 8-bit grey raster with pdftoppm (PGM on stdout). */
export function rasterize(pdfPath: string, page: number, dpi: number): { width: number; height: number; data: Uint8Array } {
  const pgm = execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), pdfPath], { maxBuffer: 64 << 20 });
  const header = pgm
    .subarray(0, 64)
    .toString("latin1")
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error("pdftoppm did not write a PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height)) };
}

/** Minimal PNG encoder for 8-bit greyscale (reference images in test fixtures). */
/** A PNG of 8-bit grey (one byte a pixel) or RGB (`channels: 3`) pixels, rows unfiltered, deflated at level 9. */
export function encodePng(img: { width: number; height: number; data: Uint8Array; channels?: 1 | 3 }): Uint8Array {
  const channels = img.channels ?? 1;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Uint8Array) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Uint8Array) => {
    const out = Buffer.alloc(12 + body.length);
    out.writeUInt32BE(body.length, 0);
    out.write(type, 4, "latin1");
    out.set(body, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + body.length)), 8 + body.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 3 ? 2 : 0; // RGB or greyscale
  const row = img.width * channels;
  const raw = Buffer.alloc((row + 1) * img.height);
  for (let y = 0; y < img.height; y++) raw.set(img.data.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** Minimal PNG decoder for 8-bit greyscale, non-interlaced images (what pdftoppm -gray writes). */
export function decodePng(png: Uint8Array): { width: number; height: number; data: Uint8Array } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let p = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (p < png.length) {
    const len = v.getUint32(p);
    const type = String.fromCharCode(...png.subarray(p + 4, p + 8));
    const body = png.subarray(p + 8, p + 8 + len);
    if (type === "IHDR") {
      width = v.getUint32(p + 8);
      height = v.getUint32(p + 12);
      if (body[8] !== 8 || body[9] !== 0 || body[12] !== 0) throw new Error("only 8-bit grey non-interlaced PNG");
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (width + 1)];
    const row = raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1));
    for (let x = 0; x < width; x++) {
      const a = x > 0 ? data[y * width + x - 1] : 0;
      const b = y > 0 ? data[(y - 1) * width + x] : 0;
      const c = x > 0 && y > 0 ? data[(y - 1) * width + x - 1] : 0;
      let pred = 0;
      if (f === 1) pred = a;
      else if (f === 2) pred = b;
      else if (f === 3) pred = (a + b) >> 1;
      else if (f === 4) {
        const pp = a + b - c;
        const pa = Math.abs(pp - a);
        const pb = Math.abs(pp - b);
        const pc = Math.abs(pp - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      data[y * width + x] = (row[x] + pred) & 0xff;
    }
  }
  return { width, height, data };
}

export interface OutlineNode {
  title: string;
  /** 0-based index of the page the bookmark opens. */
  page: number;
  items: OutlineNode[];
}

/** A PDF's bookmarks (titles, target pages, nesting) and page labels, as pdf.js reads them. */
export async function readOutline(bytes: Uint8Array): Promise<{ pages: number; outline: OutlineNode[]; labels: string[] | null }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const walk = async (items: { title: string; dest: unknown; items: unknown[] }[]): Promise<OutlineNode[]> => {
    const out: OutlineNode[] = [];
    for (const item of items) {
      const dest = item.dest as [{ num: number; gen: number }, ...unknown[]];
      out.push({ title: item.title, page: await doc.getPageIndex(dest[0]), items: await walk(item.items as typeof items) });
    }
    return out;
  };
  const outline = await walk(((await doc.getOutline()) ?? []) as never);
  const labels = await doc.getPageLabels();
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, outline, labels };
}

export interface Annotation {
  subtype: string;
  fieldType?: string;
  fieldName?: string;
  alternativeText?: string;
  rect: number[];
}

/** Each page's annotations (widgets with their field names and rectangles), as pdf.js reads them. */
export async function annotations(bytes: Uint8Array): Promise<Annotation[][]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const d = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const out: Annotation[][] = [];
  for (let n = 1; n <= d.numPages; n++) out.push((await (await d.getPage(n)).getAnnotations()) as Annotation[]);
  await d.destroy();
  return out;
}
