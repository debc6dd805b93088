import type { Lang } from "../diagnostics/diagnostic.js";
import { messages, type Messages } from "./messages.js";
import { UsageError, type ParsedArgs } from "./args.js";
import type { InputFs } from "./files.js";

export type OutputFormat = "text" | "json" | "github" | "markdown" | "csv";

/** Which --format values each command accepts (review commands: text, markdown, json, csv). */
export const COMMAND_FORMATS: Record<string, readonly OutputFormat[]> = {
  check: ["text", "json", "github"],
  build: ["text", "json", "github"],
  schema: ["text"],
  diff: ["text", "markdown", "json", "csv"],
  show: ["text", "json"],
  summary: ["text", "markdown", "json", "csv"],
  init: ["text", "json"],
};

/** What a command needs from the outside world, gathered once by main. */
export interface Cli {
  args: ParsedArgs;
  lang: Lang;
  format: OutputFormat;
  m: Messages;
  cwd: string;
  env: NodeJS.ProcessEnv;
  color: boolean;
  isTTY: boolean;
  stdout(s: string): void;
  stderr(s: string): void;
  /** How inputs are read (src/cli/files.ts); the real file system when absent. Tests pass their own. */
  fs?: InputFs;
}

export function makeCli(args: ParsedArgs, io: { cwd: string; env: NodeJS.ProcessEnv; isTTY: boolean; stdout(s: string): void; stderr(s: string): void; fs?: InputFs }): Cli {
  const lang = (args.values.lang ?? "vi") as Lang;
  if (lang !== "vi" && lang !== "en") throw new UsageError(messages("vi").badValue("lang", String(lang)));
  const format = (args.values.format ?? "text") as OutputFormat;
  if (!["text", "json", "github", "markdown", "csv"].includes(format)) throw new UsageError(messages(lang).badValue("format", format));
  return { args, lang, format, m: messages(lang), color: io.isTTY && !io.env.NO_COLOR, ...io };
}
