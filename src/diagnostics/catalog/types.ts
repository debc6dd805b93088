export type Severity = "error" | "warning" | "info";

export interface CatalogEntry {
  severity: Severity;
  /** Vietnamese message template (default), full diacritics, NFC. "{name}" is filled from args. */
  vi: string;
  /** English message template (--lang en). */
  en: string;
}
