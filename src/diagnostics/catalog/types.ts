import type { Severity } from "../diagnostic.js";

export interface CatalogEntry {
  severity: Severity;
  /** Vietnamese message template (default), full diacritics, NFC. "{name}" is filled from args. */
  vi: string;
  /** English message template (--lang en). */
  en: string;
}
