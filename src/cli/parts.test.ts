import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageSpill, partsFor } from './parts.js';

describe('PageSpill', () => {
  it('gives back each page it kept, in any order, character for character, with its file gone from the start', () => {
    const spill = new PageSpill();
    const page = (i: number) => ({ md: { before: `# Kundin ${i} — „Grüße“ 👋\n`, after: `\u0000\u2028${'x'.repeat(i * 50)}\n` }, html: i % 2 ? null : { before: '<p>', after: '</p>' } });
    const first = spill.keep([page(1), page(2)]);
    const second = spill.keep([page(3), page(0)]);
    expect(second.map((read) => read())).toEqual([page(3), page(0)]);
    expect(first.map((read) => read())).toEqual([page(1), page(2)]);
    expect(first[0]!()).toEqual(page(1));
    // Removed as soon as it was open: a run that is killed leaves nothing behind.
    expect(existsSync((spill as unknown as { dir: string }).dir)).toBe(false);
    spill.close();
  });
});

describe('partsFor', () => {
  it('takes --parts as given, else one part per 100,000 records; at least one, at most one a customer', () => {
    expect(partsFor(10, 5, 4)).toBe(4);
    expect(partsFor(10, 3, 4)).toBe(3);
    expect(partsFor(0, 0)).toBe(1);
    expect(partsFor(100_000, 10_000)).toBe(1);
    expect(partsFor(100_001, 10_000)).toBe(2);
    expect(partsFor(1_000_000, 100_000)).toBe(10);
    expect(partsFor(1_000_000, 4)).toBe(4);
  });
});
