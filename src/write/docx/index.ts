/**
 * The .docx writer: DocModel → WordprocessingML bytes, with the `docx` package. It reads only the
 * model (src/document/model.ts); every layout decision was made in compose. Output is byte-for-byte
 * reproducible: every date comes from `doc.meta.date` (package.ts).
 */
import { Document, Packer } from "docx";
import type { DocModel } from "../../document/model.js";
import { docxContext } from "./context.js";
import { coreProperties, fixZipTimes } from "./package.js";
import { toSection } from "./sections.js";
import { documentStyles } from "./styles.js";

export async function writeDocx(doc: DocModel): Promise<Uint8Array> {
  const m = doc.meta;
  const ctx = docxContext(doc);
  const file = new Document({
    title: m.title,
    subject: m.subject,
    creator: m.author,
    lastModifiedBy: m.author,
    revision: 1,
    styles: documentStyles(m, ctx),
    sections: doc.sections.map((s) => toSection(s, ctx)),
  });
  const packed = await Packer.pack(file, "uint8array", false, [{ path: "docProps/core.xml", data: coreProperties(m) }]);
  return fixZipTimes(packed, m.date);
}
