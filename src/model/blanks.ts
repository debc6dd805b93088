/**
 * Blanks: the `<<…>>` markers that `chamdiem init` writes where a person must fill something in
 * (not to be confused with the `{{…}}` placeholders of a report body, src/compose/placeholders.ts,
 * which the build fills). A file with a blank left is never built (check/pending.ts, CD718/CD719;
 * the report's text fields, CD422).
 */
export const BLANK = /<<[^<>\n]*>>/u;

/** The text is nothing but one blank (an answer or option justification still to write). */
export function isBlank(text: string): boolean {
  const t = text.trim();
  const m = BLANK.exec(t);
  return m !== null && m[0].length === t.length;
}
