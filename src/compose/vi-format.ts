/**
 * Vietnamese wording of dates, numbers and document numbers, as NĐ 30/2020 writes them (nd30 B).
 * Pure string functions.
 */
import { formatHundredths, type Hundredths, type NumberFormat } from "../model/points.js";

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
 * "ngày 19 tháng 11 năm 2021", "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019": days below 10
 * and the months 1 and 2 get a leading zero, the other months none (nd30 B, ô 4).
 */
export function dateInWords(iso: string): string {
  const d = parseIsoDate(iso);
  const month = d.month <= 2 ? pad2(d.month) : String(d.month);
  return `ngày ${pad2(d.day)} tháng ${month} năm ${d.year}`;
}

/** "Quảng Ngãi, ngày 19 tháng 11 năm 2021" (ô 4). */
export function placeAndDate(place: string, iso: string): string {
  return `${place}, ${dateInWords(iso)}`;
}

/** "19/11/2021", "05/01/2021": both parts zero-padded (the short form for running text). */
export function shortDate(iso: string): string {
  const d = parseIsoDate(iso);
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

/** "1880/BC-VP", "05/BC-VP": numbers below 10 get a leading zero (ô 3). */
export function documentNumber(number: number, symbol: string): string {
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
