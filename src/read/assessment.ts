/**
 * Assessment reader: schema-checked YAML data → the Assessment model. Markdown fields are parsed here
 * (once), numbers are read exactly, and every answer keeps the positions of its fields.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ANSWER_FIELDS, type Answer, type Assessment, type SignPrefix } from "../model/assessment.js";
import type { EvidenceDeclaration } from "../model/evidence.js";
import type { SourcePos } from "../model/source.js";
import { fieldReaders } from "./fields.js";
import { parseMarkdown } from "./markdown.js";
import { posOf, type PathSegment, type YamlSource } from "./yaml-source.js";

type Obj = Record<string, unknown>;

/** The positions of the report's and the unit's fields (ReportMeta.fields): their scalars and list items. */
function fieldPositions(src: YamlSource, data: Obj): Record<string, SourcePos> {
  const out: Record<string, SourcePos> = {};
  const visit = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, String(i)]));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    else out[path.join(".")] = posOf(src, path);
  };
  visit(data.report, ["report"]);
  visit(data.unit, ["unit"]);
  return out;
}

/**
 * A criterion's `evidence:` list: plain file names or `{ file, pages }` (the schema has checked the
 * shapes; anything else is skipped). File names are NFC, as the folder's names are compared.
 */
function readDeclarations(src: YamlSource, raw: unknown, path: PathSegment[]): EvidenceDeclaration[] {
  if (!Array.isArray(raw)) return [];
  const out: EvidenceDeclaration[] = [];
  raw.forEach((item: unknown, i) => {
    if (typeof item === "string" && item.trim()) out.push({ file: item.trim().normalize("NFC"), source: posOf(src, [...path, i]) });
    else if (item && typeof item === "object" && typeof (item as Obj).file === "string") {
      const o = item as Obj;
      const d: EvidenceDeclaration = { file: String(o.file).trim().normalize("NFC"), source: posOf(src, [...path, i, "file"]) };
      if (typeof o.pages === "string" || typeof o.pages === "number") {
        d.pages = String(o.pages).trim();
        d.pagesSource = posOf(src, [...path, i, "pages"]);
      }
      out.push(d);
    }
  });
  return out;
}

export function readAssessment(src: YamlSource): { assessment: Assessment; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data = src.data as Obj;
  const report = (data.report ?? {}) as Obj;
  const unit = (data.unit ?? {}) as Obj;
  const signer = (report.signer ?? {}) as Obj;

  const { markdown, num } = fieldReaders(src, diagnostics);

  const answers = new Map<string, Answer>();
  const rawAnswers = (data.answers && typeof data.answers === "object" ? data.answers : {}) as Obj;
  for (const [id, raw] of Object.entries(rawAnswers)) {
    const a = (raw && typeof raw === "object" ? raw : {}) as Obj;
    const base: PathSegment[] = ["answers", id];
    const fields: Answer["fields"] = {};
    for (const f of ANSWER_FIELDS) {
      if (a[f] !== undefined) fields[f] = posOf(src, [...base, f]);
    }
    const answer: Answer = { criterion: id, source: posOf(src, base, true), fields };
    if (typeof a.option === "string") answer.option = a.option;
    const value = num(a.value, [...base, "value"]);
    if (value !== undefined) answer.value = value;
    const declared = num(a.score, [...base, "score"]);
    if (declared !== undefined) answer.declared = declared;
    const numerator = num(a.numerator, [...base, "numerator"]);
    if (numerator !== undefined) answer.numerator = numerator;
    const denominator = num(a.denominator, [...base, "denominator"]);
    if (denominator !== undefined) answer.denominator = denominator;
    // A count is a whole number of occurrences; anything else is reported when scoring (CD427).
    const count = num(a.count, [...base, "count"]);
    if (count !== undefined) answer.count = count / 100;
    if (a.not_applicable === true) answer.notApplicable = true;
    if (typeof a.official === "string") answer.official = a.official;
    const evidence = readDeclarations(src, a.evidence, [...base, "evidence"]);
    if (evidence.length > 0) answer.evidence = evidence;
    const j = markdown([...base, "justification"]);
    if (j) answer.justification = j;
    if (a.options && typeof a.options === "object") {
      answer.ticked = Object.keys(a.options as Obj).map((oid) => {
        const t: NonNullable<Answer["ticked"]>[number] = { id: oid, source: posOf(src, [...base, "options", oid], true) };
        const oj = markdown([...base, "options", oid]);
        if (oj) t.justification = oj;
        return t;
      });
    }
    answers.set(id, answer);
  }

  const prefix = typeof signer.prefix === "string" ? (signer.prefix as SignPrefix) : undefined;
  const assessment: Assessment = {
    file: src.file,
    rubricId: String(data.rubric ?? ""),
    year: Number(data.year),
    unit: {
      name: String(unit.name ?? ""),
      agency: String(unit.agency ?? ""),
      ...(typeof unit.superior === "string" ? { superior: unit.superior } : {}),
    },
    report: {
      number: Number(report.number),
      symbol: String(report.symbol ?? ""),
      place: String(report.place ?? ""),
      date: String(report.date ?? ""),
      summary: String(report.summary ?? ""),
      to: Array.isArray(report.to) ? report.to.map(String) : [],
      recipients: Array.isArray(report.recipients) ? report.recipients.map(String) : [],
      archive: String(report.archive ?? ""),
      signer: {
        ...(typeof signer.on_behalf_of === "string" ? { onBehalfOf: signer.on_behalf_of } : {}),
        ...(prefix ? { prefix } : {}),
        ...(typeof signer.authority === "string" ? { authority: signer.authority } : {}),
        title: String(signer.title ?? ""),
        name: String(signer.name ?? ""),
      },
      body: markdown(["report", "body"]) ?? parseMarkdown("", { file: src.file, line: 1, column: 1, indent: 0, block: false }).md,
      source: posOf(src, ["report"], true),
      fields: fieldPositions(src, data),
    },
    answers,
    source: posOf(src, []),
  };
  return { assessment, diagnostics };
}
