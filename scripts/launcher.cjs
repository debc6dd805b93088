#!/usr/bin/env node
/**
 * dist/chamdiem.cjs: starts the bundled CLI (dist/chamdiem-cli.cjs) through V8's code cache.
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
 * version and flags and rejects a cache made otherwise (the file is then written again). It lives with the
 * other tool caches (node_modules/.cache/chamdiem, $CHAMDIEM_CACHE_DIR; CHAMDIEM_CACHE=0 turns it
 * off). Any failure to read or write it only costs the time it would have saved.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

const file = path.join(__dirname, "chamdiem-cli.cjs");

function cachePath(stat) {
  const env = process.env;
  if (env.CHAMDIEM_CACHE === "0") return undefined;
  const dir = env.CHAMDIEM_CACHE_DIR || path.join(path.dirname(__dirname), "node_modules", ".cache", "chamdiem");
  // The command and its option names (not values): `build` and `build --no-pdf` run different code.
  const args = process.argv.slice(2);
  const command = /^[a-z]{1,20}$/.test(args[0] || "") ? args[0] : "other";
  const flags = [...new Set(args.filter((a) => /^--[a-z-]{1,30}$/.test(a)))].sort().join("");
  return path.join(dir, `code-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${command}${flags}.v8cache`);
}

function writeAtomic(target, bytes) {
  try {
    const dir = path.dirname(target);
    fs.mkdirSync(dir, { recursive: true });
    // Caches of other builds of the bundle or other Node versions are of no more use.
    const prefix = path.basename(target).split("-").slice(0, 4).join("-") + "-";
    for (const f of fs.readdirSync(dir)) if (f.startsWith("code-") && !f.startsWith(prefix)) fs.rmSync(path.join(dir, f), { force: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch {
    // read-only install: run without a code cache
  }
}

/** Compiles the bundle (with the cached code when there is some); undefined if vm cannot. */
function compile() {
  try {
    const cache = cachePath(fs.statSync(file));
    let cachedData;
    if (cache) {
      try {
        cachedData = fs.readFileSync(cache);
      } catch {
        // first run of this command
      }
    }
    const source = fs.readFileSync(file, "utf8").replace(/^#!.*/, "");
    // No importModuleDynamically: a script compiled from cached data loses it (Node 20), so the
    // bundle has no import() of its own; it borrows the launcher's for tinypool (src/cli/pool.ts).
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    if (cache && (!cachedData || script.cachedDataRejected)) {
      // At exit, so that the cache holds every function this command compiled.
      process.once("exit", () => writeAtomic(cache, script.createCachedData()));
    }
    return script;
  } catch {
    return undefined;
  }
}

function load() {
  globalThis.__chamdiemImport = (specifier) => import(specifier);
  const script = compile();
  if (!script) return require(file);
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(__dirname);
  const req = Module.createRequire(file);
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, __dirname);
  mod.loaded = true;
  return mod.exports;
}

const cli = load();
// (CHAMDIEM_MAIN=1 makes the bundle start itself.)
if (process.env.CHAMDIEM_MAIN !== "1") {
  cli.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
