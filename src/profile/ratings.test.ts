import { describe, expect, it } from 'vitest';
import type { Rating, RatingScale } from '../model.js';
import { makeEvent } from '../test-support.js';
import { isTopRating, ratingPosition, ratingTone, ratingValence } from '../rating-scales.js';
import { feltTone, summariseRatings, toneDisagrees } from './ratings.js';
import { ratingText } from './wording.js';

const tones = (scale: RatingScale, values: number[]) => values.map((value) => ratingTone({ value, scale }));

describe('the stated rating → tone mapping', () => {
  it('reads stars 1–2 negative, 3 neutral, 4–5 positive (CSAT alike)', () => {
    expect(tones('stars5', [1, 2, 3, 4, 5])).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
    expect(tones('csat', [1, 2, 3, 4, 5])).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
  });

  it('reads NPS 0–6 as detractors, 7–8 passive, 9–10 promoters', () => {
    expect(tones('nps', [0, 3, 6, 7, 8, 9, 10])).toEqual(['negative', 'negative', 'negative', 'neutral', 'neutral', 'positive', 'positive']);
  });

  it('reads ten stars 1–4 negative, 5–6 neutral, 7–10 positive, and thumbs down/up', () => {
    expect(tones('stars10', [1, 4, 5, 6, 7, 10])).toEqual(['negative', 'negative', 'neutral', 'neutral', 'positive', 'positive']);
    expect(tones('thumbs', [0, 1])).toEqual(['negative', 'positive']);
  });

  it('reads a German school grade the other way round: 1–2 positive, 3 neutral, 4–6 negative', () => {
    // The ingest side adds this scale to the model; until then it is not a RatingScale there.
    const grade = 'grade' as RatingScale;
    expect(tones(grade, [1, 2, 3, 4, 6])).toEqual(['positive', 'positive', 'neutral', 'negative', 'negative']);
    expect(ratingPosition({ value: 1, scale: grade })).toBe(1);
    expect(ratingValence({ value: 6, scale: grade })).toBe(-1);
    expect(ratingText({ value: 2, scale: grade }, 'de')).toBe('Note 2');
    expect(summariseRatings([makeEvent({ rating: { value: 1, scale: grade }, at: new Date('2024-01-01') }), makeEvent({ rating: { value: 4, scale: grade }, at: new Date('2024-02-01') })])!.trend).toBe('down');
  });

  it('gives a valence whose sign agrees with the tone, rising with the value', () => {
    for (const scale of ['stars5', 'csat', 'stars10', 'nps', 'thumbs'] as RatingScale[]) {
      const { values } = { values: scale === 'thumbs' ? [0, 1] : scale === 'nps' ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : scale === 'stars10' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [1, 2, 3, 4, 5] };
      const valences = values.map((value) => ratingValence({ value, scale }));
      expect([...valences].sort((a, b) => a - b)).toEqual(valences);
      for (const value of values) {
        const tone = ratingTone({ value, scale });
        const v = ratingValence({ value, scale });
        if (tone === 'negative') expect(v).toBeLessThan(-0.2);
        if (tone === 'positive') expect(v).toBeGreaterThan(0.2);
      }
    }
    expect(ratingValence({ value: 4.5, scale: 'stars5' })).toBe(0.8);
    expect(ratingPosition({ value: 3, scale: 'stars5' })).toBe(0.5);
    expect(ratingPosition({ value: 0, scale: 'nps' })).toBe(0);
  });

  it('writes ratings as people do, in both languages', () => {
    expect(ratingText({ value: 2, scale: 'stars5' }, 'en')).toBe('★★☆☆☆ 2/5');
    expect(ratingText({ value: 4.5, scale: 'stars5' }, 'de')).toBe('★★★★★ 4,5/5');
    expect(ratingText({ value: 3, scale: 'nps' }, 'en')).toBe('NPS 3');
    expect(ratingText({ value: 7, scale: 'stars10' }, 'en')).toBe('7/10');
    expect(ratingText({ value: 4, scale: 'csat' }, 'en')).toBe('CSAT 4/5');
    expect(ratingText({ value: 0, scale: 'thumbs' }, 'de')).toBe('Daumen runter');
  });
});

describe('a rated record', () => {
  const oneStar: Rating = { value: 1, scale: 'stars5' };

  it('takes its tone from the rating, not from the text', () => {
    const review = makeEvent({ kind: 'review', expectsReply: false, rating: oneStar, text: 'Great packaging, lovely smell!', lang: 'en', sentiment: { label: 'positive', score: 0.7 } });
    expect(feltTone(review)).toEqual({ score: -1, label: 'negative', from: 'rating' });
    const unrated = makeEvent({ text: 'ok', lang: 'en', sentiment: { label: 'neutral', score: 0.05 } });
    expect(feltTone(unrated)).toEqual({ score: 0.05, label: 'neutral', from: 'text' });
  });

  it('is flagged when text and rating disagree strongly, not when they merely differ', () => {
    const ironic = makeEvent({ kind: 'review', rating: oneStar, lang: 'en', sentiment: { label: 'positive', score: 0.6 } });
    const mild = makeEvent({ kind: 'review', rating: oneStar, lang: 'en', sentiment: { label: 'positive', score: 0.2 } });
    const angryFive = makeEvent({ kind: 'review', rating: { value: 5, scale: 'stars5' }, lang: 'en', sentiment: { label: 'negative', score: -0.5 } });
    const agreeing = makeEvent({ kind: 'review', rating: oneStar, lang: 'en', sentiment: { label: 'negative', score: -0.7 } });
    expect([ironic, mild, angryFive, agreeing].map(toneDisagrees)).toEqual([true, false, true, false]);
  });
});

describe('summariseRatings', () => {
  const rated = (value: number, day: string, scale: RatingScale = 'stars5') =>
    makeEvent({ kind: 'review', expectsReply: false, rating: { value, scale }, at: new Date(`${day}T12:00:00Z`) });

  it('gives latest, mean, n and scale, and a trend against the earlier ratings', () => {
    const summary = summariseRatings([rated(5, '2024-01-10'), rated(4, '2024-03-10'), rated(2, '2024-06-10')]);
    expect(summary).toEqual({ scale: 'stars5', n: 3, latest: 2, latestAt: '2024-06-10T12:00:00.000Z', mean: 3.67, trend: 'down' });
    expect(summariseRatings([rated(2, '2024-01-10'), rated(5, '2024-02-10')])!.trend).toBe('up');
    expect(summariseRatings([rated(4, '2024-01-10'), rated(4, '2024-02-10')])!.trend).toBe('steady');
    expect(summariseRatings([rated(4, '2024-01-10')])!.trend).toBeNull();
    expect(summariseRatings([makeEvent({ text: 'no rating' })])).toBeNull();
  });

  it('summarises the scale used most and never mixes scales in one mean', () => {
    const summary = summariseRatings([rated(9, '2024-01-10', 'nps'), rated(2, '2024-02-10'), rated(10, '2024-03-10', 'nps')]);
    expect(summary).toMatchObject({ scale: 'nps', n: 2, latest: 10, mean: 9.5 });
  });
});

describe('isTopRating', () => {
  it('is the top of each scale: NPS promoters 9–10 only, not the passive 8', () => {
    expect(isTopRating({ value: 9, scale: 'nps' })).toBe(true);
    expect(isTopRating({ value: 8, scale: 'nps' })).toBe(false);
    expect(isTopRating({ value: 9, scale: 'stars10' })).toBe(true);
    expect(isTopRating({ value: 8, scale: 'stars10' })).toBe(false);
    expect(isTopRating({ value: 5, scale: 'stars5' })).toBe(true);
    expect(isTopRating({ value: 4, scale: 'stars5' })).toBe(false);
    expect(isTopRating({ value: 1, scale: 'grade' })).toBe(true);
    expect(isTopRating({ value: 1, scale: 'thumbs' })).toBe(false);
  });
});
