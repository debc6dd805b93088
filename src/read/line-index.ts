/** From character offsets to lines and columns, for every reader that reports positions. */

/** Line and column (1-based) of an offset. */
export type LinePos = (offset: number) => { line: number; col: number };

/** Offsets where each line starts (the first is 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The line and column of offsets in `text` (a bound function, not a closure: docs/performance.md).
 */
export function lineIndex(text: string, starts: readonly number[] = lineStarts(text)): LinePos {
  return lineAt.bind(null, starts);
}

/** Line and column (1-based) of `offset`, given the line starts. */
export function lineAt(starts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}
