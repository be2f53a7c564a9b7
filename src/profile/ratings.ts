// How a customer's ratings feed the judgements: the tone of each thing they said (the rating's when rated), records
// whose words and rating disagree, and the summary per customer. The scales and their bands are stated once, in
// src/rating-scales.ts.
//
// A rated record's tone for every judgement (stage, attention, the customer's mean tone) is its rating's, not the
// machine-read tone of its text; where the two disagree strongly the report flags the record.
import { byCodePoint } from '../collation.js';
import type { Event, Rating, RatingScale, SentimentLabel } from '../model.js';
import { ratingPosition, ratingTone, ratingValence, SCALES } from '../rating-scales.js';
import { byRecord } from './chronology.js';

/** The tone of one thing the customer said, for judgements: the rating's when rated, else the text's. */
export interface Felt {
  score: number;
  label: SentimentLabel;
  from: 'rating' | 'text';
}

export function feltTone(event: Event): Felt | null {
  if (event.rating) return { score: ratingValence(event.rating), label: ratingTone(event.rating), from: 'rating' };
  if (event.sentiment && event.lang !== 'other') return { score: event.sentiment.score, label: event.sentiment.label, from: 'text' };
  return null;
}

/** How far the text must lean the other way before the record is flagged: a clear tone, not a shade. */
const DISAGREEMENT = 0.3;

/**
 * A record whose words read clearly the other way from its rating (a 1★ review that reads happy: irony, mixed
 * feelings, or praise for one thing and a verdict on another). The rating wins; the report shows the record.
 */
export function toneDisagrees(event: Event): boolean {
  if (!event.rating || !event.sentiment || event.lang === 'other') return false;
  const rated = ratingTone(event.rating);
  const score = event.sentiment.score;
  return (rated === 'negative' && score >= DISAGREEMENT) || (rated === 'positive' && score <= -DISAGREEMENT);
}

export type RatingTrend = 'up' | 'down' | 'steady';

/** Summary of a customer's ratings on the scale they used most. */
export interface RatingSummary {
  scale: RatingScale;
  /** Ratings on that scale. */
  n: number;
  /**
   * The latest rating; null when the latest time holds several ratings that disagree (two reviews of the same
   * second, or only undated ratings): none of them is known to be the later one.
   */
  latest: number | null;
  /** ISO date of the latest rating, null when undated. */
  latestAt: string | null;
  mean: number;
  /**
   * Latest against the mean of the strictly earlier ones (a fifth of the scale or more is a change); null with one
   * rating, without a latest, or when nothing is earlier than it.
   */
  trend: RatingTrend | null;
}

const TREND_STEP = 0.2;

/** Undated ratings count as the earliest: a dated rating is always known to be later than them. */
const time = (event: Event): number => event.at?.getTime() ?? Number.NEGATIVE_INFINITY;

/** Rated records, oldest first (undated first), records of the same time by file and line. */
const byRatingTime = (a: Event, b: Event): number => time(a) - time(b) || byRecord(a, b);

/** The customer's own rated records, in the order of byRatingTime. */
export function ratedRecords(events: readonly Event[]): Event[] {
  return events.filter((e) => e.rating && e.direction === 'inbound').sort(byRatingTime);
}

/**
 * The records that share the latest time of a list sorted by byRatingTime, and whether they agree: several ratings
 * at the same time have no order, so they make a latest only when they are the same value.
 */
export function latestGroup(rated: readonly Event[]): { group: Event[]; earlier: Event[]; agreed: boolean } {
  const last = rated.at(-1);
  if (!last) return { group: [], earlier: [], agreed: false };
  const group = rated.filter((e) => time(e) === time(last));
  const earlier = rated.filter((e) => time(e) < time(last));
  const agreed = group.every((e) => e.rating!.scale === last.rating!.scale && e.rating!.value === last.rating!.value);
  return { group, earlier, agreed };
}

const meanOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

function trendOf(latest: number, earlier: readonly number[], scale: RatingScale): RatingTrend | null {
  if (earlier.length === 0) return null;
  const { min, max, lowerIsBetter } = SCALES[scale];
  const change = ((latest - meanOf(earlier)) / (max - min)) * (lowerIsBetter ? -1 : 1);
  return change >= TREND_STEP ? 'up' : change <= -TREND_STEP ? 'down' : 'steady';
}

/** The ratings of the customer's own records summarised; null when they never rated. */
export function summariseRatings(events: readonly Event[]): RatingSummary | null {
  const rated = ratedRecords(events);
  if (rated.length === 0) return null;
  const counts = new Map<RatingScale, number>();
  for (const e of rated) counts.set(e.rating!.scale, (counts.get(e.rating!.scale) ?? 0) + 1);
  let most = 0;
  for (const n of counts.values()) most = Math.max(most, n);
  // Ties go to the scale of the latest rating: it is the one the customer speaks in now.
  const scale = [...rated].reverse().find((e) => counts.get(e.rating!.scale) === most)!.rating!.scale;
  const same = rated.filter((e) => e.rating!.scale === scale);
  const { group, earlier, agreed } = latestGroup(same);
  const last = group.at(-1)!;
  const latest = agreed ? last.rating!.value : null;
  const trend = latest === null ? null : trendOf(latest, earlier.map((e) => e.rating!.value), scale);
  const mean = meanOf(same.map((e) => e.rating!.value));
  return { scale, n: same.length, latest, latestAt: last.at ? last.at.toISOString() : null, mean: Math.round(mean * 100) / 100, trend };
}

/**
 * The one scale a run's ratings are compared on: the scale most of them were given on, when it reads higher-is-better
 * in numbers people know (stars, NPS, CSAT); ratings on another scale are placed on it by their position between
 * that scale's worst and best value (src/rating-scales.ts ratingPosition), so a 4 of 5 stars is 7.75 on 1–10 stars.
 * A run rated mostly in German grades (lower is better) or thumbs compares in percent of the best rating instead
 * (0 = worst, 100 = best), which reads the same way round as stars.
 */
export interface CommonScale {
  unit: RatingScale | 'percent';
  min: number;
  max: number;
  /** Ratings given on the unit's own scale, and ratings placed on it from other scales. */
  native: number;
  mapped: number;
}

const NUMERIC_UP: ReadonlySet<RatingScale> = new Set(['stars5', 'stars10', 'nps', 'csat']);

/** The common scale of these ratings; null without any. Ties between scales go by scale id, by code point. */
export function commonScale(ratings: readonly Rating[]): CommonScale | null {
  const counts = new Map<RatingScale, number>();
  for (const r of ratings) counts.set(r.scale, (counts.get(r.scale) ?? 0) + 1);
  return commonScaleOf(counts);
}

/** commonScale from how many ratings there are on each scale: a run can count them part by part. */
export function commonScaleOf(counts: ReadonlyMap<RatingScale, number>): CommonScale | null {
  const all = [...counts.values()].reduce((a, b) => a + b, 0);
  if (all === 0) return null;
  const [scale, native] = [...counts].filter(([, n]) => n > 0).sort(([a, x], [b, y]) => y - x || byCodePoint(a, b))[0]!;
  if (!NUMERIC_UP.has(scale)) return { unit: 'percent', min: 0, max: 100, native: 0, mapped: all };
  return { unit: scale, min: SCALES[scale].min, max: SCALES[scale].max, native, mapped: all - native };
}

/** A rating on the common scale: as given when on that scale, else placed by its position on its own scale. */
export function onCommonScale(rating: Rating, common: CommonScale): number {
  if (rating.scale === common.unit) return rating.value;
  return common.min + ratingPosition(rating) * (common.max - common.min);
}
