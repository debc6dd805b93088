/**
 * Issue 11, scale and faults: rubrics of 10 000 criteria, floods of 100 000 diagnostics in one file
 * (each code reported 20 times more than the rubric has criteria and groups, then counted, CD423;
 * ten times that per file, CD424), a build killed at random
 * moments (every output absent, old or complete; the next build repairs everything), and the build
 * manifest's repair of outputs that were truncated, replaced or deleted.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { itemCount, runChecks, type InputFile } from "../src/pipeline/run-checks.js";
import { boundDiagnostics, diag, message, PER_CODE_LIMIT, PER_FILE_LIMIT, type Diagnostic } from "../src/diagnostics/diagnostic.js";
import { CATALOG, type Code } from "../src/diagnostics/catalog/index.js";
import { countBySeverity } from "../src/diagnostics/format.js";
import { input, readExampleText, ROOT } from "./helpers/example.js";
import { MINI_RUBRIC, miniText } from "./helpers/mini.js";

const enc = (s: string) => new TextEncoder().encode(s);
/** Scratch folders, removed at the end (the fault test's holds 60 units' documents, three times). */
const scratch: string[] = [];
const scratchDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});
const file = (path: string, text: string): InputFile => ({ path, bytes: enc(text) });
/** 1-based line of the first line of `text` that equals `line`. */
const lineOf = (text: string, line: string) => {
  const i = text.split("\n").indexOf(line);
  if (i < 0) throw new Error(`line not found: ${line}`);
  return i + 1;
};
const codesAt = (ds: readonly Diagnostic[], path: string) => ds.filter((d) => d.pos.file === path).map((d) => `${d.code}@${d.pos.line}`);

/**
 * A rubric of `groups` × `leaves` choice criteria (a: full points, b: 0), under `depth` levels of
 * groups, and an assessment answering every criterion "a" but those in `b`. Block YAML, or flow
 * mappings for the leaves (`flow`) to stay under the 2 MB input limit at depth.
 */
function bigRubric(groups: number, leaves: number, depth: number, flow: boolean, b: ReadonlySet<string> = new Set()) {
  const r = ["id: big", "title: BIỂU CHẤM ĐIỂM {year}", "max: " + groups, "items:"];
  const ids: string[] = [];
  const perLeaf = 100 / leaves; // hundredths of a point per leaf: a group of `leaves` leaves is worth 1
  for (let g = 1; g <= groups; g++) {
    let ind = "  ";
    let id = String(g);
    r.push(`${ind}- id: "${id}"`, `${ind}  title: Nhóm ${id}`, `${ind}  max: 1`, `${ind}  items:`);
    for (let d = 1; d < depth; d++) {
      ind += "  ";
      id += ".1";
      r.push(`${ind}- id: "${id}"`, `${ind}  title: Nhóm ${id}`, `${ind}  max: 1`, `${ind}  items:`);
    }
    ind += "  ";
    for (let l = 1; l <= leaves; l++) {
      const lid = `${id}.${l}`;
      const max = (perLeaf / 100).toFixed(2);
      if (flow) r.push(`${ind}- {id: "${lid}", title: T, max: ${max}, options: [{id: a, text: Đạt, points: ${max}}, {id: b, text: Không, points: 0}]}`);
      else {
        r.push(`${ind}- id: "${lid}"`, `${ind}  title: T ${lid}`, `${ind}  max: ${max}`, `${ind}  input: choice`, `${ind}  options:`);
        r.push(`${ind}  - id: a`, `${ind}    text: Đạt`, `${ind}    points: ${max}`, `${ind}  - id: b`, `${ind}    text: Không`, `${ind}    points: 0`);
      }
      ids.push(lid);
    }
  }
  const a = [
    "rubric: big",
    "year: 2021",
    "unit:",
    "  name: Đơn vị thử nghiệm",
    "  agency: Văn phòng",
    "report:",
    "  number: 1",
    "  symbol: BC-VP",
    "  place: Quảng Ngãi",
    "  date: 2021-11-19",
    "  summary: Tự đánh giá",
    "  body: Kết quả {{total}}.",
    "  recipients:",
    "    - Sở Nội vụ",
    "  archive: VT",
    "  signer:",
    "    title: CHÁNH VĂN PHÒNG",
    "    name: Nguyễn Văn A",
    "answers:",
  ];
  for (const id of ids) a.push(`  "${id}":`, `    option: ${b.has(id) ? "b" : "a"}`, "    justification: Quyết định số 1/QĐ-UBND ngày 01/02/2021.");
  return { rubric: r.join("\n") + "\n", assessment: a.join("\n") + "\n", ids, expectedTotal: groups * 100 - b.size * perLeaf };
}

describe("scale: rubrics of 10 000 criteria", () => {
  it("a flat rubric of 10 000 criteria (≈ 2 MB) checks, with the exact total; a wrong option is reported at its line", () => {
    const b = new Set(["7.1", "42.13", "99.100"]);
    const big = bigRubric(100, 100, 1, false, b);
    expect(enc(big.rubric).length).toBeGreaterThan(1_900_000);
    expect(enc(big.rubric).length).toBeLessThan(2 * 1024 * 1024);
    const r = runChecks([file("big.yaml", big.rubric), file("a.yaml", big.assessment)]);
    expect(r.diagnostics).toEqual([]);
    expect(r.assessments[0]!.scored!.total).toBe(big.expectedTotal);
    expect(r.assessments[0]!.scored!.total).toBe(9997);

    // One unknown option and one unknown criterion among the 10 000 answers.
    const bad = big.assessment.replace('  "42.57":\n    option: a', '  "42.57":\n    option: z').replace('  "3.3":\n', '  "3.3x":\n');
    const r2 = runChecks([file("big.yaml", big.rubric), file("a.yaml", bad)]);
    expect(codesAt(r2.diagnostics, "a.yaml").sort()).toEqual(
      [`CD204@${lineOf(bad, "    option: z")}`, `CD401@${lineOf(bad, '  "3.3x":')}`, `CD403@${lineOf(bad, "answers:")}`].sort(),
    );
    const allowed = r2.diagnostics.find((d) => d.code === "CD204")!;
    expect(message(allowed, "en")).toContain("a, b");

    // With an appraisal: its rounds' criteria and responses are maps of 10 000 entries too.
    const appraisal = [
      "assessment: a.yaml",
      "rubric: big",
      "rounds:",
      "  - round: 1",
      "    date: 2021-12-01",
      "    criteria:",
      '      "1.1":',
      "        option: b",
      "        opinion: Chưa đủ hồ sơ.",
      '      "50.50":',
      "        option: q",
      "        opinion: Không có văn bản.",
      "    response:",
      "      date: 2021-12-05",
      "      criteria:",
      '        "1.1": Đã bổ sung hồ sơ.',
      '        "1.2": 7',
      "",
    ].join("\n");
    const r3 = runChecks([file("big.yaml", big.rubric), file("a.yaml", big.assessment), file("a.appraisal.yaml", appraisal)]);
    expect(
      codesAt(r3.diagnostics, "a.appraisal.yaml")
        .filter((c) => !c.startsWith("CD71"))
        .sort(),
    ).toEqual([`CD204@${lineOf(appraisal, "        option: q")}`, `CD203@${lineOf(appraisal, '        "1.2": 7')}`].sort());
    const good = appraisal.replace("        option: q", "        option: b").replace('        "1.2": 7\n', "");
    const r4 = runChecks([file("big.yaml", big.rubric), file("a.yaml", big.assessment), file("a.appraisal.yaml", good)]);
    expect(r4.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(r4.assessments[0]!.scored!.appraised!.total).toBe(big.expectedTotal - 2);
  });

  it("build writes the documents of a 10 000-criterion rubric (.docx), with the exact total", async () => {
    const big = bigRubric(100, 100, 1, false, new Set(["7.1", "42.13", "99.100"]));
    const dir = scratchDir("chamdiem-big-");
    mkdirSync(join(dir, "content/rubrics"), { recursive: true });
    mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
    writeFileSync(join(dir, "content/rubrics/big.yaml"), big.rubric);
    writeFileSync(join(dir, "content/assessments/2021/dv-01.yaml"), big.assessment);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["build", "--no-pdf", "--format", "json"], {
      cwd: dir,
      env: { CHAMDIEM_CACHE: "0" },
      isTTY: false,
      stdout: (x) => void out.push(x),
      stderr: (x) => void err.push(x),
    });
    expect(code, err.join("\n")).toBe(0);
    const json = JSON.parse(out.join("\n")) as { built: { total: number; outputs: string[] }[] };
    expect(json.built.map((b) => b.total)).toEqual([99.97]);
    expect(statSync(join(dir, "output/2021/dv-01/bieu-cham-diem.docx")).size).toBeGreaterThan(100_000);
  });

  it("10 000 criteria under five levels of groups check, with the exact total", () => {
    const b = new Set(["5.1.1.1.1.9", "77.1.1.1.1.100"]);
    const big = bigRubric(100, 100, 5, true, b);
    expect(enc(big.rubric).length).toBeLessThan(2 * 1024 * 1024);
    const r = runChecks([file("deep.yaml", big.rubric), file("a.yaml", big.assessment)]);
    expect(r.diagnostics).toEqual([]);
    expect(r.assessments[0]!.scored!.total).toBe(big.expectedTotal);
  });
});

describe("floods: each code reported 20 times more than the rubric has items, then counted (CD423); ten times that per file (CD424)", () => {
  const N = 100_000;
  const rep = (s: string, n: number, sep = "") => Array.from({ length: n }, (_, i) => s.replaceAll("#", String(i))).join(sep);
  const JUSTIFICATION = "justification: Kế hoạch số 12/KH-VP ngày 05/01/2021.";
  const cases: { name: string; text: () => string; code: string; first: (t: string) => number; count: number }[] = [
    {
      name: "100 000 answers with unknown criterion ids",
      text: () => miniText().replace("answers:\n", "answers:\n" + rep('  "u#": a', N, "\n") + "\n"),
      code: "CD401",
      first: (t) => lineOf(t, '  "u0": a'),
      count: N,
    },
    {
      name: "100 000 unknown fields in one answer",
      text: () => miniText().replace('  "1.1":\n', '  "1.1":\n' + rep("    f#: 1", N, "\n") + "\n"),
      code: "CD202",
      first: (t) => lineOf(t, "    f0: 1"),
      count: N,
    },
    {
      name: "100 000 unknown options ticked in a checklist",
      text: () => miniText().replace("    options:\n", "    options:\n" + rep("      x#:", N, "\n") + "\n"),
      code: "CD202",
      first: (t) => lineOf(t, "      x0:"),
      count: N,
    },
    {
      name: "60 000 citations dated after the report",
      text: () => miniText().replace(JUSTIFICATION, "justification: " + rep("số #/QĐ-VP ngày 1/1/2099; ", 60_000)),
      code: "CD504",
      first: (t) => lineOf(t, "    justification: " + rep("số #/QĐ-VP ngày 1/1/2099; ", 60_000)),
      count: 60_000,
    },
    {
      name: "100 000 repeated words",
      text: () => miniText().replace(JUSTIFICATION, "justification: " + rep("và ", N + 1)),
      code: "CD509",
      first: (t) => lineOf(t, "    justification: " + rep("và ", N + 1)),
      count: N,
    },
    {
      name: "100 000 HTML tags that are not allowed",
      text: () => miniText().replace(JUSTIFICATION, "justification: " + rep("<q>", N)),
      code: "CD501",
      first: (t) => lineOf(t, "    justification: " + rep("<q>", N)),
      count: N,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.code} 30 times, then one CD423 with the count of the rest`, () => {
      const text = c.text();
      expect(enc(text).length).toBeLessThan(2 * 1024 * 1024);
      const t0 = performance.now();
      const r = runChecks([input(MINI_RUBRIC), file("flood.yaml", text)]);
      const seconds = (performance.now() - t0) / 1000;
      const own = r.diagnostics.filter((d) => d.pos.file === "flood.yaml");
      const ofCode = own.filter((d) => d.code === c.code);
      // 20 more than the rubric has criteria and groups (a file may report each of them once).
      const perCode = PER_CODE_LIMIT + itemCount(r.rubrics[0]!.rubric!);
      expect(perCode).toBe(30);
      expect(ofCode).toHaveLength(perCode);
      expect(ofCode[0]!.pos.line).toBe(c.first(text));
      const summary = own.filter((d) => d.code === "CD423");
      expect(summary).toHaveLength(1);
      expect(summary[0]!.args).toMatchObject({ code: c.code, count: c.count - perCode, limit: perCode });
      expect(message(summary[0]!, "vi")).toContain(`Còn ${c.count - perCode} chỗ khác trong tệp này cũng có thông báo ${c.code}`);
      expect(own.length).toBeLessThanOrEqual(10 * perCode);
      // The counts printed at the end still count what was left out.
      expect(countBySeverity(own)[CATALOG[c.code as Code].severity]).toBeGreaterThanOrEqual(c.count);
      // Linear work: it took minutes when each answer's position was a scan of every answer.
      expect(seconds).toBeLessThan(30);
    });
  }

  it("a file over 200 diagnostics keeps its errors first and counts the rest (CD424)", () => {
    const ds: Diagnostic[] = [];
    const codes = ["CD409", "CD509", "CD513", "CD512", "CD505", "CD506", "CD507", "CD508", "CD511", "CD419", "CD416", "CD413"] as const;
    for (const [k, code] of codes.entries()) for (let i = 0; i < 20; i++) ds.push(diag(code, { file: "f.yaml", line: 1 + k * 20 + i, column: 1 }));
    ds.push(diag("CD401", { file: "f.yaml", line: 900, column: 3 }, { id: "x", rubric: "mini" }));
    ds.push(diag("CD409", { file: "other.yaml", line: 5, column: 1 }, { id: "1", score: "1" }));
    const out = boundDiagnostics(ds);
    const f = out.filter((d) => d.pos.file === "f.yaml");
    expect(f).toHaveLength(PER_FILE_LIMIT);
    expect(f.filter((d) => d.code === "CD401").map((d) => d.pos.line)).toEqual([900]);
    const cap = f.filter((d) => d.code === "CD424");
    expect(cap).toHaveLength(1);
    // 241 diagnostics: 199 shown (the error and the first 198 warnings by position), 42 counted.
    expect(cap[0]!.args).toMatchObject({ count: 42, limit: PER_FILE_LIMIT });
    expect(cap[0]!.pos.line).toBe(199);
    expect(out.filter((d) => d.pos.file === "other.yaml")).toHaveLength(1);
    expect(countBySeverity(f)).toEqual({ error: 1, warning: 240, info: 0 });
    // Within the bounds a list is returned as it is.
    const small = ds.slice(0, 150);
    expect(boundDiagnostics(small)).toBe(small);
  });

  it("a message quotes at most 20 of a criterion's options", () => {
    const options = Array.from({ length: 30 }, (_, i) => `          - { id: o${i}, text: "Phương án ${i}: 0", points: 0 }`).join("\n");
    const rubric = readExampleText(MINI_RUBRIC).replace(
      /( {6}- id: "1\.1"\n(?: {8}.*\n)*? {8}options:\n)((?: {10}- .*\n)+)/,
      (_, head: string) => `${head}${options}\n`,
    );
    expect(rubric).toContain("id: o29");
    const text = miniText().replace('  "1.1":\n    option: a\n    score: 3', '  "1.1":\n    option: zz');
    const r = runChecks([file("r.yaml", rubric), file("a.yaml", text)]);
    const d = r.diagnostics.find((x) => x.pos.file === "a.yaml" && (x.code === "CD204" || x.code === "CD404"))!;
    expect(d.pos.line).toBe(lineOf(text, "    option: zz"));
    expect(message(d, "en")).toContain("o0, o1, o2");
    expect(message(d, "en")).toContain("o19, …");
    expect(message(d, "en")).not.toContain("o20");
  });
});

// ---------------------------------------------------------------------------------------------
// The build manifest's repair, and a build killed at random moments.

const FILES = ["bao-cao.docx", "bao-cao.pdf", "bieu-cham-diem.docx", "bieu-cham-diem.pdf"];
const MANIFEST = ".chamdiem-build.json";
const RUNNING = ".chamdiem-build.running";
const CLI = join(ROOT, "dist/chamdiem.cjs");
/** The example's assessment with its unit's name, report number and (version 2) wording changed. */
function unitText(text: string, i: number, version: 1 | 2): string {
  return text
    .replace("name: Văn phòng UBND tỉnh", version === 1 ? `name: Đơn vị thử nghiệm số ${i + 1}` : `name: Đơn vị thử nghiệm thứ ${i + 1}`)
    .replace("number: 1880", `number: ${1000 + i}`);
}

/** A project of `n` assessments (the example's rubric); `writeVersion` rewrites them all. */
function unitsProject(n: number) {
  const dir = scratchDir("chamdiem-faults-");
  cpSync(join(ROOT, "content/rubrics"), join(dir, "content/rubrics"), { recursive: true });
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  const example = readExampleText("content/assessments/2021/van-phong-ubnd-tinh.yaml");
  const units = Array.from({ length: n }, (_, i) => `dv-${String(i + 1).padStart(2, "0")}`);
  const writeVersion = (version: 1 | 2) => {
    units.forEach((u, i) => writeFileSync(join(dir, `content/assessments/2021/${u}.yaml`), unitText(example, i, version)));
  };
  writeVersion(1);
  return { dir, units, writeVersion };
}

async function buildIn(cwd: string, args: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["build", "--format", "json", ...args], {
    cwd,
    env: { CHAMDIEM_CACHE: "0", SOURCE_DATE_EPOCH: "0" },
    isTTY: false,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
  });
  const json = JSON.parse(out.join("\n")) as { built: { file: string }[]; skipped: number };
  return { code, err: err.join("\n"), built: json.built.map((b) => b.file.replace(/^.*\/(dv-\d+)\.yaml$/, "$1")).sort(), skipped: json.skipped };
}

/** Every file under a folder: relative path → bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join("/"), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** The documents of a folder (its manifest, marker and temporary files left out). */
function documents(dir: string): Map<string, Buffer> {
  const all = filesUnder(dir);
  for (const k of [...all.keys()]) if (!FILES.some((f) => k.endsWith("/" + f))) all.delete(k);
  return all;
}

function expectSameDocuments(actual: Map<string, Buffer>, expected: Map<string, Buffer>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected].filter(([k, v]) => !actual.get(k)!.equals(v)).map(([k]) => k);
  expect(differing).toEqual([]);
}

describe("the build manifest repairs what it recorded", () => {
  it("rebuilds exactly the assessment whose output was truncated, replaced by garbage of its size, deleted or saved again", async () => {
    const { dir } = unitsProject(3);
    const first = await buildIn(dir);
    expect(first.code, first.err).toBe(0);
    expect(first.built).toEqual(["dv-01", "dv-02", "dv-03"]);
    const reference = documents(join(dir, "output"));
    expect(reference.size).toBe(12);
    const out = (u: string, f: string) => join(dir, "output/2021", u, f);
    const again = async (label: string, expected: string[]) => {
      const r = await buildIn(dir);
      expect(r.code, r.err).toBe(0);
      expect(r.built, label).toEqual(expected);
      expect(r.skipped, label).toBe(3 - expected.length);
      expectSameDocuments(documents(join(dir, "output")), reference);
    };
    await again("nothing changed", []);

    truncateSync(out("dv-02", "bao-cao.pdf"), 1000);
    await again("a truncated PDF", ["dv-02"]);

    const size = statSync(out("dv-03", "bieu-cham-diem.docx")).size;
    writeFileSync(out("dv-03", "bieu-cham-diem.docx"), Buffer.alloc(size, 0x5a));
    await again("garbage of the same size", ["dv-03"]);

    rmSync(out("dv-01", "bao-cao.docx"));
    await again("a deleted .docx", ["dv-01"]);

    // Rewritten in place, its modification time what the manifest says (touch -r, cp -p and tools that
    // keep it; utimes cannot set nanoseconds back, so the manifest is told instead): the change time tells.
    const p = out("dv-02", "bieu-cham-diem.pdf");
    const bytes = readFileSync(p);
    bytes[bytes.length - 10]! ^= 0xff;
    writeFileSync(p, bytes);
    const manifestPath = join(dir, "output", MANIFEST);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    const record = manifest.entries["content/assessments/2021/dv-02.yaml"].outputs.find((o: { path: string }) => o.path.endsWith("dv-02/bieu-cham-diem.pdf"));
    expect(record.size).toBe(bytes.length);
    record.mtime = statSync(p).mtimeMs;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    await again("same size and modification time", ["dv-02"]);

    // A manifest damaged by hand rebuilds everything, without an error.
    writeFileSync(join(dir, "output", MANIFEST), '{"version": 2, "entries": {"content/assessments/2021/dv-01.yaml": {"hash": 1, "outputs": [7]}}}');
    await again("a damaged manifest", ["dv-01", "dv-02", "dv-03"]);
  });

  it("removes the temporary files of killed builds: its own machine's when their process is gone, any after an hour", async () => {
    const { dir } = unitsProject(2);
    expect((await buildIn(dir)).code).toBe(0);
    const folder = join(dir, "output/2021/dv-01");
    const host =
      hostname()
        .replace(/[^A-Za-z0-9]/g, "")
        .slice(0, 32) || "host";
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const names = {
      dead: `.bao-cao.pdf.${host}-${dead}.k2j3h4.tmp`,
      older: `bao-cao.docx.${dead}.a1b2c3.tmp`, // named by versions before the hidden names
      live: `.bao-cao.pdf.${host}-${process.pid}.zz9.tmp`,
      otherHost: `.bao-cao.pdf.someotherhost-${dead}.q1.tmp`,
      otherHostOld: `.bieu-cham-diem.pdf.someotherhost-${dead}.q2.tmp`,
      notOurs: `ghi-chu.txt.${dead}.x.tmp`,
    };
    for (const n of Object.values(names)) writeFileSync(join(folder, n), "partial");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(join(folder, names.otherHostOld), twoHoursAgo, twoHoursAgo);

    // A no-op build looks for stale files only when a killed build left its marker.
    expect((await buildIn(dir)).built).toEqual([]);
    expect(readdirSync(folder)).toContain(names.dead);
    writeFileSync(join(dir, "output", RUNNING), `${dead}\n`);
    const r = await buildIn(dir);
    expect(r.built).toEqual([]);
    const left = readdirSync(folder).sort();
    expect(left).toEqual([...FILES, names.live, names.otherHost, names.notOurs].sort());
    expect(existsSync(join(dir, "output", RUNNING))).toBe(false);
  });
});

/** mulberry32: the trials' delays, the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
}

/** `node dist/chamdiem.cjs build` in its own process group, killed (SIGKILL, the whole group) after `killAfter` ms. */
function cliBuild(cwd: string, args: string[], killAfter?: number): Promise<Run> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--v8-pool-size=1", CLI, "build", "--quiet", ...args], {
      cwd,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, SOURCE_DATE_EPOCH: "0" },
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => void (stderr += d.toString()));
    const timer = killAfter === undefined ? undefined : setTimeout(() => process.kill(-child.pid!, "SIGKILL"), killAfter);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, ms: performance.now() - t0, stderr });
    });
  });
}

describe("a build killed at random moments", () => {
  it("leaves every output absent, old or complete, and the next build without --force repairs everything (60 assessments, 20 trials)", async () => {
    expect(existsSync(CLI), "run `npm run bundle`").toBe(true);
    const { dir, writeVersion } = unitsProject(60);
    // Two output folders: all four documents on both cores, and the .docx alone on the main thread.
    const modes = [
      { out: "output-all", args: ["--out", "output-all"] },
      { out: "output-docx", args: ["--out", "output-docx", "--no-pdf", "--jobs", "1"] },
    ];
    // References: clean builds of each version (version 2 into a folder of its own).
    const refs = new Map<string, Map<1 | 2, Map<string, Buffer>>>();
    const duration = new Map<string, number>();
    for (const m of modes) {
      writeVersion(2);
      const r2 = await cliBuild(dir, ["--out", `${m.out}-ref2`, ...m.args.slice(2)]);
      expect(r2.code, r2.stderr).toBe(0);
      writeVersion(1);
      const r1 = await cliBuild(dir, m.args);
      expect(r1.code, r1.stderr).toBe(0);
      // The faster of the two (the first also filled the validator and code caches).
      duration.set(m.out, Math.min(r1.ms, r2.ms));
      const v1 = documents(join(dir, m.out));
      const v2 = documents(join(dir, `${m.out}-ref2`));
      expect(v1.size).toBe(m.out === "output-all" ? 240 : 120);
      expect([...v1.keys()].sort()).toEqual([...v2.keys()].sort());
      expect([...v1].filter(([k, b]) => b.equals(v2.get(k)!))).toEqual([]);
      refs.set(
        m.out,
        new Map([
          [1, v1],
          [2, v2],
        ]),
      );
    }

    const random = seeded(11);
    const state = new Map<string, 1 | 2>(modes.map((m) => [m.out, 1]));
    let killed = 0;
    let mixed = 0;
    let temps = 0;
    const perMode = new Map<string, number>();
    for (let trial = 0; trial < 20; trial++) {
      // 8 trials with all four documents, 12 with the .docx alone (faster), interleaved.
      const m = modes[trial % 5 < 2 ? 0 : 1]!;
      const nth = perMode.get(m.out) ?? 0;
      perMode.set(m.out, nth + 1);
      const ref = refs.get(m.out)!;
      const from = state.get(m.out)!;
      const to = from === 1 ? 2 : 1;
      writeVersion(to);
      const delay = (0.02 + 0.88 * random()) * duration.get(m.out)!;
      const run = await cliBuild(dir, m.args, delay);
      if (run.signal === "SIGKILL") killed++;
      else expect(run.code, run.stderr).toBe(0);

      // Every file: a document of either version, complete, or absent; the manifest whole; the rest hidden temporaries.
      const now = filesUnder(join(dir, m.out));
      let fromOld = 0;
      let fromNew = 0;
      for (const [k, bytes] of now) {
        const name = k.split("/").pop()!;
        if (FILES.includes(name)) {
          const isOld = bytes.equals(ref.get(from)!.get(k)!);
          const isNew = bytes.equals(ref.get(to)!.get(k)!);
          expect(isOld || isNew, `trial ${trial}: ${k} is neither version (${bytes.length} bytes)`).toBe(true);
          if (isOld) fromOld++;
          else fromNew++;
        } else if (k === MANIFEST) {
          expect(() => JSON.parse(bytes.toString("utf8")), `trial ${trial}: the manifest is whole`).not.toThrow();
        } else if (k === RUNNING) {
          expect(run.signal).toBe("SIGKILL");
        } else {
          expect(name, `trial ${trial}: ${k}`).toMatch(/^\..+\.tmp$/);
          temps++;
        }
      }
      if (fromOld > 0 && fromNew > 0) mixed++;

      // Half the trials go on to the new version, half go back to the old one (git checkout):
      // then the manifest says "up to date" for documents the killed build replaced.
      const target = nth % 2 === 0 ? to : from;
      writeVersion(target);
      const repair = await cliBuild(dir, m.args);
      expect(repair.code, `trial ${trial}: ${repair.stderr}`).toBe(0);
      const after = filesUnder(join(dir, m.out));
      expect([...after.keys()].filter((k) => !FILES.some((f) => k.endsWith("/" + f)))).toEqual([MANIFEST]);
      expectSameDocuments(documents(join(dir, m.out)), ref.get(target)!);
      state.set(m.out, target);
    }
    // The trials did kill builds in the middle of their work.
    expect(killed).toBeGreaterThanOrEqual(10);
    expect(mixed).toBeGreaterThanOrEqual(3);
    const d = [...duration].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(", ");
    console.log(`fault test: ${killed}/20 builds killed, ${mixed} left both versions, ${temps} temporary files found; full builds: ${d}`);
  }, 600_000);
});
