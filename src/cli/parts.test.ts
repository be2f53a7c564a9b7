import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageSpill, partsFor } from './parts.js';

describe('PageSpill', () => {
  it('gives back each page it kept, in any order, character for character, and leaves nothing once closed', () => {
    const spill = new PageSpill();
    const page = (i: number) => ({ md: { before: `# Kundin ${i} — „Grüße“ 👋\n`, after: `\u0000\u2028${'x'.repeat(i * 50)}\n` }, html: i % 2 ? null : { before: '<p>', after: '</p>' } });
    const first = spill.keep([page(1), page(2)]);
    const second = spill.keep([page(3), page(0)]);
    expect(second.map((read) => read())).toEqual([page(3), page(0)]);
    expect(first.map((read) => read())).toEqual([page(1), page(2)]);
    expect(first[0]!()).toEqual(page(1));
    const dir = (spill as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    spill.close();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('partsFor', () => {
  it('takes --parts as given, else one part per 100,000 records, at least one', () => {
    expect(partsFor(10, 4)).toBe(4);
    expect(partsFor(0)).toBe(1);
    expect(partsFor(100_000)).toBe(1);
    expect(partsFor(100_001)).toBe(2);
    expect(partsFor(1_000_000)).toBe(10);
  });
});
