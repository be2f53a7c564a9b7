// Ratings are the one number customers give themselves. This file states how thick reads them:
//
//   scale    negative        neutral     positive
//   stars5   1–2 ★           3 ★         4–5 ★
//   csat     1–2             3           4–5          (1–5 satisfaction)
//   stars10  1–4             5–6         7–10
//   nps      0–6 detractor   7–8 passive 9–10 promoter
//   thumbs   0 (down)        —           1 (up)
//   grade    4–6             3           1–2          (German school grade, 1 best; lower is better)
//
// A rated record's tone for every judgement (stage, attention, the customer's mean tone) is its rating's, not the
// machine-read tone of its text; where the two disagree strongly the report flags the record.
import type { Event, Rating, RatingScale, SentimentLabel } from '../model.js';

/** The scales read here: the model's, and the German school grade the ingest side adds (1 best, 6 worst). */
type Scale = RatingScale | 'grade';

/** Valence (-1 … +1) at each whole value of a scale; values in between are interpolated. */
const VALENCE: Record<Scale, Record<number, number>> = {
  stars5: { 1: -1, 2: -0.6, 3: 0, 4: 0.6, 5: 1 },
  csat: { 1: -1, 2: -0.6, 3: 0, 4: 0.6, 5: 1 },
  stars10: { 1: -1, 2: -0.85, 3: -0.7, 4: -0.5, 5: -0.1, 6: 0.1, 7: 0.4, 8: 0.6, 9: 0.8, 10: 1 },
  // A passive (7–8) is lukewarm, not happy: NPS counts only 9–10 as promoters.
  nps: { 0: -1, 1: -0.95, 2: -0.9, 3: -0.8, 4: -0.7, 5: -0.6, 6: -0.4, 7: -0.05, 8: 0.15, 9: 0.7, 10: 1 },
  thumbs: { 0: -0.8, 1: 0.8 },
  grade: { 1: 1, 2: 0.6, 3: 0, 4: -0.6, 5: -0.85, 6: -1 },
};

/** Where each scale's negative band ends and its positive band starts (for grades, lower is better). */
const BANDS: Record<Scale, { negativeUpTo: number; positiveFrom: number }> = {
  stars5: { negativeUpTo: 2, positiveFrom: 4 },
  csat: { negativeUpTo: 2, positiveFrom: 4 },
  stars10: { negativeUpTo: 4, positiveFrom: 7 },
  nps: { negativeUpTo: 6, positiveFrom: 9 },
  thumbs: { negativeUpTo: 0, positiveFrom: 1 },
  grade: { negativeUpTo: 4, positiveFrom: 2 },
};

const LOWER_IS_BETTER: ReadonlySet<Scale> = new Set<Scale>(['grade']);

export const SCALE_RANGE: Record<Scale, { min: number; max: number }> = {
  stars5: { min: 1, max: 5 },
  csat: { min: 1, max: 5 },
  stars10: { min: 1, max: 10 },
  nps: { min: 0, max: 10 },
  thumbs: { min: 0, max: 1 },
  grade: { min: 1, max: 6 },
};

/** The rating's tone by the bands above; a value between bands (2.5 ★) takes the nearer band. */
export function ratingTone(rating: Rating): SentimentLabel {
  const band = BANDS[rating.scale];
  const value = Math.round(rating.value);
  if (LOWER_IS_BETTER.has(rating.scale)) return value >= band.negativeUpTo ? 'negative' : value <= band.positiveFrom ? 'positive' : 'neutral';
  if (value <= band.negativeUpTo) return 'negative';
  if (value >= band.positiveFrom) return 'positive';
  return 'neutral';
}

/** The rating as a valence from -1 to +1, comparable with a text's sentiment score. */
export function ratingValence(rating: Rating): number {
  const table = VALENCE[rating.scale];
  const { min, max } = SCALE_RANGE[rating.scale];
  const value = Math.min(max, Math.max(min, rating.value));
  const low = Math.floor(value);
  const high = Math.ceil(value);
  const a = table[low] ?? 0;
  const b = table[high] ?? a;
  return Math.round((a + (b - a) * (value - low)) * 100) / 100;
}

/** Where the rating sits on its scale: 0 the worst, 1 the best. */
export function ratingPosition(rating: Rating): number {
  const { min, max } = SCALE_RANGE[rating.scale];
  const up = (rating.value - min) / (max - min);
  return Math.min(1, Math.max(0, LOWER_IS_BETTER.has(rating.scale) ? 1 - up : up));
}

/** The best value of the rating's scale: 5★, 10/10, NPS 10, grade 1. */
export function isTopRating(rating: Rating): boolean {
  if (rating.scale === 'thumbs') return false;
  return ratingPosition(rating) >= (rating.scale === 'nps' || rating.scale === 'stars10' ? 0.8 : 1);
}

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
    const { min, max } = SCALE_RANGE[scale];
    const change = ((last.rating!.value - earlier) / (max - min)) * (LOWER_IS_BETTER.has(scale) ? -1 : 1);
    trend = change >= TREND_STEP ? 'up' : change <= -TREND_STEP ? 'down' : 'steady';
  }
  return { scale, n: same.length, latest: last.rating!.value, latestAt: last.at ? last.at.toISOString() : null, mean: Math.round(mean * 100) / 100, trend };
}
