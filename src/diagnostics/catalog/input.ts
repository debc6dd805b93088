import type { CatalogEntry } from "./types.js";

export const INPUT_CODES = {
  CD101: { severity: "error", vi: "Không đọc được tệp: {reason}", en: "Cannot read the file: {reason}" },
  CD102: { severity: "error", vi: "Tệp rỗng", en: "The file is empty" },
  CD103: {
    severity: "error",
    vi: "Tệp quá lớn ({size} byte; tối đa {limit} byte)",
    en: "The file is too large ({size} bytes; at most {limit} bytes)",
  },
  CD104: {
    severity: "error",
    vi: "Tệp không phải văn bản UTF-8 (có byte nhị phân hoặc mã hóa sai)",
    en: "The file is not UTF-8 text (binary bytes or a wrong encoding)",
  },
  CD105: { severity: "error", vi: "Lỗi cú pháp YAML: {detail}", en: "YAML syntax error: {detail}" },
  CD106: { severity: "error", vi: "Khóa bị lặp lại: “{key}”", en: "Duplicate key: “{key}”" },
  CD107: {
    severity: "error",
    vi: "Dùng quá nhiều bí danh YAML (alias); có thể là tệp độc hại",
    en: "Too many YAML aliases; the file may be malicious",
  },
  CD108: {
    severity: "error",
    vi: "Khóa “{key}” không được phép (dành riêng cho JavaScript)",
    en: "The key “{key}” is not allowed (reserved by JavaScript)",
  },
  CD109: {
    severity: "error",
    vi: "Tệp chứa nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ được có một",
    en: "The file holds several YAML documents (---); one per file",
  },
  CD110: {
    severity: "error",
    vi: "Bí danh YAML tự tham chiếu (vòng lặp)",
    en: "A YAML alias refers to itself (a cycle)",
  },
  CD111: {
    severity: "info",
    vi: "Văn bản đã được chuẩn hóa sang Unicode NFC (tệp có ký tự tổ hợp NFD)",
    en: "Text was normalised to Unicode NFC (the file has NFD combining characters)",
  },
  CD112: {
    severity: "error",
    vi: "Không tìm thấy đường dẫn: {path}",
    en: "Path not found: {path}",
  },
  CD113: {
    severity: "error",
    vi: "Không nhận ra loại tệp (cần có khóa “id” và “items” cho bộ tiêu chí, hoặc “rubric” cho bản tự chấm)",
    en: "Unknown kind of file (a rubric needs “id” and “items”; an assessment needs “rubric”)",
  },
  CD114: {
    severity: "warning",
    vi: "Tệp dùng ký tự tab; YAML không cho phép tab để thụt lề",
    en: "The file uses tab characters; YAML does not allow tabs for indentation",
  },
  CD115: {
    severity: "error",
    vi: "Tệp không phải UTF-8: byte {byte} ở đây không hợp lệ trong UTF-8; có lẽ tệp được lưu bằng mã {encoding}. Cách chuyển sang UTF-8: {fix}",
    en: "The file is not UTF-8: byte {byte} here is not valid UTF-8; the file is probably in {encoding}. To convert it to UTF-8: {fix}",
  },
  CD116: {
    severity: "error",
    vi: "Tệp được lưu bằng mã {encoding}; chamdiem chỉ đọc UTF-8. Cách chuyển sang UTF-8: {fix}",
    en: "The file is saved in {encoding}; chamdiem reads UTF-8 only. To convert it to UTF-8: {fix}",
  },
  CD117: {
    severity: "error",
    vi: "Chữ bị hỏng mã: “{text}” có lẽ là “{meant}” (văn bản UTF-8 đã bị đọc nhầm bằng mã Windows-1252 rồi lưu lại); cách sửa: {fix}",
    en: "Garbled text: “{text}” is probably “{meant}” (UTF-8 text was read as Windows-1252 and saved again); to repair it: {fix}",
  },
  CD118: {
    severity: "error",
    vi: "Ký tự {char} ({name}) không được phép trong văn bản{more}; hãy xóa ký tự này",
    en: "The character {char} ({name}) is not allowed in the text{more}; delete it",
  },
  CD119: {
    severity: "warning",
    vi: "Ký tự {char} ({name}) đã được {action}{more}",
    en: "The character {char} ({name}) was {action}{more}",
  },
  CD120: {
    severity: "warning",
    vi: "Ký tự CR (U+000D) đứng riêng, kiểu xuống dòng của máy Mac cũ{more}, được đọc là xuống dòng như trình soạn thảo hiển thị; nên lưu lại tệp với xuống dòng LF hoặc CRLF",
    en: "A lone CR (U+000D), the line end of old Macs{more}, is read as a line end, as editors show it; save the file with LF or CRLF line ends",
  },
  CD121: {
    severity: "error",
    vi: 'Số “{text}” không viết ở dạng thập phân; chỉ dùng chữ số với dấu chấm thập phân, ví dụ 80 hoặc 95.5, hoặc chuỗi có dấu phẩy như "95,5" (không dùng hệ 16, hệ 8, số mũ, .inf, .nan)',
    en: 'The number “{text}” is not written in decimal; use digits with a decimal point, e.g. 80 or 95.5, or a string with a comma such as "95,5" (no hexadecimal, octal, exponents, .inf or .nan)',
  },
  CD122: {
    severity: "error",
    vi: "Số “{text}” có quá nhiều chữ số (tối đa {limit} chữ số) nên không được đọc chính xác",
    en: "The number “{text}” has too many digits (at most {limit}) to be read exactly",
  },
  // CD130–CD149: files.ts. CD150 onwards: YAML keys and syntax, after them.
  CD150: {
    severity: "error",
    vi: 'Khóa {key} không có dấu nháy nên YAML đọc thành {read}{clash}; hãy viết "{key}" (trong dấu nháy kép)',
    en: 'The key {key} has no quotes, so YAML reads it as {read}{clash}; write "{key}" (in double quotes)',
  },
} satisfies Record<string, CatalogEntry>;
