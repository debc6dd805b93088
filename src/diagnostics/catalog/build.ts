import type { CatalogEntry } from "./types.js";

/**
 * CD8xx: building the documents. CD801–CD829 are the fonts and the PDF layout: a configured font
 * that cannot be used or lacks letters (positioned at its setting in chamdiem.yaml), and what the
 * layout had to do that the user should know (positioned at the paragraph's source when the document
 * model has it, else at the top of the assessment file, with the document's name). CD850–CD859 are
 * electronic documents: their settings in chamdiem.yaml (CD850–CD854), the signature and seal images
 * (CD855–CD859, positioned at their setting).
 * CD860–CD869: the outputs already written (src/cli/commands/build.ts): a PDF signed after the build.
 */
export const BUILD_CODES = {
  CD801: {
    severity: "error",
    vi: "Phông chữ “{setting}” ({file}) không dùng được: {reason}; chưa lập văn bản nào",
    en: "The font “{setting}” ({file}) cannot be used: {reason}; nothing was built",
  },
  CD802: {
    severity: "warning",
    vi: "Phông chữ “{setting}” ({file}) không dùng được: {reason}; bản .docx được đo chữ bằng phông Tinos (cùng số đo với Times New Roman); cần sửa trước khi lập PDF",
    en: "The font “{setting}” ({file}) cannot be used: {reason}; the .docx is measured with Tinos (the metrics of Times New Roman); fix it before writing PDFs",
  },
  CD803: {
    severity: "warning",
    vi: "Phông chữ “{setting}” ({file}) thiếu {count} ký tự mà văn bản cần: {chars}; trong PDF các chữ này in thành ô trống",
    en: "The font “{setting}” ({file}) lacks {count} characters the documents need: {chars}; they print as blank boxes in the PDF",
  },
  CD804: {
    severity: "warning",
    vi: "Bản PDF “{document}” có {count} ký tự mà phông {face} không có: {chars}; các chữ này in thành ô trống",
    en: "The PDF “{document}” has {count} characters the font {face} lacks: {chars}; they print as blank boxes",
  },
  CD805: {
    severity: "warning",
    vi: "Bản PDF “{document}”: có dòng hẹp hơn một ký tự (ví dụ danh sách lồng quá sâu trong ô bảng), chữ in tràn ra ngoài ({count} đoạn)",
    en: "The PDF “{document}”: a line is narrower than one character (e.g. a list nested too deep in a table cell); the text runs past its edge ({count} paragraphs)",
  },
  CD806: {
    severity: "warning",
    vi: "Bản PDF “{document}”, trang {page}: một phần nội dung cao hơn cả trang và không ngắt được, nên in tràn xuống dưới lề trang",
    en: "The PDF “{document}”, page {page}: some content is taller than a page and cannot be split, so it runs past the bottom margin",
  },
  CD807: {
    severity: "warning",
    vi: "Bản PDF “{document}”: hàng {row} của một bảng có nhiều ô hơn số cột; các ô thừa không được in",
    en: "The PDF “{document}”: row {row} of a table has more cells than columns; the extra cells are not printed",
  },
  CD808: {
    severity: "warning",
    vi: "Bản PDF “{document}”: các ô gộp dọc cao hơn một trang được in thành các ô riêng",
    en: "The PDF “{document}”: vertically merged cells taller than a page are printed unmerged",
  },
  CD809: {
    severity: "error",
    vi: "Phông chữ “{setting}” ({file}) bị hỏng ({detail}); không lập được bản PDF “{document}”",
    en: "The font “{setting}” ({file}) is damaged ({detail}); the PDF “{document}” was not written",
  },
  CD850: {
    severity: "error",
    vi: "Thiết lập “{setting}” trong chamdiem.yaml có giá trị “{value}” không hợp lệ; chỉ được là {allowed}; chưa lập văn bản nào",
    en: "The setting “{setting}” in chamdiem.yaml has the invalid value “{value}”; it must be {allowed}; nothing was built",
  },
  CD855: {
    severity: "error",
    vi: "Ảnh chữ ký “{file}” không dùng được ({reason}); cần một tệp PNG (nền trong suốt); chưa lập bản PDF “{document}”",
    en: "The signature image “{file}” cannot be used ({reason}); a PNG file (transparent background) is needed; the PDF “{document}” was not written",
  },
  CD856: {
    severity: "error",
    vi: "Ảnh con dấu “{file}” không dùng được ({reason}); cần một tệp PNG (nền trong suốt); chưa lập bản PDF “{document}”",
    en: "The seal image “{file}” cannot be used ({reason}); a PNG file (transparent background) is needed; the PDF “{document}” was not written",
  },
  CD860: {
    severity: "error",
    vi: "Tệp {path} đã được ký số sau khi lập: chamdiem không ghi đè văn bản đã ký, nên chưa lập lại văn bản của {assessment}. Muốn lập lại, chuyển tệp đã ký sang nơi lưu trữ khác rồi chạy lại",
    en: "{path} was signed after it was built: chamdiem never overwrites a signed document, so the documents of {assessment} were not built again. To build them again, move the signed file to where it is kept and run again",
  },
} satisfies Record<string, CatalogEntry>;
