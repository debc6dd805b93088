/**
 * The stable line-per-criterion text form of chamdiem's inputs (`chamdiem show --plain`), made for
 * `git diff` textconv: every line is self-contained and starts with what it is about (a field name or
 * a criterion id), long texts are split one sentence per line, whitespace is collapsed and numbers are
 * printed exactly, so `git diff` / `git log -p` show which criterion changed and how, line by line.
 * The keys are fixed ASCII words, independent of --lang, so the form never changes with settings.
 */
import type { Markdown } from "../model/assessment.js";
import { formatHundredths, type Hundredths } from "../model/points.js";
import { walkRubric, type Rubric } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import type { Appraisal } from "../model/appraisal.js";

const fmt = (h: Hundredths) => formatHundredths(h);

/** One line per sentence (or clause ending in ";"), whitespace collapsed. */
export function sentences(text: string): string[] {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (!flat) return [];
  return flat.split(/(?<=[.;!?])\s+(?=\S)/u);
}

function textLines(prefix: string, md: Markdown | string | undefined): string[] {
  const text = typeof md === "string" ? md : md?.text;
  return text ? sentences(text).map((s) => `${prefix}: ${s}`) : [];
}

export function plainAssessment(s: ScoredAssessment): string {
  const a = s.assessment;
  const r = a.report;
  const lines = [
    "# chamdiem show --plain: assessment",
    `rubric: ${s.rubric.id}`,
    `year: ${a.year}`,
    `unit.name: ${a.unit.name}`,
    `unit.agency: ${a.unit.agency}`,
    ...(a.unit.superior ? [`unit.superior: ${a.unit.superior}`] : []),
    `report.number: ${r.number}/${r.symbol}`,
    `report.date: ${r.date}`,
    `report.place: ${r.place}`,
    `report.summary: ${r.summary}`,
    ...r.to.map((t) => `report.to: ${t}`),
    ...textLines("report.body", r.body),
    ...r.recipients.map((t) => `report.recipients: ${t}`),
    `report.archive: ${r.archive}`,
    `report.signer: ${[...(r.signer.onBehalfOf ? ["TM.", r.signer.onBehalfOf, "/"] : []), ...(r.signer.prefix ? [r.signer.prefix, r.signer.authority, "/"] : []), r.signer.title, r.signer.name].filter(Boolean).join(" ")}`,
    `total: ${fmt(s.total)} / ${fmt(s.max)}`,
    `classification: ${s.classification ?? "-"}`,
  ];
  if (s.appraised) {
    lines.push(`appraised.total: ${fmt(s.appraised.total)} / ${fmt(s.max)}`, `appraised.classification: ${s.appraised.classification ?? "-"}`);
  }
  const visit = (n: ScoredNode) => {
    const id = n.node.id;
    lines.push(
      `${id} ${n.node.title} = ${fmt(n.score)} / ${fmt(n.node.max)}${n.appraisal?.score !== undefined ? ` (appraised ${fmt(n.appraisal.score)})` : ""}`,
    );
    if (n.notApplicable) lines.push(`${id} not_applicable: ${n.node.notApplicable?.text ?? ""}`);
    if (n.skipped) lines.push(`${id} skipped (group not applicable)`);
    if (n.answer?.official !== undefined) lines.push(`${id} official: ${n.answer.official}`);
    if (n.children) {
      lines.push(...textLines(`${id} justification`, n.justification));
      n.children.forEach(visit);
      return;
    }
    for (const o of n.options ?? []) {
      if (!o.chosen) continue;
      lines.push(`${id} option ${o.option.id}${o.points !== undefined ? ` = ${fmt(o.points)}` : ""}: ${o.option.text}`);
      lines.push(...textLines(`${id} option ${o.option.id} justification`, o.justification));
    }
    if (n.answer?.value !== undefined) lines.push(`${id} value: ${fmt(n.answer.value)}`);
    if (n.answer?.numerator !== undefined) lines.push(`${id} numerator: ${fmt(n.answer.numerator)}`);
    if (n.answer?.denominator !== undefined) lines.push(`${id} denominator: ${fmt(n.answer.denominator)}`);
    if (n.measured !== undefined) lines.push(`${id} ratio: ${fmt(n.measured)}`);
    if (n.answer?.count !== undefined) lines.push(`${id} count: ${n.answer.count}`);
    if (n.node.kind === "leaf" && n.node.input === "score" && n.answer?.declared !== undefined) lines.push(`${id} score: ${fmt(n.answer.declared)}`);
    lines.push(...textLines(`${id} justification`, n.justification));
    lines.push(...textLines(`${id} appraisal opinion`, n.appraisal?.opinion));
  };
  s.items.forEach(visit);
  return lines.join("\n");
}

export function plainAppraisal(a: Appraisal): string {
  const lines = [
    "# chamdiem show --plain: appraisal",
    `assessment: ${a.assessmentRef}`,
    `rubric: ${a.rubricId}`,
    ...(a.appraiser ? [`appraiser: ${a.appraiser.agency}${a.appraiser.superior ? ` / ${a.appraiser.superior}` : ""}`] : []),
  ];
  for (const r of a.rounds) {
    const p = `round ${r.round}`;
    lines.push(`${p} date: ${r.date}`);
    if (r.by) lines.push(`${p} by: ${r.by}`);
    if (r.document) lines.push(`${p} document: ${r.document}`);
    if (r.ineligible) lines.push(`${p} ineligible: ${r.ineligible}`);
    lines.push(...textLines(`${p} conclusion`, r.conclusion));
    for (const e of r.entries.values()) {
      const q = `${p} ${e.criterion}`;
      if (e.option !== undefined) lines.push(`${q} option: ${e.option}`);
      if (e.ticked) lines.push(`${q} options: ${e.ticked.join(", ")}`);
      if (e.value !== undefined) lines.push(`${q} value: ${fmt(e.value)}`);
      if (e.score !== undefined) lines.push(`${q} score: ${fmt(e.score)}`);
      lines.push(...textLines(`${q} opinion`, e.opinion));
    }
    const resp = r.response;
    if (!resp) continue;
    lines.push(`${p} response date: ${resp.date}`);
    if (resp.document) lines.push(`${p} response document: ${resp.document}`);
    lines.push(...textLines(`${p} response general`, resp.general));
    for (const c of resp.criteria.values()) lines.push(...textLines(`${p} response ${c.criterion}`, c.text));
  }
  return lines.join("\n");
}

export function plainRubric(r: Rubric): string {
  const lines = ["# chamdiem show --plain: rubric", `id: ${r.id}`, `title: ${r.title}`, `max: ${fmt(r.max)}`, `total_label: ${r.totalLabel}`];
  if (r.bonusMax !== undefined) lines.splice(4, 0, `bonus_max: ${fmt(r.bonusMax)}`);
  for (const n of r.notes) lines.push(...textLines("note", n));
  for (const b of r.classification?.bands ?? []) lines.push(`classification: ${b.label} >= ${fmt(b.min)}`);
  if (r.classification) lines.push(`classification fallback: ${r.classification.fallback}`);
  for (const [n] of walkRubric(r.items)) {
    const range = `${n.min !== 0 ? `${fmt(n.min)}..` : ""}${fmt(n.max)}`;
    const na = n.notApplicable ? [`${n.id} not_applicable = ${fmt(n.notApplicable.score)}: ${n.notApplicable.text}`] : [];
    if (n.kind === "group") {
      lines.push(`${n.id} ${n.title} (max ${range}${n.role !== "criterion" ? `, ${n.role}` : ""})`, ...na);
      continue;
    }
    const kind = n.ratio
      ? `, ${n.ratio.label} = ${n.ratio.numerator} / ${n.ratio.denominator} × 100`
      : n.measure
        ? `, ${n.measure.label} ${fmt(n.measure.min)}..${fmt(n.measure.max)} ${n.measure.unit}`
        : n.count
          ? `, ${n.count.label} × ${fmt(n.count.points)}`
          : n.step !== undefined
            ? `, step ${fmt(n.step)}`
            : "";
    lines.push(`${n.id} ${n.title} (max ${range}, ${n.input}${kind})`, ...na);
    for (const o of n.options) {
      const pts = o.points !== undefined ? fmt(o.points) : o.proportional ? `value × ${fmt(o.proportional.points)} / ${fmt(o.proportional.per)}` : "?";
      const rg = o.range
        ? ` [${o.range.min !== undefined ? `${o.range.minInclusive ? ">=" : ">"} ${fmt(o.range.min)}` : ""}${o.range.min !== undefined && o.range.max !== undefined ? ", " : ""}${o.range.max !== undefined ? `${o.range.maxInclusive ? "<=" : "<"} ${fmt(o.range.max)}` : ""}]`
        : "";
      lines.push(`${n.id} ${o.id} = ${pts}${rg}: ${o.text}`);
    }
  }
  return lines.join("\n");
}
