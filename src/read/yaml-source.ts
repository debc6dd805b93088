/**
 * Reading a YAML input file into plain data while keeping the node tree, so every later stage can
 * point at the exact line and column of a value. Never throws on bad input: every problem becomes a
 * diagnostic (CD1xx).
 */
import { Alias, Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, YAMLParseError, type CST, type Document, type Node } from "yaml";
import { diag, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourcePos } from "../model/source.js";
import { readPlainYaml } from "./yaml-fast.js";
import { lineIndex, type LinePos } from "./line-index.js";
import { MAX_NESTING, tooDeepAt } from "./yaml-depth.js";
import { decodeText, findMojibake, mojibakeHint } from "./encoding.js";
import { cleanValues, forbiddenInText, hasSuspects, readLoneCR } from "./text-hygiene.js";
import { fromYamlDocument, keyString, type YMap, type YNode, type YPair } from "./yaml-tree.js";
import { yamlErrorDiagnostics } from "./yaml-errors.js";

/** Larger inputs are refused: a rubric or an assessment is tens of kilobytes. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type PathSegment = string | number;

export interface YamlSource {
  file: string;
  /** The NFC-normalised text that was parsed. */
  text: string;
  /** The node tree (null for an empty document), for positions. */
  root: YNode | null;
  linePos: LinePos;
  /** Plain data (maps as objects, sequences as arrays). */
  data: unknown;
}

export interface ReadResult {
  source?: YamlSource;
  diagnostics: Diagnostic[];
}

/** Decode, normalise and parse one YAML file. `file` is the name shown in diagnostics. */
export function readYaml(file: string, bytes: Uint8Array): ReadResult {
  const at = (line = 1, column = 1): SourcePos => ({ file, line, column });
  if (bytes.length > MAX_INPUT_BYTES) {
    return { diagnostics: [diag("CD103", at(), { size: bytes.length, limit: MAX_INPUT_BYTES })] };
  }
  // Not UTF-8: where, in which encoding it probably is, how to convert (encoding.ts).
  const decoded = decodeText(file, bytes);
  if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic] };
  const diagnostics: Diagnostic[] = [];
  // Lone CRs are line ends (text-hygiene.ts), then UTF-8 decoded as Windows-1252 once, then refused characters.
  let text = readLoneCR(file, decoded.text, diagnostics);
  const mojibake = findMojibake(text);
  if (mojibake) {
    const pos = posAt(file, text, mojibake.offset);
    return { diagnostics: [...diagnostics, diag("CD117", pos, { text: mojibake.text, meant: mojibake.meant, fix: mojibakeHint(file) })] };
  }
  const suspects = hasSuspects(text);
  const refused = forbiddenInText(file, text, suspects);
  if (refused.length > 0) return { diagnostics: [...diagnostics, ...refused] };
  const normalised = text.normalize("NFC");
  if (normalised !== text) {
    diagnostics.push(diag("CD111", posAt(file, text, firstDifference(text, normalised))));
    text = normalised;
  }
  if (text.trim() === "" || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    return { diagnostics: [...diagnostics, diag("CD102", at())] };
  }

  // Plain block YAML (every assessment and appraisal we know of) has a reader of its own, ten times
  // faster; anything else, and every error, goes through the yaml library.
  const fast = readPlainYaml(text);
  if (fast) return cleaned({ file, text, root: fast.root, linePos: lineIndex(text), data: fast.data }, diagnostics, suspects);

  const linePos = lineIndex(text);
  // The library's parser (which keeps its own stack) first, then a depth check (yaml-depth.ts), then
  // its composer (which recurses): too deep a nesting is reported before it can exhaust the stack.
  const tokens = [...new Parser().parse(text)];
  const deep = tooDeepAt(tokens);
  if (deep >= 0) {
    const p = linePos(deep);
    return { diagnostics: [...diagnostics, diag("CD135", { file, line: p.line, column: p.col }, { limit: MAX_NESTING })] };
  }
  const doc = composeFirst(tokens, text.length);
  if (doc.errors.length > 0) {
    // The first error of each cascade, explained (yaml-errors.ts); a blanked line is parsed again to tell.
    const reparse = (t: string) => composeFirst([...new Parser().parse(t)], t.length).errors;
    return { diagnostics: [...diagnostics, ...yamlErrorDiagnostics(file, text, linePos, doc.errors, reparse)] };
  }

  // Walk the tree once: forbidden keys, self-referencing aliases and keys toJS would change are refused before toJS.
  const structural = checkTree(file, text, doc, linePos);
  if (structural.length > 0) return { diagnostics: [...diagnostics, ...structural] };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { diagnostics: [...diagnostics, diag("CD107", libraryNodePos(file, linePos, doc.contents as Node | null))] };
  }
  return cleaned({ file, text, root: fromYamlDocument(doc), linePos, data }, diagnostics, suspects);
}

/** Characters and numbers of every value, once, whichever reader parsed them (text-hygiene.ts). */
function cleaned(source: YamlSource, diagnostics: Diagnostic[], suspects: boolean): ReadResult {
  diagnostics.push(...cleanValues(source.file, source.text, source.root, source.data, source.linePos, suspects));
  return { source, diagnostics };
}

/**
 * The first document, as parseDocument composes it (not parseAllDocuments: ≈ 0,25 ms less per
 * assessment); a second document is reported as a MULTIPLE_DOCS error at its start.
 */
function composeFirst(tokens: CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const d of new Composer({ uniqueKeys: sameKey, strict: true }).compose(tokens, true, length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"));
      break;
    }
  }
  return doc!;
}

/**
 * The library's duplicate-key test (DUPLICATE_KEY, CD106), except for keys that resolve to the same
 * number from different texts (`1.0:` and `01:`, `2.1:` and `2.10:`): those are CD150, which says
 * what YAML made of each (keysOf).
 */
function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isScalar(a) || !isScalar(b) || a.value !== b.value) return false;
  return typeof a.value === "string" || a.source === b.source;
}

/**
 * Refused before toJS: forbidden keys (CD108), self-referencing aliases (CD110), and keys that toJS
 * would silently change or merge (CD150, CD106, see keysOf).
 */
function checkTree(file: string, text: string, doc: Document.Parsed, linePos: LinePos): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: unknown[] = [];
  const visit = (node: unknown): void => {
    if (!node || out.length > 20) return;
    if (isAlias(node)) {
      const target = (node as Alias).resolve(doc);
      if (target && stack.includes(target)) out.push(diag("CD110", libraryNodePos(file, linePos, node as Node)));
      return;
    }
    stack.push(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key;
        if (isScalar(k) && FORBIDDEN_KEYS.has(String(k.value))) {
          out.push(diag("CD108", libraryNodePos(file, linePos, k), { key: String(k.value) }));
        }
      }
      out.push(...keysOf(file, text, node.items, linePos));
      for (const pair of node.items) {
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    } else if (isPair(node)) {
      visit(node.value);
    }
    stack.pop();
  };
  visit(doc.contents);
  return out;
}

/**
 * A map's keys as toJS makes them: the string of the key's value. A plain key that YAML resolves to a
 * number (or a boolean or null) is then not the text written: `2.10:` becomes "2.1", `1.0:` "1" —
 * an answer filed under another criterion, or merged with the one written "2.1" (toJS keeps the last
 * silently; the library's duplicate check compares values, and 2.1 is not "2.1"). Each such key is
 * CD150, saying which key it collides with; two keys written differently with the same string
 * (`2.1:` and `"2.1":`) are CD106, like any duplicate.
 */
function keysOf(file: string, text: string, pairs: readonly { key: unknown }[], linePos: LinePos): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, { source: string; line: number; changed?: Diagnostic }>();
  for (const { key } of pairs) {
    if (!isScalar(key) || !key.range) continue;
    const js = key.value === null ? "" : typeof key.value === "object" ? undefined : String(key.value);
    if (js === undefined) continue;
    const source = text.slice(key.range[0], key.range[1]);
    const pos = libraryNodePos(file, linePos, key);
    const before = seen.get(js);
    const changed = typeof key.value !== "string" && key.type === "PLAIN" && source !== js;
    if (changed) {
      const d = diag("CD150", pos, { key: source, read: readAs(key.value), clash: before ? clashWith(before.source, before.line) : "" });
      out.push(d);
      if (!before) seen.set(js, { source, line: pos.line, changed: d });
    } else if (before) {
      // The earlier key was the changed one: its message names this one; otherwise a plain duplicate.
      if (before.changed) before.changed.args.clash = clashWith(source, pos.line);
      else out.push(diag("CD106", pos, { key: js }));
    } else {
      seen.set(js, { source, line: pos.line });
    }
  }
  return out;
}

function readAs(value: unknown): Arg {
  if (typeof value === "number") return { vi: `số ${String(value)}`, en: `the number ${String(value)}` };
  if (value === null) return { vi: "giá trị rỗng (null)", en: "null" };
  return { vi: `giá trị ${String(value)}`, en: `the value ${String(value)}` };
}

function clashWith(source: string, line: number): Arg {
  return { vi: `, trùng với khóa ${source} ở dòng ${line}`, en: `, the same as the key ${source} on line ${line}` };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Position of an offset in a text that has no line index yet (problems found before parsing). */
export function posAt(file: string, text: string, offset: number): SourcePos {
  const p = lineIndex(text)(offset);
  return { file, line: p.line, column: p.col };
}

export function nodePos(file: string, linePos: LinePos, node: { start: number; end: number } | null | undefined): SourcePos {
  if (!node) return { file, line: 1, column: 1 };
  const s = linePos(node.start);
  const e = linePos(node.end);
  return { file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
}

/** Position of a yaml library node (for what is found before our tree exists). */
function libraryNodePos(file: string, linePos: LinePos, node: { range?: [number, number, number] | null } | null | undefined): SourcePos {
  return nodePos(file, linePos, node?.range ? { start: node.range[0], end: node.range[1] } : null);
}

/**
 * The node at a data path (JSON-pointer segments), comparing map keys as strings (as the data has
 * them: a key "1.10" must not be found as the number 1.1). With `key: true`, the key node of the last
 * segment is returned instead of its value.
 */
export function nodeAt(src: YamlSource, path: readonly PathSegment[], key = false): YNode | undefined {
  let node: YNode | null | undefined = src.root;
  let keyNode: YNode | undefined;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.kind === "map") {
      const name = String(seg);
      const pair = findPair(node, name);
      if (!pair) return undefined;
      keyNode = pair.key;
      node = pair.value;
    } else if (node.kind === "seq") {
      keyNode = undefined;
      node = node.items[Number(seg)];
    } else {
      return undefined;
    }
  }
  const picked = key && keyNode ? keyNode : node;
  return picked ?? undefined;
}

/**
 * A key's pair in a map: the first with that key, as `find` would give. Maps with many keys (an
 * assessment's answers) are looked up through an index built once per map: one lookup per answer
 * field over a scan of every pair was quadratic (100 000 answers: minutes).
 */
const pairIndex = new WeakMap<YMap, Map<string, YPair>>();
const INDEX_FROM = 16;

function findPair(map: YMap, name: string): YPair | undefined {
  const pairs = map.pairs;
  if (pairs.length < INDEX_FROM) {
    for (const p of pairs) if (keyString(p.key) === name) return p;
    return undefined;
  }
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of pairs) {
      const k = keyString(p.key);
      if (!index.has(k)) index.set(k, p);
    }
    pairIndex.set(map, index);
  }
  return index.get(name);
}

/** Position of the value at a path; falls back to the nearest existing ancestor. */
export function posOf(src: YamlSource, path: readonly PathSegment[], key = false): SourcePos {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(src, path.slice(0, n), key && n === path.length ? true : n < path.length);
    if (node) return nodePos(src.file, src.linePos, node);
  }
  return { file: src.file, line: 1, column: 1 };
}
