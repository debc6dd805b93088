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
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parse } from "yaml";
import type { OutputFormat } from "../build/render.js";
import { VI_NUMBERS, type NumberFormat } from "../model/points.js";
import { UsageError } from "./args.js";

export interface Config {
  numbers: NumberFormat;
  formats: OutputFormat[];
  fonts?: Partial<Record<"regular" | "bold" | "italic" | "boldItalic", string>>;
}

export const CONFIG_FILE = "chamdiem.yaml";

export function loadConfig(cwd: string): Config {
  const file = join(cwd, CONFIG_FILE);
  const config: Config = { numbers: VI_NUMBERS, formats: ["docx", "pdf"] };
  if (!existsSync(file)) return config;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"), { maxAliasCount: 10 });
  } catch (e) {
    throw new UsageError(`${CONFIG_FILE}: ${(e as Error).message.split("\n")[0]}`);
  }
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
    const f = c.fonts as Record<string, unknown>;
    const fonts: NonNullable<Config["fonts"]> = {};
    for (const k of ["regular", "bold", "italic", "boldItalic"] as const) {
      const p = f?.[k];
      if (p === undefined) continue;
      if (typeof p !== "string") throw bad(`fonts.${k}`);
      const abs = isAbsolute(p) ? p : join(cwd, p);
      if (!existsSync(abs)) throw bad(`fonts.${k}: ${p}`);
      fonts[k] = abs;
    }
    config.fonts = fonts;
  }
  return config;
}
