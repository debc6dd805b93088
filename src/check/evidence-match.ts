/**
 * Evidence files tied to the documents the justifications cite (docs/evidence.md): a file named
 * "159_QĐ-UBND.pdf" (an optional suffix after a space or "--") is the evidence of "Quyết định số
 * 159/QĐ-UBND ngày 28/01/2020", for every criterion whose justification cites it. Pure: the folder's
 * files are an input (the CLI lists them), nothing here reads a file.
 */
import { evidenceExtension, type EvidenceFile, type EvidenceTie } from "../model/evidence.js";
import { walkScored, type ScoredAssessment, type ScoredNode } from "../model/scored.js";
import { answerTexts } from "./assessment.js";
import { findCitations, type Citation } from "./citations.js";
import { paragraphSpans } from "./text-spans.js";

/** Names compared as a reader sees them: NFC (macOS lists NFD names), case-folded. */
function fold(s: string): string {
  return s.normalize("NFC").toLowerCase().normalize("NFC");
}

/**
 * The document's name as a file name: its reference with "/" written "_" ("159/QĐ-UBND" →
 * "159_QĐ-UBND", the Party form "61-TB/ĐTN" → "61-TB_ĐTN"), NFC, case kept.
 */
export function evidenceName(number: number, symbol: string): string {
  // A symbol holding "/" is the Party form (type code first): the number is joined with "-".
  const ref = symbol.includes("/") ? `${number}-${symbol}` : `${number}/${symbol}`;
  return ref.replace("/", "_").normalize("NFC");
}

/** The key a cited document is matched by: evidenceName, case-folded ("159_qđ-ubnd"). */
export function evidenceKey(number: number, symbol: string): string {
  return fold(evidenceName(number, symbol));
}

/**
 * A file name's document part: the name without its evidence extension, cut at the first space or
 * "--" (a free suffix: "159_QĐ-UBND -- ke hoach.pdf"); it must read as a number and a symbol with
 * one "_" where the reference has its "/". At most five digits, leading zeros included, as a citation's.
 */
const FILE_HEAD = /^(\d{1,5})(-\p{L}{1,4})?_(\p{L}[\p{L}\p{N}&-]*)$/u;

function fileHead(fileName: string): { key: string; ref: string } | undefined {
  const ext = evidenceExtension(fileName);
  if (ext === undefined) return undefined;
  const name = fileName.normalize("NFC");
  const stem = name.slice(0, name.length - ext.length - 1);
  const space = stem.indexOf(" ");
  const dashes = stem.indexOf("--");
  const cut = Math.min(space < 0 ? stem.length : space, dashes < 0 ? stem.length : dashes);
  const m = FILE_HEAD.exec(stem.slice(0, cut));
  if (!m) return undefined;
  // A Party type code ("-TB") stands before the "_"; else the symbol ("QĐ-UBND") is all after it.
  const symbol = m[2] ? `${m[2].slice(1)}/${m[3]}` : m[3]!;
  const ref = m[2] ? `${m[1]}-${symbol}` : `${m[1]}/${symbol}`;
  return { key: evidenceKey(Number(m[1]), symbol), ref };
}

/** The key of an evidence file named after a document, or undefined for any other name. */
export function fileKey(fileName: string): string | undefined {
  return fileHead(fileName)?.key;
}

/** The citations of one criterion: its justification's, then its options' (answerTexts). */
export interface CriterionCitations {
  criterion: string;
  citations: Citation[];
}

/**
 * The citations of one node's answer, paragraph by paragraph (empty paragraphs left out): the texts
 * src/check/assessment.ts reads (answerTexts), so evidence is looked for wherever a citation is checked.
 */
export function answerCitations(n: ScoredNode): Citation[][] {
  const out: Citation[][] = [];
  for (const md of answerTexts(n)) {
    for (const span of paragraphSpans(md)) {
      const found = findCitations(span);
      if (found.length > 0) out.push(found);
    }
  }
  return out;
}

/**
 * The citations of each answered criterion, in rubric order. The report's body is not a criterion's:
 * the documents it cites (the plan the report answers) need no evidence file.
 */
export function citationsByCriterion(scored: ScoredAssessment): CriterionCitations[] {
  const out: CriterionCitations[] = [];
  for (const n of walkScored(scored.items)) {
    const citations = answerCitations(n).flat();
    if (citations.length > 0) out.push({ criterion: n.node.id, citations });
  }
  return out;
}

export interface EvidenceMatch {
  /** Each criterion given, in the order given, with its files (each once, in first-citation order). */
  byCriterion: { criterion: string; ties: EvidenceTie[] }[];
  /** Cited documents with no file, in first-citation order, with every citation of each. */
  missing: { key: string; ref: string; name: string; citations: Citation[] }[];
  /** Files nobody cites, in the order given (`key` when the name reads as a document). */
  unused: { file: EvidenceFile; key?: string; ref?: string }[];
  /** Document keys with two files or more (each file is tied: CD753 asks to keep one). */
  duplicates: { key: string; ref: string; files: EvidenceFile[] }[];
}

export function matchEvidence(cited: readonly CriterionCitations[], files: readonly EvidenceFile[]): EvidenceMatch {
  const byKey = new Map<string, { ref: string; files: EvidenceFile[] }>();
  const heads = new Map<EvidenceFile, { key: string; ref: string } | undefined>();
  for (const f of files) {
    const head = fileHead(f.name);
    heads.set(f, head);
    if (!head) continue;
    const entry = byKey.get(head.key);
    if (entry) entry.files.push(f);
    else byKey.set(head.key, { ref: head.ref, files: [f] });
  }
  const citedKeys = new Set<string>();
  const missing = new Map<string, EvidenceMatch["missing"][number]>();
  const byCriterion: EvidenceMatch["byCriterion"] = [];
  for (const { criterion, citations } of cited) {
    const ties: EvidenceTie[] = [];
    const tied = new Set<string>();
    for (const c of citations) {
      const key = evidenceKey(c.number, c.symbol);
      citedKeys.add(key);
      const entry = byKey.get(key);
      if (!entry) {
        const m = missing.get(key);
        if (m) m.citations.push(c);
        else missing.set(key, { key, ref: c.ref, name: evidenceName(c.number, c.symbol), citations: [c] });
        continue;
      }
      if (tied.has(key)) continue;
      tied.add(key);
      for (const file of entry.files) ties.push({ criterion, file, reason: { by: "citation", key, ref: c.ref } });
    }
    byCriterion.push({ criterion, ties });
  }
  const unused: EvidenceMatch["unused"] = [];
  for (const f of files) {
    const head = heads.get(f);
    if (!head) unused.push({ file: f });
    else if (!citedKeys.has(head.key)) unused.push({ file: f, key: head.key, ref: head.ref });
  }
  const duplicates = [...byKey].filter(([, e]) => e.files.length > 1).map(([key, e]) => ({ key, ref: e.ref, files: e.files }));
  return { byCriterion, missing: [...missing.values()], unused, duplicates };
}
