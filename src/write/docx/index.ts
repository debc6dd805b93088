/**
 * The .docx writer: DocModel → WordprocessingML bytes. It reads only the model
 * (src/document/model.ts); every layout decision was made in compose.
 *
 *   skeleton.ts   the package around the body, made by the `docx` package, once per document shape
 *   blocks.ts     paragraphs, tables and lists → body XML (paragraphs.ts, runs.ts, tables.ts)
 *   package.ts    core properties and the zip container, reproducible (dates from meta.date)
 *
 * Output is byte-for-byte reproducible, and schema-valid (test/docx-schema.test.ts).
 */
import type { DocModel } from "../../document/model.js";
import { blocksXml } from "./blocks.js";
import { docxContext } from "./context.js";
import { coreProperties, deflated, zip, type ZipEntry } from "./package.js";
import { textWidth } from "./sections.js";
import { CORE_XML, DOCUMENT_XML, skeleton } from "./skeleton.js";

export async function writeDocx(doc: DocModel): Promise<Uint8Array> {
  const ctx = docxContext(doc);
  const skel = await skeleton(doc, ctx);
  let xml = skel.pieces[0]!;
  doc.sections.forEach((s, i) => (xml += blocksXml(s.blocks, textWidth(s), ctx) + skel.pieces[i + 1]!));
  const entries: ZipEntry[] = skel.entries.map((e) =>
    "data" in e ? e : e.path === DOCUMENT_XML ? deflated(DOCUMENT_XML, xml) : deflated(CORE_XML, coreProperties(doc.meta)),
  );
  return zip(entries, doc.meta.date);
}
