/**
 * The evidence pack (hồ sơ kiểm chứng): one PDF made of a front (cover and index, a PDF from our own
 * writer, src/write/pdf) and the evidence files in pack order, with bookmarks and page labels.
 *
 *   const bytes = await writeEvidencePack({ front, parts, outline, title, date });
 *   const chunks = await writeEvidencePackChunks(input);   // the same file, its scans not copied
 *
 * A writer: plain data in, bytes out; it knows nothing of rubrics. The files it is given have been read
 * and checked (src/read/evidence-file.ts): a file with a problem never reaches it, and `info.pages` is
 * known.
 *
 * - PDF parts: each loaded once with pdf-lib, all its pages copied in one copyPages call (which moves
 *   the attributes a page inherits from its page tree onto the page); the copied streams are views of
 *   the part's bytes, not copies (see below), and the loaded source is garbage once copied.
 * - Images: one A4 page each, portrait or landscape as the image is, the image scaled to fit the page
 *   and centred ("fitted": an A4 scan at any dpi then fills the page at its real size; the dpi stored in
 *   scans is unreliable). A JPEG is embedded as it is (DCTDecode: the stream IS the file's bytes, never
 *   re-encoded). A PNG is decoded by pdf-lib and its pixels stored flate-compressed (lossless for the
 *   8-bit images scans are; pdf-lib reduces a 16-bit PNG to 8 bits, and stores grey as RGB, which
 *   flate mostly absorbs).
 * - A JPEG's EXIF orientation (a phone's photo) turns its page (/Rotate); its pixels are as stored.
 * - Bookmarks: pdf-lib has no outline API; the /Outlines tree is built here, titles as UTF-16 text
 *   strings so viewers show the diacritics, and the outline pane opens with the document.
 * - Page labels: the front numbered i, ii, iii…, the evidence 1, 2, 3… ("tr. 12" is the page labelled 12).
 * - Reproducible: the same input gives the same bytes. The dates are `date`, the producer is ours, and
 *   the document ID is derived from a hash of the input.
 * - Memory (npm run bench, 300 JPEG scans of 84 MB in all): the chunks need ~25 MB beyond the scans
 *   the caller holds; the joined bytes, 84 MB more (the whole file in one array). Write the chunks.
 */
import { createHash } from "node:crypto";
import type { PDFArray, PDFContext, PDFDict, PDFDocument, PDFImage, PDFObject, PDFPage, PDFRef } from "pdf-lib";
import type { EvidenceInfo } from "../../model/evidence.js";
import { ByteWriter, num } from "../pdf/bytes.js";
import { loadPdfLib } from "../pdf/index.js";

type PdfLib = typeof import("pdf-lib");

export interface PackPart {
  bytes: Uint8Array;
  /** `pages` known, no `problem`; `imageType` set for an image, absent for a PDF. */
  info: EvidenceInfo;
}

/** Where a bookmark points: a page of the front (0-based index), or the first page of a part. */
export type PackTarget = { front: number } | { part: number };

export interface PackOutlineItem {
  title: string;
  target: PackTarget;
  children?: PackOutlineItem[];
}

export interface PackInput {
  /** A PDF: the cover and the index (made by src/write/pdf). */
  front: Uint8Array;
  /** The evidence files in pack order. */
  parts: PackPart[];
  /** "Bìa", "Danh mục", then per criterion "Tiêu chí 1.1.1 …" with a child per document. */
  outline: PackOutlineItem[];
  title: string;
  subject?: string;
  author?: string;
  /** ISO timestamp: the CreationDate and ModDate (reproducible builds). */
  date: string;
}

/** A4 in points, as pdf-lib's PageSizes.A4. */
const A4 = { short: 595.28, long: 841.89 };

/**
 * The label (1-based evidence page) where each part starts: the evidence is numbered from 1 after the
 * front, whatever the front's length (its page index is `frontPages + label - 1`).
 */
export function packStarts(frontPages: number, parts: readonly PackPart[]): number[] {
  if (!Number.isInteger(frontPages) || frontPages < 0) throw new Error(`packStarts: front pages must be a count, got ${frontPages}`);
  const starts: number[] = [];
  let next = 1;
  for (const [i, part] of parts.entries()) {
    starts.push(next);
    next += partPages(part, i);
  }
  return starts;
}

function partPages(part: PackPart, i: number): number {
  const { pages, problem } = part.info;
  if (problem !== undefined) throw new Error(`evidence pack: part ${i} has a problem (${problem}) and cannot be packed`);
  if (pages === undefined || !Number.isInteger(pages) || pages < 1) throw new Error(`evidence pack: part ${i} has no page count`);
  return pages;
}

/** The document ID: the first 16 bytes of a SHA-256 of everything the pack is made from. */
function documentId(input: PackInput): string {
  const h = createHash("sha256");
  const field = (bytes: Uint8Array | string) => {
    const b = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
    const len = Buffer.alloc(8);
    len.writeBigUInt64BE(BigInt(b.length));
    h.update(len).update(b);
  };
  field(input.front);
  for (const part of input.parts) {
    field(part.bytes);
    field(JSON.stringify([part.info.pages, part.info.imageType ?? null]));
  }
  field(JSON.stringify([input.outline, input.title, input.subject ?? null, input.author ?? null, input.date]));
  return h.digest("hex").slice(0, 32).toUpperCase();
}

/** The pack's bytes (the chunks of writeEvidencePackChunks joined). */
export async function writeEvidencePack(input: PackInput): Promise<Uint8Array> {
  const chunks = await writeEvidencePackChunks(input);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The pack as chunks whose concatenation is the file. An image's stream is the very array given as the
 * part's bytes (not copied), so a caller that writes the chunks one after the other (`writevSync`, a
 * stream) never holds a second copy of the scans: 300 scans of 84 MB cost 84 MB less at the peak than
 * the joined bytes. The chunks share the parts' memory (a PDF part's streams too): leave the parts'
 * bytes unchanged until the chunks are written.
 */
export async function writeEvidencePackChunks(input: PackInput): Promise<Uint8Array[]> {
  const lib = await loadPdfLib();
  const { PDFDocument, PDFName, PDFHexString, PDFNumber, PDFNull, ParseSpeeds, degrees } = lib;
  const starts = packStarts(0, input.parts);
  const date = new Date(input.date);
  if (Number.isNaN(date.getTime())) throw new Error(`evidence pack: date is not an ISO date: ${input.date}`);

  // Loading without updateMetadata keeps pdf-lib from writing its producer and the clock's dates.
  const loadOptions = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };
  const doc = await PDFDocument.load(input.front, loadOptions);
  const frontPages = doc.getPageCount();

  for (const [i, part] of input.parts.entries()) {
    const pages = partPages(part, i);
    const type = part.info.imageType;
    if (type === undefined) {
      // One load per part, all its pages copied in one call; the source is garbage once copied.
      // Given as a Buffer over the same memory: pdf-lib takes every stream's contents with `.slice()`,
      // twice (parsing, then copying the page), which copies a Uint8Array but is a view on a Buffer.
      // 30 scanned PDFs of 84 MB: peak 277 MB as Uint8Arrays, 162 MB as Buffers (npm run bench).
      const bytes = Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength);
      const source = await PDFDocument.load(bytes, loadOptions);
      if (source.getPageCount() !== pages) throw new Error(`evidence pack: part ${i} has ${source.getPageCount()} pages, its info says ${pages}`);
      const links = pinLinks(lib, source);
      const copied = await doc.copyPages(source, source.getPageIndices());
      for (const page of copied) doc.addPage(page);
      if (links > 0) repointLinks(lib, copied);
    } else {
      if (pages !== 1) throw new Error(`evidence pack: image part ${i} must have 1 page, its info says ${pages}`);
      // pdf-lib 1.17 reads a JPEG's header through `new DataView(bytes.buffer)`, ignoring the view's
      // offset: a JPEG that is a view into a larger buffer is given as a copy of itself.
      const jpg = part.bytes.byteOffset === 0 ? part.bytes : part.bytes.slice();
      const image = type === "jpg" ? await doc.embedJpg(jpg) : (pngAsIs(lib, doc.context, part.bytes) ?? (await doc.embedPng(part.bytes)));
      const page = placeImage(doc, image);
      // A camera's photo is stored as the sensor saw it, with an EXIF orientation saying how to turn it:
      // the page is turned (/Rotate), the JPEG's bytes stay as they are.
      const turn = type === "jpg" ? exifRotation(part.bytes) : 0;
      if (turn !== 0) page.setRotation(degrees(turn));
    }
  }

  const pages = doc.getPages();
  const pageIndex = (target: PackTarget): number => {
    if ("front" in target) {
      if (!Number.isInteger(target.front) || target.front < 0 || target.front >= frontPages)
        throw new Error(`evidence pack: bookmark to front page ${target.front}, the front has ${frontPages}`);
      return target.front;
    }
    const start = starts[target.part];
    if (start === undefined) throw new Error(`evidence pack: bookmark to part ${target.part}, there are ${starts.length}`);
    return frontPages + start - 1;
  };

  const ctx = doc.context;
  const catalog = doc.catalog;

  // Bookmarks.
  if (input.outline.length > 0) {
    const destination = (page: PDFPage): PDFObject => {
      // The page's top, at the reader's zoom; a rotated page (its top is not the box's) is fitted.
      if (page.getRotation().angle % 360 !== 0) return ctx.obj([page.ref, PDFName.of("Fit")]);
      const box = page.getCropBox();
      return ctx.obj([page.ref, PDFName.of("XYZ"), PDFNull, PDFNumber.of(box.y + box.height), PDFNull]);
    };
    /** Writes the items under `parent`; returns the number of items shown (all are open). */
    const addItems = (parent: PDFDict, parentRef: PDFRef, items: readonly PackOutlineItem[]): number => {
      const refs = items.map(() => ctx.nextRef());
      let shown = 0;
      for (const [k, item] of items.entries()) {
        const dict = ctx.obj({}) as PDFDict;
        dict.set(PDFName.of("Title"), PDFHexString.fromText(item.title.normalize("NFC")));
        dict.set(PDFName.of("Parent"), parentRef);
        if (k > 0) dict.set(PDFName.of("Prev"), refs[k - 1]!);
        if (k < items.length - 1) dict.set(PDFName.of("Next"), refs[k + 1]!);
        dict.set(PDFName.of("Dest"), destination(pages[pageIndex(item.target)]!));
        ctx.assign(refs[k]!, dict);
        shown += 1;
        if (item.children?.length) shown += addItems(dict, refs[k]!, item.children);
      }
      parent.set(PDFName.of("First"), refs[0]!);
      parent.set(PDFName.of("Last"), refs[refs.length - 1]!);
      parent.set(PDFName.of("Count"), PDFNumber.of(shown));
      return shown;
    };
    const root = ctx.obj({ Type: "Outlines" }) as PDFDict;
    const rootRef = ctx.register(root);
    addItems(root, rootRef, input.outline);
    catalog.set(PDFName.of("Outlines"), rootRef);
    catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
  }

  // Page labels: i, ii… for the front, then 1, 2… for the evidence.
  const nums: PDFObject[] = [];
  if (frontPages > 0) nums.push(PDFNumber.of(0), ctx.obj({ S: "r" }));
  if (pages.length > frontPages) nums.push(PDFNumber.of(frontPages), ctx.obj({ S: "D", St: 1 }));
  if (nums.length > 0) catalog.set(PDFName.of("PageLabels"), ctx.obj({ Nums: nums }));

  // Document information: ours, with the given date; nothing from the clock.
  doc.setTitle(input.title.normalize("NFC"), { showInWindowTitleBar: true });
  const info = ctx.lookup(ctx.trailerInfo.Info) as PDFDict;
  // Set or removed: the front's own subject or author would otherwise stand for the pack's.
  if (input.subject !== undefined) doc.setSubject(input.subject.normalize("NFC"));
  else info.delete(PDFName.of("Subject"));
  if (input.author !== undefined) doc.setAuthor(input.author.normalize("NFC"));
  else info.delete(PDFName.of("Author"));
  doc.setCreator("chamdiem");
  doc.setProducer("chamdiem (pdf-lib)");
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const id = PDFHexString.of(documentId(input));
  ctx.trailerInfo.ID = ctx.obj([id, id]);

  await doc.flush();
  return fileChunks(ctx);
}

/** Streams at least this long are chunks of their own; smaller objects share a buffer. */
const OWN_CHUNK = 4096;

/**
 * The file of a flushed context as chunks: the bytes of pdf-lib's `save({ useObjectStreams: false })`
 * (header, every object in number order, a classic cross-reference table, the trailer:
 * test/evidence-pack.test.ts compares them), except that a stream's contents are not copied.
 * No object streams: a pack is image and page content streams, which object streams do not pack
 * (300 scans through pdf-lib's writers: 84,31 MB with them, 84,38 MB without, the same time), and a
 * plain table is what every tool reads.
 */
export async function fileChunks(ctx: PDFContext): Promise<Uint8Array[]> {
  const { PDFCrossRefSection, PDFHeader, PDFStream, PDFTrailer, PDFTrailerDict } = await loadPdfLib();
  const chunks: Uint8Array[] = [];
  let flushed = 0;
  let w = new ByteWriter(64 * 1024);
  const flush = () => {
    chunks.push(w.bytes());
    flushed += w.length;
    w = new ByteWriter(64 * 1024);
  };
  w.object(PDFHeader.forVersion(1, 7)).text("\n\n");
  const xref = PDFCrossRefSection.create();
  for (const [ref, object] of ctx.enumerateIndirectObjects()) {
    xref.addEntry(ref, flushed + w.length);
    w.text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    if (object instanceof PDFStream) {
      // What PDFStream.copyBytesInto writes, its contents as a chunk of their own when large.
      object.updateDict();
      const contents = object.getContents();
      w.object(object.dict).text("\nstream\n");
      if (contents.length >= OWN_CHUNK) {
        flush();
        chunks.push(contents);
        flushed += contents.length;
      } else w.raw(contents);
      w.text("\nendstream");
    } else w.object(object);
    w.text("\nendobj\n\n");
  }
  const xrefOffset = flushed + w.length;
  w.object(xref).text("\n");
  const { Root, Encrypt, Info, ID } = ctx.trailerInfo;
  w.object(PDFTrailerDict.of(ctx.obj({ Size: ctx.largestObjectNumber + 1, Root, Encrypt, Info, ID }) as PDFDict)).text("\n\n");
  w.object(PDFTrailer.forLastCrossRefSectionOffset(xrefOffset));
  flush();
  return chunks;
}

/** The destination array of a link annotation going to a page of its own document, if any. */
function linkDestination(lib: PdfLib, annot: PDFDict): PDFArray | undefined {
  const { PDFArray, PDFDict, PDFName } = lib;
  if (annot.lookup(PDFName.of("Subtype")) !== PDFName.of("Link")) return undefined;
  const dest = annot.lookup(PDFName.of("Dest"));
  if (dest instanceof PDFArray) return dest;
  const action = annot.lookup(PDFName.of("A"));
  if (!(action instanceof PDFDict) || action.lookup(PDFName.of("S")) !== PDFName.of("GoTo")) return undefined;
  const d = action.lookup(PDFName.of("D"));
  return d instanceof PDFArray ? d : undefined;
}

function annotations(lib: PdfLib, page: PDFPage): PDFDict[] {
  const annots = page.node.lookup(lib.PDFName.of("Annots"));
  if (!(annots instanceof lib.PDFArray)) return [];
  return annots.asArray().flatMap((a) => {
    const dict = page.doc.context.lookup(a);
    return dict instanceof lib.PDFDict ? [dict] : [];
  });
}

/**
 * A link to another page of the same PDF (a table of contents exported by Word) names its page by
 * reference; copyPages would copy that page a second time, outside the page tree, and the link would
 * go nowhere. Before copying, each such link names its page by index instead (a number, which a local
 * link never holds); repointLinks puts the copied page back. Named destinations are left as they are
 * (the source's name tree is not copied: such a link does nothing). An annotation's /P (its page) is
 * taken off the same way and set to the copied page. Returns the entries changed.
 */
function pinLinks(lib: PdfLib, source: PDFDocument): number {
  const index = new Map<PDFRef, number>(source.getPages().map((p, k) => [p.ref, k]));
  let pinned = 0;
  const P = lib.PDFName.of("P");
  for (const page of source.getPages())
    for (const annot of annotations(lib, page)) {
      // An annotation's own page (/P, optional) would be copied again the same way: set back after.
      if (annot.has(P)) {
        annot.delete(P);
        pinned++;
      }
      const dest = linkDestination(lib, annot);
      const first = dest?.get(0);
      const k = first instanceof lib.PDFRef ? index.get(first) : undefined;
      if (dest !== undefined && k !== undefined) {
        dest.set(0, lib.PDFNumber.of(k));
        pinned++;
      }
    }
  return pinned;
}

/** Points the links pinLinks pinned at the copied pages, and every annotation's /P at its page. */
function repointLinks(lib: PdfLib, copied: readonly PDFPage[]): void {
  for (const page of copied)
    for (const annot of annotations(lib, page)) {
      annot.set(lib.PDFName.of("P"), page.ref);
      const dest = linkDestination(lib, annot);
      const first = dest?.get(0);
      const target = first instanceof lib.PDFNumber ? copied[first.asNumber()] : undefined;
      if (dest !== undefined && target !== undefined) dest.set(0, target.ref);
    }
}

/**
 * An image on its A4 page: the page turned as the image is, the image fitted and centred. The page's
 * content is one short uncompressed stream (`q w 0 0 h x y cm /Image Do Q`): PDFPage.drawImage would
 * deflate each of these few bytes with a fresh compressor, ~0,2 MB of garbage per page.
 */
function placeImage(doc: PDFDocument, image: PlacedImage): PDFPage {
  const { width, height } = image;
  const landscape = width > height;
  const pw = landscape ? A4.long : A4.short;
  const ph = landscape ? A4.short : A4.long;
  const page = doc.addPage([pw, ph]);
  const scale = Math.min(pw / width, ph / height);
  const w = width * scale;
  const h = height * scale;
  const name = page.node.newXObject("Image", image.ref);
  const ops = `q\n${num(w)} 0 0 ${num(h)} ${num((pw - w) / 2)} ${num((ph - h) / 2)} cm\n${name.asString()} Do\nQ\n`;
  page.node.addContentStream(doc.context.register(doc.context.stream(ops)));
  return page;
}

/** What placing an image needs: its size in pixels and its XObject. */
type PlacedImage = Pick<PDFImage, "width" | "height" | "ref">;

/**
 * A PNG as it is stored, when PDF can take its data unchanged: 8-bit grey or RGB, not interlaced, no
 * transparency. Its IDAT data is a zlib stream of PNG-filtered rows, which is what /FlateDecode with the
 * PNG predictors (/Predictor 15) reads: no decoding, no re-encoding (pdf-lib's embedPng decodes the
 * pixels in JavaScript and deflates them again, ≈ 250 ms for one A4 scan at 200 dpi). Anything else
 * (a palette, alpha, 16 bits, interlacing): undefined, and embedPng does it.
 */
export function pngAsIs(lib: PdfLib, ctx: PDFContext, png: Uint8Array): PlacedImage | undefined {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.length < 33 || view.getUint32(0) !== 0x89504e47 || view.getUint32(4) !== 0x0d0a1a0a) return undefined;
  let width = 0;
  let height = 0;
  let colours = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(png[at + 4]!, png[at + 5]!, png[at + 6]!, png[at + 7]!);
    const data = png.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return undefined;
    if (type === "IHDR") {
      const [depth, colourType, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colourType !== 0 && colourType !== 2)) return undefined;
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      colours = colourType === 2 ? 3 : 1;
    } else if (type === "tRNS" || type === "PLTE") return undefined;
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  if (width === 0 || height === 0 || idat.length === 0) return undefined;
  const { PDFName, PDFNumber } = lib;
  let contents = idat[0]!;
  if (idat.length > 1) {
    contents = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
    let o = 0;
    for (const d of idat) (contents.set(d, o), (o += d.length));
  }
  const dict = ctx.obj({
    Type: "XObject",
    Subtype: "Image",
    Width: width,
    Height: height,
    ColorSpace: colours === 3 ? "DeviceRGB" : "DeviceGray",
    BitsPerComponent: 8,
    Filter: "FlateDecode",
  });
  dict.set(
    PDFName.of("DecodeParms"),
    ctx.obj({ Predictor: PDFNumber.of(15), Colors: PDFNumber.of(colours), BitsPerComponent: PDFNumber.of(8), Columns: PDFNumber.of(width) }),
  );
  const ref = ctx.register(lib.PDFRawStream.of(dict, contents));
  return { width, height, ref };
}

/**
 * The clockwise turn (0, 90, 180, 270) a JPEG's EXIF orientation asks for: 3 → 180, 6 → 90, 8 → 270.
 * The mirrored orientations (2, 4, 5, 7: a front camera's) get their turn without the mirror. 0 when
 * the file has no EXIF orientation.
 */
export function exifRotation(jpg: Uint8Array): number {
  const v = new DataView(jpg.buffer, jpg.byteOffset, jpg.byteLength);
  if (jpg.length < 4 || v.getUint16(0) !== 0xffd8) return 0;
  let p = 2;
  // The segments before the image data: APP1 "Exif\0\0" holds a TIFF header and IFD0.
  while (p + 4 <= jpg.length && jpg[p] === 0xff) {
    const marker = jpg[p + 1]!;
    if (marker === 0xda || marker === 0xd9) break;
    const len = v.getUint16(p + 2);
    const body = p + 4;
    if (marker === 0xe1 && len >= 16 && body + len - 2 <= jpg.length && v.getUint32(body) === 0x45786966 && v.getUint16(body + 4) === 0) {
      const tiff = body + 6;
      const little = v.getUint16(tiff) === 0x4949;
      const u16 = (at: number) => v.getUint16(at, little);
      const ifd = tiff + v.getUint32(tiff + 4, little);
      const end = body + len - 2;
      if (ifd + 2 > end) return 0;
      const count = u16(ifd);
      for (let i = 0; i < count; i++) {
        const entry = ifd + 2 + i * 12;
        if (entry + 12 > end) return 0;
        if (u16(entry) === 0x0112) return ({ 3: 180, 4: 180, 5: 90, 6: 90, 7: 270, 8: 270 } as Record<number, number>)[u16(entry + 8)] ?? 0;
      }
      return 0;
    }
    p += 2 + len;
  }
  return 0;
}
