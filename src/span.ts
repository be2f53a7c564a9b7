/**
 * Smallest and largest of many numbers. Math.min(...values) throws a RangeError past ~100k arguments, and a run over
 * a large export has many more event times, keys or ratings than that: every stage takes its extremes from here.
 */
export function span(values: Iterable<number>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min === Infinity ? null : { min, max };
}
