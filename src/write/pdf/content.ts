/**
 * A page's content stream from its frames: one text object with a Tm per frame (Tf when the face or
 * size changes), then the lines. Layout y grows downwards from the page top; PDF y grows upwards.
 * The result is a byte string (glyph codes are binary; see glyphs.ts): encode it as latin1.
 */
import type { PageFrame } from "../../layout/types.js";
import type { EmbeddedFace } from "./embed-font.js";
import { num, tjArray } from "./glyphs.js";

export function pageContent(page: PageFrame, faces: ReadonlyMap<string, EmbeddedFace & { name: string }>, kerning: boolean): string {
  const H = page.height;
  const out: string[] = [];
  const texts = page.items.filter((f) => f.kind === "text" && f.text !== "");
  if (texts.length) {
    out.push("BT", "0 g");
    let font = "";
    for (const f of texts) {
      if (f.kind !== "text") continue;
      const face = faces.get(f.face)!;
      const tf = `/${face.name} ${num(f.size)} Tf`;
      if (tf !== font) {
        out.push(tf);
        font = tf;
      }
      out.push(`1 0 0 1 ${num(f.x)} ${num(H - f.y)} Tm`);
      out.push(`${tjArray(f.text, f.size, f.wordSpacing, face.font, face.subset, kerning)} TJ`);
    }
    out.push("ET");
  }
  const lines = page.items.filter((f) => f.kind === "line");
  if (lines.length) {
    out.push("0 G");
    let width = -1;
    let cap = -1;
    for (const l of lines) {
      if (l.kind !== "line") continue;
      if (l.width !== width) {
        out.push(`${num(l.width)} w`);
        width = l.width;
      }
      // Borders use projecting caps so that corners close; rules and underlines end exactly.
      const c = l.role === "border" ? 2 : 0;
      if (c !== cap) {
        out.push(`${c} J`);
        cap = c;
      }
      out.push(`${num(l.x1)} ${num(H - l.y1)} m ${num(l.x2)} ${num(H - l.y2)} l S`);
    }
  }
  return out.join("\n") + "\n";
}
