/**
 * The PDF file of a pdf-lib context: every stream object written as it is, every other object packed
 * into compressed object streams (50 per stream), and a cross-reference stream, which is the layout
 * and the bytes of pdf-lib's own `save({ useObjectStreams: true })`.
 *
 * Written here, synchronously and in one pass, because pdf-lib's writer measured ~1,4 ms of a score
 * table's PDF and is an async generator whose optimised code a bulk build kept losing
 * (docs/performance.md).
 * test/pdf-serialize.test.ts checks that the bytes equal pdf-lib's `save` for the same context.
 */
import { deflateSync } from "node:zlib";
import type { PDFContext, PDFObject, PDFRef } from "pdf-lib";
import { ByteWriter } from "./bytes.js";

type PdfLib = typeof import("pdf-lib");

const OBJECTS_PER_STREAM = 50;

/** "%PDF-1.7", a comment of four bytes above 127 (the file is binary), and a blank line. */
const HEADER = Uint8Array.of(...Buffer.from("%PDF-1.7\n%", "latin1"), 0x81, 0x81, 0x81, 0x81, 0x0a, 0x0a);

/** A cross-reference entry: type (0 free, 1 in the file, 2 in an object stream) and two fields. */
type Entry = [type: number, a: number, b: number];

/** Bytes needed for a non-negative integer (at least one). */
function byteWidth(n: number): number {
  let w = 1;
  while (n >= 2 ** (8 * w)) w++;
  return w;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function refString(ref: PDFRef): string {
  return `${ref.objectNumber} ${ref.generationNumber} R`;
}

/** Starts an indirect object; the caller writes its body and `endObject`. */
function beginObject(w: ByteWriter, objectNumber: number): void {
  w.text(`${objectNumber} 0 obj\n`);
}

function endObject(w: ByteWriter): void {
  w.text("\nendobj\n\n");
}

/** A stream object whose dictionary is given as its "/Key value" lines (without /Length). */
function writeStream(w: ByteWriter, objectNumber: number, dictLines: string[], data: Uint8Array): void {
  beginObject(w, objectNumber);
  w.text(`<<\n${dictLines.join("\n")}\n/Length ${data.length}\n>>\nstream\n`);
  w.raw(data);
  w.text("\nendstream");
  endObject(w);
}

export function serializePdf(lib: PdfLib, ctx: PDFContext): Uint8Array {
  const { PDFStream } = lib;
  const info = ctx.trailerInfo;
  if (info.Encrypt || info.ID) throw new Error("serializePdf: encryption and document IDs are not supported");
  const objects = ctx.enumerateIndirectObjects();
  let nextNumber = ctx.largestObjectNumber + 1;

  // Entries by object number: object 0 heads the free list, as pdf-lib writes it.
  const entries = new Map<number, Entry>([[0, [0, 0, 65535]]]);
  const direct: [PDFRef, PDFObject][] = [];
  const chunks: { number: number; objects: [PDFRef, PDFObject][] }[] = [];
  for (const pair of objects) {
    const [ref, object] = pair;
    if (object instanceof PDFStream || ref.generationNumber !== 0) {
      direct.push(pair);
      continue;
    }
    let chunk = chunks[chunks.length - 1];
    if (!chunk || chunk.objects.length === OBJECTS_PER_STREAM) chunks.push((chunk = { number: nextNumber++, objects: [] }));
    entries.set(ref.objectNumber, [2, chunk.number, chunk.objects.length]);
    chunk.objects.push(pair);
  }

  const w = new ByteWriter(64 * 1024);
  w.raw(HEADER);
  for (const [ref, object] of direct) {
    entries.set(ref.objectNumber, [1, w.length, ref.generationNumber]);
    w.text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    w.object(object);
    endObject(w);
  }
  for (const chunk of chunks) {
    // The object numbers and offsets, then the objects, each followed by a newline.
    const body = new ByteWriter(16 * 1024);
    let offsets = "";
    for (const [ref, object] of chunk.objects) {
      offsets += `${ref.objectNumber} ${body.length} `;
      body.object(object).byte(0x0a);
    }
    const data = new ByteWriter(offsets.length + body.length).text(offsets).raw(body.bytes()).bytes();
    entries.set(chunk.number, [1, w.length, 0]);
    writeStream(
      w,
      chunk.number,
      ["/Filter /FlateDecode", "/Type /ObjStm", `/N ${chunk.objects.length}`, `/First ${offsets.length}`],
      deflateSync(data, { level: 6 }),
    );
  }

  // The cross-reference stream lists itself too.
  const xrefNumber = nextNumber++;
  const xrefOffset = w.length;
  entries.set(xrefNumber, [1, xrefOffset, 0]);
  const numbers = [...entries.keys()].sort(ascending);
  const widths = [1, 1, 1];
  for (const n of numbers) {
    const e = entries.get(n)!;
    for (let k = 0; k < 3; k++) widths[k] = Math.max(widths[k]!, byteWidth(e[k]!));
  }
  // Subsections of consecutive object numbers: first number and count.
  const index: number[] = [];
  for (let i = 0; i < numbers.length; i++) {
    if (i === 0 || numbers[i]! - numbers[i - 1]! > 1) index.push(numbers[i]!, 0);
    index[index.length - 1]!++;
  }
  const table = new Uint8Array(numbers.length * (widths[0]! + widths[1]! + widths[2]!));
  let p = 0;
  for (const n of numbers) {
    const e = entries.get(n)!;
    for (let k = 0; k < 3; k++) for (let b = widths[k]! - 1; b >= 0; b--) table[p++] = Math.floor(e[k]! / 2 ** (8 * b)) & 0xff;
  }
  const dict = [`/Size ${nextNumber}`];
  if (info.Root) dict.push(`/Root ${refString(info.Root as PDFRef)}`);
  if (info.Info) dict.push(`/Info ${refString(info.Info as PDFRef)}`);
  dict.push("/Filter /FlateDecode", "/Type /XRef");
  const compressed = deflateSync(table, { level: 6 });
  beginObject(w, xrefNumber);
  w.text(`<<\n${dict.join("\n")}\n/Length ${compressed.length}\n/W [ ${widths.join(" ")} ]\n/Index [ ${index.join(" ")} ]\n>>\nstream\n`);
  w.raw(compressed);
  w.text("\nendstream");
  endObject(w);
  w.text(`startxref\n${xrefOffset}\n%%EOF`);
  return w.bytes();
}
