// Ratings as exports write them: stars (1–5, 1–10), NPS (0–10), CSAT (1–5), German school grades (1 best – 6) and
// thumbs (up/down, good/bad). What scale a column is on follows from its header (NPS, CSAT, Note, thumbs …) and
// from the range of its values; each value is then checked against that scale, so a 7 in a five-star column is
// an error with its line and column, not a silently odd rating.

import type { Parsed, Rating, RatingScale } from '../model.js';
import { SCALES } from '../rating-scales.js';
import { span } from '../span.js';
import { normaliseHeader } from './preset.js';

/** What the header says the numbers mean; the values then decide between 1–5 and 1–10 stars. */
type HeaderClass = 'stars' | 'nps' | 'csat' | 'grade' | 'thumbs';

const HEADER_CLASSES: [HeaderClass, RegExp][] = [
  ['nps', /nps|netpromoter|recommend|weiterempfehl/],
  ['csat', /csat|satisfaction|zufriedenheit/],
  ['grade', /^(?:gesamt|schul)?note$/],
  ['thumbs', /thumbs?$|daumen/],
];

export function headerClass(header: string): HeaderClass {
  const name = normaliseHeader(header);
  return HEADER_CLASSES.find(([, pattern]) => pattern.test(name))?.[0] ?? 'stars';
}

// Words for a thumbs rating (1 up, 0 down), and words that say no rating was given (Zendesk's "Offered").
const THUMBS: Record<string, number> = {
  up: 1, down: 0, good: 1, bad: 0, gut: 1, schlecht: 0, yes: 1, no: 0, ja: 1, nein: 0, positive: 1, negative: 0, positiv: 1,
  negativ: 0, like: 1, dislike: 0, '👍': 1, '👎': 0, '+': 1, '-1': 0, '+1': 1, true: 1, false: 0, 'thumbs up': 1, 'thumbs down': 0,
  'daumen hoch': 1, 'daumen runter': 0, satisfied: 1, unsatisfied: 0, zufrieden: 1, unzufrieden: 0,
};
const NO_RATING = new Set(['offered', 'unoffered', 'not offered', 'n/a', 'na', 'none', 'k.a.', 'keine angabe', 'nicht bewertet', 'not rated', '-', '–']);

/** "Good, I'm satisfied" (Zendesk) counts as good: the first word decides. */
function thumbsWord(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  return THUMBS[v] ?? THUMBS[v.split(/[\s,;]+/)[0] ?? ''];
}

const isNoRating = (value: string): boolean => NO_RATING.has(value.trim().toLowerCase());

/**
 * A number as a rating is written: "4", "4.5", "4,5", "4/5", "4 of 5", "4 von 5", "4 stars", "4 Sterne", "★★★★☆".
 * Null when the value is no number at all.
 */
export function ratingNumber(value: string): number | null {
  const v = value.trim();
  if (/^[★☆]+$/.test(v)) return [...v].filter((c) => c === '★').length;
  const m = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:(?:\/|of|von|out of)\s*\d+(?:[.,]\d+)?)?\s*(?:stars?|sterne?|punkte?|points?)?$/i.exec(v);
  return m ? Number(m[1]!.replace(',', '.')) : null;
}

/** Share of `values` between lo and hi. */
const share = (values: number[], lo: number, hi: number): number => values.filter((v) => v >= lo && v <= hi).length / values.length;

/**
 * A column is on a scale when nearly all its values fit; the few that do not are rejected one by one. A header
 * that names its scale (NPS, CSAT, Note, thumbs) needs only most values to fit; a bare "Score" needs nearly all of
 * them to choose between five and ten points, and most of them to be a rating at all.
 */
const NEARLY_ALL = 0.95;
const MOST = 0.8;
const HALF = 0.5;

export type RatingColumn = { ok: true; scale: RatingScale } | { ok: false; reason: string };

/**
 * Decide a rating column's scale from its header and values, or say why it is no rating column (its values are
 * words, or numbers no rating scale holds). Empty values and "no rating" words ("Offered") are ignored.
 */
export function detectRatingColumn(header: string, values: readonly string[]): RatingColumn {
  const cls = headerClass(header);
  const given = values.map((v) => v.trim()).filter((v) => v !== '' && !isNoRating(v));
  if (given.length === 0) return { ok: true, scale: defaultScale(cls) };
  const thumbs = given.filter((v) => thumbsWord(v) !== undefined && ratingNumber(v) === null).length;
  if (thumbs / given.length >= 0.8) return { ok: true, scale: 'thumbs' };
  const numbers = given.map(ratingNumber).filter((n): n is number => n !== null);
  if (numbers.length / given.length < 0.8) {
    const example = given.find((v) => ratingNumber(v) === null && thumbsWord(v) === undefined) ?? given[0]!;
    return { ok: false, reason: `its values are not ratings (e.g. "${example.length > 40 ? `${example.slice(0, 40)}…` : example}")` };
  }
  const scale = scaleOf(cls, numbers);
  if (scale) return { ok: true, scale };
  const range = span(numbers)!;
  return { ok: false, reason: `its values (${range.min} to ${range.max}) fit no rating scale` };
}

function defaultScale(cls: HeaderClass): RatingScale {
  return cls === 'stars' ? 'stars5' : cls;
}

/** The scale a header suggests before any value is seen (five stars unless it names NPS, CSAT, a grade or thumbs). */
export const headerScale = (header: string): RatingScale => defaultScale(headerClass(header));

/** The scale the numbers of a column fit, given what its header says. */
function scaleOf(cls: HeaderClass, numbers: number[]): RatingScale | null {
  const fits = (lo: number, hi: number, need = NEARLY_ALL) => share(numbers, lo, hi) >= need;
  switch (cls) {
    case 'nps':
      return fits(0, 10, HALF) ? 'nps' : null;
    case 'grade':
      return fits(1, 6, HALF) ? 'grade' : null;
    case 'thumbs':
      return fits(-1, 1, HALF) ? 'thumbs' : null;
    case 'csat':
      return fits(1, 5) ? 'csat' : fits(1, 10) ? 'stars10' : fits(1, 5, HALF) ? 'csat' : null;
    case 'stars':
      // Zeros in a column that never goes above 5 are out-of-scale stars (rejected), not a ten-point scale.
      if (fits(1, 5) || (fits(0, 5) && span(numbers)!.max <= 5)) return 'stars5';
      if (fits(1, 10)) return 'stars10';
      // A ten-point scale that starts at 0 is the NPS question ("how likely … 0–10").
      if (fits(0, 10)) return 'nps';
      return fits(1, 5, MOST) ? 'stars5' : fits(1, 10, MOST) ? 'stars10' : null;
  }
}

/** One value on a column's scale: the rating, null when none was given ("", "Offered"), or a reason to reject. */
export function parseRating(value: string, scale: RatingScale): Parsed<Rating | null> {
  const v = value.trim();
  if (v === '' || isNoRating(v)) return { ok: true, value: null };
  if (scale === 'thumbs') {
    const word = thumbsWord(v);
    const n = word ?? ratingNumber(v);
    if (n === null || n === undefined || ![-1, 0, 1].includes(n)) return { ok: false, reason: `"${v}" is not a thumbs rating (up/down, good/bad, 1/0)` };
    return { ok: true, value: { value: n === 1 ? 1 : 0, scale } };
  }
  const n = ratingNumber(v);
  const { min, max, name } = SCALES[scale];
  if (n === null) return { ok: false, reason: `"${v}" is not a rating on the ${name} scale` };
  if (n < min || n > max) return { ok: false, reason: `${v} is outside the ${name} scale` };
  return { ok: true, value: { value: n, scale } };
}
