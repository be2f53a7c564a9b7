import { describe, expect, it } from 'vitest';
import { makeEvent } from '../test-support.js';
import type { ProfiledCustomer } from './index.js';
import { foldWindow, windowCounts, type Window } from './window.js';

const at = (day: string): Date => new Date(`${day}T12:00:00Z`);
/** A customer as the window reads them: their records' dates and their first contact. */
function customer(days: (string | null)[]): ProfiledCustomer {
  const first = days.filter((day) => day !== null).sort()[0];
  const events = days.map((day) => makeEvent({ at: day ? at(day) : null }));
  return { events, profile: { firstContact: first ? at(first).toISOString() : null } } as unknown as ProfiledCustomer;
}

/** The window's figures over the customers, in their order. */
const windowFacts = (run: readonly ProfiledCustomer[], window: Window, asOf: Date | null, leftOut: Parameters<typeof foldWindow>[3]) =>
  foldWindow(
    run.map((subject) => windowCounts(subject, window)),
    window,
    asOf,
    leftOut,
  );

describe('the window in figures', () => {
  const run = [customer(['2024-05-01', '2024-06-03']), customer(['2024-06-05', null]), customer(['2024-04-01']), customer([null])];
  const window = { since: at('2024-06-01'), until: at('2024-06-30') };
  const none = { records: 0, contacts: 0, rows: 0 };

  it('counts records in, before and without a date, and customers active and new in the window', () => {
    const facts = windowFacts(run, window, at('2024-06-30'), none);
    expect(facts.records).toEqual({ inWindow: 2, before: 2, undated: 2 });
    expect(facts.customers).toEqual({ active: 2, new: 1 });
    expect(windowFacts(run, {}, null, none).customers).toEqual({ active: 3, new: null });
  });

  it('adds up customer by customer, in any order', () => {
    const counts = run.map((subject) => windowCounts(subject, window));
    expect(foldWindow([...counts].reverse(), window, at('2024-06-30'), none)).toEqual(windowFacts(run, window, at('2024-06-30'), none));
  });
});
