// Bundles the CLI into one CommonJS file: loading one file is much faster than resolving
// hundreds of ES modules (see docs/performance.md, "Start-up time"). Runs on `npm ci` through "prepare".
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/**
 * yaml's parser and composer read process.env.LOG_TOKENS / LOG_STREAM (debug switches) for every
 * token: each read is a call into C++ (≈ 170 ns), ≈ 0,25 ms per seed-sized assessment, 3 % of a
 * check. The bundle reads them once, at load.
 */
const yamlDebugSwitches = {
  name: "yaml-debug-switches",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const patched = text.replace(/node_process\.env\.(LOG_TOKENS|LOG_STREAM)/g, "__yamlDebug_$1");
      if (patched === text) return { contents: text, loader: "js", warnings: [{ text: "yaml debug switches not found: left as they are" }] };
      return {
        contents: `const __yamlDebug_LOG_TOKENS = !!process.env.LOG_TOKENS, __yamlDebug_LOG_STREAM = !!process.env.LOG_STREAM;\n${patched}`,
        loader: "js",
      };
    });
  },
};

await build({
  // The command (a small launcher: src/cli/launcher.ts), the CLI it loads through V8's code cache,
  // and the build worker (loaded by tinypool on worker threads for large builds).
  entryPoints: { chamdiem: "src/cli/launcher.ts", "chamdiem-cli": "src/cli/main.ts", "build-worker": "src/cli/build-worker.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  // tinypool starts its workers from its own entry file, so it must stay a real package on disk.
  external: ["tinypool"],
  // One V8 platform thread instead of Node's default four (see docs/performance.md): on a two-core
  // machine the four competed with the build's two workers for the cores. A command-line option, so
  // it must be given at start: here for `chamdiem` (env -S passes it; npm's Windows shims read it too),
  // in package.json for `npm run build`/`check`, and the bench runs the same command line.
  banner: { js: "#!/usr/bin/env -S node --v8-pool-size=1" },
  define: { "import.meta.url": "__chamdiem_import_meta_url", CHAMDIEM_VERSION: JSON.stringify(version) },
  inject: ["scripts/import-meta-url.js"],
  plugins: [yamlDebugSwitches],
});

/**
 * esbuild escapes every non-ASCII character of the code (its default `charset: "ascii"`) but keeps
 * comments as they are, and a handful of comments in our dependencies hold one ("can’t"). One such
 * character makes V8 keep the whole source as a two-byte string, in every isolate that loads it (the
 * source is kept for lazy compilation): 4,6 MB instead of 2,3 MB for the build worker, on each of a
 * bulk build's threads. Escaping them as \uXXXX is exact in strings and regular expressions too, and
 * harmless in comments.
 */
for (const name of ["chamdiem", "chamdiem-cli", "build-worker"]) {
  const url = new URL(`../dist/${name}.cjs`, import.meta.url);
  const text = readFileSync(url, "utf8");
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (ascii !== text) writeFileSync(url, ascii);
}

chmodSync(new URL("../dist/chamdiem.cjs", import.meta.url), 0o755);
