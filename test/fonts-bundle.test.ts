// The CLI ships as one esbuild CommonJS bundle (scripts/bundle.mjs); the Tinos files must still be found.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("fonts inside the esbuild CommonJS bundle", () => {
  it("resolves and parses the Tinos TTFs", async () => {
    // Inside the project's node_modules so that resolution walks up as it does from dist/.
    const dir = join(process.cwd(), "node_modules", ".cache", "chamdiem-fonts-bundle-test");
    mkdirSync(dir, { recursive: true });
    const entry = join(dir, "entry.ts");
    writeFileSync(
      entry,
      `import { readFileSync } from "node:fs";
       import { loadFontSet, createMeasurer } from ${JSON.stringify(join(process.cwd(), "src/fonts/index.ts"))};
       const f = loadFontSet(readFileSync);
       console.log(JSON.stringify({ n: f.faces.bold.numGlyphs, w: createMeasurer(f)("Việt Nam", { size: 14 }) }));`,
    );
    const outfile = join(dir, "out.cjs");
    try {
      await build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        logLevel: "silent",
        define: { "import.meta.url": "__chamdiem_import_meta_url" },
        inject: [join(process.cwd(), "scripts/import-meta-url.js")],
      });
      const out = JSON.parse(execFileSync(process.execPath, [outfile], { encoding: "utf8" }));
      expect(out.n).toBeGreaterThan(3000);
      expect(out.w).toBeGreaterThan(40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
