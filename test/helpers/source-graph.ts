/**
 * The import graph of src/, read from the sources (type-only imports included: a cycle of types is
 * still a cycle a reader has to untangle). Used by test/architecture.test.ts.
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

/** The source without comments (so that a path or a word in a comment is not taken for code). */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
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
      let target = normalize(join(dirname(file), spec.replace(/\.js$/, ".ts"))).split(sep).join("/");
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
