/**
 * The text of a new assessment (`chamdiem init`): every leaf criterion of the rubric present, in rubric
 * order, under comments naming its groups; each leaf's options listed as comments; the schema modeline
 * first, for editor completion; `<<…>>` placeholders wherever a person must decide or write (check
 * reports them as errors until filled: src/check/pending.ts). With an earlier assessment
 * (`--from`), its metadata and justifications are carried over, each under a `# XEM LẠI` line that
 * check warns about until a person has reviewed the text and deleted the line; options and values are
 * never carried over (the year must be scored anew), but last year's choice is noted in a comment.
 * Pure: the CLI reads the rubric and the earlier assessment and writes the file.
 */
import { stringify } from "yaml";
import type { Answer, Assessment, Markdown } from "../model/assessment.js";
import { formatHundredths } from "../model/points.js";
import { walkRubric, type NotApplicable, type Rubric, type RubricLeaf } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { REVIEW_MARKER } from "../check/pending.js";
import { fillablePlaceholders } from "../compose/placeholders.js";

export interface ScaffoldOptions {
  rubric: Rubric;
  unit: string;
  year: number;
  /** The modeline's path to the generated assessment schema, relative to the new file. */
  schemaPath: string;
  /** An earlier assessment to carry metadata and justifications over from (scored, for last year's options). */
  from?: { scored?: ScoredAssessment; assessment: Assessment; file: string };
}

/** A YAML scalar on one line: plain when safe, quoted otherwise. */
function scalar(v: string | number): string {
  return stringify(v, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" }).trimEnd();
}

/** A YAML value that may span lines: a literal block at `indent` for multi-line text. */
function text(v: string, indent: number): string {
  const t = v.replace(/\s+$/u, "");
  if (!t.includes("\n")) return " " + scalar(t);
  const pad = " ".repeat(indent);
  return (
    " |\n" +
    t
      .split("\n")
      .map((l) => (l ? pad + l : ""))
      .join("\n")
  );
}

const PH = {
  agency: "<<tên cơ quan ban hành, ví dụ: Văn phòng>>",
  number: "<<số văn bản>>",
  symbol: "<<ký hiệu văn bản, ví dụ: BC-VP>>",
  place: "<<địa danh, ví dụ: Quảng Ngãi>>",
  date: "<<ngày ban hành, dạng năm-tháng-ngày>>",
  summary: "<<trích yếu nội dung>>",
  recipient: "<<nơi nhận>>",
  archive: "<<dòng Lưu, ví dụ: VT, VP>>",
  signerTitle: "<<chức vụ người ký>>",
  signerName: "<<họ và tên người ký>>",
  justification: "<<giải trình: trích dẫn văn bản kiểm chứng, ví dụ Quyết định số …/QĐ-… ngày …>>",
};

/** The body's blank names the {{…}} placeholders this rubric can fill (none it would refuse, CD602). */
function bodyBlank(rubric: Rubric): string {
  const names = fillablePlaceholders(rubric).filter((n) => n !== "number" && n !== "date");
  return `<<nội dung báo cáo; có thể dùng ${names.map((n) => `{{${n}}}`).join(", ")}>>`;
}

export function scaffoldAssessment(o: ScaffoldOptions): string {
  const prev = o.from?.assessment;
  const prevYear = prev ? String(prev.year) : "";
  const marker = (indent: number) => `${" ".repeat(indent)}${REVIEW_MARKER}: chép từ bản năm ${prevYear} (${o.from?.file}); rà soát rồi xóa dòng này`;
  // "năm 2021" → "năm 2022" in the summary and body; dates of cited documents ("30/8/2021") stay.
  const sameYear = (s: string) => (prev ? s.replaceAll(`năm ${prev.year}`, `năm ${o.year}`) : s);
  const lines: string[] = [
    `# yaml-language-server: $schema=${o.schemaPath}`,
    `# Bản tự chấm do “chamdiem init” tạo. Điền mọi chỗ “<<…>>”: “chamdiem check” báo lỗi cho đến khi điền xong.`,
  ];
  if (prev) lines.push(`# Nội dung chép từ bản năm ${prevYear} đứng dưới dòng “${REVIEW_MARKER}”: rà soát từng chỗ rồi xóa dòng đó.`);
  lines.push(`rubric: ${scalar(o.rubric.id)}`, `year: ${o.year}`, "unit:", `  name: ${scalar(o.unit)}`);

  // Carried-over single fields: a marker line above each.
  const field = (indent: number, key: string, carried: string | undefined, placeholder: string) => {
    if (carried !== undefined && carried !== "") lines.push(marker(indent), `${" ".repeat(indent)}${key}:${text(carried, indent + 2)}`);
    else lines.push(`${" ".repeat(indent)}${key}:${text(placeholder, indent + 2)}`);
  };
  const list = (indent: number, key: string, carried: readonly string[] | undefined, placeholder: string | undefined) => {
    if (carried && carried.length) {
      lines.push(marker(indent), `${" ".repeat(indent)}${key}:`, ...carried.map((c) => `${" ".repeat(indent + 2)}- ${scalar(c)}`));
    } else if (placeholder) {
      lines.push(`${" ".repeat(indent)}${key}:`, `${" ".repeat(indent + 2)}- ${scalar(placeholder)}`);
    }
  };

  field(2, "agency", prev?.unit.agency, PH.agency);
  if (prev?.unit.superior) field(2, "superior", prev.unit.superior, "");
  else lines.push(`  # superior: UBND tỉnh …   (cơ quan chủ quản trực tiếp, nếu có)`);

  lines.push("report:", `  number: ${scalar(PH.number)}`);
  field(2, "symbol", prev?.report.symbol, PH.symbol);
  field(2, "place", prev?.report.place, PH.place);
  lines.push(`  date: ${scalar(PH.date)}`);
  field(2, "summary", prev ? sameYear(prev.report.summary) : undefined, PH.summary);
  if (prev?.report.to.length) list(2, "to", prev.report.to, undefined);
  field(2, "body", prev ? sameYear(prev.report.body.text) : undefined, bodyBlank(o.rubric));
  list(2, "recipients", prev?.report.recipients, PH.recipient);
  field(2, "archive", prev?.report.archive, PH.archive);
  lines.push("  signer:");
  if (prev?.report.signer.onBehalfOf) field(4, "on_behalf_of", prev.report.signer.onBehalfOf, "");
  if (prev?.report.signer.prefix) {
    field(4, "prefix", prev.report.signer.prefix, "");
    if (prev.report.signer.authority) field(4, "authority", prev.report.signer.authority, "");
  }
  field(4, "title", prev?.report.signer.title, PH.signerTitle);
  field(4, "name", prev?.report.signer.name, PH.signerName);

  lines.push("answers:");
  const prevNodes = new Map<string, ScoredNode>();
  const collect = (n: ScoredNode) => {
    prevNodes.set(n.node.id, n);
    n.children?.forEach(collect);
  };
  o.from?.scored?.items.forEach(collect);

  for (const [node, depth] of walkRubric(o.rubric.items)) {
    if (node.kind === "group" || node.input === "none") {
      const max = node.kind === "group" ? ` (tối đa ${formatHundredths(node.max)})` : "";
      lines.push(`  # ${"─".repeat(Math.min(depth + 1, 3))} ${node.id} ${oneLine(node.title)}${max}`);
      if (node.notApplicable) lines.push(...notApplicableLines(node.id, node.notApplicable, 2));
      const before = prevNodes.get(node.id);
      if (before?.notApplicable) lines.push(`  # năm ${prevYear}: ${node.id} không áp dụng, ${formatHundredths(before.score)} điểm`);
      continue;
    }
    if (node.scoredBy !== "unit") {
      // The unit does not score it (a survey's or the appraiser's criterion): a note, no answer to fill.
      const by = node.scoredBy === "survey" ? "điều tra xã hội học" : "cơ quan thẩm định";
      lines.push(`  # ${JSON.stringify(node.id)} ${oneLine(node.title)} — tối đa ${formatHundredths(node.max)}; do ${by} chấm, đơn vị không tự chấm`);
      continue;
    }
    lines.push(...leafLines(node, prev?.answers.get(node.id), prevNodes.get(node.id), marker, prevYear));
  }
  return lines.join("\n") + "\n";
}

function oneLine(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

function leafLines(
  leaf: RubricLeaf,
  prevAnswer: Answer | undefined,
  prevNode: ScoredNode | undefined,
  marker: (indent: number) => string,
  prevYear: string,
): string[] {
  const out: string[] = [];
  out.push(`  ${JSON.stringify(leaf.id)}: # ${oneLine(leaf.title)} — tối đa ${formatHundredths(leaf.max)}; ${kindText(leaf)}`);
  for (const opt of leaf.options) out.push(`    # ${opt.id}: ${oneLine(opt.text)}`);
  if (leaf.notApplicable) out.push(...notApplicableLines(leaf.id, leaf.notApplicable, 4));
  if (prevNode && prevNode.options) out.push(`    # năm ${prevYear}: ${lastYear(prevNode)}`);
  const justification = (md: Markdown | undefined, indent: number, key: string) => {
    if (md?.text.trim()) out.push(marker(indent), `${" ".repeat(indent)}${key}:${text(md.text, indent + 2)}`);
    else out.push(`${" ".repeat(indent)}${key}:${text(PH.justification, indent + 2)}`);
  };
  const ids = leaf.options.map((x) => x.id);
  if (leaf.input === "checklist") {
    out.push(`    options: # giữ các phương án đạt được (mỗi phương án kèm giải trình riêng), xóa các dòng còn lại; không đạt phương án nào: options: {}`);
    for (const id of ids) {
      const t = prevAnswer?.ticked?.find((x) => x.id === id);
      if (t?.justification?.text.trim()) out.push(marker(6), `      ${scalar(id)}:${text(t.justification.text, 8)}`);
      else out.push(`      ${scalar(id)}: ${scalar(`<<giải trình phương án ${id}, hoặc xóa dòng này>>`)}`);
    }
    if (prevAnswer?.justification?.text.trim()) justification(prevAnswer.justification, 4, "justification");
    return out;
  }
  const m = leaf.measure;
  const bounds = `từ ${formatHundredths(leaf.min)} đến ${formatHundredths(leaf.max)}`;
  switch (leaf.input) {
    case "measure": {
      const range = m ? ` từ ${formatHundredths(m.min)} đến ${formatHundredths(m.max)}${m.unit ? ` ${m.unit}` : ""}` : "";
      out.push(`    value: ${scalar(`<<${m?.label ?? "giá trị đo"}${range}>>`)}`);
      break;
    }
    case "ratio":
      out.push(
        `    numerator: ${scalar(`<<${leaf.ratio?.numerator ?? "tử số"}>>`)}`,
        `    denominator: ${scalar(`<<${leaf.ratio?.denominator ?? "mẫu số"}>>`)}`,
      );
      break;
    case "count":
      out.push(`    count: ${scalar(`<<${leaf.count?.label ?? "số lần"}: số nguyên, 0 nếu không có>>`)}`);
      break;
    case "score":
      out.push(`    score: ${scalar(`<<điểm ${bounds}${leaf.step !== undefined ? `, bội số của ${formatHundredths(leaf.step)}` : ""}>>`)}`);
      break;
    default:
      out.push(`    option: ${scalar(`<<${ids.join("|")}>>`)}`);
  }
  justification(prevAnswer?.justification, 4, "justification");
  return out;
}

/** How a leaf is scored, for its comment line. */
function kindText(leaf: RubricLeaf): string {
  const m = leaf.measure;
  switch (leaf.input) {
    case "choice":
      return "chọn một phương án";
    case "checklist":
      return "các phương án đạt được cộng điểm";
    case "ratio":
      return leaf.ratio ? `tỷ lệ: ${leaf.ratio.label} = ${leaf.ratio.numerator} / ${leaf.ratio.denominator} × 100` : "tỷ lệ";
    case "count":
      return leaf.count ? `đếm: ${leaf.count.label}, mỗi lần ${formatHundredths(leaf.count.points)} điểm` : "đếm số lần";
    case "score":
      return `nhập trực tiếp điểm${leaf.step !== undefined ? `, bước ${formatHundredths(leaf.step)}` : ""}`;
    default:
      return `đo: ${m?.label ?? "giá trị"}${m?.unit ? ` (${m.unit})` : ""}`;
  }
}

/** Last year's answer of a leaf, for a comment: its option(s), its counts or value, its score. */
function lastYear(n: ScoredNode): string {
  const a = n.answer;
  const score = `${formatHundredths(n.score)} điểm`;
  if (n.notApplicable) return `không áp dụng, ${score}`;
  const input = n.node.kind === "leaf" ? n.node.input : undefined;
  if (!a) return `chưa chấm, ${score}`;
  if (input === "ratio" && a.numerator !== undefined && a.denominator !== undefined) {
    const count = (v: number) => formatHundredths(v, { decimal: ",", fixed: false });
    return `${count(a.numerator)}/${count(a.denominator)}, ${score}`;
  }
  if (input === "count" && a.count !== undefined) return `${a.count} lần, ${score}`;
  if (input === "score") return score;
  const chosen = (n.options ?? []).filter((x) => x.chosen).map((x) => x.option.id);
  const value = a.value !== undefined ? `, giá trị ${formatHundredths(a.value)}` : "";
  return `${chosen.length ? `phương án ${chosen.join(", ")}` : "chưa chấm"}${value}, ${score}`;
}

/** The comment lines saying how to answer a node "not applicable" under its rubric rule. */
function notApplicableLines(id: string, na: NotApplicable, indent: number): string[] {
  const pad = " ".repeat(indent);
  const how =
    indent === 2
      ? `ghi ${JSON.stringify(id)}: với “not_applicable: true” và “justification: …”, rồi xóa các tiêu chí con`
      : "thay các dòng chấm điểm bằng “not_applicable: true”, giữ giải trình";
  return [`${pad}# không áp dụng (${oneLine(na.text)}, ${formatHundredths(na.score)} điểm): ${how}`];
}

/** "Văn phòng UBND tỉnh" → "van-phong-ubnd-tinh" (file names). */
export function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/đ/gu, "d")
    .replace(/Đ/gu, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
