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
