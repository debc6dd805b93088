/**
 * The one escaper for every part of a .docx (document.xml, headers, core.xml, styles, font table):
 * markup characters become entities, and what XML 1.0 does not allow at all (C0 controls other than
 * tab, LF and CR; U+FFFE and U+FFFF; lone surrogates) is dropped, so no input can make a part that is
 * not well-formed. The readers refuse or normalise those characters first (src/read/text-hygiene.ts);
 * this is the second line of defence.
 */

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

const TEXT = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const ATTR = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const escaped = (s: string, re: RegExp): string => {
  const t = s.replace(re, (c) => ESC[c] ?? "");
  return SURROGATE.test(t) ? t.replace(LONE_SURROGATE, "") : t;
};

export function escapeText(s: string): string {
  return escaped(s, TEXT);
}

export function escapeAttr(s: string): string {
  return escaped(s, ATTR);
}
