/**
 * What a new assessment (`chamdiem init`) leaves for a person to do, found in the YAML before the
 * schema is applied:
 *
 * - `<<…>>` placeholders (the convention the report checks use, CD422) in answers: an option, a value,
 *   a ratio's counts, a count or a direct score still to give is CD718, any other answer text still to write is CD719; placeholders in the typed
 *   report fields (number, date) and the year are CD719 too (the schema would only say "wrong type").
 *   They are errors: a document must never be built with them. Other errors on the same line (the
 *   schema's enum/type, an unknown option) are left out by the caller: the placeholder says it all.
 * - `# XEM LẠI …` comment lines that `init --from` writes above everything it carried over from an
 *   earlier year: CD720 warnings until a person has reviewed the text and deleted the line.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { nodePos, type YamlSource } from "../read/yaml-source.js";
import { keyString, type YNode } from "../read/yaml-tree.js";

import { BLANK } from "../model/blanks.js";
export const REVIEW_MARKER = "# XEM LẠI";
const MARKER_LINE = /^[ \t]*# XEM LẠI\b[^\n]*/gmu;

const OPTION_WHAT = { vi: "mã một phương án", en: "an option id" };
const VALUE_WHAT = { vi: "giá trị đo được (một số)", en: "the measured value (a number)" };
/** What replaces the blank of each scoring field `init` writes. */
const WHAT: Record<string, { vi: string; en: string }> = {
  option: OPTION_WHAT,
  value: VALUE_WHAT,
  numerator: { vi: "tử số (một số)", en: "the numerator (a number)" },
  denominator: { vi: "mẫu số (một số)", en: "the denominator (a number)" },
  count: { vi: "số lần (số nguyên, 0 nếu không có)", en: "the count (a whole number, 0 if none)" },
  score: { vi: "điểm tự chấm (một số)", en: "the score (a number)" },
};

/** Placeholders left in scalars. */
function visitPending(src: YamlSource, node: YNode, path: string[], scalarRanges: [number, number][], out: Diagnostic[]): void {
  if (node.kind === "scalar") {
    scalarRanges.push([node.start, node.end]);
    if (typeof node.value !== "string") return;
    const m = BLANK.exec(node.value);
    if (!m) return;
    const pos = nodePos(src.file, src.linePos, node);
    const [top, id, field] = path;
    const what = field !== undefined && Object.hasOwn(WHAT, field) ? WHAT[field] : undefined;
    if (top === "answers" && id !== undefined && what && path.length === 3) {
      out.push(diag("CD718", pos, { id, text: m[0], what }));
    } else if (top === "answers" || (top === "report" && (path[1] === "number" || path[1] === "date")) || top === "year") {
      out.push(diag("CD719", pos, { text: m[0] }));
    }
    return;
  }
  if (node.kind === "map") {
    for (const pair of node.pairs) {
      if (pair.key.kind === "scalar") scalarRanges.push([pair.key.start, pair.key.end]);
      visitPending(src, pair.value, [...path, keyString(pair.key)], scalarRanges, out);
    }
  } else {
    for (let i = 0; i < node.items.length; i++) visitPending(src, node.items[i]!, [...path, String(i)], scalarRanges, out);
  }
}

export function findPending(src: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const root = src.root;
  if (root?.kind !== "map") return out;
  const scalarRanges: [number, number][] = [];
  visitPending(src, root, [], scalarRanges, out);
  for (const m of src.text.matchAll(MARKER_LINE)) {
    const at = m.index! + m[0].indexOf("#");
    if (scalarRanges.some(([a, b]) => at >= a && at < b)) continue; // a "#" line inside a block scalar is text
    const found = /năm (\d{4})/u.exec(m[0])?.[1];
    const year = found ?? { vi: "trước", en: "an earlier year" };
    const p = src.linePos(at);
    out.push(diag("CD720", { file: src.file, line: p.line, column: p.col }, { year }));
  }
  return out;
}
