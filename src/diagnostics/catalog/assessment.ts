import type { CatalogEntry } from "./types.js";

export const ASSESSMENT_CODES = {
  CD401: { severity: "error", vi: "Tiêu chí “{id}” không có trong bộ tiêu chí {rubric}", en: "Criterion “{id}” is not in rubric {rubric}" },
  CD402: {
    severity: "error",
    vi: "“{id}” là nhóm tiêu chí; điểm của nhóm được tính tự động, không ghi tay (nhóm chỉ nhận “justification”, “official” và “not_applicable”)",
    en: "“{id}” is a group; group scores are computed, never written by hand (a group takes only “justification”, “official” and “not_applicable”)",
  },
  CD403: { severity: "error", vi: "Chưa chấm tiêu chí {id}", en: "Criterion {id} is not answered" },
  CD404: {
    severity: "error",
    vi: "Phương án “{option}” không có trong tiêu chí {id} (có: {allowed})",
    en: "Option “{option}” does not exist in criterion {id} (has: {allowed})",
  },
  CD405: {
    severity: "error",
    vi: "Tiêu chí {id} (input: {input}) được chấm bằng “{expected}”, không phải trường này",
    en: "Criterion {id} is answered with “{expected}” (input: {input}), not this field",
  },
  CD406: {
    severity: "error",
    vi: "Giá trị đo {value} nằm ngoài miền cho phép [{min}; {max}] {unit}",
    en: "The measured value {value} is outside [{min}; {max}] {unit}",
  },
  CD407: {
    severity: "error",
    vi: "Phương án “{option}” không khớp giá trị đo {value} (giá trị này thuộc phương án “{expected}”)",
    en: "Option “{option}” does not match the measured value {value} (it falls in option “{expected}”)",
  },
  CD408: {
    severity: "error",
    vi: "Điểm tự chấm {declared} khác điểm tính được {computed}",
    en: "The declared score {declared} differs from the computed score {computed}",
  },
  CD409: {
    severity: "warning",
    vi: "Tiêu chí {id} có điểm {score} nhưng chưa có giải trình",
    en: "Criterion {id} scores {score} but has no justification",
  },
  CD410: {
    severity: "error",
    vi: "Phương án “{option}” của tiêu chí {id} có công thức nên cần giá trị đo “value”",
    en: "Option “{option}” of criterion {id} is a formula, so a measured “value” is needed",
  },
  CD411: {
    severity: "error",
    vi: "Ngày báo cáo không hợp lệ: {value}",
    en: "Invalid report date: {value}",
  },
  CD412: {
    severity: "error",
    vi: "Năm đánh giá {year} không khớp năm của ngày báo cáo {date}",
    en: "The assessment year {year} does not match the report date {date}",
  },
  CD413: {
    severity: "warning",
    vi: "Điểm của tiêu chí {id} ({sum}) vượt điểm tối đa {max}; đã tính bằng {max}",
    en: "Criterion {id} adds up to {sum}, above its maximum {max}; counted as {max}",
  },
  CD414: {
    severity: "error",
    vi: "Số văn bản phải là số nguyên dương",
    en: "The document number must be a positive integer",
  },
  CD415: {
    severity: "error",
    vi: "Ký hiệu văn bản “{symbol}” sai định dạng (ví dụ đúng: BC-VP; viết hoa, nối bằng “-”, không có khoảng trắng)",
    en: "Badly formed document symbol “{symbol}” (e.g. BC-VP: upper case, joined by “-”, no spaces)",
  },
  CD416: {
    severity: "warning",
    vi: "Ký hiệu của báo cáo nên bắt đầu bằng “BC-” (đang là “{symbol}”)",
    en: "A report's symbol should start with “BC-” (it is “{symbol}”)",
  },
  CD417: {
    severity: "error",
    vi: "Không được ghi học hàm, học vị trước tên người ký (“{title}”)",
    en: "No academic or honorific title before the signer's name (“{title}”)",
  },
  CD418: {
    severity: "error",
    vi: "Tiêu chí {id}: phương án “{option}” được đánh dấu hai lần",
    en: "Criterion {id}: option “{option}” is ticked twice",
  },
  CD419: {
    severity: "warning",
    vi: "Mục “Nơi nhận” thường kết thúc bằng mục “Lưu: …”; không ghi “Lưu” trong danh sách “recipients”",
    en: "“Lưu: …” is generated from “archive”; do not list it in “recipients”",
  },
  CD421: {
    severity: "error",
    vi: "Ngày “{value}” không tồn tại",
    en: "The date “{value}” does not exist",
  },
  CD422: {
    severity: "error",
    vi: "Nội dung còn chỗ để trống cần điền: “{text}”",
    en: "A placeholder still needs filling in: “{text}”",
  },
  CD425: {
    severity: "error",
    vi: "“{id}” không có quy định trường hợp không áp dụng (“not_applicable” trong bộ tiêu chí); hãy chấm mục này",
    en: "“{id}” has no not-applicable rule (“not_applicable” in the rubric); score it instead",
  },
  CD426: {
    severity: "error",
    vi: "“{id}” được ghi là không áp dụng nên cần giải trình (“justification”): nêu lý do, ví dụ trong năm không có nhiệm vụ được giao",
    en: "“{id}” is answered not applicable, so it needs a “justification” saying why",
  },
  CD427: {
    severity: "error",
    vi: "Số lần “{value}” phải là số nguyên không âm (0, 1, 2 …)",
    en: "The count “{value}” must be a whole number, 0 or more",
  },
  CD428: {
    severity: "warning",
    vi: "“{id}” thuộc nhóm được ghi là không áp dụng nên không được chấm; mục trả lời này bị bỏ qua",
    en: "“{id}” belongs to a group answered not applicable, so it is not scored; this answer is ignored",
  },
  CD429: {
    severity: "error",
    vi: "“{id}” là dòng tiêu đề, không chấm điểm (input: none); xóa mục trả lời này",
    en: "“{id}” is a heading without scoring (input: none); remove this answer",
  },
  CD430: {
    severity: "error",
    vi: "Mẫu số ({denominator}) của tiêu chí {id} bằng 0: không tính được tỷ lệ",
    en: "The denominator ({denominator}) of criterion {id} is 0: no ratio can be computed",
  },
  CD431: {
    severity: "error",
    vi: "Tử số {numerator} lớn hơn mẫu số {denominator}: tỷ lệ vượt 100%",
    en: "The numerator {numerator} is above the denominator {denominator}: the ratio exceeds 100%",
  },
  CD432: {
    severity: "error",
    vi: "Điểm {score} nằm ngoài khoảng điểm [{min}; {max}] của tiêu chí {id}",
    en: "The score {score} is outside the range [{min}; {max}] of criterion {id}",
  },
  CD433: {
    severity: "error",
    vi: "Điểm {score} của tiêu chí {id} phải là bội số của {step}",
    en: "The score {score} of criterion {id} must be a multiple of {step}",
  },
  CD434: {
    severity: "error",
    vi: "“{id}” được ghi là không áp dụng nên không chấm theo “{field}”; xóa “{field}” hoặc xóa “not_applicable”",
    en: "“{id}” is answered not applicable, so it is not scored by “{field}”; remove “{field}” or “not_applicable”",
  },
  // The bound on what one file reports (boundDiagnostics in src/diagnostics/diagnostic.ts), for every file.
  CD423: {
    severity: "info",
    vi: "Còn {count} chỗ khác trong tệp này cũng có thông báo {code}; chỉ liệt kê {limit} chỗ đầu tiên",
    en: "{count} more places in this file have message {code}; only the first {limit} are listed",
  },
  CD424: {
    severity: "info",
    vi: "Tệp có quá nhiều thông báo: {count} thông báo khác không được liệt kê; chỉ liệt kê {limit} thông báo, lỗi trước cảnh báo",
    en: "Too many messages for this file: {count} more are not listed; only {limit} are, errors before warnings",
  },
  CD435: {
    severity: "error",
    vi: "“{field}” của người ký chỉ ghi trên một dòng, không xuống dòng. Ký hai cấp “TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH” thì ghi: on_behalf_of: ỦY BAN NHÂN DÂN, prefix: KT., authority: CHỦ TỊCH, title: PHÓ CHỦ TỊCH",
    en: "The signer's “{field}” takes one line, without a line break. For a two-level signature “TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH” write: on_behalf_of: ỦY BAN NHÂN DÂN, prefix: KT., authority: CHỦ TỊCH, title: PHÓ CHỦ TỊCH",
  },
  CD436: {
    severity: "error",
    vi: "“on_behalf_of” đã in dòng “TM. {collective}”; “prefix” ở dòng dưới không dùng lại “TM.” (cấp phó ký thay người đứng đầu: “KT.”; người đứng đầu ký: bỏ “prefix”)",
    en: "“on_behalf_of” already prints “TM. {collective}”; the “prefix” of the line below cannot be “TM.” again (a deputy signing for the head: “KT.”; the head signing: no “prefix”)",
  },
} satisfies Record<string, CatalogEntry>;
