// The run's time window in figures, for the --json summary and the index: where it starts and ends, the reference
// date recency is measured from, how many of the customers' records lie in it, before it or (left out) after it, and
// who was active or new in it. Pure: the window arrives as Dates, resolved at the edge (cli/window.ts).
import type { LeftOut } from '../ingest/until.js';
import type { ProfiledCustomer } from './index.js';

export interface WindowFacts {
  /** The window's first instant (--since), ISO; null when it is open at the start. */
  since: string | null;
  /** Its last instant (--until), ISO; null when it is open at the end. */
  until: string | null;
  /** The reference date recency is measured from (--as-of, else --until, else the latest record), ISO; null with no dated record. */
  asOf: string | null;
  /** The run's customers' records: dated in the window, before its start, and undated (kept, placed nowhere). */
  records: { inWindow: number; before: number; undated: number };
  /** What --until left out before linking (ingest/until.ts): rows, records and contacts after it. */
  leftOut: LeftOut;
  customers: {
    /** Customers with a dated record in the window. */
    active: number;
    /** Customers whose first contact lies in the window; null without --since (every customer would be new). */
    new: number | null;
  };
}

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/** What the window's figures take from one customer: their records in it, before it and undated, and whether they are new. */
export interface WindowCounts {
  inWindow: number;
  before: number;
  undated: number;
  /** Their first contact lies in the window (counted only with --since). */
  isNew: boolean;
}

export type Window = { since?: Date; until?: Date };

const within = (window: Window) => {
  const from = window.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = window.until?.getTime() ?? Number.POSITIVE_INFINITY;
  return { from, has: (t: number): boolean => t >= from && t <= to };
};

export function windowCounts({ events, profile }: ProfiledCustomer, window: Window): WindowCounts {
  const { from, has } = within(window);
  const counts: WindowCounts = { inWindow: 0, before: 0, undated: 0, isNew: profile.firstContact !== null && has(Date.parse(profile.firstContact)) };
  for (const event of events) {
    if (!event.at) counts.undated += 1;
    else if (event.at.getTime() < from) counts.before += 1;
    else if (has(event.at.getTime())) counts.inWindow += 1;
  }
  return counts;
}

/** The window's figures from each customer's counts (windowCounts), which add up in any order. */
export function foldWindow(customers: readonly WindowCounts[], window: Window, asOf: Date | null, leftOut: LeftOut): WindowFacts {
  const records = { inWindow: 0, before: 0, undated: 0 };
  let active = 0;
  let newcomers = 0;
  for (const counts of customers) {
    records.inWindow += counts.inWindow;
    records.before += counts.before;
    records.undated += counts.undated;
    if (counts.inWindow > 0) active += 1;
    if (counts.isNew) newcomers += 1;
  }
  return { since: iso(window.since), until: iso(window.until), asOf: iso(asOf), records, leftOut, customers: { active, new: window.since ? newcomers : null } };
}
