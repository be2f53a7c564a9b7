import { describe, expect, it } from 'vitest';
import { exactSum } from './sum.js';

/** A seeded stream of numbers, so a failure can be run again. */
function numbers(seed: number, n: number): number[] {
  let state = seed;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => (next() - 0.5) * 10 ** Math.floor(next() * 8 - 4));
}

const shuffled = (values: readonly number[], seed: number): number[] => {
  const out = [...values];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('exactSum', () => {
  it('is the exact sum rounded once, where adding one by one is not', () => {
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([])).toBe(0);
    expect(exactSum([1, 2, 3.5])).toBe(6.5);
  });

  it('does not depend on the order of the numbers', () => {
    const values = numbers(7, 2000);
    const sums = new Set([0, 1, 2, 3, 4, 5].map((seed) => exactSum(shuffled(values, seed))));
    expect(sums.size).toBe(1);
    // Adding one by one does, on the same numbers: the point of summing exactly.
    const plain = new Set([0, 1, 2, 3, 4, 5].map((seed) => shuffled(values, seed).reduce((a, b) => a + b, 0)));
    expect(plain.size).toBeGreaterThan(1);
  });

  it('adds infinities and NaN as plain addition does', () => {
    expect(exactSum([1, Infinity])).toBe(Infinity);
    expect(exactSum([Infinity, -Infinity])).toBeNaN();
    // A partial sum that overflows has no exact value to keep: added as plain addition would, never NaN.
    expect(exactSum([1.7e308, 1.7e308, -1.7e308])).toBe(1.7e308 + 1.7e308 - 1.7e308);
    expect(exactSum([1.7e308, 1.7e308, -1.7e308])).not.toBeNaN();
  });
});
