/**
 * Hand-built DocModels that mimic chamdiem's two documents (until compose lands, and as stable inputs
 * for layout tests afterwards): a report with the NĐ 30 header block, justified body and signature
 * table; a landscape score table with a repeated header row and long justification cells, built from
 * the real example's texts.
 */
import { SCORE_TABLE_HEADERS } from "../fixtures/compose/score-table-headers.js";
import type { Block, Cell, DocModel, Inline, MeasureText, Paragraph, Row, RunStyle, Section, Table } from "../../src/document/model.js";
import { A4, mmToTwips } from "../../src/document/model.js";
import { walkRubric, isLeaf } from "../../src/model/rubric.js";
import { formatHundredths } from "../../src/model/points.js";
import { loadExampleScored } from "./example.js";

const t = (text: string, style: Partial<RunStyle> = {}): Inline => ({ kind: "text", text, style: { size: 14, ...style } });

export function para(runs: Inline[] | string, style: Partial<Paragraph["style"]> = {}, extra: Partial<Paragraph> = {}): Paragraph {
  return {
    kind: "paragraph",
    style: { align: "left", size: 14, ...style },
    runs: typeof runs === "string" ? [t(runs, { size: style.size ?? 14 })] : runs,
    ...extra,
  };
}

const cell = (blocks: Block[], extra: Partial<Cell> = {}): Cell => ({ blocks, vAlign: "top", ...extra });

export const MARGINS = { top: mmToTwips(20), bottom: mmToTwips(20), left: mmToTwips(30), right: mmToTwips(15) };

/** The NĐ 30 header block: agency (left) and national name + motto (right), with measured rules. */
export function headerBlock(measure: MeasureText, width: number, withNumber: boolean): Table {
  const agency = "VĂN PHÒNG";
  const motto = "Độc lập - Tự do - Hạnh phúc";
  const agencyW = measure(agency, { size: 13, bold: true });
  const mottoW = measure(motto, { size: 14, bold: true });
  const left = Math.round(width * 0.4);
  const rows: Row[] = [
    {
      cantSplit: true,
      cells: [
        cell([
          para([t("UBND TỈNH QUẢNG NGÃI", { size: 13 })], { align: "center", size: 13 }),
          para([t(agency, { size: 13, bold: true })], { align: "center", size: 13 }, { rule: { width: Math.round(agencyW * 0.4 * 20), thickness: 0.5 } }),
        ]),
        cell([
          para([t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 13, bold: true })], { align: "center", size: 13 }),
          para([t(motto, { size: 14, bold: true })], { align: "center", size: 14 }, { rule: { width: Math.round(mottoW * 20), thickness: 0.5 } }),
        ]),
      ],
    },
  ];
  if (withNumber) {
    rows.push({
      cantSplit: true,
      cells: [
        cell([para([t("Số: 1880/BC-VP", { size: 13 })], { align: "center", size: 13, spaceBefore: 120 })]),
        cell([para([t("Quảng Ngãi, ngày 19 tháng 11 năm 2021", { italic: true })], { align: "center", spaceBefore: 120 })]),
      ],
    });
  }
  return {
    kind: "table",
    columns: [left, width - left],
    borders: null,
    headerRows: 0,
    rows,
    padding: { top: 0, bottom: 0, left: 108, right: 108 },
  };
}

function plain(md: string): string {
  return md
    .replace(/<\/?i>/g, "")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const META = {
  title: "Báo cáo tự đánh giá, chấm điểm công tác dân vận chính quyền",
  subject: "Tự đánh giá, chấm điểm công tác dân vận chính quyền năm 2021",
  author: "Văn phòng UBND tỉnh",
  language: "vi-VN",
  date: "2021-11-19T00:00:00Z",
  font: "Times New Roman",
};

export function reportDoc(measure: MeasureText, bodyParagraphs = 3): DocModel {
  const width = A4.width - MARGINS.left - MARGINS.right;
  const scored = loadExampleScored();
  const body: Block[] = [];
  const texts = plain(scored.assessment.report.body.text.replace("{{total}}", "100").replace("{{max}}", "100")).split(/(?<=\)\.|\/\.) /);
  const justifs: string[] = [];
  for (const [n] of walkRubric(scored.rubric.items)) if (isLeaf(n)) justifs.push(n.title);
  for (let i = 0; i < bodyParagraphs; i++) {
    body.push(
      para(plain(texts[0]) + (i > 0 ? " " + justifs.slice(i * 3, i * 3 + 6).join("; ") + "." : ""), {
        align: "justify",
        indentFirstLine: 720,
        spaceAfter: 120,
        lineSpacing: 1.15,
      }),
    );
  }
  body.push(para("(Kèm theo Biểu chấm điểm và hồ sơ kiểm chứng).", { align: "justify", indentFirstLine: 720, spaceAfter: 120 }));
  body.push(para("Kính gửi Sở Nội vụ tổng hợp./.", { align: "justify", indentFirstLine: 720, spaceAfter: 120 }));
  const left = Math.round(width * 0.5);
  const sign: Table = {
    kind: "table",
    columns: [left, width - left],
    borders: null,
    headerRows: 0,
    padding: { top: 0, bottom: 0, left: 108, right: 108 },
    rows: [
      {
        cantSplit: true,
        cells: [
          cell([
            para([t("Nơi nhận:", { size: 12, bold: true, italic: true })], { size: 12 }),
            para([t("- CT, các PCT UBND tỉnh (b/cáo);", { size: 11 })], { size: 11 }),
            para([t("- Sở Nội vụ;", { size: 11 })], { size: 11 }),
            para([t("- VPUB: BTV Đảng ủy, CVP, PCVP, các phòng, ban, đơn vị trực thuộc, các Hội đoàn thể, CBTH;", { size: 11 })], { size: 11 }),
            para([t("- Lưu: VT, HCQT.", { size: 11 })], { size: 11 }),
          ]),
          cell([
            para([t("CHÁNH VĂN PHÒNG", { bold: true })], { align: "center" }),
            para("", { align: "center", spaceAfter: 1440 }),
            para([t("Phạm Xuân Duệ", { bold: true })], { align: "center" }),
          ]),
        ],
      },
    ],
  };
  const section: Section = {
    page: { ...A4, orientation: "portrait", margin: MARGINS, headerDistance: 720 },
    pageNumber: { size: 14, align: "center", hideOnFirstPage: true },
    blocks: [
      headerBlock(measure, width, true),
      para([t("BÁO CÁO", { bold: true })], { align: "center", spaceBefore: 360 }),
      para(
        [t(plain(scored.assessment.report.summary), { bold: true })],
        { align: "center" },
        {
          rule: { width: Math.round(measure(scored.assessment.report.summary, { size: 14, bold: true }) * 0.4 * 20), thickness: 0.5 },
        },
      ),
      para("", { size: 6 }),
      ...body,
      sign,
    ],
  };
  return { meta: META, sections: [section] };
}

/** The 7-column landscape score table with a repeated header row, from the example's rubric. */
export function scoreTableDoc(measure: MeasureText): DocModel {
  const width = A4.height - MARGINS.left - MARGINS.right;
  const scored = loadExampleScored();
  const cols = [900, 4200, 1100, 1100, 5000, 1100, 0];
  cols[6] = width - cols.slice(0, 6).reduce((a, b) => a + b, 0);
  const c = (text: string, style: Partial<RunStyle> = {}, align: Paragraph["style"]["align"] = "left", size = 12) =>
    cell([para([t(text, { size, ...style })], { align, size })]);
  const headerTexts = SCORE_TABLE_HEADERS;
  const rows: Row[] = [{ cantSplit: true, role: "header", cells: headerTexts.map((h) => ({ ...c(h, { bold: true }, "center"), vAlign: "center" as const })) }];
  const byId = new Map<string, { score: number; justification?: string }>();
  const visit = (nodes: typeof scored.items) => {
    for (const n of nodes) {
      byId.set(n.node.id, { score: n.score, justification: n.justification?.text });
      if (n.children) visit(n.children);
    }
  };
  visit(scored.items);
  for (const [node, depth] of walkRubric(scored.rubric.items)) {
    const s = byId.get(node.id);
    const just = s?.justification ? plain(s.justification) : "";
    rows.push({
      cantSplit: just.length < 200,
      role: isLeaf(node) ? "leaf" : "criterion",
      cells: [
        c(node.id, { bold: depth === 0 }, "center"),
        c(node.title, { bold: !isLeaf(node) }, "justify"),
        c(formatHundredths(node.max), {}, "center"),
        c(s ? formatHundredths(s.score) : "", {}, "center"),
        c(just, {}, "justify"),
        c("", {}, "center"),
        c("", {}, "left"),
      ],
    });
  }
  rows.push({
    cantSplit: true,
    role: "total",
    cells: [
      { ...c("TỔNG ĐIỂM", { bold: true }, "center"), colSpan: 2 },
      c("100,00", { bold: true }, "center"),
      c(formatHundredths(scored.total), { bold: true }, "center"),
      c(""),
      c(""),
      c(""),
    ],
  });
  const table: Table = { kind: "table", columns: cols, borders: { width: 0.5 }, headerRows: 1, rows, padding: { top: 40, bottom: 40, left: 80, right: 80 } };
  const section: Section = {
    page: { ...A4, orientation: "landscape", margin: MARGINS, headerDistance: 720 },
    pageNumber: { size: 14, align: "center", hideOnFirstPage: true },
    blocks: [
      headerBlock(measure, width, false),
      para([t("BIỂU CHẤM ĐIỂM CHỈ SỐ CÔNG TÁC DÂN VẬN NĂM 2021", { bold: true })], { align: "center", spaceBefore: 240 }),
      para([t("(Kèm theo Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh)", { italic: true })], { align: "center", spaceAfter: 240 }),
      table,
      para([t("Tổng điểm để đánh giá, phân loại = Tổng điểm đạt được của nội dung tiêu chí + điểm thưởng", { italic: true, size: 12 })], {
        align: "justify",
        size: 12,
        spaceBefore: 120,
      }),
    ],
  };
  return { meta: { ...META, title: "Biểu chấm điểm chỉ số công tác dân vận năm 2021" }, sections: [section] };
}
