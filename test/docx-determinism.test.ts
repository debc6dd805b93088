/** Reproducible .docx bytes: the same model gives the same bytes; every date comes from meta.date. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { composeReport, composeScoreTable } from "../src/compose/index.js";
import type { DocModel } from "../src/document/model.js";
import { dosDateTime, w3cdtf } from "../src/write/docx/package.js";
import { writeDocx } from "../src/write/docx/index.js";
import { parts } from "./fixtures/compose/docx-parts.js";
import { exampleDocs } from "./fixtures/compose/example.js";
import { COMPOSE_OPTIONS, smallScored } from "./fixtures/compose/scored.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Date/time words of every entry, from the central directory and the local headers. */
function zipTimes(zip: Uint8Array): { time: number; date: number }[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const out: { time: number; date: number }[] = [];
  let p = v.getUint32(eocd + 16, true);
  for (let n = v.getUint16(eocd + 10, true); n > 0; n--) {
    out.push({ time: v.getUint16(p + 12, true), date: v.getUint16(p + 14, true) });
    const local = v.getUint32(p + 42, true);
    out.push({ time: v.getUint16(local + 10, true), date: v.getUint16(local + 12, true) });
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

describe("reproducible .docx", () => {
  const small = smallScored();
  const docs: [string, () => DocModel][] = [
    ["report", () => composeReport(small, COMPOSE_OPTIONS).doc],
    ["score table", () => composeScoreTable(small, COMPOSE_OPTIONS).doc],
    ["example report", () => exampleDocs().report],
    ["example score table", () => exampleDocs().scoreTable],
  ];

  for (const [name, make] of docs) {
    it(`${name}: built twice, byte-identical`, async () => {
      const a = await writeDocx(make());
      const b = await writeDocx(make());
      expect(sha(b)).toBe(sha(a));
    });
  }

  it("core properties and zip entries are dated from meta.date", async () => {
    const doc = composeReport(small, { ...COMPOSE_OPTIONS, date: "2021-11-19T08:30:10Z" }).doc;
    const bytes = await writeDocx(doc);
    const core = parts(bytes).get("docProps/core.xml")!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-11-19T08:30:10Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-11-19T08:30:10Z</dcterms:modified>');
    expect(core).toContain("<dc:language>vi-VN</dc:language>");
    expect(core).toContain("<dc:title>Báo cáo: Tự đánh giá, chấm điểm công tác dân vận chính quyền của Văn phòng UBND tỉnh</dc:title>");
    expect(core).toContain("<dc:creator>Văn phòng UBND tỉnh</dc:creator>");
    const want = dosDateTime("2021-11-19T08:30:10Z");
    const times = zipTimes(bytes);
    expect(times.length).toBeGreaterThan(10);
    for (const t of times) expect(t).toEqual(want);
  });

  it("DOS date/time words are the UTC components", () => {
    expect(dosDateTime("2021-11-19T08:30:10Z")).toEqual({ time: (8 << 11) | (30 << 5) | 5, date: (41 << 9) | (11 << 5) | 19 });
    expect(dosDateTime("2021-11-19T23:30:00+07:00")).toEqual(dosDateTime("2021-11-19T16:30:00Z"));
    expect(dosDateTime("1970-01-01T00:00:00Z").date).toBe((0 << 9) | (1 << 5) | 1);
    expect(w3cdtf("2021-11-19T08:30:10.123Z")).toBe("2021-11-19T08:30:10Z");
    expect(() => w3cdtf("hôm nay")).toThrow();
  });

  it("the bytes do not depend on the machine's time zone", async () => {
    const doc = composeReport(small, COMPOSE_OPTIONS).doc;
    const before = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const utc = sha(await writeDocx(doc));
      process.env.TZ = "Asia/Ho_Chi_Minh";
      const vn = sha(await writeDocx(doc));
      process.env.TZ = "America/Los_Angeles";
      const la = sha(await writeDocx(doc));
      expect(vn).toBe(utc);
      expect(la).toBe(utc);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("another date gives other bytes", async () => {
    const a = await writeDocx(composeReport(small, COMPOSE_OPTIONS).doc);
    const b = await writeDocx(composeReport(small, { ...COMPOSE_OPTIONS, date: "2022-01-01T00:00:00Z" }).doc);
    expect(sha(a)).not.toBe(sha(b));
  });
});
