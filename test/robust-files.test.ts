/**
 * What the file system can do to an input, through the commands themselves (main, in a throwaway
 * project folder): FIFOs, devices, folders and huge files where a file is expected, permissions and
 * disk errors (injected: the tests run as root, where no permission is ever refused), symbolic links
 * (to files, to folders, in loops, to nothing), the same rubric in two folders, and nesting too deep
 * in every kind of input. Each case asserts the diagnostic's code and line, the exit status, that
 * there was no internal error, and for `build` that the other assessments were still built.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nodeFs } from "../src/cli/world.js";
import type { WorldFs } from "../src/io/world.js";
import { main } from "../src/cli/main.js";
import { MAX_INPUT_BYTES } from "../src/read/yaml-source.js";
import { MAX_NESTING } from "../src/read/yaml-depth.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, ROOT } from "./helpers/example.js";

const A = "content/assessments/2021/van-phong-ubnd-tinh.yaml";
const A_APPRAISAL = "content/assessments/2021/van-phong-ubnd-tinh.appraisal.yaml";
const B = "content/assessments/2021/so-noi-vu.yaml";
const RUBRIC = "content/rubrics/dvcq-qng-2021.yaml";

let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A project with the example's rubric and two assessments (A with its appraisal, B a copy of A). */
function project(): string {
  dir = mkdtempSync(join(tmpdir(), "chamdiem-files-"));
  mkdirSync(join(dir, "content/rubrics"), { recursive: true });
  mkdirSync(join(dir, "content/assessments/2021"), { recursive: true });
  copyFileSync(join(ROOT, EXAMPLE_RUBRIC), join(dir, RUBRIC));
  copyFileSync(join(ROOT, EXAMPLE_ASSESSMENT), join(dir, A));
  copyFileSync(join(ROOT, A_APPRAISAL), join(dir, A_APPRAISAL));
  copyFileSync(join(ROOT, EXAMPLE_ASSESSMENT), join(dir, B));
  return dir;
}

async function run(cwd: string, args: string[], fs?: WorldFs) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { cwd, env: {}, isTTY: false, stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), ...(fs ? { fs } : {}) };
  const code = await main(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Diagnostics as "file:line CODE", from --format json. */
async function diagnosticsOf(cwd: string, args: string[], fs?: WorldFs) {
  const r = await run(cwd, [...args, "--format", "json"], fs);
  expect(r.err).not.toMatch(/Lỗi nội bộ|internal error|\bat \w+ \(/);
  const json = JSON.parse(r.out) as {
    diagnostics: { code: string; file: string; line: number; message: string; severity: string }[];
    built?: { file: string }[];
  };
  return { code: r.code, json, found: json.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`) };
}

function failing(code: string, when: (path: string) => boolean, call: "readFile" | "readdir" = "readFile"): WorldFs {
  const error = (p: string) => Object.assign(new Error(`${code}: ${p}`), { code });
  return {
    ...nodeFs,
    readFile(p, limit) {
      if (call === "readFile" && when(p)) throw error(p);
      return nodeFs.readFile(p, limit);
    },
    readdir(p) {
      if (call === "readdir" && when(p)) throw error(p);
      return nodeFs.readdir(p);
    },
  };
}

const builtFiles = (cwd: string, stem: string) => existsSync(join(cwd, "output/2021", stem, "bao-cao.docx"));

describe("files that are not regular files", () => {
  it("a FIFO named on the command line is refused without being opened (no hang)", async () => {
    const cwd = project();
    execFileSync("mkfifo", [join(cwd, "pipe.yaml")]);
    const r = await diagnosticsOf(cwd, ["check", "pipe.yaml", "content"]);
    expect(r.found).toContain("pipe.yaml:1 CD130");
    expect(r.json.diagnostics.find((d) => d.code === "CD130")!.message).toContain("FIFO");
    expect(r.code).toBe(1);
  });

  it("/dev/zero is refused as a device", async () => {
    const cwd = project();
    const r = await diagnosticsOf(cwd, ["check", "/dev/zero", "content/rubrics"]);
    expect(r.found).toContain("/dev/zero:1 CD130");
    expect(r.json.diagnostics.find((d) => d.code === "CD130")!.message).toContain("thiết bị");
    expect(r.code).toBe(1);
  });

  it("a folder named like the appraisal refuses that assessment on build; the other is built", async () => {
    const cwd = project();
    rmSync(join(cwd, A_APPRAISAL));
    mkdirSync(join(cwd, A_APPRAISAL));
    const r = await diagnosticsOf(cwd, ["build", "--no-pdf"]);
    expect(r.found).toContain(`${A_APPRAISAL}:1 CD130`);
    expect(r.json.diagnostics.find((d) => d.code === "CD130")!.message).toContain("thư mục");
    expect(r.code).toBe(1);
    expect(builtFiles(cwd, "so-noi-vu")).toBe(true);
    expect(builtFiles(cwd, "van-phong-ubnd-tinh")).toBe(false);
  });

  it("a FIFO as chamdiem.yaml is a positioned diagnostic, not a hang or a usage error", async () => {
    const cwd = project();
    execFileSync("mkfifo", [join(cwd, "chamdiem.yaml")]);
    const r = await diagnosticsOf(cwd, ["build", "--no-pdf"]);
    expect(r.found).toEqual(["chamdiem.yaml:1 CD130"]);
    expect(r.code).toBe(1);
  });
});

describe("size limit before reading", () => {
  it("a sparse 3 GB assessment on build: CD103 from its size alone; the other assessments are built", async () => {
    const cwd = project();
    truncateSync(join(cwd, B), 3 * 1024 ** 3);
    const r = await diagnosticsOf(cwd, ["build", "--no-pdf"]);
    expect(r.found).toContain(`${B}:1 CD103`);
    expect(r.json.diagnostics.find((d) => d.code === "CD103")!.message).toContain(String(3 * 1024 ** 3));
    expect(r.code).toBe(1);
    expect(builtFiles(cwd, "van-phong-ubnd-tinh")).toBe(true);
    expect(builtFiles(cwd, "so-noi-vu")).toBe(false);
  });

  it("a sparse 1,5 GB assessment on check, and a too large chamdiem.yaml on build", async () => {
    const cwd = project();
    truncateSync(join(cwd, B), 1.5 * 1024 ** 3);
    const c = await diagnosticsOf(cwd, ["check"]);
    expect(c.found).toContain(`${B}:1 CD103`);
    expect(c.code).toBe(1);
    writeFileSync(join(cwd, "chamdiem.yaml"), "formats: [docx]\n");
    truncateSync(join(cwd, "chamdiem.yaml"), MAX_INPUT_BYTES + 1);
    const b = await diagnosticsOf(cwd, ["build"]);
    expect(b.found).toEqual(["chamdiem.yaml:1 CD103"]);
    expect(b.code).toBe(1);
  });

  it("show, summary and init --from refuse a too large file too", async () => {
    const cwd = project();
    truncateSync(join(cwd, B), MAX_INPUT_BYTES + 10);
    const show = await run(cwd, ["show", B]);
    expect(show.err).toContain(`${B}:1:1: lỗi CD103`);
    expect(show.code).toBe(1);
    const summary = await run(cwd, ["summary"]);
    expect(summary.err).toContain(`${B}:1:1: lỗi CD103`);
    expect(summary.code).toBe(1);
    const init = await run(cwd, ["init", "--rubric", "dvcq-qng-2021", "--unit", "Sở Tư pháp", "--year", "2022", "--from", B]);
    expect(init.err).toContain(`${B}:1:1: lỗi CD103`);
    expect(init.code).toBe(1);
    for (const r of [show, summary, init]) expect(r.err).not.toMatch(/Lỗi nội bộ/);
  });

  it("diff reads working-tree files through the same limit", async () => {
    const cwd = project();
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd,
        encoding: "utf8",
        env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
      });
    git("init", "-q");
    git("add", "content");
    git("commit", "-q", "-m", "example");
    writeFileSync(join(cwd, B), readFileSync(join(cwd, B), "utf8") + "#".repeat(MAX_INPUT_BYTES));
    const r = await run(cwd, ["diff"]);
    expect(r.err).toContain(`${B}:1:1: lỗi CD103`);
    expect(r.err).not.toMatch(/Lỗi nội bộ/);
    expect(r.code).toBe(1);
  });
});

describe("errors of the operating system (injected)", () => {
  it("an assessment that cannot be read (EACCES) on build: CD101 'không có quyền đọc'; the other is built", async () => {
    const cwd = project();
    const r = await diagnosticsOf(
      cwd,
      ["build", "--no-pdf"],
      failing("EACCES", (p) => p.endsWith("so-noi-vu.yaml")),
    );
    expect(r.found).toContain(`${B}:1 CD101`);
    expect(r.json.diagnostics.find((d) => d.code === "CD101")!.message).toBe("Không đọc được tệp: không có quyền đọc");
    expect(r.code).toBe(1);
    expect(builtFiles(cwd, "van-phong-ubnd-tinh")).toBe(true);
    expect(builtFiles(cwd, "so-noi-vu")).toBe(false);
  });

  it("an appraisal that cannot be read (EIO) refuses its assessment, in English with --lang en", async () => {
    const cwd = project();
    const r = await diagnosticsOf(
      cwd,
      ["build", "--no-pdf", "--lang", "en"],
      failing("EIO", (p) => p.endsWith(".appraisal.yaml")),
    );
    expect(r.found).toContain(`${A_APPRAISAL}:1 CD101`);
    expect(r.json.diagnostics.find((d) => d.code === "CD101")!.message).toMatch(/^Cannot read the file: input\/output error/);
    expect(r.code).toBe(1);
    expect(builtFiles(cwd, "so-noi-vu")).toBe(true);
    expect(builtFiles(cwd, "van-phong-ubnd-tinh")).toBe(false);
  });

  it("a folder that cannot be listed (EACCES) on check and build: CD101 at the folder; the rest is checked and built", async () => {
    const cwd = project();
    mkdirSync(join(cwd, "content/assessments/2022"));
    const r = await diagnosticsOf(
      cwd,
      ["check"],
      failing("EACCES", (p) => p.endsWith("2022"), "readdir"),
    );
    expect(r.found).toContain("content/assessments/2022:1 CD101");
    expect(r.code).toBe(1);
    expect((r.json as unknown as { assessments: unknown[] }).assessments).toHaveLength(2);
    const b = await diagnosticsOf(
      cwd,
      ["build", "--no-pdf"],
      failing("EACCES", (p) => p.endsWith("2022"), "readdir"),
    );
    expect(b.found).toContain("content/assessments/2022:1 CD101");
    expect(b.code).toBe(1);
    expect(builtFiles(cwd, "van-phong-ubnd-tinh") && builtFiles(cwd, "so-noi-vu")).toBe(true);
  });

  it("a file gone between listing and reading (ENOENT) on summary", async () => {
    const cwd = project();
    const r = await run(
      cwd,
      ["summary"],
      failing("ENOENT", (p) => p.endsWith("so-noi-vu.yaml")),
    );
    expect(r.err).toContain(`${B}:1:1: lỗi CD101: Không đọc được tệp: tệp không còn nữa`);
    expect(r.err).not.toMatch(/Lỗi nội bộ/);
    expect(r.code).toBe(1);
  });
});

describe("symbolic links", () => {
  it("an assessment reached through a linked file and through a linked folder is checked, each once", async () => {
    const cwd = project();
    mkdirSync(join(cwd, "shared/2023"), { recursive: true });
    copyFileSync(join(ROOT, EXAMPLE_ASSESSMENT), join(cwd, "shared/2023/so-y-te.yaml"));
    copyFileSync(join(ROOT, EXAMPLE_ASSESSMENT), join(cwd, "shared/so-xay-dung.yaml"));
    symlinkSync(join(cwd, "shared/2023"), join(cwd, "content/assessments/2023"));
    symlinkSync(join(cwd, "shared/so-xay-dung.yaml"), join(cwd, "content/assessments/2021/so-xay-dung.yaml"));
    // The same file named twice more: through its link and by its real path.
    const r = await diagnosticsOf(cwd, ["check", "content", "content/assessments/2023/so-y-te.yaml"]);
    const files = (r.json as unknown as { assessments: { file: string }[] }).assessments.map((a) => a.file);
    expect(files).toEqual(
      [A, "content/assessments/2021/so-noi-vu.yaml", "content/assessments/2021/so-xay-dung.yaml", "content/assessments/2023/so-y-te.yaml"].sort(),
    );
    expect(r.json.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("a folder link back to its parent is walked once, with a warning (CD134)", async () => {
    const cwd = project();
    symlinkSync("..", join(cwd, "content/assessments/2021/up"));
    const r = await diagnosticsOf(cwd, ["check"]);
    expect(r.found).toContain("content/assessments/2021/up:1 CD134");
    expect((r.json as unknown as { assessments: unknown[] }).assessments).toHaveLength(2);
    expect(r.code).toBe(0);
  });

  it("links pointing at each other (ELOOP) are CD133", async () => {
    const cwd = project();
    symlinkSync("b.yaml", join(cwd, "content/assessments/2021/a.yaml"));
    symlinkSync("a.yaml", join(cwd, "content/assessments/2021/b.yaml"));
    const r = await diagnosticsOf(cwd, ["check"]);
    expect(r.found).toEqual(expect.arrayContaining(["content/assessments/2021/a.yaml:1 CD133", "content/assessments/2021/b.yaml:1 CD133"]));
    expect(r.code).toBe(1);
  });

  it("a dangling link: an error for a YAML name (CD131), a warning for another (CD132); build still builds", async () => {
    const cwd = project();
    symlinkSync("../2020/gone.yaml", join(cwd, "content/assessments/2021/so-cu.yaml"));
    symlinkSync("/nowhere/2024", join(cwd, "content/assessments/2024"));
    const r = await diagnosticsOf(cwd, ["build", "--no-pdf"]);
    expect(r.found).toContain("content/assessments/2021/so-cu.yaml:1 CD131");
    expect(r.found).toContain("content/assessments/2024:1 CD132");
    expect(r.json.diagnostics.find((d) => d.code === "CD131")!.message).toContain("../2020/gone.yaml");
    expect(r.code).toBe(1);
    expect(builtFiles(cwd, "van-phong-ubnd-tinh")).toBe(true);
    expect(builtFiles(cwd, "so-noi-vu")).toBe(true);
  });
});

describe("the same rubric in two rubric folders (a copied project)", () => {
  function withCopy(): string {
    const cwd = project();
    mkdirSync(join(cwd, "copy/content/rubrics"), { recursive: true });
    mkdirSync(join(cwd, "copy/content/assessments/2021"), { recursive: true });
    copyFileSync(join(cwd, RUBRIC), join(cwd, "copy", RUBRIC));
    copyFileSync(join(cwd, B), join(cwd, "copy", B));
    return cwd;
  }

  it("checking the copy uses the copy's own rubrics folder: no conflict", async () => {
    const cwd = withCopy();
    writeFileSync(join(cwd, "copy", RUBRIC), readFileSync(join(cwd, "copy", RUBRIC), "utf8").replace(/^title: /m, "title: BẢN SAO "));
    const r = await diagnosticsOf(cwd, ["check", "copy/content"]);
    expect(r.found.filter((f) => /CD312|CD136/.test(f))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("identical copies checked together are no conflict: a note (CD136) naming the file used", async () => {
    const cwd = withCopy();
    const r = await diagnosticsOf(cwd, ["check", "copy/content", "content"]);
    expect(r.found).toContain(`copy/${RUBRIC}:2 CD136`);
    expect(r.found.some((f) => f.endsWith("CD312"))).toBe(false);
    expect(r.json.diagnostics.find((d) => d.code === "CD136")!.message).toContain(RUBRIC);
    expect(r.code).toBe(0);
  });

  it("differing copies: CD312 says which rubrics folder is used and the file not used", async () => {
    const cwd = withCopy();
    writeFileSync(join(cwd, "copy", RUBRIC), readFileSync(join(cwd, "copy", RUBRIC), "utf8").replace(/^title: /m, "title: BẢN SAO "));
    const r = await diagnosticsOf(cwd, ["check", "copy/content", "content"]);
    expect(r.found).toContain(`copy/${RUBRIC}:2 CD312`);
    const m = r.json.diagnostics.find((d) => d.code === "CD312")!;
    expect(m.file).toBe(`copy/${RUBRIC}`);
    expect(m.message).toContain("thư mục content/rubrics");
    expect(m.message).toContain(`(${RUBRIC})`);
    expect(r.code).toBe(1);
  });
});

describe("nesting too deep, in every kind of input", () => {
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

  it("chamdiem.yaml: CD135 at its line, on build (not a raw usage error)", async () => {
    const cwd = project();
    writeFileSync(join(cwd, "chamdiem.yaml"), `formats: [docx]\nnumbers: ${deep(10_000)}\n`);
    const r = await diagnosticsOf(cwd, ["build"]);
    expect(r.found).toEqual(["chamdiem.yaml:2 CD135"]);
    expect(r.json.diagnostics[0]!.message).toContain(String(MAX_NESTING));
    expect(r.code).toBe(1);
    const text = await run(cwd, ["build"]);
    expect(text.err).toMatch(/^chamdiem.yaml:2:\d+: lỗi CD135: Dữ liệu lồng nhau quá sâu/);
    expect(text.err).not.toMatch(/Sai cách dùng|Maximum call stack/);
  });

  it("chamdiem.yaml with a YAML syntax error: CD105 at its line", async () => {
    const cwd = project();
    writeFileSync(join(cwd, "chamdiem.yaml"), 'formats: [docx]\nnumbers: { decimal: ","\n');
    const r = await diagnosticsOf(cwd, ["build"]);
    expect(r.found).toEqual(["chamdiem.yaml:3 CD105"]);
    expect(r.code).toBe(1);
  });

  it("an appraisal nested 10 000 deep (block) on build: CD135; the other assessment is built", async () => {
    const cwd = project();
    writeFileSync(join(cwd, A_APPRAISAL), readFileSync(join(cwd, A_APPRAISAL), "utf8") + "notes:\n  " + "- ".repeat(10_000) + "x\n");
    const lines = readFileSync(join(cwd, A_APPRAISAL), "utf8").split("\n").length - 1;
    const r = await diagnosticsOf(cwd, ["build", "--no-pdf"]);
    expect(r.found).toContain(`${A_APPRAISAL}:${lines} CD135`);
    expect(r.code).toBe(1);
    expect(builtFiles(cwd, "so-noi-vu")).toBe(true);
    expect(builtFiles(cwd, "van-phong-ubnd-tinh")).toBe(false);
  });

  it("a rubric and an assessment nested 10 000 deep on check: CD135 each, at their line", async () => {
    const cwd = project();
    writeFileSync(join(cwd, "content/rubrics/sau.yaml"), `id: sau\ntitle: SÂU\nitems: ${deep(10_000)}\n`);
    writeFileSync(join(cwd, B), `rubric: dvcq-qng-2021\nyear: 2021\nanswers:\n  "1.1": ${deep(10_000)}\n`);
    const r = await diagnosticsOf(cwd, ["check"]);
    expect(r.found).toContain("content/rubrics/sau.yaml:3 CD135");
    expect(r.found).toContain(`${B}:4 CD135`);
    expect(r.code).toBe(1);
  });
});
