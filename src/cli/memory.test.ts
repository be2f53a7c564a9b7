import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlag, heapToRead, memoryWarning, neededHeap, readingWarning, runSize } from './memory.js';

const GB = 1e9;
const events = (texts: (string | null)[], who: object = {}) => texts.map((text) => ({ text, who }) as never);

describe('runSize', () => {
  it('counts records of every file, the characters of their texts, and the customers they make', () => {
    const size = runSize([
      { events: [...events(['hallo', null], { crmId: 'ann' }), ...events(['moin'], { crmId: 'bo' })], contacts: [{ keys: { crmId: 'cy' }, handles: [] } as never] },
      { events: events(['great coffee'], { crmId: 'ann' }), contacts: [] },
    ]);
    expect(size).toEqual({ records: 5, textCharacters: 21, customers: 3 });
  });
});

// Generated exports (npm run gen): ~81 characters of text a record, ten records a customer.
const gen = (records: number) => ({ records, textCharacters: records * 81.4, customers: records / 10 });

describe('neededHeap', () => {
  it('estimates a run in one part as the whole run annotated at once (gen 100k: 199 MB measured)', () => {
    const needed = neededHeap(gen(100_000), 1);
    expect(needed).toBeGreaterThan(0.199 * GB);
    expect(needed).toBeLessThan(0.25 * GB);
  });

  it('estimates a run in parts by its records as read or its last part, whichever is larger (gen 1M: 0.86 GB)', () => {
    const needed = neededHeap(gen(1_000_000), 10);
    expect(needed).toBeGreaterThan(0.86 * GB);
    expect(needed).toBeLessThan(1.1 * GB);
    // In one part the same run is annotated whole (peak RSS 2.40 GB against 1.7 in ten parts, bench/results.md).
    expect(neededHeap(gen(1_000_000), 1)).toBeGreaterThan(1.5 * needed);
  });

  it('estimates a shard by the share it annotates, beside every record it reads (gen 1M, --shard 1/4)', () => {
    const shard = neededHeap(gen(1_000_000), 1, 1 / 4);
    expect(shard).toBeLessThan(0.7 * neededHeap(gen(1_000_000), 1));
    expect(shard).toBeGreaterThanOrEqual(neededHeap(gen(1_000_000), 1_000));
  });

  it('counts what the parts keep per customer: reviews, one customer each, keep more than a generated export', () => {
    const reviews = { records: 1_000_000, textCharacters: 428_000_000, customers: 1_000_000 };
    expect(neededHeap(reviews, 10)).toBeGreaterThan(neededHeap({ ...reviews, customers: 100_000 }, 10) + 3 * GB);
  });
});

describe('memoryWarning', () => {
  const room = { heapLimit: 4.3 * GB, machine: 24 * GB };

  it('says nothing for a run that fits (a million generated events in ten parts)', () => {
    expect(memoryWarning(gen(1_000_000), 10, room)).toBeNull();
  });

  it('warns before a run past the heap limit and names a limit that fits the estimate', () => {
    const size = gen(10_000_000);
    const warning = memoryWarning(size, 100, room)!;
    expect(warning).toContain('10,000,000 records');
    expect(warning).toContain('JavaScript heap out of memory');
    const limit = Number(/max-old-space-size=(\d+)/.exec(warning)![1]);
    expect(limit * 2 ** 20).toBeGreaterThan(neededHeap(size, 100));
    // 10M generated events fit this machine with a higher limit (they ran in 20 GB): no advice to split them.
    expect(limit * 2 ** 20).toBeLessThan(0.85 * room.machine);
  });

  it('warns again after reading only when analysing needs more than the warning before reading said', () => {
    const size = gen(5_000_000);
    const told = heapToRead(770e6);
    expect(memoryWarning(size, 50, room, { told })).toBeNull();
    // Redacted runs are annotated whole: 5M generated events need twice what reading them does.
    const whole = memoryWarning(size, 1, room, { told })!;
    expect(whole).toContain('5,000,000 records: analysing them');
    expect(neededHeap(size, 1)).toBeGreaterThan(1.5 * told);
  });

  it('asks for smaller runs when the machine itself is too small', () => {
    const warning = memoryWarning({ records: 10_000_000, textCharacters: 1_500_000_000, customers: 1_000_000 }, 100, { heapLimit: 4.3 * GB, machine: 12 * GB })!;
    expect(warning).toContain('smaller runs');
    expect(warning).not.toContain('NODE_OPTIONS');
  });
});

describe('readingWarning', () => {
  const room = { heapLimit: 4.3 * GB, machine: 24 * GB };

  it('warns before reading inputs whose size alone passes the limit (10M generated events, 1.54 GB)', () => {
    const warning = readingWarning(1.54 * GB, room)!;
    expect(warning).toContain('1.5 GB of input: reading it takes about');
    expect(warning).toMatch(/max-old-space-size=\d+/);
    expect(heapToRead(1.54 * GB)).toBeGreaterThan(8.5 * GB);
  });

  it('says nothing for inputs that fit (1M generated events, 154 MB)', () => {
    expect(readingWarning(154e6, room)).toBeNull();
  });
});

describe('heapGrowthFlag', () => {
  it("sets thick's heap growth unless node was given its own", () => {
    expect(heapGrowthFlag([])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--max-old-space-size=4096'])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--heap-growing-percent=50'])).toBeNull();
    expect(heapGrowthFlag(['--heap_growing_percent=50'])).toBeNull();
  });
});
