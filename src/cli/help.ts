/**
 * The help of each command (`chamdiem help build`, `chamdiem build --help`): what it does and every
 * flag it reads, in Vietnamese and English. The general page is `help` in messages.ts.
 */
import type { Lang } from "../diagnostics/diagnostic.js";

interface Flag {
  /** As typed, with its value: "--out THƯ_MỤC" / "--out DIR". */
  vi: string;
  en: string;
  viText: string;
  enText: string;
}

const f = (vi: string, en: string, viText: string, enText: string): Flag => ({ vi, en, viText, enText });

const LANG = f("--lang vi|en", "--lang vi|en", "Ngôn ngữ thông báo (mặc định: vi)", "Message language (default: vi)");
const QUIET = f("--quiet", "--quiet", "Chỉ in lỗi và cảnh báo", "Print only errors and warnings");
const RUBRICS = f("--rubrics THƯ_MỤC", "--rubrics DIR", "Thư mục chứa bộ tiêu chí (mặc định: content/rubrics)", "Folder of rubrics (default: content/rubrics)");
const JOBS = f("--jobs N", "--jobs N", "Số luồng xử lý song song (mặc định: số lõi CPU)", "Number of parallel worker threads (default: the CPU cores)");
const format = (values: string) => f(`--format ${values}`, `--format ${values}`, "Dạng kết quả (mặc định: text)", "Output format (default: text)");

interface CommandHelp {
  usage: { vi: string; en: string };
  about: { vi: string; en: string };
  flags: Flag[];
}

const COMMANDS: Record<string, CommandHelp> = {
  check: {
    usage: { vi: "chamdiem check [đường dẫn…]", en: "chamdiem check [paths…]" },
    about: {
      vi: "Kiểm tra bộ tiêu chí, bản tự chấm và bản thẩm định; in tổng điểm và xếp loại. Không ghi tệp nào.",
      en: "Check rubrics, assessments and appraisals; print totals and classes. Writes no file.",
    },
    flags: [format("text|json|github"), RUBRICS, JOBS, QUIET, LANG],
  },
  build: {
    usage: { vi: "chamdiem build [đường dẫn…]", en: "chamdiem build [paths…]" },
    about: {
      vi: "Kiểm tra rồi lập Báo cáo và Biểu chấm điểm (.docx, PDF) của mỗi bản tự chấm không có lỗi vào output/<năm>/<đơn vị>/; đơn vị có hồ sơ kiểm chứng (content/evidence/<năm>/<đơn vị>/) còn có danh mục hồ sơ kiểm chứng, tập hồ sơ kiểm chứng (một tệp PDF có dấu trang) và bảng kê mã băm. Chỉ lập lại văn bản có đầu vào thay đổi.",
      en: "Check, then write the report and score table (.docx, PDF) of every assessment without errors into output/<year>/<unit>/; a unit with evidence (content/evidence/<year>/<unit>/) also gets its evidence index, its evidence pack (one bookmarked PDF) and a manifest of hashes. Only documents whose inputs changed are rebuilt.",
    },
    flags: [
      f(
        "--out THƯ_MỤC",
        "--out DIR",
        "Thư mục kết quả (mặc định: output; không được nằm trong content/)",
        "Output folder (default: output; never inside content/)",
      ),
      f("--force", "--force", "Lập lại mọi văn bản, kể cả khi đầu vào không đổi", "Rebuild everything, even when inputs are unchanged"),
      f("--no-pdf", "--no-pdf", "Chỉ lập tệp .docx", "Write the .docx files only"),
      f("--no-docx", "--no-docx", "Chỉ lập tệp PDF", "Write the PDF files only"),
      f(
        "--mode paper|electronic",
        "--mode paper|electronic",
        "Văn bản giấy (mặc định) hoặc văn bản điện tử theo Nghị định 30/2020: để trống số và ngày cho hệ thống quản lý văn bản điền, đánh dấu các ô ký số; thay cho “mode” trong chamdiem.yaml",
        "Paper documents (default) or electronic ones per Decree 30/2020: the number and date left blank for the document system, the signing slots marked; overrides “mode” in chamdiem.yaml",
      ),
      format("text|json|github"),
      RUBRICS,
      JOBS,
      QUIET,
      LANG,
    ],
  },
  schema: {
    usage: { vi: "chamdiem schema [--check]", en: "chamdiem schema [--check]" },
    about: {
      vi: "Sinh lại JSON Schema của bản tự chấm và bản thẩm định từ mỗi bộ tiêu chí (schema/generated/), để trình soạn thảo gợi ý và kiểm tra.",
      en: "Regenerate the assessment and appraisal JSON Schemas from every rubric (schema/generated/), for editor completion and checks.",
    },
    flags: [
      f("--check", "--check", "Không ghi; báo lỗi nếu lược đồ đã cũ (dùng trong CI)", "Write nothing; fail if a schema is stale (for CI)"),
      RUBRICS,
      LANG,
    ],
  },
  diff: {
    usage: { vi: "chamdiem diff [PB [PB2]] [đường dẫn…]", en: "chamdiem diff [REV [REV2]] [paths…]" },
    about: {
      vi: "So sánh điểm, phương án và giải trình giữa hai phiên bản git (mặc định: HEAD và thư mục làm việc).",
      en: "Compare scores, options and justifications between two git revisions (default: HEAD and the working tree).",
    },
    flags: [format("text|markdown|json|csv"), RUBRICS, LANG],
  },
  show: {
    usage: { vi: "chamdiem show [--plain] TỆP", en: "chamdiem show [--plain] FILE" },
    about: {
      vi: "In bản tự chấm, bản thẩm định hoặc bộ tiêu chí thành các dòng ổn định (dùng làm textconv của git).",
      en: "Print an assessment, appraisal or rubric as stable lines (for git textconv).",
    },
    flags: [
      f(
        "--plain",
        "--plain",
        "Dạng dòng ổn định cho git; không bao giờ thất bại (tệp không đọc được được in nguyên văn)",
        "Stable lines for git; never fails (a file it cannot read is printed as it is)",
      ),
      format("text|json"),
      RUBRICS,
      LANG,
    ],
  },
  summary: {
    usage: { vi: "chamdiem summary [đường dẫn…]", en: "chamdiem summary [paths…]" },
    about: {
      vi: "Tổng hợp, xếp hạng các đơn vị theo bộ tiêu chí và năm; lập Biểu tổng hợp nếu có --write.",
      en: "Consolidate and rank the units per rubric and year; write the Biểu tổng hợp with --write.",
    },
    flags: [
      f("--rubric MÃ", "--rubric ID", "Chỉ tổng hợp theo bộ tiêu chí này", "Only this rubric"),
      f("--year NĂM", "--year YYYY", "Chỉ tổng hợp năm này", "Only this year"),
      f("--write docx,pdf,xlsx", "--write docx,pdf,xlsx", "Lập Biểu tổng hợp ở các dạng này", "Write the Biểu tổng hợp in these formats"),
      f("--out THƯ_MỤC", "--out DIR", "Thư mục kết quả (mặc định: output)", "Output folder (default: output)"),
      f(
        "--agency “TÊN”",
        "--agency “NAME”",
        "Cơ quan tổng hợp (mặc định: lấy từ các tệp thẩm định)",
        "Consolidating agency (default: from the appraisal files)",
      ),
      f("--superior “TÊN”", "--superior “NAME”", "Cơ quan chủ quản của cơ quan tổng hợp", "Superior agency of the consolidating agency"),
      format("text|markdown|json|csv"),
      RUBRICS,
      JOBS,
      LANG,
    ],
  },
  init: {
    usage: { vi: "chamdiem init --rubric MÃ --unit “TÊN” --year NĂM", en: "chamdiem init --rubric ID --unit “NAME” --year YYYY" },
    about: {
      vi: "Tạo bản tự chấm mới để điền (content/assessments/<năm>/<đơn vị>.yaml); không bao giờ ghi đè.",
      en: "Create a new assessment to fill in (content/assessments/<year>/<unit>.yaml); never overwrites.",
    },
    flags: [
      f("--rubric MÃ", "--rubric ID", "Bộ tiêu chí (bắt buộc)", "The rubric (required)"),
      f("--unit “TÊN”", "--unit “NAME”", "Tên đơn vị (bắt buộc)", "The unit's name (required)"),
      f("--year NĂM", "--year YYYY", "Năm đánh giá (bắt buộc)", "The year assessed (required)"),
      f("--from TỆP", "--from FILE", "Mang sang thông tin và giải trình của bản năm trước", "Carry over details and justifications of last year's assessment"),
      f("--out TỆP", "--out FILE", "Ghi vào tệp này thay vì đường dẫn mặc định", "Write this file instead of the default path"),
      format("text|json"),
      RUBRICS,
      LANG,
    ],
  },
  codes: {
    usage: { vi: "chamdiem codes", en: "chamdiem codes" },
    about: {
      vi: "In danh mục mã thông báo (CDnnn), mức độ và nội dung của từng mã.",
      en: "Print the catalogue of diagnostic codes (CDnnn) with their severity and text.",
    },
    flags: [LANG],
  },
};

export function hasCommandHelp(command: string): boolean {
  return Object.hasOwn(COMMANDS, command);
}

export function commandHelp(command: string, lang: Lang): string {
  const h = COMMANDS[command]!;
  const en = lang === "en";
  const flags = h.flags.map((x) => ({ name: en ? x.en : x.vi, text: en ? x.enText : x.viText }));
  const width = Math.max(...flags.map((x) => x.name.length)) + 2;
  return [
    `${en ? "Usage" : "Cách dùng"}: ${en ? h.usage.en : h.usage.vi}`,
    "",
    en ? h.about.en : h.about.vi,
    "",
    en ? "Options:" : "Tùy chọn:",
    ...flags.map((x) => `  ${x.name.padEnd(width)}${x.text}`),
    "",
    en
      ? "Exit status: 0 = no errors (warnings allowed), 1 = errors, 2 = usage error."
      : "Mã thoát: 0 = không có lỗi (có thể có cảnh báo), 1 = có lỗi, 2 = sai cách dùng.",
  ].join("\n");
}
