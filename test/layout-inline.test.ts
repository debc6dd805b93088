import { describe, expect, it } from "vitest";
import { lay, lines, p, run, texts } from "./helpers/layout-build.js";

// monospace fake font at 10 pt: letters 5 pt, spaces 2.5 pt, single line 11.5 pt, baseline at 9 pt.

describe("line breaking (greedy, at spaces, as Word)", () => {
  it("fills lines greedily and lets the breaking space hang", () => {
    // "aaaa bbbb" = 20 + 2.5 + 20 = 42.5 ≤ 45
    expect(lines(lay([p("aaaa bbbb cccc")], 45))).toEqual(["aaaa bbbb", "cccc"]);
    // exactly full: 42.5
    expect(lines(lay([p("aaaa bbbb cccc")], 42.5))).toEqual(["aaaa bbbb", "cccc"]);
    expect(lines(lay([p("aaaa bbbb cccc")], 42.4))).toEqual(["aaaa", "bbbb", "cccc"]);
  });

  it("ignores hanging spaces: many spaces at a break never push a word down", () => {
    expect(lines(lay([p("aaaa bbbb      cccc")], 42.5))).toEqual(["aaaa bbbb", "cccc"]);
  });

  it("breaks an over-wide token after its last fitting '/' or '-', else by character", () => {
    // 30 pt = 6 letters
    expect(lines(lay([p("1880/BC-VPXYZ")], 30))).toEqual(["1880/", "BC-", "VPXYZ"]);
    expect(lines(lay([p("abcdefghijklm")], 30))).toEqual(["abcdef", "ghijkl", "m"]);
    // a word that merely does not fit on the current line moves whole
    expect(lines(lay([p("aa 1880/BC")], 30))).toEqual(["aa", "1880/", "BC"]);
  });

  it("breaks after a hyphen inside a word when needed, as Word and LibreOffice do", () => {
    // "số 959/VP-HCC": "số 959/VP-" = 12.5 + 2.5 + 35 = 50 fits in 50
    expect(lines(lay([p("số 959/VP-HCC ngày")], 50))).toEqual(["số 959/VP-", "HCC ngày"]);
    // not before a digit, not after a leading hyphen
    expect(lines(lay([p("aa 10-15 -5")], 30))).toEqual(["aa", "10-15", "-5"]);
  });

  it("never separates a combining mark from its letter", () => {
    // U+0323 cannot compose with "q": stays a mark after NFC
    const r = lay([p("aq\u0323bcdefg")], 10);
    expect(lines(r)).toEqual(["aq\u0323", "bc", "de", "fg"]);
  });

  it("keeps a word with mixed styles together and starts a new frame per style", () => {
    // "đạt " = 17.5 pt, "100/100" = 35 pt: the whole word moves to line 2
    const r = lay([p([run("đạt "), run("100", { bold: true }), run("/100 điểm")])], 40);
    expect(lines(r)).toEqual(["đạt", "100|/100", "điểm"]);
    expect(texts(r).find((t) => t.text === "100")?.face).toBe("bold");
    expect(lines(lay([p([run("đạt "), run("100", { bold: true }), run("/100 điểm")])], 52.5))).toEqual(["đạt |100|/100", "điểm"]);
  });

  it("honours forced line breaks", () => {
    const r = lay([p([run("ab"), { kind: "break", style: { size: 10 } }, run("cd")])], 100);
    expect(lines(r)).toEqual(["ab", "cd"]);
  });

  it("normalises text to NFC", () => {
    const nfd = "Độc lập".normalize("NFD");
    const r = lay([p(nfd)], 100);
    expect(texts(r)[0].text).toBe("Độc lập".normalize("NFC"));
  });
});

describe("alignment, indents and spacing", () => {
  it("justifies by widening spaces, except on the last line", () => {
    const r = lay([p("aaaa bb cc dddd", { align: "justify" })], 45);
    const t = texts(r);
    // line 1 "aaaa bb cc" = 20+2.5+10+2.5+10 = 45 → no extra; use a narrower fit
    expect(lines(r)).toEqual(["aaaa bb cc", "dddd"]);
    expect(t[0].wordSpacing).toBe(0);
    const r2 = lay([p("aaaa bb cc dddd", { align: "justify" })], 50);
    const t2 = texts(r2);
    expect(t2[0].text).toBe("aaaa bb cc");
    expect(t2[0].wordSpacing).toBeCloseTo(2.5, 9); // (50 − 45) / 2 spaces
    expect(t2[1].wordSpacing).toBe(0); // last line
  });

  it("justifies a line ended by a manual break (Word's default)", () => {
    const r = lay([p([run("aa bb"), { kind: "break", style: { size: 10 } }, run("cc dd")], { align: "justify" })], 40);
    const t = texts(r);
    expect(t[0].wordSpacing).toBeCloseTo(40 - 22.5, 9);
    expect(t[1].wordSpacing).toBe(0);
  });

  it("centres and right-aligns without counting hanging spaces", () => {
    const c = texts(lay([p("aa bb   ", { align: "center" })], 100));
    expect(c[0].x).toBeCloseTo(10 + (100 - 22.5) / 2, 9);
    const r = texts(lay([p("aa", { align: "right" })], 100));
    expect(r[0].x).toBeCloseTo(10 + 100 - 10, 9);
  });

  it("applies first-line, left and right indents (twips)", () => {
    const r = lay([p("aaaa bbbb cccc dddd", { indentFirstLine: 200, indentLeft: 100, indentRight: 100 })], 60);
    const t = texts(r);
    expect(t[0].x).toBeCloseTo(10 + 5 + 10, 9);
    expect(t[1].x).toBeCloseTo(10 + 5, 9);
    // line 1: 50 − 10 = 40 wide → "aaaa" only ("aaaa bbbb" = 42.5)
    expect(lines(r)).toEqual(["aaaa", "bbbb cccc", "dddd"]);
  });

  it("spaces paragraphs: before + after add up (Word), line spacing multiplies the single height", () => {
    const r = lay([p("a", { spaceAfter: 120 }), p("b", { spaceBefore: 60 }), p("c", { lineSpacing: 1.5 })], 100);
    const t = texts(r);
    expect(t[0].y).toBeCloseTo(10 + 9, 9);
    expect(t[1].y).toBeCloseTo(10 + 11.5 + 6 + 3 + 9, 9);
    // 1.5 lines: the extra goes above the text
    expect(t[2].y).toBeCloseTo(10 + 11.5 + 6 + 3 + 11.5 + 11.5 * 1.5 - 2.5, 9);
  });

  it("draws a paragraph rule with the model's width, centred on the text area, 4 pt under the last line", () => {
    const r = lay([p("abc", { align: "center", spaceAfter: 100 }, { rule: { width: 400, thickness: 0.5 } }), p("next")], 100);
    const rule = r.pages[0].items.find((f) => f.kind === "line");
    expect(rule).toMatchObject({ kind: "line", role: "rule", x1: 10 + 40, x2: 10 + 60, width: 0.5 });
    expect(rule && rule.kind === "line" && rule.y1).toBeCloseTo(10 + 11.5 + 4 + 0.25, 9);
    // the paragraph's space after follows the rule
    expect(texts(r)[1].y).toBeCloseTo(10 + 11.5 + 4.5 + 5 + 9, 9);
    // a rule alone has no empty line above it
    const alone = lay([p([], { spaceBefore: 40 }, { rule: { width: 400, thickness: 0.5 } })], 100).pages[0].items[0];
    expect(alone.kind === "line" && alone.y1).toBeCloseTo(10 + 2 + 4 + 0.25, 9);
  });

  it("underlines the underlined words and the spaces between them, not a hanging space", () => {
    const r = lay([p([run("ab "), run("cd ef ", { underline: true }), run("gh")])], 100);
    const u = r.pages[0].items.filter((f) => f.kind === "line");
    // "ab " = 12.5; "cd ef " underlined = 10 + 2.5 + 10 + 2.5
    expect(u).toMatchObject([{ role: "underline", x1: 10 + 12.5, x2: 10 + 12.5 + 25, y1: 10 + 9 + 1 }]);
    const wrapped = lay([p([run("aaaa "), run("bbbb cccc", { underline: true })])], 45);
    const lines2 = wrapped.pages[0].items.filter((f) => f.kind === "line");
    // line 1 ends with "bbbb" (the space after it hangs): its underline stops at the word
    expect(lines2[0]).toMatchObject({ x1: 10 + 22.5, x2: 10 + 42.5 });
  });

  it("draws sub/superscript smaller and shifted", () => {
    const t = texts(lay([p([run("m"), run("2", { vertAlign: "super" })])], 100));
    expect(t[1].size).toBeCloseTo(6, 9);
    expect(t[1].y).toBeLessThan(t[0].y);
    expect(t[1].x).toBeCloseTo(t[0].x + 5, 9);
  });
});
