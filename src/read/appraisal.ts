/**
 * Appraisal reader: schema-checked YAML data → the Appraisal model. Like the assessment reader it is
 * defensive (it also runs after schema errors, so one mistake does not hide the others), reads numbers
 * exactly, parses Markdown once and keeps the position of every field for diagnostics.
 */
import { posix } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fieldReaders } from "./fields.js";
import { posOf, type PathSegment, type YamlSource } from "./yaml-source.js";
import { APPRAISAL_FIELDS, type Appraisal, type AppraisalEntry, type AppraisalResponse, type AppraisalRound } from "../model/appraisal.js";

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/** Resolve the "assessment" key against the appraisal's folder, as input paths are written ("/"-separated). */
export function resolveAssessmentRef(appraisalFile: string, ref: string): string {
  const joined = posix.normalize(posix.join(posix.dirname(appraisalFile.replace(/\\/g, "/")), ref.replace(/\\/g, "/")));
  return joined.startsWith("./") ? joined.slice(2) : joined;
}

export function readAppraisal(src: YamlSource): { appraisal: Appraisal; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data = obj(src.data);
  const { markdown, num } = fieldReaders(src, diagnostics);

  const rounds: AppraisalRound[] = (Array.isArray(data.rounds) ? data.rounds : []).map((raw, i) => {
    const r = obj(raw);
    const base: PathSegment[] = ["rounds", i];
    const entries = new Map<string, AppraisalEntry>();
    for (const [id, rawEntry] of Object.entries(obj(r.criteria))) {
      const e = obj(rawEntry);
      const at: PathSegment[] = [...base, "criteria", id];
      const fields: AppraisalEntry["fields"] = {};
      for (const f of APPRAISAL_FIELDS) if (e[f] !== undefined) fields[f] = posOf(src, [...at, f]);
      const entry: AppraisalEntry = { criterion: id, source: posOf(src, at, true), fields };
      if (typeof e.option === "string") entry.option = e.option;
      if (Array.isArray(e.options)) entry.ticked = e.options.map(String);
      const value = num(e.value, [...at, "value"]);
      if (value !== undefined) entry.value = value;
      const numerator = num(e.numerator, [...at, "numerator"]);
      if (numerator !== undefined) entry.numerator = numerator;
      const denominator = num(e.denominator, [...at, "denominator"]);
      if (denominator !== undefined) entry.denominator = denominator;
      const count = num(e.count, [...at, "count"]);
      if (count !== undefined) entry.count = count / 100;
      if (typeof e.not_applicable === "boolean") entry.notApplicable = e.not_applicable;
      const score = num(e.score, [...at, "score"]);
      if (score !== undefined) entry.score = score;
      const opinion = markdown([...at, "opinion"]);
      if (opinion && opinion.text.trim()) entry.opinion = opinion;
      entries.set(id, entry);
    }
    const round: AppraisalRound = {
      round: typeof r.round === "number" ? r.round : Number.NaN,
      date: str(r.date) ?? "",
      entries,
      source: posOf(src, base),
      fields: { round: posOf(src, [...base, "round"]), date: posOf(src, [...base, "date"]) },
    };
    if (typeof r.by === "string") round.by = r.by;
    if (typeof r.document === "string") round.document = r.document;
    if (typeof r.ineligible === "string") round.ineligible = r.ineligible;
    const conclusion = markdown([...base, "conclusion"]);
    if (conclusion) round.conclusion = conclusion;
    if (r.response && typeof r.response === "object") round.response = readResponse(obj(r.response), [...base, "response"]);
    return round;
  });

  function readResponse(r: Obj, base: PathSegment[]): AppraisalResponse {
    const criteria: AppraisalResponse["criteria"] = new Map();
    for (const id of Object.keys(obj(r.criteria))) {
      const text = markdown([...base, "criteria", id]);
      criteria.set(id, { criterion: id, ...(text ? { text } : {}), source: posOf(src, [...base, "criteria", id], true) });
    }
    const response: AppraisalResponse = { date: str(r.date) ?? "", criteria, source: posOf(src, [...base, "date"]) };
    if (typeof r.document === "string") response.document = r.document;
    const general = markdown([...base, "general"]);
    if (general) response.general = general;
    return response;
  }

  const ref = str(data.assessment) ?? "";
  const appraiser = obj(data.appraiser);
  const appraisal: Appraisal = {
    file: src.file,
    assessmentRef: ref,
    assessmentFile: ref ? resolveAssessmentRef(src.file, ref) : "",
    rubricId: str(data.rubric) ?? "",
    rounds,
    source: posOf(src, []),
    fields: { assessment: posOf(src, ["assessment"]), rubric: posOf(src, ["rubric"]) },
  };
  if (typeof appraiser.agency === "string") {
    appraisal.appraiser = { agency: appraiser.agency, ...(typeof appraiser.superior === "string" ? { superior: appraiser.superior } : {}) };
  }
  return { appraisal, diagnostics };
}
