// How a customer's ratings feed the judgements: the tone of each thing they said (the rating's when rated), records
// whose words and rating disagree, and the summary per customer. The scales and their bands are stated once, in
// src/rating-scales.ts.
//
// A rated record's tone for every judgement (stage, attention, the customer's mean tone) is its rating's, not the
// machine-read tone of its text; where the two disagree strongly the report flags the record.
import type { Event, RatingScale, SentimentLabel } from '../model.js';
import { ratingTone, ratingValence, SCALES } from '../rating-scales.js';

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
  latest: number;
  /** ISO date of the latest rating, null when undated. */
  latestAt: string | null;
  mean: number;
  /** Latest against the mean of the earlier ones (a fifth of the scale or more is a change); null with one rating. */
  trend: RatingTrend | null;
}

const TREND_STEP = 0.2;

const time = (event: Event): number => event.at?.getTime() ?? Number.NEGATIVE_INFINITY;

/** The ratings of the customer's own records summarised; null when they never rated. */
export function summariseRatings(events: readonly Event[]): RatingSummary | null {
  const rated = events.filter((e) => e.rating && e.direction === 'inbound').sort((a, b) => time(a) - time(b) || a.source.line - b.source.line);
  if (rated.length === 0) return null;
  const counts = new Map<RatingScale, number>();
  for (const e of rated) counts.set(e.rating!.scale, (counts.get(e.rating!.scale) ?? 0) + 1);
  const most = Math.max(...counts.values());
  // Ties go to the scale of the latest rating: it is the one the customer speaks in now.
  const scale = [...rated].reverse().find((e) => counts.get(e.rating!.scale) === most)!.rating!.scale;
  const same = rated.filter((e) => e.rating!.scale === scale);
  const values = same.map((e) => e.rating!.value);
  const last = same.at(-1)!;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  let trend: RatingTrend | null = null;
  if (values.length >= 2) {
    const earlier = values.slice(0, -1).reduce((a, b) => a + b, 0) / (values.length - 1);
    const { min, max, lowerIsBetter } = SCALES[scale];
    const change = ((last.rating!.value - earlier) / (max - min)) * (lowerIsBetter ? -1 : 1);
    trend = change >= TREND_STEP ? 'up' : change <= -TREND_STEP ? 'down' : 'steady';
  }
  return { scale, n: same.length, latest: last.rating!.value, latestAt: last.at ? last.at.toISOString() : null, mean: Math.round(mean * 100) / 100, trend };
}
