/**
 * Electronic documents (issue 16): where the signing slots are laid out (LayoutResult.slots), the
 * signing boxes computed from them (src/layout/signing.ts), and the unsigned /Sig fields and sidecar
 * JSON the PDF writer makes of them (src/write/pdf/fields.ts), read back with pdf.js and qpdf.
 */
import { execFileSync } from "node:child_process";
import { deflateSync } from "node:zlib";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inlineText, type Block, type DocModel, type Paragraph, type SlotKind } from "../src/document/model.js";
import { loadFontSet } from "../src/fonts/index.js";
import { createLayoutFonts } from "../src/fonts/metrics.js";
import { layoutDocument } from "../src/layout/index.js";
import { ATTACHMENT_BOX, GAP_INSET, PT_PER_MM, SEAL_SIZE, SIGNATURE_WIDTH, signingBoxes } from "../src/layout/signing.js";
import { renderPdf, signingSidecar, SigningImageError } from "../src/write/pdf/index.js";
import { imageRect, pngSize } from "../src/write/pdf/signing-images.js";
import { exampleDocs } from "./fixtures/compose/example.js";
import { loadExampleScored } from "./helpers/example.js";
import { doc, lay, mono, p, section, texts } from "./helpers/layout-build.js";
import { annotations, hasTool } from "./helpers/pdf-read.js";

const close = (a: number, b: number, eps = 1e-6) => expect(Math.abs(a - b)).toBeLessThan(eps);

describe("layout: slots", () => {
  it("a slot's box is its text frame's: left end to measured right end, ascent to descent", () => {
    // mono: 0.5 em per character, 0.25 em per space; ascent 0.9 em, descent 0.25 em.
    const r = lay([p("title"), p("Số: /BC", { align: "center" }, { slot: "number" })], 100, 100);
    const frame = texts(r).find((t) => t.text.startsWith("Số"))!;
    expect(r.slots).toHaveLength(1);
    const s = r.slots[0]!;
    expect(s.slot).toBe("number");
    expect(s.page).toBe(0);
    // "Số: /BC": 6 characters × 5 pt + 1 space × 2.5 pt = 32.5 pt, centred in 100 pt from x = 10.
    close(s.rect.x, 10 + (100 - 32.5) / 2);
    close(s.rect.width, 32.5);
    close(s.rect.x, frame.x);
    // second line: top 10 + 11.5; baseline + 9; box from the baseline − 9 to baseline + 2.5
    close(s.rect.y, frame.y - 9);
    close(s.rect.y, 10 + 11.5);
    close(s.rect.height, 11.5);
  });

  it("a slot paragraph of several lines: the union of its lines", () => {
    // 40 pt wide: "aaaa bbbb cccc" breaks after each word (each 20 pt, 2 words = 42.5 pt > 40).
    const r = lay([p("aaaa bbbbbb cc", {}, { slot: "signer-title" })], 40, 100);
    expect(texts(r).map((t) => t.text)).toEqual(["aaaa", "bbbbbb", "cc"]);
    const s = r.slots[0]!;
    close(s.rect.x, 10);
    close(s.rect.width, 30); // the widest line, "bbbbbb"
    close(s.rect.y, 10);
    close(s.rect.height, 2 * 11.5 + 11.5); // three lines, first ascent to last descent
  });

  it("a slot in a table cell, the page it ends up on after a keep moved it, and no slot on paper", () => {
    const filler = Array.from({ length: 7 }, (_, i) => p(`line ${i}`));
    const cellDoc = doc(
      section([
        ...filler,
        p("keep", { keepNext: true }),
        {
          kind: "table",
          columns: [1000, 1000],
          borders: null,
          headerRows: 0,
          padding: { top: 0, bottom: 0, left: 0, right: 0 },
          rows: [
            {
              cantSplit: true,
              cells: [
                { blocks: [p("x")], vAlign: "top" },
                { vAlign: "top", blocks: [p("SIGN", { align: "center" }, { slot: "signer-title" }), p("Name", { align: "right" }, { slot: "signer-name" })] },
              ],
            },
          ],
        },
      ]),
    );
    // 7 lines + keep = 92 pt, the two-line row (23 pt) does not fit: the row and "keep" move to page 2.
    const r = layoutDocument(cellDoc, mono);
    expect(r.pages).toHaveLength(2);
    expect(r.slots.map((s) => [s.slot, s.page])).toEqual([
      ["signer-title", 1],
      ["signer-name", 1],
    ]);
    // right cell: x 60..110; "SIGN" 20 pt centred → 75; "Name" right-aligned → 90.
    close(r.slots[0]!.rect.x, 75);
    close(r.slots[1]!.rect.x, 90);
    close(r.slots[0]!.rect.y, 10 + 11.5);
    close(r.slots[1]!.rect.y, 10 + 23);
    const paper = layoutDocument(doc(section(filler)), mono);
    expect(paper.slots).toEqual([]);
    expect(paper.attachmentPages).toEqual([]);
  });

  it("attachmentPages: the first page of each section with attachmentSignature", () => {
    const many = Array.from({ length: 12 }, (_, i) => p(`row ${i}`));
    const r = layoutDocument(doc(section([p("main")]), section(many, 100, 100, { attachmentSignature: true })), mono);
    expect(r.pages).toHaveLength(3);
    expect(r.attachmentPages).toEqual([1]);
  });
});

describe("signing boxes", () => {
  const mm = PT_PER_MM;
  const title = { slot: "signer-title" as const, page: 0, rect: { x: 300, y: 500, width: 120, height: 16 } };
  const name = { slot: "signer-name" as const, page: 0, rect: { x: 310, y: 600, width: 100, height: 16 } };
  const page = {
    number: 1,
    section: 0,
    pageInSection: 0,
    width: 595.28,
    height: 841.89,
    orientation: "portrait" as const,
    body: { top: 56.69, left: 85.04, right: 549.92, bottom: 785.2 },
    items: [],
  };
  const boxes = signingBoxes({ pages: [page, { ...page, number: 2 }], slots: [title, name], attachmentPages: [1] });
  const get = (n: string) => boxes.find((b) => b.name === n)!;

  it("the signature lies between the position's bottom and the name's top (1 mm clear), centred on both, 50 mm wide", () => {
    const sig = get("chamdiem.chu-ky");
    close(sig.rect.y, 516 + GAP_INSET);
    close(sig.rect.y + sig.rect.height, 600 - GAP_INSET);
    close(sig.rect.x + sig.rect.width / 2, 360); // both centres are at 360
    close(sig.rect.width, 50 * mm);
    close(SIGNATURE_WIDTH, 141.732, 1e-3);
  });

  it("the seal, 40 mm, covers the left third of the signature, vertically centred on it", () => {
    const sig = get("chamdiem.chu-ky").rect;
    const seal = get("chamdiem.con-dau").rect;
    close(seal.width, 40 * mm);
    close(seal.height, SEAL_SIZE);
    close(seal.x + seal.width - sig.x, sig.width / 3);
    expect(seal.x).toBeLessThan(sig.x);
    close(seal.y + seal.height / 2, sig.y + sig.height / 2);
  });

  it("the attachment's organisation signature: top right of its first page, inside the top margin", () => {
    const a = get("chamdiem.chu-ky-co-quan");
    expect(a.page).toBe(1);
    close(a.rect.x + a.rect.width, page.body.right);
    close(a.rect.width, ATTACHMENT_BOX.width);
    close(a.rect.y + a.rect.height, page.body.top - GAP_INSET);
    expect(a.rect.y).toBeGreaterThanOrEqual(0);
  });

  it("no slots, no boxes", () => {
    expect(signingBoxes({ pages: [page], slots: [], attachmentPages: [] })).toEqual([]);
  });
});

/** The composed example with its slots set by text, as compose marks them in electronic mode. */
function withSlots(d: DocModel, slots: Map<string, SlotKind>): DocModel {
  const copy = structuredClone(d);
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === "table") for (const r of b.rows) for (const c of r.cells) walk(c.blocks);
      else {
        const text = inlineText(b.runs);
        for (const [prefix, slot] of slots) if (text.startsWith(prefix)) (b as Paragraph).slot = slot;
      }
    }
  };
  for (const s of copy.sections) walk(s.blocks);
  return copy;
}

describe("the PDF: unsigned signature fields and the sidecar", async () => {
  const fonts = loadFontSet(readFileSync);
  const scored = loadExampleScored();
  const signer = scored.assessment.report.signer;
  const { report, scoreTable } = exampleDocs();
  const slots = new Map<string, SlotKind>([
    ["Số:", "number"],
    ["Quảng Ngãi, ngày", "date"],
    [signer.title.trim().toLocaleUpperCase("vi"), "signer-title"],
    [signer.name.trim(), "signer-name"],
  ]);
  const electronic = withSlots(report, slots);
  // The score table as an attachment in a file of its own.
  const attachment = structuredClone(scoreTable);
  attachment.sections[0]!.attachmentSignature = true;
  const result = await renderPdf(electronic, fonts);
  const attached = await renderPdf(attachment, fonts);
  const paper = await renderPdf(report, fonts);

  it("the example's slots are found where compose puts them", () => {
    expect(result.layout.slots.map((s) => s.slot)).toEqual(["number", "date", "signer-title", "signer-name"]);
    const f = createLayoutFonts(fonts);
    const page = result.layout.pages[0]!;
    const name = page.items.find((i) => i.kind === "text" && i.text === signer.name.trim());
    expect(name?.kind).toBe("text");
    if (name?.kind !== "text") return;
    const box = result.layout.slots[3]!.rect;
    close(box.x, name.x);
    close(box.width, f.measure(name.text, { size: name.size, bold: true }));
    close(box.y, name.y - f.lineMetrics({ size: name.size }).ascent);
  });

  it("fields read back with pdf.js: /Sig widgets with the names, tooltips and rectangles", async () => {
    const pages = await annotations(result.bytes);
    const widgets = pages[0]!.filter((a) => a.subtype === "Widget");
    expect(widgets.map((w) => [w.fieldType, w.fieldName])).toEqual([
      ["Sig", "chamdiem.so"],
      ["Sig", "chamdiem.ngay"],
      ["Sig", "chamdiem.chu-ky"],
      ["Sig", "chamdiem.con-dau"],
    ]);
    expect(widgets[2]!.alternativeText).toBe("Chữ ký số của người có thẩm quyền");
    const H = result.layout.pages[0]!.height;
    for (const b of signingBoxes(result.layout)) {
      const w = widgets.find((x) => x.fieldName === b.name)!;
      const [x1, y1, x2, y2] = w.rect;
      close(x1!, b.rect.x, 0.006);
      close(y2!, H - b.rect.y, 0.011);
      close(x2! - x1!, b.rect.width, 0.011);
      close(y2! - y1!, b.rect.height, 0.011);
    }
    const att = (await annotations(attached.bytes))[0]!.filter((a) => a.subtype === "Widget");
    expect(att.map((w) => [w.fieldType, w.fieldName])).toEqual([["Sig", "chamdiem.chu-ky-co-quan"]]);
    const tp = attached.layout.pages[0]!;
    close(att[0]!.rect[2]!, tp.body.right, 0.011);
    expect(att[0]!.rect[1]!).toBeGreaterThan(tp.height - tp.body.top); // above the body: in the top margin
  });

  it("the sidecar: every field with its purpose, 1-based page and rectangle in pt and mm", () => {
    const s = signingSidecar("bao-cao.pdf", result.layout);
    expect(s.document).toBe("bao-cao.pdf");
    expect(s.fields.map((f) => [f.name, f.page])).toEqual([
      ["chamdiem.so", 1],
      ["chamdiem.ngay", 1],
      ["chamdiem.chu-ky", 1],
      ["chamdiem.con-dau", 1],
    ]);
    const seal = s.fields[3]!;
    expect(seal.purpose).toBe("Con dấu của cơ quan");
    expect(seal.rect.mm.width).toBe(40);
    expect(seal.rect.pt.width).toBe(113.39);
    expect(signingSidecar("x.pdf", paper.layout).fields).toEqual([]);
  });

  it("paper: no fields, no AcroForm; electronic: deterministic bytes", async () => {
    const text = Buffer.from(paper.bytes).toString("latin1");
    expect(paper.layout.slots).toEqual([]);
    expect((await annotations(paper.bytes)).flat()).toEqual([]);
    expect(text).not.toContain("AcroForm");
    const again = await renderPdf(withSlots(report, slots), fonts);
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  it.runIf(hasTool("pdfsig"))("pdfsig (poppler) lists the four unsigned signature fields by their full names", () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-fields-"));
    writeFileSync(join(dir, "r.pdf"), result.bytes);
    const out = execFileSync("pdfsig", [join(dir, "r.pdf")], { encoding: "utf8" });
    expect([...out.matchAll(/Signature Field Name: (\S+)/g)].map((m) => m[1])).toEqual(["chamdiem.so", "chamdiem.ngay", "chamdiem.chu-ky", "chamdiem.con-dau"]);
    expect(out.match(/The signature form field is not signed/g)).toHaveLength(4);
  });

  it.runIf(hasTool("pdftoppm"))("the outline option draws each box where its field is (red on the page), the plain file draws none", async () => {
    const outlined = await renderPdf(withSlots(report, slots), fonts, { outlineSigningBoxes: true });
    const sig = signingBoxes(outlined.layout).find((b) => b.kind === "chamdiem.chu-ky")!.rect;
    // a pixel row above, on or below the box's bottom edge (a 0.5 pt line at one pixel per point)
    const red = (pdf: Uint8Array) => {
      const at = rgbRaster(pdf, 1);
      return [-1, 0, 1].some((d) => {
        const [r, g, b] = at(sig.x + sig.width * 0.75, sig.y + sig.height + d);
        return r > 150 && g < 120 && b < 120;
      });
    };
    expect(red(outlined.bytes)).toBe(true);
    expect(red(result.bytes)).toBe(false);
  });

  it.runIf(hasTool("qpdf"))("qpdf --check passes", () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-fields-"));
    for (const [n, b] of [
      ["r.pdf", result.bytes],
      ["a.pdf", attached.bytes],
    ] as const) {
      writeFileSync(join(dir, n), b);
      const out = execFileSync("qpdf", ["--check", join(dir, n)], { encoding: "utf8" });
      expect(out).toContain("No syntax or stream encoding errors");
    }
  });
});

/** An RGBA PNG whose pixel (x, y) is `colour(x, y)`, with a pHYs chunk when `perMetre` is given. */
function rgbaPng(width: number, height: number, colour: (x: number, y: number) => [number, number, number, number], perMetre?: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(colour(x, y), y * (width * 4 + 1) + 1 + x * 4);
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr)];
  if (perMetre) {
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(perMetre, 0);
    phys.writeUInt32BE(perMetre, 4);
    phys[8] = 1;
    parts.push(chunk("pHYs", phys));
  }
  parts.push(chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat(parts));
}

/** A page rendered in colour at 72 dpi (one pixel per point): RGB at (x, y) from the top left. */
function rgbRaster(pdf: Uint8Array, page: number): (x: number, y: number) => [number, number, number] {
  const dir = mkdtempSync(join(tmpdir(), "chamdiem-images-"));
  writeFileSync(join(dir, "x.pdf"), pdf);
  const ppm = execFileSync("pdftoppm", ["-r", "72", "-f", String(page), "-l", String(page), join(dir, "x.pdf")], { maxBuffer: 64 << 20 });
  const m = ppm
    .subarray(0, 64)
    .toString("latin1")
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!;
  const width = Number(m[1]);
  const data = ppm.subarray(m[0].length);
  return (x, y) => {
    const i = (Math.round(y) * width + Math.round(x)) * 3;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
}

describe("signature and seal images", async () => {
  // 10 000 pixels per metre (254 dpi): 450 × 220 px = 45 × 22 mm, 400 × 400 px = 40 × 40 mm.
  const blue = rgbaPng(450, 220, () => [0, 0, 255, 255], 10000);
  const disc = (x: number, y: number) => (x - 199.5) ** 2 + (y - 199.5) ** 2 <= 200 ** 2;
  const red = rgbaPng(400, 400, (x, y) => (disc(x, y) ? [255, 0, 0, 255] : [0, 0, 0, 0]), 10000);
  const noSize = rgbaPng(100, 100, () => [0, 0, 255, 255]);

  it("pngSize reads the pixel size and pHYs; imageRect: actual size centred, or fitted without pHYs", () => {
    expect(pngSize(blue)).toEqual({ width: 450, height: 220, perMetre: { x: 10000, y: 10000 } });
    expect(pngSize(noSize)).toEqual({ width: 100, height: 100 });
    expect(pngSize(new Uint8Array(40))).toBeUndefined();
    const box = { x: 100, y: 200, width: 50 * PT_PER_MM, height: 26 * PT_PER_MM };
    const r = imageRect(box, pngSize(blue)!);
    close(r.width, 45 * PT_PER_MM, 1e-9);
    close(r.height, 22 * PT_PER_MM, 1e-9);
    close(r.x, 100 + 2.5 * PT_PER_MM, 1e-9);
    close(r.y, 200 + 2 * PT_PER_MM, 1e-9);
    const f = imageRect(box, pngSize(noSize)!);
    close(f.width, 26 * PT_PER_MM, 1e-9);
    close(f.x + f.width / 2, 100 + 25 * PT_PER_MM, 1e-9);
  });

  const fonts = loadFontSet(readFileSync);
  const signer = loadExampleScored().assessment.report.signer;
  const slots = new Map<string, SlotKind>([
    [signer.title.trim().toLocaleUpperCase("vi"), "signer-title"],
    [signer.name.trim(), "signer-name"],
  ]);
  const electronic = withSlots(exampleDocs().report, slots);
  const withImages = await renderPdf(electronic, fonts, { signatureImages: { signer: blue, seal: red } });

  it.runIf(hasTool("pdftoppm"))("drawn in their boxes, the seal over the signature's left third, transparent outside its disc", () => {
    const boxes = signingBoxes(withImages.layout);
    const sig = boxes.find((b) => b.kind === "chamdiem.chu-ky")!.rect;
    const seal = boxes.find((b) => b.kind === "chamdiem.con-dau")!.rect;
    const raster = rgbRaster(withImages.bytes, 1);
    // the colour of a pixel, named (rendering may be a step or two off the pure value)
    const at = (x: number, y: number) => {
      const [r, g, b] = raster(x, y);
      if (r < 40 && g < 40 && b > 215) return "blue";
      if (r > 215 && g < 40 && b < 40) return "red";
      if (r > 215 && g > 215 && b > 215) return "white";
      return `rgb(${r}, ${g}, ${b})`;
    };
    const midY = sig.y + sig.height / 2;
    // the right of the signature: blue; the overlap (signature's left sixth): red, the seal is on top
    expect(at(sig.x + sig.width * 0.75, midY)).toBe("blue");
    expect(at(sig.x + sig.width / 6, midY)).toBe("red");
    // the seal's centre: red; its corner outside the disc: the page shows through (white)
    expect(at(seal.x + seal.width / 2, seal.y + seal.height / 2)).toBe("red");
    expect(at(seal.x + 3, seal.y + 3)).toBe("white");
    // actual size: the signature image is 45 mm wide, centred in its 50 mm box
    expect(at(sig.x + 1.5 * PT_PER_MM, midY)).not.toBe("blue");
    expect(at(sig.x + sig.width - 3.5 * PT_PER_MM, midY)).toBe("blue");
  });

  it("a file that is not a PNG is refused, naming the image", async () => {
    await expect(renderPdf(electronic, fonts, { signatureImages: { seal: new Uint8Array(64) } })).rejects.toBeInstanceOf(SigningImageError);
  });

  it.runIf(hasTool("qpdf"))("qpdf --check passes with the images", () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-images-"));
    writeFileSync(join(dir, "i.pdf"), withImages.bytes);
    expect(execFileSync("qpdf", ["--check", join(dir, "i.pdf")], { encoding: "utf8" })).toContain("No syntax or stream encoding errors");
  });
});
