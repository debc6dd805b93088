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
    expect(taken).toBe(texts.length);
  });

  it("agrees with remark on random prose with tags, line breaks and blank lines", () => {
    const atoms = [
      "Quyết",
      " ",
      "định",
      " số 620/QĐ-UBND",
      " ngày 29/4/2021",
      ".",
      ",",
      ";",
      "(",
      ")",
      "%",
      "98,93",
      "\n",
      "\n\n",
      "\n   ",
      "  ",
      "<i>",
      "</i>",
      "<b>",
      "</b>",
      "<u>",
      "</u>",
      "<sub>",
      "</sub>",
      "<br>",
      "<br />",
      "Nhân dân",
      "“Dân vận khéo”",
      "-",
      " - ",
      "2020 - 2025",
      "a.",
      "1",
      "ắ",
      "#",
      ">",
      "*",
      "**",
      " *",
      " **",
      "* ",
      "** ",
      "{{total}}",
      "1.",
      "\t",
      "&amp;",
      "XDCQ&CTTN",
      "&#1;",
      "http://x.vn",
      "—",
    ];
    let accepted = 0;
    let emphasised = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        if (!same(text)) return;
        accepted++;
        if (/"(strong|emphasis)"/.test(JSON.stringify(parsePlainMarkdown(text)))) emphasised++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: process.env.FUZZ_RUNS ? undefined : 42 },
    );
    expect(accepted).toBeGreaterThan(300);
    expect(emphasised).toBeGreaterThan(0);
  });

  it("agrees with remark on random prose with emphasis, well-formed or nearly", () => {
    const word = fc.constantFrom("Quyết", "định", "số", "620/QĐ-UBND", "{{total}}", "<i>x</i>", "98,93", "ắ", "(a)", "“b”", "—");
    // Mostly well-formed; now and then a space inside, a letter or "/" after, a mismatched or triple run.
    const wrap = fc.constantFrom("*", "**", "*", "**", "***", "");
    const inside = fc.constantFrom("", "", "", "", " ", "x");
    const close = fc.constantFrom("", "", "", "", "", "", "*", "**");
    const after = fc.constantFrom(" ", ". ", ", ", ": ", ") ", "! ", "? ", ";\n", "\n", "\n  ", "\n\n", "x ", "/");
    const piece = fc.tuple(wrap, fc.array(word, { minLength: 1, maxLength: 3 }), inside, close, after);
    let emphasised = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (pieces) => {
        const text = "Theo " + pieces.map(([w, ws, inside, close, after]) => `${w}${ws.join(" ")}${inside}${close || w}${after}`).join("");
        if (same(text) && /"(strong|emphasis)"/.test(JSON.stringify(parsePlainMarkdown(text)))) emphasised++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: process.env.FUZZ_RUNS ? undefined : 7 },
    );
    expect(emphasised).toBeGreaterThan(50);
  });

  it("takes simple emphasis, as in the report body", () => {
    for (const t of ["kết quả đạt **{{total}}/{{max}} điểm**.", "x *a* và **b**, *c*", "x **<i>y</i>**", "x **a**\ny *b*: c"]) {
      expect(same(t), t).toBe(true);
      expect(JSON.stringify(parsePlainMarkdown(t))).toMatch(/"(strong|emphasis)"/);
    }
  });

  it("declines what it does not handle", () => {
    for (const t of [
      "a *b* c*",
      "a **b*",
      "a**b**",
      "a **b**c",
      "a ***b***",
      "a **b\nc**",
      "a * b*",
      "a_b",
      "`x`",
      "[a](b)",
      "a\\",
      "x &amp; y",
      "- item",
      "1. item",
      "# h",
      "> q",
      "a  \nb",
      "www.a.vn",
      "a@b.vn",
      "| a |",
      "~~a~~",
      "<span>x</span>",
      "    code",
    ]) {
      expect(parsePlainMarkdown(t), t).toBeUndefined();
    }
  });
});
