import { isOwnRecord, type Customer, type Event, type Profile } from '../model.js';
import type { Exchange } from './dialog.js';
import { feltTone, latestGroup, ratedRecords } from './ratings.js';
import type { Signals } from './signals.js';
import { span } from '../span.js';

export const DAY = 86_400_000;

/** What the whole run holds: a gap shared by every customer is said once, in the index. */
export interface RunFacts {
  ordersKnown: boolean;
  socialKnown: boolean;
  /** Any customer linked to a CRM contact. */
  contactsKnown: boolean;
  /** Any analyst note on any customer. */
  notesKnown: boolean;
  /** Channels seen in the run (brand replies included, notes not). */
  channels: readonly string[];
  /** Public reviews in the run: what customers say in public is partly here even without social media posts. */
  reviewsKnown: boolean;
  /**
   * The run can show the brand's replies: some reply is in it, or an input has a reply column. Without that (an
   * Amazon review export), whether a record was answered is unknown, and nothing is called "not replied to".
   */
  repliesKnown: boolean;
}

/** The evidence judgements are made from: figures plus the customer's events, as of the run's reference date. */
export interface Evidence {
  customer: Customer;
  events: readonly Event[];
  /** Each inbound record with the brand's first reply and what became of it, paired once in profile/index. */
  exchanges: readonly Exchange[];
  figures: Omit<Profile, 'stage' | 'stageReasons' | 'blindSpots' | 'attention' | 'attentionReasons'>;
  asOf: Date;
  /** The reply horizon: messages older than this are no longer "still open". */
  openSince: Date;
  run: RunFacts;
  /** The relationship's rhythm: how long without words or orders counts as silent or paused. */
  recentDays: number;
  /** Where "recent" starts: the window's start (--since), else asOf minus recentDays. */
  recentSince: Date;
  signals: Signals;
}

export function daysSince(evidence: Evidence, date: Date | null): number | null {
  return date ? Math.max(0, Math.floor((evidence.asOf.getTime() - date.getTime()) / DAY)) : null;
}

export function lastOrderAt(events: readonly Event[]): Date | null {
  const range = span(events.filter((e) => e.kind === 'order' && e.at).map((e) => e.at!.getTime()));
  return range ? new Date(range.max) : null;
}

/**
 * The days the customer bought on, oldest first: one per order (its earliest line), orders of the same day as one.
 * Two orders of the same second are one checkout split in two, not a habit.
 */
export function purchaseDays(events: readonly Event[]): number[] {
  const orders = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'order' || !e.at) continue;
    const key = e.orderId ?? e.id;
    orders.set(key, Math.min(orders.get(key) ?? Infinity, e.at.getTime()));
  }
  return [...new Set([...orders.values()].map((t) => Math.floor(t / DAY)))].sort((a, b) => a - b);
}

/** The median number of days between purchase days; null with fewer than two. */
export function usualInterval(days: readonly number[]): number | null {
  const gaps = days.slice(1).map((d, i) => d - days[i]!).sort((a, b) => a - b);
  if (gaps.length === 0) return null;
  const middle = Math.floor(gaps.length / 2);
  return gaps.length % 2 === 1 ? gaps[middle]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
}

/** The customer's own records that carry a tone (a rating, or text thick reads), oldest first. */
export function feltRecords(evidence: Evidence): Event[] {
  return evidence.events.filter((e) => isOwnRecord(e) && feltTone(e) !== null);
}

/**
 * The customer's latest rated record (an undated one only when none is dated), or null: also when the latest time
 * holds several ratings that disagree, since none of them is known to be the later one.
 */
export function latestRated(events: readonly Event[]): Event | null {
  const { group, agreed } = latestGroup(ratedRecords(events));
  return agreed ? group.at(-1)! : null;
}

/** Whether an annotation carries a signal and comes from the customer's own words (not an analyst's code). */
export const ownSignal = (evidence: Evidence, event: Event, signal: Parameters<Signals['is']>[0]): boolean =>
  event.direction === 'inbound' && event.annotations.some((a) => a.by.kind === 'rule' && evidence.signals.is(signal, a.code));
