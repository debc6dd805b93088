/**
 * The evidence plan of the example (src/check/evidence-plan.ts): documents in rubric order, each file
 * once, their titles and the words that describe them as cited, the pack pages, and the declared files.
 */
import { describe, expect, it } from "vitest";
import { findCitations } from "../src/check/citations.js";
import { citedSummary, planEvidence } from "../src/check/evidence-plan.js";
import type { TextSpan } from "../src/check/text-spans.js";
import { evidenceFile, type EvidenceInfo } from "../src/model/evidence.js";
import { loadExampleScored } from "./helpers/example.js";
import { SAMPLE_FOLDER } from "./helpers/sample-evidence.js";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers/example.js";

const span = (text: string): TextSpan => ({ text, posAt: (o) => ({ file: "t.yaml", line: 1, column: o + 1 }) });

describe("what a citation says of its document", () => {
  it("takes the words after it, up to the clause's end", () => {
    const [c] = findCitations(span("Công văn số 1562/VP-HCTC ngày 21/11/2020 của Văn phòng UBND tỉnh về việc triển khai hội nghị; Nghị quyết số 1/NQ-VP."));
    expect(citedSummary(c!)).toBe("của Văn phòng UBND tỉnh về việc triển khai hội nghị");
  });

  it("takes the words before it when it stands in parentheses after what it proves", () => {
    const cs = findCitations(
      span("Kế hoạch truyền thông năm 2021 (Kế hoạch số 21/KH-UBND ngày 03/02/2021); Kế hoạch kiểm tra (Kế hoạch số 29/KH-UBND ngày 09/02/2021)."),
    );
    expect(cs.map(citedSummary)).toEqual(["Kế hoạch truyền thông năm 2021", "Kế hoạch kiểm tra"]);
  });

  it("says nothing when the words before are another document", () => {
    const cs = findCitations(span("Quyết định số 151/QĐ-VP ngày 25/12/2019 (thay thế bởi Quyết định số 167/QĐ-VP ngày 04/11/2021) của Chánh Văn phòng."));
    expect(citedSummary(cs[1]!)).toBe("");
  });
});

describe("the example's plan", () => {
  const scored = loadExampleScored();
  const names = readdirSync(join(ROOT, SAMPLE_FOLDER)).sort();
  const files = names.map((n) => evidenceFile(`${SAMPLE_FOLDER}/${n}`)!);
  // One page each, but 167/QĐ-VP has four: the pack pages follow.
  const infos = new Map<string, EvidenceInfo>(files.map((f) => [f.path, { sha256: "x", size: 1, pages: f.name === "167_QĐ-VP.pdf" ? 4 : 1 }]));
  const { plan, diagnostics } = planEvidence(scored, { found: true, files, infos });

  it("ties every file, with no diagnostic", () => {
    expect(diagnostics).toEqual([]);
    expect(plan.documents.length).toBe(65);
    expect(plan.pages).toBe(68);
  });

  it("titles each document by its type, number and date; a list continues its first type", () => {
    const title = (ref: string) => plan.documents.find((d) => d.cited?.ref === ref)!.title;
    expect(title("159/QĐ-UBND")).toBe("Quyết định số 159/QĐ-UBND ngày 28/01/2020");
    // "Công văn số 4217/UBND-KSTTHC ngày 23/8/2021, số 5607/UBND-KSTTHC ngày 22/10/2021"
    expect(title("5607/UBND-KSTTHC")).toBe("Công văn số 5607/UBND-KSTTHC ngày 22/10/2021");
    // "CV 588/VP-HCTC": the abbreviation's type.
    expect(title("588/VP-HCTC")).toBe("Công văn số 588/VP-HCTC ngày 06/5/2021");
    // The Party form.
    expect(title("61-TB/ĐTN")).toBe("Quyết định số 61-TB/ĐTN ngày 12/11/2021");
  });

  it("orders documents as the criteria first cite them, and numbers their pack pages from 1", () => {
    expect(plan.documents.slice(0, 3).map((d) => [d.file.name, d.start])).toEqual([
      ["1562_VP-HCTC.pdf", 1],
      ["1785_NQ-VP.pdf", 2],
      ["159_QĐ-UBND.pdf", 3],
    ]);
    const long = plan.documents.findIndex((d) => d.file.name === "167_QĐ-VP.pdf");
    expect(plan.documents[long + 1]!.start).toBe(plan.documents[long]!.start! + 4);
  });

  it("puts declared files under their criterion, with the pages cited, and a shared document under each", () => {
    const c111 = plan.criteria.find((c) => c.id === "1.1.1")!;
    expect(plan.documents[c111.items.at(-1)!.document]!.file.name).toBe("anh-hoi-nghi-can-bo-2020.png");
    const c121 = plan.criteria.find((c) => c.id === "1.2.1")!;
    const long = c121.items.find((i) => plan.documents[i.document]!.file.name === "167_QĐ-VP.pdf")!;
    expect(long.pages).toBe("2-3");
    expect(plan.documents[long.document]!.criteria).toEqual(["1.2.1", "5.2.1"]);
  });
});
