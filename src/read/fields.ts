/**
 * Field readers shared by the assessment and appraisal readers: exact numbers and Markdown at a data
 * path, with their problems collected as positioned diagnostics.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Markdown } from "../model/assessment.js";
import { parseHundredths, type Hundredths } from "../model/points.js";
import { readMarkdownAt } from "./yaml-markdown.js";
import { posOf, type PathSegment, type YamlSource } from "./yaml-source.js";

export interface FieldReaders {
  /** The Markdown string at a path, parsed once. */
  markdown(path: PathSegment[]): Markdown | undefined;
  /** A number of points or a measured value, exactly, in hundredths (CD314 if not a decimal). */
  num(v: unknown, path: PathSegment[]): Hundredths | undefined;
}

const NUMBER = { vi: 'số (ví dụ 3, 95.5 hoặc "98,93")', en: 'a number (e.g. 3, 95.5 or "98,93")' };

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
      if (typeof v !== "number" && typeof v !== "string") {
        diagnostics.push(diag("CD203", posOf(src, path), { expected: NUMBER }));
        return undefined;
      }
      // .inf and .nan were refused where they were read (CD121, src/read/text-hygiene.ts).
      if (typeof v === "number" && !Number.isFinite(v)) return undefined;
      const h = parseHundredths(v);
      if (h === null) diagnostics.push(diag("CD314", posOf(src, path), { value: String(v) }));
      return h ?? undefined;
    },
  };
}
