/**
 * The sum of many numbers as the exact sum rounded once to the nearest double, whatever their order. Adding doubles
 * one by one rounds at every step, so the result depends on the order: a run's means would then depend on the order
 * its records are met in, and a run added up part by part (docs/design/out-of-core-runs.md) could differ in the last
 * digit from one added up whole. Kept exact as a list of non-overlapping partial sums (Shewchuk's method, as in
 * Python's math.fsum), rounded once at the end.
 */
export function exactSum(values: readonly number[]): number {
  const partials: number[] = [];
  for (let value of values) {
    if (!Number.isFinite(value)) return values.reduce((a, b) => a + b, 0); // NaN and ±Infinity as plain addition has them
    let kept = 0;
    for (const partial of partials) {
      const [big, small] = Math.abs(value) >= Math.abs(partial) ? [value, partial] : [partial, value];
      const high = big + small;
      // Finite numbers whose partial sum overflows: no exact sum to keep; add them as plain addition does (thick's
      // ratings and tones never come near 1e308).
      if (!Number.isFinite(high)) return values.reduce((a, b) => a + b, 0);
      const low = small - (high - big);
      if (low !== 0) partials[kept++] = low;
      value = high;
    }
    partials.length = kept;
    partials.push(value);
  }
  return roundedOnce(partials);
}

/** The partials' exact sum rounded to the nearest double (ties to even), from the largest partial down. */
function roundedOnce(partials: number[]): number {
  let n = partials.length;
  if (n === 0) return 0;
  let high = partials[--n]!;
  let low = 0;
  while (n > 0) {
    const before = high;
    const next = partials[--n]!;
    high = before + next;
    low = next - (high - before);
    if (low !== 0) break;
  }
  // Half-way between two doubles, and the partials below push past it: round away instead.
  if (n > 0 && ((low < 0 && partials[n - 1]! < 0) || (low > 0 && partials[n - 1]! > 0))) {
    const twice = low * 2;
    const moved = high + twice;
    if (twice === moved - high) high = moved;
  }
  return high;
}
