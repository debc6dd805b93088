/**
 * CD750–CD759: evidence files (hồ sơ kiểm chứng) tied to the documents the justifications cite
 * (src/check/evidence-match.ts, docs/evidence.md).
 */
import type { CatalogEntry } from "./types.js";

export const EVIDENCE_CODES = {
  CD750: {
    severity: "warning",
    vi: "Chưa có tệp hồ sơ kiểm chứng của văn bản {ref}: đặt tệp “{name}.pdf” (hoặc .jpg, .png) vào thư mục {folder}",
    en: "No evidence file for document {ref}: put “{name}.pdf” (or .jpg, .png) in {folder}",
  },
  CD751: {
    severity: "warning",
    vi: "Tệp hồ sơ kiểm chứng “{file}” mang số, ký hiệu văn bản {ref} nhưng không phần giải trình nào dẫn văn bản này",
    en: "The evidence file “{file}” is named for document {ref}, which no justification cites",
  },
  CD752: {
    severity: "warning",
    vi: "Tệp hồ sơ kiểm chứng “{file}” không đặt tên theo số, ký hiệu văn bản (ví dụ “159_QĐ-UBND.pdf”) nên chưa gắn với tiêu chí nào",
    en: "The evidence file “{file}” is not named after a document number and symbol (e.g. “159_QĐ-UBND.pdf”), so no criterion uses it",
  },
  CD753: {
    severity: "error",
    vi: "Văn bản {ref} có nhiều tệp hồ sơ kiểm chứng: {files}; chỉ giữ một tệp (nhiều trang thì gộp vào một tệp PDF)",
    en: "Document {ref} has more than one evidence file: {files}; keep one (put several pages into one PDF)",
  },
  CD754: {
    severity: "warning",
    vi: "Chưa có thư mục hồ sơ kiểm chứng {folder}: {count} văn bản được trích dẫn chưa có tệp; văn bản vẫn được lập nhưng chưa có danh mục và tập hồ sơ kiểm chứng",
    en: "No evidence folder {folder}: {count} cited documents have no file; the documents are built, without the evidence index and pack",
  },
  CD755: {
    severity: "error",
    vi: "Không có tệp “{file}” trong thư mục hồ sơ kiểm chứng {folder}",
    en: "There is no file “{file}” in the evidence folder {folder}",
  },
  CD756: {
    severity: "error",
    vi: "Tiêu chí này bắt buộc có hồ sơ kiểm chứng nhưng văn bản {ref} chưa có tệp: đặt tệp “{name}.pdf” (hoặc .jpg, .png) vào thư mục {folder}",
    en: "This criterion requires evidence but document {ref} has no file: put “{name}.pdf” (or .jpg, .png) in {folder}",
  },
  CD757: {
    severity: "error",
    vi: "Tiêu chí {id} bắt buộc có hồ sơ kiểm chứng: điểm khác 0 cần tệp kiểm chứng (trích dẫn văn bản hoặc khai báo “evidence:”) hoặc giải trình lý do",
    en: "Criterion {id} requires evidence: a non-zero score needs an evidence file (a cited document or an “evidence:” list) or a justification saying why",
  },
} satisfies Record<string, CatalogEntry>;
