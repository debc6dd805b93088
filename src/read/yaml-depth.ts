/**
 * How deep the collections of a YAML text nest, measured on the `yaml` library's token tree (its
 * parser keeps its own stack and does not recurse), before anything that recurses over the nesting
 * runs: the library's composer and toJS, our tree conversion (yaml-tree.ts) and walkers, schema
 * validation. 10 000 nested `[` made the composer fail with "Maximum call stack size exceeded".
 *
 * The limit, 64 levels, is far above any real input: the example's rubric nests 4 levels (rubric →
 * items → criterion → options), an assessment 4, chamdiem.yaml 2; and far below what the recursive
 * code survives (thousands of levels). An alias counts the levels of the node it repeats, so a chain
 * of anchors cannot build deep data out of shallow text.
 */
import type { CST } from "yaml";

export const MAX_NESTING = 64;

interface Level {
  children: [CST.Token, string | undefined][];
  next: number;
  /** The deepest nesting found below this collection so far (0: only scalars). */
  below: number;
  anchor: string | undefined;
}

/** Offset of the first collection (or alias) that lies deeper than MAX_NESTING, or -1. */
export function tooDeepAt(tokens: readonly CST.Token[]): number {
  // Levels of nesting of each anchored node, for the aliases that repeat it.
  const anchored = new Map<string, number>();
  for (const doc of tokens) {
    if (doc.type !== "document" || !doc.value) continue;
    // A virtual level holds the document's content; real collections sit at stack depth 1, 2, …
    const stack: Level[] = [{ children: [[doc.value, anchorIn(doc.start)]], next: 0, below: 0, anchor: undefined }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next === top.children.length) {
        stack.pop();
        if (stack.length === 0) break;
        const levels = top.below + 1;
        if (top.anchor !== undefined) anchored.set(top.anchor, levels);
        const parent = stack[stack.length - 1]!;
        if (levels > parent.below) parent.below = levels;
        continue;
      }
      const [token, anchor] = top.children[top.next++]!;
      const depth = stack.length - 1;
      if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
        if (depth + 1 > MAX_NESTING) return token.type === "flow-collection" ? token.start.offset : token.offset;
        stack.push({ children: childrenOf(token), next: 0, below: 0, anchor });
      } else if (token.type === "alias") {
        const levels = anchored.get(token.source.slice(1)) ?? 0;
        if (depth + levels > MAX_NESTING) return token.offset;
        if (levels > top.below) top.below = levels;
      } else if (anchor !== undefined) {
        anchored.set(anchor, 0);
      }
    }
  }
  return -1;
}

/** The keys and values of a collection, each with the anchor written before it. */
function childrenOf(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection): [CST.Token, string | undefined][] {
  const out: [CST.Token, string | undefined][] = [];
  for (const item of token.items) {
    let anchor = anchorIn(item.start);
    if (item.key) {
      out.push([item.key, anchor]);
      anchor = undefined;
    }
    if (item.sep) anchor = anchorIn(item.sep) ?? anchor;
    if (item.value) out.push([item.value, anchor]);
  }
  return out;
}

function anchorIn(tokens: readonly CST.SourceToken[] | undefined): string | undefined {
  if (!tokens) return undefined;
  let name: string | undefined;
  for (const t of tokens) if (t.type === "anchor") name = t.source.slice(1);
  return name;
}
