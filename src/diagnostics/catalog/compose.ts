import type { CatalogEntry } from "./types.js";

/**
 * CD6xx: composing the documents (src/compose). Markdown that cannot be rendered as written is never
 * dropped silently: it is printed as plain text (or, for a comment, left out) with one of these.
 */
export const COMPOSE_CODES = {
  CD601: {
    severity: "error",
    vi: "Biến “{{{name}}}” không tồn tại; chỉ dùng: {known}",
    en: "Unknown placeholder “{{{name}}}”; use one of: {known}",
  },
  CD602: {
    severity: "error",
    vi: "Biến “{{{name}}}” không có giá trị: {reason}",
    en: "Placeholder “{{{name}}}” has no value: {reason}",
  },
  CD603: {
    severity: "warning",
    vi: "Văn bản không chứa được hình ảnh; chỉ in phần chú thích “{alt}”",
    en: "Images cannot be placed in the document; only the alt text “{alt}” is printed",
  },
  CD604: {
    severity: "warning",
    vi: "Đoạn mã được in như chữ thường (phông Times New Roman)",
    en: "Code is printed as ordinary text (Times New Roman)",
  },
  CD605: {
    severity: "warning",
    vi: "Chữ gạch ngang (~~…~~) không được dùng trong văn bản hành chính; in như chữ thường",
    en: "Strikethrough (~~…~~) is not used in official documents; printed as ordinary text",
  },
  CD606: {
    severity: "warning",
    vi: "Mã HTML “{html}” được in nguyên văn",
    en: "The HTML “{html}” is printed literally",
  },
  CD607: {
    severity: "info",
    vi: "Chú thích HTML (<!-- … -->) không được in",
    en: "An HTML comment (<!-- … -->) is not printed",
  },
  CD608: {
    severity: "warning",
    vi: "Thành phần Markdown “{type}” không được hỗ trợ; in phần chữ của nó như chữ thường",
    en: "Markdown element “{type}” is not supported; its text is printed as ordinary text",
  },
  CD609: {
    severity: "info",
    vi: "Có “Kính gửi”, nên mục đầu tiên của “Nơi nhận” là “Như trên” (đã tự thêm)",
    en: "With a “Kính gửi” part, the first “Nơi nhận” item is “Như trên” (added)",
  },
  CD610: {
    severity: "info",
    vi: "Định nghĩa liên kết “{label}” không được dùng nên không được in",
    en: "Link definition “{label}” is never used, so it is not printed",
  },
} satisfies Record<string, CatalogEntry>;
