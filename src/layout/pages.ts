/**
 * Pages: each section's slices are stacked into pages of the section's size and margins, with Word's
 * pagination rules:
 *
 * - a slice that does not fit moves to the next page; the space before a paragraph is dropped at the
 *   top of a page (except on the first page of a section), the space after need not fit at the bottom;
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
import { translate, type Slice } from "./slice.js";
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
        page.items.push(...translate(h.items, y));
        y += h.height;
      }
    }
  };
  const put = (s: Slice, i: number, before: number) => {
    const start = page.items.length;
    const top = y + before;
    page.items.push(...translate(s.items, top));
    entries.push({ index: i, y, count: page.items.length - start });
    y = top + s.height + s.after;
    contentOnPage = true;
  };
  const repeatHeight = (s: Slice) => (s.repeat ? s.repeat.reduce((h, r) => h + r.height, 0) : 0);

  newPage(slices[0]);
  let carry: Slice | null = null;
  let i = 0;
  while (i < slices.length) {
    const s: Slice = carry ?? slices[i];
    const firstOfSection = pages.length === 1 && !contentOnPage;
    const before = contentOnPage || firstOfSection ? s.before : 0;
    if (y + before + s.height <= body.bottom + EPS) {
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
          if (i < slices.length) newPage(slices[i]);
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
      if (i < slices.length) newPage(slices[i]);
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
  for (const p of pages) finishPage(p, fonts);
  return pages;
}

/** Fills page-number fields and removes duplicate border segments (shared cell edges). */
function finishPage(page: PageFrame, fonts: LayoutFonts): void {
  const seen = new Set<string>();
  const out: Frame[] = [];
  for (const f of page.items) {
    if (f.kind === "text" && f.pageNumber) {
      out.push({ ...f, text: String(page.number), pageNumber: undefined });
      continue;
    }
    if (f.kind === "line" && f.role === "border") {
      const r = (n: number) => Math.round(n * 100);
      const key = `${r(Math.min(f.x1, f.x2))},${r(Math.min(f.y1, f.y2))},${r(Math.max(f.x1, f.x2))},${r(Math.max(f.y1, f.y2))},${r(f.width)}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(f);
  }
  void fonts;
  page.items = out;
}
