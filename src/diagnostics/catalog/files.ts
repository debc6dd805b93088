import type { CatalogEntry } from "./types.js";

/** CD130–CD149: what the file system says about an input (kinds of file, limits, links), beside input.ts. */
export const FILE_CODES = {
  CD130: {
    severity: "error",
    vi: "Không phải tệp thông thường mà là {kind}; không đọc",
    en: "Not a regular file but {kind}; not read",
  },
  CD131: {
    severity: "error",
    vi: "Liên kết tượng trưng (symlink) trỏ tới “{target}”, nơi không có tệp nào",
    en: "The symbolic link points to “{target}”, where there is no file",
  },
  CD132: {
    severity: "warning",
    vi: "Bỏ qua liên kết tượng trưng (symlink) hỏng: trỏ tới “{target}”, nơi không có gì",
    en: "A broken symbolic link was skipped: it points to “{target}”, where there is nothing",
  },
  CD133: {
    severity: "error",
    vi: "Liên kết tượng trưng (symlink) lặp vòng: các liên kết trỏ lẫn nhau, không dẫn tới tệp nào",
    en: "The symbolic link loops: the links point at each other and lead to no file",
  },
  CD134: {
    severity: "warning",
    vi: "Liên kết tượng trưng (symlink) trỏ về thư mục chứa nó ({target}); bỏ qua để không duyệt vòng tròn",
    en: "The symbolic link points back to a folder that holds it ({target}); skipped, so as not to walk in circles",
  },
  CD135: {
    severity: "error",
    vi: "Dữ liệu lồng nhau quá sâu (quá {limit} cấp danh sách hoặc ánh xạ lồng nhau); tệp không được đọc",
    en: "The data nests too deeply (more than {limit} levels of nested lists or mappings); the file is not read",
  },
  CD136: {
    severity: "info",
    vi: "Bộ tiêu chí “{id}” có hai bản giống hệt nhau; dùng bản ở {used}",
    en: "The rubric “{id}” is in two identical files; the one in {used} is used",
  },
} satisfies Record<string, CatalogEntry>;
