/**
 * Commands run from a subfolder of a project work on the whole project, as git does: the project's
 * root is the nearest folder, from the working directory up, that holds `chamdiem.yaml` or a
 * `content/` folder. Defaults (content/, output/, chamdiem.yaml) are taken from the root, so `build`
 * run inside content/ never writes output/ there; paths typed on the command line keep meaning what
 * they meant where they were typed.
 */
import { dirname, join, resolve } from "node:path";
import type { Cli } from "./context.js";
import type { WorldFs } from "../io/world.js";
import { nodeFs } from "./world.js";

/** Commands whose positional arguments are all paths (diff's are revisions first). */
const PATH_COMMANDS = new Set(["check", "build", "summary", "show", "schema", "init"]);
/** Flags whose value is a path. */
const PATH_VALUES = ["out", "rubrics", "from"] as const;

function isKind(fs: WorldFs, p: string, kind: "file" | "dir"): boolean {
  try {
    const s = fs.stat(p);
    return kind === "file" ? s.isFile() : s.isDirectory();
  } catch {
    return false;
  }
}

/** Through the command's file system (WorldFs), like every other look at the project's files. */
export function findProjectRoot(start: string, fs: WorldFs = nodeFs): string | undefined {
  for (let d = resolve(start); ;) {
    if (isKind(fs, join(d, "chamdiem.yaml"), "file") || isKind(fs, join(d, "content"), "dir")) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** Moves the command to the project's root when it runs in a subfolder of one (see above). */
export function runFromProjectRoot(cli: Cli, command: string): void {
  if (!PATH_COMMANDS.has(command)) return;
  const here = resolve(cli.cwd);
  const root = findProjectRoot(here, cli.world.fs);
  if (!root || root === here) return;
  cli.args.positional = cli.args.positional.map((p) => resolve(here, p));
  for (const k of PATH_VALUES) {
    const v = cli.args.values[k];
    if (v !== undefined) cli.args.values[k] = resolve(here, v);
  }
  cli.cwd = root;
}
