/**
 * scripts/bundle.mjs patches `yaml`'s source in the bundle (yamlDebugSwitches): its parser and
 * composer read `process.env.LOG_TOKENS` / `LOG_STREAM` once, at load, instead of at every token
 * (docs/performance.md). The tests run the TypeScript sources, which use `yaml` unpatched, so this file
 * checks the bundle itself: that the patch applied, and that the bundled CLI reads YAML — valid,
 * outside our own reader's subset, and broken — exactly as the sources do.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { readPlainYaml } from "../src/read/yaml-fast.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, ROOT } from "./helpers/example.js";

const BIN = join(ROOT, "dist/chamdiem.cjs");
const BUNDLES = ["dist/chamdiem-cli.cjs", "dist/build-worker.cjs"];

describe("the bundle's patch of yaml's debug switches", () => {
  it("finds the switches in yaml's own source (else the patch would silently do nothing)", () => {
    const parser = readFileSync(join(ROOT, "node_modules/yaml/dist/parse/parser.js"), "utf8");
    expect(parser).toMatch(/node_process\.env\.LOG_TOKENS/);
  });

  for (const bundle of BUNDLES) {
    it(`applied in ${bundle}`, () => {
      expect(existsSync(join(ROOT, bundle)), "run `npm run bundle`").toBe(true);
      const text = readFileSync(join(ROOT, bundle), "utf8");
      expect(text).toContain("__yamlDebug_LOG_TOKENS = !!process.env.LOG_TOKENS");
      expect(text).toContain("__yamlDebug_LOG_STREAM = !!process.env.LOG_STREAM");
      expect(text).not.toMatch(/node_process\.env\.LOG_(TOKENS|STREAM)/);
    });
  }
});

describe("the patched bundle reads YAML as the sources do", () => {
  // A small project: the example's rubric and assessment, and variants that take `yaml`'s paths.
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-bundle-patch-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  cpSync(join(ROOT, "content/rubrics"), join(dir, "content/rubrics"), { recursive: true });
  const example = readFileSync(join(ROOT, EXAMPLE_ASSESSMENT), "utf8");
  const files: Record<string, string> = {
    "content/assessments/2021/example.yaml": example,
    // An anchor and an alias: outside our reader's subset, so `yaml` reads the whole file.
    "content/assessments/2021/anchors.yaml": example.replace(/^( {2}place:) (.+)$/m, "$1 &place $2").replace(/^( {2}archive:) .+$/m, "$1 *place"),
    // Flow collections, as a person might type them.
    "content/assessments/2021/flow.yaml": example.replace(
      /^unit:\n {2}name: (.+)\n {2}agency: (.+)\n {2}superior: (.+)\n/m,
      'unit: { name: "$1", agency: "$2",\n  superior: "$3" }\n',
    ),
    // Syntax errors: an unclosed quote in a flow mapping, and a bad indentation.
    "content/assessments/2021/unclosed.yaml": 'rubric: dvcq-qng-2021\nyear: 2021\nunit: { name: "Sở Tư pháp\n',
    "content/assessments/2021/indent.yaml": example.replace(/^( {2}symbol: .+)$/m, "     $1"),
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  const ENV = { CHAMDIEM_CACHE: "0" };

  function bundled(args: string[], env: Record<string, string> = ENV): { code: number | null; out: string } {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });
    return { code: r.status, out: r.stdout };
  }
  async function sources(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { cwd: dir, env: ENV, isTTY: false, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("the variants take yaml's paths (our own reader declines them)", () => {
    expect(readPlainYaml(example)).toBeDefined();
    for (const name of ["anchors", "flow", "unclosed", "indent"]) {
      expect(readPlainYaml(files[`content/assessments/2021/${name}.yaml`]!), name).toBeUndefined();
    }
    expect(readPlainYaml(readFileSync(join(ROOT, EXAMPLE_RUBRIC), "utf8"))).toBeUndefined();
  });

  const inputs = ["content/rubrics/dvcq-qng-2021.yaml", ...Object.keys(files)];
  for (const file of inputs) {
    it(`check --format json and show --plain agree on ${file}`, async () => {
      for (const args of [
        ["check", "--format", "json", file],
        ["show", "--plain", file],
      ]) {
        const b = bundled(args);
        const s = await sources(args);
        expect(b.out.trimEnd(), `${args.join(" ")}\n${s.err}`).toBe(s.out.trimEnd());
        expect(b.code, args.join(" ")).toBe(s.code);
      }
    });
  }

  it("the valid variants check without errors, with the example's total", () => {
    for (const name of ["example", "anchors", "flow"]) {
      const r = bundled(["check", "--format", "json", `content/assessments/2021/${name}.yaml`]);
      expect(r.code, name).toBe(0);
      expect(JSON.parse(r.out).assessments[0].total, name).toBe(
        JSON.parse(bundled(["check", "--format", "json", "content/assessments/2021/example.yaml"]).out).assessments[0].total,
      );
    }
  });

  it("the broken files are YAML syntax errors, with their positions", () => {
    for (const name of ["unclosed", "indent"]) {
      const r = bundled(["check", "--format", "json", `content/assessments/2021/${name}.yaml`]);
      expect(r.code).toBe(1);
      const ds = (JSON.parse(r.out) as { diagnostics: { code: string; line: number }[] }).diagnostics;
      expect(
        ds.some((d) => d.code === "CD105" && d.line > 0),
        name,
      ).toBe(true);
    }
  });

  it("still honours LOG_TOKENS, read once at load", () => {
    const args = ["check", "--quiet", "content/rubrics/dvcq-qng-2021.yaml"];
    expect(bundled(args).out).not.toContain('| "#');
    expect(bundled(args, { ...ENV, LOG_TOKENS: "1" }).out).toContain('| "# yaml-language-server');
  });
});
