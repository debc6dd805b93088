/**
 * The four faces of one family that the PDF is set in, loaded once per process.
 *
 * By default this is Tinos (metric-compatible with Times New Roman, every Vietnamese letter), shipped as
 * full TTFs in `@expo-google-fonts/tinos`. A configuration may point at other TrueType files, e.g. the
 * real Times New Roman: pass their paths to `loadFontSet`. The files are read by the caller's `read`
 * (the World's file system, src/cli/world.ts; a test may pass node's readFileSync or given bytes).
 */
import { createRequire } from "node:module";
import { resolve as resolvePath } from "node:path";
import type { RunStyle } from "../document/model.js";
import { FontFormatError, TrueTypeFont } from "./truetype.js";

export type FaceKey = "regular" | "bold" | "italic" | "boldItalic";
export const FACE_KEYS: readonly FaceKey[] = ["regular", "bold", "italic", "boldItalic"];

/** Paths of the four TrueType files of a family. */
export type FontPaths = Record<FaceKey, string>;

export interface FontSet {
  /** Family name written into the PDF (e.g. "Tinos"); informational. */
  family: string;
  faces: Record<FaceKey, TrueTypeFont>;
  /**
   * Apply pair kerning from a legacy `kern` table. Off by default: Word kerns only runs that ask for it
   * (`w:kern`), which our .docx never does, so kerning would make the PDF break lines differently from
   * the .docx. (LibreOffice kerns by default; we follow Word.) Tinos has no `kern` table anyway.
   */
  kerning: boolean;
}

export interface FontSetOptions {
  /** Any face not given falls back to Tinos. */
  paths?: Partial<FontPaths>;
  family?: string;
  kerning?: boolean;
}

const TINOS_FILES: FontPaths = {
  regular: "@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf",
  bold: "@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf",
  italic: "@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf",
  boldItalic: "@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf",
};

/**
 * Absolute paths of the Tinos TTFs. Resolved at run time through Node's resolver, from this module's
 * URL; in the esbuild bundle `import.meta.url` is the bundle file (scripts/import-meta-url.js), so the
 * lookup walks up from `dist/` to the package's `node_modules`, which `npm ci` installs (the font
 * package is a runtime dependency and has no `exports` map that would hide the .ttf files).
 */
export function tinosPaths(): FontPaths {
  const req = createRequire(import.meta.url);
  const out = {} as FontPaths;
  for (const k of FACE_KEYS) {
    try {
      out[k] = req.resolve(TINOS_FILES[k]);
    } catch {
      throw new FontFormatError(`Không tìm thấy phông chữ Tinos (${TINOS_FILES[k]}); hãy chạy "npm ci". / Tinos font not found.`);
    }
  }
  return out;
}

/** The bytes of a font file (absolute path). */
export type ReadFontFile = (path: string) => Uint8Array;

const parsed = new Map<string, TrueTypeFont>();

/**
 * Reads and parses a TrueType file once per process (keyed by absolute path): `read` is called only
 * the first time a path is asked for (src/cli/font-check.ts passes the bytes it has validated).
 */
export function loadFont(path: string, read: ReadFontFile): TrueTypeFont {
  const abs = resolvePath(path);
  let font = parsed.get(abs);
  if (!font) {
    const buf = read(abs);
    font = new TrueTypeFont(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), abs);
    // OS/2 fsType bit 1 (0x0002) = "restricted licence embedding": the font must not be embedded.
    if ((font.fsType & 0x000f) === 0x0002) {
      throw new FontFormatError(`${abs}: the font's licence forbids embedding (OS/2 fsType = restricted)`);
    }
    parsed.set(abs, font);
  }
  return font;
}

let defaultSet: FontSet | undefined;

/** The font set for the PDF: Tinos unless other TTF paths are given; files not parsed yet are read by `read`. */
export function loadFontSet(read: ReadFontFile, options: FontSetOptions = {}): FontSet {
  const custom = options.paths && Object.values(options.paths).some(Boolean);
  if (!custom && options.kerning === undefined && options.family === undefined) {
    defaultSet ??= buildSet(tinosPaths(), "Tinos", false, read);
    return defaultSet;
  }
  let base: FontPaths | undefined;
  const paths = {} as FontPaths;
  for (const k of FACE_KEYS) {
    const p = options.paths?.[k];
    if (p) paths[k] = p;
    else paths[k] = (base ??= tinosPaths())[k];
  }
  return buildSet(paths, options.family ?? (custom ? "Custom" : "Tinos"), options.kerning ?? false, read);
}

function buildSet(paths: FontPaths, family: string, kerning: boolean, read: ReadFontFile): FontSet {
  const faces = {} as Record<FaceKey, TrueTypeFont>;
  for (const k of FACE_KEYS) faces[k] = loadFont(paths[k], read);
  return { family, faces, kerning };
}

export function faceKey(style: Pick<RunStyle, "bold" | "italic">): FaceKey {
  return style.bold ? (style.italic ? "boldItalic" : "bold") : style.italic ? "italic" : "regular";
}
