/**
 * Which scores a criterion's rules can produce, so an appraiser's directly written `score` can be
 * checked ("score outside the rules"): the options' points for a choice, every clamped subset sum for a
 * checklist, and for a measure the fixed points plus, for each formula option, the interval the
 * formula maps its range onto. Exact, in hundredths.
 */
import { clamp, formatHundredths, mulDivRound, type Hundredths } from "../model/points.js";
import type { RubricLeaf } from "../model/rubric.js";

export interface Reachable {
  points: Set<Hundredths>;
  /** Closed intervals reachable through formulas. */
  intervals: [Hundredths, Hundredths][];
  /** True when the set was too large to enumerate: only [min, max] is checked. */
  unbounded: boolean;
}

const MAX_CHECKLIST_OPTIONS = 12;
/** Direct scores in steps and counts are listed one by one up to this many. */
const MAX_ENUMERATED = 1000;

export function reachableScores(leaf: RubricLeaf): Reachable {
  const r: Reachable = { points: new Set(), intervals: [], unbounded: false };
  const fit = (v: Hundredths) => clamp(v, leaf.min, leaf.max);
  if (leaf.notApplicable) r.points.add(leaf.notApplicable.score);
  if (leaf.input === "none") {
    r.points.add(0);
    return r;
  }
  if (leaf.input === "score") {
    // Every score in [min, max], in steps when the rubric has one (enumerated while small).
    const step = leaf.step !== undefined && leaf.step > 0 ? leaf.step : undefined;
    if (step !== undefined && (leaf.max - leaf.min) / step <= MAX_ENUMERATED) {
      for (let v = Math.ceil(leaf.min / step) * step; v <= leaf.max; v += step) r.points.add(v);
    } else r.intervals.push([leaf.min, leaf.max]);
    return r;
  }
  if (leaf.input === "count") {
    // 0, 1, 2 … occurrences until the cap (or floor) is reached.
    const each = leaf.count?.points ?? 0;
    for (let k = 0; k <= MAX_ENUMERATED; k++) {
      const v = fit(k * each);
      r.points.add(v);
      if (each === 0 || v === leaf.max || v === leaf.min) break;
    }
    return r;
  }
  if (leaf.input === "checklist") {
    if (leaf.options.length > MAX_CHECKLIST_OPTIONS) {
      r.unbounded = true;
      return r;
    }
    const pts = leaf.options.map((o) => o.points ?? 0);
    for (let mask = 0; mask < 1 << pts.length; mask++) {
      let s = 0;
      for (let i = 0; i < pts.length; i++) if (mask & (1 << i)) s += pts[i]!;
      r.points.add(fit(s));
    }
    return r;
  }
  for (const o of leaf.options) {
    if (o.points !== undefined) r.points.add(fit(o.points));
    if (o.proportional && (leaf.input === "measure" || leaf.input === "ratio")) {
      const m = leaf.measure;
      const range = o.range;
      // The smallest/largest values the option applies to (exclusive bounds step by one hundredth).
      let lo = range?.min !== undefined ? range.min + (range.minInclusive ? 0 : 1) : (m?.min ?? 0);
      let hi = range?.max !== undefined ? range.max - (range.maxInclusive ? 0 : 1) : (m?.max ?? lo);
      if (m) {
        lo = Math.max(lo, m.min);
        hi = Math.min(hi, m.max);
      }
      if (lo > hi) continue;
      const a = fit(mulDivRound(lo, o.proportional.points, o.proportional.per));
      const b = fit(mulDivRound(hi, o.proportional.points, o.proportional.per));
      r.intervals.push([Math.min(a, b), Math.max(a, b)]);
    }
  }
  return r;
}

export function isReachable(r: Reachable, v: Hundredths): boolean {
  if (r.unbounded) return true;
  return r.points.has(v) || r.intervals.some(([a, b]) => v >= a && v <= b);
}

/** "0,00; 1,00; 3,00" or "0,00; 1,60–2,00" for messages. */
export function describeReachable(r: Reachable): string {
  const parts = [...r.points].sort((a, b) => a - b).map((v) => formatHundredths(v));
  for (const [a, b] of r.intervals) parts.push(a === b ? formatHundredths(a) : `${formatHundredths(a)}–${formatHundredths(b)}`);
  return parts.join("; ");
}
