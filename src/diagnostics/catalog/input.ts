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
} satisfies Record<string, CatalogEntry>;
