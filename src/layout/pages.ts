/**
 * Pages: each section's slices are stacked into pages of the section's size and margins, with Word's
 * pagination rules:
 *
 * - a slice that does not fit moves to the next page; the space before a paragraph is dropped at the
 *   top of a page (except on the first page of a section), the space after need not fit at the bottom;
 *   a paragraph's space after and the next one's space before add up (Word; LibreOffice would take the
 *   larger of the two, which is why compose puts each gap on one side only);
 * - keeps (keep-with-next, widow/orphan control, a table's first body row with its header) move the
 *   slices they bind to the next page together, unless they fill a whole page, then they break anyway;
 * - a table row that does not fit is split between lines when it may (and even when it may not, if it
 *   is taller than a page); if not one line fits, it moves; header rows are repeated on every page the
 *   table continues onto;
 * - page numbers centred in the top margin (the header at `headerDistance`), hidden on a section's first
 *   page when asked; numbering runs on across sections. A header taller than the top margin pushes the
 *   body down, as in Word.
 */
import type { DocModel, RunStyle, Section } from "../document/model.js";
import { flowBlocks, type FlowContext } from "./flow.js";
import { EPS } from "./inline/linebreak.js";
import type { LayoutFonts } from "./measure.js";
import { emit, type Slice } from "./slice.js";
import type { Frame, LayoutOptions, LayoutResult, LayoutWarning, PageFrame } from "./types.js";

export const DEFAULT_OPTIONS: Required<LayoutOptions> = {
  widowControl: false,
  ruleLine: 80,
  tableEdge: "border",
};

export function layoutDocument(doc: DocModel, fonts: LayoutFonts, options: LayoutOptions = {}): LayoutResult {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const warnings: LayoutWarning[] = [];
  const pages: PageFrame[] = [];
  doc.sections.forEach((section, index) => {
    pages.push(...layoutSection(section, index, pages.length + 1, fonts, opts, warnings));
  });
  return { pages, warnings };
}

interface Geometry {
  width: number;
  height: number;
  body: PageFrame["body"];
}

function geometry(section: Section, fonts: LayoutFonts): Geometry {
  const p = section.page;
  const landscape = p.orientation === "landscape";
  const width = (landscape ? Math.max(p.width, p.height) : Math.min(p.width, p.height)) / 20;
  const height = (landscape ? Math.min(p.width, p.height) : Math.max(p.width, p.height)) / 20;
  let top = p.margin.top / 20;
  if (section.pageNumber) {
    const header = p.headerDistance / 20 + fonts.lineMetrics({ size: section.pageNumber.size }).height;
    if (header > top) top = header;
  }
  return { width, height, body: { top, left: p.margin.left / 20, right: width - p.margin.right / 20, bottom: height - p.margin.bottom / 20 } };
}

function layoutSection(
  section: Section,
  index: number,
  firstNumber: number,
  fonts: LayoutFonts,
  options: Required<LayoutOptions>,
  warnings: LayoutWarning[],
): PageFrame[] {
  const geo = geometry(section, fonts);
  const { body } = geo;
  const ctx: FlowContext = { fonts, options, warnings, pageHeight: body.bottom - body.top };
  const slices = flowBlocks(section.blocks, body.left, body.right - body.left, ctx);

  const pages: PageFrame[] = [];
  interface Entry {
    index: number;
    y: number;
    count: number;
  }
  let page!: PageFrame;
  let entries: Entry[] = [];
  let y = 0;
  let contentOnPage = false;

  const newPage = (next: Slice | undefined) => {
    page = {
      number: firstNumber + pages.length,
      section: index,
      pageInSection: pages.length,
      width: geo.width,
      height: geo.height,
      orientation: section.page.orientation,
      body: { ...body },
      items: [],
    };
    pages.push(page);
    entries = [];
    y = body.top;
    contentOnPage = false;
    if (next?.repeat) {
      for (const h of next.repeat) {
        emit(h, y, page.items);
        y += h.height;
      }
    }
  };
  const put = (s: Slice, i: number, before: number) => {
    const start = page.items.length;
    const top = y + before;
    emit(s, top, page.items);
    entries.push({ index: i, y, count: page.items.length - start });
    y = top + s.height + s.after;
    contentOnPage = true;
  };
  const repeatHeight = (s: Slice) => (s.repeat ? s.repeat.reduce((h, r) => h + r.height, 0) : 0);

  // A slice that draws nothing (a table row left empty when the merge above it was undone) never starts
  // a page: it stays on the current one, even past its bottom, or it would make an empty page.
  const startsPage = (next: Slice | undefined) => next !== undefined && !drawsNothing(next);

  newPage(slices[0]);
  let carry: Slice | null = null;
  let i = 0;
  while (i < slices.length) {
    const s: Slice = carry ?? slices[i];
    const firstOfSection = pages.length === 1 && !contentOnPage;
    const before = contentOnPage || firstOfSection ? s.before : 0;
    if (y + before + s.height <= body.bottom + EPS || (contentOnPage && carry === null && drawsNothing(s))) {
      put(s, i, before);
      carry = null;
      i++;
      continue;
    }
    // Does not fit. Split a table row?
    const fresh = body.bottom - body.top - repeatHeight(s);
    if (s.split && (!s.cantSplit || s.height > fresh + EPS)) {
      const parts = s.split(body.bottom - y - before);
      if (parts) {
        put(parts[0], i, before);
        if (parts[1]) {
          carry = { ...parts[1], repeat: s.repeat };
          newPage(carry);
        } else {
          carry = null;
          i++;
          if (startsPage(slices[i])) newPage(slices[i]);
        }
        continue;
      }
    }
    if (!contentOnPage) {
      // Taller than an empty page and cannot split: place it anyway.
      warnings.push({ code: "overflow", message: "content taller than the page", page: page.number });
      put(s, i, before);
      carry = null;
      i++;
      if (startsPage(slices[i])) newPage(slices[i]);
      continue;
    }
    // Move to the next page, with whatever the keeps bind to this slice.
    let b = i;
    if (carry === null) {
      let k = entries.length;
      let idx = i;
      while (k > 0 && slices[idx].keepWithPrev && entries[k - 1].index === idx - 1) {
        k--;
        idx--;
      }
      // k = number of entries that stay; move the rest, unless that would empty the page.
      if (k > 0 && idx < i) {
        const removed = entries.slice(k);
        const keepItems = page.items.length - removed.reduce((n, e) => n + e.count, 0);
        page.items.length = keepItems;
        entries.length = k;
        b = idx;
      }
    }
    i = b;
    newPage(carry ?? slices[i]);
  }

  // Page numbers.
  if (section.pageNumber) {
    const pn = section.pageNumber;
    const style: RunStyle = { size: pn.size };
    const m = fonts.lineMetrics(style);
    for (const p of pages) {
      if (pn.hideOnFirstPage && p.pageInSection === 0) continue;
      const text = String(p.number);
      const w = fonts.measure(text, style);
      p.items.unshift({
        kind: "text",
        x: body.left + (body.right - body.left - w) / 2,
        y: section.page.headerDistance / 20 + m.ascent,
        face: "regular",
        size: pn.size,
        text,
        wordSpacing: 0,
      });
    }
  }
  for (const p of pages) finishPage(p);
  return pages;
}

/**
 * Fills page-number fields, and merges table border segments: cells draw their four edges, which
 * repeat along shared edges; on a page they collapse into one line per grid line and run.
 */
function finishPage(page: PageFrame): void {
  const out: Frame[] = [];
  // Keyed by a number (direction, position in thousandths of a point, stroke width in thousandths):
  // building a string key per border segment was a hot line of bulk builds.
  const buckets = new Map<number, { width: number; horizontal: boolean; at: number; spans: [number, number][] }>();
  for (const f of page.items) {
    if (f.kind === "text" && f.pageNumber) {
      out.push({ ...f, text: String(page.number), pageNumber: undefined });
    } else if (f.kind === "line" && f.role === "border" && (f.y1 === f.y2 || f.x1 === f.x2)) {
      const horizontal = f.y1 === f.y2;
      const at = horizontal ? f.y1 : f.x1;
      const key = (Math.round(at * 1000) * 1048576 + Math.round(f.width * 1000)) * 2 + (horizontal ? 1 : 0);
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { width: f.width, horizontal, at, spans: [] }));
      const a = horizontal ? f.x1 : f.y1;
      const z = horizontal ? f.x2 : f.y2;
      b.spans.push(a <= z ? [a, z] : [z, a]);
    } else {
      out.push(f);
    }
  }
  for (const b of buckets.values()) {
    b.spans.sort((p, q) => p[0] - q[0]);
    let [a, z] = b.spans[0];
    const flush = () =>
      out.push(
        b.horizontal
          ? { kind: "line", x1: a, y1: b.at, x2: z, y2: b.at, width: b.width, role: "border" }
          : { kind: "line", x1: b.at, y1: a, x2: b.at, y2: z, width: b.width, role: "border" },
      );
    for (let i = 1; i < b.spans.length; i++) {
      const [c, d] = b.spans[i];
      if (c <= z + 1e-6) z = Math.max(z, d);
      else {
        flush();
        [a, z] = [c, d];
      }
    }
    flush();
  }
  page.items = out;
}

function drawsNothing(s: Slice): boolean {
  return s.items.length === 0 && (s.children ?? []).every((c) => drawsNothing(c.slice));
}
