/**
 * The README and docs/: the generated table of diagnostics is current, every relative link resolves
 * (files and #headings), and the folder list of docs/architecture.md is the order the imports follow.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { codesMarkdown } from "../src/cli/commands/codes.js";
import { ROOT } from "./helpers/example.js";
import { folderGraph, importGraph, SRC } from "./helpers/source-graph.js";

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const DOCS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

describe("README", () => {
  const readme = read("README.md");

  it("names the two commands CI and users rely on", () => {
    expect(readme).toContain("npm ci");
    expect(readme).toContain("npm run build");
    expect(readme).toContain("npm test");
  });

  it("is read in five minutes: at most 150 lines, the details in docs/", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(150);
  });
});

describe("docs/diagnostics.md", () => {
  it("lists every diagnostic exactly as the catalogue has it (regenerate with `npm run readme`)", () => {
    const m = /<!-- diagnostics-table:start[^\n]*-->\n([\s\S]*?)\n<!-- diagnostics-table:end -->/.exec(read("docs/diagnostics.md"));
    expect(m).not.toBeNull();
    expect(m![1]).toBe(codesMarkdown("vi"));
  });
});

/** Markdown without its fenced code blocks and inline code (a `[x](y)` there is not a link). */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters with diacritics kept), spaces → "-". */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

function anchors(text: string): Set<string> {
  return new Set([...text.replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

/** Every relative link of a Markdown file, as [target file relative to ROOT, anchor or undefined]. */
function links(path: string): { link: string; file: string; anchor?: string }[] {
  return [...prose(read(path)).matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((l) => !/^[a-z]+:/i.test(l))
    .map((link) => {
      const [target, anchor] = link.split("#") as [string, string | undefined];
      return { link, file: target === "" ? path : relative(ROOT, join(ROOT, dirname(path), decodeURIComponent(target))), anchor };
    });
}

describe("links in README.md and docs/", () => {
  it("finds the links (the scanner works)", () => {
    const all = DOCS.flatMap(links);
    expect(all.map((l) => l.file)).toEqual(expect.arrayContaining(["docs/formats.md", "docs/architecture.md", "docs/performance.md"]));
    expect(all.some((l) => l.anchor)).toBe(true);
    expect(slug("`git diff` in words: `chamdiem show --plain`")).toBe("git-diff-in-words-chamdiem-show---plain");
    expect(slug("Appraisal (thẩm định)")).toBe("appraisal-thẩm-định");
  });

  for (const path of DOCS) {
    it(`every relative link of ${path} resolves`, () => {
      const broken = links(path)
        .filter(({ file, anchor }) => !existsSync(join(ROOT, file)) || (anchor !== undefined && file.endsWith(".md") && !anchors(read(file)).has(anchor)))
        .map((l) => l.link);
      expect(broken).toEqual([]);
    });
  }
});

describe("docs/architecture.md", () => {
  const block = /```\nsrc\/\n([\s\S]*?)```/.exec(read("docs/architecture.md"));
  const order = block ? [...block[1]!.matchAll(/^ {2}(\w+)\//gm)].map((m) => m[1]!) : [];

  it("lists every folder of src/, and only those", () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...order].sort()).toEqual(folders.sort());
  });

  it("lists them in an order the imports follow: a folder imports only from folders above it", () => {
    const upward = [...folderGraph(importGraph())].flatMap(([from, tos]) =>
      tos.filter((to) => order.indexOf(to) > order.indexOf(from)).map((to) => `${from} → ${to}`),
    );
    expect(order.length).toBeGreaterThan(10);
    expect(upward).toEqual([]);
  });
});
