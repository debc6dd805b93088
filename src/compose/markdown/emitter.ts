/**
 * Collects the output of the Markdown handlers. Block handlers open and close paragraphs or push whole
 * blocks; inline handlers push runs into the open paragraph (opening one with the context's style when
 * phrasing content appears where a block was expected, so nothing is lost). Adjacent runs of the same
 * style are merged; whitespace at the edges of a paragraph is trimmed.
 */
import type { Block, Inline, Paragraph, ParagraphStyle, RunStyle } from "../../document/model.js";
import type { SourcePos } from "../../model/source.js";

export class Emitter {
  readonly blocks: Block[] = [];
  private current: Paragraph | null = null;

  open(style: ParagraphStyle, source: SourcePos | undefined): void {
    this.close();
    this.current = { kind: "paragraph", style, runs: [] };
    if (source) this.current.source = source;
  }

  close(): void {
    const p = this.current;
    if (!p) return;
    this.current = null;
    trimEdges(p);
    // A paragraph left empty (e.g. an image without alt text, already diagnosed) prints nothing.
    if (p.runs.length > 0 || p.rule) this.blocks.push(p);
  }

  /** Pushes a run, opening a paragraph with `style` if none is open. */
  inline(run: Inline, style: ParagraphStyle, source: SourcePos | undefined): void {
    if (!this.current) this.open(style, source);
    const runs = this.current!.runs;
    const last = runs[runs.length - 1];
    if (run.kind === "text" && last && last.kind === "text" && sameStyle(last.style, run.style)) {
      runs[runs.length - 1] = { kind: "text", text: last.text + run.text, style: last.style };
    } else {
      runs.push(run);
    }
  }

  block(b: Block): void {
    this.close();
    this.blocks.push(b);
  }

  finish(): Block[] {
    this.close();
    return this.blocks;
  }
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.size === b.size && !a.bold === !b.bold && !a.italic === !b.italic && !a.underline === !b.underline && a.vertAlign === b.vertAlign;
}

function trimEdges(p: Paragraph): void {
  const runs = p.runs;
  while (runs.length > 0) {
    const first = runs[0]!;
    if (first.kind !== "text") break;
    const t = first.text.replace(/^\s+/, "");
    if (t) {
      runs[0] = { ...first, text: t };
      break;
    }
    runs.shift();
  }
  while (runs.length > 0) {
    const last = runs[runs.length - 1]!;
    if (last.kind !== "text") break;
    const t = last.text.replace(/\s+$/, "");
    if (t) {
      runs[runs.length - 1] = { ...last, text: t };
      break;
    }
    runs.pop();
  }
}
