/**
 * A page's content stream from its frames: one text object with a Tm per frame (Tf when the face or
 * size changes), then the lines. Layout y grows downwards from the page top; PDF y grows upwards.
 * Written as bytes (glyph codes are binary; see glyphs.ts).
 */
import type { PageFrame } from "../../layout/types.js";
import { ByteWriter } from "./bytes.js";
import type { EmbeddedFace } from "./embed-font.js";
import { writeTjArray } from "./glyphs.js";

export interface PageContent {
  bytes: Uint8Array;
  /** Names of the faces the page uses (for its font resources). */
  faces: Set<string>;
}

export function pageContent(page: PageFrame, faces: ReadonlyMap<string, EmbeddedFace & { name: string }>, kerning: boolean): PageContent {
  const H = page.height;
  const w = new ByteWriter();
  const used = new Set<string>();
  let inText = false;
  let font = "";
  let size = -1;
  for (const f of page.items) {
    if (f.kind !== "text" || f.text === "") continue;
    if (!inText) {
      w.text("BT\n0 g\n");
      inText = true;
    }
    const face = faces.get(f.face)!;
    if (face.name !== font || f.size !== size) {
      w.byte(0x2f).text(face.name).byte(0x20).num(f.size).text("Tf\n");
      font = face.name;
      size = f.size;
      used.add(face.name);
    }
    w.text("1 0 0 1 ")
      .num(f.x)
      .num(H - f.y)
      .text("Tm\n");
    writeTjArray(w, f.text, f.size, f.wordSpacing, face.font, face.subset, kerning);
    w.text(" TJ\n");
  }
  if (inText) w.text("ET\n");
  let stroke = false;
  let width = -1;
  let cap = -1;
  for (const l of page.items) {
    if (l.kind !== "line") continue;
    if (!stroke) {
      w.text("0 G\n");
      stroke = true;
    }
    if (l.width !== width) {
      w.num(l.width).text("w\n");
      width = l.width;
    }
    // Borders use projecting caps so that corners close; rules and underlines end exactly.
    const c = l.role === "border" ? 2 : 0;
    if (c !== cap) {
      w.text(c === 2 ? "2 J\n" : "0 J\n");
      cap = c;
    }
    w.num(l.x1)
      .num(H - l.y1)
      .text("m ")
      .num(l.x2)
      .num(H - l.y2)
      .text("l S\n");
  }
  return { bytes: w.bytes(), faces: used };
}
