import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codesMarkdown } from "../src/cli/commands/codes.js";
import { ROOT } from "./helpers/example.js";

describe("README", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");

  it("names the two commands CI and users rely on", () => {
    expect(readme).toContain("npm ci");
    expect(readme).toContain("npm run build");
    expect(readme).toContain("npm test");
  });
});

describe("docs/diagnostics.md", () => {
  const text = readFileSync(join(ROOT, "docs", "diagnostics.md"), "utf8");

  it("lists every diagnostic exactly as the catalogue has it (regenerate with `npm run readme`)", () => {
    const m = /<!-- diagnostics-table:start[^\n]*-->\n([\s\S]*?)\n<!-- diagnostics-table:end -->/.exec(text);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(codesMarkdown("vi"));
  });
});
