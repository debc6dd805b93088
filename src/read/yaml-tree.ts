/**
 * Our own small YAML node tree: what the later stages need to point at a value (its offsets, its
 * scalar style, its keys), whichever reader produced it: the fast reader for plain block YAML
 * (yaml-fast.ts) or the `yaml` library for everything else (converted here).
 *
 * Offsets: `start` is where the node's text begins; `end` is where a scalar's text ends (after the
 * closing quote, after the last content line of a block scalar), and where the last value of a block
 * collection ends (trailing comments and line breaks belong to no node). Both readers agree on every
 * offset: test/yaml-fast.test.ts compares them.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from "yaml";

export type ScalarStyle = "plain" | "single" | "double" | "literal" | "folded";

export interface YScalar {
  kind: "scalar";
  value: unknown;
  style: ScalarStyle;
  start: number;
  end: number;
}

export interface YPair {
  key: YNode;
  value: YNode;
}

export interface YMap {
  kind: "map";
  pairs: YPair[];
  start: number;
  end: number;
}

export interface YSeq {
  kind: "seq";
  items: YNode[];
  start: number;
  end: number;
}

export type YNode = YScalar | YMap | YSeq;

/** A key as the data has it: scalars as strings (toJS does the same), anything else as "". */
export function keyString(key: YNode): string {
  return key.kind === "scalar" ? String(key.value) : "";
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: "plain",
  QUOTE_SINGLE: "single",
  QUOTE_DOUBLE: "double",
  BLOCK_LITERAL: "literal",
  BLOCK_FOLDED: "folded",
};

/**
 * Convert a parsed (error-free, alias-checked) yaml Document. An alias becomes its target's content
 * at the alias's own place, so a path through it resolves as before.
 */
export function fromYamlDocument(doc: Document.Parsed): YNode | null {
  // Each node is converted once; an alias shares its target's converted content (no expansion).
  const done = new Map<unknown, YNode>();
  const convert = (node: unknown): YNode => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      const content = done.get(target) ?? convert(target);
      const r = node.range ?? [content.start, content.end];
      return { ...content, start: r[0], end: r[1] };
    }
    const converted = convertNode(node);
    done.set(node, converted);
    return converted;
  };
  const convertNode = (node: unknown): YNode => {
    const range = (node as Node | null)?.range;
    const start = range?.[0] ?? 0;
    if (isMap(node)) {
      const pairs = node.items.map((p) => {
        const key = convert(p.key);
        const value = p.value === null ? emptyAt(key.end) : convert(p.value);
        return { key, value };
      });
      const last = pairs[pairs.length - 1];
      const end = node.flow ? range![1] : last ? last.value.end : start;
      return { kind: "map", pairs, start, end };
    }
    if (isSeq(node)) {
      const items = node.items.map((i) => convert(i));
      const last = items[items.length - 1];
      const end = node.flow ? range![1] : last ? last.end : start;
      return { kind: "seq", items, start, end };
    }
    if (isScalar(node)) {
      return { kind: "scalar", value: node.value, style: STYLES[node.type ?? "PLAIN"] ?? "plain", start, end: range?.[1] ?? start };
    }
    return emptyAt(start);
  };
  return doc.contents === null ? null : convert(doc.contents);
}

function emptyAt(offset: number): YScalar {
  return { kind: "scalar", value: null, style: "plain", start: offset, end: offset };
}
