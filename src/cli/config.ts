/**
 * Optional project settings in `chamdiem.yaml` beside content/ (the working directory):
 *
 *   numbers: { decimal: ",", fixed: true }   # "10,00" (default) or e.g. { decimal: ".", fixed: false }
 *   formats: [docx, pdf]                      # what `build` writes (default: both)
 *   fonts:                                    # TTFs to embed in PDFs instead of Tinos
 *     regular: C:/Windows/Fonts/times.ttf
 *     bold: C:/Windows/Fonts/timesbd.ttf
 *     italic: C:/Windows/Fonts/timesi.ttf
 *     boldItalic: C:/Windows/Fonts/timesbi.ttf
 *   mode: paper                               # paper (default) or electronic (NĐ 30 Phụ lục I); `build --mode` overrides it
 *   attachments: same-file                    # electronic only: the score table in the report's PDF (default) or separate
 *   signature_image: chu-ky.png               # electronic only, optional: the signer's image (PNG), drawn in box 7c
 *   seal_image: con-dau.png                   # electronic only, optional: the seal (PNG, actual size), over its left third
 *
 * A `mode` or `attachments` value that is not one of its words is CD850, at its line.
 */
import { isAbsolute, join } from "node:path";
import type { OutputFormat } from "../pipeline/render.js";
import { VI_NUMBERS, type NumberFormat } from "../model/points.js";
import { posOf, readYaml, type YamlSource } from "../read/yaml-source.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { SourcePos } from "../model/source.js";
import type { AttachmentMode, DocumentMode } from "../compose/index.js";
import { InputError, UsageError } from "./args.js";
import type { WorldFs } from "../io/world.js";
import { pathExists, readInputFile } from "./files.js";

export interface Config {
  numbers: NumberFormat;
  formats: OutputFormat[];
  fonts?: Partial<Record<"regular" | "bold" | "italic" | "boldItalic", string>>;
  /** Paper (today's documents, the default) or electronic: number and date left blank, signing slots. */
  mode: DocumentMode;
  /**
   * Electronic only (ignored on paper): the score table in the report's file, one file signed once
   * (the default), or in its own file with the organisation's signature box on its first page.
   */
  attachments: AttachmentMode;
  /**
   * Electronic only: images placed in their boxes before signing (docs/signing-fields.md), for offices
   * that stamp the images first: the path (absolute) and where it is set (CD855/CD856 point there).
   */
  images?: Partial<Record<"signer" | "seal", { path: string; setting: string; pos: SourcePos }>>;
}

export const MODES: readonly DocumentMode[] = ["paper", "electronic"];
export const ATTACHMENT_MODES: readonly AttachmentMode[] = ["same-file", "separate"];

/** "“paper” hoặc “electronic”" / "“paper” or “electronic”": the words a setting or flag accepts. */
export function allowedWords(words: readonly string[]): { vi: string; en: string } {
  const q = words.map((w) => `“${w}”`);
  const join = (or: string) => (q.length < 2 ? q.join("") : `${q.slice(0, -1).join(", ")} ${or} ${q[q.length - 1]}`);
  return { vi: join("hoặc"), en: join("or") };
}

export const CONFIG_FILE = "chamdiem.yaml";

export function loadConfig(cwd: string, fs?: WorldFs): Config {
  const config: Config = { numbers: VI_NUMBERS, formats: ["docx", "pdf"], mode: "paper", attachments: "same-file" };
  const source = readConfigData(join(cwd, CONFIG_FILE), cwd, fs);
  const c = (source?.data ?? {}) as Record<string, unknown>;
  const bad = (what: string) => new UsageError(`${CONFIG_FILE}: ${what}`);
  for (const k of Object.keys(c)) if (!["numbers", "formats", "fonts", "mode", "attachments", "signature_image", "seal_image"].includes(k)) throw bad(`“${k}”`);
  const word = <T extends string>(key: "mode" | "attachments", words: readonly T[]): T | undefined => {
    const v = c[key];
    if (v === undefined) return undefined;
    if (typeof v === "string" && (words as readonly string[]).includes(v)) return v as T;
    const value = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
    throw new InputError([diag("CD850", posOf(source!, [key]), { setting: key, value, allowed: allowedWords(words) })]);
  };
  config.mode = word("mode", MODES) ?? config.mode;
  config.attachments = word("attachments", ATTACHMENT_MODES) ?? config.attachments;
  for (const [which, key] of [
    ["signer", "signature_image"],
    ["seal", "seal_image"],
  ] as const) {
    const v = c[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string" || v.trim() === "") throw bad(key);
    (config.images ??= {})[which] = { path: isAbsolute(v) ? v : join(cwd, v), setting: key, pos: posOf(source!, [key]) };
  }
  if (c.numbers !== undefined) {
    const n = c.numbers as Record<string, unknown>;
    if (!n || (n.decimal !== "," && n.decimal !== ".") || typeof (n.fixed ?? true) !== "boolean") throw bad("numbers");
    config.numbers = { decimal: n.decimal as "," | ".", fixed: (n.fixed ?? true) as boolean };
  }
  if (c.formats !== undefined) {
    const f = c.formats;
    if (!Array.isArray(f) || f.length === 0 || f.some((x) => x !== "docx" && x !== "pdf")) throw bad("formats");
    config.formats = [...new Set(f as OutputFormat[])];
  }
  if (c.fonts !== undefined) {
    // The shape only (a mapping of the four faces to non-empty strings). Whether each file exists and
    // is a usable TrueType font is checked by font-check.ts, as a diagnostic at the setting's line.
    const f = c.fonts as Record<string, unknown>;
    if (!f || typeof f !== "object" || Array.isArray(f)) throw bad("fonts");
    const faces = ["regular", "bold", "italic", "boldItalic"] as const;
    for (const k of Object.keys(f)) if (!(faces as readonly string[]).includes(k)) throw bad(`fonts.${k}`);
    const fonts: NonNullable<Config["fonts"]> = {};
    for (const k of faces) {
      const p = f[k];
      if (p === undefined || p === null) continue;
      if (typeof p !== "string" || p.trim() === "") throw bad(`fonts.${k}`);
      fonts[k] = isAbsolute(p) ? p : join(cwd, p);
    }
    config.fonts = fonts;
  }
  return config;
}

/**
 * The settings file's data (undefined when there is none, or it is empty), read like every input
 * (src/cli/files.ts, src/read/yaml-source.ts): a file that cannot be read, too large, not a regular
 * file, with a YAML error or nested too deeply is an InputError, with the diagnostics' positions.
 */
function readConfigData(file: string, cwd: string, fs: WorldFs | undefined): YamlSource | undefined {
  if (!pathExists(file)) return undefined;
  const input = readInputFile(file, cwd, fs);
  const read = input.diagnostics ? { diagnostics: input.diagnostics, source: undefined } : readYaml(input.path, input.bytes);
  if (read.diagnostics.some((d) => d.code === "CD102")) return undefined;
  if (!read.source || read.diagnostics.some((d) => d.severity === "error")) throw new InputError(read.diagnostics.filter((d) => d.severity === "error"));
  return read.source;
}
