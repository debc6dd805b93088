import { describe, expect, it } from "vitest";
import { addresseeBlock, stripListPunctuation } from "../src/compose/addressees.js";
import { balancedLines, greedyLines, widthTwips } from "../src/compose/text-fit.js";
import { recipientLines, signerLines } from "../src/compose/signature-block.js";
import { dateInWords, documentNumber, measuredValue, placeAndDate, shortDate, tableScore, textScore, upper } from "../src/compose/vi-format.js";
import { VI_NUMBERS } from "../src/model/points.js";
import { fakeMeasure } from "./fixtures/compose/scored.js";
import { text } from "./fixtures/compose/model-query.js";

describe("dates (nd30 B, ô 4)", () => {
  it.each([
    ["2021-11-19", "ngày 19 tháng 11 năm 2021"],
    ["2020-01-05", "ngày 05 tháng 01 năm 2020"],
    ["2021-02-09", "ngày 09 tháng 02 năm 2021"],
    ["2019-06-29", "ngày 29 tháng 6 năm 2019"],
    ["2021-03-01", "ngày 01 tháng 3 năm 2021"],
    ["2021-12-31", "ngày 31 tháng 12 năm 2021"],
  ])("%s → %s", (iso, words) => {
    expect(dateInWords(iso)).toBe(words);
  });

  it("place and date, short date", () => {
    expect(placeAndDate("Quảng Ngãi", "2021-11-19")).toBe("Quảng Ngãi, ngày 19 tháng 11 năm 2021");
    expect(shortDate("2021-11-19")).toBe("19/11/2021");
    expect(shortDate("2021-01-05")).toBe("05/01/2021");
  });

  it("rejects what is not a date", () => {
    expect(() => dateInWords("19/11/2021")).toThrow();
  });
});

describe("document numbers (nd30 B, ô 3)", () => {
  it.each([
    [1880, "1880/BC-VP"],
    [5, "05/BC-VP"],
    [9, "09/BC-VP"],
    [10, "10/BC-VP"],
  ])("%i → %s", (n, s) => {
    expect(documentNumber(n, "BC-VP")).toBe(s);
  });
});

describe("numbers", () => {
  it("score table: always the configured notation", () => {
    expect(tableScore(1000, VI_NUMBERS)).toBe("10,00");
    expect(tableScore(50, VI_NUMBERS)).toBe("0,50");
    expect(tableScore(1000, { decimal: ".", fixed: true })).toBe("10.00");
  });

  it("running text: no decimals when whole, only the digits needed otherwise", () => {
    expect(textScore(10000, VI_NUMBERS)).toBe("100");
    expect(textScore(9850, VI_NUMBERS)).toBe("98,5");
    expect(textScore(9893, VI_NUMBERS)).toBe("98,93");
    expect(textScore(9850, { decimal: ".", fixed: true })).toBe("98.5");
  });

  it("measured values with units", () => {
    expect(measuredValue(9893, "%", VI_NUMBERS)).toBe("98,93%");
    expect(measuredValue(1200, "vụ", VI_NUMBERS)).toBe("12 vụ");
  });
});

describe("upper case", () => {
  it("uses Vietnamese upper-casing", () => {
    expect(upper("Văn phòng")).toBe("VĂN PHÒNG");
    expect(upper("UBND tỉnh Quảng Ngãi")).toBe("UBND TỈNH QUẢNG NGÃI");
    expect(upper("phó chánh văn phòng")).toBe("PHÓ CHÁNH VĂN PHÒNG");
  });
});

describe("Nơi nhận punctuation (nd30 F)", () => {
  it("each item ends with ';', the Lưu item with exactly one '.'", () => {
    expect(recipientLines(["Sở Nội vụ", "CT, các PCT UBND tỉnh (b/cáo);"], "VT, HCQT_(hnb)")).toEqual([
      "- Sở Nội vụ;",
      "- CT, các PCT UBND tỉnh (b/cáo);",
      "- Lưu: VT, HCQT_(hnb).",
    ]);
  });

  it("never doubles the author's own punctuation", () => {
    const lines = recipientLines(["- Sở Nội vụ.", "Như trên ;"], "Lưu: VT, TCCB.");
    expect(lines).toEqual(["- Sở Nội vụ;", "- Như trên;", "- Lưu: VT, TCCB."]);
    expect(lines.join("\n")).not.toMatch(/\.\.|;;|;\.|\.;/);
  });

  it("strips list punctuation", () => {
    expect(stripListPunctuation(" - Bộ Nội vụ; ")).toBe("Bộ Nội vụ");
    expect(stripListPunctuation("Sở Tài chính.")).toBe("Sở Tài chính");
  });
});

describe("signer (nd30 E)", () => {
  it("prints the authority line with its prefix, then the own position, upper case", () => {
    expect(signerLines({ prefix: "KT.", authority: "Chánh Văn phòng", title: "Phó Chánh Văn phòng", name: "A" })).toEqual([
      "KT. CHÁNH VĂN PHÒNG",
      "PHÓ CHÁNH VĂN PHÒNG",
    ]);
    expect(signerLines({ title: "CHÁNH VĂN PHÒNG", name: "A" })).toEqual(["CHÁNH VĂN PHÒNG"]);
    expect(signerLines({ prefix: "TM.", authority: "Ủy ban nhân dân", title: "Chủ tịch", name: "A" })).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
  });
});

describe("Kính gửi (nd30 F, ô 9a)", () => {
  const src = { file: "a.yaml", line: 1, column: 1 };
  it("one addressee on the label's line, centred, with a full stop", () => {
    const [p, ...rest] = addresseeBlock(["Sở Nội vụ"], fakeMeasure, 9298, src);
    expect(rest).toEqual([]);
    expect(p!.kind === "paragraph" && text(p!)).toBe("Kính gửi: Sở Nội vụ.");
    expect(p!.kind === "paragraph" && p!.style.align).toBe("center");
  });

  it("several: dashes aligned, ';' then '.' last", () => {
    const ps = addresseeBlock(["Bộ Nội vụ;", "Sở Nội vụ"], fakeMeasure, 9298, src);
    const ts = ps.map((p) => (p.kind === "paragraph" ? text(p) : ""));
    expect(ts).toEqual(["Kính gửi: - Bộ Nội vụ;", "- Sở Nội vụ."]);
    const [a, b] = ps as [Extract<(typeof ps)[0], { kind: "paragraph" }>, Extract<(typeof ps)[0], { kind: "paragraph" }>];
    expect(b.style.indentLeft! - a.style.indentLeft!).toBe(widthTwips(fakeMeasure, "Kính gửi: ", { size: 14 }));
  });

  it("no addressees, no block", () => {
    expect(addresseeBlock([], fakeMeasure, 9298, src)).toEqual([]);
  });
});

describe("line breaking of titles", () => {
  const style = { size: 14, bold: true };
  const summary = "Tự đánh giá, chấm điểm công tác dân vận chính quyền của Văn phòng UBND tỉnh";
  it("balanced lines keep the greedy line count without an orphaned last word", () => {
    const width = 9298;
    const greedy = greedyLines(fakeMeasure, summary, style, Math.floor(width * 0.98));
    const balanced = balancedLines(fakeMeasure, summary, style, width);
    expect(balanced.length).toBe(greedy.length);
    expect(balanced.join(" ")).toBe(summary);
    const widths = balanced.map((l) => widthTwips(fakeMeasure, l, style));
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(width / 4);
    for (const w of widths) expect(w).toBeLessThanOrEqual(width);
  });

  it("a line that fits stays one line", () => {
    expect(balancedLines(fakeMeasure, "BÁO CÁO", style, 9298)).toEqual(["BÁO CÁO"]);
  });
});
