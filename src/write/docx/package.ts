/**
 * Reproducible packaging. docx stamps docProps/core.xml and every zip entry with the current time.
 * Here core.xml is written from the model (created = modified = meta.date, plus the language) and
 * handed to docx as an override, and the DOS date/time of every entry is then patched in place, in
 * the local headers and the central directory: no second deflate pass. The DOS fields are written
 * from the UTC components of meta.date, so the bytes do not depend on the machine's time zone.
 */
import type { DocMeta } from "../../document/model.js";

/** "2021-11-19T00:00:00Z" (W3CDTF, whole seconds, UTC) from any ISO 8601 timestamp. */
export function w3cdtf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`DocMeta.date is not an ISO 8601 timestamp: ${iso}`);
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function coreProperties(meta: DocMeta): string {
  const when = w3cdtf(meta.date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(meta.title)}</dc:title>` +
    `<dc:subject>${esc(meta.subject)}</dc:subject>` +
    `<dc:creator>${esc(meta.author)}</dc:creator>` +
    `<cp:lastModifiedBy>${esc(meta.author)}</cp:lastModifiedBy>` +
    "<cp:revision>1</cp:revision>" +
    `<dc:language>${esc(meta.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/** MS-DOS time and date words for the UTC components of `iso` (years before 1980 clamp to 1980). */
export function dosDateTime(iso: string): { time: number; date: number } {
  const d = new Date(w3cdtf(iso));
  const year = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Sets the date/time of every entry of a zip file (in place) and returns it. */
export function fixZipTimes(zip: Uint8Array, iso: string): Uint8Array {
  const { time, date } = dosDateTime(iso);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("docx package: no end of central directory");
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new Error("docx package: bad central directory");
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error("docx package: bad local header");
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}
