/**
 * The shape of src/: no import cycle between files or between folders (docs/architecture.md). A
 * cycle makes a module impossible to read, test or move without the others; the pipeline's stages
 * depend only on the stages before them.
 */
import { describe, expect, it } from "vitest";
import { cycles, folderGraph, importGraph } from "./helpers/source-graph.js";

const graph = importGraph();

/** For a message: the imports that close a cycle. */
function edgesWithin(component: readonly string[], g: ReadonlyMap<string, readonly string[]>): string[] {
  const inside = new Set(component);
  return component.flatMap((f) => (g.get(f) ?? []).filter((t) => inside.has(t)).map((t) => `${f} → ${t}`));
}

describe("the import graph of src/", () => {
  it("reads every module (the scanner finds the imports)", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("cli/main.ts")).toEqual(expect.arrayContaining(["diagnostics/format.ts", "cli/commands/check.ts"]));
    expect(graph.get("pipeline/run-checks.ts")).toContain("score/score.ts");
  });

  it("has no cycle between files", () => {
    expect(cycles(graph).map((c) => edgesWithin(c, graph))).toEqual([]);
  });

  it("has no cycle between folders", () => {
    const folders = folderGraph(graph);
    const withFiles = (c: string[]) =>
      c.flatMap((a) => [...graph].flatMap(([f, ts]) => (f.startsWith(`${a}/`) ? ts.filter((t) => c.includes(t.split("/")[0]!) && !t.startsWith(`${a}/`)).map((t) => `${f} → ${t}`) : [])));
    expect(cycles(folders).map(withFiles)).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const g = new Map([
      ["a/x.ts", ["b/y.ts"]],
      ["b/y.ts", ["b/z.ts"]],
      ["b/z.ts", ["a/x.ts"]],
      ["c/w.ts", []],
    ]);
    expect(cycles(g)).toEqual([["a/x.ts", "b/y.ts", "b/z.ts"]]);
    expect(cycles(folderGraph(g))).toEqual([["a", "b"]]);
  });
});
