/**
 * Generates, from a rubric, the JSON Schema (2020-12) of its appraisal files, written next to the
 * assessment schema by `chamdiem schema` (schema/generated/<rubric>.appraisal.schema.json). Like the
 * assessment schema it knows every criterion id and option, with Vietnamese descriptions for editor
 * hover and completion (descriptions inline per criterion: yaml-language-server ignores a description
 * beside a shared $ref). Semantic rules the schema cannot state (reachable scores, round order, dates,
 * responses to criteria a round did not appraise) are checked in appraisal.ts.
 */
import { formatHundredths } from "../model/points.js";
import { walkRubric, type NotApplicable, type Rubric, type RubricGroup, type RubricLeaf } from "../model/rubric.js";
import { CRITERION_KEYS } from "./assessment-schema.js";
import { withEditorMessages } from "./editor-messages.js";

export function appraisalSchemaFileName(rubricId: string): string {
  return `${rubricId}.appraisal.schema.json`;
}

const NUMBER_TEXT = "^[+-]?\\d{1,9}([.,]\\d{1,2})?$";
const DATE = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", errorMessage: "Ngày ghi dạng năm-tháng-ngày, ví dụ 2021-12-06." };

const POINTS = {
  description: 'Điểm thẩm định: số, tối đa 2 chữ số thập phân (ví dụ 2, 0.5 hoặc "0,5"); phải đạt được theo cách chấm của tiêu chí.',
  errorMessage: 'Điểm thẩm định phải là số, tối đa 2 chữ số thập phân (ví dụ 2, 0.5 hoặc "0,5").',
  anyOf: [{ type: "number" }, { type: "string", pattern: NUMBER_TEXT }],
};

const MARKDOWN = {
  type: "string",
  errorMessage: "Nội dung này phải là văn bản (Markdown); văn bản nhiều dòng viết sau dấu “|”, mỗi dòng thụt vào.",
  description: "Văn bản (Markdown): được dùng **đậm**, *nghiêng* và thẻ <i> <b> <u> <sub> <sup> <br>.",
};

const OPINION = {
  type: "string",
  errorMessage: "Ý kiến thẩm định (opinion) phải là văn bản (Markdown); văn bản nhiều dòng viết sau dấu “|”, mỗi dòng thụt vào.",
  description: "Ý kiến thẩm định (Markdown), in ở cột “Ý kiến thẩm định” của Biểu chấm điểm.",
};

export function generateAppraisalSchema(rubric: Rubric): object {
  const entries: Record<string, object> = {};
  const responses: Record<string, object> = {};
  let example: string | undefined;
  for (const [n] of walkRubric(rubric.items)) {
    if (n.kind === "leaf") example ??= n.id;
    entries[n.id] = n.kind === "leaf" ? leafEntry(n) : groupEntry(n);
    responses[n.id] = {
      type: "string",
      description: `Giải trình của đơn vị về tiêu chí **${n.id}** ${n.title}.`,
      markdownDescription: `Giải trình của đơn vị về tiêu chí **${n.id}** ${n.title}.`,
      errorMessage: `Giải trình của đơn vị về tiêu chí ${n.id} phải là văn bản (Markdown).`,
    };
  }
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://chamdiem.local/schema/generated/${appraisalSchemaFileName(rubric.id)}`,
    title: `chamdiem: bản thẩm định theo ${rubric.id}`,
    description: `Kết quả thẩm định bản tự chấm theo bộ tiêu chí ${rubric.id}, theo từng lần thẩm định. Tệp này được sinh bởi “chamdiem schema”; không sửa tay.`,
    type: "object",
    required: ["assessment", "rubric", "rounds"],
    additionalProperties: false,
    properties: {
      assessment: {
        type: "string",
        pattern: "\\.ya?ml$",
        description: "Tệp bản tự chấm được thẩm định, tính từ thư mục của tệp này, ví dụ van-phong-ubnd-tinh.yaml.",
      },
      rubric: { const: rubric.id, description: "Mã bộ tiêu chí (phải trùng với bản tự chấm)." },
      appraiser: {
        type: "object",
        description: "Cơ quan thẩm định.",
        required: ["agency"],
        additionalProperties: false,
        properties: {
          agency: { type: "string", minLength: 1, description: "Tên cơ quan thẩm định, ví dụ Sở Nội vụ (in hoa ở tiêu đề Biểu tổng hợp)." },
          superior: { type: "string", minLength: 1, description: "Cơ quan chủ quản, ví dụ UBND tỉnh Quảng Ngãi." },
        },
      },
      rounds: {
        type: "array",
        minItems: 1,
        description: "Các lần thẩm định theo thứ tự 1, 2, …; lần sau thay thế kết quả của lần trước đối với các tiêu chí được ghi lại.",
        items: { $ref: "#/$defs/round" },
      },
    },
    $defs: {
      points: POINTS,
      markdown: MARKDOWN,
      opinion: OPINION,
      round: {
        type: "object",
        description: "Một lần thẩm định.",
        required: ["round", "date", "criteria"],
        additionalProperties: false,
        properties: {
          round: { type: "integer", minimum: 1, description: "Lần thẩm định: 1, 2, … theo thứ tự." },
          date: { ...DATE, description: "Ngày thẩm định, dạng năm-tháng-ngày." },
          by: { type: "string", minLength: 1, description: "Người hoặc tổ thẩm định (tùy chọn)." },
          document: { type: "string", minLength: 1, description: "Văn bản thông báo kết quả lần này, ví dụ Thông báo số 12/TB-SNV (tùy chọn)." },
          conclusion: { $ref: "#/$defs/markdown" },
          ineligible: {
            type: "string",
            minLength: 1,
            description: "Lý do đơn vị không đủ điều kiện xếp loại (nếu có); lần thẩm định cuối cùng quyết định.",
          },
          criteria: {
            type: "object",
            description:
              "Kết quả thẩm định từng tiêu chí: mã (STT, trong dấu nháy) → điểm và ý kiến. Tiêu chí không ghi giữ kết quả lần trước (hoặc điểm tự chấm).",
            // unevaluatedProperties, not additionalProperties: see answers in assessment-schema.ts.
            unevaluatedProperties: false,
            propertyNames: CRITERION_KEYS,
            errorMessage: `Mục criteria chỉ có các tiêu chí và nhóm tiêu chí của bộ tiêu chí ${rubric.id}, theo mã đặt trong dấu nháy kép (ví dụ "${example ?? "1.1"}"): kiểm tra mã tiêu chí.`,
            properties: entries,
          },
          response: {
            type: "object",
            description: "Giải trình của đơn vị sau lần thẩm định này.",
            required: ["date"],
            additionalProperties: false,
            properties: {
              date: { ...DATE, description: "Ngày văn bản giải trình của đơn vị." },
              document: { type: "string", minLength: 1, description: "Văn bản giải trình, ví dụ Công văn số 25/VP-HCTC (tùy chọn)." },
              general: { $ref: "#/$defs/markdown" },
              criteria: {
                type: "object",
                description: "Giải trình theo từng tiêu chí đã được thẩm định trong lần này.",
                unevaluatedProperties: false,
                propertyNames: CRITERION_KEYS,
                errorMessage: `Mục criteria của response chỉ có các tiêu chí của bộ tiêu chí ${rubric.id}, theo mã đặt trong dấu nháy kép (ví dụ "${example ?? "1.1"}"): kiểm tra mã tiêu chí.`,
                properties: responses,
              },
            },
          },
        },
      },
    },
  };
  return withEditorMessages(schema, {
    root: "Tệp bản thẩm định",
    defs: { points: "Điểm thẩm định", markdown: "Nội dung này", opinion: "Ý kiến thẩm định", round: "Mỗi lần thẩm định (mục của “rounds”)" },
  });
}

function leafEntry(leaf: RubricLeaf): object {
  // A criterion without options (a survey's): the appraiser may give a score and an opinion.
  if (leaf.options.length === 0 && leaf.scoredBy === "survey") {
    const description = `**${leaf.id}** ${leaf.title} — tối đa ${formatHundredths(leaf.max)} điểm`;
    return {
      type: "object",
      description,
      markdownDescription: description,
      additionalProperties: false,
      properties: { score: { $ref: "#/$defs/points" }, opinion: { $ref: "#/$defs/opinion" } },
    };
  }
  const optionLines = leaf.options.map((o) => `- \`${o.id}\`: ${o.text}`).join("\n");
  const description = `**${leaf.id}** ${leaf.title} — tối đa ${formatHundredths(leaf.max)} điểm\n\n${optionLines}`;
  const ids = leaf.options.map((o) => o.id);
  const optionEnum = {
    enum: ids,
    description: "Phương án được chấp nhận khi thẩm định.",
    markdownEnumDescriptions: leaf.options.map((o) => o.text),
    enumDescriptions: leaf.options.map((o) => o.text),
  };
  const common = {
    score: { $ref: "#/$defs/points" },
    opinion: { $ref: "#/$defs/opinion" },
  };
  const count = {
    anyOf: [
      { type: "number", minimum: 0 },
      { type: "string", pattern: NUMBER_TEXT },
    ],
  };
  const naField: Record<string, object> = leaf.notApplicable ? { not_applicable: notApplicable(leaf.notApplicable) } : {};
  const properties: Record<string, object> =
    leaf.input === "none"
      ? { opinion: { $ref: "#/$defs/opinion" } }
      : leaf.input === "ratio"
        ? {
            numerator: { ...count, description: `${leaf.ratio?.numerator ?? "Tử số"} được chấp nhận khi thẩm định.` },
            denominator: { ...count, description: `${leaf.ratio?.denominator ?? "Mẫu số"} được chấp nhận khi thẩm định.` },
            ...naField,
            ...common,
          }
        : leaf.input === "count"
          ? {
              count: { type: "number", minimum: 0, description: `${leaf.count?.label ?? "Số lần"} được chấp nhận khi thẩm định (số nguyên).` },
              ...naField,
              ...common,
            }
          : leaf.input === "score"
            ? { ...naField, ...common }
            : { ...naField, ...legacy() };
  function legacy(): Record<string, object> {
    return leaf.input === "checklist"
      ? { options: { type: "array", uniqueItems: true, items: optionEnum, description: "Các phương án được chấp nhận là đạt." }, ...common }
      : leaf.input === "measure"
        ? {
            value: {
              description: `${leaf.measure?.label ?? "Giá trị đo"} được chấp nhận khi thẩm định.`,
              errorMessage: `Giá trị đo của tiêu chí ${leaf.id} phải là số, tối đa 2 chữ số thập phân${leaf.measure ? ` (${`${formatHundredths(leaf.measure.min)}–${formatHundredths(leaf.measure.max)} ${leaf.measure.unit}`.trim()})` : ""}.`,
              anyOf: [
                { type: "number", ...(leaf.measure ? { minimum: leaf.measure.min / 100, maximum: leaf.measure.max / 100 } : {}) },
                { type: "string", pattern: NUMBER_TEXT },
              ],
            },
            option: optionEnum,
            ...common,
          }
        : { option: optionEnum, ...common };
  }
  const choices = ids.join(",");
  return {
    type: "object",
    description,
    markdownDescription: description,
    additionalProperties: false,
    properties,
    defaultSnippets: [
      { label: "điểm và ý kiến thẩm định", body: { score: "$1", opinion: "$2" } },
      ...(leaf.input === "choice" || leaf.input === "measure" ? [{ label: "phương án và ý kiến", body: { option: `\${1|${choices}|}`, opinion: "$2" } }] : []),
    ],
  };
}

function groupEntry(group: RubricGroup): object {
  const description = `**${group.id}** ${group.title} — nhóm tiêu chí: điểm được tính từ các tiêu chí thành phần, chỉ ghi ý kiến.`;
  return {
    type: "object",
    description,
    markdownDescription: description,
    errorMessage: `Tiêu chí ${group.id} là nhóm tiêu chí: điểm được tính từ các tiêu chí thành phần, chỉ ghi được ý kiến (khóa opinion); kiểm tra tên khóa.`,
    additionalProperties: false,
    properties: { opinion: { $ref: "#/$defs/opinion" }, ...(group.notApplicable ? { not_applicable: notApplicable(group.notApplicable) } : {}) },
  };
}

function notApplicable(na: NotApplicable): object {
  return {
    type: "boolean",
    description: `true: chấp nhận trường hợp không áp dụng (${na.text}, ${formatHundredths(na.score)} điểm); false: không chấp nhận, chấm theo các tiêu chí.`,
  };
}
