/**
 * The type word before a document reference ("Quyết định số 620/QĐ-UBND"), found by a backwards scan
 * that must agree with its specification as a regular expression (the form it had before: slower,
 * since it was tried at every position of the 40 characters before each reference).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCitations, typeWordBefore } from "../src/check/citations.js";

const WORDS = [
  "chương trình",
  "nghị quyết",
  "quyết định",
  "thông báo",
  "hướng dẫn",
  "phương án",
  "công điện",
  "kế hoạch",
  "biên bản",
  "tờ trình",
  "công văn",
  "chỉ thị",
  "quy chế",
  "báo cáo",
  "đề án",
  "qđ",
  "bc",
  "kh",
  "nq",
  "tb",
  "cv",
];
const SPEC = new RegExp(`(?:^|[^\\p{L}])(${WORDS.join("|")})\\s*:?\\s*(?:số\\s*:?\\s*)*$`, "iu");
const spec = (text: string, end: number) => SPEC.exec(text.slice(Math.max(0, end - 40), end))?.[1];

describe("type word before a reference", () => {
  it("agrees with the regular expression it replaced", () => {
    const atom = fc.constantFrom(
      "Quyết định",
      "quyết định",
      "QUYẾT ĐỊNH",
      "Công văn",
      "QĐ",
      "qđ",
      "Kế hoạch",
      "kh",
      "số",
      "Số",
      "SỐ",
      " ",
      "  ",
      ":",
      ": ",
      "\n",
      "x",
      "ý",
      "các",
      "(",
      ",",
      "1",
      "Thông báo",
      "thông",
      "báo cáo",
      "Nghị quyếtsố",
      "xqđ",
      "đề án",
    );
    fc.assert(
      fc.property(fc.array(atom, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(typeWordBefore(text, text.length), JSON.stringify(text)).toBe(spec(text, text.length));
      }),
      { numRuns: 20000 },
    );
  });

  it("reads the example's forms", () => {
    const words = (t: string) =>
      findCitations({ text: t, posAt: () => ({ file: "x", line: 1, column: 1 }) }).map((c) => [c.ref, c.word ?? "", c.date?.text ?? ""]);
    expect(words("Công văn số 1948/SNV-XDCQ&CTTN ngày 30/8/2021 và Quyết định số: 620/QĐ-UBND, ngày 29/4/2021; số 61-TB/ĐTN")).toEqual([
      ["1948/SNV-XDCQ&CTTN", "Công văn", "30/8/2021"],
      ["620/QĐ-UBND", "Quyết định", "29/4/2021"],
      ["61-TB/ĐTN", "", ""],
    ]);
  });
});
