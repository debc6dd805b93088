/**
 * `show --plain` (git's textconv) takes a short path that skips the checks which only make diagnostics
 * (src/cli/commands/show.ts, plainOnly) and keeps the folders' rubrics in the tool cache. Its text must
 * be exactly what the full path (runChecks, as `show` without --plain) prints: compared here on every
 * assessment, appraisal and rubric in the repository (content/ and test/fixtures/, valid or not), with
 * the default rubric folders and with the mini rubric's, with the rubric cache off, cold and warm.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plainOnly } from "../src/cli/commands/show.js";
import { findYamlFiles, readInputFile, readInputs } from "../src/cli/files.js";
import { main } from "../src/cli/main.js";
import { ROOT } from "./helpers/example.js";

const cacheDir = mkdtempSync(join(tmpdir(), "chamdiem-show-cache-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function yamlUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".yaml"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}
const FILES = [...yamlUnder("content"), ...yamlUnder("test/fixtures")];

/** The cache folder's entries with their sizes, as one string to compare. */
function cacheEntries(dir: string): string {
  return readdirSync(dir)
    .sort()
    .map((f) => `${f}:${statSync(join(dir, f)).size}`)
    .join(" ");
}

async function show(args: string[], env: Record<string, string>, cwd = ROOT): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(["show", ...args], { cwd, env, isTTY: false, stdout: (s) => void out.push(s), stderr: () => {} });
  return { code, out: out.join("\n") };
}

describe("show --plain: the short path prints what the full path prints", () => {
  it("covers the repository's assessments, appraisals and rubrics", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES).toContain("content/assessments/2021/van-phong-ubnd-tinh.yaml");
    expect(FILES).toContain("content/assessments/2021/van-phong-ubnd-tinh.appraisal.yaml");
    expect(FILES).toContain("content/rubrics/dvcq-qng-2021.yaml");
  });

  for (const rubrics of [[], ["--rubrics", "test/fixtures/mini"]]) {
    it(`every file${rubrics.length ? " against the mini rubric" : ""}: same text with the cache off, cold and warm`, async () => {
      const dir = mkdtempSync(join(cacheDir, "run-"));
      let scored = 0;
      let appraisals = 0;
      let colds = 0;
      for (const file of FILES) {
        const full = await show([file, ...rubrics], { CHAMDIEM_CACHE: "0" });
        // Never an internal error, even beside a rubric that fails its own rules (CD321).
        expect(full.code, file).not.toBe(70);
        const off = await show(["--plain", file, ...rubrics], { CHAMDIEM_CACHE: "0" });
        const before = cacheEntries(dir);
        const cold = await show(["--plain", file, ...rubrics], { CHAMDIEM_CACHE_DIR: dir });
        expect(off.out, file).toBe(full.out);
        expect(cold.out, file).toBe(full.out);
        expect([off.code, cold.code]).toEqual([0, 0]);
        // The cache is shared by the files: a run is cold only when it writes an entry (the first file
        // of each rubric). Then run it warm too; otherwise the run above was a warm one already.
        const written = cacheEntries(dir);
        if (written !== before) {
          const warm = await show(["--plain", file, ...rubrics], { CHAMDIEM_CACHE_DIR: dir });
          expect(warm.out, file).toBe(full.out);
          expect(warm.code).toBe(0);
          expect(cacheEntries(dir), `${file}: a warm run writes nothing`).toBe(written);
          colds++;
        }
        if (/^# chamdiem show --plain: (?:assessment|rubric)$/m.test(full.out)) scored++;
        if (/^# chamdiem show --plain: appraisal$/m.test(full.out)) appraisals++;
      }
      // Not all raw text: the files' own forms (a scored assessment, a rubric) were printed.
      expect(scored).toBeGreaterThan(rubrics.length ? 30 : 2);
      expect(appraisals).toBeGreaterThanOrEqual(1);
      expect(colds).toBeGreaterThanOrEqual(1);
      expect(readdirSync(dir).some((f) => /^rubric-[0-9a-f]{40}\.json$/.test(f))).toBe(true);
    }, 300_000);
  }

  it("takes the short path for every file (appraisals only where the rubric folder holds no assessment)", () => {
    for (const folder of ["content/rubrics", "test/fixtures/mini"]) {
      const rubricFiles = findYamlFiles([join(ROOT, folder)], ROOT).files;
      const kinds = { short: 0, full: 0 };
      for (const file of FILES) {
        const text = plainOnly(readInputFile(join(ROOT, file), ROOT), () =>
          readInputs(
            rubricFiles.filter((f) => f !== join(ROOT, file)),
            ROOT,
          ),
        );
        if (text === undefined) {
          // test/fixtures/mini holds an assessment beside the rubric, which runChecks would pair.
          expect(`${folder} ${file}`, "full path").toMatch(/^test\/fixtures\/mini .*appraisal/);
          kinds.full++;
        } else kinds.short++;
      }
      expect(kinds.short, folder).toBeGreaterThan(folder === "content/rubrics" ? 140 : 100);
    }
  });

  it("another year's rubric in the folder is not read; a damaged cache entry is ignored", async () => {
    const project = mkdtempSync(join(cacheDir, "project-"));
    mkdirSync(join(project, "content/rubrics"), { recursive: true });
    mkdirSync(join(project, "content/assessments/2021"), { recursive: true });
    copyFileSync(join(ROOT, "content/rubrics/dvcq-qng-2021.yaml"), join(project, "content/rubrics/dvcq-qng-2021.yaml"));
    copyFileSync(join(ROOT, "content/assessments/2021/van-phong-ubnd-tinh.yaml"), join(project, "content/assessments/2021/a.yaml"));
    // Not YAML at all: read, it would be a file of no kind; named another id on its `id:` line, it is skipped.
    writeFileSync(join(project, "content/rubrics/dvcq-qng-2022.yaml"), "id: dvcq-qng-2022\nitems: [\n");
    const dir = join(project, "cache");
    const full = await show(["content/assessments/2021/a.yaml"], { CHAMDIEM_CACHE: "0" }, project);
    expect(full.out).toMatch(/dvcq-qng-2021/);
    const cold = await show(["--plain", "content/assessments/2021/a.yaml"], { CHAMDIEM_CACHE_DIR: dir }, project);
    expect(cold.out).toBe(full.out);
    const entries = readdirSync(dir).filter((f) => f.startsWith("rubric-"));
    expect(entries).toHaveLength(1); // the 2021 rubric only
    for (const f of entries) writeFileSync(join(dir, f), "{ not json");
    const damaged = await show(["--plain", "content/assessments/2021/a.yaml"], { CHAMDIEM_CACHE_DIR: dir }, project);
    expect(damaged.out).toBe(full.out);
  });
});
