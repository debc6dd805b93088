/**
 * The evidence of one assessment, planned and checked (docs/evidence.md): which file proves which
 * criterion (by the documents its justifications cite, src/check/evidence-match.ts, and by its
 * `evidence:` list), in rubric order, each file once, with the pack page where it starts. The evidence
 * index, the pack, the manifest and the score table's "(tr. N)" are all made from this one plan.
 * Pure: the folder's listing and what reading each file found (src/read/evidence-file.ts) are inputs.
 */
import { diag, listed, type Diagnostic } from "../diagnostics/diagnostic.js";
import {
  evidenceFilePos,
  evidenceFolderOf,
  type CitedDocument,
  type EvidenceDocument,
  type EvidenceFile,
  type EvidenceInfo,
  type EvidencePlan,
} from "../model/evidence.js";
import type { RubricNode } from "../model/rubric.js";
import { walkScored, type ScoredAssessment, type ScoredNode } from "../model/scored.js";
import { answerTexts } from "./assessment.js";
import { citePos, TYPE_CODES, type Citation } from "./citations.js";
import { answerCitations, evidenceKey, fileKey, matchEvidence } from "./evidence-match.js";
import { checkEvidenceFile, checkPageRef } from "./evidence-files.js";
import { paragraphSpans } from "./text-spans.js";

/** What the CLI found in the assessment's evidence folder. */
export interface EvidenceFolder {
  /** The folder exists (absent: one CD754 instead of a CD750 per cited document). */
  found: boolean;
  /**
   * The project keeps evidence at all: its `evidence` folder (evidenceRootOf) exists. When it does not,
   * a missing unit folder is not reported (a project that files its evidence on paper); default true.
   */
  inUse?: boolean;
  /** Its evidence files (PDF, JPEG, PNG), in listing order. */
  files: readonly EvidenceFile[];
  /** What reading each file found, by path; a file without an entry is treated as unread (no pages). */
  infos?: ReadonlyMap<string, EvidenceInfo>;
}

export interface PlannedEvidence {
  plan: EvidencePlan;
  diagnostics: Diagnostic[];
}

/** Names in the folder compared as a reader sees them: NFC, case-folded. */
const fold = (s: string) => s.normalize("NFC").toLowerCase();

/** The type of a cited document as a title says it: the word written before it, else its symbol's code. */
function typeOf(c: Citation): string | undefined {
  const word = c.word ?? listedWord(c);
  if (word && word.length > 2) return word[0]!.toUpperCase() + word.slice(1).toLowerCase();
  // An abbreviation ("CV 588/VP-HCTC", "QĐ 70/QĐ-CĐVC"): the type it stands for.
  if (word?.toLowerCase() === "cv") return "Công văn";
  const code = word ? Object.keys(TYPE_CODES).find((k) => k.toLowerCase() === word.toLowerCase()) : undefined;
  if (code) return TYPE_CODES[code];
  return c.typeCode ? TYPE_CODES[c.typeCode] : undefined;
}

/** Between two citations of one list: "Công văn số 4217/UBND-KSTTHC ngày 23/8/2021, số 5607/UBND-KSTTHC …". */
const LIST_GAP = /^[\s,;]*(?:và\s+)?(?:số\s*)?$/u;

/**
 * The type word of a citation that has none because it continues a list ("…, số 5607/UBND-KSTTHC"): the
 * word of the list's first citation, when only commas, "và" or "số" lie between each two of them.
 */
function listedWord(c: Citation): string | undefined {
  let word: string | undefined;
  let prev: Citation | undefined;
  for (const x of listsOf.get(c.span) ?? []) {
    if (x.word) word = x.word;
    else if (!prev || !LIST_GAP.test(c.span.text.slice(prev.end, x.offset))) word = undefined;
    if (x === c) return word;
    prev = x;
  }
  return undefined;
}

/** The citations of each paragraph, in order (filled by criterionSources), for listedWord. */
const listsOf = new WeakMap<object, Citation[]>();

const SUMMARY_MAX = 160;

/** Cut at a clause's end: ";", a full stop before a space or the end, an unmatched ")" or another citation. */
function clause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(") depth++;
    else if (ch === ")") {
      if (depth === 0) return text.slice(0, i);
      depth--;
    } else if (ch === ";" || (ch === "." && (i + 1 === text.length || /\s/.test(text[i + 1]!)) && !/\.\.$/.test(text.slice(0, i + 1)))) {
      return text.slice(0, i);
    }
  }
  return text;
}

function shortened(s: string): string {
  const t = s
    .replace(/\s+/g, " ")
    .replace(/^[\s,:–-]+|[\s,:–-]+$/g, "")
    .replace(/\.{3}$|…$/, "")
    .trim();
  if (t.length <= SUMMARY_MAX) return t;
  const cut = t.lastIndexOf(" ", SUMMARY_MAX);
  return `${t.slice(0, cut > 0 ? cut : SUMMARY_MAX)} …`;
}

/**
 * The words that describe a cited document, as its citation says them: what follows it ("… ngày
 * 28/01/2020 của UBND tỉnh về việc …") up to the end of the clause; for a citation in parentheses after
 * what it proves ("Kế hoạch kiểm tra … (Kế hoạch số 29/KH-UBND ngày 09/02/2021)"), the words before the
 * parenthesis. Empty when neither says anything.
 */
export function citedSummary(c: Citation): string {
  const text = c.span.text;
  const after = clause(text.slice(c.end));
  const afterText = shortened(after);
  if (afterText && !/^số\s/u.test(afterText)) return afterText;
  // Inside parentheses: the text before "(" back to the clause's start.
  const open = text.lastIndexOf("(", c.offset);
  if (open >= 0 && !text.slice(open, c.offset).includes(")")) {
    const before = text.slice(0, open);
    const from = Math.max(before.lastIndexOf(";"), before.lastIndexOf(". ")) + 1;
    const clauseBefore = before.slice(from);
    // "Quyết định số 151/QĐ-VP … (thay thế bởi Quyết định số 167/QĐ-VP …)": another document, not a description.
    return /\d\/\p{Lu}/u.test(clauseBefore) ? "" : shortened(clauseBefore);
  }
  return "";
}

function citedDocument(c: Citation): CitedDocument {
  const type = typeOf(c);
  return { ref: c.ref, ...(type ? { type } : {}), ...(c.date ? { date: c.date.text } : {}), issuer: c.issuer, summary: citedSummary(c) };
}

/** "Quyết định số 159/QĐ-UBND ngày 28/01/2020": a bookmark's and the index's title of a cited document. */
export function citedTitle(d: CitedDocument): string {
  return `${d.type ?? "Văn bản"} số ${d.ref}${d.date ? ` ngày ${d.date}` : ""}`;
}

/** One criterion's evidence sources: its citations and its `evidence:` list. */
interface CriterionSources {
  node: ScoredNode;
  citations: Citation[];
}

function criterionSources(scored: ScoredAssessment): CriterionSources[] {
  const out: CriterionSources[] = [];
  for (const n of walkScored(scored.items)) {
    if (n.skipped) continue;
    const paragraphs = answerCitations(n);
    for (const found of paragraphs) listsOf.set(found[0]!.span, found);
    const citations = paragraphs.flat();
    if (citations.length > 0 || n.answer?.evidence) out.push({ node: n, citations });
  }
  return out;
}

function requiresEvidence(nodes: readonly RubricNode[]): boolean {
  return nodes.some((n) => n.evidenceRequired || (n.kind === "group" && requiresEvidence(n.items)));
}

/**
 * Plan the evidence of a scored assessment and check it: a cited document with no file (CD750, or
 * CD756 where the rubric requires evidence), no folder at all (CD754, once), a file nobody cites
 * (CD751, CD752), one document with two files (CD753), a declared file that is not in the folder
 * (CD755), a non-zero score where evidence is required with neither evidence nor a justification
 * (CD757); then what reading each file found (CD760–CD765) and the declared pages (CD766, CD767).
 */
export function planEvidence(scored: ScoredAssessment, folder: EvidenceFolder): PlannedEvidence {
  const a = scored.assessment;
  const folderPath = evidenceFolderOf(a.file, a.year);
  // A project that keeps no evidence, under a rubric that requires none: nothing to plan or to say.
  if (!folder.found && folder.inUse === false && !requiresEvidence(scored.rubric.items)) {
    return { plan: { folder: folderPath, documents: [], criteria: [], pages: 0 }, diagnostics: [] };
  }
  const sources = criterionSources(scored);
  const m = matchEvidence(
    sources.filter((s) => s.citations.length > 0).map((s) => ({ criterion: s.node.node.id, citations: s.citations })),
    folder.files,
  );
  const tiesOf = new Map(m.byCriterion.map((c) => [c.criterion, c.ties]));
  const byName = new Map(folder.files.map((f) => [fold(f.name), f]));
  const diagnostics: Diagnostic[] = [];

  const documents: EvidenceDocument[] = [];
  const indexOf = new Map<EvidenceFile, number>();
  const documentOf = (file: EvidenceFile, cited?: Citation): number => {
    let i = indexOf.get(file);
    if (i === undefined) {
      i = documents.length;
      indexOf.set(file, i);
      const info = folder.infos?.get(file.path) ?? { sha256: "", size: 0 };
      const doc = cited ? citedDocument(cited) : undefined;
      documents.push({ file, info, ...(doc ? { cited: doc } : {}), title: doc ? citedTitle(doc) : file.name, criteria: [] });
    }
    return i;
  };
  // The first citation of each document key, for its description.
  const firstCitation = new Map<string, Citation>();
  for (const s of sources)
    for (const c of s.citations) if (!firstCitation.has(evidenceKey(c.number, c.symbol))) firstCitation.set(evidenceKey(c.number, c.symbol), c);

  const criteria: EvidencePlan["criteria"] = [];
  const declaredFiles = new Set<EvidenceFile>();
  // Declared files when there is no folder: counted once with the cited ones (CD754).
  let undeclared = 0;
  const missingKeys = new Set(m.missing.map((x) => x.key));
  for (const s of sources) {
    const id = s.node.node.id;
    const items: { document: number; pages?: string }[] = [];
    const add = (file: EvidenceFile, cited?: Citation, pages?: string) => {
      const d = documentOf(file, cited);
      const known = items.find((x) => x.document === d);
      if (known) {
        if (pages && !known.pages) known.pages = pages;
        return;
      }
      items.push({ document: d, ...(pages ? { pages } : {}) });
      if (!documents[d]!.criteria.includes(id)) documents[d]!.criteria.push(id);
    };
    for (const t of tiesOf.get(id) ?? []) if (t.reason.by === "citation") add(t.file, firstCitation.get(t.reason.key));
    for (const decl of s.node.answer?.evidence ?? []) {
      const file = byName.get(fold(decl.file));
      if (!file) {
        // Without a folder at all, CD754 says it once: nothing breaks when the evidence is absent.
        if (folder.found) diagnostics.push(diag("CD755", decl.source, { file: decl.file, folder: folderPath }));
        else if (!missingKeys.has(fileKey(decl.file) ?? "")) undeclared++;
        continue;
      }
      declaredFiles.add(file);
      add(file, undefined, decl.pages);
      const info = folder.infos?.get(file.path);
      if (decl.pages !== undefined && info) diagnostics.push(...checkPageRef(decl.pages, decl.pagesSource ?? decl.source, file, info));
    }
    if (items.length > 0) criteria.push({ id, label: s.node.node.title, items });
  }

  // What is missing or left over.
  const required = new Set(sources.filter((s) => s.node.node.evidenceRequired).map((s) => s.node.node.id));
  const requiredCitations = new Set<Citation>();
  for (const s of sources) if (required.has(s.node.node.id)) for (const c of s.citations) requiredCitations.add(c);
  if (!folder.found && folder.inUse !== false && m.missing.length + undeclared > 0) {
    const firstCited = m.missing[0]?.citations[0];
    const firstDeclared = sources.flatMap((s) => s.node.answer?.evidence ?? [])[0];
    const at = firstCited ? citePos(firstCited) : firstDeclared!.source;
    diagnostics.push(diag("CD754", at, { folder: folderPath, count: m.missing.length + undeclared }));
  }
  for (const x of m.missing) {
    const requiredAt = x.citations.find((c) => requiredCitations.has(c));
    if (requiredAt) diagnostics.push(diag("CD756", citePos(requiredAt), { ref: x.ref, name: x.name, folder: folderPath }));
    else if (folder.found) diagnostics.push(diag("CD750", citePos(x.citations[0]!), { ref: x.ref, name: x.name, folder: folderPath }));
  }
  for (const u of m.unused) {
    if (declaredFiles.has(u.file)) continue;
    if (u.ref !== undefined) diagnostics.push(diag("CD751", evidenceFilePos(u.file), { file: u.file.name, ref: u.ref }));
    else diagnostics.push(diag("CD752", evidenceFilePos(u.file), { file: u.file.name }));
  }
  for (const d of m.duplicates) {
    diagnostics.push(diag("CD753", evidenceFilePos(d.files[1]!), { ref: d.ref, files: listed(d.files.map((f) => f.name)) }));
  }
  const withEvidence = new Set(criteria.map((c) => c.id));
  for (const n of walkScored(scored.items)) {
    if (n.children || n.skipped || !n.node.evidenceRequired || n.score === 0 || withEvidence.has(n.node.id)) continue;
    if (n.node.kind !== "leaf" || n.node.scoredBy !== "unit" || !n.answer) continue;
    if (answerTexts(n).some((md) => paragraphSpans(md).some((sp) => sp.text.trim() !== ""))) continue;
    diagnostics.push(diag("CD757", n.answer.source, { id: n.node.id, folder: folderPath }));
  }

  // What reading each file found (an LFS pointer, a damaged PDF, a small scan…), every file of the folder.
  for (const f of folder.files) {
    const info = folder.infos?.get(f.path);
    if (info) diagnostics.push(...checkEvidenceFile(f, info));
  }

  // Pack pages: evidence numbered from 1, in plan order, each readable file once.
  let pages = 0;
  for (const d of documents) {
    if (d.info.problem || d.info.pages === undefined) continue;
    d.start = pages + 1;
    pages += d.info.pages;
  }
  return { plan: { folder: folderPath, documents, criteria, pages }, diagnostics };
}
