/**
 * Sign-safety of `chamdiem build`: a PDF signed after the build (an incremental update appended to
 * our bytes, holding /ByteRange) is never overwritten, not even with --force (CD860); unchanged inputs
 * skip it as if it were as written; a file merely grown or replaced is still rebuilt.
 *
 * The signature here is the tail a signing tool appends, written by hand (test/sign.test.ts signs a
 * file for real and verifies it): what build.ts looks at is that tail, not the cryptography.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { ROOT } from "./helpers/example.js";

const ASSESSMENT = "content/assessments/2021/van-phong-ubnd-tinh.yaml";
const OUT = "output/2021/van-phong-ubnd-tinh";

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-build-signed-"));
  cpSync(join(ROOT, "content"), join(dir, "content"), { recursive: true });
  return dir;
}

async function build(cwd: string, args: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["build", ASSESSMENT, ...args], {
    cwd,
    env: { CHAMDIEM_CACHE: "0" },
    isTTY: false,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** What a signing tool appends: a signature dictionary, a cross-reference section, a trailer. */
function signatureUpdate(prev: number): string {
  return [
    "",
    "900 0 obj",
    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <3082> >>",
    "endobj",
    "xref",
    "900 1",
    "0000000000 00000 n ",
    `trailer << /Size 901 /Prev ${prev} >>`,
    "startxref",
    "0",
    "%%EOF",
    "",
  ].join("\n");
}

function sign(path: string): Buffer {
  const before = readFileSync(path);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(before.toString("latin1"))![1]);
  writeFileSync(path, Buffer.concat([before, Buffer.from(signatureUpdate(prev), "latin1")]));
  return readFileSync(path);
}

const mtime = (p: string) => statSync(p).mtimeMs;

describe("chamdiem build never overwrites a PDF signed after it was built", () => {
  it("skips it when nothing changed, refuses to rebuild it (CD860) when something did, even with --force", async () => {
    const dir = project();
    expect((await build(dir)).code).toBe(0);
    const pdf = join(dir, OUT, "bao-cao.pdf");
    const docx = join(dir, OUT, "bao-cao.docx");
    const original = readFileSync(pdf);
    const signed = sign(pdf);

    // Unchanged inputs: skipped as if the signed file were as written, silently.
    const same = await build(dir);
    expect(same.code, same.err).toBe(0);
    expect(same.err).toBe("");
    expect(same.out).toMatch(/Đã lập 0 bộ văn bản, bỏ qua 1 bộ không thay đổi/);
    expect(readFileSync(pdf).equals(signed)).toBe(true);

    // A changed assessment would rebuild it: an error names the signed file; nothing is written.
    const f = join(dir, ASSESSMENT);
    writeFileSync(f, readFileSync(f, "utf8").replace("place: Quảng Ngãi", "place: Thành phố Quảng Ngãi"));
    const docxTime = mtime(docx);
    const changed = await build(dir);
    expect(changed.code).toBe(1);
    expect(changed.err).toMatch(/van-phong-ubnd-tinh\.yaml:1:1: lỗi CD860/);
    expect(changed.err).toContain(`${OUT}/bao-cao.pdf đã được ký số sau khi lập`);
    expect(changed.out).toMatch(/Đã lập 0 bộ văn bản/);
    expect(readFileSync(pdf).equals(signed)).toBe(true);
    expect(mtime(docx)).toBe(docxTime);

    // --force rebuilds everything else, never a signed file.
    const forced = await build(dir, ["--force"]);
    expect(forced.code).toBe(1);
    expect(forced.err).toContain("CD860");
    expect(readFileSync(pdf).equals(signed)).toBe(true);

    // Moved away (kept where signed documents are kept), it is built again, from the changed input.
    renameSync(pdf, join(dir, "signed.pdf"));
    const again = await build(dir);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/Đã lập 1 bộ văn bản/);
    expect(readFileSync(pdf).equals(original)).toBe(false);
    expect(readFileSync(pdf).subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
  });

  it("rebuilds a PDF that grew without a signature, or was replaced by a signed file of other bytes", async () => {
    const dir = project();
    expect((await build(dir)).code).toBe(0);
    const pdf = join(dir, OUT, "bao-cao.pdf");
    const original = readFileSync(pdf);

    // Appended to, but no /ByteRange: not a signature, written again.
    writeFileSync(pdf, Buffer.concat([original, Buffer.from("\n% edited\n", "latin1")]));
    const grown = await build(dir);
    expect(grown.code, grown.err).toBe(0);
    expect(grown.out).toMatch(/Đã lập 1 bộ văn bản/);
    expect(readFileSync(pdf).equals(original)).toBe(true);

    // A signature after other bytes (our recorded length no longer ends at "%%EOF"): not ours signed.
    const other = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(original.length, 0x20), Buffer.from(signatureUpdate(0), "latin1")]);
    writeFileSync(pdf, other);
    const replaced = await build(dir);
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.out).toMatch(/Đã lập 1 bộ văn bản/);
    expect(readFileSync(pdf).equals(original)).toBe(true);
  });
});
