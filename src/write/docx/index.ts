/**
 * The .docx writer: DocModel → WordprocessingML bytes, with the `docx` package. It reads only the
 * model (src/document/model.ts); every layout decision was made in compose. Output is byte-for-byte
 * reproducible: dates come from `doc.meta.date` (package.ts).
 */
import { Document, Packer } from "docx";
import type { DocModel } from "../../document/model.js";
import { reproducible } from "./package.js";
import { toSection } from "./sections.js";
import { documentStyles } from "./styles.js";

export async function writeDocx(doc: DocModel): Promise<Uint8Array> {
  const m = doc.meta;
  const file = new Document({
    title: m.title,
    subject: m.subject,
    creator: m.author,
    lastModifiedBy: m.author,
    revision: 1,
    styles: documentStyles(m),
    sections: doc.sections.map(toSection),
  });
  const packed = await Packer.pack(file, "uint8array");
  return reproducible(packed, m);
}
