/**
 * What the docx writer's modules share while writing one document: the default run size written
 * into the document defaults. Paragraphs and runs of that size carry no w:sz of their own, which
 * makes the XML (and its generation) much smaller; the default is the commonest size in the model.
 */
import type { Block, DocModel } from "../../document/model.js";

export interface DocxContext {
  /** Points. */
  defaultSize: number;
}

export function docxContext(doc: DocModel): DocxContext {
  const counts = new Map<number, number>();
  for (const s of doc.sections) countSizes(s.blocks, counts);
  let best = 14;
  let bestCount = -1;
  // Ties go to the smaller size, so the choice never depends on map order.
  for (const [size, n] of [...counts].sort(bySize)) {
    if (n > bestCount) {
      best = size;
      bestCount = n;
    }
  }
  return { defaultSize: best };
}

function bySize(a: [number, number], b: [number, number]): number {
  return a[0] - b[0];
}

/** Counts paragraph and run sizes. */
function countSizes(blocks: readonly Block[], counts: Map<number, number>): void {
  for (const b of blocks) {
    if (b.kind === "paragraph") {
      counts.set(b.style.size, (counts.get(b.style.size) ?? 0) + 1);
      for (const r of b.runs) counts.set(r.style.size, (counts.get(r.style.size) ?? 0) + 1);
    } else {
      for (const row of b.rows) for (const c of row.cells) countSizes(c.blocks, counts);
    }
  }
}
