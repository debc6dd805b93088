/**
 * An assessment's evidence outputs (docs/evidence.md), beside its two documents: the evidence index
 * (danh-muc-ho-so-kiem-chung.docx/.pdf, through the same writers), the pack (ho-so-kiem-chung.pdf: the
 * cover and the index, then every file of the plan that can be merged, with bookmarks and page labels)
 * and the manifest (ho-so-kiem-chung.json). Pure apart from the fonts; the CLI writes the files.
 */
import { composeEvidenceCover } from "../compose/evidence-cover.js";
import { composeEvidenceIndex, criterionHeading } from "../compose/evidence-index.js";
import type { ComposeOptions } from "../compose/options.js";
import { documentNumber } from "../compose/vi-format.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DocModel } from "../document/model.js";
import { createLayoutFonts } from "../fonts/index.js";
import { layoutDocument } from "../layout/index.js";
import type { EvidencePlan } from "../model/evidence.js";
import type { ScoredAssessment } from "../model/scored.js";
import { evidenceManifest } from "../write/evidence-manifest.js";
import type { PackOutlineItem, PackPart } from "../write/pack/index.js";
import { signingFiles, writeContext, writeDocument, type RenderedFile, type RenderOptions } from "./render.js";

export const EVIDENCE_INDEX = "danh-muc-ho-so-kiem-chung";
export const EVIDENCE_PACK = "ho-so-kiem-chung.pdf";
export const EVIDENCE_MANIFEST = "ho-so-kiem-chung.json";

/**
 * The evidence outputs: the index and the manifest as files, the pack as chunks to write one after the
 * other (src/write/pack/: its scans are the input's bytes, not copies; joined, 300 scans would cost their
 * size again at the peak).
 */
export interface EvidenceOutputs {
  files: RenderedFile[];
  pack?: { name: string; chunks: Uint8Array[] };
}

export interface EvidenceOutputsInput {
  plan: EvidencePlan;
  /** Each file's bytes by path (src/cli/evidence-inputs.ts). */
  bytes: ReadonlyMap<string, Uint8Array>;
}

/** The pack's bookmarks: the cover, the index, then each criterion with a child per document. */
export function packOutline(scored: ScoredAssessment, plan: EvidencePlan, indexPage: number, partOf: ReadonlyMap<number, number>): PackOutlineItem[] {
  const out: PackOutlineItem[] = [
    { title: "Bìa", target: { front: 0 } },
    { title: "Danh mục hồ sơ kiểm chứng", target: { front: indexPage } },
  ];
  for (const c of plan.criteria) {
    const children: PackOutlineItem[] = [];
    for (const item of c.items) {
      const part = partOf.get(item.document);
      if (part !== undefined) children.push({ title: plan.documents[item.document]!.title, target: { part } });
    }
    // A criterion whose files are all left out of the pack points at the index, which says why.
    const target = children[0]?.target ?? { front: indexPage };
    // The same heading as the criterion's row in the index.
    out.push({ title: criterionHeading(scored, c.id, c.label), target, ...(children.length ? { children } : {}) });
  }
  return out;
}

export async function renderEvidence(
  scored: ScoredAssessment,
  ev: EvidenceOutputsInput,
  opts: RenderOptions,
  compose: ComposeOptions,
  diagnostics: Diagnostic[],
): Promise<EvidenceOutputs> {
  const a = scored.assessment;
  const files: RenderedFile[] = [];
  const context = (document: string) => writeContext(document, a.file, opts);
  const index = composeEvidenceIndex(scored, ev.plan, compose);
  diagnostics.push(...index.diagnostics);
  for (const format of opts.formats) {
    const name = `${EVIDENCE_INDEX}.${format}`;
    const bytes = await writeDocument(format, index.doc, opts.fonts, context(name), diagnostics);
    if (bytes) files.push({ name, bytes });
    if (bytes && format === "pdf") files.push(...(await signingFiles(EVIDENCE_INDEX, index.doc, opts.fonts)));
  }
  let pack: EvidenceOutputs["pack"];
  if (opts.formats.includes("pdf")) {
    const cover = composeEvidenceCover(scored, ev.plan, compose);
    diagnostics.push(...cover.diagnostics);
    const coverPages = layoutDocument(cover.doc, createLayoutFonts(opts.fonts)).pages.length;
    // The index's organisation signature box (electronic) belongs to its own file, not to the pack's page 2.
    const bound = index.doc.sections.map(({ attachmentSignature: _, ...section }) => section);
    const front: DocModel = { meta: { ...index.doc.meta, title: "Hồ sơ kiểm chứng" }, sections: [...cover.doc.sections, ...bound] };
    const frontBytes = await writeDocument("pdf", front, opts.fonts, context(EVIDENCE_PACK), diagnostics);
    const parts: PackPart[] = [];
    const partOf = new Map<number, number>();
    ev.plan.documents.forEach((d, i) => {
      const bytes = ev.bytes.get(d.file.path);
      if (d.start === undefined || !bytes) return;
      partOf.set(i, parts.length);
      parts.push({ bytes, info: d.info });
    });
    if (frontBytes) {
      const { writeEvidencePackChunks } = await import("../write/pack/index.js");
      const chunks = await writeEvidencePackChunks({
        front: frontBytes,
        parts,
        outline: packOutline(scored, ev.plan, coverPages, partOf),
        title: `Hồ sơ kiểm chứng — ${a.unit.name}`,
        // Electronic: the report's number is the document system's to give, not printed here either.
        subject: `Kèm theo Báo cáo số ${compose.mode === "electronic" ? documentNumber(a.report.number, a.report.symbol, true) : `${a.report.number}/${a.report.symbol}`}`,
        author: a.unit.name,
        date: opts.date,
      });
      pack = { name: EVIDENCE_PACK, chunks };
    }
  }
  const manifest = evidenceManifest({
    assessment: a.file,
    unit: a.unit.name,
    year: a.year,
    report: `${a.report.number}/${a.report.symbol}`,
    plan: ev.plan,
    ...(pack ? { pack } : {}),
  });
  files.push({ name: EVIDENCE_MANIFEST, bytes: manifest });
  return { files, ...(pack ? { pack } : {}) };
}
