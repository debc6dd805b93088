// Regenerates the diagnostics table in README.md from the catalogue (`chamdiem codes --format markdown`).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const table = execFileSync(process.execPath, ["dist/chamdiem.cjs", "codes", "--format", "markdown"], { encoding: "utf8" }).trim();
const readme = readFileSync("README.md", "utf8");
const next = readme.replace(/(<!-- diagnostics-table:start[^\n]*-->\n)[\s\S]*?(\n<!-- diagnostics-table:end -->)/, `$1${table}$2`);
writeFileSync("README.md", next);
console.log(next === readme ? "README.md: table already up to date" : "README.md: table regenerated");
