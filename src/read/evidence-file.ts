/**
 * Reading one evidence file (docs/evidence.md): its identity (SHA-256, size), whether it is what its
 * name says (a PDF, a JPEG or PNG image, not a Git LFS pointer) and its pages. Pure: bytes in, facts
 * out; the CLI reads the bytes (and caches the PDF step: src/cli/evidence-cache.ts).
 *
 * Two steps: `sniffEvidence` is synchronous and cheap (a hash and a look at the first bytes: images
 * are done here), `readEvidenceFile` adds what only parsing a PDF tells (its page count, encryption,
 * damage). pdf-lib is imported on the first PDF only, so `check` of an assessment without PDFs (or
 * with a warm cache) never loads it.
 */
import { createHash } from "node:crypto";
import { imageSize } from "image-size";
import type { EvidenceFile, EvidenceInfo, EvidenceProblem } from "../model/evidence.js";

/**
 * The version of what this file finds: part of the disk cache's key (src/cli/evidence-cache.ts).
 * Raise it whenever a file could be read differently (a new problem, another page count).
 */
export const EVIDENCE_READER_VERSION = "1";

/** A Git LFS pointer's first line (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
const LFS_HEADER = "version https://git-lfs.github.com/spec/v1";
/** Git LFS itself reads no pointer of 1024 bytes or more. */
const LFS_MAX_SIZE = 1024;
/** A PDF's header may follow some junk, within the first 1024 bytes (PDF 32000-1, Annex H.3). */
const PDF_HEADER_WITHIN = 1024;

function startsWithAscii(bytes: Uint8Array, text: string, at = 0): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Index of an ASCII text in the bytes from `from` (up to `end`), or -1. */
function indexOfAscii(bytes: Uint8Array, text: string, from = 0, end = bytes.length): number {
  const first = text.charCodeAt(0);
  const last = Math.min(end, bytes.length) - text.length;
  for (let i = from; i <= last; i++) {
    if (bytes[i] === first && startsWithAscii(bytes, text, i)) return i;
  }
  return -1;
}

/** A small text file that starts like a Git LFS pointer (the clone has not fetched the file). */
export function isLfsPointer(bytes: Uint8Array): boolean {
  return bytes.length < LFS_MAX_SIZE && startsWithAscii(bytes, LFS_HEADER);
}

/**
 * What the bytes alone tell, at once: SHA-256 and size; a Git LFS pointer; an image's format and
 * pixels (1 page); a PDF's header. A PDF's pages are left for readEvidenceFile.
 */
export function sniffEvidence(file: EvidenceFile, bytes: Uint8Array): EvidenceInfo {
  const info: EvidenceInfo = { sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
  const problem = (p: EvidenceProblem): EvidenceInfo => ({ ...info, problem: p });
  if (isLfsPointer(bytes)) return problem("lfs-pointer");
  if (file.kind === "pdf") {
    return indexOfAscii(bytes, "%PDF-", 0, PDF_HEADER_WITHIN) < 0 ? problem("not-pdf") : info;
  }
  let size: { width: number; height: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return problem("not-image");
  }
  // A .png that is a JPEG (or the reverse) is fine: the pack embeds the format the bytes have.
  const type = size.type === "jpg" ? "jpg" : size.type === "png" ? "png" : undefined;
  if (type === undefined || !(size.width > 0 && size.height > 0)) return problem("not-image");
  return { ...info, pages: 1, pixels: { width: size.width, height: size.height }, imageType: type };
}

type PdfLib = typeof import("pdf-lib");
let pdfLib: Promise<PdfLib> | undefined;

/**
 * A trailer (or cross-reference stream) names an /Encrypt dictionary. Looked for in the bytes when
 * pdf-lib cannot parse the file: an encrypted file's object streams are encrypted too, so pdf-lib
 * fails on them, and "damaged" would be the wrong advice. "/EncryptMetadata" is another name.
 */
function namesEncrypt(bytes: Uint8Array): boolean {
  // Buffer's native search: a damaged file may be a large scan.
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = b.indexOf("/Encrypt", 0, "latin1"); i >= 0; i = b.indexOf("/Encrypt", i + 1, "latin1")) {
    const next = b[i + 8];
    // A name ends at white space or a delimiter: "/Encrypt 5 0 R", "/Encrypt<<…".
    if (next === undefined || !/[\p{L}\p{N}_.-]/u.test(String.fromCharCode(next))) return true;
  }
  return false;
}

/**
 * The step after sniffEvidence: a PDF without a problem so far is parsed for its page count, its
 * encryption ("encrypted") or its damage ("unreadable"). Anything else is returned as it is. Never
 * throws.
 *
 * pdf-lib is told to fail on an object it cannot parse (`throwOnInvalidObject`) rather than skip it
 * and print to the console: a file that would lose an object in the pack is reported, not merged.
 */
export async function completeEvidence(file: EvidenceFile, bytes: Uint8Array, sniffed: EvidenceInfo): Promise<EvidenceInfo> {
  if (file.kind !== "pdf" || sniffed.problem !== undefined || sniffed.pages !== undefined) return sniffed;
  try {
    const { PDFDocument } = await (pdfLib ??= import("pdf-lib"));
    const doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
      // Parse without yielding to the event loop every 100 objects (ParseSpeeds.Fastest).
      parseSpeed: Infinity,
    });
    if (doc.isEncrypted) return { ...sniffed, problem: "encrypted" };
    return { ...sniffed, pages: doc.getPageCount() };
  } catch {
    return { ...sniffed, problem: namesEncrypt(bytes) ? "encrypted" : "unreadable" };
  }
}

/** Everything reading a file tells: sniffEvidence, then the PDF step (completeEvidence). Never throws. */
export function readEvidenceFile(file: EvidenceFile, bytes: Uint8Array): Promise<EvidenceInfo> {
  return completeEvidence(file, bytes, sniffEvidence(file, bytes));
}

/** Pages from..to of a file, 1-based, from ≤ to. */
export interface PageRange {
  from: number;
  to: number;
}

/** The optional `pages` of an evidence declaration, read. */
export type PageRef =
  /** Page numbers: "3", "3-5", "tr. 3-5", "3, 7, 9-10" (checked against the file's page count). */
  | { kind: "pages"; ranges: PageRange[] }
  /** A part of a document named by its heading: "Điều 4", "Mục II" (not checkable against pages). */
  | { kind: "section"; text: string }
  | { kind: "invalid"; text: string };

/** "tr.", "tr", "trang" before the page numbers. */
const PAGE_PREFIX = /^(?:trang|tr\.?)\s*/iu;
/** A hyphen, a non-breaking hyphen, an en or em dash, a minus sign between two page numbers. */
const RANGE = /^(\d{1,5})(?:\s*[-‐‑–—−]\s*(\d{1,5}))?$/u;
/** The parts of a document that have headings: Điều 4, Khoản 2, Điểm a, Mục II, Chương 2, Phần I, Phụ lục 1. */
const SECTION_PART = /^(?:điều|khoản|điểm|mục|chương|phần|phụ lục)\s+(?:\d{1,4}[a-zđ]?|[ivxlc]{1,8}|[a-zđ])\.?$/iu;

/**
 * Reads a declaration's `pages` (docs/evidence.md): page numbers and ranges separated by commas or
 * semicolons, after an optional "tr."; or one or more headings ("Điều 4", "Mục II, Điều 5"); anything
 * else (a page 0, a backwards range "5-3", words) is invalid.
 */
export function parsePageRef(text: string): PageRef {
  const t = text.normalize("NFC").replace(/\s+/gu, " ").trim();
  const parts = t.split(/\s*[,;]\s*/u);
  if (t !== "" && parts.every((p) => SECTION_PART.test(p))) return { kind: "section", text: t };
  const ranges: PageRange[] = [];
  const pageParts = t.replace(PAGE_PREFIX, "").split(/\s*[,;]\s*/u);
  for (const p of pageParts) {
    const m = RANGE.exec(p);
    if (!m) return { kind: "invalid", text };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) return { kind: "invalid", text };
    ranges.push({ from, to });
  }
  return { kind: "pages", ranges };
}
