/**
 * CD750–CD759: evidence files (hồ sơ kiểm chứng) tied to the documents the justifications cite
 * (src/check/evidence-match.ts, docs/evidence.md).
 * CD760–CD769: what reading an evidence file finds (src/read/evidence-file.ts, src/check/evidence-files.ts).
 * A file that cannot go into the pack (an LFS pointer, not a PDF, damaged, encrypted, not an image) is a
 * WARNING, as a missing file is (CD750): the documents still build, the pack leaves the file out and the
 * index says so; nothing the unit wrote is wrong, one file must be replaced. A `pages` that cannot be
 * read or names a page the file does not have is an ERROR: the assessment itself says something false.
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
    vi: "Chưa có thư mục hồ sơ kiểm chứng {folder}: {count} văn bản được trích dẫn hoặc khai báo chưa có tệp; văn bản vẫn được lập nhưng chưa có danh mục và tập hồ sơ kiểm chứng",
    en: "No evidence folder {folder}: {count} cited or declared documents have no file; the documents are built, without the evidence index and pack",
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
  CD760: {
    severity: "warning",
    vi: "Tệp hồ sơ kiểm chứng “{file}” là con trỏ Git LFS, chưa tải tệp: chạy git lfs pull (tệp chưa được đưa vào hồ sơ kiểm chứng)",
    en: "The evidence file “{file}” is a Git LFS pointer, not the file itself: run git lfs pull (it is left out of the evidence pack)",
  },
  CD761: {
    severity: "warning",
    vi: "Tệp hồ sơ kiểm chứng “{file}” mang đuôi .pdf nhưng không phải tệp PDF (hoặc là tệp rỗng): xuất lại thành PDF; tệp chưa được đưa vào hồ sơ kiểm chứng",
    en: "The evidence file “{file}” is named .pdf but is not a PDF (or is empty): export it again as PDF; it is left out of the evidence pack",
  },
  CD762: {
    severity: "warning",
    vi: "Tệp PDF “{file}” bị hỏng hoặc không đầy đủ nên không đọc được: mở tệp rồi lưu (hoặc in) lại thành PDF; tệp chưa được đưa vào hồ sơ kiểm chứng",
    en: "The PDF “{file}” is damaged or truncated and cannot be read: open it and save (or print) it again as PDF; it is left out of the evidence pack",
  },
  CD763: {
    severity: "warning",
    vi: "Tệp PDF “{file}” được bảo vệ bằng mật khẩu hoặc giới hạn quyền nên không ghép vào hồ sơ được: gỡ mật khẩu (hoặc in lại thành PDF, hay chạy qpdf --decrypt); tệp chưa được đưa vào hồ sơ kiểm chứng",
    en: "The PDF “{file}” is protected by a password or by permissions and cannot be merged: remove the password (or print it to PDF again, or run qpdf --decrypt); it is left out of the evidence pack",
  },
  CD764: {
    severity: "warning",
    vi: "Tệp hồ sơ kiểm chứng “{file}” không phải ảnh JPEG hoặc PNG (có thể là định dạng khác như GIF, WebP, HEIC, hoặc tệp hỏng): lưu lại thành JPEG hoặc PNG; tệp chưa được đưa vào hồ sơ kiểm chứng",
    en: "The evidence file “{file}” is not a JPEG or PNG image (perhaps another format such as GIF, WebP or HEIC, or a damaged file): save it again as JPEG or PNG; it is left out of the evidence pack",
  },
  CD765: {
    severity: "warning",
    vi: "Ảnh “{file}” ({width} × {height} điểm ảnh) chỉ đạt {dpi} dpi khi in khổ A4 (cạnh ngắn 210 mm); bản số hóa cần độ phân giải tối thiểu 200 dpi (Nghị định 30/2020/NĐ-CP, Phụ lục I): quét lại từ 200 dpi trở lên (cạnh ngắn ít nhất 1654 điểm ảnh)",
    en: "The image “{file}” ({width} × {height} pixels) is only {dpi} dpi at A4 width (210 mm short side); a digitised copy needs at least 200 dpi (Decree 30/2020/NĐ-CP, Phụ lục I): scan it again at 200 dpi or more (at least 1654 pixels on the short side)",
  },
  CD766: {
    severity: "error",
    vi: "Không đọc được phần trang “{pages}” của tệp “{file}”: ghi số trang (“3”, “3-5”, “tr. 3-5”, “3, 7, 9-10”) hoặc phần của văn bản (“Điều 4”, “Mục II”)",
    en: "The pages “{pages}” of “{file}” cannot be read: write page numbers (“3”, “3-5”, “tr. 3-5”, “3, 7, 9-10”) or a part of the document (“Điều 4”, “Mục II”)",
  },
  CD767: {
    severity: "error",
    vi: "Trang {page} vượt quá số trang của tệp “{file}” ({count} trang)",
    en: "Page {page} is beyond the last page of “{file}” ({count} pages)",
  },
} satisfies Record<string, CatalogEntry>;
