/** The per-assessment summary `chamdiem check` prints after the diagnostics: text or JSON. */
import type { AssessmentResult } from "../pipeline/run-checks.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatHundredths, VI_NUMBERS } from "../model/points.js";
import { maximumText } from "../compose/vi-format.js";
import type { Cli } from "./context.js";

export function summaryText(cli: Pick<Cli, "m">, a: AssessmentResult): string {
  const s = a.scored!;
  const lines = [cli.m.summaryHeader(a.file, s.assessment.unit.name, s.assessment.year, s.rubric.id)];
  // With an appraisal (src/check/appraisal.ts), the appraised score follows the self-assessed one on each row.
  const ap = (v: number | undefined) => (s.appraised && v !== undefined ? `${cli.m.appraisedShort} ${formatHundredths(v)}` : "");
  const rows = s.items.map((n) => [n.node.id, n.node.title, `${formatHundredths(n.score)} / ${formatHundredths(n.node.max)}`, ap(n.appraisal?.score)]);
  rows.push(["", s.rubric.totalLabel, `${formatHundredths(s.total)} / ${maximumText(s.max, s.rubric.bonusMax, VI_NUMBERS)}`, ap(s.appraised?.total)]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  for (const r of rows) lines.push(`  ${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]!.padStart(16)}${r[3] ? `  ${r[3]}` : ""}`);
  lines.push(`  ${cli.m.classification}: ${s.classification ?? `(${cli.m.noClassification})`}`);
  if (s.appraised) {
    const cls = s.appraised.classification ?? `(${cli.m.noClassification})`;
    lines.push(`  ${cli.m.appraisedClassification(s.appraised.file ?? "", s.appraised.rounds ?? 0)}: ${cls}`);
  }
  // The final score, under the rubric's own column labels, when its table prints one (src/score/final.ts).
  const finalCol = s.rubric.table.columns.find((c) => c.kind === "final");
  const percentCol = s.rubric.table.columns.find((c) => c.kind === "percent");
  if (finalCol && s.final) {
    const percent = percentCol && s.final.percent !== undefined ? ` (${percentCol.label}: ${formatHundredths(s.final.percent)})` : "";
    const cls = s.final.classification ?? `(${cli.m.noClassification})`;
    lines.push(`  ${finalCol.label}: ${formatHundredths(s.final.total)} / ${formatHundredths(s.max)}${percent}; ${cli.m.classification}: ${cls}`);
  }
  return lines.join("\n");
}

export function summaryJson(a: AssessmentResult): object {
  const s = a.scored!;
  return {
    file: a.file,
    unit: s.assessment.unit.name,
    year: s.assessment.year,
    rubric: s.rubric.id,
    total: s.total / 100,
    max: s.max / 100,
    classification: s.classification ?? null,
    ...(s.final
      ? {
          final: {
            total: s.final.total / 100,
            percent: s.final.percent === undefined ? null : s.final.percent / 100,
            classification: s.final.classification ?? null,
          },
        }
      : {}),
    ...(s.appraised
      ? {
          appraised: {
            total: s.appraised.total / 100,
            classification: s.appraised.classification ?? null,
            file: s.appraised.file ?? null,
            rounds: s.appraised.rounds ?? 0,
          },
        }
      : {}),
    criteria: s.items.map((n) => ({
      id: n.node.id,
      title: n.node.title,
      score: n.score / 100,
      max: n.node.max / 100,
      ...(n.appraisal?.score !== undefined ? { appraised: n.appraisal.score / 100 } : {}),
    })),
    errors: hasErrors(a.diagnostics),
  };
}
