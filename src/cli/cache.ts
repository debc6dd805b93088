/**
 * A small on-disk cache for derived data that is expensive to recompute and cheap to load (compiled
 * schema validators). It lives in node_modules/.cache/chamdiem beside the installed tool (the usual
 * place for tool caches), or in $CHAMDIEM_CACHE_DIR; CHAMDIEM_CACHE=0 turns it off. Failures to read
 * or write are ignored: the cache only ever saves time.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { removeStaleTemps, writeFileAtomic } from "./write-atomic.js";
import { fileURLToPath } from "node:url";
import type { ValidatorCache } from "../check/schema-validate.js";

export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CHAMDIEM_CACHE === "0") return undefined;
  if (env.CHAMDIEM_CACHE_DIR) return env.CHAMDIEM_CACHE_DIR;
  // dist/chamdiem.cjs (or src/cli/cache.ts) → <package>/node_modules/.cache/chamdiem
  let dir = dirname(fileURLToPath(import.meta.url));
  if (dir.endsWith(join("src", "cli"))) dir = dirname(dir);
  return join(dirname(dir), "node_modules", ".cache", "chamdiem");
}

export function diskValidatorCache(env: NodeJS.ProcessEnv): ValidatorCache | undefined {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const file = (key: string) => join(dir, `validator-${key}.cjs`);
  // V8's code cache of a validator, per Node version (V8 also rejects one made by another V8).
  const compiled = (key: string) => join(dir, `validator-${key}-${process.version}.v8cache`);
  const read = (path: string) => {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  };
  const write = (path: string, data: string | Uint8Array) => {
    try {
      writeFileAtomic(path, data);
      // Written on a cache miss only: then also the temporary files of killed processes (write-atomic.ts).
      removeStaleTemps(dir, 0);
    } catch {
      // read-only install: run without a cache
    }
  };
  return {
    get: (key) => read(file(key))?.toString("utf8"),
    set: (key, code) => write(file(key), code),
    getCompiled: (key) => read(compiled(key)),
    setCompiled: (key, data) => write(compiled(key), data),
  };
}

/** The cache settings a worker thread needs (it gets no process.env of its own in the task). */
export function cacheEnv(env: NodeJS.ProcessEnv): { CHAMDIEM_CACHE?: string; CHAMDIEM_CACHE_DIR?: string } {
  return {
    ...(env.CHAMDIEM_CACHE ? { CHAMDIEM_CACHE: env.CHAMDIEM_CACHE } : {}),
    ...(env.CHAMDIEM_CACHE_DIR ? { CHAMDIEM_CACHE_DIR: env.CHAMDIEM_CACHE_DIR } : {}),
  };
}
