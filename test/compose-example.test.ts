/**
 * Golden dumps of both documents of the real example (content/), composed with the real fonts: the
 * document models (src/document/dump.ts) and the laid-out pages of the two PDFs (src/layout/dump.ts:
 * every text line and rule with its position, face and size, page by page).
 * A missing golden file fails; `UPDATE_GOLDEN=1 npx vitest run test/compose-example.test.ts` (locally,
 * never under CI) rewrites them; read the diff before committing (test/helpers/golden.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpDoc } from "../src/document/dump.js";
import { createLayoutFonts, loadFontSet } from "../src/fonts/index.js";
import { dumpLayout, layoutDocument } from "../src/layout/index.js";
import { allParagraphs, text } from "./fixtures/compose/model-query.js";
import { exampleDocs, normalise, printedTexts } from "./fixtures/compose/example.js";
import { loadExampleScored } from "./helpers/example.js";
import { expectGolden } from "./helpers/golden.js";

const DIR = join(import.meta.dirname, "fixtures/compose");

/** Missing golden files fail; UPDATE_GOLDEN=1 (local runs only) rewrites them: test/helpers/golden.ts. */
function golden(name: string, actual: string): void {
  expectGolden(join(DIR, name), actual, import.meta.filename);
}

describe("the example, composed", () => {
  it("report dump matches the golden file", () => {
    golden("example-report.dump.json", dumpDoc(exampleDocs().report));
  });

  it("score table dump matches the golden file", () => {
    golden("example-score-table.dump.json", dumpDoc(exampleDocs().scoreTable));
  });

  it("every title, option text and justification of the example is in the score table", () => {
    const printed = normalise(allParagraphs(exampleDocs().scoreTable).map(text).join(" "));
    const expected = printedTexts(loadExampleScored());
    expect(expected.length).toBeGreaterThan(150);
    for (const t of expected) expect(printed).toContain(normalise(t));
  });

  it("the report says 100/100 from the scores", () => {
    expect(normalise(allParagraphs(exampleDocs().report).map(text).join(" "))).toContain("kết quả đạt 100/100 điểm.");
  });
});

describe("the example, laid out for PDF (as renderPdf lays it out)", () => {
  const fonts = createLayoutFonts(loadFontSet(readFileSync));

  it("bao-cao.pdf: the frame dump matches the golden file", () => {
    const layout = layoutDocument(exampleDocs().report, fonts);
    expect(layout.warnings).toEqual([]);
    golden("example-bao-cao.frames.txt", dumpLayout(layout));
  });

  it("bieu-cham-diem.pdf: the frame dump matches the golden file", () => {
    const layout = layoutDocument(exampleDocs().scoreTable, fonts);
    expect(layout.warnings).toEqual([]);
    golden("example-bieu-cham-diem.frames.txt", dumpLayout(layout));
  });
});
