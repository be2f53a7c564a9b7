import { describe, expect, it } from 'vitest';
import { detectRatingColumn, headerClass, parseRating, ratingNumber } from './ratings.js';

const scale = (header: string, values: string[]) => {
  const column = detectRatingColumn(header, values);
  return column.ok ? column.scale : `no: ${column.reason}`;
};

describe('detectRatingColumn', () => {
  it('reads stars on five or ten points from the values, NPS and CSAT and grades from the header', () => {
    expect(scale('Score', ['5', '1', '4', '3', '2'])).toBe('stars5');
    expect(scale('Sterne', ['4,5', '3', '5'])).toBe('stars5');
    expect(scale('Rating', ['7', '10', '3', '1'])).toBe('stars10');
    expect(scale('How likely are you to recommend us?', ['0', '10', '7'])).toBe('nps');
    expect(scale('Weiterempfehlung', ['9', '6'])).toBe('nps');
    expect(scale('CSAT', ['1', '5', '4'])).toBe('csat');
    expect(scale('Zufriedenheit', ['2', '5'])).toBe('csat');
    expect(scale('Note', ['1,3', '2', '5', '6'])).toBe('grade');
    // A ten-point scale that starts at 0 is the NPS question.
    expect(scale('score', ['0', '8', '10', '6'])).toBe('nps');
  });

  it('reads thumbs from words (Zendesk good/bad, up/down, 👍), ignoring "Offered" and empty cells', () => {
    expect(scale('Satisfaction Score', ['Good', 'Bad', 'Offered', 'Not Offered', '', "Good, I'm satisfied"])).toBe('thumbs');
    expect(scale('Thumbs', ['up', 'down', '👍'])).toBe('thumbs');
    expect(scale('Thumbs', ['1', '0', '1'])).toBe('thumbs');
  });

  it('says why a column named like a rating is none: words, or numbers no scale holds', () => {
    expect(scale('Bewertung', ['Tolles Produkt, gerne wieder', 'Kam kaputt an', '5'])).toBe('no: its values are not ratings (e.g. "Tolles Produkt, gerne wieder")');
    expect(scale('Score', ['120', '4', '3300', '17'])).toBe('no: its values (4 to 3300) fit no rating scale');
  });

  it('keeps the scale when a few values stray, so those rows can be rejected one by one', () => {
    expect(scale('Stars', [...Array(40).fill('4'), '5', '7'])).toBe('stars5');
    expect(scale('Stars', ['4', '5', '3', '2', '1', '4', '5', '5', '12'])).toBe('stars5');
    // A header that names its scale keeps it with more strays.
    expect(scale('NPS', ['2', '7', '10', '11'])).toBe('nps');
  });

  it('classes headers, and never a vote count: those headers are no rating synonyms at all', () => {
    expect(headerClass('NPS')).toBe('nps');
    expect(headerClass('Gesamtnote')).toBe('grade');
    expect(headerClass('Notes')).toBe('stars');
  });
});

describe('parseRating', () => {
  it('reads a value on its scale, and none for an empty or "Offered" cell', () => {
    expect(parseRating('4', 'stars5')).toEqual({ ok: true, value: { value: 4, scale: 'stars5' } });
    expect(parseRating('★★★☆☆', 'stars5')).toEqual({ ok: true, value: { value: 3, scale: 'stars5' } });
    expect(parseRating('4 von 5', 'stars5')).toEqual({ ok: true, value: { value: 4, scale: 'stars5' } });
    expect(parseRating('Bad', 'thumbs')).toEqual({ ok: true, value: { value: 0, scale: 'thumbs' } });
    expect(parseRating('Offered', 'thumbs')).toEqual({ ok: true, value: null });
    expect(parseRating('', 'nps')).toEqual({ ok: true, value: null });
  });

  it('rejects a value off the scale with a reason', () => {
    expect(parseRating('7', 'stars5')).toEqual({ ok: false, reason: '7 is outside the 1–5 stars scale' });
    expect(parseRating('0', 'stars5')).toEqual({ ok: false, reason: '0 is outside the 1–5 stars scale' });
    expect(parseRating('11', 'nps')).toEqual({ ok: false, reason: '11 is outside the NPS 0–10 scale' });
    expect(parseRating('great', 'stars10')).toEqual({ ok: false, reason: '"great" is not a rating on the 1–10 stars scale' });
    expect(parseRating('maybe', 'thumbs')).toEqual({ ok: false, reason: '"maybe" is not a thumbs rating (up/down, good/bad, 1/0)' });
  });

  it('reads numbers as people write ratings', () => {
    expect(ratingNumber('4,5')).toBe(4.5);
    expect(ratingNumber('8/10')).toBe(8);
    expect(ratingNumber('3 Sterne')).toBe(3);
    expect(ratingNumber('viel')).toBeNull();
  });
});

describe('detectRatingColumn on a large export', () => {
  // Math.max(...values) overflows the stack at about 125,000 values; a column of 200,000 must still be read.
  const many = (n: number, value: (i: number) => string) => Array.from({ length: n }, (_, i) => value(i));

  it('decides the scale of 200,000 values that need their maximum (zeros among five stars)', () => {
    expect(scale('Score', many(200_000, (i) => String(i % 10 === 0 ? 0 : (i % 5) + 1)))).toBe('stars5');
  });

  it('names the range of 200,000 values that fit no scale', () => {
    expect(scale('Score', many(200_000, (i) => String(50 + (i % 51))))).toBe('no: its values (50 to 100) fit no rating scale');
  });
});
