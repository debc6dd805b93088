import type { Lang } from "../diagnostics/diagnostic.js";
import { messages, type Messages } from "./messages.js";
import { UsageError, type ParsedArgs } from "./args.js";
import type { Clock, Env, RunGit, World, WorldFs } from "../io/world.js";
import { nodeWorld } from "./world.js";

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
  /** Files, git, clock and environment variables (src/io/world.ts): the real ones unless a test gave its own. */
  world: World;
  color: boolean;
  isTTY: boolean;
  stdout(s: string): void;
  stderr(s: string): void;
}

/** What main is given: the environment, and any part of the World a test replaces (the real one otherwise). */
export interface CliIo {
  cwd: string;
  env: Env;
  isTTY: boolean;
  stdout(s: string): void;
  stderr(s: string): void;
  fs?: WorldFs;
  git?: RunGit;
  clock?: Clock;
}

export function makeCli(args: ParsedArgs, io: CliIo): Cli {
  const lang = (args.values.lang ?? "vi") as Lang;
  if (lang !== "vi" && lang !== "en") throw new UsageError(messages("vi").badValue("lang", String(lang)));
  const format = (args.values.format ?? "text") as OutputFormat;
  if (!["text", "json", "github", "markdown", "csv"].includes(format)) throw new UsageError(messages(lang).badValue("format", format));
  const { env, fs, git, clock, ...rest } = io;
  const world = nodeWorld(env, { ...(fs ? { fs } : {}), ...(git ? { git } : {}), ...(clock ? { clock } : {}) });
  return { args, lang, format, m: messages(lang), color: io.isTTY && !env.NO_COLOR, world, ...rest };
}
