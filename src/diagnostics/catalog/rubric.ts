import type { CatalogEntry } from "./types.js";

export const RUBRIC_CODES = {
  CD301: { severity: "error", vi: "Mã tiêu chí “{id}” bị trùng (đã có ở dòng {line})", en: "Duplicate criterion id “{id}” (already at line {line})" },
  CD302: {
    severity: "error",
    vi: "Mã “{id}” không nằm dưới mã của nhóm cha “{parent}”",
    en: "Id “{id}” is not under its parent's id “{parent}”",
  },
  CD303: { severity: "error", vi: "Mã phương án “{id}” bị trùng trong tiêu chí {criterion}", en: "Duplicate option id “{id}” in criterion {criterion}" },
  CD304: {
    severity: "error",
    vi: "Điểm của phương án ({points}) vượt quá điểm tối đa của tiêu chí ({max})",
    en: "The option's points ({points}) exceed the criterion's maximum ({max})",
  },
  CD305: {
    severity: "warning",
    vi: "Tổng điểm tối đa của các mục con ({sum}) khác điểm tối đa của nhóm ({max})",
    en: "The children's maxima add up to {sum}, not the group's maximum {max}",
  },
  CD306: {
    severity: "error",
    vi: "Tổng điểm tối đa của bộ tiêu chí ({sum}) khác giá trị “max” ({max})",
    en: "The items' maxima add up to {sum}, not the rubric's “max” {max}",
  },
  CD307: {
    severity: "error",
    vi: "Các khoảng giá trị của phương án {a} và {b} chồng lên nhau",
    en: "The ranges of options {a} and {b} overlap",
  },
  CD308: {
    severity: "error",
    vi: "Các khoảng giá trị không phủ hết miền đo: giá trị {value} không thuộc phương án nào",
    en: "The ranges leave a gap: the value {value} matches no option",
  },
  CD309: {
    severity: "error",
    vi: "Tiêu chí đo lường cần “range” cho mọi phương án và “measure” cho tiêu chí",
    en: "A measured criterion needs “measure” and a “range” on every option",
  },
  CD310: {
    severity: "error",
    vi: "Công thức chỉ dùng được cho tiêu chí đo lường (input: measure hoặc ratio)",
    en: "A formula is only allowed on a measured criterion (input: measure or ratio)",
  },
  CD311: {
    severity: "error",
    vi: "Không tìm thấy bộ tiêu chí “{id}”",
    en: "Rubric “{id}” not found",
  },
  CD312: {
    severity: "error",
    vi: "Bộ tiêu chí “{id}” được khai báo ở hai tệp có nội dung khác nhau; dùng bản trong thư mục {folder} ({used}), không dùng tệp này",
    en: "Rubric “{id}” is defined in two files that differ; the one in the folder {folder} ({used}) is used, not this file",
  },
  CD313: {
    severity: "error",
    vi: "Các mức xếp loại phải xếp theo điểm giảm dần",
    en: "Classification bands must be ordered by decreasing score",
  },
  CD314: {
    severity: "error",
    vi: "Giá trị “{value}” không phải số thập phân có tối đa 2 chữ số sau dấu phẩy",
    en: "“{value}” is not a decimal number with at most 2 decimal places",
  },
  CD315: {
    severity: "warning",
    vi: "Điểm ghi trong nội dung phương án ({printed}) khác điểm khai báo ({points})",
    en: "The points written in the option text ({printed}) differ from its declared points ({points})",
  },
  CD316: {
    severity: "error",
    vi: "Điểm tối thiểu ({min}) lớn hơn điểm tối đa ({max})",
    en: "The minimum ({min}) is greater than the maximum ({max})",
  },
  CD317: {
    severity: "error",
    vi: "Mục “{id}” vừa có “items” (nhóm) vừa có “input”/“options” (tiêu chí chấm điểm); chỉ được có một loại",
    en: "Item “{id}” has both “items” (a group) and “input”/“options” (a scored criterion); it must be one or the other",
  },
  CD318: {
    severity: "error",
    vi: "Tiêu chí “{id}” không có nhóm con (“items”) cũng không có phương án (“options”)",
    en: "Criterion “{id}” has neither sub-items (“items”) nor options (“options”)",
  },
  CD319: {
    severity: "error",
    vi: "Phương án “{id}” cần “points” hoặc “formula”",
    en: "Option “{id}” needs “points” or a “formula”",
  },
  CD320: {
    severity: "warning",
    vi: "“role” chỉ có ý nghĩa ở mục cấp 1",
    en: "“role” only matters on top-level items",
  },
  CD321: {
    severity: "error",
    vi: "Bộ tiêu chí “{id}” ({file}) còn lỗi nên chưa chấm được bản này; sửa bộ tiêu chí trước (xem các lỗi của tệp đó)",
    en: "Rubric “{id}” ({file}) has errors, so this file cannot be scored yet; fix the rubric first (see its errors)",
  },
  // CD340–CD349: the score table's declared form (src/check/table-form.ts).
  CD340: {
    severity: "error",
    vi: "Cột số liệu “{label}” (evidence) cần ít nhất một tiêu chí đo (input: measure hoặc ratio; tử số, mẫu số: ratio) trong bộ tiêu chí, nhưng không có; bỏ cột này hoặc khai báo tiêu chí đo",
    en: "Evidence column “{label}” needs at least one measured criterion (input: measure or ratio; numerator, denominator: ratio) in the rubric, and there is none; remove the column or declare one",
  },
  CD341: {
    severity: "error",
    vi: "“{field}” chỉ dùng cho cột loại {kinds}, không dùng cho cột “{label}” ({kind})",
    en: "“{field}” is only for {kinds} columns, not for column “{label}” ({kind})",
  },
  CD342: {
    severity: "error",
    vi: "Các cột của nhóm “{group}” phải liền nhau (tiêu đề nhóm in trên một ô gộp); cột “{label}” bị tách khỏi nhóm",
    en: "The columns of group “{group}” must be adjacent (the group's header is one merged cell); column “{label}” is separated from it",
  },
  CD343: {
    severity: "error",
    vi: "Biểu chấm điểm cần đúng một cột nội dung (kind: content), đang có {count}",
    en: "The score table needs exactly one content column (kind: content); it has {count}",
  },
  CD345: {
    severity: "error",
    vi: "Cột đếm “{label}” (count) cần nhóm có mục con (items) trong bộ tiêu chí, nhưng không có nhóm nào; bỏ cột này",
    en: "Count column “{label}” needs groups with sub-items (items) in the rubric, and there are none; remove the column",
  },
  CD344: {
    severity: "error",
    vi: "Nhãn in “{label}” của “{id}” trùng với nhãn của “{other}” (dòng {line}) trong cùng một nhóm; hai dòng của bảng sẽ không phân biệt được",
    en: "Printed label “{label}” of “{id}” is the same as that of “{other}” (line {line}) in the same group; the two table rows could not be told apart",
  },
  CD322: {
    severity: "error",
    vi: "Tiêu chí “{id}” (input: {input}) không chấm theo phương án; xóa “options”",
    en: "Criterion “{id}” (input: {input}) is not scored by options; remove “options”",
  },
  CD323: {
    severity: "error",
    vi: "Tiêu chí “{id}” (input: {input}) cần trường “{field}”",
    en: "Criterion “{id}” (input: {input}) needs a “{field}” field",
  },
  CD324: {
    severity: "error",
    vi: "Trường “{field}” không dùng cho tiêu chí “{id}” (input: {input})",
    en: "The field “{field}” does not apply to criterion “{id}” (input: {input})",
  },
  CD325: {
    severity: "error",
    vi: "Điểm khi không áp dụng ({score}) nằm ngoài khoảng điểm [{min}; {max}] của “{id}”",
    en: "The not-applicable score {score} is outside the range [{min}; {max}] of “{id}”",
  },
  CD326: {
    severity: "error",
    vi: "Tổng điểm tối đa của các mục điểm thưởng ({sum}) khác “bonus_max” ({max})",
    en: "The bonus items' maxima add up to {sum}, not “bonus_max” ({max})",
  },
  CD327: {
    severity: "error",
    vi: "Bước điểm {step} của tiêu chí “{id}” phải dương, và điểm sàn {min}, điểm tối đa {max} phải là bội số của bước",
    en: "The step {step} of criterion “{id}” must be positive, with the floor {min} and the maximum {max} multiples of it",
  },
} satisfies Record<string, CatalogEntry>;
