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

/** The window's figures over the run's profiled customers; `leftOut` is what --until kept out (zero without it). */
export function windowFacts(profiled: readonly ProfiledCustomer[], window: { since?: Date; until?: Date }, asOf: Date | null, leftOut: LeftOut): WindowFacts {
  const from = window.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = window.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const inWindow = (t: number): boolean => t >= from && t <= to;
  const records = { inWindow: 0, before: 0, undated: 0 };
  let active = 0;
  for (const { events } of profiled) {
    let here = false;
    for (const event of events) {
      if (!event.at) records.undated += 1;
      else if (event.at.getTime() < from) records.before += 1;
      else if (inWindow(event.at.getTime())) {
        records.inWindow += 1;
        here = true;
      }
    }
    if (here) active += 1;
  }
  const newcomers = window.since ? profiled.filter((p) => p.profile.firstContact !== null && inWindow(Date.parse(p.profile.firstContact))).length : null;
  return { since: iso(window.since), until: iso(window.until), asOf: iso(asOf), records, leftOut, customers: { active, new: newcomers } };
}
