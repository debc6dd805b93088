/**
 * Evidence (hồ sơ kiểm chứng): the files a unit files with its report and score table, tied to the
 * criteria whose justifications cite them (docs/evidence.md). Types and path text only: the CLI lists
 * the folder, src/check/evidence-match.ts ties the files to the citations.
 */
import { folderOf } from "../util/path-text.js";
import type { SourcePos } from "./source.js";
import { unitKeyOf } from "./survey.js";

export type EvidenceKind = "pdf" | "image";

/** One file of an assessment's evidence folder. */
export interface EvidenceFile {
  /** The file name as listed, without folder ("159_QĐ-UBND -- ke hoach.pdf"). */
  name: string;
  /** The path diagnostics name ("content/evidence/2021/van-phong-ubnd-tinh/159_QĐ-UBND.pdf"). */
  path: string;
  kind: EvidenceKind;
}

/**
 * A file listed in a criterion's answer (`evidence:`), for evidence that is not a numbered document or
 * to point at pages of a long one: `evidence: [anh-hoi-nghi.jpg, { file: 159_QĐ-UBND.pdf, pages: "3-5" }]`.
 */
export interface EvidenceDeclaration {
  /** The file name inside the evidence folder, as written. */
  file: string;
  /** "3-5", "12", "Điều 4": as written, checked against the file's pages (src/check/evidence-files.ts). */
  pages?: string;
  /** Where the list item is (the file name's position for a plain item). */
  source: SourcePos;
  /** Where `pages` is. */
  pagesSource?: SourcePos;
}

/** Why a file belongs to a criterion. */
export type EvidenceReason =
  /** A justification of the criterion cites the document the file is named after. */
  | { by: "citation"; key: string; ref: string }
  /** The criterion's answer lists the file (planned: EvidenceDeclaration). */
  | { by: "declared"; pages?: string; source: SourcePos };

/** One file tied to one criterion. */
export interface EvidenceTie {
  criterion: string;
  file: EvidenceFile;
  reason: EvidenceReason;
}

/** Where a diagnostic about an evidence file points: the file, line 1 (a PDF or an image has no lines). */
export function evidenceFilePos(f: EvidenceFile): SourcePos {
  return { file: f.path, line: 1, column: 1 };
}

const KINDS: Record<string, EvidenceKind> = { pdf: "pdf", jpg: "image", jpeg: "image", png: "image" };

/** The extension of an evidence file name, lower case, when it is one chamdiem reads (.pdf, .jpg, .jpeg, .png). */
export function evidenceExtension(name: string): string | undefined {
  const m = /\.([A-Za-z]+)$/.exec(name);
  const ext = m?.[1]!.toLowerCase();
  return ext !== undefined && ext in KINDS ? ext : undefined;
}

/** An evidence file from its path, or undefined when its type is not one evidence may have. */
export function evidenceFile(path: string): EvidenceFile | undefined {
  const p = path.replace(/\\/g, "/");
  const name = p.slice(p.lastIndexOf("/") + 1);
  const ext = evidenceExtension(name);
  return ext === undefined ? undefined : { name, path: p, kind: KINDS[ext]! };
}

/**
 * The evidence folder of an assessment: `content/assessments/2021/x.yaml` → `content/evidence/2021/x`
 * (the `evidence` folder beside the nearest `assessments` folder above the file, then the year and
 * the unit as survey files name units). A file outside any `assessments` folder: `evidence/<year>/<unit>`
 * beside it.
 */
export function evidenceFolderOf(assessmentFile: string, year: number): string {
  const { root, unit } = evidenceRootOf(assessmentFile);
  return `${root}/${year}/${unit}`;
}

/** The `evidence` folder evidenceFolderOf names for an assessment, and its unit key: the folder is `<root>/<year>/<unit>`. */
export function evidenceRootOf(assessmentFile: string): { root: string; unit: string } {
  const p = assessmentFile.replace(/\\/g, "/");
  const unit = unitKeyOf(p);
  // A leading slash, so that a relative "assessments/…" is found as "/assessments/…" too.
  const s = `/${p}`;
  const i = s.lastIndexOf("/assessments/");
  if (i >= 0) return { root: `${s.slice(1, i + 1)}evidence`, unit };
  const folder = folderOf(p);
  return { root: folder === "." ? "evidence" : folder === "/" ? "/evidence" : `${folder}/evidence`, unit };
}

/** Why an evidence file cannot go into the pack as it is (src/read/evidence-file.ts). */
export type EvidenceProblem =
  /** A Git LFS pointer in place of the file: the clone has not fetched it (`git lfs pull`). */
  | "lfs-pointer"
  /** Named .pdf but not a PDF (no "%PDF-" header), or an empty file. */
  | "not-pdf"
  /** A PDF that pdf-lib cannot parse (damaged, truncated). */
  | "unreadable"
  /** A PDF protected by a password or by permissions (an /Encrypt dictionary): it cannot be merged. */
  | "encrypted"
  /** Named .jpg/.jpeg/.png but not such an image (or an image type the pack cannot place). */
  | "not-image";

/** What reading one evidence file found: the facts the checks, the index, the pack and the manifest need. */
export interface EvidenceInfo {
  /** SHA-256 of the file's bytes, lower-case hex (the manifest's and `diff`'s identity of a file). */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** Pages: a PDF's page count, 1 for an image; absent when the file has a problem. */
  pages?: number;
  /** An image's size in pixels (after its EXIF orientation is not applied: as stored). */
  pixels?: { width: number; height: number };
  /** The image's format as stored ("jpg" or "png"), which decides how the pack embeds it. */
  imageType?: "jpg" | "png";
  problem?: EvidenceProblem;
}

/** A document as its first citation describes it, for the evidence index ("summary as cited"). */
export interface CitedDocument {
  /** "159/QĐ-UBND", "61-TB/ĐTN". */
  ref: string;
  /** The type word as written before the number ("Quyết định"), or the type the symbol's code names. */
  type?: string;
  /** The date as written after the reference ("28/01/2020"). */
  date?: string;
  /** The issuer part of the symbol ("UBND" in QĐ-UBND). */
  issuer: string;
  /** The words that follow the citation up to the end of its clause ("về việc …"), trimmed; may be empty. */
  summary: string;
}

/** One evidence file in the pack: each file once, in the order criteria first use it. */
export interface EvidenceDocument {
  file: EvidenceFile;
  info: EvidenceInfo;
  /** The numbered document the file is named after, as first cited; absent for a declared file. */
  cited?: CitedDocument;
  /** Its bookmark and index title: "Quyết định số 159/QĐ-UBND ngày 28/01/2020", or the file name. */
  title: string;
  /** The criteria that cite or declare it, in rubric order. */
  criteria: string[];
  /**
   * The pack page (its label: evidence pages are numbered from 1 after the cover and the index) where the
   * file starts; absent when the file is not in the pack (it has a problem).
   */
  start?: number;
}

/** The evidence of one assessment, in rubric order: what the index, the pack and the manifest are made from. */
export interface EvidencePlan {
  /** The evidence folder (evidenceFolderOf), as diagnostics name it. */
  folder: string;
  documents: EvidenceDocument[];
  /** Each criterion with evidence, in rubric order: its documents (indexes into `documents`) and pages cited. */
  criteria: { id: string; label: string; items: { document: number; pages?: string }[] }[];
  /** Pages of evidence in the pack (the sum of the documents' pages that are in it). */
  pages: number;
}
