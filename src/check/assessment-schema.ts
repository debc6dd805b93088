/**
 * Generates, from a rubric, the JSON Schema (2020-12) of its assessments: it knows every leaf criterion
 * id, its options and value range, with Vietnamese descriptions for editor hover and completion
 * (yaml-language-server shows `markdownDescription`/`description`, never `title`, and per-criterion
 * option lists must be inline: see docs/dependencies.md). The same schema validates with ajv.
 */
import { formatHundredths } from "../model/points.js";
import type { Rubric, RubricLeaf } from "../model/rubric.js";
import { leaves } from "./rubric.js";

export function assessmentSchemaFileName(rubricId: string): string {
  return `${rubricId}.assessment.schema.json`;
}

const POINTS = {
  description: 'Số, tối đa 2 chữ số thập phân (ví dụ 3, 0.5 hoặc "0,5").',
  anyOf: [{ type: "number" }, { type: "string", pattern: "^[+-]?\\d{1,9}([.,]\\d{1,2})?$" }],
};

/**
 * The keys of a map keyed by criterion id. yaml-language-server validates each key's own node against
 * `propertyNames`, and an unquoted `2.10:` is a number node there (2.1, the same as an unquoted `2.1:`:
 * the editor cannot tell them apart, nor from the quoted id "2.1" once matched against `properties`).
 * So every unquoted numeric key gets this message at the key, instead of "Property 2.1 is not allowed"
 * for another key's name. For ajv (and `chamdiem check`) keys are strings and this always holds;
 * check reports the changed key itself (CD150, src/read/yaml-source.ts).
 */
export const CRITERION_KEYS = {
  type: "string",
  errorMessage: 'Mã tiêu chí phải đặt trong dấu nháy kép, ví dụ "2.10": không có dấu nháy, YAML đọc mã thành một số (2.10 thành 2.1, trùng với tiêu chí 2.1).',
};

const MARKDOWN = {
  type: "string",
  description:
    "Giải trình (Markdown): trích dẫn văn bản kiểm chứng, ví dụ “Quyết định số 620/QĐ-UBND ngày 29/4/2021”. Được dùng **đậm**, *nghiêng* và thẻ <i> <b> <u> <sub> <sup> <br>.",
};

const SIGNER = {
  type: "object",
  description: "Người ký báo cáo.",
  required: ["title", "name"],
  additionalProperties: false,
  properties: {
    on_behalf_of: {
      type: "string",
      minLength: 1,
      description:
        "Tập thể mà người ký thay mặt, in thành dòng “TM. …” trên cùng, ví dụ ỦY BAN NHÂN DÂN. Hai cấp ký “TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH”: on_behalf_of: ỦY BAN NHÂN DÂN, prefix: KT., authority: CHỦ TỊCH, title: PHÓ CHỦ TỊCH.",
    },
    prefix: {
      enum: ["KT.", "TM.", "Q.", "TL.", "TUQ."],
      description: "Thẩm quyền ký: KT. (ký thay), TM. (thay mặt), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền).",
      markdownEnumDescriptions: ["Ký thay người đứng đầu", "Thay mặt tập thể", "Quyền người đứng đầu", "Thừa lệnh", "Thừa ủy quyền"],
    },
    authority: { type: "string", minLength: 1, description: "Chức vụ sau tiền tố, ví dụ CHÁNH VĂN PHÒNG trong “KT. CHÁNH VĂN PHÒNG”." },
    title: { type: "string", minLength: 1, description: "Chức vụ của người ký, ví dụ CHÁNH VĂN PHÒNG." },
    name: { type: "string", minLength: 1, description: "Họ và tên người ký (không ghi học hàm, học vị)." },
  },
};

const REPORT = {
  type: "object",
  description: "Thông tin của báo cáo (văn bản trình bày theo Nghị định 30/2020/NĐ-CP).",
  required: ["number", "symbol", "place", "date", "summary", "body", "recipients", "archive", "signer"],
  additionalProperties: false,
  properties: {
    number: { type: "integer", minimum: 1, description: "Số văn bản, ví dụ 1880 (số nhỏ hơn 10 được in thêm số 0 phía trước)." },
    symbol: { type: "string", minLength: 1, description: "Ký hiệu văn bản, ví dụ BC-VP." },
    place: { type: "string", minLength: 1, description: "Địa danh, ví dụ Quảng Ngãi." },
    date: {
      // A string must be a date or a year; a number, a year (pattern applies to strings only, the bounds to numbers only).
      type: ["string", "integer"],
      pattern: "^\\d{4}(-\\d{2}-\\d{2})?$",
      minimum: 2000,
      maximum: 2100,
      description:
        "Ngày ban hành, dạng năm-tháng-ngày, ví dụ 2021-11-19; hoặc chỉ ghi năm (ví dụ 2023) để in “ngày    tháng    năm 2023”, để trống ngày, tháng cho văn thư ghi tay khi ký ban hành.",
    },
    summary: { type: "string", minLength: 1, description: "Trích yếu nội dung, in đậm dưới chữ BÁO CÁO." },
    to: { type: "array", items: { type: "string", minLength: 1 }, description: "Kính gửi (nếu có): mỗi nơi một dòng." },
    body: {
      type: "string",
      minLength: 1,
      description:
        "Nội dung báo cáo (Markdown). Dùng {{total}}, {{max}}, {{classification}}, {{unit}}, {{year}}, {{number}}, {{date}} để chèn số liệu tính được.",
    },
    recipients: {
      type: "array",
      minItems: 1,
      items: { type: "string", minLength: 1 },
      description: "Nơi nhận: mỗi nơi một dòng, không ghi dấu “-” đầu dòng và “;” cuối dòng.",
    },
    archive: { type: "string", minLength: 1, description: "Dòng “Lưu:”, ví dụ VT, HCQT (không ghi chữ “Lưu:” và dấu chấm cuối)." },
    signer: SIGNER,
  },
};

const UNIT = {
  type: "object",
  description: "Cơ quan, đơn vị tự chấm điểm.",
  required: ["name", "agency"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1, description: "Tên dùng trong câu văn, ví dụ Văn phòng UBND tỉnh." },
    agency: { type: "string", minLength: 1, description: "Tên cơ quan ban hành in ở góc trái (tự in hoa), ví dụ Văn phòng." },
    superior: { type: "string", minLength: 1, description: "Tên cơ quan chủ quản trực tiếp (tự in hoa), ví dụ UBND tỉnh Quảng Ngãi." },
  },
};

export function generateAssessmentSchema(rubric: Rubric, rubricName?: string): object {
  const answers: Record<string, object> = {};
  const ids: string[] = [];
  for (const leaf of leaves(rubric)) {
    answers[leaf.id] = leafSchema(leaf);
    ids.push(leaf.id);
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://chamdiem.local/schema/generated/${assessmentSchemaFileName(rubric.id)}`,
    title: `chamdiem: bản tự chấm theo ${rubric.id}`,
    description: `Bản tự đánh giá, chấm điểm theo bộ tiêu chí ${rubricName ?? rubric.id}. Tệp này được sinh bởi “chamdiem schema”; không sửa tay.`,
    type: "object",
    required: ["rubric", "year", "unit", "report", "answers"],
    additionalProperties: false,
    properties: {
      rubric: { const: rubric.id, description: "Mã bộ tiêu chí dùng để chấm." },
      year: { type: "integer", minimum: 2000, maximum: 2100, description: "Năm đánh giá." },
      unit: UNIT,
      report: REPORT,
      answers: {
        type: "object",
        description: "Kết quả tự chấm: mỗi tiêu chí thành phần một mục, theo mã (STT) đặt trong dấu nháy.",
        required: ids,
        additionalProperties: false,
        propertyNames: CRITERION_KEYS,
        properties: answers,
      },
    },
    $defs: { points: POINTS, markdown: MARKDOWN },
  };
}

function leafSchema(leaf: RubricLeaf): object {
  const optionLines = leaf.options.map((o) => `- \`${o.id}\`: ${o.text}`).join("\n");
  const head = `**${leaf.id}** ${leaf.title} — tối đa ${formatHundredths(leaf.max)} điểm`;
  const description = `${head}\n\n${optionLines}`;
  const optionEnum = {
    enum: leaf.options.map((o) => o.id),
    description: "Phương án được chọn.",
    markdownEnumDescriptions: leaf.options.map((o) => o.text),
    enumDescriptions: leaf.options.map((o) => o.text),
  };
  const common = {
    score: { $ref: "#/$defs/points", description: `Điểm tự chấm (tùy chọn; phải bằng điểm tính được). Tối đa ${formatHundredths(leaf.max)}.` },
    justification: { $ref: "#/$defs/markdown" },
  };
  const choices = leaf.options.map((o) => o.id).join(",");
  switch (leaf.input) {
    case "choice":
      return {
        type: "object",
        description,
        markdownDescription: description,
        required: ["option"],
        additionalProperties: false,
        properties: { option: optionEnum, ...common },
        defaultSnippets: [{ label: "chọn phương án", body: { option: `\${1|${choices}|}`, justification: "$2" } }],
      };
    case "checklist":
      return {
        type: "object",
        description,
        markdownDescription: description,
        required: ["options"],
        additionalProperties: false,
        properties: {
          options: {
            type: "object",
            description: "Các phương án đạt được: mã phương án → giải trình riêng của phương án đó.",
            additionalProperties: false,
            properties: Object.fromEntries(leaf.options.map((o) => [o.id, { type: ["string", "null"], description: o.text, markdownDescription: o.text }])),
          },
          ...common,
        },
      };
    case "measure": {
      const m = leaf.measure;
      const range = m ? `${formatHundredths(m.min)}–${formatHundredths(m.max)} ${m.unit}`.trim() : "";
      return {
        type: "object",
        description,
        markdownDescription: description,
        additionalProperties: false,
        anyOf: [{ required: ["value"] }, { required: ["option"] }],
        properties: {
          value: {
            description: `${m?.label ?? "Giá trị đo"} (${range}); phương án được xác định theo giá trị này.`,
            anyOf: [
              { type: "number", ...(m ? { minimum: m.min / 100, maximum: m.max / 100 } : {}) },
              { type: "string", pattern: "^[+-]?\\d{1,9}([.,]\\d{1,2})?$" },
            ],
          },
          option: { ...optionEnum, description: "Phương án (khi không có số liệu đo; phải khớp với giá trị đo nếu có)." },
          ...common,
        },
      };
    }
  }
}
