import type { CatalogEntry } from "./types.js";

export const MARKDOWN_CODES = {
  CD501: {
    severity: "error",
    vi: "Thẻ HTML <{tag}> không được phép; chỉ dùng: i, b, em, strong, u, sub, sup, br",
    en: "HTML tag <{tag}> is not allowed; only i, b, em, strong, u, sub, sup, br",
  },
  CD502: {
    severity: "error",
    vi: "Thẻ HTML <{tag}> chưa được đóng",
    en: "HTML tag <{tag}> is not closed",
  },
  CD503: {
    severity: "error",
    vi: "Thẻ đóng </{tag}> không có thẻ mở tương ứng",
    en: "Closing tag </{tag}> has no opening tag",
  },
  CD504: {
    severity: "error",
    vi: "Văn bản dẫn chiếu ngày {date} sau ngày báo cáo {report}",
    en: "A cited document is dated {date}, after the report date {report}",
  },
  CD505: {
    severity: "warning",
    vi: "Văn bản số {ref} được dẫn với ngày khác nhau: {dates}",
    en: "Document {ref} is cited with different dates: {dates}",
  },
  CD506: {
    severity: "warning",
    vi: "Văn bản số {number}/{type} được dẫn với cơ quan ban hành khác nhau: {symbols}",
    en: "Document {number}/{type} is cited with different issuer codes: {symbols}",
  },
  CD507: {
    severity: "warning",
    vi: "Tên loại “{word}” không khớp mã loại “{code}” trong ký hiệu {ref} (mã của “{word}” là {expected})",
    en: "The type word “{word}” does not match the type code “{code}” in {ref} (“{word}” is {expected})",
  },
  CD508: {
    severity: "warning",
    vi: "Ký hiệu {ref} thiếu phần viết tắt tên cơ quan ban hành (ví dụ: {type}-VP)",
    en: "The symbol {ref} lacks the issuing agency's abbreviation (e.g. {type}-VP)",
  },
  CD509: {
    severity: "warning",
    vi: "Từ “{word}” bị lặp: “{text}”",
    en: "The word “{word}” is repeated: “{text}”",
  },
  CD510: {
    severity: "error",
    vi: "Ngày dẫn chiếu “{value}” không tồn tại",
    en: "The cited date “{value}” does not exist",
  },
  CD511: {
    severity: "warning",
    vi: "Công văn không có mã loại văn bản; “{code}” trong {ref} là mã của “{expected}”",
    en: "A công văn has no type code; “{code}” in {ref} is the code of “{expected}”",
  },
  CD512: {
    severity: "warning",
    vi: "Đoạn văn kết thúc bằng dấu phẩy",
    en: "The paragraph ends with a comma",
  },
  CD513: {
    severity: "warning",
    vi: "Thừa khoảng trắng trước dấu “{mark}”",
    en: "Extra space before “{mark}”",
  },
  CD514: {
    severity: "error",
    vi: "Đoạn văn có quá nhiều dấu định dạng *, _ hoặc ~ ({count}; tối đa {limit}); nếu là ký tự thường, hãy viết \\* hoặc bỏ bớt",
    en: "Too many *, _ or ~ formatting marks ({count}; at most {limit}); write \\* for a literal one, or use fewer",
  },
  CD515: {
    severity: "error",
    vi: "Trích dẫn (>) hoặc danh sách lồng nhau quá sâu (hơn {limit} cấp)",
    en: "Quotes (>) or lists nested too deeply (more than {limit} levels)",
  },
} satisfies Record<string, CatalogEntry>;
