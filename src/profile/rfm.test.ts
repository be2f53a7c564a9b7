import { describe, expect, it } from 'vitest';
import { quintileScores, rfmScores } from './rfm.js';

describe('quintileScores', () => {
  it('spreads five distinct values over 1..5', () => {
    expect(quintileScores([10, 20, 30, 40, 50], true)).toEqual([1, 2, 3, 4, 5]);
  });
  it('turns around for recency: fewer days is better', () => {
    expect(quintileScores([1, 100], false)).toEqual([5, 3]);
  });
  it('gives ties the same score', () => {
    const scores = quintileScores([3, 3, 3, 3], true);
    expect(new Set(scores).size).toBe(1);
  });
  it('scores ties by their mid-rank: 1, 2, 2, 2, 5 spread as 1, 3, 3, 3, 5', () => {
    // The three 2s hold ranks 2..4, mid-rank 3 of 5: the middle fifth.
    expect(quintileScores([2, 1, 5, 2, 2], true)).toEqual([3, 1, 5, 3, 3]);
    expect(quintileScores([2, 1, 5, 2, 2], false)).toEqual([3, 5, 1, 3, 3]);
  });
  it('puts a fifth of a hundred thousand evenly spread values in each quintile', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 1000);
    const scores = quintileScores(values, true);
    expect(scores.filter((s) => s === 1).length).toBe(20_000);
    expect(scores.filter((s) => s === 5).length).toBe(20_000);
  });
});

describe('rfmScores', () => {
  it('scores only customers who ordered', () => {
    const scores = rfmScores([
      { key: 'a', recencyDays: 5, frequency: 4, monetary: 400 },
      { key: 'b', recencyDays: 200, frequency: 1, monetary: 20 },
      { key: 'c', recencyDays: null, frequency: 0, monetary: 0 },
    ]);
    expect(scores.get('a')).toEqual({ recency: 5, frequency: 5, monetary: 5 });
    expect(scores.get('b')).toEqual({ recency: 3, frequency: 3, monetary: 3 });
    expect(scores.has('c')).toBe(false);
  });
});
