/**
 * Commands run from a subfolder of a project work on the whole project, as git does: the project's
 * root is the nearest folder, from the working directory up, that holds `chamdiem.yaml` or a
 * `content/` folder. Defaults (content/, output/, chamdiem.yaml) are taken from the root, so `build`
 * run inside content/ never writes output/ there; paths typed on the command line keep meaning what
 * they meant where they were typed.
 */
import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Cli } from "./context.js";

/** Commands whose positional arguments are all paths (diff's are revisions first). */
const PATH_COMMANDS = new Set(["check", "build", "summary", "show", "schema", "init"]);
/** Flags whose value is a path. */
const PATH_VALUES = ["out", "rubrics", "from"] as const;

function isKind(p: string, kind: "file" | "dir"): boolean {
  const s = statSync(p, { throwIfNoEntry: false });
  return !!s && (kind === "file" ? s.isFile() : s.isDirectory());
}

export function findProjectRoot(start: string): string | undefined {
  for (let d = resolve(start); ; ) {
    if (isKind(join(d, "chamdiem.yaml"), "file") || isKind(join(d, "content"), "dir")) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** Moves the command to the project's root when it runs in a subfolder of one (see above). */
export function runFromProjectRoot(cli: Cli, command: string): void {
  if (!PATH_COMMANDS.has(command)) return;
  const here = resolve(cli.cwd);
  const root = findProjectRoot(here);
  if (!root || root === here) return;
  cli.args.positional = cli.args.positional.map((p) => resolve(here, p));
  for (const k of PATH_VALUES) {
    const v = cli.args.values[k];
    if (v !== undefined) cli.args.values[k] = resolve(here, v);
  }
  cli.cwd = root;
}
