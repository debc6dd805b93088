import type { SourcePos } from "../model/source.js";
import { CATALOG, type Code } from "./catalog/index.js";

export type { Severity } from "./catalog/types.js";
import type { Severity } from "./catalog/types.js";
export type Lang = "vi" | "en";

/**
 * One problem found in the input. Stable `code` (from the closed catalogue), severity and message
 * texts come from the catalogue; `args` fill the message templates ("{name}").
 */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  pos: SourcePos;
  args: Record<string, Arg>;
}

/** A message argument: plain, or translated when it is itself words (e.g. a type name). */
export type Arg = string | number | { vi: string; en: string };

export function diag(code: Code, pos: SourcePos, args: Record<string, Arg> = {}): Diagnostic {
  return { code, severity: CATALOG[code].severity, pos, args };
}

export function message(d: Diagnostic, lang: Lang): string {
  const entry = CATALOG[d.code];
  const template = lang === "en" ? entry.en : entry.vi;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const a = d.args[k];
    if (a === undefined) return `{${k}}`;
    return typeof a === "object" ? a[lang] : String(a);
  });
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

/** Stable order: file, line, column, code. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      (a.pos.file < b.pos.file ? -1 : a.pos.file > b.pos.file ? 1 : 0) ||
      a.pos.line - b.pos.line ||
      a.pos.column - b.pos.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * Diagnostics collected from several batches, each reported once, in stable order (rubric problems
 * come back from every batch that read the rubric).
 */
export function uniqueDiagnostics(ds: Iterable<Diagnostic>): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const k = `${d.code}|${d.pos.file}|${d.pos.line}|${d.pos.column}|${JSON.stringify(d.args)}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(d);
    }
  }
  return sortDiagnostics(out);
}

/** What one file may report of one code beyond its rubric's items, and in all (see boundDiagnostics). */
export const PER_CODE_LIMIT = 20;
export const PER_FILE_LIMIT = 200;

/**
 * Items quoted in one message (allowed options, dates, symbols), cut after PER_CODE_LIMIT ("a, b, …"):
 * a criterion of 10 000 options must not make each message 100 KB long.
 */
export function listed(items: readonly string[]): string {
  return items.length > PER_CODE_LIMIT ? items.slice(0, PER_CODE_LIMIT).join(", ") + ", …" : items.join(", ");
}

/** Counts by severity, as a summary's extra arguments: each of `severities` counted `times`. */
function bySeverity(severities: readonly Severity[], times: number): { errors: number; warnings: number; notes: number } {
  const c = { errors: 0, warnings: 0, notes: 0 };
  for (const s of severities) c[s === "error" ? "errors" : s === "warning" ? "warnings" : "notes"] += times;
  return c;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The one bound on what a file reports, whatever the code: a pasted file with 100 000 unknown
 * criterion ids gave 100 000 lines. `items` is how many criteria and groups the rubric has: a file
 * may need to report each of them once (a fresh `chamdiem init` has a placeholder per criterion, a
 * review marker per justification), so a code is listed up to PER_CODE_LIMIT + `items` times, in
 * position order, then one CD423 counts the rest of that code; at most ten times that in all, errors
 * kept before warnings and notes (a file with errors never loses all of them), and one CD424 counts
 * the rest. Lists within the bounds are returned as they are.
 */
export function boundDiagnostics(ds: Diagnostic[], items = 0): Diagnostic[] {
  const perCode = PER_CODE_LIMIT + items;
  if (ds.length <= perCode) return ds;
  const limits = { perCode, perFile: (PER_FILE_LIMIT / PER_CODE_LIMIT) * perCode };
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of ds) {
    const list = byFile.get(d.pos.file);
    if (list) list.push(d);
    else byFile.set(d.pos.file, [d]);
  }
  let over = false;
  for (const list of byFile.values()) if (list.length > perCode && overLimits(list, limits)) over = true;
  if (!over) return ds;
  const out: Diagnostic[] = [];
  for (const list of byFile.values()) {
    if (list.length <= perCode || !overLimits(list, limits)) out.push(...list);
    else out.push(...boundFile(sortDiagnostics([...list]), limits));
  }
  return out;
}

interface Limits {
  perCode: number;
  perFile: number;
}

function overLimits(list: readonly Diagnostic[], limits: Limits): boolean {
  if (list.length > limits.perFile) return true;
  const counts = new Map<string, number>();
  for (const d of list) {
    const n = (counts.get(d.code) ?? 0) + 1;
    if (n > limits.perCode) return true;
    counts.set(d.code, n);
  }
  return false;
}

/** One file's diagnostics, sorted, within the bounds (boundDiagnostics). */
function boundFile(sorted: Diagnostic[], { perCode, perFile }: Limits): Diagnostic[] {
  const seen = new Map<string, number>();
  const firstOmitted = new Map<string, Diagnostic>();
  const kept: Diagnostic[] = [];
  for (const d of sorted) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= perCode) kept.push(d);
    else if (!firstOmitted.has(d.code)) firstOmitted.set(d.code, d);
  }
  // Each summary also says what it left out by severity (not in its message), for the counts (format.ts).
  const summaries: Diagnostic[] = [];
  for (const [code, d] of firstOmitted) {
    const count = seen.get(code)! - perCode;
    summaries.push(diag("CD423", d.pos, { count, code, limit: perCode, ...bySeverity([d.severity], count) }));
  }
  let shown = kept;
  if (kept.length + summaries.length > perFile) {
    const room = perFile - summaries.length - 1;
    // Errors first, then warnings, then notes; position order within each (a stable sort of a sorted list).
    const ranked = [...kept].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const chosen = new Set(ranked.slice(0, Math.max(room, 0)));
    shown = kept.filter((d) => chosen.has(d));
    const left = kept.filter((d) => !chosen.has(d));
    summaries.push(
      diag("CD424", left[0]!.pos, {
        count: left.length,
        limit: perFile,
        ...bySeverity(
          left.map((d) => d.severity),
          1,
        ),
      }),
    );
  }
  return sortDiagnostics([...shown, ...summaries]);
}
