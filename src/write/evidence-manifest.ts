/**
 * ho-so-kiem-chung.json: what a Department needs to verify the evidence it received (docs/evidence.md):
 * each file's SHA-256, size, pages, where it starts in the pack and the criteria that cite it, and the
 * pack's own SHA-256. No clock, stable order (the plan's): the same evidence gives the same bytes.
 */
import { createHash } from "node:crypto";
import type { EvidencePlan } from "../model/evidence.js";

export interface ManifestInput {
  /** The assessment file, as diagnostics name it. */
  assessment: string;
  unit: string;
  year: number;
  /** The report the evidence is attached to: "1880/BC-VP". */
  report: string;
  plan: EvidencePlan;
  /** The pack as written, in its chunks, when it was (a build without PDFs writes none). */
  pack?: { name: string; chunks: readonly Uint8Array[] };
}

export const MANIFEST_FORMAT = "chamdiem-evidence/1";

export function evidenceManifest(m: ManifestInput): Uint8Array {
  const sha = (chunks: readonly Uint8Array[]) => {
    const h = createHash("sha256");
    for (const c of chunks) h.update(c);
    return h.digest("hex");
  };
  const json = {
    format: MANIFEST_FORMAT,
    assessment: m.assessment,
    unit: m.unit,
    year: m.year,
    report: m.report,
    folder: m.plan.folder,
    ...(m.pack
      ? { pack: { file: m.pack.name, sha256: sha(m.pack.chunks), size: m.pack.chunks.reduce((n, c) => n + c.length, 0), evidencePages: m.plan.pages } }
      : {}),
    files: m.plan.documents.map((d) => ({
      file: d.file.name,
      sha256: d.info.sha256,
      size: d.info.size,
      ...(d.info.pages !== undefined ? { pages: d.info.pages } : {}),
      ...(d.start !== undefined ? { packPage: d.start } : {}),
      ...(d.info.problem ? { problem: d.info.problem } : {}),
      ...(d.cited ? { document: d.cited.ref } : {}),
      title: d.title,
      criteria: d.criteria,
    })),
  };
  return new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`);
}
