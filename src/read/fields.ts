/**
 * Field readers shared by the assessment and appraisal readers: exact numbers and Markdown at a data
 * path, with their problems collected as positioned diagnostics.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Markdown } from "../model/assessment.js";
import { parseHundredths, type Hundredths } from "../model/points.js";
import { readMarkdownAt } from "./assessment.js";
import { posOf, type PathSegment, type YamlSource } from "./yaml-source.js";

export interface FieldReaders {
  /** The Markdown string at a path, parsed once. */
  markdown(path: PathSegment[]): Markdown | undefined;
  /** A number of points or a measured value, exactly, in hundredths (CD314 if not a decimal). */
  num(v: unknown, path: PathSegment[]): Hundredths | undefined;
}

export function fieldReaders(src: YamlSource, diagnostics: Diagnostic[]): FieldReaders {
  return {
    markdown(path) {
      const r = readMarkdownAt(src, path);
      if (!r) return undefined;
      diagnostics.push(...r.diagnostics);
      return r.md;
    },
    num(v, path) {
      if (v === undefined || v === null) return undefined;
      const h = parseHundredths(v as string | number);
      if (h === null) diagnostics.push(diag("CD314", posOf(src, path), { value: String(v) }));
      return h ?? undefined;
    },
  };
}
