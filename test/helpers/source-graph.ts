/**
 * The import graph of src/, read from the sources (type-only imports included: a cycle of types is
 * still a cycle a reader has to untangle), and the places where a module reaches the outside world
 * itself. Used by test/architecture.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";

export const SRC = join(import.meta.dirname, "..", "..", "src");

/** Every .ts file under src/, as a path relative to src/ with "/" separators. */
export function sourceFiles(root = SRC): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) out.push(relative(root, p).split(sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

/**
 * The source without comments (so that a path or a word in a comment is not taken for code); a block
 * comment leaves its line breaks, so that lines keep their numbers.
 */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, "")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const IMPORT = /(?:^|[\n;])\s*(?:import|export)\b[^'";]*?(?:from\s*)?["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** file → the src files it imports (static, dynamic and type-only imports). */
export function importGraph(root = SRC): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const text = withoutComments(readFileSync(join(root, file), "utf8"));
    const targets = new Set<string>();
    for (const m of text.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      let target = normalize(join(dirname(file), spec.replace(/\.js$/, ".ts")))
        .split(sep)
        .join("/");
      if (target.startsWith("..")) continue; // outside src/ (schema/*.json)
      if (!existsSync(join(root, target)) && existsSync(join(root, target.replace(/\.ts$/, ""), "index.ts"))) {
        target = `${target.replace(/\.ts$/, "")}/index.ts`;
      }
      targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The first folder under src/ ("check", "pipeline", …). */
export const folderOf = (file: string): string => (file.includes("/") ? file.slice(0, file.indexOf("/")) : ".");

/** Strongly connected components with more than one member (or a self-import): the cycles. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** The folder graph: folder → folders its files import (edges inside a folder left out). */
export function folderGraph(graph: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (!folders.has(from)) folders.set(from, new Set());
    for (const t of targets) if (folderOf(t) !== from) folders.get(from)!.add(folderOf(t));
  }
  return new Map([...folders].map(([k, v]) => [k, [...v].sort()]));
}

/** An import or require of a node module, in any of its spellings ("node:fs", "fs", "fs/promises"). */
const moduleUse = (name: string): RegExp => new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*|\b(?:import|require)\(\s*)["'](?:node:)?${name}(?:/[\w/]+)?["']`);

/**
 * What only src/cli/ may do: read files, run programs, ask the system, the environment or the clock
 * (issue 12: everything else gets them through the World of src/io/world.ts, or as data). Parsing a
 * given date (`new Date(x)`, `Date.UTC`) is allowed: it reads nothing.
 */
export const OUTSIDE_WORLD: readonly { what: string; pattern: RegExp }[] = [
  { what: "node:fs", pattern: moduleUse("fs") },
  { what: "node:child_process", pattern: moduleUse("child_process") },
  { what: "node:os", pattern: moduleUse("os") },
  { what: "process.env", pattern: /\bprocess\s*\.\s*env\b/ },
  { what: "process.cwd", pattern: /\bprocess\s*\.\s*cwd\b/ },
  { what: "process.hrtime", pattern: /\bprocess\s*\.\s*hrtime\b/ },
  { what: "Date.now", pattern: /\bDate\s*\.\s*now\b/ },
  { what: "new Date()", pattern: /\bnew\s+Date\b\s*(?:\(\s*\)|(?![\s(]))/ },
  { what: "performance", pattern: /\bperformance\s*\./ },
];

/** Each reach of the outside world in a module's text, as "line: what" (comments are not code). */
export function outsideWorldIn(text: string): string[] {
  const found: string[] = [];
  withoutComments(text)
    .split("\n")
    .forEach((line, i) => {
      for (const { what, pattern } of OUTSIDE_WORLD) if (pattern.test(line)) found.push(`${i + 1}: ${what}`);
    });
  return found;
}

/** file → its reaches of the outside world, for every src/ file that has any. */
export function outsideWorldUses(root = SRC): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const found = outsideWorldIn(readFileSync(join(root, file), "utf8"));
    if (found.length) uses.set(file, found);
  }
  return uses;
}
