/**
 * chamdiem's command line. Commands are loaded on demand, so `check` never pays for the document
 * writers. Usage errors exit 2; a broken chamdiem.yaml (InputError) exits 1 with its diagnostics; a
 * crash (a bug, never bad input) prints a short report and exits 70.
 */
import { countBySeverity, formatGithub, formatText, toJson } from "../diagnostics/format.js";
import { InputError, UsageError, parseArgs } from "./args.js";
import { COMMAND_FORMATS, makeCli, type Cli } from "./context.js";
import { commandHelp, hasCommandHelp } from "./help.js";
import { runFromProjectRoot } from "./project-root.js";
import { messages } from "./messages.js";

declare const CHAMDIEM_VERSION: string;
const VERSION = typeof CHAMDIEM_VERSION === "string" ? CHAMDIEM_VERSION : "dev";

const SPEC = {
  values: ["lang", "format", "rubrics", "out", "jobs", "rubric", "unit", "year", "from", "write", "agency", "superior", "mode"],
  booleans: ["help", "h", "version", "force", "quiet", "check", "no-pdf", "no-docx", "plain"],
};

type Command = (cli: Cli) => number | Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./commands/check.js")).runCheck,
  schema: async () => (await import("./commands/schema.js")).runSchema,
  build: async () => (await import("./commands/build.js")).runBuild,
  codes: async () => (await import("./commands/codes.js")).runCodes,
  diff: async () => (await import("./commands/diff.js")).runDiff,
  show: async () => (await import("./commands/show.js")).runShow,
  summary: async () => (await import("./commands/summary.js")).runSummary,
  init: async () => (await import("./commands/init.js")).runInit,
};

export async function main(argv: readonly string[], io: Parameters<typeof makeCli>[1] = defaultIo()): Promise<number> {
  const langGuess = argv.includes("en") && argv.some((a) => a.startsWith("--lang")) ? "en" : "vi";
  let shown: Pick<Cli, "format" | "lang"> = { format: "text", lang: langGuess };
  try {
    const args = parseArgs(argv, SPEC);
    const cli = makeCli(args, io);
    shown = cli;
    if (args.flags.has("version")) {
      io.stdout(VERSION);
      return 0;
    }
    const [name, ...rest] = args.positional;
    if (!name || name === "help" || args.flags.has("help") || args.flags.has("h")) {
      const topic = name === "help" ? rest[0] : name;
      if (topic && hasCommandHelp(topic)) {
        io.stdout(commandHelp(topic, cli.lang));
        return 0;
      }
      io.stdout(cli.m.help);
      return topic ? 2 : 0;
    }
    const load = COMMANDS[name];
    if (!load) throw new UsageError(cli.m.unknownCommand(name));
    if (COMMAND_FORMATS[name] && !COMMAND_FORMATS[name]!.includes(cli.format)) throw new UsageError(cli.m.badValue("format", cli.format));
    cli.args.positional = rest;
    runFromProjectRoot(cli, name);
    return await (
      await load()
    )(cli);
  } catch (e) {
    if (e instanceof UsageError) {
      const m = messages(langGuess);
      const text = e.message.startsWith("-") ? m.unknownOption(e.message) : e.message;
      io.stderr(m.usage(text));
      return 2;
    }
    if (e instanceof InputError) {
      const { format, lang } = shown;
      if (format === "json")
        io.stdout(JSON.stringify({ diagnostics: e.diagnostics.map((d) => toJson(d, lang)), counts: countBySeverity(e.diagnostics) }, null, 2));
      else if (format === "github") io.stdout(formatGithub(e.diagnostics, lang));
      else io.stderr(formatText(e.diagnostics, lang));
      return 1;
    }
    io.stderr(messages(langGuess).internalError);
    io.stderr(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 70;
  }
}

export function defaultIo() {
  quietWhenPipeCloses(process.stdout);
  quietWhenPipeCloses(process.stderr);
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY: !!process.stderr.isTTY,
    stdout: (s: string) => void process.stdout.write(s + "\n"),
    stderr: (s: string) => void process.stderr.write(s + "\n"),
  };
}

/**
 * A reader that stops early (`chamdiem codes | head`) closes the pipe: stop quietly with success, as
 * Unix tools do, instead of an unhandled EPIPE with a stack trace. Other stream errors stay errors.
 */
function quietWhenPipeCloses(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount("error") > 0) return;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

// Run when executed directly (bundled CLI or `node src/cli/main.ts` through a loader), not when imported by tests.
const invokedDirectly = typeof require !== "undefined" ? require.main === module : false;
if (invokedDirectly || process.env.CHAMDIEM_MAIN === "1") {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
