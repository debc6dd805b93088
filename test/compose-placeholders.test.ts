import { describe, expect, it } from "vitest";
import { composeReport } from "../src/compose/index.js";
import { reportPlaceholders, substitute } from "../src/compose/placeholders.js";
import { VI_NUMBERS } from "../src/model/points.js";
import { findParagraph } from "./fixtures/compose/model-query.js";
import { COMPOSE_OPTIONS, md, smallScored } from "./fixtures/compose/scored.js";
import { codesAt } from "./helpers/diagnostics.js";

describe("report placeholders", () => {
  it("fills every known placeholder from the scored model", () => {
    const s = smallScored();
    s.total = 9850;
    s.max = 10000;
    const values = reportPlaceholders(s, VI_NUMBERS);
    const r = substitute("{{total}}/{{max}} {{classification}} {{unit}} {{year}} {{number}} {{date}}", values);
    expect(r.problems).toEqual([]);
    expect(r.text).toBe("98,5/100 Tốt Văn phòng UBND tỉnh 2021 1880/BC-VP 19/11/2021");
  });

  it("tolerates spaces inside the braces", () => {
    expect(substitute("{{ year }}", reportPlaceholders(smallScored(), VI_NUMBERS)).text).toBe("2021");
  });

  it("the seed's '100/100 điểm' comes from the scores, in bold as written", () => {
    const s = smallScored({ body: md("kết quả đạt **{{total}}/{{max}} điểm**.") });
    s.total = 10000;
    s.max = 10000;
    const { doc, diagnostics } = composeReport(s, COMPOSE_OPTIONS);
    expect(diagnostics).toEqual([]);
    const p = findParagraph(doc, /^kết quả đạt/);
    expect(p.runs.find((r) => r.kind === "text" && r.style.bold)).toMatchObject({ text: "100/100 điểm" });
  });

  it("an unknown placeholder is an error at its position, printed as written", () => {
    // Block scalar at line 10, indent 6: text line 2 is file line 11; "{{tong}}" starts at column 5 of it.
    const s = smallScored({ body: md("Dòng một.\nĐạt {{tong}} điểm.", "assessment.yaml", 10, 6) });
    const { doc, diagnostics } = composeReport(s, COMPOSE_OPTIONS);
    expect(codesAt(diagnostics)).toEqual(["CD601@11:11"]);
    expect(diagnostics[0]!.severity).toBe("error");
    expect(diagnostics[0]!.args.name).toBe("tong");
    findParagraph(doc, "Dòng một. Đạt {{tong}} điểm.");
  });

  it("a placeholder without a value (no classification in the rubric) is an error", () => {
    const s = smallScored({ body: md("Xếp loại {{classification}}.") });
    delete s.classification;
    const { diagnostics } = composeReport(s, COMPOSE_OPTIONS);
    expect(codesAt(diagnostics)).toEqual(["CD602@10:16"]);
  });

  it("text without braces is returned as is", () => {
    expect(substitute("không có biến", new Map())).toEqual({ text: "không có biến", problems: [] });
  });
});
