/**
 * The invalid-input corpus: every file in test/fixtures/invalid states the diagnostic it must produce
 * on its first line ("# expect: CD408 line 33"). Assessments are checked against the mini rubric (those
 * named "kinds-…" against test/fixtures/kinds/rubric.yaml);
 * rubric files alone. Binary and encoding cases are built here, since they cannot carry a comment.
 */
import { describe, expect, it } from "vitest";
import { runChecks, type InputFile } from "../src/pipeline/run-checks.js";
import { input } from "./helpers/example.js";
import { corpus, expectCase } from "./helpers/corpus.js";
import { MINI_RUBRIC, miniText } from "./helpers/mini.js";

const cases = corpus("test/fixtures/invalid");
const SURVEY_RUBRIC = "test/fixtures/survey/rubric.yaml";
const KINDS_RUBRIC = "test/fixtures/kinds/rubric.yaml";

describe("invalid-input corpus", () => {
  it("has at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(`${c.file}: ${c.code} at line ${c.line}`, () => {
      // "kinds-" assessments use the rubric of the scoring kinds beyond choice/checklist/measure;
      // "survey-" files are survey score files for the survey fixture's rubric, beside its unit "so-a".
      const survey = c.file.startsWith("survey-");
      const rubric = c.file.startsWith("kinds-") ? KINDS_RUBRIC : survey ? SURVEY_RUBRIC : MINI_RUBRIC;
      const own: InputFile = survey ? { ...input(c.path), folderUnits: ["so-a"] } : input(c.path);
      const inputs: InputFile[] = c.file.startsWith("rubric-") ? [own] : [input(rubric), own];
      const result = runChecks(inputs);
      expectCase(c, result.diagnostics);
      for (const d of result.diagnostics) expect([rubric, c.path]).toContain(d.pos.file);
    });
  }
});

describe("inputs that cannot be written as fixtures", () => {
  const check = (bytes: Uint8Array) => runChecks([input(MINI_RUBRIC), { path: "x.yaml", bytes }]);
  const codesOf = (bytes: Uint8Array) => check(bytes).diagnostics.map((d) => `${d.code}@${d.pos.line}`);
  const enc = (s: string) => new TextEncoder().encode(s);

  it("binary junk is refused as not UTF-8 text", () => {
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    expect(codesOf(junk)).toEqual(["CD104@1"]);
  });

  it("a NUL byte is refused with its line, naming the character (CD118, see test/robust-text.test.ts)", () => {
    expect(codesOf(enc("rubric: mini\nyear: 20\u000021\n"))).toEqual(["CD118@2"]);
  });

  it("Latin-1 bytes (not UTF-8) are refused, saying the encoding it probably is (CD115)", () => {
    expect(codesOf(Uint8Array.from([0x72, 0x75, 0x62, 0x3a, 0x20, 0xe9, 0x0a]))).toEqual(["CD115@1"]);
  });

  it("a 10 MB file is refused before parsing", () => {
    const big = enc("rubric: mini\n" + "# padding\n".repeat(1_100_000));
    expect(big.length).toBeGreaterThan(10_000_000);
    expect(codesOf(big)).toEqual(["CD103@1"]);
  });

  it("empty and comment-only files are diagnosed", () => {
    expect(codesOf(enc(""))).toEqual(["CD102@1"]);
    expect(codesOf(enc("# chỉ có ghi chú\n\n"))).toEqual(["CD102@1"]);
  });

  it("BOM and CRLF line endings are accepted, with the same result and lines", () => {
    const plain = check(enc(miniText()));
    const crlf = check(enc("\ufeff" + miniText().replace(/\n/g, "\r\n")));
    expect(crlf.diagnostics).toEqual(plain.diagnostics);
    expect(crlf.assessments[0]!.scored!.total).toBe(plain.assessments[0]!.scored!.total);
  });

  it("NFD Vietnamese text is normalised to NFC, with a note", () => {
    const nfd = miniText().normalize("NFD");
    const r = check(enc(nfd));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["CD111"]);
    const a = r.assessments[0]!.assessment!;
    expect(a.unit.name).toBe("Văn phòng thử nghiệm".normalize("NFC"));
    expect(a.unit.name).toBe(a.unit.name.normalize("NFC"));
  });
});
