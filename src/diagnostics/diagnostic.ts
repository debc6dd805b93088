import type { SourcePos } from "../model/source.js";
import { CATALOG, type Code } from "./catalog/index.js";

export type Severity = "error" | "warning" | "info";
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

/** What one file may report of one code, and in all (see boundDiagnostics). */
export const PER_CODE_LIMIT = 20;
export const PER_FILE_LIMIT = 200;

/**
 * Items quoted in one message (allowed options, dates, symbols), cut after PER_CODE_LIMIT ("a, b, …"):
 * a criterion of 10 000 options must not make each message 100 KB long.
 */
export function listed(items: readonly string[]): string {
  return items.length > PER_CODE_LIMIT ? items.slice(0, PER_CODE_LIMIT).join(", ") + ", …" : items.join(", ");
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The one bound on what a file reports, whatever the code: a pasted file with 100 000 unknown
 * criterion ids gave 100 000 lines. Per file, the first PER_CODE_LIMIT diagnostics of each code (in
 * position order) and one CD423 with the count of the rest, then at most PER_FILE_LIMIT in all, errors
 * kept before warnings and notes (a file with errors never loses all of them), and one CD424 with the
 * count of the rest. Lists within the bounds are returned as they are.
 */
export function boundDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  if (ds.length <= PER_CODE_LIMIT) return ds;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of ds) {
    const list = byFile.get(d.pos.file);
    if (list) list.push(d);
    else byFile.set(d.pos.file, [d]);
  }
  let over = false;
  for (const list of byFile.values()) if (list.length > PER_CODE_LIMIT && overLimits(list)) over = true;
  if (!over) return ds;
  const out: Diagnostic[] = [];
  for (const list of byFile.values()) {
    if (list.length <= PER_CODE_LIMIT || !overLimits(list)) out.push(...list);
    else out.push(...boundFile(sortDiagnostics([...list])));
  }
  return out;
}

function overLimits(list: readonly Diagnostic[]): boolean {
  if (list.length > PER_FILE_LIMIT) return true;
  const counts = new Map<string, number>();
  for (const d of list) {
    const n = (counts.get(d.code) ?? 0) + 1;
    if (n > PER_CODE_LIMIT) return true;
    counts.set(d.code, n);
  }
  return false;
}

/** One file's diagnostics, sorted, within the bounds (boundDiagnostics). */
function boundFile(sorted: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  const firstOmitted = new Map<string, Diagnostic>();
  const kept: Diagnostic[] = [];
  for (const d of sorted) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= PER_CODE_LIMIT) kept.push(d);
    else if (!firstOmitted.has(d.code)) firstOmitted.set(d.code, d);
  }
  const summaries: Diagnostic[] = [];
  for (const [code, d] of firstOmitted) {
    summaries.push(diag("CD423", d.pos, { count: seen.get(code)! - PER_CODE_LIMIT, code, limit: PER_CODE_LIMIT }));
  }
  let shown = kept;
  if (kept.length + summaries.length > PER_FILE_LIMIT) {
    const room = PER_FILE_LIMIT - summaries.length - 1;
    // Errors first, then warnings, then notes; position order within each (a stable sort of a sorted list).
    const ranked = [...kept].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const chosen = new Set(ranked.slice(0, Math.max(room, 0)));
    shown = kept.filter((d) => chosen.has(d));
    const dropped = kept.find((d) => !chosen.has(d))!;
    summaries.push(diag("CD424", dropped.pos, { count: kept.length - shown.length, limit: PER_FILE_LIMIT }));
  }
  return sortDiagnostics([...shown, ...summaries]);
}
