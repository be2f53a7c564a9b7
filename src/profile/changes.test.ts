import { describe, expect, it } from 'vitest';
import { diffStates, newlyIn, newlyWith, RATING_STEP, TONE_STEP, withheldGone, WITHHELD_ID } from './changes.js';
import { parseState, sameData, stateText, STATE_VERSION, type CustomerState, type RunState } from './state.js';

const stars = { unit: 'stars5' as const, min: 1, max: 5 };
const run = (customers: Record<string, CustomerState>, extra: Partial<RunState> = {}): RunState => ({
  version: STATE_VERSION,
  asOf: '2026-01-07',
  window: null,
  redacted: false,
  scale: stars,
  customers,
  ...extra,
});

describe('diffStates', () => {
  it('names new and gone customers, stage changes and new pain codes, in code-point order', () => {
    const before = run({ h1: { id: 'b@x', stage: 'regular', pain: ['pain.waiting'] }, h2: { id: 'gone@x', stage: 'stranger' } });
    const now = run({ h1: { id: 'b@x', stage: 'at-risk', pain: ['pain.damaged', 'pain.waiting'] }, h3: { id: 'a@x', stage: 'at-risk', pain: ['pain.billing'] }, h4: { id: 'Z@x', stage: 'stranger' } });
    const c = diffStates(before, now);
    expect(c.newCustomers).toEqual(['Z@x', 'a@x']);
    expect(c.goneCustomers).toEqual(['gone@x']);
    expect(c.stageChanges).toEqual([{ id: 'b@x', from: 'regular', to: 'at-risk' }]);
    expect(c.newPain).toEqual([
      { id: 'a@x', codes: ['pain.billing'] },
      { id: 'b@x', codes: ['pain.damaged'] },
    ]);
    expect(c.newPainCodes).toEqual(['pain.billing', 'pain.damaged']);
    expect(newlyIn(c, 'at-risk', now)).toEqual(['a@x', 'b@x']);
    expect(newlyWith(c, 'pain.damaged')).toEqual(['b@x']);
    expect(c.previous).toEqual({ asOf: '2026-01-07', window: null, redacted: false, customers: 2 });
  });

  it('counts a tone change from the step on, and only with enough records on both sides', () => {
    const before = run({ a: { id: 'a', stage: 'regular', tone: [0.5, 2] }, b: { id: 'b', stage: 'regular', tone: [0.5, 1] }, c: { id: 'c', stage: 'regular', tone: [0.5, 4] } });
    const now = run({ a: { id: 'a', stage: 'regular', tone: [0.5 - TONE_STEP, 3] }, b: { id: 'b', stage: 'regular', tone: [-0.9, 2] }, c: { id: 'c', stage: 'regular', tone: [0.74, 5] } });
    const c = diffStates(before, now);
    expect(c.toneDown).toEqual([{ id: 'a', from: 0.5, to: 0.25 }]);
    expect(c.toneUp).toEqual([]); // c moved 0.24: under the step; b rests on one record before
  });

  it('compares ratings by their place on the scale, and shows them on the newer run\'s scale', () => {
    const before = run({ a: { id: 'a', stage: 'regular', rating: [4.5, 2] }, b: { id: 'b', stage: 'regular', rating: [4, 1] } });
    const now = run({ a: { id: 'a', stage: 'regular', rating: [4, 3] }, b: { id: 'b', stage: 'regular', rating: [3.9, 2] } });
    expect(diffStates(before, now).ratingDown).toEqual([{ id: 'a', from: 4.5, to: 4 }]);
    // The run before compared in 1–5 stars, this one in percent: 4.5 stars is 87.5 % of the way from worst to best.
    const percent = run({ a: { id: 'a', stage: 'regular', rating: [75, 3] } }, { scale: { unit: 'percent', min: 0, max: 100 } });
    expect(diffStates(before, percent).ratingDown).toEqual([{ id: 'a', from: 87.5, to: 75 }]);
    expect(RATING_STEP * (stars.max - stars.min)).toBe(0.5);
  });

  it('tells newly unanswered from newly answered conversations; one that left the data is neither', () => {
    const before = run({ a: { id: 'a', stage: 'regular', open: ['k1', 'k2', 'k3'] } });
    const now = run({ a: { id: 'a', stage: 'regular', open: ['k3', 'k4'], closed: ['k1'] }, n: { id: 'n', stage: 'stranger', open: ['k9'] } });
    const c = diffStates(before, now);
    expect(c.newlyUnanswered).toEqual([
      { id: 'a', n: 1 },
      { id: 'n', n: 1 },
    ]);
    expect(c.newlyAnswered).toEqual([{ id: 'a', n: 1 }]);
  });

  it('withholds the ids of gone customers when a redacted run compares with a plain one, and still counts them', () => {
    const c = diffStates(run({ a: { id: 'anna@example.org', stage: 'regular' } }), run({}, { redacted: true }));
    expect(withheldGone(c, true).goneCustomers).toEqual([WITHHELD_ID]);
    expect(withheldGone(c, false).goneCustomers).toEqual(['anna@example.org']);
    const redactedBefore = diffStates(run({ a: { id: '7QMX', stage: 'regular' } }, { redacted: true }), run({}, { redacted: true }));
    expect(withheldGone(redactedBefore, true).goneCustomers).toEqual(['7QMX']);
  });
});

describe('the state file', () => {
  const state = run({ h1: { id: 'a@x', stage: 'regular', tone: [0.5, 2], pain: ['pain.waiting'], open: ['k1'] } });

  it('reads back what it wrote, with the changes its run found', () => {
    const changes = diffStates(run({}), state);
    const read = parseState(stateText(state, changes));
    expect(read).toEqual({ ok: true, state, changes });
    expect(stateText(state).split('\n')[1]).toBe('"h1":{"id":"a@x","stage":"regular","tone":[0.5,2],"pain":["pain.waiting"],"open":["k1"]}');
    expect(sameData(state, (read as { state: RunState }).state)).toBe(true);
    expect(sameData(state, { ...state, asOf: '2026-01-08' })).toBe(false);
  });

  it('tells data the same exactly when the files would be, customer by customer', () => {
    const other = run({ h1: { id: 'a@x', stage: 'regular' }, h2: { id: 'b@x', stage: 'at-risk', open: ['k2'] } });
    const variants = [
      state,
      other,
      { ...other, customers: { h2: other.customers.h2!, h1: other.customers.h1! } },
      { ...other, customers: { ...other.customers, h2: { ...other.customers.h2!, open: ['k3'] } } },
      { ...other, customers: { h1: other.customers.h1!, h3: other.customers.h2! } },
      { ...other, customers: { h1: other.customers.h1! } },
      { ...other, window: { since: '2026-01-01' } },
      run({}),
    ];
    for (const a of variants) for (const b of variants) expect(sameData(a, b), `${stateText(a)}\n${stateText(b)}`).toBe(stateText(a) === stateText(b));
    const told: number[] = [];
    expect(sameData(other, structuredClone(other), (done) => told.push(done))).toBe(true);
    expect(told).toEqual([1, 2]);
  });

  it('hears each customer compared and each checked as it reads (the stage compare)', () => {
    const before = run({ h1: { id: 'a@x', stage: 'regular' }, h2: { id: 'b@x', stage: 'stranger' } });
    const now = run({ h1: { id: 'a@x', stage: 'at-risk' }, h3: { id: 'c@x', stage: 'stranger' }, h4: { id: 'd@x', stage: 'stranger' } });
    const told: number[] = [];
    expect(diffStates(before, now, (done) => told.push(done))).toEqual(diffStates(before, now));
    expect(told).toEqual([1, 2, 3]);
    const passes: { total: number; done: number[] }[] = [];
    const heard = { next: (total: number) => { const pass = { total, done: [] as number[] }; passes.push(pass); return (done: number) => void pass.done.push(done); } };
    expect(parseState(stateText(now), heard)).toEqual(parseState(stateText(now)));
    // The text parsed (one step), then its three customers checked.
    expect(passes).toEqual([{ total: 1, done: [1] }, { total: 3, done: [1, 2, 3] }]);
  });

  it('says why a text cannot be compared with', () => {
    expect(parseState('{"thick":"state"')).toEqual({ ok: false, reason: 'is not valid JSON' });
    expect(parseState('{"id":"x"}')).toMatchObject({ ok: false, reason: 'is not a state thick wrote' });
    expect(parseState(stateText(state).replace('"version":1', '"version":2'))).toMatchObject({ ok: false, otherVersion: 2 });
    expect(parseState(stateText(state).replace('"stage":"regular"', '"stage":"vip"'))).toMatchObject({ ok: false, reason: expect.stringContaining('damaged') });
  });
});
