// The whole run at a glance, for the index: the run in figures, the stages, the themes across all customers with
// their cost to the mean rating, the themes by product, channel or CRM stage, the months, and what changed recently.
// Pure: the index and any other output render it; nothing here reads files, flags or the clock.
import { byCodePoint } from '../collation.js';
import { isCustomerVoice, isOwnRecord, type Stage } from '../model.js';
import { span } from '../span.js';
import { noPasses, type Passes } from '../progress.js';
import type { ProfiledCustomer } from './index.js';
import type { CommonScale } from './ratings.js';
import { segmentsOf, themesAcross, type SaidRecord, type Segments, type Theme } from './themes.js';
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

/**
 * What the run's figures take from one customer: counts and the span of their dates, which add up customer by
 * customer, so a run can keep these and let the customer's records go.
 */
export interface CustomerFigures {
  /** Whether they wrote words of their own. */
  withWords: boolean;
  rated: boolean;
  orders: number;
  /** Their own records by kind. */
  own: Record<string, number>;
  notes: number;
  /** The brand's replies and posts joined to them. */
  brand: number;
  /** First and last time of their records but analysts' notes (ms); null without a dated one. */
  dates: { min: number; max: number } | null;
}

export function customerFigures({ profile, events }: ProfiledCustomer): CustomerFigures {
  const own: Record<string, number> = {};
  let notes = 0;
  let brand = 0;
  for (const event of events) {
    if (isOwnRecord(event)) own[event.kind] = (own[event.kind] ?? 0) + 1;
    if (event.kind === 'note') notes += 1;
    if (event.direction === 'outbound') brand += 1;
  }
  return {
    withWords: events.some(isCustomerVoice),
    rated: profile.rating !== null,
    orders: profile.orders.count ?? 0,
    own,
    notes,
    brand,
    dates: span(events.filter((e) => e.at && e.direction !== 'internal').map((e) => e.at!.getTime())),
  };
}

export function runFigures(customers: readonly CustomerFigures[], files: readonly RunFile[], records: readonly SaidRecord[]): RunFigures {
  const own = new Map<string, number>();
  let dates: CustomerFigures['dates'] = null;
  for (const customer of customers) {
    for (const [kind, n] of Object.entries(customer.own)) own.set(kind, (own.get(kind) ?? 0) + n);
    if (customer.dates) dates = dates ? { min: Math.min(dates.min, customer.dates.min), max: Math.max(dates.max, customer.dates.max) } : customer.dates;
  }
  const rated = records.filter((r) => r.rating !== null);
  const sum = (of: (customer: CustomerFigures) => number): number => customers.reduce((n, customer) => n + of(customer), 0);
  return {
    files: files.length,
    rows: sumRows(files),
    customers: customers.length,
    withWords: customers.filter((c) => c.withWords).length,
    rating: customers.filter((c) => c.rated).length,
    own: Object.fromEntries([...own].sort(([a], [b]) => byCodePoint(a, b))),
    orders: sum((c) => c.orders),
    notes: sum((c) => c.notes),
    brand: sum((c) => c.brand),
    dates: dates ? { first: new Date(dates.min).toISOString().slice(0, 10), last: new Date(dates.max).toISOString().slice(0, 10) } : null,
    rated: { n: rated.length, byScale: countBy(rated, (r) => r.given!.scale), mean: meanOf(rated.map((r) => r.rating!)) },
  };
}

/** How many customers are at each stage, in the order a relationship grows. */
const countStages = (stages: readonly Stage[]): { stage: Stage; n: number }[] => STAGE_ORDER.map((stage) => ({ stage, n: stages.filter((s) => s === stage).length }));

/** How many passes an index's overview reports: its inputs gathered 1 (row.ts overviewInputsOf), runFigures 1, themesAcross 2, segments, timeline, recent 1 each. */
export const OVERVIEW_PASSES = 7;

/**
 * What the overview is made of: every said record (on the run's common scale) and each customer's figures and
 * stage. A run can gather these customer by customer (customerSaid, onScale, customerFigures) and let the
 * customers' records go.
 */
export interface OverviewInputs {
  records: readonly SaidRecord[];
  scale: CommonScale | null;
  customers: readonly { figures: CustomerFigures; stage: Stage }[];
}

/** The overview from its inputs (OverviewInputs), whatever order they were gathered in. */
export function overviewOf({ records, scale, customers }: OverviewInputs, files: readonly RunFile[], asOf: Date, window?: { since: Date; until: Date }, passes: Passes = noPasses): RunOverview {
  // Each part goes over every record of the run: together seconds at 100k, so each is a pass of its own.
  const pass = <T>(make: () => T): T => {
    const tick = passes.next(1);
    const made = make();
    tick(1);
    return made;
  };
  return {
    figures: pass(() => runFigures(customers.map((c) => c.figures), files, records)),
    stages: countStages(customers.map((c) => c.stage)),
    scale,
    themes: themesAcross(records, passes),
    segments: pass(() => segmentsOf(records)),
    timeline: pass(() => timeline(records, asOf)),
    recent: pass(() => (window ? windowChange(records, window.since, window.until) : recentChange(records, asOf))),
  };
}
