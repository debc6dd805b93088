/**
 * The plain-paragraph fast path (src/layout/inline/plain.ts) against the general inline path
 * (collect → breakLines → finalizeLine): for random one-run paragraphs it must give the same line
 * heights and the same frames, to the last bit, with Tinos and with the fake monospace font; and it
 * must decline what it does not handle.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Align, RunStyle } from "../src/document/model.js";
import { createLayoutFonts, loadFontSet } from "../src/fonts/index.js";
import { collect } from "../src/layout/inline/collect.js";
import { finalizeLine } from "../src/layout/inline/finalize.js";
import { breakLines } from "../src/layout/inline/linebreak.js";
import { plainLines, type PlainParagraph } from "../src/layout/inline/plain.js";
import { monospaceFonts, type LayoutFonts } from "../src/layout/fonts.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const tinos = createLayoutFonts(loadFontSet(readFileSync));
const mono = monospaceFonts();

/** The general path's lines for the same paragraph. */
function general(p: PlainParagraph, fonts: LayoutFonts) {
  const atoms = collect([{ kind: "text", text: p.text, style: p.style }], fonts);
  const lines = breakLines(atoms, p.width, p.firstLine, fonts);
  return lines.map((line, i) => {
    const first = i === 0;
    const fl = finalizeLine(
      line,
      {
        align: p.align,
        left: p.left + (first ? p.firstLine : 0),
        width: p.width - (first ? p.firstLine : 0),
        lineSpacing: p.lineSpacing,
        markStyle: p.markStyle,
        isLast: i === lines.length - 1,
      },
      fonts,
    );
    return { height: fl.height, frames: fl.frames, overflow: line.overflow === true };
  });
}

const WORDS = [
  "Việt",
  "Nam",
  "công",
  "tác",
  "dân",
  "vận",
  "điểm",
  "số",
  "1880/BC-VP",
  "Quảng",
  "Ngãi;",
  "(Kèm",
  "theo)",
  "10-15",
  "-5",
  "xã-hội",
  "Độc",
  "lập",
  "–",
  "2021,",
  "100/100",
  "ủy‐ban",
  "A–Z",
  "—",
  "ngày",
  "09/02/2021",
];
/** Words wider than a line, broken over lines (split.ts): slashes, hyphens, diacritics, a combining mark. */
const LONG = [
  "https://dichvucong.quangngai.gov.vn/van-ban/1880/BC-VP",
  "Quyết-định-số-1880/QĐ-UBND-ngày-19/11/2021",
  "a".repeat(300),
  "ệ".repeat(120),
  "ạ\u0301".repeat(50).normalize("NFC"),
  "x/".repeat(60),
];
const style = fc.record({
  size: fc.constantFrom(10, 12, 13, 14),
  bold: fc.boolean(),
  italic: fc.boolean(),
  vertAlign: fc.constantFrom(undefined, undefined, undefined, "super" as const, "sub" as const),
});
const text = fc
  .array(
    fc.record({
      word: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...LONG) }),
      gap: fc.constantFrom(" ", " ", " ", "  ", "   "),
    }),
    { minLength: 0, maxLength: 40 },
  )
  .chain((ws) =>
    fc
      .record({ lead: fc.constantFrom("", "", " ", "  "), trail: fc.constantFrom("", "", " ", "   ") })
      .map(({ lead, trail }) => lead + ws.map((w, i) => (i ? w.gap : "") + w.word).join("") + trail),
  );
const paragraph = fc.record({
  text,
  style,
  align: fc.constantFrom<Align>("left", "center", "right", "justify"),
  left: fc.double({ min: 0, max: 200, noNaN: true }),
  width: fc.oneof({ weight: 20, arbitrary: fc.double({ min: 60, max: 500, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(3, 8, 15) }),
  firstLine: fc.constantFrom(0, 0, 36, -18, 12.5),
  lineSpacing: fc.constantFrom(1, 1.15, 1.5),
  markSize: fc.constantFrom(10, 12, 14, 16),
});

function check(fonts: LayoutFonts) {
  let used = 0;
  fc.assert(
    fc.property(paragraph, (r) => {
      const runStyle: RunStyle = r.style.vertAlign ? r.style : { size: r.style.size, bold: r.style.bold, italic: r.style.italic };
      const p: PlainParagraph = {
        text: r.text,
        style: runStyle,
        align: r.align,
        left: r.left,
        width: r.width,
        firstLine: r.firstLine,
        lineSpacing: r.lineSpacing,
        markStyle: { size: r.markSize },
      };
      const fast = plainLines(p, fonts);
      expect(fast).toBeDefined();
      if (!fast) return;
      used++;
      const slow = general(p, fonts);
      expect(fast.map((l) => ({ height: l.height, frames: l.frame ? [l.frame] : [], overflow: l.overflow === true }))).toEqual(slow);
      // bit for bit, not just "close": positions feed the PDF
      fast.forEach((l, i) => {
        expect(Object.is(l.height, slow[i]!.height)).toBe(true);
        if (l.frame) expect(Object.is(l.frame.x, (slow[i]!.frames[0] as { x: number }).x)).toBe(true);
      });
    }),
    { numRuns: RUNS },
  );
  // most random paragraphs take the fast path
  expect(used).toBeGreaterThan(RUNS / 2);
}

describe("plain paragraph layout", () => {
  it("equals the general path with Tinos", () => check(tinos));
  it("equals the general path with the monospace test font", () => check(mono));

  it("declines tabs, line breaks, zero-width spaces and underline; breaks words wider than the line", () => {
    const base: PlainParagraph = {
      text: "một hai ba",
      style: { size: 12 },
      align: "left",
      left: 0,
      width: 300,
      firstLine: 0,
      lineSpacing: 1,
      markStyle: { size: 12 },
    };
    expect(plainLines(base, tinos)).toHaveLength(1);
    for (const text of ["một\thai", "một\nhai", "một\r\nhai", "một\u200bhai"]) expect(plainLines({ ...base, text }, tinos)).toBeUndefined();
    expect(plainLines({ ...base, style: { size: 12, underline: true } }, tinos)).toBeUndefined();
    const long: PlainParagraph = { ...base, text: "Quyết-định-số-1880/QĐ-UBND-ngày-19/11/2021", width: 40 };
    const lines = plainLines(long, tinos)!;
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map((l) => l.frame?.text ?? "").join("")).toBe(long.text);
    expect(lines.map((l) => ({ height: l.height, frames: l.frame ? [l.frame] : [], overflow: l.overflow === true }))).toEqual(general(long, tinos));
    // A line narrower than one letter still takes one per line, marked as overflowing.
    const narrow = plainLines({ ...long, text: "ệ".repeat(5), width: 2 }, tinos)!;
    expect(narrow.map((l) => l.frame?.text)).toEqual(["ệ", "ệ", "ệ", "ệ", "ệ"]);
    expect(narrow.every((l) => l.overflow)).toBe(true);
  });
});
