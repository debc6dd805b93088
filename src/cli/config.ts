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
 */
import { isAbsolute, join } from "node:path";
import type { OutputFormat } from "../pipeline/render.js";
import { VI_NUMBERS, type NumberFormat } from "../model/points.js";
import { readYaml } from "../read/yaml-source.js";
import { InputError, UsageError } from "./args.js";
import type { WorldFs } from "../io/world.js";
import { pathExists, readInputFile } from "./files.js";

export interface Config {
  numbers: NumberFormat;
  formats: OutputFormat[];
  fonts?: Partial<Record<"regular" | "bold" | "italic" | "boldItalic", string>>;
}

export const CONFIG_FILE = "chamdiem.yaml";

export function loadConfig(cwd: string, fs?: WorldFs): Config {
  const config: Config = { numbers: VI_NUMBERS, formats: ["docx", "pdf"] };
  const raw = readConfigData(join(cwd, CONFIG_FILE), cwd, fs);
  const c = (raw ?? {}) as Record<string, unknown>;
  const bad = (what: string) => new UsageError(`${CONFIG_FILE}: ${what}`);
  for (const k of Object.keys(c)) if (!["numbers", "formats", "fonts"].includes(k)) throw bad(`“${k}”`);
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
function readConfigData(file: string, cwd: string, fs: WorldFs | undefined): unknown {
  if (!pathExists(file)) return undefined;
  const input = readInputFile(file, cwd, fs);
  const read = input.diagnostics ? { diagnostics: input.diagnostics, source: undefined } : readYaml(input.path, input.bytes);
  if (read.diagnostics.some((d) => d.code === "CD102")) return undefined;
  if (!read.source || read.diagnostics.some((d) => d.severity === "error")) throw new InputError(read.diagnostics.filter((d) => d.severity === "error"));
  return read.source.data;
}
