/**
 * A readable text dump of laid-out pages, for golden tests and eyeballing:
 *
 *   page 1 · section 1 · 595.28×841.89 portrait · body 85.04..552.76 × 56.69..785.2
 *     T  85.04  70.23 bold 13 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 *     T  85.04 120.00 regular 14 ws=0.87 "Thực hiện …"
 *     L rule 120.50 88.10 → 220.50 88.10 w=0.5
 */
import type { LayoutResult, PageFrame } from "./types.js";

const n = (v: number) => String(Math.round(v * 100) / 100);

export function dumpPage(p: PageFrame): string {
  const lines = [
    `page ${p.number}${p.printedNumber !== undefined ? ` (printed ${p.printedNumber})` : ""} · section ${p.section + 1} · ${n(p.width)}×${n(p.height)} ${p.orientation} · body ${n(p.body.left)}..${n(p.body.right)} × ${n(p.body.top)}..${n(p.body.bottom)}`,
  ];
  for (const f of p.items) {
    if (f.kind === "text") {
      const ws = f.wordSpacing ? ` ws=${n(f.wordSpacing)}` : "";
      lines.push(`  T ${n(f.x)} ${n(f.y)} ${f.face} ${n(f.size)}${ws} ${JSON.stringify(f.text)}`);
    } else {
      lines.push(`  L ${f.role} ${n(f.x1)} ${n(f.y1)} → ${n(f.x2)} ${n(f.y2)} w=${n(f.width)}`);
    }
  }
  return lines.join("\n");
}

export function dumpLayout(result: LayoutResult): string {
  return result.pages.map(dumpPage).join("\n") + "\n";
}

/** The text of a page in reading order (lines joined by "\n"), for comparisons with other renderers. */
export function pageText(p: PageFrame): string {
  const texts = p.items.filter((f) => f.kind === "text");
  const sorted = [...texts].sort((a, b) => a.y - b.y || a.x - b.x);
  const out: string[] = [];
  let lastY = Number.NaN;
  for (const t of sorted) {
    if (Math.abs(t.y - lastY) > 1) out.push(t.text);
    else out[out.length - 1] += " " + t.text;
    lastY = t.y;
  }
  return out.join("\n");
}
