/**
 * What micromark is given is bounded: its emphasis resolution is quadratic in the number of `*`/`_`/`~`
 * runs, and deep nesting overflows the stack of the mdast utilities. Beyond the limits a justification
 * is refused with a positioned diagnostic, quickly; below them it is parsed as before.
 */
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../src/read/markdown.js";

const ORIGIN = { file: "a.yaml", line: 10, column: 5, indent: 6, block: true };
const count = (root: Root, type: string): number => {
  let n = 0;
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === type) n++;
    for (const c of node.children ?? []) walk(c as { type: string; children?: unknown[] });
  };
  walk(root);
  return n;
};

describe("Markdown limits", () => {
  it("100 KB of **strong** marks: CD514 in well under a second, at the line of the 201st run", () => {
    const text = "Mở đầu.\n\n" + "a**b** ".repeat(100) + "\n" + "a**b** ".repeat(15_000);
    const t0 = performance.now();
    const r = parseMarkdown(text, ORIGIN);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([["CD514", 13]]);
  });

  it("10 000 nested quotes and a list 1 000 deep: CD515 at the deep line, no stack overflow", () => {
    const quotes = parseMarkdown("Mở đầu.\n" + "> ".repeat(10_000) + "a", ORIGIN);
    expect(quotes.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([["CD515", 11]]);
    const list = parseMarkdown(Array.from({ length: 1_000 }, (_, i) => `${"  ".repeat(i)}- a`).join("\n"), ORIGIN);
    expect(list.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([["CD515", 10 + 32]]);
  });

  it("just under the limits: parsed as Markdown, without a diagnostic", () => {
    const emph = parseMarkdown("x " + "a**b** ".repeat(100), ORIGIN);
    expect(emph.diagnostics).toEqual([]);
    expect(count(emph.md.root, "strong")).toBe(100);
    const quotes = parseMarkdown("x\n\n" + "> ".repeat(32) + "a", ORIGIN);
    expect(quotes.diagnostics).toEqual([]);
    expect(count(quotes.md.root, "blockquote")).toBe(32);
  });
});
