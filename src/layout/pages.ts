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
 * - page fill: a keep chain ending in a table row that does not fit is not moved when moving it would
 *   leave more than KEEP_MAX_GAP of the page's body height empty. The row is split where the page
 *   ends instead, even if it is cantSplit, so the chain's heading rows stay on the page followed by the
 *   first lines of the row they head (a heading is never left alone at the foot: the row split is
 *   never itself a heading). The row is reported (LayoutResult.splitRows) for the .docx to let it split
 *   too. If it cannot split (not a table row, or not one line fits), the chain moves as before;
 * - a table row that does not fit is split between lines when it may (and even when it may not, if it
 *   is taller than a page); if not one line fits, it moves; header rows are repeated on every page the
 *   table continues onto;
 * - page numbers centred in the top margin (the header at `headerDistance`), hidden on a section's first
 *   page when asked; numbering runs on across sections, unless a section restarts it
 *   (Section.restartPageNumbers: its first page is 1 again, PageFrame.printedNumber). A header taller
 *   than the top margin pushes the body down, as in Word.
 */
import type { DocModel, Row, RunStyle, Section } from "../document/model.js";
import { flowBlocks } from "./flow.js";
import { EPS } from "./inline/linebreak.js";
import type { LayoutFonts } from "./fonts.js";
import { emit, type Slice, type SlotMark } from "./slice.js";
import type { FlowContext, Frame, LayoutOptions, LayoutResult, LayoutSlot, LayoutWarning, LineFrame, PageFrame } from "./types.js";

export const DEFAULT_OPTIONS: Required<LayoutOptions> = {
  widowControl: false,
  ruleLine: 80,
  tableEdge: "border",
};

/**
 * The most of a page's body height a keep chain may leave empty by moving to the next page (see the
 * module comment): 20 %, so a page the chain leaves is at least 80 % full. A score table's criterion
 * heading, its first option and that option's justification (up to SPLITTABLE_LINES lines, kept whole)
 * reach 25–30 % of a landscape page; keeping them together cost that much at the foot of a page.
 */
export const KEEP_MAX_GAP = 0.2;

export function layoutDocument(doc: DocModel, fonts: LayoutFonts, options: LayoutOptions = {}): LayoutResult {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const warnings: LayoutWarning[] = [];
  const pages: PageFrame[] = [];
  const splitRows: Row[] = [];
  const slots: LayoutSlot[] = [];
  const attachmentPages: number[] = [];
  // The first printed number of each section: the page's number in the document, unless a section
  // restarts the numbering (Word's w:pgNumType w:start="1", which the docx writer emits for it).
  let offset = 0;
  doc.sections.forEach((section, index) => {
    const first = pages.length;
    if (section.restartPageNumbers) offset = first;
    const marks: SlotMark[][] = [];
    pages.push(...layoutSection(section, index, first + 1, offset, fonts, opts, warnings, splitRows, marks));
    if (section.attachmentSignature) attachmentPages.push(first);
    marks.forEach((m, k) => slots.push(...slotBoxes(m, first + k)));
  });
  return { pages, warnings, splitRows, slots, attachmentPages };
}

/**
 * The slots of a page: the boxes of each slot's lines on it, united (a slot paragraph split across
 * pages has a box on each), in the order the slots first appear.
 */
function slotBoxes(marks: readonly SlotMark[], page: number): LayoutSlot[] {
  const boxes = new Map<SlotMark["kind"], { x1: number; y1: number; x2: number; y2: number }>();
  for (const m of marks) {
    const b = boxes.get(m.kind);
    if (!b) boxes.set(m.kind, { x1: m.x1, y1: m.y1, x2: m.x2, y2: m.y2 });
    else {
      b.x1 = Math.min(b.x1, m.x1);
      b.y1 = Math.min(b.y1, m.y1);
      b.x2 = Math.max(b.x2, m.x2);
      b.y2 = Math.max(b.y2, m.y2);
    }
  }
  return [...boxes].map(([slot, b]) => ({ slot, page, rect: { x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1 } }));
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
  /** Pages before the section's numbering started (0 unless a section restarted it). */
  offset: number,
  fonts: LayoutFonts,
  options: Required<LayoutOptions>,
  warnings: LayoutWarning[],
  splitRows: Row[],
  /** Filled with the slot lines placed on each of the section's pages. */
  marks: SlotMark[][],
): PageFrame[] {
  const geo = geometry(section, fonts);
  const { body } = geo;
  const ctx: FlowContext = { fonts, options, warnings, pageHeight: body.bottom - body.top };
  const slices = flowBlocks(section.blocks, body.left, body.right - body.left, ctx);

  const pg = new Pager(section, index, firstNumber, offset, geo, marks);
  pg.newPage(slices[0]);
  let carry: Slice | null = null;
  let i = 0;
  while (i < slices.length) {
    const s: Slice = carry ?? slices[i]!;
    const firstOfSection = pg.pages.length === 1 && !pg.contentOnPage;
    const before = pg.contentOnPage || firstOfSection ? s.before : 0;
    if (pg.y + before + s.height <= body.bottom + EPS || (pg.contentOnPage && carry === null && drawsNothing(s))) {
      pg.put(s, i, before);
      carry = null;
      i++;
      continue;
    }
    // Does not fit. Split a table row?
    const fresh = body.bottom - body.top - repeatHeight(s);
    if (s.splitter && (!s.cantSplit || s.height > fresh + EPS)) {
      const done = splitAtFoot(pg, s, slices, i, before);
      if (done) {
        ({ carry, next: i } = done);
        continue;
      }
    }
    if (!pg.contentOnPage) {
      // Taller than an empty page and cannot split: place it anyway.
      warnings.push({ code: "overflow", kind: "page", message: "content taller than the page", page: pg.page.number });
      pg.put(s, i, before);
      carry = null;
      i++;
      if (startsPage(slices[i])) pg.newPage(slices[i]);
      continue;
    }
    // Move to the next page, with whatever the keeps bind to this slice.
    let b = i;
    if (carry === null) {
      const entries = pg.entries;
      let k = entries.length;
      let idx = i;
      while (k > 0 && slices[idx]!.keepWithPrev && entries[k - 1]!.index === idx - 1) {
        k--;
        idx--;
      }
      // Page fill: the chain would leave too much of the page empty; split the row instead, unless the
      // row is itself a heading (bound to the next slice), which must not end the page.
      const gap = k < entries.length ? body.bottom - entries[k]!.y : 0;
      const heading = slices[i + 1]?.keepWithPrev === true;
      if (k > 0 && idx < i && gap > KEEP_MAX_GAP * (body.bottom - body.top) + EPS && s.splitter && s.cantSplit && !heading) {
        const done = splitAtFoot(pg, s, slices, i, before);
        if (done) {
          if (s.row) splitRows.push(s.row);
          ({ carry, next: i } = done);
          continue;
        }
      }
      // k = number of entries that stay; move the rest, unless that would empty the page.
      if (k > 0 && idx < i) {
        let removed = 0;
        for (const e of entries.slice(k)) removed += e.count;
        pg.page.items.length -= removed;
        pg.dropSlots();
        entries.length = k;
        b = idx;
      }
    }
    i = b;
    pg.newPage(carry ?? slices[i]);
  }
  const pages = pg.pages;

  // Page numbers.
  if (section.pageNumber) {
    const pn = section.pageNumber;
    const style: RunStyle = { size: pn.size };
    const m = fonts.lineMetrics(style);
    for (const p of pages) {
      if (pn.hideOnFirstPage && p.pageInSection === 0) continue;
      const text = String(p.printedNumber ?? p.number);
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
 * Splits the table row `s` (slice `i`) where the page ends and places its first part: the rest is
 * carried to a new page, or the next slice comes next. Null when not one line of it fits. A module
 * function, not a closure per page break: see docs/performance.md.
 */
function splitAtFoot(pg: Pager, s: Slice, slices: readonly Slice[], i: number, before: number): { carry: Slice | null; next: number } | null {
  const parts = s.splitter!.split(pg.page.body.bottom - pg.y - before);
  if (!parts) return null;
  pg.put(parts[0], i, before);
  if (parts[1]) {
    const carry = { ...parts[1], repeat: s.repeat };
    pg.newPage(carry);
    return { carry, next: i };
  }
  if (startsPage(slices[i + 1])) pg.newPage(slices[i + 1]);
  return { carry: null, next: i + 1 };
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
      out.push({ ...f, text: String(page.printedNumber ?? page.number), pageNumber: undefined });
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
    b.spans.sort(byStart);
    // (A bucket is made with its first span.)
    let [a, z] = b.spans[0]!;
    for (const [c, d] of b.spans.slice(1)) {
      if (c <= z + 1e-6) z = Math.max(z, d);
      else {
        out.push(borderLine(b, a, z));
        [a, z] = [c, d];
      }
    }
    out.push(borderLine(b, a, z));
  }
  page.items = out;
}

/** Height of the header rows repeated above a slice that starts a page. */
function repeatHeight(s: Slice): number {
  let h = 0;
  if (s.repeat) for (const r of s.repeat) h += r.height;
  return h;
}

/**
 * A slice that draws nothing (a table row left empty when the merge above it was undone) never starts
 * a page: it stays on the current one, even past its bottom, or it would make an empty page.
 */
function startsPage(next: Slice | undefined): boolean {
  return next !== undefined && !drawsNothing(next);
}

function drawsNothing(s: Slice): boolean {
  if (s.items.length) return false;
  if (s.children) for (const c of s.children) if (!drawsNothing(c.slice)) return false;
  return true;
}

/** A merged border line from `a` to `z` along its bucket's grid line. */
function borderLine(b: { width: number; horizontal: boolean; at: number }, a: number, z: number): LineFrame {
  return b.horizontal
    ? { kind: "line", x1: a, y1: b.at, x2: z, y2: b.at, width: b.width, role: "border" }
    : { kind: "line", x1: b.at, y1: a, x2: b.at, y2: z, width: b.width, role: "border" };
}

function byStart(p: [number, number], q: [number, number]): number {
  return p[0] - q[0];
}

/** What pagination has placed so far in a section: its pages, and where the next slice goes. */
interface Entry {
  /** Index of the slice in the section's slices. */
  index: number;
  y: number;
  /** Frames the slice added to the page. */
  count: number;
}

/**
 * The pages of one section being filled (a class, not closures in layoutSection: docs/performance.md).
 */
class Pager {
  readonly pages: PageFrame[] = [];
  page!: PageFrame;
  /** The slices placed on the current page, in order. */
  entries: Entry[] = [];
  /** Top of the free space on the current page. */
  y = 0;
  contentOnPage = false;

  constructor(
    private readonly section: Section,
    private readonly index: number,
    private readonly firstNumber: number,
    private readonly offset: number,
    private readonly geo: Geometry,
    /** The slot lines placed on each page (index = page in the section). */
    private readonly marks: SlotMark[][],
  ) {}

  /** The slot lines of the current page, the frames the page has now. */
  private get slots(): SlotMark[] {
    return this.marks[this.pages.length - 1]!;
  }

  /** Forgets the slot lines whose frames were taken off the current page (moved to the next). */
  dropSlots(): void {
    const n = this.page.items.length;
    const slots = this.slots;
    let k = slots.length;
    while (k > 0 && slots[k - 1]!.at >= n) k--;
    slots.length = k;
  }

  newPage(next: Slice | undefined): void {
    const { geo } = this;
    const number = this.firstNumber + this.pages.length;
    this.page = {
      number,
      ...(this.offset > 0 ? { printedNumber: number - this.offset } : {}),
      section: this.index,
      pageInSection: this.pages.length,
      width: geo.width,
      height: geo.height,
      orientation: this.section.page.orientation,
      body: { ...geo.body },
      items: [],
    };
    this.pages.push(this.page);
    this.marks.push([]);
    this.entries = [];
    this.y = geo.body.top;
    this.contentOnPage = false;
    if (next?.repeat) {
      for (const h of next.repeat) {
        emit(h, this.y, this.page.items, this.slots);
        this.y += h.height;
      }
    }
  }

  put(s: Slice, i: number, before: number): void {
    const items = this.page.items;
    const start = items.length;
    const top = this.y + before;
    emit(s, top, items, this.slots);
    this.entries.push({ index: i, y: this.y, count: items.length - start });
    this.y = top + s.height + s.after;
    this.contentOnPage = true;
  }
}
