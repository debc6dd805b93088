/**
 * `emit` (src/layout/slice.ts) copies every frame field by field when its page is assembled: an object
 * spread there was a hot line (docs/performance.md, "No object spread in per-item code"). A field added
 * to TextFrame or LineFrame and not added to that copy would vanish from every page without a word.
 * This test builds frames with every field set, optional ones included, and checks that the copy keeps
 * them all: the fixtures are typed `satisfies Required<…>`, so a new field breaks `npm run typecheck`
 * until it is named here, and the fields are also read from src/layout/types.ts, so the test fails at
 * run time too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emit, type Slice } from "../src/layout/slice.js";
import type { Frame, LineFrame, TextFrame } from "../src/layout/types.js";
import { ROOT } from "./helpers/example.js";
import { withoutComments } from "./helpers/source-graph.js";

/** Every field of a TextFrame, with values no default would produce. */
const TEXT = {
  kind: "text",
  x: 71.5,
  y: 12.25,
  face: "boldItalic",
  size: 13.5,
  text: "Tiếp công dân",
  wordSpacing: 0.75,
  pageNumber: true,
} satisfies Required<TextFrame>;

/** Every field of a LineFrame. */
const LINE = { kind: "line", x1: 1.5, y1: 2.5, x2: 3.5, y2: 4.5, width: 0.6, role: "underline" } satisfies Required<LineFrame>;

/** The field names of an interface in src/layout/types.ts, as written there. */
function fieldsOf(name: string): string[] {
  const source = withoutComments(readFileSync(join(ROOT, "src/layout/types.ts"), "utf8"));
  const body = new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(source);
  expect(body, name).not.toBeNull();
  return [...body![1]!.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!).sort();
}

/** A frame moved down by `dy`, as `emit` must produce it: every field kept, only the y's changed. */
function moved(f: Frame, dy: number): Frame {
  return f.kind === "text" ? { ...f, y: f.y + dy } : { ...f, y1: f.y1 + dy, y2: f.y2 + dy };
}

const slice = (items: Frame[], children?: Slice["children"]): Slice => ({ height: 10, before: 0, after: 0, keepWithPrev: false, items, children });

describe("emit copies every field of a frame", () => {
  it("the fixtures name every field the types declare", () => {
    expect(Object.keys(TEXT).sort()).toEqual(fieldsOf("TextFrame"));
    expect(Object.keys(LINE).sort()).toEqual(fieldsOf("LineFrame"));
  });

  it("keeps every field and moves only y (text and line frames)", () => {
    const out: Frame[] = [];
    emit(slice([TEXT, LINE]), 100, out);
    expect(out).toHaveLength(2);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys(TEXT).sort());
    expect(Object.keys(out[1]!).sort()).toEqual(Object.keys(LINE).sort());
    expect(out).toEqual([moved(TEXT, 100), moved(LINE, 100)]);
  });

  it("adds no field the frame did not have (an optional field left out stays out)", () => {
    const { pageNumber: _, ...plain } = TEXT;
    const out: Frame[] = [];
    emit(slice([plain]), 5, out);
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys(plain).sort());
    expect(out[0]).toEqual(moved(plain, 5));
  });

  it("copies the frames of nested slices too, each moved by its own offset", () => {
    const inner = slice([LINE]);
    const middle = slice([TEXT], [{ slice: inner, dy: 7 }]);
    const out: Frame[] = [];
    emit(slice([], [{ slice: middle, dy: 20 }]), 3, out);
    expect(out).toEqual([moved(TEXT, 23), moved(LINE, 30)]);
  });

  it("copies, never shares: changing a copy leaves the slice's frame as it was", () => {
    const s = slice([{ ...TEXT }, { ...LINE }]);
    const out: Frame[] = [];
    emit(s, 0, out);
    expect(out[0]).not.toBe(s.items[0]);
    expect(out[1]).not.toBe(s.items[1]);
    (out[0] as TextFrame).text = "khác";
    expect((s.items[0] as TextFrame).text).toBe(TEXT.text);
  });
});
