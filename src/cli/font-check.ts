/**
 * The fonts set in chamdiem.yaml (`fonts: { regular, bold, italic, boldItalic }`), checked once, before
 * anything is built (`build`, `summary --write`): each file must exist, be a regular file of a sane
 * size and a TrueType font we can embed (src/fonts/validate.ts). A problem is a diagnostic naming the
 * setting and the file, at the setting's line in chamdiem.yaml:
 *
 * - when PDFs are to be written, CD801 (an error: no PDF is written, nothing is built);
 * - when they are not (`--no-pdf`, `formats: [docx]`), CD802, a warning: a .docx does not embed fonts,
 *   but compose measures text with them (rule lengths, column widths), so the .docx is measured with
 *   Tinos, which has the metrics of the Times New Roman the .docx names. A usable font is used for
 *   measuring either way, so `build` and `build --no-pdf` write the same .docx.
 *
 * A usable font that lacks characters every document needs (printable ASCII, the Vietnamese letters:
 * src/fonts/coverage.ts) gets CD803 when PDFs are written (a .docx never uses the font's glyphs).
 */
import { resolve } from "node:path";
import { diag, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { FontOrigin } from "../pipeline/layout-diagnostics.js";
import { listChars } from "../pipeline/layout-diagnostics.js";
import { missingFromAlphabet } from "../fonts/coverage.js";
import { FACE_KEYS, loadFont, type FaceKey, type ReadFontFile } from "../fonts/fontset.js";
import { FontFormatError } from "../fonts/truetype.js";
import { validateTrueType, type FontProblem } from "../fonts/validate.js";
import { posOf, readYaml, type YamlSource } from "../read/yaml-source.js";
import { CONFIG_FILE, type Config } from "./config.js";
import type { WorldFs } from "../io/world.js";
import { displayPath, osReason, readInputFile } from "./files.js";
import { nodeFs } from "./world.js";

/** Larger than any real font (Times New Roman: 0,8 MB; a full CJK font: 30 MB), and refused unread. */
export const MAX_FONT_BYTES = 64 * 1024 * 1024;

/** How the writers' fonts are read (src/fonts/fontset.ts): through the World's file system. */
export function fontReader(fs: WorldFs = nodeFs): ReadFontFile {
  return (path) => fs.readFile(path, MAX_FONT_BYTES);
}

export interface FontCheck {
  diagnostics: Diagnostic[];
  /** The configured faces that can be used (the others fall back to Tinos). */
  usable: NonNullable<Config["fonts"]>;
  /** Every configured face, for messages. */
  origins: Partial<Record<FaceKey, FontOrigin>>;
  /** Characters reported missing by CD803, per face (not repeated for each document). */
  reportedMissing: Partial<Record<FaceKey, number[]>>;
  /** A font the PDFs need cannot be used (CD801): build nothing. */
  fatal: boolean;
}

export function checkFonts(cwd: string, fonts: Config["fonts"], pdf: boolean, fs: WorldFs = nodeFs): FontCheck {
  const result: FontCheck = { diagnostics: [], usable: {}, origins: {}, reportedMissing: {}, fatal: false };
  if (!fonts || Object.keys(fonts).length === 0) return result;
  const source = configSource(cwd, fs);
  for (const face of FACE_KEYS) {
    const path = fonts[face];
    if (!path) continue;
    const setting = `fonts.${face}`;
    const pos = source ? posOf(source, ["fonts", face]) : { file: CONFIG_FILE, line: 1, column: 1 };
    const written = source ? (writtenValue(source, face) ?? displayPath(path, cwd)) : displayPath(path, cwd);
    const origin: FontOrigin = { setting, file: written, path: resolve(path), pos };
    result.origins[face] = origin;
    const read = readFont(origin.path, fs);
    if ("reason" in read) {
      result.diagnostics.push(diag(pdf ? "CD801" : "CD802", pos, { setting, file: written, reason: read.reason }));
      if (pdf) result.fatal = true;
      continue;
    }
    result.usable[face] = path;
    if (!pdf) continue;
    const missing = missingFromAlphabet(read.font);
    if (missing.length) {
      result.reportedMissing[face] = missing;
      result.diagnostics.push(diag("CD803", pos, { setting, file: written, count: missing.length, chars: listChars(missing) }));
    }
  }
  return result;
}

/** chamdiem.yaml as read by loadConfig (it was read without errors), for the settings' positions. */
function configSource(cwd: string, fs: WorldFs): YamlSource | undefined {
  try {
    const input = readInputFile(resolve(cwd, CONFIG_FILE), cwd, fs);
    if (input.diagnostics?.length) return undefined;
    return readYaml(CONFIG_FILE, input.bytes).source;
  } catch {
    return undefined;
  }
}

/** The path as written in chamdiem.yaml. */
function writtenValue(source: YamlSource, face: FaceKey): string | undefined {
  const fonts = (source.data as { fonts?: Record<string, unknown> } | undefined)?.fonts;
  const v = fonts?.[face];
  return typeof v === "string" ? v : undefined;
}

function readFont(abs: string, fs: WorldFs): { font: ReturnType<typeof loadFont> } | { reason: Arg } {
  let bytes: Uint8Array;
  try {
    const st = fs.stat(abs);
    if (st.isDirectory()) return { reason: { vi: "đây là một thư mục, không phải tệp phông chữ", en: "it is a folder, not a font file" } };
    if (!st.isFile()) return { reason: { vi: "không phải tệp thông thường (thiết bị, ống dẫn…)", en: "not a regular file (a device, a pipe…)" } };
    if (st.size > MAX_FONT_BYTES)
      return {
        reason: {
          vi: `tệp quá lớn (${st.size} byte; tối đa ${MAX_FONT_BYTES} byte)`,
          en: `the file is too large (${st.size} bytes; at most ${MAX_FONT_BYTES})`,
        },
      };
    bytes = fs.readFile(abs, MAX_FONT_BYTES);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { reason: { vi: "không tìm thấy tệp", en: "file not found" } };
    return { reason: osReason(e) };
  }
  const problem = validateTrueType(bytes);
  if (problem) return { reason: problemText(problem) };
  try {
    return { font: loadFont(abs, () => bytes) };
  } catch (e) {
    if (!(e instanceof FontFormatError)) throw e;
    return { reason: { vi: "cấu trúc phông bị hỏng", en: "the font's structure is damaged" } };
  }
}

/** Why a file is not a usable font, in plain words. */
export function problemText(p: FontProblem): Arg {
  switch (p.kind) {
    case "empty":
      return { vi: "tệp rỗng (0 byte)", en: "the file is empty (0 bytes)" };
    case "truncated":
      return {
        vi: `tệp bị cắt cụt: có ${p.size} byte, phông cần ít nhất ${p.expected} byte`,
        en: `the file is truncated: it has ${p.size} bytes, the font needs at least ${p.expected}`,
      };
    case "not-truetype":
      return { vi: "không phải tệp phông TrueType (.ttf)", en: "not a TrueType (.ttf) font file" };
    case "cff":
      return {
        vi: "phông OpenType dạng CFF (nét PostScript, thường là .otf) không nhúng được; hãy dùng bản TrueType (.ttf)",
        en: "OpenType CFF fonts (PostScript outlines, usually .otf) cannot be embedded; use a TrueType (.ttf) version",
      };
    case "woff":
    case "woff2":
      return {
        vi: "phông web WOFF/WOFF2 (dạng nén) không nhúng được; hãy dùng tệp .ttf gốc",
        en: "WOFF/WOFF2 web fonts (compressed) cannot be embedded; use the original .ttf file",
      };
    case "collection":
      return {
        vi: "tệp tập hợp phông (.ttc) chứa nhiều phông; hãy dùng một tệp .ttf riêng cho từng kiểu chữ",
        en: "a font collection (.ttc) holds several fonts; use one .ttf file for each face",
      };
    case "directory":
      return { vi: "bảng mục lục của tệp phông bị hỏng", en: "the font's table directory is damaged" };
    case "missing-table":
      return { vi: `thiếu bảng “${p.tag}” mà phông TrueType phải có`, en: `the table “${p.tag}” every TrueType font has is missing` };
    case "bad-table":
      return { vi: `bảng “${p.tag}” bị hỏng`, en: `the table “${p.tag}” is damaged` };
    case "no-unicode-cmap":
      return { vi: "không có bảng mã Unicode (cmap định dạng 4 hoặc 12)", en: "no Unicode character map (cmap format 4 or 12)" };
    case "restricted":
      return { vi: "giấy phép của phông cấm nhúng vào tệp (OS/2 fsType)", en: "the font's licence forbids embedding (OS/2 fsType)" };
  }
}
