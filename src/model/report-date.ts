/**
 * The report's date (`report.date`): a full date "2021-11-19", or the year alone (`date: 2023`) when the
 * day and the month are left blank to be written by hand when the report is signed and registered
 * ("…, ngày    tháng    năm 2023": a report is printed for signing before the văn thư gives it its date,
 * which is then written in by hand). Every use of the date goes through these functions, so a
 * year-only date is understood everywhere: as the whole year, bounded by its first and last day.
 */
export interface ReportDate {
  year: number;
  /** Both absent for a year-only date. */
  month?: number;
  day?: number;
}

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

/** A date of the form yyyy-mm-dd or yyyy (not checked against the calendar), or null. */
export function parseReportDate(text: string): ReportDate | null {
  const f = FULL.exec(text);
  if (f) return { year: Number(f[1]), month: Number(f[2]), day: Number(f[3]) };
  const y = YEAR.exec(text);
  return y ? { year: Number(y[1]) } : null;
}

/** The date is a year alone: day and month to be filled in by hand. */
export function isYearOnly(text: string): boolean {
  return YEAR.test(text);
}

/**
 * The earliest and the latest day (yyyy-mm-dd) the date may stand for: the date itself for a full
 * date, 1 January and 31 December for a year alone; null when it is neither. A check that a later
 * event is not before the report compares with `first`; that an earlier one is not after it, with `last`.
 */
export function reportDateBounds(text: string): { first: string; last: string } | null {
  if (FULL.test(text)) return { first: text, last: text };
  if (YEAR.test(text)) return { first: `${text}-01-01`, last: `${text}-12-31` };
  return null;
}
