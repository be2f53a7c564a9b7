import { describe, expect, it } from 'vitest';
import { diffStates, withheldGone } from '../profile/changes.js';
import { STATE_VERSION, type CustomerState, type RunState } from '../profile/state.js';
import { pageMarkdown } from './page.js';
import { NAMED, sinceLastRunBlocks, type Named } from './since-last-run.js';

const run = (customers: Record<string, CustomerState>, redacted = false): RunState => ({ version: STATE_VERSION, asOf: '2026-01-07', window: null, redacted, scale: { unit: 'stars5', min: 1, max: 5 }, customers });
const codes = new Map([['pain.waiting', { id: 'pain.waiting', category: 'pain', label: { en: 'Waiting', de: 'Warten' } }]]);

function section(before: RunState, now: RunState, names: Record<string, string>, lang: 'en' | 'de' = 'en'): string {
  const customers = new Map<string, Named>(Object.entries(names).map(([id, name]) => [id, { name, slug: id.toLowerCase() }]));
  return pageMarkdown(sinceLastRunBlocks({ changes: withheldGone(diffStates(before, now), now.redacted), customers, codes, scale: now.scale }, lang));
}

describe('Since last run', () => {
  it('names at most NAMED customers per list, linked, then says how many more', () => {
    const now: Record<string, CustomerState> = {};
    const names: Record<string, string> = {};
    for (let i = 0; i < NAMED + 2; i++) {
      now[`h${i}`] = { id: `C${String(i).padStart(2, '0')}`, stage: 'stranger' };
      names[`C${String(i).padStart(2, '0')}`] = `Kim ${i}`;
    }
    const text = section(run({}), run(now), names);
    expect(text).toContain(`- **New customers**: ${NAMED + 2} — [Kim 0](customers/c00.md), [Kim 1](customers/c01.md)`);
    expect(text).toContain('[Kim 9](customers/c09.md), and 2 more');
    expect(text).not.toContain('Kim 10');
  });

  it('names first those who need attention first, when a list is cut; the rest in code point order', () => {
    const now: Record<string, CustomerState> = {};
    const customers = new Map<string, Named>();
    for (let i = 0; i < NAMED + 2; i++) {
      const id = `C${String(i).padStart(2, '0')}`;
      now[`h${i}`] = { id, stage: 'stranger' };
      // C11 needs attention most, then C10, …; C00 and C01 have no rank (as if they were not in the index's order).
      customers.set(id, { name: `Kim ${i}`, slug: id.toLowerCase(), ...(i >= 2 ? { rank: NAMED + 1 - i } : {}) });
    }
    const text = pageMarkdown(sinceLastRunBlocks({ changes: diffStates(run({}), run(now)), customers, codes, scale: null }, 'en'));
    expect(text).toContain(`- **New customers**: ${NAMED + 2} — [Kim 11](customers/c11.md), [Kim 10](customers/c10.md), [Kim 9](customers/c09.md)`);
    expect(text).toContain('[Kim 2](customers/c02.md), and 2 more');
    expect(text).not.toContain('Kim 0]');
  });

  it('escapes customer names and ids: data, never markup', () => {
    const text = section(run({ g: { id: '](evil)<b>', stage: 'regular' } }), run({ h: { id: 'X', stage: 'at-risk', pain: ['pain.waiting'] } }), { X: '<img src=x> [a](javascript:x)' });
    expect(text).toContain('[\\<img src=x> \\[a\\]\\(javascript:x)](customers/x.md)');
    expect(text).not.toMatch(/(?<!\\)<(img|b)/);
    expect(text).not.toContain('](javascript');
    expect(text).not.toContain('](evil)');
    expect(text).toContain('(Waiting)');
  });

  it('withholds the ids of customers gone since a plain run in a redacted one, and speaks German', () => {
    const text = section(run({ g: { id: 'anna@example.org', stage: 'regular' } }), run({}, true), {}, 'de');
    expect(text).toContain('## Seit dem letzten Lauf');
    expect(text).toContain('- **Nicht mehr in den Daten**: 1 — \\[id\\]');
    expect(text).not.toContain('anna@example.org');
  });

  it('writes the previous reference date as the page does: day first in German', () => {
    const same = run({ h: { id: 'X', stage: 'regular' } });
    expect(section(same, same, { X: 'Kim' }, 'de')).toContain('(Stichtag 07.01.2026, 1 Kunde)');
    expect(section(same, same, { X: 'Kim' })).toContain('(reference date 2026-01-07, 1 customer)');
  });

  it('shows a star rating in stars, to one decimal as the portraits give a mean, and a percent one in percent', () => {
    const before = run({ h: { id: 'X', stage: 'regular', rating: [5, 1] } });
    const now = run({ h: { id: 'X', stage: 'regular', rating: [3.67, 3] } });
    expect(section(before, now, { X: 'Kim' })).toContain('- **Rating down**: 1 — [Kim](customers/x.md) 5★ → 3.7★');
    expect(section(before, now, { X: 'Kim' }, 'de')).toContain('[Kim](customers/x.md) 5★ → 3,7★');
    const percent = { unit: 'percent', min: 0, max: 100 } as const;
    const thumbs = (rating: [number, number]): RunState => ({ ...run({ h: { id: 'X', stage: 'regular', rating } }), scale: percent });
    expect(section(thumbs([100, 2]), thumbs([66.67, 3]), { X: 'Kim' })).toContain('[Kim](customers/x.md) 100% → 67%');
  });

  it('says when nothing changed, and on a first run that there is nothing to compare with', () => {
    const same = run({ h: { id: 'X', stage: 'regular' } });
    expect(section(same, same, { X: 'Kim' })).toContain('Nothing changed that thick compares.');
    const first = pageMarkdown(sinceLastRunBlocks({ changes: null, customers: new Map(), codes, scale: null }, 'en'));
    expect(first).toBe('## Since last run\n\nNothing to compare with yet: this output folder holds no run over earlier data. The next run into it will say what changed since this one.\n');
  });
});
