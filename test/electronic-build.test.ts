/**
 * `chamdiem build --mode electronic` on the example, end to end: one signable PDF per document with its
 * unsigned fields (read back with pdf.js) and its sidecar naming the same rectangles; the signature box
 * between the signer's title and name, the seal over its left third; with `attachments: separate`, the
 * score table's organisation box at the top right of its first page; paper unchanged beside it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MARGIN } from "../src/compose/profile.js";
import { runCli } from "./helpers/cli-run.js";
import { ROOT } from "./helpers/example.js";
import { annotations, readOutline } from "./helpers/pdf-read.js";
import { png } from "./helpers/sample-evidence.js";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";

interface Sidecar {
  document: string;
  fields: { name: string; page: number; rect: { pt: { x: number; y: number; width: number; height: number } } }[];
}

let project: string;
const unit = (out: string) => join(project, out, "2021/van-phong-ubnd-tinh");
const read = (out: string, name: string) => new Uint8Array(readFileSync(join(unit(out), name)));
const sidecar = (out: string, name: string) => JSON.parse(readFileSync(join(unit(out), name), "utf8")) as Sidecar;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "chamdiem-electronic-"));
  cpSync(join(ROOT, "content"), join(project, "content"), { recursive: true });
  for (const [out, args] of [
    ["paper", []],
    ["same", ["--mode", "electronic"]],
  ] as const) {
    const r = await runCli(project, ["build", "content/assessments/2021", "--out", out, ...args]);
    expect(r.code, r.err).toBe(0);
  }
  writeFileSync(join(project, "chamdiem.yaml"), "mode: electronic\nattachments: separate\n");
  const r = await runCli(project, ["build", "content/assessments/2021", "--out", "separate"]);
  expect(r.code, r.err).toBe(0);
}, 90_000);

describe("the example as electronic documents", () => {
  it("writes the report and its score table as one file, with a sidecar; paper writes no sidecar", () => {
    expect(existsSync(join(unit("same"), "bao-cao.ky-so.json"))).toBe(true);
    expect(existsSync(join(unit("same"), "bieu-cham-diem.pdf"))).toBe(false);
    expect(existsSync(join(unit("paper"), "bao-cao.ky-so.json"))).toBe(false);
    expect(existsSync(join(unit("paper"), "bieu-cham-diem.pdf"))).toBe(true);
  });

  it("labels the appendix's pages from 1 again, as it prints them (pdf.js page labels)", async () => {
    const { pages, labels } = await readOutline(read("same", "bao-cao.pdf"));
    // The report is one page; the score table after it, its pages numbered 1, 2, 3… again.
    expect(labels!.slice(0, 4)).toEqual(["1", "1", "2", "3"]);
    expect(labels!.at(-1)).toBe(String(pages - 1));
    expect((await readOutline(read("paper", "bao-cao.pdf"))).labels).toBeNull();
  });

  it("has unsigned signature fields where its sidecar says, read back with pdf.js", async () => {
    const pages = await annotations(read("same", "bao-cao.pdf"));
    const widgets = pages.flatMap((p, i) => p.filter((a) => a.fieldType === "Sig").map((a) => ({ page: i + 1, name: a.fieldName, rect: a.rect })));
    const side = sidecar("same", "bao-cao.ky-so.json");
    expect(widgets.map((w) => w.name)).toEqual(["chamdiem.so", "chamdiem.ngay", "chamdiem.chu-ky", "chamdiem.con-dau"]);
    expect(side.fields.map((f) => f.name)).toEqual(widgets.map((w) => w.name));
    for (const [i, f] of side.fields.entries()) {
      const { x, y, width, height } = f.rect.pt;
      expect(f.page).toBe(widgets[i]!.page);
      widgets[i]!.rect.forEach((v, k) => expect(v).toBeCloseTo([x, y, x + width, y + height][k]!, 1));
    }
    // The seal over the signature's left third, at the same height.
    const sig = side.fields.find((f) => f.name === "chamdiem.chu-ky")!.rect.pt;
    const seal = side.fields.find((f) => f.name === "chamdiem.con-dau")!.rect.pt;
    expect(seal.x + seal.width - sig.x).toBeCloseTo(sig.width / 3, 1);
    expect(seal.y + seal.height / 2).toBeCloseTo(sig.y + sig.height / 2, 1);
  });

  it("puts the attachment's organisation box at the top right of its first page when it is a file of its own", async () => {
    const side = sidecar("separate", "bieu-cham-diem.ky-so.json");
    expect(side.fields.map((f) => [f.name, f.page])).toEqual([["chamdiem.chu-ky-co-quan", 1]]);
    const box = side.fields[0]!.rect.pt;
    // A4 landscape (841,89 × 595,28 pt), right margin MARGIN.right: the box ends on the body's right edge, in the top margin.
    expect(box.x + box.width).toBeCloseTo(841.89 - MARGIN.right / 20, 0);
    expect(box.y).toBeGreaterThan(595.28 - MARGIN.top / 20 - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(595.28);
    const pages = await annotations(read("separate", "bieu-cham-diem.pdf"));
    expect(pages[0]!.filter((a) => a.fieldType === "Sig").map((a) => a.fieldName)).toEqual(["chamdiem.chu-ky-co-quan"]);
    expect(pages.slice(1).every((p) => p.every((a) => a.fieldType !== "Sig"))).toBe(true);
  });

  it("draws the signer's and the seal's images in their boxes when chamdiem.yaml names them; a bad one is CD856 at its setting", async () => {
    const images = join(project, "images");
    writeFileSync(
      join(project, "chu-ky.png"),
      png(500, 250, (x, y) => ((x + y) % 9 === 0 ? 0x1f3f9f : 0xffffff)),
    );
    writeFileSync(
      join(project, "con-dau.png"),
      png(472, 472, (x, y) => (Math.hypot(x - 236, y - 236) < 230 ? 0xd02020 : 0xffffff)),
    );
    writeFileSync(join(project, "chamdiem.yaml"), "mode: electronic\nsignature_image: chu-ky.png\nseal_image: con-dau.png\n");
    const ok = await runCli(project, ["build", "content/assessments/2021", "--out", "images"]);
    expect(ok.code, ok.err).toBe(0);
    const doc = await PDFDocument.load(read("images", "bao-cao.pdf"));
    const xobjects = doc.getPage(0).node.Resources()?.lookup(PDFName.of("XObject"));
    expect(xobjects instanceof PDFDict ? xobjects.keys().length : 0).toBe(2);
    writeFileSync(join(project, "con-dau.png"), "GIF89a không phải PNG");
    const bad = await runCli(project, ["build", "content/assessments/2021", "--out", images, "--format", "json"]);
    expect(bad.code).toBe(1);
    const ds = (JSON.parse(bad.out) as { diagnostics: { code: string; file: string; line: number }[] }).diagnostics;
    expect(ds.filter((d) => d.code.startsWith("CD85")).map((d) => [d.code, d.file, d.line])).toEqual([["CD856", "chamdiem.yaml", 3]]);
  });
});
