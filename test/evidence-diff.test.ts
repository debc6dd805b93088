/** The pure comparison of two evidence listings (src/review/evidence-diff.ts). */
import { describe, expect, it } from "vitest";
import { diffEvidence, isEmptyEvidenceChanges, lfsPointerOid, type EvidenceEntry } from "../src/review/evidence-diff.js";

const e = (name: string, blob: string, sha256?: string): EvidenceEntry => ({ name, blob, ...(sha256 ? { sha256 } : {}) });

describe("diffEvidence", () => {
  it("sorts files into added, removed, changed and renamed, each in name order", () => {
    const before = [e("b.pdf", "b1"), e("a.pdf", "a1"), e("gone.png", "g1"), e("old-name.pdf", "r1"), e("same.pdf", "s1")];
    const after = [e("same.pdf", "s1"), e("new-name.pdf", "r1"), e("z.jpg", "z1"), e("c.pdf", "c1"), e("b.pdf", "b2"), e("a.pdf", "a2")];
    expect(diffEvidence(before, after)).toEqual({
      added: ["c.pdf", "z.jpg"],
      removed: ["gone.png"],
      changed: ["a.pdf", "b.pdf"],
      renamed: [{ from: "old-name.pdf", to: "new-name.pdf" }],
    });
  });

  it("compares names after NFC: a decomposed name (macOS) is the same file", () => {
    const nfd = "ke\u0302\u0301-hoa\u0323ch.pdf";
    const nfc = "kế-hoạch.pdf";
    expect(nfd).not.toBe(nfc);
    expect(isEmptyEvidenceChanges(diffEvidence([e(nfd, "k1")], [e(nfc, "k1")]))).toBe(true);
    // Other content under the same name: reported under the new side's name.
    expect(diffEvidence([e(nfd, "k1")], [e(nfc, "k2")]).changed).toEqual([nfc]);
  });

  it("pairs each removed file with one added file of the same content", () => {
    // Two copies of one scan removed, one reappears under a new name: one rename, one removal.
    const r = diffEvidence([e("a.pdf", "x"), e("b.pdf", "x")], [e("c.pdf", "x")]);
    expect(r).toEqual({ added: [], removed: ["b.pdf"], changed: [], renamed: [{ from: "a.pdf", to: "c.pdf" }] });
  });

  it("an LFS pointer's oid matches the working tree's content by SHA-256, not by blob", () => {
    const oid = "a".repeat(64);
    expect(isEmptyEvidenceChanges(diffEvidence([e("scan.pdf", "pointer-blob", oid)], [e("scan.pdf", "content-blob", oid)]))).toBe(true);
    expect(diffEvidence([e("scan.pdf", "pointer-blob", oid)], [e("scan.pdf", "content-blob", "b".repeat(64))]).changed).toEqual(["scan.pdf"]);
    expect(diffEvidence([e("scan.pdf", "pointer-blob", oid)], [e("ban-chup.pdf", "content-blob", oid)]).renamed).toEqual([
      { from: "scan.pdf", to: "ban-chup.pdf" },
    ]);
  });

  it("either side may be empty (no folder, or the assessment added or deleted)", () => {
    expect(diffEvidence([], [e("a.pdf", "1")])).toEqual({ added: ["a.pdf"], removed: [], changed: [], renamed: [] });
    expect(diffEvidence([e("a.pdf", "1")], [])).toEqual({ added: [], removed: ["a.pdf"], changed: [], renamed: [] });
    expect(isEmptyEvidenceChanges(diffEvidence([], []))).toBe(true);
  });
});

describe("lfsPointerOid", () => {
  const oid = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";
  const pointer = (s: string) => new TextEncoder().encode(s);

  it("reads the oid of a Git LFS pointer", () => {
    expect(lfsPointerOid(pointer(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 12345\n`))).toBe(oid);
    // Extension lines may come between the version and the oid.
    expect(lfsPointerOid(pointer(`version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${"b".repeat(64)}\noid sha256:${oid}\nsize 1\n`))).toBe(oid);
  });

  it("is undefined for anything else", () => {
    expect(lfsPointerOid(pointer("%PDF-1.7\n"))).toBeUndefined();
    expect(lfsPointerOid(pointer(`oid sha256:${oid}\nsize 12345\n`))).toBeUndefined();
    expect(lfsPointerOid(pointer(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 1\n${" ".repeat(1024)}`))).toBeUndefined();
  });
});
