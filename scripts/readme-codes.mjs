// Regenerates the diagnostics table in docs/diagnostics.md from the catalogue
// (`chamdiem codes --format markdown`); test/readme.test.ts fails when the table is stale.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const FILE = "docs/diagnostics.md";
const table = execFileSync(process.execPath, ["dist/chamdiem.cjs", "codes", "--format", "markdown"], { encoding: "utf8" }).trim();
const text = readFileSync(FILE, "utf8");
const marks = /(<!-- diagnostics-table:start[^\n]*-->\n)[\s\S]*?(\n<!-- diagnostics-table:end -->)/;
if (!marks.test(text)) throw new Error(`${FILE}: the diagnostics-table markers are missing`);
const next = text.replace(marks, (_, start, end) => `${start}${table}${end}`);
writeFileSync(FILE, next);
console.log(next === text ? `${FILE}: table already up to date` : `${FILE}: table regenerated`);
