/**
 * Vietnamese wording of dates, numbers and document numbers, as NĐ 30/2020 writes them (nd30 B).
 * Pure string functions.
 */
import { formatHundredths, type Hundredths, type NumberFormat } from "../model/points.js";
import { isYearOnly } from "../model/report-date.js";

export interface IsoDate {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(iso: string): IsoDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The blank left for a day or a month to be written by hand: eight no-break spaces (2 em, 9,9 mm at
 * 14 pt, room for two handwritten digits where two typed ones take 1 em). No-break, so the words
 * around a blank never part at a line end and no renderer collapses or stretches it (justification
 * shares out only U+0020 spaces); both fonts draw U+00A0 as a space (src/fonts/metrics.ts).
 */
export const HAND_BLANK = "\u00a0".repeat(8);

/**
 * "ngày 19 tháng 11 năm 2021", "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019": days below 10
 * and the months 1 and 2 get a leading zero, the other months none (nd30 B, ô 4). A year-only date
 * "2023" leaves the day and the month blank: "ngày        tháng        năm 2023" (HAND_BLANK each).
 */
export function dateInWords(iso: string): string {
  if (isYearOnly(iso)) return `ngày${HAND_BLANK}tháng${HAND_BLANK}năm ${iso}`;
  const d = parseIsoDate(iso);
  const month = d.month <= 2 ? pad2(d.month) : String(d.month);
  return `ngày ${pad2(d.day)} tháng ${month} năm ${d.year}`;
}

/**
 * An electronic document's date (NĐ 30 Phụ lục I, ô 4): the day and the month are the document
 * system's to fill, the year is kept: "ngày        tháng        năm 2021" (HAND_BLANK each, as a
 * year-only date prints).
 */
export function electronicDateInWords(iso: string): string {
  return `ngày${HAND_BLANK}tháng${HAND_BLANK}năm ${iso.slice(0, 4)}`;
}

/** The date as a document prints it: in words (paper), or with the day and month blank (electronic). */
export function documentDate(iso: string, electronic: boolean): string {
  return electronic ? electronicDateInWords(iso) : dateInWords(iso);
}

/** "Quảng Ngãi, ngày 19 tháng 11 năm 2021" (ô 4); electronic: "Quảng Ngãi, ngày        tháng        năm 2021". */
export function placeAndDate(place: string, iso: string, electronic = false): string {
  return `${place}, ${documentDate(iso, electronic)}`;
}

/**
 * "19/11/2021", "05/01/2021": both parts zero-padded (the short form for running text). A year-only
 * date leaves the day and the month blank, half as wide as in dateInWords: "    /    /2023".
 */
export function shortDate(iso: string): string {
  if (isYearOnly(iso)) {
    const b = HAND_BLANK.slice(0, HAND_BLANK.length / 2);
    return `${b}/${b}/${iso}`;
  }
  const d = parseIsoDate(iso);
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

/**
 * "1880/BC-VP", "05/BC-VP": numbers below 10 get a leading zero (ô 3). An electronic document's number
 * is the document system's to give (NĐ 30 Phụ lục I): the symbol after a blank, "        /BC-VP"
 * (HAND_BLANK: eight no-break spaces, room for four digits at the same size, kept by both writers).
 */
export function documentNumber(number: number, symbol: string, electronic = false): string {
  if (electronic) return `${HAND_BLANK}/${symbol}`;
  return `${number < 10 ? pad2(number) : String(number)}/${symbol}`;
}

/** Upper case as Vietnamese writes it. */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi");
}

/** A score in the score table: always the configured notation ("10,00"). */
export function tableScore(v: Hundredths, fmt: NumberFormat): string {
  return formatHundredths(v, fmt);
}

/**
 * A rubric's maximum as it states it: "90,00 + 10,00" when it puts the bonus beside the base ("90 điểm
 * + 10 điểm thưởng", `bonus_max`), else the one maximum.
 */
export function maximumText(max: Hundredths, bonusMax: Hundredths | undefined, fmt: NumberFormat): string {
  return bonusMax === undefined ? formatHundredths(max, fmt) : `${formatHundredths(max, fmt)} + ${formatHundredths(bonusMax, fmt)}`;
}

/**
 * A score in running text ({{total}}, {{max}}): no decimals when whole ("100"), otherwise only the
 * digits needed ("98,5", "98,93"), with the configured decimal mark. "đạt 100/100 điểm" reads better
 * than "đạt 100,00/100,00 điểm", which is how the seed writes it.
 */
export function textScore(v: Hundredths, fmt: NumberFormat): string {
  return formatHundredths(v, { ...fmt, fixed: false });
}

/** A measured value with its unit: "98,93%", "12 vụ". Percent signs attach, other units are spaced. */
export function measuredValue(v: Hundredths, unit: string, fmt: NumberFormat): string {
  const n = textScore(v, fmt);
  if (!unit) return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}
