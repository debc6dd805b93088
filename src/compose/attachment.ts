/**
 * The head of a document attached to the report (nd30 J), as the score table has it: the agency block
 * and the national name and motto without Số and date, then the title and the "(Kèm theo Báo cáo số …)"
 * line. The score table and the evidence index (danh mục hồ sơ kiểm chứng) both begin with it.
 * Electronic: that line's number and date are left unfilled (title-block.ts reportReference).
 */
import type { Block, DocMeta, MeasureText, Twips } from "../document/model.js";
import type { Assessment } from "../model/assessment.js";
import type { SourcePos } from "../model/source.js";
import { headerBlock } from "./header-block.js";
import { attachmentTitle, reportReference } from "./title-block.js";
import { FONT, LANGUAGE } from "./profile.js";

export function attachmentHead(a: Assessment, title: string, source: SourcePos, measure: MeasureText, width: Twips, electronic = false): Block[] {
  return [headerBlock(a, { measure, textWidth: width, numberAndDate: false }), ...attachmentTitle(a, title, source, measure, width, electronic)];
}

/** The file properties of a document attached to the report (score table, evidence index, pack cover). */
export function attachmentMeta(a: Assessment, title: string, date: string, electronic = false): DocMeta {
  return { title, subject: `Kèm theo ${reportReference(a, electronic)}`, author: a.unit.name, language: LANGUAGE, date, font: FONT };
}
