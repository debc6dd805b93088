#!/usr/bin/env node
/**
 * npm run bench — the performance targets of the issues, measured as whole processes on this machine.
 * Machines are shared and noisy: every figure is a median of several runs, and comparisons (ours vs
 * LibreOffice) are made in the same run. Not a test: it prints figures, it does not pass or fail.
 *
 *   node scripts/bench.mjs [--runs 5] [--n 1000] [--only check,build,bulk,soffice,review,pack]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/chamdiem.cjs");
/**
 * The Node options of `npm run build` (package.json; the same as the `chamdiem` command's shebang):
 * every figure is measured on the command line users run, minus npm's own start-up.
 */
const NODE_FLAGS = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"))
  .scripts.build.match(/^node((?: --[^ ]+)*) dist\/chamdiem\.cjs build$/)[1]
  .trim()
  .split(" ")
  .filter(Boolean);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt("runs", 5));
const N = Number(opt("n", 1000));
const ONLY = opt("only", "check,build,bulk,soffice,review,pack").split(",");
const HAS_TIME = existsSync("/usr/bin/time");

if (!existsSync(CLI)) execFileSync("npm", ["run", "bundle"], { cwd: ROOT, stdio: "inherit" });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** Run a command once: wall time (ms), peak RSS (MB, via /usr/bin/time), exit status. */
function timed(cmd, argv, cwd, env = {}) {
  const full = HAS_TIME ? ["/usr/bin/time", ["-f", "%M", cmd, ...argv]] : [cmd, argv];
  const t0 = performance.now();
  const r = spawnSync(full[0], full[1], { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const rssKb = HAS_TIME ? Number((r.stderr.trim().split("\n").pop() ?? "").trim()) : NaN;
  return { ms, mb: rssKb / 1024, status: r.status, stderr: r.stderr };
}

function bench(label, cmd, argv, cwd, { runs = RUNS, env, before, target } = {}) {
  const times = [];
  const mems = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    before?.();
    const r = timed(cmd, argv, cwd, env);
    times.push(r.ms);
    mems.push(r.mb);
    status = r.status ?? -1;
  }
  const m = median(times);
  const peak = Math.max(...mems);
  console.log(
    `${label.padEnd(58)} median ${fmt(m).padStart(8)}  (min ${fmt(Math.min(...times))}, n=${runs})` +
      (Number.isFinite(peak) ? `  peak ${peak.toFixed(0)} MB` : "") +
      (target ? `  target ${target}` : "") +
      (status !== 0 && status !== 1 ? `  EXIT ${status}` : ""),
  );
  return { median: m, peak };
}

/**
 * A scratch project with the example's rubric and `n` seed-sized assessments (distinct units). Each
 * unit's prose differs as it would in real use: every paragraph of its justifications and report body
 * starts with a lead-in naming the unit, so no per-process cache can serve one unit's text for
 * another's (only the rubric's wording is shared, as it is between real units). `--same-prose`
 * keeps the example's prose word for word in every copy instead.
 */
const SAME_PROSE = args.includes("--same-prose");
function unitProse(text, i) {
  if (SAME_PROSE) return text;
  // Lines of prose inside block scalars: indented, starting with a letter, long enough to be a paragraph.
  return text.replace(/^( {4,})(\p{Lu}[^\n]{40,})$/gmu, (_, indent, line) => `${indent}Đơn vị ${i + 1}: ${line}`);
}
function makeProject(n) {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-bench-"));
  cpSync(join(ROOT, "content/rubrics"), join(dir, "content/rubrics"), { recursive: true });
  const text = readFileSync(join(ROOT, "content/assessments/2021/van-phong-ubnd-tinh.yaml"), "utf8");
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  for (let i = 0; i < n; i++) {
    const t = unitProse(text, i)
      .replace("name: Văn phòng UBND tỉnh", `name: Đơn vị thử nghiệm số ${i + 1}`)
      .replace("number: 1880", `number: ${1000 + i}`);
    writeFileSync(join(dir, `content/assessments/2021/don-vi-${String(i + 1).padStart(4, "0")}.yaml`), t);
  }
  return dir;
}

console.log(`chamdiem bench — node ${process.version} ${NODE_FLAGS.join(" ")}, ${RUNS} runs each, N=${N}\n`);

/**
 * "The example" is the real one (content/assessments/2021, its rubric found beside it): the targets were
 * set on it, and content/ also holds the other forms' examples, which would change the workload.
 */
const EXAMPLE = "content/assessments/2021";

/**
 * The example without its evidence folder (a copy of content/ less content/evidence): the workload the
 * targets of issues 2–4 were set on. The example as it is (with 65 evidence files) is measured beside it.
 */
const bare = mkdtempSync(join(tmpdir(), "chamdiem-bare-"));
cpSync(join(ROOT, "content"), join(bare, "content"), { recursive: true, filter: (src) => !src.startsWith(join(ROOT, "content", "evidence")) });

if (ONLY.includes("check")) {
  console.log("# issue 2: check");
  bench("check the example, without its evidence", process.execPath, [...NODE_FLAGS, CLI, "check", EXAMPLE, "--quiet"], bare, { target: "< 400 ms" });
  bench("check the example with its evidence (65 files)", process.execPath, [...NODE_FLAGS, CLI, "check", EXAMPLE, "--quiet"], ROOT, {
    target: "≤ 10 % over the line above",
  });
  bench("check the example, no cache (validators, evidence)", process.execPath, [...NODE_FLAGS, CLI, "check", EXAMPLE, "--quiet"], ROOT, {
    env: { CHAMDIEM_CACHE: "0" },
  });
  bench("node -e 0 (process start, for reference)", process.execPath, ["-e", "0"], ROOT);
  console.log();
}

if (ONLY.includes("build")) {
  console.log("# issues 3, 4 and 15: build the example");
  const out = mkdtempSync(join(tmpdir(), "chamdiem-out-"));
  bench("build example: check + 2 × .docx", process.execPath, [...NODE_FLAGS, CLI, "build", EXAMPLE, "--force", "--no-pdf", "--quiet", "--out", out], bare, {
    target: "≤ 400 ms",
  });
  bench("build example: check + 2 × .docx + 2 × PDF", process.execPath, [...NODE_FLAGS, CLI, "build", EXAMPLE, "--force", "--quiet", "--out", out], bare, {
    target: "≤ 600 ms",
  });
  const withEvidence = mkdtempSync(join(tmpdir(), "chamdiem-out-"));
  bench(
    "… with its evidence: + index .docx/PDF, pack, manifest",
    process.execPath,
    [...NODE_FLAGS, CLI, "build", EXAMPLE, "--force", "--quiet", "--out", withEvidence],
    ROOT,
  );
  const packBytes = statSync(join(withEvidence, "2021/van-phong-ubnd-tinh/ho-so-kiem-chung.pdf")).size;
  console.log(`evidence pack of the example: ${(packBytes / 1024 / 1024).toFixed(2)} MB`);
  const pdfs = ["bao-cao.pdf", "bieu-cham-diem.pdf"].map((f) => statSync(join(out, "2021/van-phong-ubnd-tinh", f)).size);
  console.log(`PDF sizes: ${pdfs.map((b) => `${(b / 1024).toFixed(1)} KB`).join(" + ")} = ${((pdfs[0] + pdfs[1]) / 1024).toFixed(1)} KB  target ≤ 150 KB`);
  if (ONLY.includes("soffice")) {
    const which = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
    if (which.status === 0) {
      const conv = mkdtempSync(join(tmpdir(), "chamdiem-soffice-"));
      const docx = ["bao-cao.docx", "bieu-cham-diem.docx"].map((f) => join(out, "2021/van-phong-ubnd-tinh", f));
      const ours = bench(
        "ours again (same run, for the ratio)",
        process.execPath,
        [...NODE_FLAGS, CLI, "build", EXAMPLE, "--force", "--quiet", "--out", out],
        ROOT,
        { runs: 3 },
      );
      const lo = bench(
        "soffice --headless --convert-to pdf (our 2 .docx)",
        "soffice",
        ["--headless", `-env:UserInstallation=file://${conv}/profile`, "--convert-to", "pdf", "--outdir", conv, ...docx],
        ROOT,
        { runs: 3 },
      );
      console.log(`ratio soffice / chamdiem (full build incl. check and .docx): ${(lo.median / ours.median).toFixed(1)}×`);
      rmSync(conv, { recursive: true, force: true });
    } else {
      console.log("soffice not installed: skipped the LibreOffice comparison");
    }
  }
  rmSync(out, { recursive: true, force: true });
  console.log();
}

if (ONLY.includes("review")) {
  // git runs the textconv once per file and revision (`git log -p` over a few commits: dozens of
  // processes), on the command line docs/review.md recommends (the bundle directly, no npx); the first run
  // fills the rubric cache (src/cli/commands/show.ts), as any earlier textconv or command would.
  console.log("# issue 13: git textconv");
  const example = "content/assessments/2021/van-phong-ubnd-tinh.yaml";
  spawnSync(process.execPath, [...NODE_FLAGS, CLI, "show", "--plain", example], { cwd: ROOT, stdio: "ignore" });
  bench("show --plain (git textconv) of the example assessment", process.execPath, [...NODE_FLAGS, CLI, "show", "--plain", example], ROOT, {
    runs: Math.max(RUNS, 10),
    target: "≤ 150 ms",
  });
  bench("node -e 0 (process start, for reference)", process.execPath, ["-e", "0"], ROOT, { runs: Math.max(RUNS, 10) });
  console.log();
}

if (ONLY.includes("bulk")) {
  console.log(`# bulk: ${N} generated seed-sized assessments`);
  const dir = makeProject(N);
  const clean = () => rmSync(join(dir, "output"), { recursive: true, force: true });
  bench(`check ${N} assessments`, process.execPath, [...NODE_FLAGS, CLI, "check", "content", "--quiet"], dir, { runs: 3, target: "< 5 s, < 400 MB" });
  bench(`build ${N}: .docx only, both cores`, process.execPath, [...NODE_FLAGS, CLI, "build", "--quiet", "--no-pdf"], dir, {
    runs: 3,
    before: clean,
    target: "≤ 15 s, ≤ 300 MB",
  });
  bench(`no-op rebuild of the same ${N} (.docx only)`, process.execPath, [...NODE_FLAGS, CLI, "build", "--quiet", "--no-pdf"], dir, {
    runs: 3,
    target: "≤ 1 s",
  });
  bench(`build ${N}: all four outputs, both cores`, process.execPath, [...NODE_FLAGS, CLI, "build", "--quiet"], dir, {
    runs: 3,
    before: clean,
    target: "≤ 25 s, ≤ 300 MB",
  });
  // The same without the Node options of `npm run build` (--v8-pool-size=1), to show what they buy.
  bench(`build ${N}: all four outputs, Node's default options`, process.execPath, [CLI, "build", "--quiet"], dir, { runs: 2, before: clean });
  if (ONLY.includes("review")) reviewBench(dir);
  rmSync(dir, { recursive: true, force: true });
  console.log();
}

if (ONLY.includes("pack")) await packBench();

/**
 * Issue 15: the evidence pack (src/write/pack) over 100 and 300 A4 scans as JPEG. The writer alone,
 * bundled by itself (as scripts/bundle.mjs bundles the CLI) and run in a child process, so that the
 * scans are the only evidence in memory (the whole build of the example is measured above): the pack's time, and the child's peak RSS (process.resourceUsage().maxRSS), which holds the
 * scans read into memory and the pack written, as the build will. The scans are the example's score
 * table and report rendered by pdftoppm at 200 dpi in grey (28 pages, ~0,3 MB each, as a scanner's text
 * pages), cycled to the count, each made distinct by a JPEG comment naming its number (same decoding
 * cost, different bytes: nothing can be shared between two scans); and the same 300 as 30 PDFs of 10
 * scanned pages. The front is the example's report PDF.
 */
async function packBench() {
  console.log("# issue 15: evidence pack (one PDF: front + JPEG scans)");
  if (spawnSync("sh", ["-c", "command -v pdftoppm"]).status !== 0) {
    console.log("pdftoppm not installed (poppler-utils): skipped the evidence pack");
    console.log();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-pack-"));
  const out = join(dir, "out");
  execFileSync(process.execPath, [...NODE_FLAGS, CLI, "build", EXAMPLE, "--force", "--quiet", "--out", out], { cwd: ROOT, stdio: "ignore" });
  const unit = join(out, "2021/van-phong-ubnd-tinh");
  const render = join(dir, "render");
  mkdirSync(render);
  execFileSync("pdftoppm", ["-jpeg", "-gray", "-r", "200", join(unit, "bieu-cham-diem.pdf"), join(render, "t")]);
  execFileSync("pdftoppm", ["-jpeg", "-gray", "-r", "200", join(unit, "bao-cao.pdf"), join(render, "r")]);
  const pages = readdirSync(render)
    .sort()
    .map((f) => readFileSync(join(render, f)));
  const scans = join(dir, "scans");
  mkdirSync(scans);
  for (let i = 0; i < 300; i++) {
    const jpg = pages[i % pages.length];
    // A COM segment right after SOI: "scan <i>".
    const text = Buffer.from(`scan ${i + 1}`, "latin1");
    const com = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
    writeFileSync(join(scans, `${String(i + 1).padStart(3, "0")}.jpg`), Buffer.concat([jpg.subarray(0, 2), com, text, jpg.subarray(2)]));
  }
  // The same 300 scans as 30 scanned PDFs of 10 pages (a scanner's output: one JPEG per page).
  const { PDFDocument } = await import("pdf-lib");
  const pdfs = join(dir, "pdfs");
  mkdirSync(pdfs);
  const scanFiles = readdirSync(scans).sort();
  for (let d = 0; d < 30; d++) {
    const doc = await PDFDocument.create();
    for (const f of scanFiles.slice(d * 10, d * 10 + 10)) {
      const image = await doc.embedJpg(readFileSync(join(scans, f)));
      const [w, h] = image.width > image.height ? [841.89, 595.28] : [595.28, 841.89];
      doc.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
    }
    writeFileSync(join(pdfs, `${String(d + 1).padStart(2, "0")}.pdf`), await doc.save());
  }
  const bundle = join(dir, "pack.cjs");
  execFileSync(
    process.execPath,
    [
      "-e",
      `require("esbuild").buildSync({ stdin: { contents: ${JSON.stringify(
        'export { writeEvidencePack, writeEvidencePackChunks } from "./src/write/pack/index.ts"; export { loadPdfLib } from "./src/write/pdf/index.ts";',
      )}, resolveDir: ${JSON.stringify(ROOT)}, loader: "ts" }, bundle: true, platform: "node", target: "node20", format: "cjs", outfile: ${JSON.stringify(bundle)}, logLevel: "warning", define: { "import.meta.url": "__chamdiem_import_meta_url" }, inject: ["scripts/import-meta-url.js"] })`,
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  // The child: read the front and n scans, load pdf-lib (the build has, to write the front), then time the pack.
  const child = join(dir, "child.cjs");
  writeFileSync(
    child,
    `const { closeSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } = require("node:fs");
const { join } = require("node:path");
const { writeEvidencePack, writeEvidencePackChunks, loadPdfLib } = require(${JSON.stringify(bundle)});
(async () => {
  const [front, folder, n, outFile, mode] = process.argv.slice(2);
  const files = readdirSync(folder).sort().slice(0, Number(n));
  const parts = files.map((f) => {
    const bytes = readFileSync(join(folder, f));
    const info = f.endsWith(".pdf") ? { pages: 10 } : { pages: 1, imageType: "jpg" };
    return { bytes, info: { sha256: "", size: bytes.length, ...info } };
  });
  const outline = files.map((f, i) => ({ title: "Tài liệu " + f, target: { part: i } }));
  await loadPdfLib();
  const before = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const pack = { front: readFileSync(front), parts, outline, title: "Hồ sơ kiểm chứng", date: "2021-12-20T00:00:00Z" };
  let length = 0;
  if (mode === "chunks") {
    const fd = openSync(outFile, "w");
    for (const chunk of await writeEvidencePackChunks(pack)) length += writeSync(fd, chunk);
    closeSync(fd);
  } else {
    const bytes = await writeEvidencePack(pack);
    writeFileSync(outFile, bytes);
    length = bytes.length;
  }
  const ms = performance.now() - t0;
  const input = parts.reduce((s, p) => s + p.bytes.length, 0);
  console.log(JSON.stringify({ ms, mb: process.resourceUsage().maxRSS / 1024, before: before / 1024, input, output: length }));
})();
`,
  );
  // "bytes": writeEvidencePack's one array, then one write; "chunks": writeEvidencePackChunks, each chunk
  // written as it is (the scans are not copied into the pack's bytes).
  for (const [n, mode, pdf] of [
    [100, "bytes"],
    [300, "bytes"],
    [100, "chunks"],
    [300, "chunks"],
    [30, "chunks", true],
  ]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = spawnSync(process.execPath, [...NODE_FLAGS, child, join(unit, "bao-cao.pdf"), pdf ? pdfs : scans, String(n), join(dir, "pack.pdf"), mode], {
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(r.stderr);
      runs.push(JSON.parse(r.stdout));
    }
    const times = runs.map((r) => r.ms);
    const { input, output } = runs[0];
    console.log(
      `${`pack as ${mode}, written: front + ${pdf ? `${n} PDFs of 10 scans` : `${n} JPEG scans`} (${(input / 2 ** 20).toFixed(0)} MB)`.padEnd(58)} median ${fmt(median(times)).padStart(8)}  (min ${fmt(
        Math.min(...times),
      )}, n=${RUNS})  peak ${Math.max(...runs.map((r) => r.mb)).toFixed(0)} MB (${Math.max(...runs.map((r) => r.before)).toFixed(0)} MB before)  pack ${(
        output /
        2 ** 20
      ).toFixed(1)} MB` + (n === 300 || pdf ? "  target ≤ 3 s, ≤ 300 MB" : ""),
    );
  }
  // The whole build of an assessment whose evidence is the 300 scans (declared by criterion 1.1.1):
  // listing, reading and hashing them, the index, the pack of 380 pages written in chunks, the manifest.
  const project = join(dir, "project");
  cpSync(bare, project, { recursive: true });
  const file = join(project, "content/assessments/2021/van-phong-ubnd-tinh.yaml");
  const list = scanFiles.map((f) => `      - ${f}\n`).join("");
  let yaml = readFileSync(file, "utf8");
  yaml = yaml.replace("    evidence:\n      - anh-hoi-nghi-can-bo-2020.png\n", `    evidence:\n${list}`);
  yaml = yaml.replace("    evidence:\n      - file: 167_QĐ-VP.pdf\n        pages: 2-3\n", "");
  writeFileSync(file, yaml);
  cpSync(scans, join(project, "content/evidence/2021/van-phong-ubnd-tinh"), { recursive: true });
  bench(
    "build the example with 300 scans as its evidence",
    process.execPath,
    [...NODE_FLAGS, CLI, "build", EXAMPLE, "--force", "--quiet", "--out", join(dir, "o")],
    project,
    {
      target: "≤ 3 s, ≤ 300 MB",
    },
  );
  const built = JSON.parse(readFileSync(join(dir, "o/2021/van-phong-ubnd-tinh/ho-so-kiem-chung.json"), "utf8"));
  console.log(`its pack: ${built.pack.evidencePages} evidence pages, ${(built.pack.size / 2 ** 20).toFixed(1)} MB`);
  rmSync(dir, { recursive: true, force: true });
  console.log();
}

/** Issue 5 targets, when the review commands exist. */
function reviewBench(dir) {
  const help = spawnSync(process.execPath, [...NODE_FLAGS, CLI, "help"], { encoding: "utf8" }).stdout;
  if (help.includes("summary")) {
    // First run: no unit's row cached (the tool's compiled-code and validator caches stay, as after
    // any earlier command); and wholly cold, every cache off.
    const rows = join(ROOT, "node_modules/.cache/chamdiem/summary");
    bench(`summary over ${N} assessments, no rows cached (first run)`, process.execPath, [...NODE_FLAGS, CLI, "summary", "content", "--format", "json"], dir, {
      runs: 3,
      before: () => rmSync(rows, { recursive: true, force: true }),
      target: "≤ 3 s",
    });
    bench(`summary over ${N} assessments, every cache off`, process.execPath, [...NODE_FLAGS, CLI, "summary", "content", "--format", "json"], dir, {
      runs: 3,
      env: { CHAMDIEM_CACHE: "0" },
    });
    // One run to fill the row cache (the last run above had the caches turned off), then the re-runs.
    spawnSync(process.execPath, [...NODE_FLAGS, CLI, "summary", "content", "--format", "json"], { cwd: dir, stdio: "ignore" });
    bench(`summary over ${N} assessments, rows cached (re-run)`, process.execPath, [...NODE_FLAGS, CLI, "summary", "content", "--format", "json"], dir, {
      runs: 3,
    });
  }
  if (help.includes("diff")) {
    const git = (...a) => execFileSync("git", a, { cwd: dir, stdio: "ignore" });
    git("init", "-q");
    git("-c", "user.email=b@b", "-c", "user.name=bench", "add", "content");
    git("-c", "user.email=b@b", "-c", "user.name=bench", "commit", "-qm", "base");
    for (let i = 1; i <= 10; i++) {
      const f = join(dir, `content/assessments/2021/don-vi-${String(i * 7).padStart(4, "0")}.yaml`);
      writeFileSync(f, readFileSync(f, "utf8").replace("value: 98.93\n    score: 3", "value: 90\n    score: 2"));
    }
    git("-c", "user.email=b@b", "-c", "user.name=bench", "commit", "-qam", "ten changed");
    bench(`diff HEAD~1 over ${N} assessments, 10 changed`, process.execPath, [...NODE_FLAGS, CLI, "diff", "HEAD~1", "--format", "json"], dir, {
      runs: 3,
      target: "≤ 2 s",
    });
  }
}
