/**
 * Property: no edit of a valid assessment (or rubric) makes the checker throw. Every problem must come
 * back as a diagnostic with a catalogued code and a position inside the file.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runChecks } from "../src/pipeline/run-checks.js";
import { CATALOG } from "../src/diagnostics/catalog/index.js";
import { input, readExampleText } from "./helpers/example.js";
import { MINI_RUBRIC, miniText } from "./helpers/mini.js";

const TOKENS = [
  ":",
  " ",
  "\n",
  "\t",
  "-",
  "- ",
  "  ",
  '"',
  "'",
  "&a",
  "*a",
  "!!str",
  "{",
  "}",
  "[",
  "]",
  "#",
  "|",
  ">",
  "?",
  "%",
  "@",
  "`",
  "__proto__",
  "constructor",
  "null",
  "~",
  "1e999",
  "-1",
  "0.125",
  "99999999999",
  "ắ",
  "\u0301",
  "\ufeff",
  "<i>",
  "</i>",
  "<script>",
  "1.1",
  '"1.1"',
  "option",
  "value",
  "score",
  "options",
  "\r\n",
];

const edit = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant("dupline" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swaplines" as const), at: fc.nat(), to: fc.nat() }),
);

function apply(text: string, edits: { kind: string; at: number; len?: number; text?: string; to?: number }[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length ? e.at % t.length : 0;
    if (e.kind === "delete") t = t.slice(0, at) + t.slice(at + (e.len ?? 1));
    else if (e.kind === "insert") t = t.slice(0, at) + e.text + t.slice(at);
    else {
      const lines = t.split("\n");
      const i = lines.length ? e.at % lines.length : 0;
      if (e.kind === "dupline") lines.splice(i, 0, lines[i] ?? "");
      else {
        const j = lines.length ? (e.to ?? 0) % lines.length : 0;
        [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
      }
      t = lines.join("\n");
    }
  }
  return t;
}

function assertWellFormed(text: string, run: () => ReturnType<typeof runChecks>) {
  const r = run();
  const lineCount = text.split("\n").length + 1;
  for (const d of r.diagnostics) {
    expect(CATALOG[d.code]).toBeDefined();
    expect(d.pos.line).toBeGreaterThanOrEqual(1);
    if (d.pos.file === "fuzz.yaml") expect(d.pos.line).toBeLessThanOrEqual(lineCount);
  }
}

describe("fuzz: random edits never crash the checker", () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it("edits to an assessment", () => {
    const base = miniText();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const text = apply(base, edits);
        assertWellFormed(text, () => runChecks([input(MINI_RUBRIC), { path: "fuzz.yaml", bytes: enc(text) }]));
      }),
      { numRuns: 400, seed: 20211119 },
    );
  });

  it("edits to a rubric, checked with an assessment that uses it", () => {
    const base = readExampleText(MINI_RUBRIC);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = apply(base, edits);
        assertWellFormed(text, () =>
          runChecks([
            { path: "fuzz.yaml", bytes: enc(text) },
            { path: "a.yaml", bytes: enc(miniText()) },
          ]),
        );
      }),
      { numRuns: 250, seed: 7 },
    );
  });
});
