/**
 * The consolidated table as an Excel workbook (.xlsx), the format provincial offices work in: one sheet
 * per rubric and year, with the NĐ 30 header lines, the title, a header row that repeats on printed
 * pages and stays frozen on screen, scores as real numbers (format 0.00, shown with the reader's
 * decimal mark), A4 landscape.
 *
 * Library: excel-builder-vanilla (MIT, maintained, TypeScript, its only dependency is fflate, which we
 * already use). Output is deterministic: the zip entries get a fixed timestamp (the data's date), the
 * library writes no creation date, and it is loaded on first use only.
 */
import { unzipSync, zipSync } from "fflate";
import type { NumberFormat } from "../model/points.js";
import type { SummaryGroup } from "../score/consolidate.js";
import { labels, rowNote } from "../compose/labels.js";
import { summaryColumns, type SummaryColumnKey } from "../compose/summary-columns.js";
import { maximumText } from "../compose/vi-format.js";
import { MOTTO, NATIONAL_NAME } from "../compose/profile.js";

export interface XlsxOptions {
  issuer: { agency: string; superior?: string };
  /** ISO timestamp stamped on every zip entry. */
  date: string;
  numbers: NumberFormat;
  title(group: SummaryGroup): string;
}

export async function writeSummaryXlsx(groups: readonly SummaryGroup[], opts: XlsxOptions): Promise<Uint8Array> {
  const xl = await import("excel-builder-vanilla");
  const L = labels("vi");
  const wb = xl.createWorkbook();
  const st = wb.getStyleSheet();
  const font = { fontName: "Times New Roman", size: 12 };
  const thin = { style: "thin" as const, color: "FF000000" };
  const box = { top: thin, bottom: thin, left: thin, right: thin };
  const f = {
    plain: st.createFormat({ font }),
    superior: st.createFormat({ font: { ...font, size: 13 }, alignment: { horizontal: "center" } }),
    agency: st.createFormat({ font: { ...font, size: 13, bold: true }, alignment: { horizontal: "center" } }),
    national: st.createFormat({ font: { ...font, size: 13, bold: true }, alignment: { horizontal: "center" } }),
    motto: st.createFormat({ font: { ...font, size: 14, bold: true }, alignment: { horizontal: "center" } }),
    title: st.createFormat({ font: { ...font, size: 14, bold: true }, alignment: { horizontal: "center", vertical: "center", wrapText: true } }),
    subtitle: st.createFormat({ font: { ...font, size: 13, italic: true }, alignment: { horizontal: "center" } }),
    header: st.createFormat({ font: { ...font, bold: true }, border: box, alignment: { horizontal: "center", vertical: "center", wrapText: true } }),
    text: st.createFormat({ font, border: box, alignment: { vertical: "center", wrapText: true } }),
    center: st.createFormat({ font, border: box, alignment: { horizontal: "center", vertical: "center" } }),
    score: st.createFormat({ font, border: box, format: "0.00", alignment: { horizontal: "center", vertical: "center" } }),
    scoreBold: st.createFormat({ font: { ...font, bold: true }, border: box, format: "0.00", alignment: { horizontal: "center", vertical: "center" } }),
    note: st.createFormat({ font: { ...font, italic: true }, border: box, alignment: { vertical: "center", wrapText: true } }),
  };
  const id = (fmt: unknown) => (fmt as { id: number }).id;
  // A cell without a value (a unit not appraised, an unranked unit) is written as the empty string and
  // made a truly empty cell after export (emptyCells): the library writes null as the text "null".
  const cell = (value: string | number | null, fmt: unknown) => ({ value: value ?? "", metadata: { style: id(fmt) } });
  const used = new Set<string>();

  for (const g of groups) {
    let name = `${g.year} ${g.rubric.id}`.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
    used.add(name);
    const ws = wb.createWorksheet({ name });
    const cols = summaryColumns(g, L);
    const headers = cols.map((c) => c.label);
    const n = headers.length;
    const col = (i: number) => String.fromCharCode(65 + i);
    const last = col(n - 1);
    const split = Math.min(2, n - 1); // header block: agency over A–B, national name over the rest
    const blank = (k: number) => Array.from({ length: k }, () => "");
    const data: unknown[][] = [
      [cell(upper(opts.issuer.superior ?? ""), f.superior), ...blank(split - 1), cell(NATIONAL_NAME, f.national), ...blank(n - split - 1)],
      [cell(upper(opts.issuer.agency), f.agency), ...blank(split - 1), cell(MOTTO, f.motto), ...blank(n - split - 1)],
      [],
      [cell(opts.title(g), f.title), ...blank(n - 1)],
      [
        cell(`(${L.unitsCount(g.rows.length)}; điểm tối đa ${maximumText(g.max, g.rubric.bonusMax, { ...opts.numbers, fixed: true })})`, f.subtitle),
        ...blank(n - 1),
      ],
      [],
      headers.map((h) => cell(h, f.header)),
    ];
    g.rows.forEach((r, i) => {
      data.push(
        cols.map((c) => {
          switch (c.key) {
            case "stt":
              return cell(i + 1, f.center);
            case "unit":
              return cell(r.unit, f.text);
            case "self":
              return cell(r.self / 100, f.score);
            case "appraised":
              return cell(r.appraised === undefined ? null : r.appraised / 100, f.score);
            case "used":
              return cell(r.used / 100, f.scoreBold);
            case "percent":
              return cell(r.percent === undefined ? null : r.percent / 100, f.score);
            case "classification":
              return cell(r.classification ?? "", f.center);
            case "rank":
              return cell(r.rank ?? null, f.center);
            case "note":
              return cell(rowNote(r, L), f.note);
          }
        }),
      );
    });
    if (g.counts.length) data.push([], [cell(`${L.counts}: ${g.counts.map((c) => `${c.label}: ${c.count}`).join("; ")}.`, f.plain)]);
    ws.setData(data as Parameters<typeof ws.setData>[0]);
    // Character widths that fit A4 landscape between the margins (about 95 units in all).
    const width: Record<SummaryColumnKey, number> = { stt: 5, unit: 30, self: 9, appraised: 9, used: 9, percent: 9, classification: 11, rank: 6, note: 15 };
    const widths = cols.map((c) => width[c.key]);
    ws.setColumns(widths.map((width) => ({ width })));
    ws.mergeCells("A1", `${col(split - 1)}1`);
    ws.mergeCells("A2", `${col(split - 1)}2`);
    ws.mergeCells(`${col(split)}1`, `${last}1`);
    ws.mergeCells(`${col(split)}2`, `${last}2`);
    ws.mergeCells("A4", `${last}4`);
    ws.mergeCells("A5", `${last}5`);
    ws.setRowInstructions(3, { height: 36 });
    ws.setRowInstructions(6, { height: 32 });
    ws.setPageOrientation("landscape");
    ws.setPageMargin({ top: 0.79, bottom: 0.79, left: 1.18, right: 0.63, header: 0.39, footer: 0.39 });
    // Freeze the title rows and the header row. excel-builder-vanilla 5.2.5's SheetView.freezePane sets
    // the pane's state but not the split its XML export reads, so the pane is told directly as well.
    ws.freezePane(0, 7, "A8");
    (ws.sheetView as unknown as { pane: { freezePane(x: number, y: number, c: string): void } }).pane.freezePane(0, 7, "A8");
    wb.addWorksheet(ws);
    // The column headings (row 7) repeat on every printed page, as the .docx table's header row does;
    // the NĐ 30 header block and the title stay on page 1. Not setPrintTitleTop: excel-builder-vanilla
    // 5.2.5 writes the sheet name unquoted ("2021 mini!$1:$7"), which Excel and Calc do not read as a
    // reference when the name has a space or a non-ASCII letter, so no row repeated.
    wb.addDefinedName("_xlnm.Print_Titles", `=${sheetRef(name)}!$7:$7`, name);
  }
  const bytes = await xl.createExcelFile(wb, "Uint8Array", { zipOptions: { mtime: new Date(opts.date), level: 6 } });
  return fixPackage(bytes, new Date(opts.date));
}

/** A sheet name as a formula reference: quoted (with ' doubled) unless it is a plain ASCII name. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The corrections the library's output needs, on the unzipped package, re-zipped with the same fixed date. */
function fixPackage(bytes: Uint8Array, mtime: Date): Uint8Array {
  const files = unzipSync(bytes);
  renumberRelationships(files);
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  const strings = files["xl/sharedStrings.xml"] ? dec.decode(files["xl/sharedStrings.xml"]) : "";
  const emptyIndex = [...strings.matchAll(/<si>(.*?)<\/si>/gs)].findIndex((m) => /^<t(?: [^>]*)?(?:\/>|><\/t>)$/.test(m[1]!));
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    let sheet = dec.decode(files[name]!);
    sheet = emptyCells(sheet, emptyIndex);
    // A4 (paperSize 9): the library writes only the orientation, and readers then use Letter.
    sheet = sheet.replace(/<pageSetup /, '<pageSetup paperSize="9" ');
    files[name] = enc.encode(sheet);
  }
  return zipSync(files, { mtime, level: 6 });
}

/**
 * Cells holding the empty shared string become empty cells (style kept, no value, no type): what a
 * spreadsheet shows as blank and counts as blank (COUNTA, ISBLANK), as in the .docx and the PDF.
 */
function emptyCells(sheet: string, emptyIndex: number): string {
  if (emptyIndex < 0) return sheet;
  return sheet.replace(new RegExp(`<c ([^>]*?) ?t="s"([^>]*)><v>${emptyIndex}</v></c>`, "g"), (_, a: string, b: string) => `<c ${`${a}${b}`.trim()}/>`);
}

/**
 * The library numbers relationship ids from a process-wide counter, so a second workbook written by
 * the same process gets rId12 where the first had rId6. Renumber each .rels part's ids in order
 * (rId1, rId2, …) in the part and in the part that owns it.
 */
function renumberRelationships(files: Record<string, Uint8Array>): void {
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  for (const name of Object.keys(files)) {
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
    if (!m) continue;
    const owner = `${m[1]}${m[2]}`;
    let rels = dec.decode(files[name]!);
    const ids = [...rels.matchAll(/\bId="(rId\d+)"/g)].map((x) => x[1]!);
    const map = new Map(ids.map((id, i) => [id, `rId${i + 1}`]));
    const swap = (text: string, attr: RegExp) => text.replace(attr, (all, id: string) => all.replace(id, map.get(id) ?? id));
    rels = swap(rels, /\bId="(rId\d+)"/g);
    files[name] = enc.encode(rels);
    if (files[owner]) files[owner] = enc.encode(swap(dec.decode(files[owner]!), /\br:id="(rId\d+)"/g));
  }
}

function upper(s: string): string {
  return s.toLocaleUpperCase("vi");
}
