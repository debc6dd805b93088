/**
 * The evidence pack writer (src/write/pack): a front from our own PDF writer, PDF parts made with
 * pdf-lib, a PNG made with node:zlib and a JPEG made by pdftoppm, merged into one PDF and read back with
 * pdfjs-dist (pages, bookmarks, page labels, where images sit) and checked by qpdf.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeasurer, loadFontSet } from "../src/fonts/index.js";
import type { EvidenceInfo } from "../src/model/evidence.js";
import {
  exifRotation,
  fileChunks,
  packStarts,
  pngAsIs,
  writeEvidencePack,
  writeEvidencePackChunks,
  type PackInput,
  type PackPart,
} from "../src/write/pack/index.js";
import { writePdf } from "../src/write/pdf/index.js";
import { reportDoc } from "./helpers/pdf-docs.js";
import { png as samplePng } from "./helpers/sample-evidence.js";
import { encodePng, hasTool, readOutline, toolGate } from "./helpers/pdf-read.js";

const fonts = loadFontSet(readFileSync);
const DATE = "2021-12-20T08:00:00Z";
const tmp = mkdtempSync(join(tmpdir(), "chamdiem-pack-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function info(bytes: Uint8Array, extra: Partial<EvidenceInfo>): EvidenceInfo {
  return { sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length, ...extra };
}

/** A PDF of `n` pages, each saying which document and page it is (A4 portrait, or the size given). */
async function textPdf(name: string, n: number, size: [number, number] = [595.28, 841.89]): Promise<PackPart> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= n; i++) doc.addPage(size).drawText(`${name} page ${i}`, { x: 50, y: size[1] - 80, size: 18, font });
  const bytes = await doc.save();
  return { bytes, info: info(bytes, { pages: n }) };
}

/** A 8-bit grey PNG (landscape: 300 × 200 px), a dark band across its middle. */
function png(): PackPart {
  const width = 300;
  const height = 200;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 90; y < 110; y++) data.fill(0, y * width, (y + 1) * width);
  const bytes = encodePng({ width, height, data });
  return { bytes, info: info(bytes, { pages: 1, pixels: { width, height }, imageType: "png" }) };
}

/** Items of text per page, read with pdfjs; plus the outline and labels. */
async function readBack(bytes: Uint8Array) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: { width: number; height: number; text: string; ops: { fn: string; args?: number[] }[] }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as number[];
    const text = (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
    // The image operators: the transform before each image painted (rounded to 0,01 pt).
    const list = await page.getOperatorList();
    const ops: { fn: string; args?: number[] }[] = [];
    list.fnArray.forEach((fn, k) => {
      if (fn === pdfjs.OPS.transform) ops.push({ fn: "transform", args: (list.argsArray[k] as number[]).map((v) => Math.round(v * 100) / 100) });
      if (fn === pdfjs.OPS.paintImageXObject) ops.push({ fn: "paintImageXObject" });
    });
    pages.push({ width: width!, height: height!, text, ops });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  const { outline, labels } = await readOutline(bytes);
  return { pages, outline, labels, info: meta.info as Record<string, unknown> };
}

let front: Uint8Array;
let frontPages: number;
let parts: PackPart[];
let input: PackInput;
let pack: Uint8Array;
let back: Awaited<ReturnType<typeof readBack>>;

beforeAll(async () => {
  front = await writePdf(reportDoc(createMeasurer(fonts), 40), fonts);
  frontPages = (await PDFDocument.load(front)).getPageCount();
  parts = [await textPdf("alpha", 1), await textPdf("bravo", 5), png(), await textPdf("charlie", 3, [841.89, 595.28])];
  input = {
    front,
    parts,
    outline: [
      { title: "Bìa", target: { front: 0 } },
      { title: "Danh mục hồ sơ kiểm chứng", target: { front: 1 } },
      {
        title: "Tiêu chí 1.1.1. Ban hành kế hoạch cải cách hành chính",
        target: { part: 0 },
        children: [
          { title: "Quyết định số 159/QĐ-UBND ngày 28/01/2020", target: { part: 0 } },
          { title: "Kế hoạch số 21/KH-UBND", target: { part: 1 } },
        ],
      },
      {
        title: "Tiêu chí 2.3. Tổ chức thực hiện",
        target: { part: 2 },
        children: [
          { title: "Thông báo số 61-TB/ĐTN", target: { part: 2 } },
          { title: "Ảnh hội nghị", target: { part: 3 } },
        ],
      },
    ],
    title: "Hồ sơ kiểm chứng — Văn phòng UBND tỉnh",
    subject: "Cải cách hành chính năm 2021",
    author: "Văn phòng UBND tỉnh",
    date: DATE,
  };
  pack = await writeEvidencePack(input);
  back = await readBack(pack);
});

describe("evidence pack", () => {
  it("has a front of at least two pages (cover and index), for the bookmarks below", () => {
    expect(frontPages).toBeGreaterThanOrEqual(2);
  });

  it("has the front's pages then every part's, in order", () => {
    // 1 + 5 + 1 (the image) + 3.
    expect(back.pages).toHaveLength(frontPages + 10);
    const evidence = back.pages.slice(frontPages).map((p) => p.text);
    expect(evidence).toEqual([
      "alpha page 1",
      "bravo page 1",
      "bravo page 2",
      "bravo page 3",
      "bravo page 4",
      "bravo page 5",
      "",
      "charlie page 1",
      "charlie page 2",
      "charlie page 3",
    ]);
    // The front is the front: the same text as the front on its own.
    expect(back.pages.slice(0, frontPages).every((p) => p.text.length > 0)).toBe(true);
  });

  it("starts each part at the label packStarts gives", () => {
    expect(packStarts(frontPages, parts)).toEqual([1, 2, 7, 8]);
    expect(packStarts(0, [])).toEqual([]);
    expect(() => packStarts(2, [{ bytes: new Uint8Array(), info: { sha256: "", size: 0, problem: "not-pdf" } }])).toThrow(/problem/);
  });

  it("numbers the front i, ii, iii… and the evidence 1, 2, 3…", () => {
    const roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].slice(0, frontPages);
    expect(back.labels).toEqual([...roman, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
  });

  it("has bookmarks with their diacritics, nested, each on the right page", () => {
    const f = frontPages;
    expect(back.outline).toEqual([
      { title: "Bìa", page: 0, items: [] },
      { title: "Danh mục hồ sơ kiểm chứng", page: 1, items: [] },
      {
        title: "Tiêu chí 1.1.1. Ban hành kế hoạch cải cách hành chính",
        page: f,
        items: [
          { title: "Quyết định số 159/QĐ-UBND ngày 28/01/2020", page: f, items: [] },
          { title: "Kế hoạch số 21/KH-UBND", page: f + 1, items: [] },
        ],
      },
      {
        title: "Tiêu chí 2.3. Tổ chức thực hiện",
        page: f + 6,
        items: [
          { title: "Thông báo số 61-TB/ĐTN", page: f + 6, items: [] },
          { title: "Ảnh hội nghị", page: f + 7, items: [] },
        ],
      },
    ]);
  });

  it("opens the outline pane, with counts of the open items", async () => {
    const doc = await PDFDocument.load(pack);
    expect(String(doc.catalog.get(PDFName.of("PageMode")))).toBe("/UseOutlines");
    const outlines = doc.catalog.lookup(PDFName.of("Outlines")) as import("pdf-lib").PDFDict;
    // 4 top items + 2 + 2 children.
    expect(String(outlines.get(PDFName.of("Count")))).toBe("8");
  });

  it("places the PNG on a landscape A4 page, fitted and centred", () => {
    const page = back.pages[frontPages + 6]!;
    expect([page.width, page.height]).toEqual([841.89, 595.28]);
    // 300 × 200 px: scale min(841.89 / 300, 595.28 / 200) = 2.8063, so 841.89 × 561.26 pt, at y (595.28 − 561.26) / 2.
    expect(page.ops).toEqual([{ fn: "transform", args: [841.89, 0, 0, 561.26, 0, 17.01] }, { fn: "paintImageXObject" }]);
    // The PDF parts keep their own sizes: charlie is landscape A4, bravo portrait.
    expect([back.pages[frontPages + 7]!.width, back.pages[frontPages + 1]!.width]).toEqual([841.89, 595.28]);
  });

  it("writes our metadata with the given date, nothing from pdf-lib or the clock", () => {
    expect(back.info.Title).toBe("Hồ sơ kiểm chứng — Văn phòng UBND tỉnh");
    expect(back.info.Subject).toBe("Cải cách hành chính năm 2021");
    expect(back.info.Author).toBe("Văn phòng UBND tỉnh");
    expect(back.info.Producer).toBe("chamdiem (pdf-lib)");
    expect(back.info.CreationDate).toBe("D:20211220080000Z");
    expect(back.info.ModDate).toBe("D:20211220080000Z");
  });

  it("is byte-identical when built again, and its ID follows its input", async () => {
    const again = await writeEvidencePack({ ...input, parts: input.parts.map((p) => ({ ...p, bytes: p.bytes.slice() })) });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pack))).toBe(0);
    // The parts' bytes are shared with the pack's objects, never changed.
    for (const part of parts) expect(createHash("sha256").update(part.bytes).digest("hex")).toBe(part.info.sha256);
    const id = (b: Uint8Array) => /\/ID \[ <([0-9A-F]{32})> <\1> \]/.exec(Buffer.from(b).toString("latin1"))?.[1];
    expect(id(pack)).toMatch(/^[0-9A-F]{32}$/);
    const other = await writeEvidencePack({ ...input, title: "Hồ sơ kiểm chứng" });
    expect(id(other)).toMatch(/^[0-9A-F]{32}$/);
    expect(id(other)).not.toBe(id(pack));
  });

  it("leaves out the front's subject and author when the pack has none", async () => {
    const bare = await readBack(await writeEvidencePack({ ...input, subject: undefined, author: undefined, outline: [] }));
    expect(bare.info.Subject).toBeUndefined();
    expect(bare.info.Author).toBeUndefined();
    expect(bare.outline).toEqual([]);
  });

  it("refuses a bookmark to a page or part that does not exist, and a page count that is wrong", async () => {
    await expect(writeEvidencePack({ ...input, outline: [{ title: "x", target: { part: 4 } }] })).rejects.toThrow(/part 4/);
    await expect(writeEvidencePack({ ...input, outline: [{ title: "x", target: { front: frontPages } }] })).rejects.toThrow(/front page/);
    const wrong = { ...parts[1]!, info: { ...parts[1]!.info, pages: 4 } };
    await expect(writeEvidencePack({ ...input, parts: [wrong] })).rejects.toThrow(/5 pages, its info says 4/);
  });

  it("is a front alone when there is no evidence (labels: the front only)", async () => {
    const alone = await readBack(await writeEvidencePack({ ...input, parts: [], outline: [{ title: "Bìa", target: { front: 0 } }] }));
    expect(alone.pages).toHaveLength(frontPages);
    expect(alone.labels?.[0]).toBe("i");
  });
});

const joined = (chunks: Uint8Array[]) => Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.length)));

describe("evidence pack: links inside a PDF part", () => {
  it("go to the copied page, and no page is copied twice", async () => {
    // A part whose page 1 links to its page 3 (a table of contents), once by /Dest and once by a GoTo
    // action, both annotations naming their page (/P).
    const src = await PDFDocument.load((await textPdf("toc", 3)).bytes);
    const [p1, , p3] = src.getPages();
    const ctx = src.context;
    const byDest = ctx.obj({ Type: "Annot", Subtype: "Link", Rect: [50, 700, 200, 730], P: p1!.ref, Dest: [p3!.ref, PDFName.of("Fit")] });
    const byAction = ctx.obj({ Type: "Annot", Subtype: "Link", Rect: [50, 600, 200, 630], P: p1!.ref, A: { S: "GoTo", D: [p3!.ref, PDFName.of("Fit")] } });
    p1!.node.set(PDFName.of("Annots"), ctx.obj([ctx.register(byDest), ctx.register(byAction)]));
    const bytes = await src.save();
    const linked: PackPart = { bytes, info: info(bytes, { pages: 3 }) };
    const out = await writeEvidencePack({ ...input, parts: [parts[0]!, linked], outline: [] });
    const doc = await PDFDocument.load(out);
    const pageObjects = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && String(o.get(PDFName.of("Type"))) === "/Page");
    expect(pageObjects).toHaveLength(frontPages + 4);
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const read = await pdfjs.getDocument({ data: out.slice(), isEvalSupported: false, verbosity: 0 }).promise;
    // The part starts at index frontPages + 1 (after "alpha"); its page 3 is frontPages + 3.
    const annots = await (await read.getPage(frontPages + 2)).getAnnotations();
    const dests = await Promise.all(annots.map((a: { dest: [{ num: number; gen: number }] }) => read.getPageIndex(a.dest[0])));
    expect(dests).toEqual([frontPages + 3, frontPages + 3]);
    await read.destroy();
    const annotP = doc
      .getPage(frontPages + 1)
      .node.Annots()!
      .asArray()
      .map((r) => String((doc.context.lookup(r) as PDFDict).get(PDFName.of("P"))));
    expect(annotP).toEqual([String(doc.getPage(frontPages + 1).ref), String(doc.getPage(frontPages + 1).ref)]);
  });
});

describe("evidence pack: the file as chunks", () => {
  it("is the bytes of pdf-lib's save without object streams", async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    // Noise, so that its stream is long enough to be a chunk of its own.
    const data = Uint8Array.from({ length: 200 * 200 }, (_, i) => (i * 2654435761) >>> 24);
    const image = await doc.embedPng(encodePng({ width: 200, height: 200, data }));
    doc.addPage([300, 300]).drawImage(image, { x: 10, y: 10, width: 150, height: 100 });
    const source = await PDFDocument.load((await textPdf("delta", 2)).bytes);
    for (const page of await doc.copyPages(source, [0, 1])) doc.addPage(page);
    const id = doc.context.obj("0123456789ABCDEF0123456789ABCDEF");
    doc.context.trailerInfo.ID = doc.context.obj([id, id]);
    await doc.flush();
    const chunks = await fileChunks(doc.context);
    const saved = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.compare(joined(chunks), Buffer.from(saved))).toBe(0);
  });

  it("joined, is writeEvidencePack's bytes", async () => {
    expect(Buffer.compare(joined(await writeEvidencePackChunks(input)), Buffer.from(pack))).toBe(0);
  });
});

describe("evidence pack: qpdf", () => {
  const gate = toolGate(["qpdf"], "qpdf");
  if (!gate.available) return;
  it("passes qpdf --check", () => {
    const file = join(tmp, "pack.pdf");
    writeFileSync(file, pack);
    const r = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
    // Exit 0: no errors, no warnings (3 would be warnings).
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("No syntax or stream encoding errors found");
  });
});

/** A JPEG with an APP1 EXIF segment holding IFD0 with one entry: the orientation. */
function withOrientation(jpg: Uint8Array, orientation: number, little: boolean): Uint8Array {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  const u16 = (v: number, at: number) => (little ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (little ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
  tiff.write(little ? "II" : "MM", 0, "latin1");
  u16(42, 2);
  u32(8, 4);
  u16(1, 8); // one entry
  u16(0x0112, 10); // Orientation
  u16(3, 12); // SHORT
  u32(1, 14); // count 1
  u16(orientation, 18);
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const head = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return new Uint8Array(Buffer.concat([jpg.subarray(0, 2), head, body, jpg.subarray(2)]));
}

describe("evidence pack: a JPEG is embedded as it is", () => {
  const gate = toolGate(["pdftoppm"], "poppler-utils");
  if (!gate.available) return;
  it("keeps the file's bytes as the image stream (never re-encoded), on a portrait A4 page", async () => {
    const source = join(tmp, "scan.pdf");
    writeFileSync(source, (await textPdf("scan", 1)).bytes);
    execFileSync("pdftoppm", ["-jpeg", "-gray", "-r", "100", "-singlefile", source, join(tmp, "scan")]);
    const jpg = new Uint8Array(readFileSync(join(tmp, "scan.jpg")));
    const part: PackPart = { bytes: jpg, info: info(jpg, { pages: 1, pixels: { width: 827, height: 1169 }, imageType: "jpg" }) };
    const bytes = await writeEvidencePack({ ...input, parts: [part], outline: [] });
    const doc = await PDFDocument.load(bytes);
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is PDFRawStream => o instanceof PDFRawStream && String(o.dict.get(PDFName.of("Subtype"))) === "/Image");
    expect(images).toHaveLength(1);
    expect(String(images[0]!.dict.get(PDFName.of("Filter")))).toBe("/DCTDecode");
    expect(Buffer.compare(Buffer.from(images[0]!.contents), Buffer.from(jpg))).toBe(0);
    const page = doc.getPage(frontPages);
    expect([page.getWidth(), page.getHeight()]).toEqual([595.28, 841.89]);
    // As chunks, the stream is the part's own array: not even copied (a scan is longer than 4 KB).
    expect(jpg.length).toBeGreaterThan(4096);
    expect((await writeEvidencePackChunks({ ...input, parts: [part], outline: [] })).some((c) => c === jpg)).toBe(true);
    // The same JPEG as a view into a larger buffer, at an offset (pdf-lib ignores the offset).
    const big = new Uint8Array(jpg.length + 100);
    big.set(jpg, 37);
    const view = { ...part, bytes: big.subarray(37, 37 + jpg.length) };
    const fromView = await writeEvidencePack({ ...input, parts: [view], outline: [] });
    expect(Buffer.compare(Buffer.from(fromView), Buffer.from(bytes))).toBe(0);
    // A phone's photo, stored turned: EXIF orientation 6 turns its page 90° clockwise; bytes unchanged.
    expect(exifRotation(jpg)).toBe(0);
    expect([3, 6, 8, 2].map((o) => exifRotation(withOrientation(jpg, o, false)))).toEqual([180, 90, 270, 0]);
    expect(exifRotation(withOrientation(jpg, 8, true))).toBe(270);
    const photo = withOrientation(jpg, 6, true);
    const turned = await writeEvidencePackChunks({
      ...input,
      parts: [{ ...part, bytes: photo }],
      outline: [{ title: "Ảnh", target: { part: 0 } }],
    });
    expect(turned.some((c) => c === photo)).toBe(true);
    const turnedDoc = await PDFDocument.load(joined(turned));
    expect(turnedDoc.getPage(frontPages).getRotation().angle).toBe(90);
    const turnedBack = await readBack(new Uint8Array(joined(turned)));
    expect(turnedBack.outline).toEqual([{ title: "Ảnh", page: frontPages, items: [] }]);
    if (hasTool("qpdf")) {
      const file = join(tmp, "jpeg-pack.pdf");
      writeFileSync(file, bytes);
      expect(spawnSync("qpdf", ["--check", file]).status).toBe(0);
    }
  });
});

describe("evidence pack: PNG scans", () => {
  const imageStreams = async (bytes: Uint8Array) =>
    (await PDFDocument.load(bytes)).context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is PDFRawStream => o instanceof PDFRawStream && String(o.dict.get(PDFName.of("Subtype"))) === "/Image");

  it("takes an 8-bit RGB PNG's data as it is stored (PNG predictors), and decodes the others", async () => {
    const scan = samplePng(400, 566, (x, y) => ((x + y) % 7 === 0 ? 0x333333 : 0xfafaf0));
    const part: PackPart = { bytes: scan, info: info(scan, { pages: 1, pixels: { width: 400, height: 566 }, imageType: "png" }) };
    const [image] = await imageStreams(await writeEvidencePack({ ...input, parts: [part], outline: [] }));
    expect(String(image!.dict.get(PDFName.of("Filter")))).toBe("/FlateDecode");
    expect(String((image!.dict.get(PDFName.of("DecodeParms")) as PDFDict).get(PDFName.of("Predictor")))).toBe("15");
    // The stream is the PNG's IDAT data: bytes 8 + 25 (signature, IHDR chunk) + 8 (IDAT length, type) on.
    const idatLength = new DataView(scan.buffer, scan.byteOffset).getUint32(33);
    expect(Buffer.compare(Buffer.from(image!.contents), Buffer.from(scan.subarray(41, 41 + idatLength)))).toBe(0);
    // A PNG with a palette (colour type 3) is not taken as it is.
    const lib = await import("pdf-lib");
    const ctx = (await PDFDocument.create()).context;
    const palette = scan.slice();
    palette[25] = 3;
    expect(pngAsIs(lib, ctx, palette)).toBeUndefined();
    expect(pngAsIs(lib, ctx, scan)).toMatchObject({ width: 400, height: 566 });
  });
});
