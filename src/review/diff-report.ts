/**
 * `chamdiem diff` reports, one renderer per format: text (git --word-diff style brackets, coloured on
 * a terminal), Markdown (ready to paste into a merge-request comment), JSON (numbers in points, as
 * `check --format json`), and CSV (one row per changed field, for spreadsheets and scripts).
 */
import type { Lang } from "../diagnostics/diagnostic.js";
import { formatHundredths, type Hundredths } from "../model/points.js";
import type { Change, CriterionDiff, MetaChange, Totals } from "./assessment-diff.js";
import { totalsOf } from "./assessment-diff.js";
import { signed } from "../check/appraisal.js";
import type { DiffEntry, DiffResult } from "./diff-load.js";
import { csvRow } from "./csv.js";
import { labels, type Labels } from "../compose/labels.js";
import type { WordDiff } from "./word-diff.js";
import type { EvidenceChanges } from "./evidence-diff.js";

export interface DiffReportOptions {
  lang: Lang;
  /** Labels of the two sides, e.g. "HEAD" and "thư mục làm việc". */
  from: string;
  to: string;
  color?: boolean;
  /** The new side is the working tree (JSON then says `"to": null`). */
  worktree?: boolean;
}

const fmt = (h: Hundredths | undefined) => (h === undefined ? "—" : formatHundredths(h));

function arrow<T>(c: Change<T>, show: (v: T | undefined) => string): string {
  return `${show(c.old)} → ${show(c.new)}`;
}

function delta(c: Change<Hundredths>): string | undefined {
  return c.old !== undefined && c.new !== undefined ? signed(c.new - c.old) : undefined;
}

const optionList = (v: string[] | undefined) => (v === undefined ? "—" : v.length ? v.join(", ") : "∅");

function entryTotals(e: DiffEntry): Totals {
  return totalsOf((e.new ?? e.old)!);
}

/** The evidence folder as a report names it: one path, or "old → new" when the assessment's folder moved. */
function evidenceFolder(ev: EvidenceChanges, quote: (s: string) => string = (s) => s): string {
  return ev.oldFolder && ev.folder && ev.oldFolder !== ev.folder ? `${quote(ev.oldFolder)} → ${quote(ev.folder)}` : quote((ev.folder ?? ev.oldFolder)!);
}

type EvidenceStatus = "added" | "deleted" | "modified" | "renamed";

/** One line per file, [status, file text]: added, removed, changed, renamed, each in name order. */
function evidenceLines(ev: EvidenceChanges, name: (s: string) => string = (s) => s): [EvidenceStatus, string][] {
  const line = (k: EvidenceStatus, t: string): [EvidenceStatus, string] => [k, t];
  return [
    ...ev.added.map((f) => line("added", name(f))),
    ...ev.removed.map((f) => line("deleted", name(f))),
    ...ev.changed.map((f) => line("modified", name(f))),
    ...ev.renamed.map((r) => line("renamed", `${name(r.from)} → ${name(r.to)}`)),
  ];
}

// ---------------------------------------------------------------- text

export function diffText(r: DiffResult, o: DiffReportOptions): string {
  const L = labels(o.lang);
  const paint = (code: string, s: string) => (o.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const red = (s: string) => paint("31", s);
  const green = (s: string) => paint("32", s);
  const bold = (s: string) => paint("1", s);
  const deltaPaint = (d: string | undefined) => (d === undefined ? "" : ` (${d.startsWith("+") ? green(d) : d.startsWith("−") ? red(d) : d})`);
  const words = (w: WordDiff) => {
    const parts = w.hunks.map((h) => {
      const segs = h.segments.map((g) => (g.kind === "same" ? g.text : g.kind === "removed" ? red(`[-${g.text}-]`) : green(`{+${g.text}+}`)));
      return `${h.cutBefore ? "… " : ""}${segs.join(" ")}${h.cutAfter ? " …" : ""}`;
    });
    if (w.more) parts.push(`(${L.moreChanges(w.more)})`);
    return parts.join(" | ");
  };
  const lines: string[] = [];
  if (r.entries.length === 0) {
    lines.push(L.noChanges(o.from, o.to));
    if (r.unchangedInSubstance.length) lines.push(L.unchangedInSubstance(r.unchangedInSubstance.join(", ")));
    return lines.join("\n");
  }
  lines.push(bold(L.header(o.from, o.to, r.entries.length)));
  for (const rb of r.rubrics) lines.push(L.rubricChanged(rb.path));
  for (const e of r.entries) {
    const t = entryTotals(e);
    const status = { added: green(L.added), deleted: red(L.deleted), modified: L.modified, renamed: L.renamed }[e.status];
    const path = e.oldPath ? `${e.oldPath} → ${e.path}` : e.path;
    lines.push("", `${status}  ${bold(path)}  (${t.unit}, ${L.year} ${t.year})`);
    if (e.newErrors.length) lines.push(`  ${red("!")} ${L.errorsOnNewSide(e.newErrors.length)}`);
    const evidence = () => {
      if (!e.evidence) return;
      const status = { added: green(L.added), deleted: red(L.deleted), modified: L.modified, renamed: L.renamed };
      lines.push(`  ${L.evidence} (${evidenceFolder(e.evidence)}):`);
      for (const [k, t] of evidenceLines(e.evidence)) lines.push(`    ${status[k]}: ${t}`);
    };
    if (!e.diff) {
      const s = (e.new ?? e.old)!;
      lines.push(`  ${L.total}: ${fmt(s.total)} / ${fmt(s.max)}${s.classification ? `; ${L.classification}: ${s.classification}` : ""}`);
      if (s.appraised)
        lines.push(
          `  ${L.appraisedTotal}: ${fmt(s.appraised.total)}${s.appraised.classification ? `; ${L.appraisedClassification}: ${s.appraised.classification}` : ""}`,
        );
      evidence();
      continue;
    }
    const d = e.diff;
    if (d.total) lines.push(`  ${L.total}: ${arrow(d.total, fmt)}${deltaPaint(delta(d.total))} / ${fmt(t.max)}`);
    if (d.classification) lines.push(`  ${L.classification}: ${arrow(d.classification, (v) => v ?? "—")}`);
    if (d.criteria.length) {
      lines.push(`  ${L.criteria}:`);
      for (const c of d.criteria) {
        lines.push(`    ${bold(c.id)}  ${c.title}${c.presence ? ` (${c.presence === "added" ? L.criterionAdded : L.criterionRemoved})` : ""}`);
        if (c.options) lines.push(`      ${L.option}: ${arrow(c.options, optionList)}`);
        if (c.value) lines.push(`      ${L.value}: ${arrow(c.value, fmt)}`);
        if (c.score) lines.push(`      ${L.score}: ${arrow(c.score, fmt)}${deltaPaint(delta(c.score))}`);
        if (c.justification) lines.push(`      ${L.justification}: ${words(c.justification)}`);
        if (c.appraisedScore) lines.push(`      ${L.appraisedScore}: ${arrow(c.appraisedScore, fmt)}${deltaPaint(delta(c.appraisedScore))}`);
        if (c.opinion) lines.push(`      ${L.opinion}: ${words(c.opinion)}`);
      }
    }
    if (d.groups.length) {
      lines.push(`  ${L.groups}:`);
      for (const g of d.groups) {
        const parts: string[] = [];
        if (g.score) parts.push(`${arrow(g.score, fmt)}${deltaPaint(delta(g.score))}`);
        if (g.appraisedScore) parts.push(`${L.appraisedScore} ${arrow(g.appraisedScore, fmt)}${deltaPaint(delta(g.appraisedScore))}`);
        if (g.opinion) parts.push(`${L.opinion}: ${words(g.opinion)}`);
        lines.push(`    ${bold(g.id)}  ${g.title}: ${parts.join("; ")}`);
      }
    }
    if (d.appraisalRounds) lines.push(`  ${L.appraisalRounds}: ${arrow(d.appraisalRounds, (v) => (v === undefined ? "—" : String(v)))}`);
    if (d.appraisedTotal) lines.push(`  ${L.appraisedTotal}: ${arrow(d.appraisedTotal, fmt)}${deltaPaint(delta(d.appraisedTotal))}`);
    if (d.appraisedClassification) lines.push(`  ${L.appraisedClassification}: ${arrow(d.appraisedClassification, (v) => v ?? "—")}`);
    if (d.meta.length) {
      lines.push(`  ${L.metadata}:`);
      for (const m of d.meta) lines.push(`    ${m.field}: ${metaText(m, words)}`);
    }
    evidence();
  }
  if (r.unchangedInSubstance.length) lines.push("", L.unchangedInSubstance(r.unchangedInSubstance.join(", ")));
  return lines.join("\n");
}

function metaText(m: MetaChange, words: (w: WordDiff) => string): string {
  return m.words ? words(m.words) : `${m.old ?? "—"} → ${m.new ?? "—"}`;
}

// ---------------------------------------------------------------- markdown

const mdCell = (s: string) =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ")
    .replace(/([*_`~<>[\]])/g, "\\$1");

function mdWords(w: WordDiff | undefined, L: Labels): string {
  if (!w) return "";
  const parts = w.hunks.map((h) => {
    const segs = h.segments.map((g) => (g.kind === "same" ? mdCell(g.text) : g.kind === "removed" ? `~~${mdCell(g.text)}~~` : `**${mdCell(g.text)}**`));
    return `${h.cutBefore ? "… " : ""}${segs.join(" ")}${h.cutAfter ? " …" : ""}`;
  });
  if (w.more) parts.push(`_(${L.moreChanges(w.more)})_`);
  return parts.join("<br>");
}

function mdChange(c: Change<Hundredths> | undefined): string {
  if (!c) return "";
  const d = delta(c);
  return `${fmt(c.old)} → ${fmt(c.new)}${d ? ` (**${d}**)` : ""}`;
}

export function diffMarkdown(r: DiffResult, o: DiffReportOptions): string {
  const L = labels(o.lang);
  const out: string[] = [];
  if (r.entries.length === 0) {
    out.push(L.noChanges(`\`${o.from}\``, o.to === L.workingTree ? o.to : `\`${o.to}\``));
    if (r.unchangedInSubstance.length) out.push("", L.unchangedInSubstance(r.unchangedInSubstance.map((f) => `\`${f}\``).join(", ")));
    return out.join("\n");
  }
  out.push(`## ${L.header(`\`${o.from}\``, o.to === L.workingTree ? o.to : `\`${o.to}\``, r.entries.length)}`);
  for (const rb of r.rubrics) out.push("", `- ${L.rubricChanged(`\`${rb.path}\``)}`);
  for (const e of r.entries) {
    const t = entryTotals(e);
    const status = { added: L.added, deleted: L.deleted, modified: L.modified, renamed: L.renamed }[e.status];
    const path = e.oldPath ? `\`${e.oldPath}\` → \`${e.path}\`` : `\`${e.path}\``;
    out.push("", `### ${status[0]!.toUpperCase()}${status.slice(1)}: ${path} — ${mdCell(t.unit)}, ${L.year} ${t.year}`);
    if (e.newErrors.length) out.push("", `> ⚠️ ${L.errorsOnNewSide(e.newErrors.length)}`);
    const evidence = () => {
      if (!e.evidence) return;
      const code = (s: string) => `\`${s}\``;
      const status = { added: L.added, deleted: L.deleted, modified: L.modified, renamed: L.renamed };
      out.push("", `**${L.evidence}** (${evidenceFolder(e.evidence, code)}):`, "");
      for (const [k, t] of evidenceLines(e.evidence, code)) out.push(`- ${status[k]}: ${t}`);
    };
    if (!e.diff) {
      const s = (e.new ?? e.old)!;
      out.push("", `**${L.total}:** ${fmt(s.total)} / ${fmt(s.max)}${s.classification ? ` — ${L.classification}: ${mdCell(s.classification)}` : ""}`);
      if (s.appraised)
        out.push("", `**${L.appraisedTotal}:** ${fmt(s.appraised.total)}${s.appraised.classification ? ` — ${mdCell(s.appraised.classification)}` : ""}`);
      evidence();
      continue;
    }
    const d = e.diff;
    const summary: string[] = [];
    if (d.total) summary.push(`**${L.total}:** ${mdChange(d.total)} / ${fmt(t.max)}`);
    if (d.classification) summary.push(`**${L.classification}:** ${mdCell(d.classification.old ?? "—")} → ${mdCell(d.classification.new ?? "—")}`);
    if (d.appraisalRounds) summary.push(`**${L.appraisalRounds}:** ${d.appraisalRounds.old ?? "—"} → ${d.appraisalRounds.new ?? "—"}`);
    if (d.appraisedTotal) summary.push(`**${L.appraisedTotal}:** ${mdChange(d.appraisedTotal)}`);
    if (d.appraisedClassification)
      summary.push(`**${L.appraisedClassification}:** ${mdCell(d.appraisedClassification.old ?? "—")} → ${mdCell(d.appraisedClassification.new ?? "—")}`);
    if (summary.length) out.push("", summary.join("<br>\n"));
    const selfRows = d.criteria.filter((c) => c.presence || c.options || c.value || c.score || c.justification);
    out.push(
      ...mdTable(
        [L.criteria, cap(L.option), cap(L.value), cap(L.score), cap(L.justification)],
        selfRows.map((c) => [
          `**${c.id}** ${mdCell(c.title)}${c.presence ? ` _(${c.presence === "added" ? L.criterionAdded : L.criterionRemoved})_` : ""}`,
          c.options ? `${optionList(c.options.old)} → ${optionList(c.options.new)}` : "",
          c.value ? `${fmt(c.value.old)} → ${fmt(c.value.new)}` : "",
          mdChange(c.score),
          mdWords(c.justification, L),
        ]),
      ),
    );
    const apRows = [...d.criteria.filter((c) => c.appraisedScore || c.opinion), ...d.groups.filter((g) => g.opinion)];
    out.push(
      ...mdTable(
        [L.criteria, cap(L.appraisedScore), cap(L.opinion)],
        apRows.map((c) => [`**${c.id}** ${mdCell(c.title)}`, mdChange(c.appraisedScore), mdWords(c.opinion, L)]),
      ),
    );
    const groups = d.groups.filter((g) => g.score || g.appraisedScore);
    out.push(
      ...mdTable(
        [L.groups, cap(L.score), cap(L.appraisedScore)],
        groups.map((g) => [`**${g.id}** ${mdCell(g.title)}`, mdChange(g.score), mdChange(g.appraisedScore)]),
      ),
    );
    if (d.meta.length) {
      out.push("", `| ${L.metadata} | ${L.before} | ${L.after} |`, "|---|---|---|");
      for (const m of d.meta)
        out.push(m.words ? `| ${m.field} | ${mdWords(m.words, L)} | |` : `| ${m.field} | ${mdCell(m.old ?? "—")} | ${mdCell(m.new ?? "—")} |`);
    }
    evidence();
  }
  if (r.unchangedInSubstance.length) out.push("", L.unchangedInSubstance(r.unchangedInSubstance.map((f) => `\`${f}\``).join(", ")));
  return out.join("\n");
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** A Markdown table preceded by a blank line; columns empty in every row (after the first) are left out. */
function mdTable(headers: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const keep = headers.map((_, i) => i === 0 || rows.some((r) => r[i] !== ""));
  const pick = <T>(xs: T[]) => xs.filter((_, i) => keep[i]);
  return [
    "",
    `| ${pick(headers).join(" | ")} |`,
    `|${pick(headers)
      .map(() => "---")
      .join("|")}|`,
    ...rows.map((r) => `| ${pick(r).join(" | ")} |`),
  ];
}

// ---------------------------------------------------------------- json

const pts = (h: Hundredths | undefined) => (h === undefined ? null : h / 100);

function jsonChange<T>(c: Change<T> | undefined, map: (v: T | undefined) => unknown = (v) => v ?? null): object | undefined {
  if (!c) return undefined;
  const o: Record<string, unknown> = { old: map(c.old), new: map(c.new) };
  if (typeof c.old === "number" && typeof c.new === "number") o.delta = (c.new - c.old) / 100;
  return o;
}

function jsonWords(w: WordDiff | undefined): object | undefined {
  return w ? { hunks: w.hunks, more: w.more } : undefined;
}

function jsonTotals(t: Totals | undefined): object | null {
  if (!t) return null;
  return {
    total: pts(t.total),
    max: pts(t.max),
    classification: t.classification ?? null,
    appraisedTotal: pts(t.appraisedTotal),
    appraisedClassification: t.appraisedClassification ?? null,
    appraisalRounds: t.appraisalRounds ?? 0,
  };
}

export function diffJson(r: DiffResult, o: DiffReportOptions): object {
  const clean = (x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined));
  return {
    from: o.from,
    to: o.worktree ? null : o.to,
    changed: r.entries.length,
    rubrics: r.rubrics,
    unchangedInSubstance: r.unchangedInSubstance,
    entries: r.entries.map((e) => {
      const t = entryTotals(e);
      const d = e.diff;
      return clean({
        status: e.status,
        file: e.path,
        oldFile: e.oldPath,
        unit: t.unit,
        year: t.year,
        rubric: t.rubric,
        old: jsonTotals(e.old ? totalsOf(e.old) : undefined),
        new: jsonTotals(e.new ? totalsOf(e.new) : undefined),
        errors: e.newErrors.length,
        total: jsonChange(d?.total, pts),
        classification: jsonChange(d?.classification),
        appraisedTotal: jsonChange(d?.appraisedTotal, pts),
        appraisedClassification: jsonChange(d?.appraisedClassification),
        appraisalRounds: jsonChange(d?.appraisalRounds),
        criteria: d?.criteria.map((c) =>
          clean({
            id: c.id,
            title: c.title,
            presence: c.presence,
            options: jsonChange(c.options),
            value: jsonChange(c.value, pts),
            score: jsonChange(c.score, pts),
            justification: jsonWords(c.justification),
            appraisedScore: jsonChange(c.appraisedScore, pts),
            opinion: jsonWords(c.opinion),
          }),
        ),
        groups: d?.groups.map((g) =>
          clean({
            id: g.id,
            title: g.title,
            score: jsonChange(g.score, pts),
            appraisedScore: jsonChange(g.appraisedScore, pts),
            opinion: jsonWords(g.opinion),
          }),
        ),
        meta: d?.meta.map((m) => clean({ field: m.field, old: m.old, new: m.new, words: jsonWords(m.words) })),
        evidence: e.evidence,
      });
    }),
  };
}

// ---------------------------------------------------------------- csv

/** One row per changed field: status,file,old_file,unit,item,field,old,new,delta,detail (decimal points). */
export function diffCsv(r: DiffResult): string {
  const rows: string[] = [csvRow(["status", "file", "old_file", "unit", "item", "field", "old", "new", "delta", "detail"])];
  const num = (h: Hundredths | undefined) => (h === undefined ? "" : formatHundredths(h, { decimal: ".", fixed: true, grouping: false }));
  const dnum = (c: Change<Hundredths>) => (c.old !== undefined && c.new !== undefined ? num(c.new - c.old) : "");
  const wordsText = (w: WordDiff) =>
    w.hunks.map((h) => h.segments.map((g) => (g.kind === "same" ? g.text : g.kind === "removed" ? `[-${g.text}-]` : `{+${g.text}+}`)).join(" ")).join(" | ") +
    (w.more ? ` | +${w.more}` : "");
  for (const e of r.entries) {
    const t = entryTotals(e);
    const base = [e.status, e.path, e.oldPath ?? "", t.unit];
    const push = (item: string, field: string, old: string, neu: string, d = "", detail = "") => rows.push(csvRow([...base, item, field, old, neu, d, detail]));
    // Evidence files: old/new = the file's name on each side, detail = added, removed, changed or renamed.
    const evidence = () => {
      const ev = e.evidence;
      if (!ev) return;
      for (const f of ev.added) push("", "evidence", "", f, "", "added");
      for (const f of ev.removed) push("", "evidence", f, "", "", "removed");
      for (const f of ev.changed) push("", "evidence", f, f, "", "changed");
      for (const r of ev.renamed) push("", "evidence", r.from, r.to, "", "renamed");
    };
    if (!e.diff) {
      const s = (e.new ?? e.old)!;
      const side = e.status === "deleted";
      push("", "total", side ? num(s.total) : "", side ? "" : num(s.total));
      if (s.appraised) push("", "appraised_total", side ? num(s.appraised.total) : "", side ? "" : num(s.appraised.total));
      evidence();
      continue;
    }
    const d = e.diff;
    for (const c of d.criteria) {
      if (c.presence) push(c.id, "presence", c.presence === "removed" ? "present" : "", c.presence === "added" ? "present" : "");
      if (c.options) push(c.id, "options", c.options.old?.join(" ") ?? "", c.options.new?.join(" ") ?? "");
      if (c.value) push(c.id, "value", num(c.value.old), num(c.value.new), dnum(c.value));
      if (c.score) push(c.id, "score", num(c.score.old), num(c.score.new), dnum(c.score));
      if (c.justification) push(c.id, "justification", "", "", "", wordsText(c.justification));
      if (c.appraisedScore) push(c.id, "appraised_score", num(c.appraisedScore.old), num(c.appraisedScore.new), dnum(c.appraisedScore));
      if (c.opinion) push(c.id, "opinion", "", "", "", wordsText(c.opinion));
    }
    for (const g of d.groups) {
      if (g.score) push(g.id, "score", num(g.score.old), num(g.score.new), dnum(g.score));
      if (g.appraisedScore) push(g.id, "appraised_score", num(g.appraisedScore.old), num(g.appraisedScore.new), dnum(g.appraisedScore));
      if (g.opinion) push(g.id, "opinion", "", "", "", wordsText(g.opinion));
    }
    if (d.total) push("", "total", num(d.total.old), num(d.total.new), dnum(d.total));
    if (d.classification) push("", "classification", d.classification.old ?? "", d.classification.new ?? "");
    if (d.appraisedTotal) push("", "appraised_total", num(d.appraisedTotal.old), num(d.appraisedTotal.new), dnum(d.appraisedTotal));
    if (d.appraisedClassification) push("", "appraised_classification", d.appraisedClassification.old ?? "", d.appraisedClassification.new ?? "");
    if (d.appraisalRounds) push("", "appraisal_rounds", String(d.appraisalRounds.old ?? ""), String(d.appraisalRounds.new ?? ""));
    for (const m of d.meta) push("", m.field, m.old ?? "", m.new ?? "", "", m.words ? wordsText(m.words) : "");
    evidence();
  }
  return rows.join("\n");
}

export type { CriterionDiff };
