/**
 * The example's sample evidence (content/evidence/2021/van-phong-ubnd-tinh/): made-up documents, one
 * per document the example's justifications cite, each page marked "TÀI LIỆU MẪU" — no real scan, no
 * real text. PDFs are written by chamdiem's own PDF writer (compose-free: a DocModel built here); the
 * Party notice 61-TB/ĐTN is a PNG "scan" drawn pixel by pixel (A4 at 200 dpi), and the conference
 * photo declared by criterion 1.1.1 is a landscape PNG (test/helpers/pdf-read.ts encodePng). Deterministic: test/sample-evidence.test.ts
 * checks that the committed files are exactly what this makes, and rewrites them with
 * CHAMDIEM_WRITE_SAMPLE=1.
 */
import { readFileSync } from "node:fs";
import { TYPE_CODES } from "../../src/check/citations.js";
import { citationsByCriterion, evidenceName } from "../../src/check/evidence-match.js";
import { citedSummary } from "../../src/check/evidence-plan.js";
import type { Block, DocModel, Paragraph, RunStyle } from "../../src/document/model.js";
import { a4 } from "../../src/compose/page-setup.js";
import { loadFontSet } from "../../src/fonts/index.js";
import { renderPdf } from "../../src/write/pdf/index.js";
import { loadExampleScored } from "./example.js";
import { encodePng } from "./pdf-read.js";

export const SAMPLE_FOLDER = "content/evidence/2021/van-phong-ubnd-tinh";
/** A document of several pages, cited with pages by criterion 1.2.1's `evidence:` list. */
export const LONG_DOCUMENT = "167_QĐ-VP";
export const LONG_PAGES = 4;
export const SCAN = "61-TB_ĐTN";
export const PHOTO = "anh-hoi-nghi-can-bo-2020.png";

const R = (size: number, extra: Partial<RunStyle> = {}): RunStyle => ({ size, ...extra });
const para = (text: string, run: RunStyle, align: Paragraph["style"]["align"] = "left", spaceAfter = 120): Paragraph => ({
  kind: "paragraph",
  style: { align, size: run.size, spaceAfter },
  runs: [{ kind: "text", text, style: run }],
});

interface SampleDoc {
  name: string;
  type: string;
  ref: string;
  date?: string;
  summary: string;
  criteria: string[];
}

/** The documents the example cites, each once, in first-citation order. */
export function sampleDocuments(): SampleDoc[] {
  const out = new Map<string, SampleDoc>();
  for (const { criterion, citations } of citationsByCriterion(loadExampleScored())) {
    for (const c of citations) {
      const name = evidenceName(c.number, c.symbol);
      const known = out.get(name);
      if (known) {
        if (!known.criteria.includes(criterion)) known.criteria.push(criterion);
        continue;
      }
      const word = c.word && c.word.length > 2 ? c.word : c.typeCode ? TYPE_CODES[c.typeCode] : "Công văn";
      out.set(name, { name, type: word!.toUpperCase(), ref: c.ref, ...(c.date ? { date: c.date.text } : {}), summary: citedSummary(c), criteria: [criterion] });
    }
  }
  return [...out.values()];
}

function page(d: SampleDoc, n: number, of: number): Block[] {
  return [
    para("TÀI LIỆU MẪU — KHÔNG PHẢI VĂN BẢN THẬT", R(12, { bold: true }), "center", 240),
    para(`Số: ${d.ref}`, R(13), "left", 60),
    para(d.date ? `Ngày ${d.date}` : "Ngày: (không ghi trong giải trình)", R(13, { italic: true }), "left", 360),
    para(d.type, R(14, { bold: true }), "center", 120),
    para(d.summary || "(giải trình không nêu trích yếu)", R(14, { bold: true }), "center", 480),
    para(
      `Tệp mẫu do chamdiem tạo cho bản tự chấm ví dụ (test/helpers/sample-evidence.ts), để minh họa hồ sơ kiểm chứng của tiêu chí ${d.criteria.join(", ")}. Trang ${n}/${of}.`,
      R(14),
      "justify",
    ),
  ];
}

async function samplePdf(d: SampleDoc, pages: number, fonts: ReturnType<typeof loadFontSet>): Promise<Uint8Array> {
  const doc: DocModel = {
    meta: {
      title: `${d.type} ${d.ref} (tài liệu mẫu)`,
      subject: "Tài liệu mẫu",
      author: "chamdiem",
      language: "vi-VN",
      date: "2021-11-19T00:00:00Z",
      font: "Times New Roman",
    },
    sections: Array.from({ length: pages }, (_, i) => ({ page: a4("portrait"), blocks: page(d, i + 1, pages) })),
  };
  return (await renderPdf(doc, fonts)).bytes;
}

/** An RGB PNG of `width` × `height` whose pixel (x, y) is `paint(x, y)` (0xRRGGBB). */
export function png(width: number, height: number, paint: (x: number, y: number) => number): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  let i = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = paint(x, y);
      data[i++] = c >> 16;
      data[i++] = (c >> 8) & 0xff;
      data[i++] = c & 0xff;
    }
  }
  return new Uint8Array(encodePng({ width, height, data, channels: 3 }));
}

/** A page "scan": grey bars for lines of text, a red seal at the bottom right, a diagonal "sample" band. */
function scanPixel(w: number, h: number): (x: number, y: number) => number {
  const margin = Math.round(w * 0.12);
  return (x, y) => {
    const sx = w * 0.72;
    const sy = h * 0.8;
    const r = Math.hypot(x - sx, y - sy);
    if (r < w * 0.09 && r > w * 0.08) return 0xd02020;
    // A band along the diagonal marks the page as a sample.
    if (Math.abs(x / w - y / h) < 0.01) return 0xe0a0a0;
    const line = Math.floor((y - h * 0.12) / (h * 0.025));
    const inLine = (y - h * 0.12) % (h * 0.025) < h * 0.012;
    const lineEnd = w - margin - ((line * 97) % 5) * w * 0.06;
    if (y > h * 0.12 && y < h * 0.7 && inLine && x > margin && x < lineEnd) return 0x555555;
    return 0xfdfdf8;
  };
}

/** The example's sample evidence: file name → bytes, in name order. */
export async function sampleEvidence(): Promise<Map<string, Uint8Array>> {
  const fonts = loadFontSet(readFileSync);
  const out = new Map<string, Uint8Array>();
  for (const d of sampleDocuments()) {
    if (d.name === SCAN) continue;
    out.set(`${d.name}.pdf`, await samplePdf(d, d.name === LONG_DOCUMENT ? LONG_PAGES : 1, fonts));
  }
  // A4 at 200 dpi: 1654 × 2339 pixels (the smallest that passes the digitisation rule).
  out.set(`${SCAN}.png`, png(1654, 2339, scanPixel(1654, 2339)));
  out.set(
    PHOTO,
    png(2339, 1654, (x, y) => (y > 1100 ? 0x8a6d3b : Math.abs(x - 1170) < 500 && y > 500 ? 0x2b4f81 : 0xc9d6e3)),
  );
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
