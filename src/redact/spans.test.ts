import { describe, expect, it } from 'vitest';
import { applySpans, mergeSpans } from './spans.js';

describe('spans', () => {
  it('merges overlapping finds into one, labelled by the most telling kind', () => {
    expect(mergeSpans([{ start: 5, end: 12, kind: 'name' }, { start: 0, end: 8, kind: 'email' }, { start: 20, end: 22, kind: 'phone' }])).toEqual([
      { start: 0, end: 12, kind: 'email' },
      { start: 20, end: 22, kind: 'phone' },
    ]);
  });

  it('replaces each stretch by its replacement or its kind’s placeholder', () => {
    const text = 'Anna: anna@example.org';
    expect(applySpans(text, [{ start: 0, end: 4, kind: 'name', replacement: 'Person 7QMX' }, { start: 6, end: 22, kind: 'email' }], (kind) => `[${kind}]`)).toBe('Person 7QMX: [email]');
  });
});
