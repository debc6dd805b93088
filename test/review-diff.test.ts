/**
 * `chamdiem diff` and `show --plain` on a throwaway git repository with several commits of the example:
 * a modified assessment (options, scores, justification words), an added one, then a rename and a
 * delete, then an appraisal, then uncommitted and untracked changes. Every format is asserted exactly.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { nodeGit } from "../src/cli/world.js";
import type { RunGit } from "../src/io/world.js";
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
const C = "content/assessments/2021/so-tu-phap-tinh.yaml";
const C_APPRAISAL = "content/assessments/2021/so-tu-phap-tinh.appraisal.yaml";

function edit(path: string, from: string, to: string): void {
  const p = join(repo, path);
  const t = readFileSync(p, "utf8");
  if (!t.includes(from)) throw new Error(`not found in ${path}: ${from}`);
  writeFileSync(p, t.replace(from, to));
}

beforeAll(() => {
  scratch = scratchRepo("chamdiem-diff-");
  repo = scratch.dir;
  mkdirSync(join(repo, "content/rubrics"), { recursive: true });
  mkdirSync(join(repo, "content/assessments/2021"), { recursive: true });
  copyFileSync(join(ROOT, EXAMPLE_RUBRIC), join(repo, EXAMPLE_RUBRIC));
  copyFileSync(join(ROOT, EXAMPLE_ASSESSMENT), join(repo, A));
  commit("c1: the example");

  edit(A, '  "1.1.1":\n    option: a\n    score: 3', '  "1.1.1":\n    option: b\n    score: 1');
  edit(A, "Công văn số 1562/VP-HCTC ngày 21/11/2020 của Văn phòng UBND tỉnh về việc", "Công văn số 1562/VP-HCTC ngày 22/11/2020 của Văn phòng về việc");
  edit(A, '  "2.1":\n    option: a\n    score: 5', '  "2.1":\n    option: b\n    score: 3');
  edit(A, "  number: 1880", "  number: 1881");
  writeFileSync(join(repo, B), readFileSync(join(repo, A), "utf8").replace("  name: Văn phòng UBND tỉnh\n", "  name: Sở Tư pháp\n"));
  commit("c2: rescore 1.1.1 and 2.1, add Sở Tư pháp");

  git("mv", B, C);
  git("rm", "-q", A);
  commit("c3: rename Sở Tư pháp, delete Văn phòng");

  writeFileSync(
    join(repo, C_APPRAISAL),
    [
      "assessment: so-tu-phap-tinh.yaml",
      "rubric: dvcq-qng-2021",
      "appraiser:",
      "  agency: Sở Nội vụ",
      "rounds:",
      "  - round: 1",
      "    date: 2021-12-06",
      "    criteria:",
      '      "1.1.1":',
      "        option: c",
      "        opinion: Không có kế hoạch năm 2021.",
      "",
    ].join("\n"),
  );
  commit("c4: appraisal of Sở Tư pháp");
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe("diff between two commits: modified and added", () => {
  it("text", async () => {
    const r = await run("diff", commits[0]!, commits[1]!);
    expect(r.code).toBe(0);
    expect(r.out.replaceAll(commits[0]!, "C1").replaceAll(commits[1]!, "C2")).toMatchInlineSnapshot(`
      "So sánh C1 → C2: 2 bản tự chấm thay đổi

      thêm mới  content/assessments/2021/so-tu-phap.yaml  (Sở Tư pháp, năm 2021)
        Tổng điểm: 96,00 / 100,00

      thay đổi  content/assessments/2021/van-phong-ubnd-tinh.yaml  (Văn phòng UBND tỉnh, năm 2021)
        Tổng điểm: 100,00 → 96,00 (−4,00) / 100,00
        Tiêu chí:
          1.1.1  Ban hành Kế hoạch thực hiện công tác dân vận hàng năm
            phương án: a → b
            điểm: 3,00 → 1,00 (−2,00)
            giải trình: … số 1562/VP-HCTC ngày [-21/11/2020-] {+22/11/2020+} của Văn phòng [-UBND tỉnh-] về việc triển …
          2.1  Kịp thời tham mưu các văn bản liên quan quyền, lợi ích, nguyện vọng của nhân dân (văn bản cụ thể)
            phương án: a → b
            điểm: 5,00 → 3,00 (−2,00)
        Nhóm tiêu chí:
          1  TIÊU CHÍ 1: 10,00 → 8,00 (−2,00)
          1.1  Nội dung 1: 5,00 → 3,00 (−2,00)
          2  TIÊU CHÍ 2: 10,00 → 8,00 (−2,00)
        Thông tin báo cáo:
          report.number: 1880/BC-VP → 1881/BC-VP"
    `);
  });

  it("markdown", async () => {
    const r = await run("diff", "HEAD~3", "HEAD~2", "--format", "markdown");
    expect(r.out).toMatchInlineSnapshot(`
      "## So sánh \`HEAD~3\` → \`HEAD~2\`: 2 bản tự chấm thay đổi

      ### Thêm mới: \`content/assessments/2021/so-tu-phap.yaml\` — Sở Tư pháp, năm 2021

      **Tổng điểm:** 96,00 / 100,00

      ### Thay đổi: \`content/assessments/2021/van-phong-ubnd-tinh.yaml\` — Văn phòng UBND tỉnh, năm 2021

      **Tổng điểm:** 100,00 → 96,00 (**−4,00**) / 100,00

      | Tiêu chí | Phương án | Điểm | Giải trình |
      |---|---|---|---|
      | **1.1.1** Ban hành Kế hoạch thực hiện công tác dân vận hàng năm | a → b | 3,00 → 1,00 (**−2,00**) | … số 1562/VP-HCTC ngày ~~21/11/2020~~ **22/11/2020** của Văn phòng ~~UBND tỉnh~~ về việc triển … |
      | **2.1** Kịp thời tham mưu các văn bản liên quan quyền, lợi ích, nguyện vọng của nhân dân (văn bản cụ thể) | a → b | 5,00 → 3,00 (**−2,00**) |  |

      | Nhóm tiêu chí | Điểm |
      |---|---|
      | **1** TIÊU CHÍ 1 | 10,00 → 8,00 (**−2,00**) |
      | **1.1** Nội dung 1 | 5,00 → 3,00 (**−2,00**) |
      | **2** TIÊU CHÍ 2 | 10,00 → 8,00 (**−2,00**) |

      | Thông tin báo cáo | Trước | Sau |
      |---|---|---|
      | report.number | 1880/BC-VP | 1881/BC-VP |"
    `);
  });

  it("json", async () => {
    const r = await run("diff", "HEAD~3..HEAD~2", "--format", "json");
    const j = JSON.parse(r.out);
    expect(j.entries.map((e: { status: string; file: string }) => [e.status, e.file])).toEqual([
      ["added", B],
      ["modified", A],
    ]);
    expect(j.entries[1]).toMatchInlineSnapshot(`
      {
        "criteria": [
          {
            "id": "1.1.1",
            "justification": {
              "hunks": [
                {
                  "cutAfter": true,
                  "cutBefore": true,
                  "segments": [
                    {
                      "kind": "same",
                      "text": "số 1562/VP-HCTC ngày",
                    },
                    {
                      "kind": "removed",
                      "text": "21/11/2020",
                    },
                    {
                      "kind": "added",
                      "text": "22/11/2020",
                    },
                    {
                      "kind": "same",
                      "text": "của Văn phòng",
                    },
                    {
                      "kind": "removed",
                      "text": "UBND tỉnh",
                    },
                    {
                      "kind": "same",
                      "text": "về việc triển",
                    },
                  ],
                },
              ],
              "more": 0,
            },
            "options": {
              "new": [
                "b",
              ],
              "old": [
                "a",
              ],
            },
            "score": {
              "delta": -2,
              "new": 1,
              "old": 3,
            },
            "title": "Ban hành Kế hoạch thực hiện công tác dân vận hàng năm",
          },
          {
            "id": "2.1",
            "options": {
              "new": [
                "b",
              ],
              "old": [
                "a",
              ],
            },
            "score": {
              "delta": -2,
              "new": 3,
              "old": 5,
            },
            "title": "Kịp thời tham mưu các văn bản liên quan quyền, lợi ích, nguyện vọng của nhân dân (văn bản cụ thể)",
          },
        ],
        "errors": 0,
        "file": "content/assessments/2021/van-phong-ubnd-tinh.yaml",
        "groups": [
          {
            "id": "1",
            "score": {
              "delta": -2,
              "new": 8,
              "old": 10,
            },
            "title": "TIÊU CHÍ 1",
          },
          {
            "id": "1.1",
            "score": {
              "delta": -2,
              "new": 3,
              "old": 5,
            },
            "title": "Nội dung 1",
          },
          {
            "id": "2",
            "score": {
              "delta": -2,
              "new": 8,
              "old": 10,
            },
            "title": "TIÊU CHÍ 2",
          },
        ],
        "meta": [
          {
            "field": "report.number",
            "new": "1881/BC-VP",
            "old": "1880/BC-VP",
          },
        ],
        "new": {
          "appraisalRounds": 0,
          "appraisedClassification": null,
          "appraisedTotal": null,
          "classification": null,
          "max": 100,
          "total": 96,
        },
        "old": {
          "appraisalRounds": 0,
          "appraisedClassification": null,
          "appraisedTotal": null,
          "classification": null,
          "max": 100,
          "total": 100,
        },
        "rubric": "dvcq-qng-2021",
        "status": "modified",
        "total": {
          "delta": -4,
          "new": 96,
          "old": 100,
        },
        "unit": "Văn phòng UBND tỉnh",
        "year": 2021,
      }
    `);
  });

  it("csv", async () => {
    const r = await run("diff", "HEAD~3", "HEAD~2", "--format", "csv");
    expect(r.out).toMatchInlineSnapshot(`
      "status,file,old_file,unit,item,field,old,new,delta,detail
      added,content/assessments/2021/so-tu-phap.yaml,,Sở Tư pháp,,total,,96.00,,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,1.1.1,options,a,b,,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,1.1.1,score,3.00,1.00,-2.00,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,1.1.1,justification,,,,số 1562/VP-HCTC ngày [-21/11/2020-] {+22/11/2020+} của Văn phòng [-UBND tỉnh-] về việc triển
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,2.1,options,a,b,,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,2.1,score,5.00,3.00,-2.00,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,1,score,10.00,8.00,-2.00,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,1.1,score,5.00,3.00,-2.00,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,2,score,10.00,8.00,-2.00,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,,total,100.00,96.00,-4.00,
      modified,content/assessments/2021/van-phong-ubnd-tinh.yaml,,Văn phòng UBND tỉnh,,report.number,1880/BC-VP,1881/BC-VP,,"
    `);
  });
});

describe("diff with a rename, a delete and an appraisal", () => {
  it("rename and delete (text and json)", async () => {
    const r = await run("diff", "HEAD~2", "HEAD~1");
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "So sánh HEAD~2 → HEAD~1: 2 bản tự chấm thay đổi

      đổi tên  content/assessments/2021/so-tu-phap.yaml → content/assessments/2021/so-tu-phap-tinh.yaml  (Sở Tư pháp, năm 2021)

      đã xóa  content/assessments/2021/van-phong-ubnd-tinh.yaml  (Văn phòng UBND tỉnh, năm 2021)
        Tổng điểm: 96,00 / 100,00"
    `);
    const j = JSON.parse((await run("diff", "HEAD~2", "HEAD~1", "--format", "json")).out);
    expect(j.entries.map((e: { status: string; file: string; oldFile?: string }) => [e.status, e.file, e.oldFile ?? null])).toEqual([
      ["renamed", C, B],
      ["deleted", A, null],
    ]);
  });

  it("an added appraisal shows under its assessment (text, markdown, csv)", async () => {
    expect((await run("diff", "HEAD~1", "HEAD")).out).toMatchInlineSnapshot(`
      "So sánh HEAD~1 → HEAD: 1 bản tự chấm thay đổi

      thay đổi  content/assessments/2021/so-tu-phap-tinh.yaml  (Sở Tư pháp, năm 2021)
        Tiêu chí:
          1.1.1  Ban hành Kế hoạch thực hiện công tác dân vận hàng năm
            điểm thẩm định: 1,00 → 0,00 (−1,00)
            ý kiến thẩm định: {+Không có kế hoạch năm 2021.+}
        Nhóm tiêu chí:
          1  TIÊU CHÍ 1: điểm thẩm định 8,00 → 7,00 (−1,00)
          1.1  Nội dung 1: điểm thẩm định 3,00 → 2,00 (−1,00)
        Số lần thẩm định: — → 1
        Tổng điểm thẩm định: — → 95,00"
    `);
    expect((await run("diff", "HEAD~1", "HEAD", "--format", "markdown")).out).toMatchInlineSnapshot(`
      "## So sánh \`HEAD~1\` → \`HEAD\`: 1 bản tự chấm thay đổi

      ### Thay đổi: \`content/assessments/2021/so-tu-phap-tinh.yaml\` — Sở Tư pháp, năm 2021

      **Số lần thẩm định:** — → 1<br>
      **Tổng điểm thẩm định:** — → 95,00

      | Tiêu chí | Điểm thẩm định | Ý kiến thẩm định |
      |---|---|---|
      | **1.1.1** Ban hành Kế hoạch thực hiện công tác dân vận hàng năm | 1,00 → 0,00 (**−1,00**) | **Không có kế hoạch năm 2021.** |

      | Nhóm tiêu chí | Điểm thẩm định |
      |---|---|
      | **1** TIÊU CHÍ 1 | 8,00 → 7,00 (**−1,00**) |
      | **1.1** Nội dung 1 | 3,00 → 2,00 (**−1,00**) |"
    `);
    expect((await run("diff", "HEAD~1", "HEAD", "--format", "csv")).out).toMatchInlineSnapshot(`
      "status,file,old_file,unit,item,field,old,new,delta,detail
      modified,content/assessments/2021/so-tu-phap-tinh.yaml,,Sở Tư pháp,1.1.1,appraised_score,1.00,0.00,-1.00,
      modified,content/assessments/2021/so-tu-phap-tinh.yaml,,Sở Tư pháp,1.1.1,opinion,,,,{+Không có kế hoạch năm 2021.+}
      modified,content/assessments/2021/so-tu-phap-tinh.yaml,,Sở Tư pháp,1,appraised_score,8.00,7.00,-1.00,
      modified,content/assessments/2021/so-tu-phap-tinh.yaml,,Sở Tư pháp,1.1,appraised_score,3.00,2.00,-1.00,
      modified,content/assessments/2021/so-tu-phap-tinh.yaml,,Sở Tư pháp,,appraised_total,,95.00,,
      modified,content/assessments/2021/so-tu-phap-tinh.yaml,,Sở Tư pháp,,appraisal_rounds,,1,,"
    `);
  });
});

describe("diff against the working tree", () => {
  it("nothing changed: says so, exit 0 (text, markdown, json)", async () => {
    const t = await run("diff");
    expect(t.code).toBe(0);
    expect(t.out).toBe("Không có thay đổi nào về bản tự chấm hay thẩm định giữa HEAD và thư mục làm việc.");
    expect((await run("diff", "--lang", "en")).out).toBe("No change to any assessment or appraisal between HEAD and working tree.");
    expect((await run("diff", "--format", "markdown")).out).toBe("Không có thay đổi nào về bản tự chấm hay thẩm định giữa `HEAD` và thư mục làm việc.");
    expect(JSON.parse((await run("diff", "--format", "json")).out)).toMatchObject({ from: "HEAD", to: null, changed: 0, entries: [] });
  });

  it("uncommitted edits and untracked files are compared", async () => {
    edit(C, "Quyết định số 30/QĐ-VP ngày 16/3/2021", "Quyết định số 31/QĐ-VP ngày 16/3/2021");
    writeFileSync(
      join(repo, "content/assessments/2021/so-noi-vu.yaml"),
      readFileSync(join(repo, C), "utf8").replace("  name: Sở Tư pháp\n", "  name: Sở Nội vụ\n"),
    );
    edit(C_APPRAISAL, "rounds:", "# thẩm định lần 1\nrounds:");
    try {
      const r = await run("diff");
      expect(r.code).toBe(0);
      expect(r.out).toMatchInlineSnapshot(`
        "So sánh HEAD → thư mục làm việc: 2 bản tự chấm thay đổi

        thêm mới  content/assessments/2021/so-noi-vu.yaml  (Sở Nội vụ, năm 2021)
          Tổng điểm: 96,00 / 100,00

        thay đổi  content/assessments/2021/so-tu-phap-tinh.yaml  (Sở Tư pháp, năm 2021)
          Tiêu chí:
            1.2.2  Văn bản phân công lãnh đạo phụ trách
              giải trình: Quyết định số [-30/QĐ-VP-] {+31/QĐ-VP+} ngày 16/3/2021 và …"
      `);
    } finally {
      git("checkout", "-q", "--", C, C_APPRAISAL);
      rmSync(join(repo, "content/assessments/2021/so-noi-vu.yaml"));
    }
  });

  it("an edit that changes no score, text or field (a comment) is noted as such", async () => {
    edit(C_APPRAISAL, "rounds:", "# thẩm định lần 1\nrounds:");
    try {
      const r = await run("diff");
      expect(r.code).toBe(0);
      expect(r.out).toBe(
        "Không có thay đổi nào về bản tự chấm hay thẩm định giữa HEAD và thư mục làm việc.\n" +
          `Thay đổi không ảnh hưởng đến điểm hay nội dung (chú thích, trình bày): ${C}`,
      );
    } finally {
      git("checkout", "-q", "--", C_APPRAISAL);
    }
  });

  it("a new side with errors exits 1 and prints them", async () => {
    edit(C, "    option: b\n    score: 1", "    option: z\n    score: 1");
    try {
      const r = await run("diff");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/so-tu-phap-tinh\.yaml:\d+:\d+: lỗi CD204/);
    } finally {
      git("checkout", "-q", "--", C);
    }
  });

  it("usage errors exit 2: unknown revision, not a repository", async () => {
    expect((await run("diff", "khong-co-phien-ban", "HEAD")).code).toBe(2);
    const out: string[] = [];
    const io = { cwd: tmpdir(), env: {}, isTTY: false, stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
    expect(await main(["diff"], io)).toBe(2);
  });

  it("runs git through the World, which a test replaces", async () => {
    const run = async (git: RunGit) => {
      const out: string[] = [];
      const code = await main(["diff", commits[0]!, commits[1]!, "--format", "json"], {
        cwd: repo,
        env: { CHAMDIEM_CACHE: "0" },
        isTTY: false,
        stdout: (s) => void out.push(s),
        stderr: (s) => void out.push(s),
        git,
      });
      return { code, out: out.join("\n") };
    };
    const calls: string[] = [];
    const recorded = await run((cwd, args, input) => (calls.push(args[0]!), nodeGit(cwd, args, input)));
    expect(recorded.code).toBe(0);
    expect(JSON.parse(recorded.out)).toEqual(JSON.parse((await run(nodeGit)).out));
    // The repository and the revisions, the changed files, their blobs (in batches).
    expect(calls).toEqual(expect.arrayContaining(["rev-parse", "diff", "cat-file"]));
    const missing = await run(() => ({ status: undefined, stdout: new Uint8Array(), stderr: "", error: "spawnSync git ENOENT" }));
    expect(missing.code).toBe(2);
    expect(missing.out).toContain("spawnSync git ENOENT");
  });
});

describe("show --plain as git's textconv", () => {
  it("prints a stable line-per-criterion form", async () => {
    const r = await run("show", "--plain", C);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines.slice(0, 4)).toEqual(["# chamdiem show --plain: assessment", "rubric: dvcq-qng-2021", "year: 2021", "unit.name: Sở Tư pháp"]);
    expect(lines).toContain("1.1.1 Ban hành Kế hoạch thực hiện công tác dân vận hàng năm = 1,00 / 3,00");
    expect(lines).toContain("1.1.1 option b = 1,00: Ban hành không kịp thời hoặc không đủ nội dung: 1");
    expect((await run("show", "--plain", C_APPRAISAL)).out).toMatchInlineSnapshot(`
      "# chamdiem show --plain: appraisal
      assessment: so-tu-phap-tinh.yaml
      rubric: dvcq-qng-2021
      appraiser: Sở Nội vụ
      round 1 date: 2021-12-06
      round 1 1.1.1 option: c
      round 1 1.1.1 opinion: Không có kế hoạch năm 2021."
    `);
  });

  it("never fails with --plain: an unreadable file is printed as it is", async () => {
    writeFileSync(join(repo, "broken.yaml"), "rubric: [unclosed\n");
    try {
      const r = await run("show", "--plain", "broken.yaml");
      expect(r.code).toBe(0);
      expect(r.out).toBe("rubric: [unclosed");
    } finally {
      rmSync(join(repo, "broken.yaml"));
    }
  });

  it("git diff with the documented .gitattributes and textconv lines shows criterion lines", () => {
    writeFileSync(join(repo, ".gitattributes"), "content/**/*.yaml diff=chamdiem\n");
    try {
      const textconv = `"${process.execPath}" "${join(ROOT, "dist/chamdiem.cjs")}" show --plain`;
      const out = execFileSync("git", ["-c", `diff.chamdiem.textconv=${textconv}`, "diff", commits[0]!, commits[1]!, "--", A], { cwd: repo, encoding: "utf8" });
      expect(out).toContain("-1.1.1 option a = 3,00: Ban hành kịp thời và đủ các nội dung: 3,00");
      expect(out).toContain("+1.1.1 option b = 1,00: Ban hành không kịp thời hoặc không đủ nội dung: 1");
      expect(out).toContain("-total: 100,00 / 100,00");
      expect(out).toContain("+total: 96,00 / 100,00");
    } finally {
      rmSync(join(repo, ".gitattributes"));
    }
  });
});
