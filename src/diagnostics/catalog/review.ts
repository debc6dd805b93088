/**
 * CD7xx: appraisal (thẩm định) files, the review workflow and new-assessment scaffolding (`init`).
 * Scoring slips inside an appraisal entry (unknown option, value out of range, wrong answer kind) reuse
 * the assessment codes CD404–CD407/CD410/CD413, whose messages do not depend on who scored.
 */
import type { CatalogEntry } from "./types.js";

export const REVIEW_CODES = {
  CD701: {
    severity: "error",
    vi: "Không tìm thấy bản tự chấm “{file}” mà tệp thẩm định này tham chiếu (khóa “assessment”)",
    en: "The assessment “{file}” named by this appraisal (key “assessment”) was not found",
  },
  CD702: {
    severity: "error",
    vi: "Tệp thẩm định dùng bộ tiêu chí “{rubric}” nhưng bản tự chấm dùng “{expected}”",
    en: "The appraisal uses rubric “{rubric}” but the assessment uses “{expected}”",
  },
  CD703: {
    severity: "error",
    vi: "Tiêu chí “{id}” không có trong bộ tiêu chí {rubric}",
    en: "Criterion “{id}” is not in rubric {rubric}",
  },
  CD704: {
    severity: "error",
    vi: "“{id}” là nhóm tiêu chí: điểm thẩm định của nhóm được tính tự động, chỉ ghi ý kiến (opinion)",
    en: "“{id}” is a group: its appraised score is computed; only an opinion may be given",
  },
  CD705: {
    severity: "error",
    vi: "Điểm thẩm định {score} không đạt được theo cách chấm của tiêu chí {id} (điểm có thể có: {allowed})",
    en: "The appraised score {score} cannot result from the scoring rules of criterion {id} (possible: {allowed})",
  },
  CD706: {
    severity: "error",
    vi: "Điểm thẩm định {score} nằm ngoài khoảng [{min}; {max}] của tiêu chí {id}",
    en: "The appraised score {score} is outside [{min}; {max}] for criterion {id}",
  },
  CD707: {
    severity: "error",
    vi: "Điểm thẩm định {declared} khác điểm tính theo phương án/giá trị đã ghi {computed}",
    en: "The appraised score {declared} differs from the score of the given option/value {computed}",
  },
  CD708: {
    severity: "error",
    vi: "Lần thẩm định số {round} không đúng thứ tự (cần lần {expected})",
    en: "Appraisal round {round} is out of order (expected round {expected})",
  },
  CD709: {
    severity: "error",
    vi: "Ngày {what} ({date}) sớm hơn ngày {before} ({prior})",
    en: "The date of {what} ({date}) is earlier than the date of {before} ({prior})",
  },
  CD710: {
    severity: "error",
    vi: "Giải trình tiêu chí {id} nhưng lần thẩm định {round} không thẩm định tiêu chí này",
    en: "A response to criterion {id}, which round {round} did not appraise",
  },
  CD711: {
    severity: "error",
    vi: "Mục thẩm định tiêu chí {id} trống: cần điểm (score, option, options hoặc value) hoặc ý kiến (opinion)",
    en: "The appraisal of criterion {id} is empty: give a score (score, option, options or value) or an opinion",
  },
  CD712: {
    severity: "error",
    vi: "Bản tự chấm {file} đã có một tệp thẩm định khác: {other}",
    en: "The assessment {file} already has another appraisal file: {other}",
  },
  CD713: {
    severity: "warning",
    vi: "Tệp thẩm định nên đặt tên “{expected}” cạnh bản tự chấm, để build, diff và summary tự tìm thấy",
    en: "Name the appraisal “{expected}” beside its assessment, so build, diff and summary find it",
  },
  CD714: {
    severity: "info",
    vi: "Tiêu chí {id}: điểm thẩm định {appraised} khác điểm tự chấm {self} ({delta})",
    en: "Criterion {id}: appraised {appraised}, self-assessed {self} ({delta})",
  },
  CD715: {
    severity: "info",
    vi: "Tổng điểm thẩm định {appraised} khác tổng điểm tự chấm {self} ({delta}); xếp loại theo thẩm định: {classification}",
    en: "Appraised total {appraised} differs from the self-assessed total {self} ({delta}); appraised class: {classification}",
  },
  CD716: {
    severity: "warning",
    vi: "Tiêu chí {id}: điểm thẩm định khác điểm tự chấm nhưng không có ý kiến thẩm định giải thích",
    en: "Criterion {id}: the appraised score differs from the self-assessed one but no opinion explains it",
  },
  CD717: {
    severity: "error",
    vi: "Ngày thẩm định {date} sớm hơn ngày của báo cáo tự chấm {report}",
    en: "The appraisal date {date} is earlier than the self-assessment report's date {report}",
  },
  CD718: {
    severity: "error",
    vi: "Tiêu chí {id} chưa chấm: thay “{text}” bằng {what}",
    en: "Criterion {id} is not scored yet: replace “{text}” with {what}",
  },
  CD719: {
    severity: "error",
    vi: "Còn chỗ để trống cần điền: “{text}”",
    en: "A placeholder still needs filling in: “{text}”",
  },
  CD720: {
    severity: "warning",
    vi: "Nội dung chép từ bản năm {year}, chưa rà soát: kiểm tra lại rồi xóa dòng “# XEM LẠI” này",
    en: "Carried over from {year} and not reviewed yet: check it, then delete this “# XEM LẠI” line",
  },
  // CD730–CD749: survey score files (src/check/survey.ts).
  CD730: {
    severity: "error",
    vi: "Bộ tiêu chí {rubric} không có tiêu chí “{id}”",
    en: "Rubric {rubric} has no criterion “{id}”",
  },
  CD731: {
    severity: "error",
    vi: "Tiêu chí {id} không do điều tra xã hội học chấm (bộ tiêu chí không ghi scored_by: survey); các tiêu chí do điều tra chấm: {allowed}",
    en: "Criterion {id} is not scored by the survey (the rubric does not say scored_by: survey); the survey's criteria: {allowed}",
  },
  CD732: {
    severity: "error",
    vi: "Điểm điều tra {score} của tiêu chí {id} nằm ngoài khoảng [{min}; {max}]",
    en: "Survey score {score} for criterion {id} is outside [{min}; {max}]",
  },
  CD733: {
    severity: "error",
    vi: "Dòng trùng: đơn vị {unit}, tiêu chí {id} đã có ở dòng {line}",
    en: "Duplicate row: unit {unit}, criterion {id} is already at line {line}",
  },
  CD734: {
    severity: "error",
    vi: "Không có bản tự chấm của đơn vị “{unit}” trong thư mục này ({folder}); đơn vị ghi theo tên tệp, bỏ .yaml",
    en: "No assessment of unit “{unit}” in this folder ({folder}); a unit is named by its file name without .yaml",
  },
  CD735: {
    severity: "warning",
    vi: "Tệp điều tra {file} chưa có điểm tiêu chí {id} của đơn vị này ({unit}); cột điều tra và điểm đạt được để trống",
    en: "Survey file {file} has no score for criterion {id} of this unit ({unit}); the survey and final columns stay empty",
  },
  CD736: {
    severity: "error",
    vi: "Tiêu chí {id} do {by} chấm, đơn vị không tự chấm; chỉ được ghi “justification”",
    en: "Criterion {id} is scored by {by}, not by the unit; only a “justification” may be given",
  },
  // CD770–CD779: `chamdiem diff` and evidence folders.
  CD770: {
    severity: "warning",
    vi: "Không đọc được tệp hồ sơ kiểm chứng để so sánh ({reason}); tệp được báo là đã thay đổi",
    en: "Cannot read the evidence file to compare it ({reason}); it is reported as changed",
  },
} satisfies Record<string, CatalogEntry>;
