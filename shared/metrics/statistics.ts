/**
 * The summary statistics the dashboard shows, defined once so every figure uses the same rule.
 * Nothing is rounded here: rounding is for display, and a rounded mean of rounded parts drifts.
 */

export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = sortedCopy(values);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/**
 * Nearest-rank percentile: the smallest value with at least `percent`% of the values at or below it,
 * i.e. the ⌈percent/100 × n⌉-th value in ascending order. It is always one of the measured times, so
 * an owner can find the conversation behind it.
 */
export function nearestRankPercentile(values: readonly number[], percent: number): number | null {
  if (values.length === 0) return null;
  const sorted = sortedCopy(values);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}
