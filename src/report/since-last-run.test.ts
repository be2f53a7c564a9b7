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

  it('says when nothing changed, and on a first run that there is nothing to compare with', () => {
    const same = run({ h: { id: 'X', stage: 'regular' } });
    expect(section(same, same, { X: 'Kim' })).toContain('Nothing changed that thick compares.');
    const first = pageMarkdown(sinceLastRunBlocks({ changes: null, customers: new Map(), codes, scale: null }, 'en'));
    expect(first).toBe('## Since last run\n\nNothing to compare with yet: this output folder holds no run over earlier data. The next run into it will say what changed since this one.\n');
  });
});
