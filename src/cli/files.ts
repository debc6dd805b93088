/**
 * The only place (with the writers' output step) that touches the file system: finding and reading
 * input files. Paths are shown relative to the working directory.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { InputFile } from "../check/run-checks.js";

const YAML_EXT = /\.ya?ml$/i;

export function displayPath(abs: string, cwd = process.cwd()): string {
  const r = relative(cwd, abs);
  return (r.startsWith("..") ? abs : r).split(sep).join("/");
}

/** Every YAML file under the given paths (files or folders), sorted, without duplicates. */
export function findYamlFiles(paths: readonly string[], cwd = process.cwd()): { files: string[]; missing: string[] } {
  const found = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && YAML_EXT.test(entry.name)) found.add(p);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) {
      missing.push(p);
      continue;
    }
    if (statSync(abs).isDirectory()) walk(abs);
    else found.add(abs);
  }
  return { files: [...found].sort(), missing };
}

/**
 * Rubric folders for the given files: a `rubrics` folder beside any ancestor (content/assessments/2021/x.yaml
 * → content/rubrics), and `content/rubrics` under the working directory.
 */
export function rubricDirsFor(files: readonly string[], cwd = process.cwd()): string[] {
  const dirs = new Set<string>();
  const fallback = resolve(cwd, "content", "rubrics");
  if (existsSync(fallback)) dirs.add(fallback);
  for (const f of files) {
    let d = dirname(f);
    for (let i = 0; i < 6; i++) {
      const candidate = join(d, "rubrics");
      if (existsSync(candidate) && statSync(candidate).isDirectory()) {
        dirs.add(candidate);
        break;
      }
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
  }
  return [...dirs].sort();
}

export function readInputs(files: readonly string[], cwd = process.cwd()): InputFile[] {
  return files.map((f) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(f);
    } catch {
      bytes = new Uint8Array();
    }
    return { path: displayPath(f, cwd), bytes };
  });
}
