/**
 * The prose fast path must build exactly the tree remark builds, or decline.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlainMarkdown } from "../src/read/markdown-plain.js";
import { parseWithRemark } from "../src/read/markdown.js";
import { loadExampleScored } from "./helpers/example.js";

const strip = (tree: unknown) => JSON.parse(JSON.stringify(tree));

function same(text: string): boolean {
  const fast = parsePlainMarkdown(text);
  if (!fast) return false;
  expect(strip(fast), JSON.stringify(text)).toEqual(strip(parseWithRemark(text)));
  return true;
}

describe("plain-prose Markdown fast path", () => {
  it("agrees with remark on every justification of the example, and takes most of them", () => {
    const s = loadExampleScored();
    const texts: string[] = [s.assessment.report.body.text];
    for (const a of s.assessment.answers.values()) {
      if (a.justification) texts.push(a.justification.text);
      for (const t of a.ticked ?? []) if (t.justification) texts.push(t.justification.text);
    }
    const taken = texts.filter(same).length;
    expect(texts.length).toBeGreaterThan(40);
    expect(taken).toBeGreaterThanOrEqual(texts.length - 2);
  });

  it("agrees with remark on random prose with tags, line breaks and blank lines", () => {
    const atoms = ["Quyết", " ", "định", " số 620/QĐ-UBND", " ngày 29/4/2021", ".", ",", ";", "(", ")", "%", "98,93", "\n", "\n\n", "\n   ", "  ", "<i>", "</i>", "<b>", "</b>", "<u>", "</u>", "<sub>", "</sub>", "<br>", "<br />", "Nhân dân", "“Dân vận khéo”", "-", " - ", "2020 - 2025", "a.", "1", "ắ", "#", ">", "*", "1.", "\t", "&amp;", "XDCQ&CTTN", "&#1;", "http://x.vn", "—"];
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { maxLength: 30 }), (parts) => {
        if (same(parts.join(""))) accepted++;
      }),
      { numRuns: 3000, seed: 42 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it("declines what it does not handle", () => {
    for (const t of ["a *b*", "a_b", "`x`", "[a](b)", "a\\", "x &amp; y", "- item", "1. item", "# h", "> q", "a  \nb", "www.a.vn", "a@b.vn", "| a |", "~~a~~", "<span>x</span>", "    code"]) {
      expect(parsePlainMarkdown(t), t).toBeUndefined();
    }
  });
});
