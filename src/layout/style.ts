import type { RunStyle } from "../document/model.js";
import type { Face } from "./types.js";

export function faceOf(style: Pick<RunStyle, "bold" | "italic">): Face {
  return style.bold ? (style.italic ? "boldItalic" : "bold") : style.italic ? "italic" : "regular";
}

export const twipsToPt = (t: number | undefined): number => (t ?? 0) / 20;
