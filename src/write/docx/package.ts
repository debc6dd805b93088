/**
 * Reproducible packaging. docx stamps docProps/core.xml with the current time and zips with the
 * current time; here the package is re-zipped with every entry dated from the document's own date
 * (meta.date) in a stable order, and the core properties' created/modified dates and language are set
 * from the model. The zip's DOS timestamps are local-time fields, so the UTC date is passed as the
 * local time with the same components: the bytes then do not depend on the machine's time zone.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { DocMeta } from "../../document/model.js";

/** "2021-11-19T00:00:00Z" (W3CDTF, whole seconds, UTC) from any ISO 8601 timestamp. */
export function w3cdtf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`DocMeta.date is not an ISO 8601 timestamp: ${iso}`);
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function zipTime(iso: string): Date {
  const d = new Date(iso);
  const year = Math.max(1980, d.getUTCFullYear()); // DOS dates start in 1980
  return new Date(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function fixCoreProperties(xml: string, meta: DocMeta): string {
  const when = w3cdtf(meta.date);
  let out = xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${when}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${when}$2`);
  if (!out.includes("<dc:language>")) out = out.replace(/<\/cp:coreProperties>/, `<dc:language>${xmlEscape(meta.language)}</dc:language></cp:coreProperties>`);
  return out;
}

/** Re-zips `docx` with fixed dates; `edit` may rewrite parts (path → new text). */
export function reproducible(docx: Uint8Array, meta: DocMeta): Uint8Array {
  const files = unzipSync(docx);
  const core = files["docProps/core.xml"];
  if (core) files["docProps/core.xml"] = strToU8(fixCoreProperties(strFromU8(core), meta));
  // [Content_Types].xml first (some readers sniff it), then the rest in the order docx wrote them.
  const ordered: Zippable = {};
  if (files["[Content_Types].xml"]) ordered["[Content_Types].xml"] = files["[Content_Types].xml"];
  for (const [path, data] of Object.entries(files)) if (path !== "[Content_Types].xml") ordered[path] = data;
  return zipSync(ordered, { level: 6, mtime: zipTime(meta.date) });
}
