/**
 * A short word-level summary of how a text changed, for justifications and opinions: the changed runs
 * of words with a few words of context on each side, at most a few hunks. Words are runs of
 * non-space characters (punctuation stays attached, as a reader sees "21/11/2020;"), compared after
 * collapsing whitespace, so re-wrapping a block scalar is not a change.
 */

export interface WordSegment {
  kind: "same" | "removed" | "added";
  text: string;
}

/** One changed place: context, removed and added words (changes closer than 2×CONTEXT words merge). */
export interface WordHunk {
  segments: WordSegment[];
  /** Whether the context was cut on either side (an ellipsis belongs there). */
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface WordDiff {
  hunks: WordHunk[];
  /** Hunks not shown. */
  more: number;
}

const CONTEXT = 3;
const MAX_HUNKS = 3;
/** Above this many words on both sides the LCS table would be large: compare whole texts. */
const MAX_CELLS = 4_000_000;

export function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return words(a ?? "").join(" ") === words(b ?? "").join(" ");
}

export function wordDiff(oldText: string, newText: string, maxHunks = MAX_HUNKS): WordDiff {
  const ops = diffOps(words(oldText), words(newText));
  // Runs of equal words split the text; a run short enough stays inside one hunk as context.
  const changed = ops.map((o, i) => (o.op !== "=" ? i : -1)).filter((i) => i >= 0);
  const hunks: WordHunk[] = [];
  let k = 0;
  while (k < changed.length) {
    let last = changed[k]!;
    let j = k + 1;
    while (j < changed.length && changed[j]! - last - 1 <= 2 * CONTEXT) last = changed[j++]!;
    const first = changed[k]!;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length, last + 1 + CONTEXT);
    // Context must be equal words only.
    let a = first;
    while (a > from && ops[a - 1]!.op === "=") a--;
    let b = last + 1;
    while (b < to && ops[b]!.op === "=") b++;
    const segments: WordSegment[] = [];
    for (const o of ops.slice(a, b)) {
      const kind = o.op === "=" ? "same" : o.op === "-" ? "removed" : "added";
      const prev = segments[segments.length - 1];
      if (prev && prev.kind === kind) prev.text += " " + o.word;
      else segments.push({ kind, text: o.word });
    }
    hunks.push({ segments: orderWithinChange(segments), cutBefore: a > 0, cutAfter: b < ops.length });
    k = j;
  }
  return { hunks: hunks.slice(0, maxHunks), more: Math.max(0, hunks.length - maxHunks) };
}

/** Within a changed run, removals read best before additions ("[-old-] {+new+}"). */
function orderWithinChange(segs: WordSegment[]): WordSegment[] {
  const out: WordSegment[] = [];
  let i = 0;
  while (i < segs.length) {
    if (segs[i]!.kind === "same") {
      out.push(segs[i++]!);
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (i < segs.length && segs[i]!.kind !== "same") (segs[i]!.kind === "removed" ? removed : added).push(segs[i++]!.text);
    if (removed.length) out.push({ kind: "removed", text: removed.join(" ") });
    if (added.length) out.push({ kind: "added", text: added.join(" ") });
  }
  return out;
}

interface Op {
  op: "=" | "-" | "+";
  word: string;
}

function diffOps(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const head: Op[] = a.slice(0, pre).map((word) => ({ op: "=", word }));
  const tail: Op[] = a.slice(a.length - suf).map((word) => ({ op: "=", word }));
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  if (x.length * y.length > MAX_CELLS) {
    return [...head, ...x.map((word): Op => ({ op: "-", word })), ...y.map((word): Op => ({ op: "+", word })), ...tail];
  }
  // Longest common subsequence, table of suffix lengths.
  const n = x.length;
  const m = y.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = x[i] === y[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const mid: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      mid.push({ op: "=", word: x[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) {
      mid.push({ op: "-", word: x[i++]! });
    } else {
      mid.push({ op: "+", word: y[j++]! });
    }
  }
  while (i < n) mid.push({ op: "-", word: x[i++]! });
  while (j < m) mid.push({ op: "+", word: y[j++]! });
  // Within a changed run, removals first then additions reads best ("[-old-]{+new+}").
  return [...head, ...mid, ...tail];
}
