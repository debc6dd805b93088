/**
 * The closing block as a borderless two-column table: "Nơi nhận:" on the left (ô 9b), the signer on
 * the right (ô 7a–7c), their first lines level. The right column has the header's right-column width,
 * so the signature sits centred under the date line as in the decree's samples.
 *
 * Nơi nhận: heading bold italic 12 pt; items 11 pt, each "- …;", the last "- Lưu: VT, ….", with the
 * author's own trailing punctuation stripped first so the result never reads ".." or ";.".
 * Signer: "TM. ỦY BAN NHÂN DÂN" when signing for a collective (onBehalfOf), "KT. CHÁNH VĂN PHÒNG"
 * (prefix + authority) when signing on someone's behalf, then the own position, each on its own line,
 * all upper case bold; room for the signature and seal; the name bold.
 */
import type { Block, RunStyle, Table, Twips } from "../document/model.js";
import type { ReportMeta } from "../model/assessment.js";
import { cell, line, row, table } from "./blocks.js";
import { stripListPunctuation } from "./addressees.js";
import { GAP, NO_PADDING, SIZE } from "./profile.js";
import { upper } from "./vi-format.js";

const HEADING: RunStyle = { size: SIZE.recipientsHeading, bold: true, italic: true };
const ITEM: RunStyle = { size: SIZE.recipients };
const SIGNER: RunStyle = { size: SIZE.signer, bold: true };

export const RECIPIENTS_HEADING = "Nơi nhận:";
export const AS_ABOVE = "Như trên";

/** The printed recipient lines, punctuated as the decree wants. */
export function recipientLines(recipients: readonly string[], archive: string): string[] {
  const items = recipients.map(stripListPunctuation).filter((t) => t.length > 0);
  const archiveText = stripListPunctuation(archive.replace(/^\s*Lưu\s*:\s*/i, ""));
  return [...items.map((t) => `- ${t};`), `- Lưu: ${archiveText}.`];
}

/**
 * The signer's lines above the name: ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"] or ["CHÁNH VĂN PHÒNG"];
 * two levels with `onBehalfOf`: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] (nd30 E).
 */
export function signerLines(signer: ReportMeta["signer"]): string[] {
  const out: string[] = [];
  if (signer.onBehalfOf?.trim()) out.push(upper(`TM. ${signer.onBehalfOf.trim()}`));
  if (signer.prefix) out.push(upper(`${signer.prefix} ${signer.authority ?? ""}`.trim()));
  if (signer.title.trim()) out.push(upper(signer.title.trim()));
  return out;
}

/**
 * `electronic`: the last position line is marked as the "signer-title" slot and the name as the
 * "signer-name" slot (the signature image goes between them, the seal over its left third).
 */
export function signatureBlock(report: ReportMeta, recipients: readonly string[], columns: [Twips, Twips], electronic = false): Table {
  const source = report.source;
  const flat = { spaceBefore: 0, spaceAfter: 0, lineSpacing: 1 };
  const left: Block[] = [
    line(RECIPIENTS_HEADING, HEADING, { ...flat, align: "left", spaceBefore: GAP.signature }, { source }),
    ...recipientLines(recipients, report.archive).map((t) => line(t, ITEM, { ...flat, align: "left" }, { source })),
  ];
  const titles = signerLines(report.signer);
  const right: Block[] = titles.map((t, i) =>
    line(
      t,
      SIGNER,
      { ...flat, align: "center", spaceBefore: i === 0 ? GAP.signature : 0 },
      electronic && i === titles.length - 1 ? { source, slot: "signer-title" } : { source },
    ),
  );
  right.push(
    line(
      report.signer.name.trim(),
      SIGNER,
      { ...flat, align: "center", spaceBefore: GAP.signatureRoom },
      electronic ? { source, slot: "signer-name" } : { source },
    ),
  );
  return table(columns, [row([cell(left), cell(right)], true)], { borders: null, headerRows: 0, padding: { ...NO_PADDING }, source });
}
