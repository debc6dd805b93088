/**
 * dist/chamdiem.cjs: starts the bundled CLI (dist/chamdiem-cli.cjs) through V8's code cache. Bundled
 * on its own by scripts/bundle.mjs, with nothing but the cache folder rule and the atomic write, so
 * that starting it costs next to nothing.
 *
 * Node compiles a 2,5 MB bundle on every start and then compiles each function the first time it
 * runs: for a one-assessment `build` that was about a quarter of the process's time. V8 can save the
 * code it compiled during a run (vm.Script#createCachedData) and reuse it in the next process, which
 * is what Node 22's module.enableCompileCache does for every module; Node 20, which we support, has
 * only the vm API, hence this loader (as the v8-compile-cache package does, but caching the code of
 * the functions that ran, not only the top level). Measured on the example's `build --no-pdf`:
 * 0,41 s → 0,32 s (medians of 5).
 *
 * The cache is one file per command and set of option names (`build` and `build --no-pdf` run
 * different code), named by the bundle's size and mtime and the Node version; V8 itself checks its
 * version and flags and rejects a cache made otherwise (the file is then written again). It lives with
 * the other tool caches (cache.ts). Any failure to read or write it only costs the time it would have
 * saved.
 *
 * A script compiled from cached data has no dynamic-import loader on Node 20, so the bundle has no
 * import() of its own: it borrows this file's as globalThis.__chamdiemImport (src/cli/pool.ts).
 */
import { readFileSync, readdirSync, rmSync, statSync, type Stats } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { cacheDir } from "./cache.js";
import { removeStaleTemps, writeFileAtomic } from "./write-atomic.js";

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, "chamdiem-cli.cjs");

function cachePath(stat: Stats): string | undefined {
  const dir = cacheDir(process.env);
  if (!dir) return undefined;
  // The command and its option names (not values): `build` and `build --no-pdf` run different code.
  const args = process.argv.slice(2);
  const command = /^[a-z]{1,20}$/.test(args[0] ?? "") ? args[0] : "other";
  const flags = [...new Set(args.filter((a) => /^--[a-z-]{1,30}$/.test(a)))].sort().join("");
  return join(dir, `code-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${command}${flags}.v8cache`);
}

function saveCache(target: string, bytes: Uint8Array): void {
  try {
    writeFileAtomic(target, bytes);
    // Caches of other builds of the bundle or other Node versions are of no more use.
    const prefix = basename(target).split("-").slice(0, 4).join("-") + "-";
    const dir = dirname(target);
    for (const f of readdirSync(dir)) if (f.startsWith("code-") && !f.startsWith(prefix)) rmSync(join(dir, f), { force: true });
    // And the temporary files of processes killed while writing one (write-atomic.ts).
    removeStaleTemps(dir, 0);
  } catch {
    // read-only install: run without a code cache
  }
}

/** Compiles the bundle (with the cached code when there is some); undefined if vm cannot. */
function compile(): Script | undefined {
  try {
    const cache = cachePath(statSync(file));
    let cachedData: Buffer | undefined;
    if (cache) {
      try {
        cachedData = readFileSync(cache);
      } catch {
        // first run of this command
      }
    }
    const source = readFileSync(file, "utf8").replace(/^#!.*/, "");
    const script = new Script(Module.wrap(source), { filename: file, cachedData });
    if (cache && (!cachedData || script.cachedDataRejected)) {
      // At exit, so that the cache holds every function this command compiled.
      process.once("exit", () => saveCache(cache, script.createCachedData()));
    }
    return script;
  } catch {
    return undefined;
  }
}

interface Cli {
  main(argv: string[]): Promise<number>;
}

function load(): Cli {
  (globalThis as { __chamdiemImport?: (specifier: string) => Promise<unknown> }).__chamdiemImport = (specifier) => import(specifier);
  const req = createRequire(file);
  const script = compile();
  if (!script) return req(file) as Cli;
  const mod = new Module(file) as Module & { filename: string; paths: string[]; loaded: boolean };
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(here);
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, req, mod, file, here);
  mod.loaded = true;
  return mod.exports as Cli;
}

const cli = load();
// (CHAMDIEM_MAIN=1 makes the bundle start itself.)
if (process.env.CHAMDIEM_MAIN !== "1") {
  void cli.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
