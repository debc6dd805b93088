/**
 * The .docx writer: DocModel → WordprocessingML bytes. It reads only the model
 * (src/document/model.ts); every layout decision was made in compose.
 *
 *   blocks.ts     paragraphs and tables → body XML (paragraphs.ts, runs.ts, tables.ts)
 *   parts.ts      the package around the body: styles, settings, headers, section properties, rels
 *   package.ts    core properties and the zip container, reproducible (dates from meta.date)
 *
 * Output is byte-for-byte reproducible and schema-valid (test/docx-schema.test.ts); the parts match
 * what the `docx` package writes for the same document (test/docx-reference.test.ts).
 */
import type { DocModel } from "../../document/model.js";
import { blocksXml } from "./blocks.js";
import { docxContext } from "./context.js";
import { coreProperties, deflated, zip } from "./package.js";
import { appProperties, contentTypes, documentRels, documentXml, fontTable, headerNames, headers, packageRels, settings, styles, textWidth } from "./parts.js";

export async function writeDocx(doc: DocModel): Promise<Uint8Array> {
  const ctx = docxContext(doc);
  const m = doc.meta;
  const n = doc.sections.length;
  const bodies = doc.sections.map((s) => blocksXml(s.blocks, textWidth(s), ctx));
  const entries = [
    deflated("[Content_Types].xml", contentTypes(n)),
    deflated("_rels/.rels", packageRels()),
    deflated("docProps/core.xml", coreProperties(m)),
    deflated("docProps/app.xml", appProperties()),
    deflated("word/document.xml", documentXml(doc.sections, bodies)),
    deflated("word/_rels/document.xml.rels", documentRels(n)),
    deflated("word/styles.xml", styles(m, ctx)),
    deflated("word/settings.xml", settings()),
    deflated("word/fontTable.xml", fontTable(m)),
  ];
  doc.sections.forEach((s, i) => {
    const names = headerNames(i);
    headers(s, ctx).forEach((xml, k) => entries.push(deflated(`word/${names[k]}`, xml)));
  });
  return zip(entries, m.date);
}
