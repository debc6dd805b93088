/**
 * Test code only (chamdiem never signs): signs a PDF the way a signing tool does, by an INCREMENTAL
 * UPDATE that fills an existing, unsigned signature field. The original bytes are left as they are;
 * after them come the new signature dictionary, the field again with /V pointing to it, the AcroForm
 * (or the catalog, when the AcroForm is direct) again with /SigFlags 3, and a cross-reference stream
 * whose /Prev is the original's (the original ends with a cross-reference stream too: ISO 32000-1
 * 7.5.8.4 wants an update of such a file to use one as well).
 *
 * pdf-lib only reads the original here (to find the field by its full name); every byte of the update
 * is written by this file, and /ByteRange covers the whole file but the /Contents hex string.
 */
import type { PDFArray, PDFContext, PDFDict, PDFObject, PDFRef } from "pdf-lib";

type PdfLib = typeof import("pdf-lib");

export interface SignOptions {
  /** The full name of the signature field to fill ("chamdiem.chu-ky"). */
  field: string;
  /** The CMS (DER) signature of the given bytes: the file without its /Contents hex string. */
  sign: (signedBytes: Buffer) => Promise<Uint8Array>;
  /** The signing time written as /M. */
  date: Date;
  /** /SubFilter: adbe.pkcs7.detached (what @signpdf/signer-p12 makes) unless given. */
  subFilter?: "adbe.pkcs7.detached" | "ETSI.CAdES.detached";
  name?: string;
  reason?: string;
  /** Bytes reserved for the signature (the /Contents hex string holds twice as many digits). */
  reserve?: number;
}

/** The full name (parents' partial names joined by ".") and the field's dictionary, for every field. */
export function fieldsByName(lib: PdfLib, ctx: PDFContext, acroForm: PDFDict): Map<string, { ref: PDFRef; dict: PDFDict }> {
  const { PDFName, PDFRef, PDFString, PDFHexString } = lib;
  const out = new Map<string, { ref: PDFRef; dict: PDFDict }>();
  const walk = (refs: PDFArray | undefined, prefix: string) => {
    if (!refs) return;
    for (let i = 0; i < refs.size(); i++) {
      const ref = refs.get(i);
      if (!(ref instanceof PDFRef)) continue;
      const dict = ctx.lookup(ref) as PDFDict;
      const t = dict.lookup(PDFName.of("T"));
      const partial = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : "";
      const name = partial === "" ? prefix : prefix === "" ? partial : `${prefix}.${partial}`;
      if (partial !== "") out.set(name, { ref, dict });
      walk(dict.lookup(PDFName.of("Kids")) as PDFArray | undefined, name);
    }
  };
  walk(acroForm.lookup(PDFName.of("Fields")) as PDFArray | undefined, "");
  return out;
}

/** A PDF date in Vietnam time (UTC+7), as a signing tool there writes /M. */
export function pdfDate(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `D:${v.slice(0, 4)}${v.slice(5, 7)}${v.slice(8, 10)}${v.slice(11, 13)}${v.slice(14, 16)}${v.slice(17, 19)}+07'00'`;
}

/** The offset after the last "startxref" and the trailer's /Size (of a table's trailer or an xref stream). */
function lastSection(text: string): { prev: number; size: number } {
  const at = text.lastIndexOf("startxref");
  if (at < 0) throw new Error("no startxref");
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(at))![1]);
  const size = /\/Size\s+(\d+)/.exec(text.slice(prev, at));
  if (!size) throw new Error("no /Size in the last trailer");
  return { prev, size: Number(size[1]) };
}

function utf16Text(lib: PdfLib, s: string): string {
  return lib.PDFHexString.fromText(s).toString();
}

export async function signIncremental(lib: PdfLib, original: Uint8Array, o: SignOptions): Promise<Uint8Array> {
  const { PDFDocument, PDFName, PDFNumber, PDFRef } = lib;
  const text = Buffer.from(original).toString("latin1");
  const { prev, size } = lastSection(text);
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const ctx = doc.context;
  const catalogRef = ctx.trailerInfo.Root as PDFRef;
  const catalog = ctx.lookup(catalogRef) as PDFDict;
  const acroFormEntry = catalog.get(PDFName.of("AcroForm"));
  const acroForm = acroFormEntry instanceof PDFRef ? (ctx.lookup(acroFormEntry) as PDFDict) : (acroFormEntry as PDFDict | undefined);
  if (!acroForm) throw new Error("the PDF has no AcroForm");
  const field = fieldsByName(lib, ctx, acroForm).get(o.field);
  if (!field) throw new Error(`no field named ${o.field}`);
  if (field.dict.lookup(PDFName.of("FT")) !== PDFName.of("Sig")) throw new Error(`${o.field} is not a signature field`);
  if (field.dict.has(PDFName.of("V"))) throw new Error(`${o.field} is signed already`);

  const reserve = o.reserve ?? 8192;
  const sigNumber = size;
  const xrefNumber = size + 1;
  const BYTE_RANGE = "/ByteRange [0 ********** ********** **********]";
  const sigDict = [
    "<<",
    "/Type /Sig",
    "/Filter /Adobe.PPKLite",
    `/SubFilter /${o.subFilter ?? "adbe.pkcs7.detached"}`,
    BYTE_RANGE,
    `/Contents <${"0".repeat(reserve * 2)}>`,
    `/M (${pdfDate(o.date)})`,
    ...(o.name ? [`/Name ${utf16Text(lib, o.name)}`] : []),
    ...(o.reason ? [`/Reason ${utf16Text(lib, o.reason)}`] : []),
    ">>",
  ].join("\n");

  const filled = field.dict.clone(ctx);
  filled.set(PDFName.of("V"), PDFRef.of(sigNumber));
  const formHolder: [PDFRef, PDFDict] = acroFormEntry instanceof PDFRef ? [acroFormEntry, acroForm.clone(ctx)] : [catalogRef, catalog.clone(ctx)];
  const form = acroFormEntry instanceof PDFRef ? formHolder[1] : acroForm.clone(ctx);
  form.set(PDFName.of("SigFlags"), PDFNumber.of(3));
  if (!(acroFormEntry instanceof PDFRef)) formHolder[1].set(PDFName.of("AcroForm"), form);

  const objects: [number, string][] = [
    [sigNumber, sigDict],
    [field.ref.objectNumber, filled.toString()],
    [formHolder[0].objectNumber, formHolder[1].toString()],
  ];
  const parts: string[] = [];
  let offset = original.length;
  const push = (s: string) => {
    parts.push(s);
    offset += s.length;
  };
  if (original[original.length - 1] !== 0x0a) push("\n");
  const offsets = new Map<number, number>();
  for (const [n, body] of objects) {
    offsets.set(n, offset);
    push(`${n} 0 obj\n${body}\nendobj\n`);
  }
  offsets.set(xrefNumber, offset);
  // The update's cross-reference stream: type 1 entries (offset, generation 0), uncompressed.
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  const rows = Buffer.alloc(numbers.length * 6);
  numbers.forEach((n, i) => {
    rows[i * 6] = 1;
    rows.writeUInt32BE(offsets.get(n)!, i * 6 + 1);
    rows[i * 6 + 5] = 0;
  });
  const trailer = ctx.trailerInfo;
  const xrefDict = [
    "<<",
    "/Type /XRef",
    `/Size ${xrefNumber + 1}`,
    `/Index [${numbers.map((n) => `${n} 1`).join(" ")}]`,
    "/W [1 4 1]",
    `/Prev ${prev}`,
    `/Root ${catalogRef.toString()}`,
    ...(trailer.Info ? [`/Info ${trailer.Info.toString()}`] : []),
    ...(trailer.ID ? [`/ID ${(trailer.ID as PDFObject).toString()}`] : []),
    `/Length ${rows.length}`,
    ">>",
  ].join("\n");
  const xrefStart = offset;
  const tail = Buffer.concat([
    Buffer.from(parts.join("") + `${xrefNumber} 0 obj\n${xrefDict}\nstream\n`, "latin1"),
    rows,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefStart}\n%%EOF\n`, "latin1"),
  ]);
  const out = Buffer.concat([Buffer.from(original), tail]);

  // /ByteRange: everything but the hex string (its angle brackets included), then the signature in it.
  const sigAt = offsets.get(sigNumber)!;
  const contentsAt = out.indexOf("/Contents <", sigAt, "latin1") + "/Contents ".length;
  const contentsEnd = contentsAt + reserve * 2 + 2;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `/ByteRange [${range.join(" ")}]`.padEnd(BYTE_RANGE.length, " ");
  if (rangeText.length !== BYTE_RANGE.length) throw new Error("ByteRange does not fit its placeholder");
  out.write(rangeText, out.indexOf(BYTE_RANGE, sigAt, "latin1"), "latin1");
  const cms = await o.sign(Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]));
  if (cms.length > reserve) throw new Error(`signature of ${cms.length} B does not fit the ${reserve} B reserved`);
  out.write(Buffer.from(cms).toString("hex"), contentsAt + 1, "latin1");
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
