/**
 * The shape of src/: no import cycle between files or between folders (docs/architecture.md). A
 * cycle makes a module impossible to read, test or move without the others; the pipeline's stages
 * depend only on the stages before them. And only src/cli/ touches the outside world: the files, git,
 * the clock and the environment reach the rest through the World of src/io/world.ts, or as data.
 */
import { describe, expect, it } from "vitest";
import { cycles, folderGraph, importGraph, outsideWorldIn, outsideWorldUses } from "./helpers/source-graph.js";

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
      c.flatMap((a) =>
        [...graph].flatMap(([f, ts]) =>
          f.startsWith(`${a}/`) ? ts.filter((t) => c.includes(t.split("/")[0]!) && !t.startsWith(`${a}/`)).map((t) => `${f} → ${t}`) : [],
        ),
      );
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

describe("the outside world", () => {
  const uses = outsideWorldUses();

  it("is reached from src/cli/ (the scanner finds it there)", () => {
    expect(uses.get("cli/world.ts")).toEqual(expect.arrayContaining([expect.stringMatching(/node:fs$/), expect.stringMatching(/node:child_process$/)]));
  });

  it("is reached from nowhere else: only through the World (src/io/world.ts) or as data", () => {
    expect([...uses].filter(([file]) => !file.startsWith("cli/"))).toEqual([]);
  });

  it("finds a module that reaches it (the check itself works)", () => {
    const planted = [
      'import { readFileSync } from "node:fs";',
      'import * as cp from "child_process";',
      'const { tmpdir } = await import("node:os");',
      "const home = process.env.HOME;",
      "const here = process.cwd();",
      "const t = performance.now(), u = Date.now(), v = process.hrtime.bigint();",
      "const today = new Date();",
      "const also = new Date;",
      "// process.env in a comment is not code",
      "/* nor Date.now() here */",
      'import { readInputs } from "../cli/files.js"; const fsName = "fs-extra";',
      "const parsed = new Date(epoch * 1000), utc = Date.UTC(2021, 0, 1), later = new Date (x);",
    ].join("\n");
    expect(outsideWorldIn(planted)).toEqual([
      "1: node:fs",
      "2: node:child_process",
      "3: node:os",
      "4: process.env",
      "5: process.cwd",
      "6: process.hrtime",
      "6: Date.now",
      "6: performance",
      "7: new Date()",
      "8: new Date()",
    ]);
  });
});
