/**
 * A small, strict argument parser: known flags only, so a typo is a usage error (exit 2), not a
 * silently ignored option.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface FlagSpec {
  /** Flags that take a value (`--lang en` or `--lang=en`). */
  values: readonly string[];
  /** Boolean flags. */
  booleans: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {}

/**
 * A problem in an input that the whole command depends on (chamdiem.yaml): reported as positioned
 * diagnostics by main, exit 1.
 */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.column}: ${d.code}`).join("\n"));
  }
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = (eq >= 0 ? a.slice(0, eq) : a).replace(/^--?/, "");
    if (spec.values.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`--${name}`);
      out.values[name] = v;
    } else if (spec.booleans.includes(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw new UsageError(a);
    }
  }
  return out;
}
