/**
 * Every generated WordprocessingML part validates against the OOXML schemas (ISO/IEC 29500-4
 * transitional + Microsoft extensions, wml-2010.xsd) with xmllint, after markup-compatibility
 * preprocessing (mc:Ignorable).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { composeReport, composeScoreTable } from "../src/compose/index.js";
import type { DocModel } from "../src/document/model.js";
import { sameFile } from "../src/pipeline/render.js";
import { writeDocx } from "../src/write/docx/index.js";
import { mceProcess, parts } from "./fixtures/compose/docx-parts.js";
import { exampleDocs } from "./fixtures/compose/example.js";
import { COMPOSE_OPTIONS, md, smallScored } from "./fixtures/compose/scored.js";
import { run, tools } from "./fixtures/compose/tools.js";

/**
 * The OOXML schemas are not ours to commit: CHAMDIEM_OOXML_SCHEMAS names the folder that holds them
 * (`microsoft/wml-2010.xsd` and the files it includes; `.ci/run` sets it). Unset: the test is skipped
 * and its name says why. Set to a folder without the schema: the test fails.
 */
const SCHEMAS = process.env.CHAMDIEM_OOXML_SCHEMAS;
const XSD = SCHEMAS ? resolve(SCHEMAS, "microsoft/wml-2010.xsd") : "";
const gate = tools("xmllint");

/** A report whose body uses every Markdown construct, and a score table with appraisal columns. */
function richDocs(): [string, DocModel][] {
  const body = md(
    "# I. KẾT QUẢ\n\nĐoạn *nghiêng* **đậm** <u>gạch</u> H<sub>2</sub>O m<sup>2</sup>  \nxuống dòng [liên kết](https://a.vn)[^1].\n\n" +
      "- một\n  - hai\n\n1. ba\n\n> trích\n\n---\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n`mã` ~~xoá~~ ![ảnh](a.png)\n\n[^1]: Ghi chú.\n",
  );
  const s = smallScored({
    body,
    to: ["Bộ Nội vụ", "Sở Nội vụ"],
    signer: { prefix: "KT.", authority: "Chánh Văn phòng", title: "Phó Chánh Văn phòng", name: "Nguyễn Văn A" },
  });
  s.items[0]!.appraisal = { score: 450, opinion: md("Ý kiến **thẩm định**.") };
  s.appraised = { total: 550 };
  return [
    ["rich report", composeReport(s, COMPOSE_OPTIONS).doc],
    ["rich score table", composeScoreTable(s, COMPOSE_OPTIONS).doc],
    // Electronic, attachments in the same file: two sections, the second restarting its page numbers (w:pgNumType).
    [
      "electronic report and score table",
      sameFile(composeReport(s, { ...COMPOSE_OPTIONS, mode: "electronic" }).doc, composeScoreTable(s, { ...COMPOSE_OPTIONS, mode: "electronic" }).doc),
    ],
  ];
}

describe("OOXML schema validation", () => {
  const skip = gate.skip || !SCHEMAS;
  const note = gate.note || (SCHEMAS ? "" : " [SKIPPED: CHAMDIEM_OOXML_SCHEMAS is not set]");
  if (!SCHEMAS) console.warn(`docx schema test:${note}`);
  it.skipIf(skip)(`document, styles, headers and the other WordprocessingML parts validate${note}`, async () => {
    gate.require();
    expect(existsSync(XSD), `OOXML schemas at ${XSD}`).toBe(true);
    const docs: [string, DocModel][] = [["example report", exampleDocs().report], ["example score table", exampleDocs().scoreTable], ...richDocs()];
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-xsd-"));
    try {
      const files: string[] = [];
      for (const [name, doc] of docs) {
        const p = parts(await writeDocx(doc));
        const wml = [...p.keys()].filter((k) => /^word\/(document|styles|header\d+|footer\d+|numbering|settings|footnotes|endnotes|fontTable)\.xml$/.test(k));
        expect(wml).toEqual(expect.arrayContaining(["word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml"]));
        for (const k of wml) {
          const file = join(dir, `${name.replace(/\s+/g, "-")}--${k.replace(/\//g, "_")}`);
          writeFileSync(file, mceProcess(p.get(k)!));
          files.push(file);
        }
      }
      const r = run("xmllint", ["--noout", "--schema", XSD, ...files]);
      const failures = r.stderr.split("\n").filter((l) => l && !l.endsWith(" validates"));
      expect(failures).toEqual([]);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
