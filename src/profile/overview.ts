// The whole run at a glance, for the index: the run in figures, the stages, the themes across all customers with
// their cost to the mean rating, the themes by product, channel or CRM stage, the months, and what changed recently.
// Pure: the index and any other output render it; nothing here reads files, flags or the clock.
import { byCodePoint } from '../collation.js';
import { isCustomerVoice, isOwnRecord, type Stage } from '../model.js';
import { span } from '../span.js';
import { noPasses, type Passes } from '../progress.js';
import type { ProfiledCustomer } from './index.js';
import type { CommonScale } from './ratings.js';
import { saidRecords, segmentsOf, themesAcross, type SaidRecord, type Segments, type Theme } from './themes.js';
import { meanOf, recentChange, timeline, windowChange, type Mean, type RecentChange, type Timeline } from './trend.js';

/** One input file as the run read it. */
export interface RunFile {
  file: string;
  preset: string;
  rows: { read: number; used: number; rejected: number };
}

export interface RunFigures {
  files: number;
  rows: { read: number; used: number; rejected: number };
  customers: number;
  /** Customers with words of their own (a text they wrote). */
  withWords: number;
  /** Customers who rated. */
  rating: number;
  /** The customers' own records by kind (ticket, message, post, review, survey), by kind id. */
  own: Record<string, number>;
  /** Orders (distinct order ids; a refund line is no order of its own), summed over the customers' profiles. */
  orders: number;
  notes: number;
  /** The brand's replies and posts joined to a customer. */
  brand: number;
  /** First and last date of the customers' records (ISO days); null without any dated record. */
  dates: { first: string; last: string } | null;
  /** Rated records: how many, by scale id, and their mean on the common scale. */
  rated: { n: number; byScale: Record<string, number>; mean: Mean | null };
}

export interface RunOverview {
  figures: RunFigures;
  /** Customers per stage, in the order a relationship grows (at-risk last). */
  stages: { stage: Stage; n: number }[];
  /** The scale ratings are compared on; null when nobody rated. */
  scale: CommonScale | null;
  themes: Theme[];
  segments: Segments[];
  timeline: Timeline;
  recent: RecentChange;
}

export const STAGE_ORDER: readonly Stage[] = ['stranger', 'acquaintance', 'regular', 'advocate', 'at-risk'];

const sumRows = (files: readonly RunFile[]) =>
  files.reduce((sum, f) => ({ read: sum.read + f.rows.read, used: sum.used + f.rows.used, rejected: sum.rejected + f.rows.rejected }), { read: 0, used: 0, rejected: 0 });

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => byCodePoint(a, b)));
}

export function runFigures(profiled: readonly ProfiledCustomer[], files: readonly RunFile[], records: readonly SaidRecord[]): RunFigures {
  const events = profiled.flatMap((p) => p.events);
  const own = events.filter(isOwnRecord);
  const dates = span(events.filter((e) => e.at && e.direction !== 'internal').map((e) => e.at!.getTime()));
  const rated = records.filter((r) => r.rating !== null);
  return {
    files: files.length,
    rows: sumRows(files),
    customers: profiled.length,
    withWords: profiled.filter((p) => p.events.some(isCustomerVoice)).length,
    rating: profiled.filter((p) => p.profile.rating !== null).length,
    own: countBy(own, (e) => e.kind),
    orders: profiled.reduce((n, p) => n + (p.profile.orders.count ?? 0), 0),
    notes: events.filter((e) => e.kind === 'note').length,
    brand: events.filter((e) => e.direction === 'outbound').length,
    dates: dates ? { first: new Date(dates.min).toISOString().slice(0, 10), last: new Date(dates.max).toISOString().slice(0, 10) } : null,
    rated: { n: rated.length, byScale: countBy(rated, (r) => r.event.rating!.scale), mean: meanOf(rated.map((r) => r.rating!)) },
  };
}

export function stageCounts(profiled: readonly ProfiledCustomer[]): { stage: Stage; n: number }[] {
  return STAGE_ORDER.map((stage) => ({ stage, n: profiled.filter((p) => p.profile.stage === stage).length }));
}

/** How many passes overview() reports: saidRecords 1, runFigures 1, themesAcross 2, segments, timeline, recent 1 each. */
export const OVERVIEW_PASSES = 7;

/**
 * Everything the index says about the run as a whole, as of the run's reference date. With a window that has a
 * start (--since), "what changed recently" is the window against the periods of its length before it.
 */
export function overview(profiled: readonly ProfiledCustomer[], files: readonly RunFile[], asOf: Date, window?: { since: Date; until: Date }, passes: Passes = noPasses): RunOverview {
  // Each part goes over every record of the run: together seconds at 100k, so each is a pass of its own.
  const pass = <T>(make: () => T): T => {
    const tick = passes.next(1);
    const made = make();
    tick(1);
    return made;
  };
  const { records, scale } = saidRecords(profiled, passes);
  return {
    figures: pass(() => runFigures(profiled, files, records)),
    stages: stageCounts(profiled),
    scale,
    themes: themesAcross(records, passes),
    segments: pass(() => segmentsOf(records)),
    timeline: pass(() => timeline(records, asOf)),
    recent: pass(() => (window ? windowChange(records, window.since, window.until) : recentChange(records, asOf))),
  };
}
