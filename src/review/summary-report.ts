/**
 * `chamdiem summary` reports: text (aligned columns), Markdown, JSON (points as numbers) and CSV
 * (one row per unit, decimal points, for scripts; Excel users get the .xlsx).
 */
import type { Lang } from "../diagnostics/diagnostic.js";
import { formatHundredths, type Hundredths } from "../model/points.js";
import type { SummaryGroup, SummaryRow } from "../score/consolidate.js";
import { csvRow } from "./csv.js";
import { labels, rowNote, type Labels } from "../compose/labels.js";

const fmt = (h: Hundredths | undefined) => (h === undefined ? "" : formatHundredths(h));

/** Column headers and cells of the summary table, shared by every format (and the .docx/.xlsx). */
export function summaryColumns(g: SummaryGroup, L: Labels): { headers: string[]; cells: (r: SummaryRow) => string[] } {
  const headers = [L.rank, L.unit, L.selfTotal, ...(g.appraised ? [L.appraised, L.used] : []), L.classification, L.note];
  const cells = (r: SummaryRow) => [
    r.rank === undefined ? "" : String(r.rank),
    r.unit,
    fmt(r.self),
    ...(g.appraised ? [fmt(r.appraised), fmt(r.used)] : []),
    r.classification ?? "",
    rowNote(r, L),
  ];
  return { headers, cells };
}

export function summaryText(groups: readonly SummaryGroup[], lang: Lang): string {
  const L = labels(lang);
  const out: string[] = [];
  for (const g of groups) {
    if (out.length) out.push("");
    out.push(`${L.summaryTitle(g.rubric.id, g.year)} — ${L.unitsCount(g.rows.length)}, ${L.maxLabel} ${fmt(g.max)}`);
    const { headers, cells } = summaryColumns(g, L);
    const table = [headers, ...g.rows.map(cells)];
    const numeric = new Set([0, 2, ...(g.appraised ? [3, 4] : [])]);
    const widths = headers.map((_, i) => Math.max(...table.map((r) => [...r[i]!].length)));
    for (const r of table) {
      out.push(
        r
          .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
          .join("  ")
          .trimEnd(),
      );
    }
    if (g.counts.length) out.push(`${L.counts}: ${g.counts.map((c) => `${c.label} ${c.count}`).join("; ")}`);
  }
  return out.join("\n");
}

const md = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function summaryMarkdown(groups: readonly SummaryGroup[], lang: Lang): string {
  const L = labels(lang);
  const out: string[] = [];
  for (const g of groups) {
    if (out.length) out.push("");
    out.push(`### ${L.summaryTitle(g.rubric.id, g.year)}`, "", `${L.unitsCount(g.rows.length)}, ${L.maxLabel} ${fmt(g.max)}`, "");
    const { headers, cells } = summaryColumns(g, L);
    const numeric = new Set([0, 2, ...(g.appraised ? [3, 4] : [])]);
    out.push(`| ${headers.join(" | ")} |`, `|${headers.map((_, i) => (numeric.has(i) ? "---:" : "---")).join("|")}|`);
    for (const r of g.rows) out.push(`| ${cells(r).map(md).join(" | ")} |`);
    if (g.counts.length) out.push("", `**${L.counts}:** ${g.counts.map((c) => `${md(c.label)} ${c.count}`).join("; ")}`);
  }
  return out.join("\n");
}

export function summaryJson(groups: readonly SummaryGroup[]): object {
  const pts = (h: Hundredths | undefined) => (h === undefined ? null : h / 100);
  return {
    groups: groups.map((g) => ({
      rubric: g.rubric.id,
      year: g.year,
      max: pts(g.max),
      units: g.rows.map((r) => ({
        rank: r.rank ?? null,
        unit: r.unit,
        file: r.file,
        self: pts(r.self),
        appraised: pts(r.appraised),
        used: pts(r.used),
        classification: r.classification ?? null,
        errors: r.errors,
        ineligible: r.ineligible ?? null,
      })),
      counts: Object.fromEntries(g.counts.map((c) => [c.label, c.count])),
    })),
  };
}

export function summaryCsv(groups: readonly SummaryGroup[]): string {
  const num = (h: Hundredths | undefined) => (h === undefined ? "" : formatHundredths(h, { decimal: ".", fixed: true, grouping: false }));
  const rows = [csvRow(["year", "rubric", "rank", "unit", "self", "appraised", "used", "classification", "errors", "ineligible", "file"])];
  for (const g of groups) {
    for (const r of g.rows) {
      rows.push(
        csvRow([
          g.year,
          g.rubric.id,
          r.rank ?? "",
          r.unit,
          num(r.self),
          num(r.appraised),
          num(r.used),
          r.classification ?? "",
          r.errors,
          r.ineligible ?? "",
          r.file,
        ]),
      );
    }
  }
  return rows.join("\n");
}
