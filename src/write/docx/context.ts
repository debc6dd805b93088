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
  const add = (size: number) => counts.set(size, (counts.get(size) ?? 0) + 1);
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === "paragraph") {
        add(b.style.size);
        for (const r of b.runs) add(r.style.size);
      } else if (b.kind === "table") {
        for (const row of b.rows) for (const c of row.cells) walk(c.blocks);
      } else {
        for (const item of b.items) walk(item);
      }
    }
  };
  for (const s of doc.sections) walk(s.blocks);
  let best = 14;
  let bestCount = -1;
  // Ties go to the smaller size, so the choice never depends on map order.
  for (const [size, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (n > bestCount) {
      best = size;
      bestCount = n;
    }
  }
  return { defaultSize: best };
}
