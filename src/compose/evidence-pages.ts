/**
 * Where each criterion's evidence is in the pack (ho-so-kiem-chung.pdf), as the score table prints it
 * under the criterion's justification: "Hồ sơ kiểm chứng: 159/QĐ-UBND (tr. 1), anh-hoi-nghi.jpg (tr. 7)."
 * A page number is the page's label in the pack: evidence pages are numbered from 1 after the cover
 * and the index (src/check/evidence-plan.ts), so a viewer's "go to page" finds it. A file left out of
 * the pack (a problem with it) is not listed.
 */
import type { EvidencePlan } from "../model/evidence.js";

export function packPages(plan: EvidencePlan): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of plan.criteria) {
    const parts: string[] = [];
    for (const item of c.items) {
      const d = plan.documents[item.document]!;
      if (d.start === undefined) continue;
      parts.push(`${d.cited?.ref ?? d.file.name} (tr. ${d.start})`);
    }
    if (parts.length > 0) out.set(c.id, `Hồ sơ kiểm chứng: ${parts.join(", ")}.`);
  }
  return out;
}
