import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

/** "CD408@12:5" strings, for compact assertions on codes and positions. */
export function codesAt(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.code}@${d.pos.line}:${d.pos.column}`);
}

export function codes(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => d.code);
}
