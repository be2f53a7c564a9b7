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
