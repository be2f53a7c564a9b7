// Rating scales, stated once: their range, their name, and how a rating on each reads as negative, neutral or
// positive. Ingest checks values against the range, annotate and profile read the tone, eval and train print the
// bands beside the labels they take from ratings.
//
//   scale    negative        neutral     positive
//   stars5   1–2 ★           3 ★         4–5 ★
//   csat     1–2             3           4–5          (1–5 satisfaction)
//   stars10  1–4             5–6         7–10
//   nps      0–6 detractor   7–8 passive 9–10 promoter
//   thumbs   0 (down)        —           1 (up)
//   grade    4–6             3           1–2          (German school grade, 1 best; lower is better)
import type { Rating, RatingScale, SentimentLabel } from './model.js';

export interface ScaleDefinition {
  min: number;
  max: number;
  /** How the scale is named in messages ("1–5 stars"). */
  name: string;
  /** The bands in words, for the output of eval and train. */
  labels: string;
  /** Where the negative band ends and the positive band starts (for a lower-is-better scale, read the other way). */
  negativeUpTo: number;
  positiveFrom: number;
  lowerIsBetter: boolean;
  /** Valence (-1 … +1) at each whole value; values in between are interpolated. */
  valence: Record<number, number>;
}

const STARS5_VALENCE = { 1: -1, 2: -0.6, 3: 0, 4: 0.6, 5: 1 };

export const SCALES: Record<RatingScale, ScaleDefinition> = {
  stars5: { min: 1, max: 5, name: '1–5 stars', labels: '1–2 negative, 3 neutral, 4–5 positive', negativeUpTo: 2, positiveFrom: 4, lowerIsBetter: false, valence: STARS5_VALENCE },
  csat: { min: 1, max: 5, name: 'CSAT 1–5', labels: '1–2 negative, 3 neutral, 4–5 positive', negativeUpTo: 2, positiveFrom: 4, lowerIsBetter: false, valence: STARS5_VALENCE },
  stars10: {
    min: 1,
    max: 10,
    name: '1–10 stars',
    labels: '1–4 negative, 5–6 neutral, 7–10 positive',
    negativeUpTo: 4,
    positiveFrom: 7,
    lowerIsBetter: false,
    valence: { 1: -1, 2: -0.85, 3: -0.7, 4: -0.5, 5: -0.1, 6: 0.1, 7: 0.4, 8: 0.6, 9: 0.8, 10: 1 },
  },
  nps: {
    min: 0,
    max: 10,
    name: 'NPS 0–10',
    labels: '0–6 negative (detractors), 7–8 neutral (passives), 9–10 positive (promoters)',
    negativeUpTo: 6,
    positiveFrom: 9,
    lowerIsBetter: false,
    // A passive (7–8) is lukewarm, not happy: NPS counts only 9–10 as promoters.
    valence: { 0: -1, 1: -0.95, 2: -0.9, 3: -0.8, 4: -0.7, 5: -0.6, 6: -0.4, 7: -0.05, 8: 0.15, 9: 0.7, 10: 1 },
  },
  grade: {
    min: 1,
    max: 6,
    name: 'German school grade 1–6 (1 best)',
    labels: '1–2 positive, 3 neutral, 4–6 negative',
    negativeUpTo: 4,
    positiveFrom: 2,
    lowerIsBetter: true,
    valence: { 1: 1, 2: 0.6, 3: 0, 4: -0.6, 5: -0.85, 6: -1 },
  },
  thumbs: { min: 0, max: 1, name: 'thumbs down/up', labels: 'down negative, up positive', negativeUpTo: 0, positiveFrom: 1, lowerIsBetter: false, valence: { 0: -0.8, 1: 0.8 } },
};

/** The rating's tone by its scale's bands; a value between bands (2.5 ★) takes the nearer band. */
export function ratingTone(rating: Rating): SentimentLabel {
  const scale = SCALES[rating.scale];
  const value = Math.round(rating.value);
  if (scale.lowerIsBetter) return value >= scale.negativeUpTo ? 'negative' : value <= scale.positiveFrom ? 'positive' : 'neutral';
  if (value <= scale.negativeUpTo) return 'negative';
  if (value >= scale.positiveFrom) return 'positive';
  return 'neutral';
}

/** The rating as a valence from -1 to +1, comparable with a text's sentiment score. */
export function ratingValence(rating: Rating): number {
  const { min, max, valence } = SCALES[rating.scale];
  const value = Math.min(max, Math.max(min, rating.value));
  const low = Math.floor(value);
  const high = Math.ceil(value);
  const a = valence[low] ?? 0;
  const b = valence[high] ?? a;
  return Math.round((a + (b - a) * (value - low)) * 100) / 100;
}

/** Where the rating sits on its scale: 0 the worst, 1 the best. */
export function ratingPosition(rating: Rating): number {
  const { min, max, lowerIsBetter } = SCALES[rating.scale];
  const up = (rating.value - min) / (max - min);
  return Math.min(1, Math.max(0, lowerIsBetter ? 1 - up : up));
}

/** The top of the rating's scale: 5★, 9–10/10, NPS 9–10 (promoters), grade 1; a thumbs up is too coarse to be a top mark. */
export function isTopRating(rating: Rating): boolean {
  if (rating.scale === 'thumbs') return false;
  if (rating.scale === 'nps' || rating.scale === 'stars10') return rating.value >= 9;
  return ratingPosition(rating) >= 1;
}
