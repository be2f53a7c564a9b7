import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlag, memoryWarning, neededHeap, runSize } from './memory.js';

const GB = 1e9;
const events = (texts: (string | null)[]) => texts.map((text) => ({ text }) as never);

describe('runSize', () => {
  it('counts records of every file and the characters of their texts', () => {
    const size = runSize([
      { events: events(['hallo', null]), contacts: [{} as never] },
      { events: events(['great coffee']), contacts: [] },
    ]);
    expect(size).toEqual({ records: 4, textCharacters: 17 });
  });
});

describe('memoryWarning', () => {
  const room = { heapLimit: 4.3 * GB, machine: 24 * GB };

  it('says nothing for a run that fits (a million generated events of ~82 characters)', () => {
    const size = { records: 1_000_000, textCharacters: 82_000_000 };
    expect(neededHeap(size)).toBeLessThan(2.2 * GB);
    expect(memoryWarning(size, room)).toBeNull();
  });

  it('warns before a run past the heap limit and names a limit that fits the estimate', () => {
    const size = { records: 3_000_000, textCharacters: 250_000_000 };
    const warning = memoryWarning(size, room)!;
    expect(warning).toContain('3,000,000 records');
    expect(warning).toContain('JavaScript heap out of memory');
    const limit = Number(/max-old-space-size=(\d+)/.exec(warning)![1]);
    expect(limit * 2 ** 20).toBeGreaterThan(neededHeap(size));
    expect(limit * 2 ** 20).toBeLessThan(room.machine);
  });

  it('asks for smaller runs when the machine itself is too small', () => {
    const warning = memoryWarning({ records: 10_000_000, textCharacters: 1_500_000_000 }, { heapLimit: 4.3 * GB, machine: 16 * GB })!;
    expect(warning).toContain('smaller runs');
    expect(warning).not.toContain('NODE_OPTIONS');
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
