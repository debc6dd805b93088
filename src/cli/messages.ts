/** Everything the CLI itself prints, in Vietnamese (default) and English (--lang en). */
import type { Lang } from "../diagnostics/diagnostic.js";

const VI = {
  help: `chamdiem — tự đánh giá, chấm điểm và lập Báo cáo, Biểu chấm điểm theo Nghị định 30/2020/NĐ-CP

Cách dùng:
  chamdiem check [đường dẫn…]     Kiểm tra bộ tiêu chí và bản tự chấm, in tổng điểm
  chamdiem build [đường dẫn…]     Kiểm tra rồi lập Báo cáo và Biểu chấm điểm (.docx, PDF) vào output/
  chamdiem schema [--check]       Sinh lại JSON Schema của bản tự chấm và bản thẩm định (schema/generated/)
  chamdiem diff [PB [PB2]] [đường dẫn…]
                                  So sánh điểm giữa hai phiên bản git (mặc định: HEAD và thư mục làm việc)
  chamdiem show [--plain] TỆP     In bản tự chấm/thẩm định/bộ tiêu chí thành dòng ổn định (textconv của git)
  chamdiem summary [đường dẫn…] [--rubric MÃ] [--year NĂM] [--write docx,pdf,xlsx]
                                  Tổng hợp, xếp hạng các đơn vị; lập Biểu tổng hợp
  chamdiem init --rubric MÃ --unit "TÊN" --year NĂM [--from BẢN_CŨ.yaml]
                                  Tạo bản tự chấm mới để điền
  chamdiem codes                  In danh mục mã thông báo
  chamdiem help [LỆNH]            In hướng dẫn này, hoặc mọi tùy chọn của một lệnh

Tùy chọn chung:
  --lang vi|en                    Ngôn ngữ thông báo (mặc định: vi)
  --format text|json|github|markdown|csv
                                  Dạng kết quả (mặc định: text; tùy lệnh)
  --rubrics THƯ_MỤC               Thư mục chứa bộ tiêu chí (mặc định: content/rubrics)
  --force                         (build) Lập lại mọi văn bản, kể cả khi đầu vào không đổi
  --out THƯ_MỤC                   (build) Thư mục kết quả (mặc định: output)
  --quiet                         Chỉ in lỗi và cảnh báo
  --version                       In phiên bản
  Tùy chọn riêng của mỗi lệnh (--no-pdf, --jobs, --agency…): chamdiem help LỆNH

Mã thoát: 0 = không có lỗi (có thể có cảnh báo), 1 = có lỗi, 2 = sai cách dùng.
Đường dẫn mặc định: content`,
  usage: (what: string) => `Sai cách dùng: ${what}. Xem “chamdiem help”.`,
  unknownCommand: (c: string) => `lệnh không tồn tại “${c}”`,
  unknownOption: (o: string) => `tùy chọn không hợp lệ hoặc thiếu giá trị “${o}”`,
  badValue: (o: string, v: string) => `giá trị “${v}” không hợp lệ cho --${o}`,
  missingPath: (p: string) => `không tìm thấy “${p}”`,
  noFiles: "không tìm thấy tệp YAML nào để kiểm tra",
  summaryHeader: (file: string, unit: string, year: number, rubric: string) => `${file}: ${unit}, năm ${year} (bộ tiêu chí ${rubric})`,
  total: "TỔNG ĐIỂM",
  classification: "Xếp loại",
  noClassification: "bộ tiêu chí không quy định xếp loại",
  appraisedShort: "thẩm định",
  summaryNothing: "không có bản tự chấm nào để tổng hợp (kiểm tra đường dẫn, --rubric và --year)",
  summaryNeedsAgency: "cần --agency “Tên cơ quan tổng hợp” (không có tệp thẩm định nào ghi cơ quan thẩm định)",
  initUsage: 'cần --rubric MÃ --unit "TÊN ĐƠN VỊ" --year NĂM (tùy chọn: --from BẢN_NĂM_TRƯỚC.yaml, --out TỆP)',
  initNoRubric: (id: string, known: string) => `không tìm thấy bộ tiêu chí “${id}” (có: ${known || "không có"})`,
  initBadFrom: (f: string) => `“${f}” không phải bản tự chấm đọc được`,
  initExists: (f: string) => `${f} đã tồn tại; chamdiem init không bao giờ ghi đè (chọn --out khác)`,
  initWritten: (f: string) => `đã tạo ${f}: điền các chỗ “<<…>>” rồi chạy “chamdiem check”`,
  showUsage: "cần đúng một tệp: chamdiem show [--plain] TỆP",
  notGit: (why: string) => `“chamdiem diff” cần một kho git (${why})`,
  badRevision: (rev: string) => `không tìm thấy phiên bản git “${rev}”`,
  appraisedClassification: (file: string, rounds: number) => `Xếp loại theo thẩm định (${file}, ${rounds} lần)`,
  counts: (files: number, e: number, w: number) => `${files} tệp: ${e} lỗi, ${w} cảnh báo`,
  schemaWritten: (f: string) => `đã ghi ${f}`,
  schemaUpToDate: (n: number) => `${n} lược đồ đã cập nhật`,
  schemaStale: (f: string) => `${f} đã cũ so với bộ tiêu chí; chạy “chamdiem schema” rồi commit`,
  internalError: "Lỗi nội bộ của chamdiem (không phải do dữ liệu của bạn). Vui lòng báo lỗi kèm thông tin sau:",
  building: "Đang lập văn bản",
  built: (file: string, total: string, outputs: string[]) => `${file}: ${total} điểm → ${outputs.join(", ")}`,
  refused: (file: string) => `${file}: không lập văn bản vì bản tự chấm còn lỗi (xem các lỗi ở trên)`,
  workerOutOfMemory: (n: number) => `${n} phần việc vượt giới hạn bộ nhớ của luồng phụ nên đã được lập lại ở luồng chính`,
  buildCounts: (built: number, skipped: number, refused: number, e: number, w: number) =>
    `Đã lập ${built} bộ văn bản, bỏ qua ${skipped} bộ không thay đổi, từ chối ${refused} bộ có lỗi; ${e} lỗi, ${w} cảnh báo`,
};

const EN: typeof VI = {
  help: `chamdiem — self-assessment scoring, with the report and score table laid out as Decree 30/2020/NĐ-CP requires

Usage:
  chamdiem check [paths…]         Check rubrics and assessments, print the totals
  chamdiem build [paths…]         Check, then write the report and score table (.docx, PDF) into output/
  chamdiem schema [--check]       Regenerate the assessment and appraisal JSON Schemas (schema/generated/)
  chamdiem diff [REV [REV2]] [paths…]
                                  Compare scores between git revisions (default: HEAD and the working tree)
  chamdiem show [--plain] FILE    Print an assessment/appraisal/rubric as stable lines (git textconv)
  chamdiem summary [paths…] [--rubric ID] [--year YYYY] [--write docx,pdf,xlsx]
                                  Consolidate and rank units; write the Biểu tổng hợp
  chamdiem init --rubric ID --unit "NAME" --year YYYY [--from OLD.yaml]
                                  Create a new assessment to fill in
  chamdiem codes                  Print the catalogue of diagnostic codes
  chamdiem help [COMMAND]         Print this help, or every option of one command

Common options:
  --lang vi|en                    Message language (default: vi)
  --format text|json|github|markdown|csv
                                  Output format (default: text; per command)
  --rubrics DIR                   Folder of rubrics (default: content/rubrics)
  --force                         (build) Rebuild everything, even when inputs are unchanged
  --out DIR                       (build) Output folder (default: output)
  --quiet                         Print only errors and warnings
  --version                       Print the version
  Each command's own options (--no-pdf, --jobs, --agency…): chamdiem help COMMAND

Exit status: 0 = no errors (warnings allowed), 1 = errors, 2 = usage error.
Default path: content`,
  usage: (what) => `Usage error: ${what}. See “chamdiem help”.`,
  unknownCommand: (c) => `unknown command “${c}”`,
  unknownOption: (o) => `unknown option or missing value “${o}”`,
  badValue: (o, v) => `invalid value “${v}” for --${o}`,
  missingPath: (p) => `“${p}” not found`,
  noFiles: "no YAML files found to check",
  summaryHeader: (file, unit, year, rubric) => `${file}: ${unit}, ${year} (rubric ${rubric})`,
  total: "TOTAL",
  classification: "Class",
  noClassification: "the rubric defines no classification",
  appraisedShort: "appraised",
  summaryNothing: "no assessment to consolidate (check the paths, --rubric and --year)",
  summaryNeedsAgency: "--agency “Consolidating agency” is needed (no appraisal file names the appraising agency)",
  initUsage: '--rubric ID --unit "UNIT NAME" --year YYYY are needed (optional: --from LAST_YEAR.yaml, --out FILE)',
  initNoRubric: (id, known) => `rubric “${id}” not found (known: ${known || "none"})`,
  initBadFrom: (f) => `“${f}” is not a readable assessment`,
  initExists: (f) => `${f} already exists; chamdiem init never overwrites (choose another --out)`,
  initWritten: (f) => `created ${f}: fill in the “<<…>>” places, then run “chamdiem check”`,
  showUsage: "exactly one file is needed: chamdiem show [--plain] FILE",
  notGit: (why) => `“chamdiem diff” needs a git repository (${why})`,
  badRevision: (rev) => `unknown git revision “${rev}”`,
  appraisedClassification: (file, rounds) => `Appraised class (${file}, ${rounds} round(s))`,
  counts: (files, e, w) => `${files} file(s): ${e} error(s), ${w} warning(s)`,
  schemaWritten: (f) => `wrote ${f}`,
  schemaUpToDate: (n) => `${n} schema(s) up to date`,
  schemaStale: (f) => `${f} is stale; run “chamdiem schema” and commit`,
  internalError: "Internal error in chamdiem (not caused by your data). Please report it with this:",
  building: "Building documents",
  built: (file, total, outputs) => `${file}: ${total} points → ${outputs.join(", ")}`,
  refused: (file) => `${file}: not built because the assessment has errors (see above)`,
  workerOutOfMemory: (n) => `${n} task(s) exceeded a worker thread's memory limit and were built again on the main thread`,
  buildCounts: (built, skipped, refused, e, w) =>
    `Built ${built} document set(s), skipped ${skipped} unchanged, refused ${refused} with errors; ${e} error(s), ${w} warning(s)`,
};

export type Messages = typeof VI;

export function messages(lang: Lang): Messages {
  return lang === "en" ? EN : VI;
}
