/**
 * Evidence (hồ sơ kiểm chứng): the files a unit files with its report and score table, tied to the
 * criteria whose justifications cite them (docs/evidence.md). Types and path text only: the CLI lists
 * the folder, src/check/evidence-match.ts ties the files to the citations.
 */
import { folderOf } from "../util/path-text.js";
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
 * A file listed explicitly in a criterion's answer, for evidence that is not a numbered document or
 * to point at pages of a long one. PLANNED syntax (not read yet):
 * `evidence: [{ file: anh-hoi-nghi.jpg, pages: "3-5" }]`.
 */
export interface EvidenceDeclaration {
  file: string;
  /** "3-5", "12", "Điều 4": as written, checked against the file when PDFs are read. */
  pages?: string;
}

/** Why a file belongs to a criterion. */
export type EvidenceReason =
  /** A justification of the criterion cites the document the file is named after. */
  | { by: "citation"; key: string; ref: string }
  /** The criterion's answer lists the file (planned: EvidenceDeclaration). */
  | { by: "declared"; pages?: string };

/** One file tied to one criterion. */
export interface EvidenceTie {
  criterion: string;
  file: EvidenceFile;
  reason: EvidenceReason;
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
  const p = assessmentFile.replace(/\\/g, "/");
  const tail = `evidence/${year}/${unitKeyOf(p)}`;
  // A leading slash, so that a relative "assessments/…" is found as "/assessments/…" too.
  const s = `/${p}`;
  const i = s.lastIndexOf("/assessments/");
  if (i >= 0) return `${s.slice(1, i + 1)}${tail}`;
  const folder = folderOf(p);
  return folder === "." ? tail : folder === "/" ? `/${tail}` : `${folder}/${tail}`;
}
