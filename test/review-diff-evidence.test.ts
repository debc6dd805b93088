/**
 * `chamdiem diff` and the evidence folders (hồ sơ kiểm chứng) of the compared assessments, on a
 * throwaway git repository: files added, removed, changed and renamed with an assessment edit (c1 → c2),
 * a file added while the assessment stays as it was (c2 → c3), and the working tree (edits, untracked
 * files, a name decomposed as macOS writes it, a Git LFS pointer replaced by its content).
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { nodeFs } from "../src/cli/world.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, ROOT } from "./helpers/example.js";
import { scratchRepo, type ScratchRepo } from "./helpers/git-repo.js";

let scratch: ScratchRepo;
let repo: string;
const commits: string[] = [];
const git = (...args: string[]) => scratch.git(...args);
const commit = (message: string) => (scratch.commit(message), commits.push(scratch.commits.at(-1)!));
const run = (...args: string[]) => scratch.run(...args);
const A = "content/assessments/2021/van-phong-ubnd-tinh.yaml";
const B = "content/assessments/2021/so-tu-phap.yaml";
const EV_A = "content/evidence/2021/van-phong-ubnd-tinh";
const EV_B = "content/evidence/2021/so-tu-phap";
/** "kế-hoạch.pdf" decomposed (NFD), as a Mac writes it. */
const NFD_NAME = "ke\u0302\u0301-hoa\u0323ch.pdf";
const SCAN = "%PDF-1.7\nthe scanned content kept in Git LFS\n";

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}
const named = (s: string) => s.replaceAll(commits[0]!, "C1").replaceAll(commits[1]!, "C2");

beforeAll(() => {
  scratch = scratchRepo("chamdiem-diff-evidence-");
  repo = scratch.dir;
  git("config", "core.precomposeunicode", "false");
  mkdirSync(join(repo, "content/rubrics"), { recursive: true });
  mkdirSync(join(repo, "content/assessments/2021"), { recursive: true });
  copyFileSync(join(ROOT, EXAMPLE_RUBRIC), join(repo, EXAMPLE_RUBRIC));
  copyFileSync(join(ROOT, EXAMPLE_ASSESSMENT), join(repo, A));
  writeFileSync(join(repo, B), readFileSync(join(repo, A), "utf8").replace("  name: Văn phòng UBND tỉnh\n", "  name: Sở Tư pháp\n"));
  write(`${EV_A}/159_QĐ-UBND.pdf`, "%PDF-1.4\nquyet dinh 159\n");
  write(`${EV_A}/61-TB_ĐTN.png`, "png bytes\n");
  write(`${EV_A}/30_QD-VP.pdf`, "%PDF-1.4\nquyet dinh 30\n");
  write(`${EV_A}/ghi-chu.txt`, "not evidence\n");
  commit("c1: two assessments, evidence for Văn phòng");

  const a = readFileSync(join(repo, A), "utf8");
  writeFileSync(join(repo, A), a.replace("  number: 1880", "  number: 1881"));
  write(`${EV_A}/159_QĐ-UBND.pdf`, "%PDF-1.4\nquyet dinh 159, ban co dau do\n");
  rmSync(join(repo, `${EV_A}/61-TB_ĐTN.png`));
  renameSync(join(repo, `${EV_A}/30_QD-VP.pdf`), join(repo, `${EV_A}/30_QĐ-VP.pdf`));
  write(`${EV_A}/1785_NQ-VP.pdf`, "%PDF-1.4\nnghi quyet 1785\n");
  write(`${EV_A}/ghi-chu.txt`, "still not evidence\n");
  commit("c2: new report number, evidence edited");

  // Only evidence: Sở Tư pháp's assessment stays as it was. A file in another year's folder of
  // Văn phòng (its assessment is of 2021) does not concern the 2021 assessment.
  write(`${EV_B}/12_QĐ-STP.pdf`, "%PDF-1.4\nquyet dinh 12\n");
  write(`${EV_B}/${NFD_NAME}`, "%PDF-1.4\nke hoach\n");
  const oid = createHash("sha256").update(SCAN).digest("hex");
  write(`${EV_B}/scan.pdf`, `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${SCAN.length}\n`);
  write("content/evidence/2020/van-phong-ubnd-tinh/cu.pdf", "%PDF-1.4\nnam truoc\n");
  commit("c3: evidence of Sở Tư pháp");
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe("evidence between two commits", () => {
  it("added, removed, changed and renamed files, after the assessment's own changes (vi, en)", async () => {
    const r = await run("diff", commits[0]!, commits[1]!);
    expect(r.code).toBe(0);
    expect(named(r.out).split("\n")).toEqual([
      "So sánh C1 → C2: 1 bản tự chấm thay đổi",
      "",
      "thay đổi  content/assessments/2021/van-phong-ubnd-tinh.yaml  (Văn phòng UBND tỉnh, năm 2021)",
      "  Thông tin báo cáo:",
      "    report.number: 1880/BC-VP → 1881/BC-VP",
      "  Hồ sơ kiểm chứng (content/evidence/2021/van-phong-ubnd-tinh):",
      "    thêm mới: 1785_NQ-VP.pdf",
      "    đã xóa: 61-TB_ĐTN.png",
      "    thay đổi: 159_QĐ-UBND.pdf",
      "    đổi tên: 30_QD-VP.pdf → 30_QĐ-VP.pdf",
    ]);
    const en = await run("diff", commits[0]!, commits[1]!, "--lang", "en");
    expect(named(en.out).split("\n")).toEqual([
      "Comparing C1 → C2: 1 assessment(s) changed",
      "",
      "modified  content/assessments/2021/van-phong-ubnd-tinh.yaml  (Văn phòng UBND tỉnh, year 2021)",
      "  Report details:",
      "    report.number: 1880/BC-VP → 1881/BC-VP",
      "  Evidence (content/evidence/2021/van-phong-ubnd-tinh):",
      "    added: 1785_NQ-VP.pdf",
      "    deleted: 61-TB_ĐTN.png",
      "    modified: 159_QĐ-UBND.pdf",
      "    renamed: 30_QD-VP.pdf → 30_QĐ-VP.pdf",
    ]);
  });

  it("json, markdown and csv", async () => {
    const j = JSON.parse((await run("diff", "HEAD~2", "HEAD~1", "--format", "json")).out);
    expect(j.entries[0].evidence).toEqual({
      oldFolder: EV_A,
      folder: EV_A,
      added: ["1785_NQ-VP.pdf"],
      removed: ["61-TB_ĐTN.png"],
      changed: ["159_QĐ-UBND.pdf"],
      renamed: [{ from: "30_QD-VP.pdf", to: "30_QĐ-VP.pdf" }],
    });
    const md = (await run("diff", "HEAD~2", "HEAD~1", "--format", "markdown")).out.split("\n");
    expect(md.slice(md.indexOf("**Hồ sơ kiểm chứng** (`content/evidence/2021/van-phong-ubnd-tinh`):"))).toEqual([
      "**Hồ sơ kiểm chứng** (`content/evidence/2021/van-phong-ubnd-tinh`):",
      "",
      "- thêm mới: `1785_NQ-VP.pdf`",
      "- đã xóa: `61-TB_ĐTN.png`",
      "- thay đổi: `159_QĐ-UBND.pdf`",
      "- đổi tên: `30_QD-VP.pdf` → `30_QĐ-VP.pdf`",
    ]);
    const csv = (await run("diff", "HEAD~2", "HEAD~1", "--format", "csv")).out.split("\n");
    expect(csv.filter((l) => l.includes(",evidence,"))).toEqual([
      `modified,${A},,Văn phòng UBND tỉnh,,evidence,,1785_NQ-VP.pdf,,added`,
      `modified,${A},,Văn phòng UBND tỉnh,,evidence,61-TB_ĐTN.png,,,removed`,
      `modified,${A},,Văn phòng UBND tỉnh,,evidence,159_QĐ-UBND.pdf,159_QĐ-UBND.pdf,,changed`,
      `modified,${A},,Văn phòng UBND tỉnh,,evidence,30_QD-VP.pdf,30_QĐ-VP.pdf,,renamed`,
    ]);
  });

  it("evidence changed while the assessment did not: the assessment is listed for it alone", async () => {
    const r = await run("diff", "HEAD~1", "HEAD");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toEqual([
      "So sánh HEAD~1 → HEAD: 1 bản tự chấm thay đổi",
      "",
      "thay đổi  content/assessments/2021/so-tu-phap.yaml  (Sở Tư pháp, năm 2021)",
      "  Hồ sơ kiểm chứng (content/evidence/2021/so-tu-phap):",
      `    thêm mới: 12_QĐ-STP.pdf`,
      `    thêm mới: ${NFD_NAME}`,
      "    thêm mới: scan.pdf",
    ]);
  });

  it("a path scope without the evidence still reports the evidence of the assessments it compares", async () => {
    const r = await run("diff", "HEAD~2", "HEAD~1", "--", "content/assessments");
    expect(r.out).toContain("  Hồ sơ kiểm chứng (content/evidence/2021/van-phong-ubnd-tinh):\n    thêm mới: 1785_NQ-VP.pdf");
  });
});

describe("evidence against the working tree", () => {
  it("a decomposed name written composed and an LFS pointer replaced by its content are no change", async () => {
    renameSync(join(repo, EV_B, NFD_NAME), join(repo, EV_B, NFD_NAME.normalize("NFC")));
    writeFileSync(join(repo, EV_B, "scan.pdf"), SCAN);
    try {
      const r = await run("diff");
      expect(r.code).toBe(0);
      expect(r.out).toBe("Không có thay đổi nào về bản tự chấm hay thẩm định giữa HEAD và thư mục làm việc.");
    } finally {
      rmSync(join(repo, EV_B, NFD_NAME.normalize("NFC")));
      git("checkout", "-q", "--", EV_B);
    }
  });

  it("edited and untracked files are compared by their blob ids (vi, en)", async () => {
    writeFileSync(join(repo, EV_B, "12_QĐ-STP.pdf"), "%PDF-1.4\nquyet dinh 12, ban sua\n");
    writeFileSync(join(repo, EV_B, "anh-hoi-nghi.JPG"), "jpeg bytes\n");
    writeFileSync(join(repo, EV_B, "danh-sach.docx"), "not evidence\n");
    writeFileSync(join(repo, EV_B, "scan.pdf"), "%PDF-1.7\nanother scan\n");
    try {
      const r = await run("diff");
      expect(r.code).toBe(0);
      expect(r.out.split("\n")).toEqual([
        "So sánh HEAD → thư mục làm việc: 1 bản tự chấm thay đổi",
        "",
        "thay đổi  content/assessments/2021/so-tu-phap.yaml  (Sở Tư pháp, năm 2021)",
        "  Hồ sơ kiểm chứng (content/evidence/2021/so-tu-phap):",
        "    thêm mới: anh-hoi-nghi.JPG",
        "    thay đổi: 12_QĐ-STP.pdf",
        "    thay đổi: scan.pdf",
      ]);
      const en = await run("diff", "--lang", "en", "--format", "json");
      expect(JSON.parse(en.out).entries[0].evidence).toEqual({
        oldFolder: EV_B,
        folder: EV_B,
        added: ["anh-hoi-nghi.JPG"],
        removed: [],
        changed: ["12_QĐ-STP.pdf", "scan.pdf"],
        renamed: [],
      });
    } finally {
      rmSync(join(repo, EV_B, "anh-hoi-nghi.JPG"));
      rmSync(join(repo, EV_B, "danh-sach.docx"));
      git("checkout", "-q", "--", EV_B);
    }
  });

  it("reads only the evidence files git does not find unchanged (the index's blob ids for the others)", async () => {
    writeFileSync(join(repo, EV_B, "12_QĐ-STP.pdf"), "%PDF-1.4\nquyet dinh 12, ban sua\n");
    const read: string[] = [];
    const fs = { ...nodeFs, readFile: (p: string, limit: number) => (read.push(p), nodeFs.readFile(p, limit)) };
    try {
      const out: string[] = [];
      const code = await main(["diff"], { cwd: repo, env: { CHAMDIEM_CACHE: "0" }, isTTY: false, stdout: (s) => void out.push(s), stderr: () => {}, fs });
      expect(code).toBe(0);
      expect(out.join("\n")).toContain("  Hồ sơ kiểm chứng (content/evidence/2021/so-tu-phap):\n    thay đổi: 12_QĐ-STP.pdf");
      expect(read.filter((p) => p.includes("/evidence/")).map((p) => p.slice(repo.length + 1))).toEqual([`${EV_B}/12_QĐ-STP.pdf`]);
    } finally {
      git("checkout", "-q", "--", EV_B);
    }
  });

  it("an evidence file that cannot be read is reported as changed, with a warning (CD770), exit 0", async () => {
    writeFileSync(join(repo, EV_B, "12_QĐ-STP.pdf"), "%PDF-1.4\nquyet dinh 12, ban sua\n");
    const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    const fs = {
      ...nodeFs,
      readFile: (p: string, limit: number) =>
        p.endsWith(".pdf")
          ? (() => {
              throw denied;
            })()
          : nodeFs.readFile(p, limit),
    };
    try {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(["diff"], {
        cwd: repo,
        env: { CHAMDIEM_CACHE: "0" },
        isTTY: false,
        stdout: (s) => void out.push(s),
        stderr: (s) => void err.push(s),
        fs,
      });
      expect(code).toBe(0);
      expect(out.join("\n")).toContain("  Hồ sơ kiểm chứng (content/evidence/2021/so-tu-phap):\n    thay đổi: 12_QĐ-STP.pdf");
      expect(err.join("\n")).toContain(
        `${EV_B}/12_QĐ-STP.pdf:1:1: cảnh báo CD770: Không đọc được tệp hồ sơ kiểm chứng để so sánh (không có quyền đọc); tệp được báo là đã thay đổi`,
      );
    } finally {
      git("checkout", "-q", "--", EV_B);
    }
  });

  it("a deleted assessment: its evidence is listed as removed (text, json)", async () => {
    rmSync(join(repo, B));
    try {
      const r = await run("diff");
      expect(r.out.split("\n")).toEqual([
        "So sánh HEAD → thư mục làm việc: 1 bản tự chấm thay đổi",
        "",
        "đã xóa  content/assessments/2021/so-tu-phap.yaml  (Sở Tư pháp, năm 2021)",
        "  Tổng điểm: 100,00 / 100,00",
        "  Hồ sơ kiểm chứng (content/evidence/2021/so-tu-phap):",
        "    đã xóa: 12_QĐ-STP.pdf",
        `    đã xóa: ${NFD_NAME}`,
        "    đã xóa: scan.pdf",
      ]);
      const j = JSON.parse((await run("diff", "--format", "json")).out);
      expect(j.entries[0].evidence).toEqual({ oldFolder: EV_B, added: [], removed: ["12_QĐ-STP.pdf", NFD_NAME, "scan.pdf"], changed: [], renamed: [] });
    } finally {
      git("checkout", "-q", "--", B);
    }
  });

  it("a folder removed in the working tree: every file removed", async () => {
    rmSync(join(repo, EV_A), { recursive: true });
    try {
      const r = await run("diff", "--lang", "en");
      expect(r.out.split("\n")).toEqual([
        "Comparing HEAD → working tree: 1 assessment(s) changed",
        "",
        "modified  content/assessments/2021/van-phong-ubnd-tinh.yaml  (Văn phòng UBND tỉnh, year 2021)",
        "  Evidence (content/evidence/2021/van-phong-ubnd-tinh):",
        "    deleted: 159_QĐ-UBND.pdf",
        "    deleted: 1785_NQ-VP.pdf",
        "    deleted: 30_QĐ-VP.pdf",
      ]);
    } finally {
      git("checkout", "-q", "--", EV_A);
    }
  });
});
