/**
 * Exact points. Every score in chamdiem is an integer number of hundredths of a point
 * ("3,00" is 300, "0,5" is 50). Floats never enter arithmetic: values are parsed from
 * their decimal text, and the only division (formulas) rounds once, half away from zero.
 */
export type Hundredths = number & { readonly __brand?: "hundredths" };

/**
 * Parse "3", "3.5", "3,50", "-0,5" or a JS number into hundredths; null if not a decimal with ≤ 2
 * places, or not a string or number at all (a YAML boolean, list or map where a number belongs).
 */
export function parseHundredths(input: unknown): Hundredths | null {
  const text = typeof input === "number" ? numberToPlainString(input) : typeof input === "string" ? input.trim() : "";
  const m = /^([+-]?)(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const sign = m[1] === "-" ? -1 : 1;
  const whole = Number(m[2]);
  const frac = m[3] === undefined ? 0 : Number(m[3].padEnd(2, "0"));
  const v = sign * (whole * 100 + frac);
  return Object.is(v, -0) ? 0 : v;
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return "NaN";
  // Shortest round-trip representation; rejects 1e21 style and >2 decimals in parseHundredths.
  return String(n);
}

/** a × b / c rounded half away from zero, all integers (exact with BigInt). */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c === 0) throw new RangeError("division by zero");
  const num = BigInt(a) * BigInt(b);
  const den = BigInt(c);
  const neg = num < 0n !== den < 0n;
  const an = num < 0n ? -num : num;
  const ad = den < 0n ? -den : den;
  const q = (an * 2n + ad) / (2n * ad); // round half up on magnitudes
  return Number(neg ? -q : q);
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export interface NumberFormat {
  decimal: "," | ".";
  /** Always print two decimals ("10,00"). */
  fixed: boolean;
  /**
   * Group thousands with the other mark from `decimal` ("1.000,00" with a decimal comma, "1,000.00"
   * with a decimal point) when the magnitude is 1 000 or more. Default true: every number a person
   * reads is grouped; only machine-read output (CSV) passes false.
   */
  grouping?: boolean;
}

export const VI_NUMBERS: NumberFormat = { decimal: ",", fixed: true };

/**
 * 300 → "3,00"; 50 → "0,50"; -25 → "-0,25"; 123456 → "1.234,56" (Vietnamese notation groups thousands
 * with a point, as administrative documents write amounts); with a decimal point: "1,234.56".
 * Below 1 000 nothing is grouped ("999,99").
 */
export function formatHundredths(v: Hundredths, fmt: NumberFormat = VI_NUMBERS): string {
  const neg = v < 0;
  const a = Math.abs(v);
  const whole = Math.trunc(a / 100);
  const frac = a % 100;
  let s = String(whole);
  if (fmt.grouping !== false && whole >= 1000) s = s.replace(/\B(?=(\d{3})+$)/g, fmt.decimal === "," ? "." : ",");
  if (fmt.fixed || frac !== 0) {
    const f = String(frac).padStart(2, "0");
    s += fmt.decimal + (fmt.fixed ? f : f.replace(/0$/, ""));
  }
  return (neg ? "-" : "") + s;
}
