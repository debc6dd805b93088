/**
 * `chamdiem codes`: the catalogue of diagnostics (code, severity, message), as text or as the Markdown
 * table that docs/diagnostics.md includes (test/readme.test.ts keeps the two equal).
 */
import { CATALOG, type Code } from "../../diagnostics/catalog/index.js";
import type { Cli } from "../context.js";

const SEVERITY = { vi: { error: "lỗi", warning: "cảnh báo", info: "ghi chú" }, en: { error: "error", warning: "warning", info: "note" } };

export function codesMarkdown(lang: "vi" | "en"): string {
  const head = lang === "en" ? "| code | severity | message |\n|---|---|---|" : "| mã | mức | thông báo |\n|---|---|---|";
  const rows = (Object.keys(CATALOG) as Code[])
    .sort()
    .map((c) => `| ${c} | ${SEVERITY[lang][CATALOG[c].severity]} | ${CATALOG[c][lang].replace(/\|/g, "\\|")} |`);
  return [head, ...rows].join("\n");
}

export function runCodes(cli: Cli): number {
  if (cli.format === "markdown") {
    cli.stdout(codesMarkdown(cli.lang));
    return 0;
  }
  for (const c of (Object.keys(CATALOG) as Code[]).sort()) cli.stdout(`${c}  ${SEVERITY[cli.lang][CATALOG[c].severity].padEnd(8)}  ${CATALOG[c][cli.lang]}`);
  return 0;
}
