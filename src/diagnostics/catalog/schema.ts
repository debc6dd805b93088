import type { CatalogEntry } from "./types.js";

/** Messages built from ajv's keyword + params, never from ajv's English text. */
export const SCHEMA_CODES = {
  CD201: { severity: "error", vi: "Thiếu trường bắt buộc “{field}”", en: "Missing required field “{field}”" },
  CD202: { severity: "error", vi: "Trường không hợp lệ “{field}”{hint}", en: "Unknown field “{field}”{hint}" },
  CD203: { severity: "error", vi: "Sai kiểu dữ liệu: cần {expected}", en: "Wrong type: expected {expected}" },
  CD204: {
    severity: "error",
    vi: "Giá trị “{value}” không thuộc các giá trị cho phép: {allowed}",
    en: "Value “{value}” is not one of: {allowed}",
  },
  CD205: { severity: "error", vi: "Giá trị phải {op} {limit}", en: "The value must be {op} {limit}" },
  CD206: { severity: "error", vi: "Giá trị không đúng định dạng: {detail}", en: "Badly formed value: {detail}" },
  CD207: { severity: "error", vi: "Danh sách phải có ít nhất {limit} phần tử", en: "The list needs at least {limit} items" },
  CD208: { severity: "error", vi: "Không khớp lược đồ: {detail}", en: "Does not match the schema: {detail}" },
  CD209: { severity: "error", vi: "Chuỗi không được để trống", en: "The text must not be empty" },
  CD210: {
    severity: "error",
    vi: "Trường “{field}” để trống: ghi giá trị sau dấu hai chấm, hoặc xóa cả dòng",
    en: "“{field}” is empty: write its value after the colon, or delete the line",
  },
} satisfies Record<string, CatalogEntry>;
