/**
 * Generates, from a rubric, the JSON Schema (2020-12) of its assessments: it knows every leaf criterion
 * id, its options and value range, with Vietnamese descriptions for editor hover and completion
 * (yaml-language-server shows `markdownDescription`/`description`, never `title`, and per-criterion
 * option lists must be inline: see docs/dependencies.md). The same schema validates with ajv.
 */
import { formatHundredths } from "../model/points.js";
import { walkRubric, type Rubric, type RubricGroup, type RubricLeaf, type RubricNode } from "../model/rubric.js";
import { withEditorMessages } from "./editor-messages.js";

export function assessmentSchemaFileName(rubricId: string): string {
  return `${rubricId}.assessment.schema.json`;
}

const POINTS = {
  description: 'Số, tối đa 2 chữ số thập phân (ví dụ 3, 0.5 hoặc "0,5").',
  errorMessage: 'Điểm phải là số, tối đa 2 chữ số thập phân (ví dụ 3, 0.5 hoặc "0,5").',
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
  errorMessage: "Giải trình phải là văn bản (Markdown); văn bản nhiều dòng viết sau dấu “|”, mỗi dòng thụt vào.",
  description:
    "Giải trình (Markdown): trích dẫn văn bản kiểm chứng, ví dụ “Quyết định số 620/QĐ-UBND ngày 29/4/2021”. Được dùng **đậm**, *nghiêng* và thẻ <i> <b> <u> <sub> <sup> <br>.",
};

/** A criterion's evidence files beyond those its citations name (docs/evidence.md). */
const EVIDENCE = {
  type: "array",
  minItems: 1,
  description:
    'Hồ sơ kiểm chứng khai báo thêm cho tiêu chí: tên tệp trong thư mục hồ sơ (content/evidence/<năm>/<đơn vị>/), ví dụ anh-hoi-nghi.jpg, hoặc { file: 159_QĐ-UBND.pdf, pages: "3-5" } để chỉ trang hay mục của một tệp dài. Văn bản được trích dẫn trong giải trình đã tự gắn tệp cùng số, ký hiệu.',
  items: {
    anyOf: [
      { type: "string", minLength: 1, description: "Tên tệp (PDF, JPG, PNG) trong thư mục hồ sơ kiểm chứng." },
      {
        type: "object",
        required: ["file"],
        additionalProperties: false,
        properties: {
          file: { type: "string", minLength: 1, description: "Tên tệp (PDF, JPG, PNG) trong thư mục hồ sơ kiểm chứng." },
          pages: {
            type: ["string", "integer"],
            errorMessage: 'Trang được dẫn ghi số trang (3) hoặc văn bản như "3-5", "3, 7" hay "Điều 4".',
            description: 'Trang hoặc mục được dẫn: 3, "3-5", "3, 7" hoặc "Điều 4".',
          },
        },
      },
    ],
  },
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
      errorMessage: "“date” là ngày ban hành dạng năm-tháng-ngày, ví dụ 2021-11-19, hoặc chỉ ghi năm, ví dụ 2023.",
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

const OFFICIAL = { type: "string", minLength: 1, description: "Họ và tên người chịu trách nhiệm (tùy chọn)." };

/** `not_applicable` of a node whose rubric has the rule; with it the justification is required (checked when scoring). */
function notApplicableField(n: RubricNode): object {
  const na = n.notApplicable!;
  return {
    type: "boolean",
    description: `Không áp dụng: ${na.text} (được tính ${formatHundredths(na.score)} điểm; cần ghi giải trình).`,
  };
}

/**
 * The criteria an assessment must answer: every leaf but headings (input: none), criteria the survey or
 * the appraiser scores (scored_by), and the leaves of a
 * group that may be answered not applicable (whether they are needed depends on that answer: the
 * pipeline asks for them when the group is scored, src/pipeline/run-checks.ts).
 */
export function requiredAnswers(rubric: Rubric): string[] {
  const ids: string[] = [];
  const visit = (nodes: readonly RubricNode[], optional: boolean) => {
    for (const n of nodes) {
      if (n.kind === "group") visit(n.items, optional || n.notApplicable !== undefined);
      else if (!optional && n.input !== "none" && n.scoredBy === "unit") ids.push(n.id);
    }
  };
  visit(rubric.items, false);
  return ids;
}

export function generateAssessmentSchema(rubric: Rubric, rubricName?: string): object {
  const answers: Record<string, object> = {};
  for (const [n] of walkRubric(rubric.items)) {
    // What the survey or the appraiser scores, the unit may only explain (requiredAnswers leaves it out).
    answers[n.id] = n.kind === "group" ? groupSchema(n) : n.scoredBy === "unit" ? leafSchema(n) : othersLeafSchema(n);
  }
  const ids = requiredAnswers(rubric);
  const schema = {
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
        // Not additionalProperties: the editor files an unquoted `2.10:` (the number 2.1) under the
        // same name as the quoted "2.1", and additionalProperties then flagged the valid "2.1" as not
        // allowed. unevaluatedProperties flags only names no property matched (check: CD202 alike).
        unevaluatedProperties: false,
        propertyNames: CRITERION_KEYS,
        errorMessage: `Mục answers gồm đúng một mục cho mỗi tiêu chí thành phần của bộ tiêu chí ${rubric.id}, theo mã đặt trong dấu nháy kép (ví dụ "${ids[0] ?? "1.1"}"): kiểm tra mã tiêu chí và các tiêu chí còn thiếu (lệnh “npx chamdiem check” nêu rõ từng mã).`,
        properties: answers,
      },
    },
    $defs: { points: POINTS, markdown: MARKDOWN, evidence: EVIDENCE },
  };
  return withEditorMessages(schema, { root: "Tệp bản tự chấm", defs: { points: "Điểm", markdown: "Giải trình", evidence: "Hồ sơ kiểm chứng" } });
}

/**
 * A criterion the survey or the appraiser scores: the unit may explain it, nothing more. Other fields are
 * not refused here but by the scoring (CD736), which says why.
 */
function othersLeafSchema(leaf: RubricLeaf): object {
  const by = leaf.scoredBy === "survey" ? "điều tra xã hội học" : "cơ quan thẩm định";
  return {
    type: "object",
    description: `**${leaf.id}** ${leaf.title} — do ${by} chấm; đơn vị không tự chấm, chỉ có thể ghi giải trình.`,
    properties: { justification: { $ref: "#/$defs/markdown" }, evidence: { $ref: "#/$defs/evidence" } },
  };
}

function groupSchema(g: RubricGroup): object {
  const description = `**${g.id}** ${g.title} — nhóm tiêu chí, tối đa ${formatHundredths(g.max)} điểm (điểm của nhóm được tính từ các tiêu chí thành phần)`;
  return {
    type: "object",
    description,
    markdownDescription: description,
    additionalProperties: false,
    properties: {
      justification: { $ref: "#/$defs/markdown" },
      evidence: { $ref: "#/$defs/evidence" },
      official: OFFICIAL,
      ...(g.notApplicable ? { not_applicable: notApplicableField(g) } : {}),
    },
  };
}

/** A leaf's required fields, or, with a not-applicable rule, those fields or `not_applicable`. */
function requiring(leaf: RubricLeaf, fields: string[]): object {
  if (!leaf.notApplicable) return fields.length ? { required: fields } : {};
  return { anyOf: [{ required: fields }, { required: ["not_applicable"] }] };
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
    evidence: { $ref: "#/$defs/evidence" },
    official: OFFICIAL,
    ...(leaf.notApplicable ? { not_applicable: notApplicableField(leaf) } : {}),
  };
  const choices = leaf.options.map((o) => o.id).join(",");
  switch (leaf.input) {
    case "choice":
      return {
        type: "object",
        description,
        markdownDescription: description,
        ...requiring(leaf, ["option"]),
        additionalProperties: false,
        properties: { option: optionEnum, ...common },
        defaultSnippets: [{ label: "chọn phương án", body: { option: `\${1|${choices}|}`, justification: "$2" } }],
      };
    case "checklist":
      return {
        type: "object",
        description,
        markdownDescription: description,
        ...requiring(leaf, ["options"]),
        additionalProperties: false,
        properties: {
          options: {
            type: "object",
            description: "Các phương án đạt được: mã phương án → giải trình riêng của phương án đó.",
            errorMessage: `“options” của tiêu chí ${leaf.id} ghi mỗi phương án đạt được một dòng “mã: giải trình”, mã là ${choices.replace(/,/g, ", ")}; kiểm tra mã phương án.`,
            additionalProperties: false,
            properties: Object.fromEntries(
              leaf.options.map((o) => [
                o.id,
                {
                  type: ["string", "null"],
                  description: o.text,
                  markdownDescription: o.text,
                  errorMessage: `Giải trình của phương án ${o.id} (tiêu chí ${leaf.id}) phải là văn bản (Markdown) hoặc để trống.`,
                },
              ]),
            ),
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
        anyOf: [{ required: ["value"] }, { required: ["option"] }, ...(leaf.notApplicable ? [{ required: ["not_applicable"] }] : [])],
        errorMessage: `Tiêu chí ${leaf.id} gồm value hoặc option (ít nhất một trong hai khóa) và score, justification (tùy chọn); kiểm tra tên khóa và các khóa còn thiếu.`,
        properties: {
          value: {
            description: `${m?.label ?? "Giá trị đo"} (${range}); phương án được xác định theo giá trị này.`,
            errorMessage: `Giá trị đo của tiêu chí ${leaf.id} phải là số, tối đa 2 chữ số thập phân${range ? ` (${range})` : ""}.`,
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
    case "ratio": {
      const r = leaf.ratio;
      const ratio = r ? `${r.label} = ${r.numerator} / ${r.denominator} × 100` : "Tỷ lệ % = tử số / mẫu số × 100";
      return {
        type: "object",
        description: `${description}\n\n${ratio}`,
        markdownDescription: `${description}\n\n${ratio}`,
        ...requiring(leaf, ["numerator", "denominator"]),
        additionalProperties: false,
        properties: {
          numerator: { ...POINTS_COUNT, description: `${r?.numerator ?? "Tử số"} (số không âm, không lớn hơn mẫu số).` },
          denominator: { ...POINTS_COUNT, description: `${r?.denominator ?? "Mẫu số"} (số dương).` },
          ...common,
        },
        defaultSnippets: [{ label: "nhập tử số và mẫu số", body: { numerator: "$1", denominator: "$2", justification: "$3" } }],
      };
    }
    case "count": {
      const c = leaf.count;
      const each = c ? `mỗi lần ${formatHundredths(c.points)} điểm` : "";
      return {
        type: "object",
        description: `${head}; ${each}`,
        markdownDescription: `${head}; ${each}`,
        ...requiring(leaf, ["count"]),
        additionalProperties: false,
        properties: {
          count: {
            type: "number",
            minimum: 0,
            description: `${c?.label ?? "Số lần"} (số nguyên không âm); ${each}, trong khoảng [${formatHundredths(leaf.min)}; ${formatHundredths(leaf.max)}].`,
          },
          ...common,
        },
      };
    }
    case "score": {
      const step = leaf.step !== undefined ? `, là bội số của ${formatHundredths(leaf.step)}` : "";
      const range = `[${formatHundredths(leaf.min)}; ${formatHundredths(leaf.max)}]`;
      return {
        type: "object",
        description: `${head}; nhập trực tiếp điểm trong ${range}${step}`,
        markdownDescription: `${head}; nhập trực tiếp điểm trong ${range}${step}`,
        ...requiring(leaf, ["score"]),
        additionalProperties: false,
        properties: {
          ...common,
          score: { $ref: "#/$defs/points", description: `Điểm tự chấm, trong ${range}${step}.` },
        },
      };
    }
    case "none":
      // A heading: any answer for it is reported when scoring (CD429), with its own message.
      return { description: `${head.replace(/ — tối đa .*$/, "")} — dòng tiêu đề, không chấm điểm` };
  }
}

/** A count of people or documents, in the answer's number notation; non-negative. */
const POINTS_COUNT = {
  anyOf: [
    { type: "number", minimum: 0 },
    { type: "string", pattern: "^\\d{1,9}([.,]\\d{1,2})?$" },
  ],
};
