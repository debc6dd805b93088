/**
 * Evidence files tied to cited documents by their names (docs/evidence.md): the keys, the matching
 * (both ways unmatched, duplicates) and the CD750–CD753 checks, on hand-written file lists and on the
 * example assessment. No file is read: the folder's listing is an input.
 */
import { describe, expect, it } from "vitest";
import { citePos, findCitations } from "../src/check/citations.js";
import { citationsByCriterion, evidenceKey, evidenceName, fileKey, matchEvidence, type CriterionCitations } from "../src/check/evidence-match.js";
import type { TextSpan } from "../src/check/text-spans.js";
import { message } from "../src/diagnostics/diagnostic.js";
import { planEvidence } from "../src/check/evidence-plan.js";
import { evidenceFile, evidenceFolderOf, type EvidenceFile } from "../src/model/evidence.js";
import { loadExampleScored } from "./helpers/example.js";

/** A one-line text in file "t.yaml", line `line`. */
function span(text: string, line: number): TextSpan {
  return { text, posAt: (o) => ({ file: "t.yaml", line, column: o + 1 }) };
}

function criterion(id: string, text: string, line: number): CriterionCitations {
  return { criterion: id, citations: findCitations(span(text, line)) };
}

const FOLDER = "content/evidence/2021/van-phong-ubnd-tinh";
const file = (name: string): EvidenceFile => evidenceFile(`${FOLDER}/${name}`)!;

describe("the keys: a document's number and symbol, “/” written “_”", () => {
  it("makes the file name of a document, and its key case-folded", () => {
    expect(evidenceName(159, "QĐ-UBND")).toBe("159_QĐ-UBND");
    expect(evidenceKey(159, "QĐ-UBND")).toBe("159_qđ-ubnd");
    // The Party form keeps its "-" and writes its "/" as "_".
    expect(evidenceName(61, "TB/ĐTN")).toBe("61-TB_ĐTN");
    expect(evidenceKey(61, "TB/ĐTN")).toBe("61-tb_đtn");
  });

  it("reads a file name back to the same key, whatever its case or its extension's", () => {
    expect(fileKey("159_QĐ-UBND.pdf")).toBe("159_qđ-ubnd");
    expect(fileKey("159_qđ-ubnd.PDF")).toBe("159_qđ-ubnd");
    expect(fileKey("61-TB_ĐTN.pdf")).toBe("61-tb_đtn");
    expect(fileKey("1948_SNV-XDCQ&CTTN.pdf")).toBe("1948_snv-xdcq&cttn");
  });

  it("compares names after NFC normalisation (macOS lists NFD names)", () => {
    const nfc = "7_KH-BCĐỘ.pdf";
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    expect(fileKey(nfd)).toBe("7_kh-bcđộ");
    expect(fileKey(nfd)).toBe(evidenceKey(7, "KH-BCĐỘ"));
    expect(evidenceKey(7, "KH-BCĐỘ".normalize("NFD"))).toBe("7_kh-bcđộ");
    expect(fileKey("7_kh-bcđộ.pdf".normalize("NFD"))).toBe("7_kh-bcđộ");
  });

  it("ignores a free suffix after a space or “--”, not after a single hyphen", () => {
    expect(fileKey("159_QĐ-UBND -- ke hoach.pdf")).toBe("159_qđ-ubnd");
    expect(fileKey("159_QĐ-UBND--ke-hoach.pdf")).toBe("159_qđ-ubnd");
    expect(fileKey("159_QĐ-UBND ban ky.jpg")).toBe("159_qđ-ubnd");
    // A single hyphen belongs to the symbol: this names another document.
    expect(fileKey("159_QĐ-UBND-ke-hoach.pdf")).toBe("159_qđ-ubnd-ke-hoach");
  });

  it("takes scanned images (.jpg, .jpeg, .png) as PDFs, and nothing else", () => {
    expect(fileKey("159_QĐ-UBND.jpg")).toBe("159_qđ-ubnd");
    expect(fileKey("159_QĐ-UBND.JPEG")).toBe("159_qđ-ubnd");
    expect(fileKey("159_QĐ-UBND.png")).toBe("159_qđ-ubnd");
    expect(fileKey("159_QĐ-UBND.docx")).toBeUndefined();
    expect(fileKey("159_QĐ-UBND")).toBeUndefined();
  });

  it("drops a number's leading zeros, as the citation reads “09/VP-HCTC” as 9", () => {
    const [c] = findCitations(span("Công văn số 09/VP-HCTC ngày 05/01/2021", 1));
    expect(c!.number).toBe(9);
    expect(fileKey("09_VP-HCTC.pdf")).toBe(evidenceKey(c!.number, c!.symbol));
    expect(fileKey("9_VP-HCTC.pdf")).toBe("9_vp-hctc");
    // Its reference is shown as the file writes it.
    expect(matchEvidence([], [file("09_VP-HCTC.pdf")]).unused[0]!.ref).toBe("09/VP-HCTC");
  });

  it("gives no key to a name that is not a number and a symbol", () => {
    expect(fileKey("anh-hoi-nghi.jpg")).toBeUndefined();
    expect(fileKey("2021.pdf")).toBeUndefined();
    expect(fileKey("QĐ-UBND_159.pdf")).toBeUndefined();
    expect(fileKey("159-QĐ-UBND.pdf")).toBeUndefined();
  });
});

describe("evidence files and folders (path text only)", () => {
  it("knows a file's kind by its extension", () => {
    expect(evidenceFile(`${FOLDER}/159_QĐ-UBND.pdf`)).toEqual({ name: "159_QĐ-UBND.pdf", path: `${FOLDER}/159_QĐ-UBND.pdf`, kind: "pdf" });
    expect(evidenceFile("a\\b\\anh.PNG")).toEqual({ name: "anh.PNG", path: "a/b/anh.PNG", kind: "image" });
    expect(evidenceFile("a/ghi-chu.docx")).toBeUndefined();
  });

  it("puts an assessment's evidence in content/evidence/<year>/<unit>", () => {
    expect(evidenceFolderOf("content/assessments/2021/van-phong-ubnd-tinh.yaml", 2021)).toBe(FOLDER);
    expect(evidenceFolderOf("/home/u/p/content/assessments/2023/so-tu-phap.yaml", 2023)).toBe("/home/u/p/content/evidence/2023/so-tu-phap");
    expect(evidenceFolderOf("assessments/2023/so-tu-phap.yml", 2023)).toBe("evidence/2023/so-tu-phap");
    expect(evidenceFolderOf("so-tu-phap.yaml", 2023)).toBe("evidence/2023/so-tu-phap");
    expect(evidenceFolderOf("a/b/so-tu-phap.yaml", 2023)).toBe("a/b/evidence/2023/so-tu-phap");
  });
});

describe("matchEvidence on a hand-written list", () => {
  const cited = [
    criterion("1.1", "Quyết định số 159/QĐ-UBND ngày 28/01/2020 và Kế hoạch số 21/KH-UBND ngày 02/02/2020; lại Quyết định số 159/QĐ-UBND.", 10),
    criterion("1.2", "Thông báo số 61-TB/ĐTN ngày 3/3/2021 và Quyết định số 159/QĐ-UBND ngày 28/01/2020; Kế hoạch số 21/KH-UBND.", 20),
    criterion("1.3", "Không có văn bản.", 30),
  ];

  it("ties each file to every criterion citing it, once per criterion; lists what is left both ways", () => {
    const files = [file("159_QĐ-UBND -- ke hoach.pdf"), file("61-TB_ĐTN.jpg"), file("anh-hoi-nghi.jpg"), file("99_QĐ-UBND.pdf")];
    const m = matchEvidence(cited, files);
    const names = m.byCriterion.map((c) => [c.criterion, c.ties.map((t) => t.file.name)]);
    expect(names).toEqual([
      ["1.1", ["159_QĐ-UBND -- ke hoach.pdf"]],
      ["1.2", ["61-TB_ĐTN.jpg", "159_QĐ-UBND -- ke hoach.pdf"]],
      ["1.3", []],
    ]);
    expect(m.byCriterion[1]!.ties[0]).toEqual({ criterion: "1.2", file: files[1], reason: { by: "citation", key: "61-tb_đtn", ref: "61-TB/ĐTN" } });
    // 21/KH-UBND: no file, cited twice (1.1 at column 58, 1.2 at column 96).
    expect(m.missing.map((x) => [x.ref, x.name, x.citations.map((c) => [citePos(c).line, citePos(c).column])])).toEqual([
      [
        "21/KH-UBND",
        "21_KH-UBND",
        [
          [10, 58],
          [20, 96],
        ],
      ],
    ]);
    expect(m.unused).toEqual([{ file: files[2] }, { file: files[3], key: "99_qđ-ubnd", ref: "99/QĐ-UBND" }]);
    expect(m.duplicates).toEqual([]);
  });

  it("finds one document tied to two files (another suffix, another type, another case)", () => {
    const files = [file("159_QĐ-UBND.pdf"), file("159_qđ-ubnd -- ban scan.jpg"), file("61-TB_ĐTN.pdf")];
    const m = matchEvidence(cited, files);
    expect(m.duplicates).toEqual([{ key: "159_qđ-ubnd", ref: "159/QĐ-UBND", files: [files[0], files[1]] }]);
    // Both stay tied (neither is "unused"): the error asks to keep one.
    expect(m.byCriterion[0]!.ties.map((t) => t.file.name)).toEqual(["159_QĐ-UBND.pdf", "159_qđ-ubnd -- ban scan.jpg"]);
    expect(m.unused).toEqual([]);
  });

  it("takes an NFD name and its NFC twin as two files of one document", () => {
    const files = [file("7_KH-BCĐỘ.pdf"), file("7_KH-BCĐỘ.pdf".normalize("NFD"))];
    const m = matchEvidence([criterion("2.1", "Kế hoạch số 7/KH-BCĐỘ ngày 01/02/2021.", 5)], files);
    expect(m.duplicates.map((d) => d.files.length)).toEqual([2]);
    expect(m.missing).toEqual([]);
  });
});

describe("the evidence checks on the example assessment", () => {
  const scored = loadExampleScored();
  // 64 different documents are cited by the example's criteria (counted by hand from its justifications:
  // 6 in 1.1.1, 5 new in 1.1.2, … 2 new in 10.2); the report's body is not a criterion's.
  const DOCUMENTS = 64;

  it("finds the citations of every criterion, in rubric order", () => {
    const cited = citationsByCriterion(scored);
    expect(cited.map((c) => c.criterion).slice(0, 4)).toEqual(["1.1.1", "1.1.2", "1.2.1", "1.2.2"]);
    expect(cited.find((c) => c.criterion === "10.2")!.citations.map((c) => c.ref)).toEqual(["70/QĐ-CĐVC", "61-TB/ĐTN"]);
    // 3.1.3: its justification (line 84), then its ticked options a (line 79) and b (line 81).
    const lines = cited.find((c) => c.criterion === "3.1.3")!.citations.map((c) => [c.ref, citePos(c).line]);
    expect(lines).toEqual([
      ["144/KH-VP", 84],
      ["128/VP-HCTC", 84],
      ["50/BC-VP", 84],
      ["856/BC-VP", 84],
      ["856/BC-VP", 79],
      ["128/VP-HCTC", 81],
    ]);
    expect(new Set(cited.flatMap((c) => c.citations.map((x) => evidenceKey(x.number, x.symbol)))).size).toBe(DOCUMENTS);
  });

  it("with no evidence folder at all: one warning for the folder, nothing else", () => {
    const ds = planEvidence(scored, { found: false, files: [] }).diagnostics;
    // The two files the example declares (1.1.1, 1.2.1) are counted in it, no error: a copy of the project
    // without its evidence still builds. 167_QĐ-VP.pdf is also a cited document: counted once.
    expect(ds.map((d) => [d.code, d.severity, d.pos.line, d.args.count])).toEqual([["CD754", "warning", 33, DOCUMENTS + 1]]);
    expect(message(ds[0]!, "vi")).toBe(
      `Chưa có thư mục hồ sơ kiểm chứng ${FOLDER}: 65 văn bản được trích dẫn hoặc khai báo chưa có tệp; văn bản vẫn được lập nhưng chưa có danh mục và tập hồ sơ kiểm chứng`,
    );
  });

  it("with an empty evidence folder: one warning per cited document, nothing else", () => {
    const ds = planEvidence(scored, { found: true, files: [] }).diagnostics.filter((d) => d.code !== "CD755");
    expect(ds.length).toBe(DOCUMENTS);
    expect(ds.every((d) => d.code === "CD750" && d.severity === "warning")).toBe(true);
    // 1562/VP-HCTC is cited in 1.1.1 (line 33) and 5.1.1 (line 129): reported once, at the first.
    const first = ds.filter((d) => d.args.ref === "1562/VP-HCTC");
    expect(first.map((d) => [d.pos.file, d.pos.line, d.pos.column])).toEqual([["content/assessments/2021/van-phong-ubnd-tinh.yaml", 33, 19]]);
    expect(message(first[0]!, "vi")).toBe(
      `Chưa có tệp hồ sơ kiểm chứng của văn bản 1562/VP-HCTC: đặt tệp “1562_VP-HCTC.pdf” (hoặc .jpg, .png) vào thư mục ${FOLDER}`,
    );
    expect(message(first[0]!, "en")).toBe(`No evidence file for document 1562/VP-HCTC: put “1562_VP-HCTC.pdf” (or .jpg, .png) in ${FOLDER}`);
  });

  it("ties the files named after cited documents, and reports the rest", () => {
    const files = [
      file("159_QĐ-UBND.pdf"), // 1.1.1
      file("61-TB_ĐTN.png"), // 10.2 (Party form)
      file("02_QĐ-HĐXDSK-ĐT.pdf"), // 10.1 (leading zero)
      file("151_QĐ-VP -- ke hoach cai cach.pdf"), // 1.2.1, 5.2.1, 7.1
      file("141_QĐ-VP.pdf"), // 1.1.2 …
      file("141_QĐ-VP -- ban ky.pdf"), // … twice
      file("anh-hoi-nghi.jpg"),
      file("999_QĐ-VP.pdf"),
    ];
    const m = matchEvidence(citationsByCriterion(scored), files);
    const tiedTo = (name: string) => m.byCriterion.filter((c) => c.ties.some((t) => t.file.name === name)).map((c) => c.criterion);
    expect(tiedTo("151_QĐ-VP -- ke hoach cai cach.pdf")).toEqual(["1.2.1", "5.2.1", "7.1"]);
    expect(tiedTo("02_QĐ-HĐXDSK-ĐT.pdf")).toEqual(["10.1"]);
    expect(tiedTo("61-TB_ĐTN.png")).toEqual(["10.2"]);

    const ds = planEvidence(scored, { found: true, files }).diagnostics.filter((d) => d.code !== "CD755");
    const others = ds.filter((d) => d.code !== "CD750");
    expect(ds.filter((d) => d.code === "CD750").length).toBe(DOCUMENTS - 5);
    expect(others.map((d) => [d.code, d.severity, d.pos.file, d.pos.line, d.pos.column])).toEqual([
      ["CD752", "warning", `${FOLDER}/anh-hoi-nghi.jpg`, 1, 1],
      ["CD751", "warning", `${FOLDER}/999_QĐ-VP.pdf`, 1, 1],
      ["CD753", "error", `${FOLDER}/141_QĐ-VP -- ban ky.pdf`, 1, 1],
    ]);
    expect(others.map((d) => message(d, "vi"))).toEqual([
      "Tệp hồ sơ kiểm chứng “anh-hoi-nghi.jpg” không đặt tên theo số, ký hiệu văn bản (ví dụ “159_QĐ-UBND.pdf”) nên chưa gắn với tiêu chí nào",
      "Tệp hồ sơ kiểm chứng “999_QĐ-VP.pdf” mang số, ký hiệu văn bản 999/QĐ-VP nhưng không phần giải trình nào dẫn văn bản này",
      "Văn bản 141/QĐ-VP có nhiều tệp hồ sơ kiểm chứng: 141_QĐ-VP.pdf, 141_QĐ-VP -- ban ky.pdf; chỉ giữ một tệp (nhiều trang thì gộp vào một tệp PDF)",
    ]);
    expect(ds.some((d) => d.code === "CD750" && ["159/QĐ-UBND", "61-TB/ĐTN", "02/QĐ-HĐXDSK-ĐT", "151/QĐ-VP", "141/QĐ-VP"].includes(String(d.args.ref)))).toBe(
      false,
    );
  });
});
