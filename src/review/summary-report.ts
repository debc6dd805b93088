/**
 * `chamdiem summary` reports: text (aligned columns), Markdown, JSON (points as numbers) and CSV
 * (one row per unit, decimal points, for scripts; Excel users get the .xlsx).
 */
import type { Lang } from "../diagnostics/diagnostic.js";
import { formatHundredths, VI_NUMBERS, type Hundredths } from "../model/points.js";
import type { SummaryGroup, SummaryRow } from "../score/consolidate.js";
import { csvRow } from "./csv.js";
import { labels, rowNote, type Labels } from "../compose/labels.js";
import { SUMMARY_SCORE_KEYS, summaryColumns, type SummaryColumnKey } from "../compose/summary-columns.js";
import { maximumText } from "../compose/vi-format.js";

const fmt = (h: Hundredths | undefined) => (h === undefined ? "" : formatHundredths(h));

/**
 * Column headers and cells of the text and Markdown reports: the consolidated table's columns
 * (compose/summary-columns.ts, as the .docx/PDF and the .xlsx), rank first and without STT.
 */
function reportColumns(g: SummaryGroup, L: Labels): { headers: string[]; cells: (r: SummaryRow) => string[]; numeric: Set<number> } {
  const all = summaryColumns(g, L).filter((c) => c.key !== "stt" && c.key !== "rank");
  const cols = [{ key: "rank" as const, label: L.rank }, ...all];
  const cell = (r: SummaryRow, key: SummaryColumnKey): string => {
    switch (key) {
      case "rank":
        return r.rank === undefined ? "" : String(r.rank);
      case "unit":
        return r.unit;
      case "self":
        return fmt(r.self);
      case "appraised":
        return fmt(r.appraised);
      case "used":
        return fmt(r.used);
      case "percent":
        return fmt(r.percent);
      case "classification":
        return r.classification ?? "";
      case "note":
        return rowNote(r, L);
      default:
        return "";
    }
  };
  const numeric = new Set(cols.flatMap((c, i) => (c.key === "rank" || SUMMARY_SCORE_KEYS.has(c.key) ? [i] : [])));
  return { headers: cols.map((c) => c.label), cells: (r) => cols.map((c) => cell(r, c.key)), numeric };
}

export function summaryText(groups: readonly SummaryGroup[], lang: Lang): string {
  const L = labels(lang);
  const out: string[] = [];
  for (const g of groups) {
    if (out.length) out.push("");
    out.push(`${L.summaryTitle(g.rubric.id, g.year)} — ${L.unitsCount(g.rows.length)}, ${L.maxLabel} ${maximumText(g.max, g.rubric.bonusMax, VI_NUMBERS)}`);
    const { headers, cells, numeric } = reportColumns(g, L);
    const table = [headers, ...g.rows.map(cells)];
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
    out.push(
      `### ${L.summaryTitle(g.rubric.id, g.year)}`,
      "",
      `${L.unitsCount(g.rows.length)}, ${L.maxLabel} ${maximumText(g.max, g.rubric.bonusMax, VI_NUMBERS)}`,
      "",
    );
    const { headers, cells, numeric } = reportColumns(g, L);
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
        percent: pts(r.percent),
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
