/**
 * The closed list of diagnostic codes. Each stage owns one file of codes (its own number range),
 * so codes stay stable and never collide:
 *   CD1xx input files and YAML           (input.ts; CD130–CD149 the file system: files.ts)
 *   CD2xx schema validation              (schema.ts)
 *   CD3xx rubric semantics               (rubric.ts)
 *   CD4xx assessment semantics, scoring  (assessment.ts)
 *   CD5xx Markdown and citations         (markdown.ts)
 *   CD6xx composing documents            (compose.ts)
 *   CD7xx appraisal and review           (review.ts; CD750–CD769 evidence files: evidence.ts)
 *   CD8xx build and output               (build.ts)
 */
import { INPUT_CODES } from "./input.js";
import { FILE_CODES } from "./files.js";
import { SCHEMA_CODES } from "./schema.js";
import { RUBRIC_CODES } from "./rubric.js";
import { ASSESSMENT_CODES } from "./assessment.js";
import { MARKDOWN_CODES } from "./markdown.js";
import { COMPOSE_CODES } from "./compose.js";
import { REVIEW_CODES } from "./review.js";
import { EVIDENCE_CODES } from "./evidence.js";
import { BUILD_CODES } from "./build.js";

export const CATALOG = {
  ...INPUT_CODES,
  ...FILE_CODES,
  ...SCHEMA_CODES,
  ...RUBRIC_CODES,
  ...ASSESSMENT_CODES,
  ...MARKDOWN_CODES,
  ...COMPOSE_CODES,
  ...REVIEW_CODES,
  ...EVIDENCE_CODES,
  ...BUILD_CODES,
};

export type Code = keyof typeof CATALOG;
