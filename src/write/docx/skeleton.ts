/**
 * The package around the body, made by the `docx` package: content types, relationships, styles
 * (our document defaults), settings, theme, font table, numbering, foot/endnotes, app properties,
 * the headers, and document.xml with each section's properties but no body. It depends only on the
 * document's shape (font, language, default size, each section's page setup and page numbering), so
 * it is made once per shape and process and reused, with every part already deflated: a build of a
 * thousand assessments makes two. docx's object model costs about 10 ms per document and ~6 µs per
 * XML element, several times the budget of a whole build, so the body itself is serialised directly
 * (blocks.ts) and spliced into document.xml here.
 */
import { Document, Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";
import type { DocModel } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { deflated, type ZipEntry } from "./package.js";
import { sectionFrame } from "./sections.js";
import { documentStyles } from "./styles.js";

export const DOCUMENT_XML = "word/document.xml";
export const CORE_XML = "docProps/core.xml";

export interface Skeleton {
  /** Every part in docx's order; document.xml and core.xml are placeholders (made per document). */
  entries: (ZipEntry | { path: typeof DOCUMENT_XML | typeof CORE_XML })[];
  /** document.xml cut where the sections' bodies go: pieces[0] body₀ pieces[1] … bodyₙ₋₁ pieces[n]. */
  pieces: string[];
}

const cache = new Map<string, Promise<Skeleton>>();
const MAX_CACHED = 16;

export function skeleton(doc: DocModel, ctx: DocxContext): Promise<Skeleton> {
  const m = doc.meta;
  const key = JSON.stringify([m.font, m.language, ctx.defaultSize, doc.sections.map((s) => [s.page, s.pageNumber ?? null])]);
  let s = cache.get(key);
  if (!s) {
    if (cache.size >= MAX_CACHED) cache.clear();
    s = build(doc, ctx);
    cache.set(key, s);
    s.catch(() => cache.delete(key)); // a failure is not remembered
  }
  return s;
}

async function build(doc: DocModel, ctx: DocxContext): Promise<Skeleton> {
  const file = new Document({
    // Title, subject and authors live in docProps/core.xml, which package.ts writes per document.
    styles: documentStyles(doc.meta, ctx),
    sections: doc.sections.map(sectionFrame),
  });
  const files = unzipSync(await Packer.pack(file, "uint8array"));
  const entries: Skeleton["entries"] = [];
  let documentXml = "";
  for (const [path, data] of Object.entries(files)) {
    if (path === DOCUMENT_XML) {
      documentXml = strFromU8(data);
      entries.push({ path });
    } else if (path === CORE_XML) {
      entries.push({ path });
    } else {
      entries.push(deflated(path, data));
    }
  }
  return { entries, pieces: cut(documentXml, doc.sections.length) };
}

/**
 * Where each section's body goes: before the paragraph that carries a section's properties (all but
 * the last section), and before the body's own w:sectPr (the last).
 */
function cut(xml: string, sections: number): string[] {
  const body = xml.indexOf("<w:body>");
  if (body < 0) throw new Error("docx skeleton: no <w:body> in document.xml");
  const pieces: string[] = [];
  let from = body + "<w:body>".length;
  let start = 0;
  for (let i = 0; i < sections; i++) {
    const last = i === sections - 1;
    const at = xml.indexOf(last ? "<w:sectPr>" : "<w:p><w:pPr><w:sectPr>", from);
    if (at < 0) throw new Error("docx skeleton: section properties not found in document.xml");
    pieces.push(xml.slice(start, at));
    start = at;
    from = last ? at : xml.indexOf("</w:p>", at) + "</w:p>".length;
  }
  pieces.push(xml.slice(start));
  return pieces;
}
