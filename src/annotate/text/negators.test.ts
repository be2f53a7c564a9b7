import { describe, expect, it } from 'vitest';
import { isNegator, negatorsFor, negatorsOf } from './negators.js';

describe('negatorsFor', () => {
  it('reads the negators of each language from the one lexicon, folded', () => {
    const en = negatorsFor(['en']);
    const de = negatorsFor(['de']);
    expect(isNegator(en, 'not')).toBe(true);
    expect(isNegator(en, 'nicht')).toBe(false);
    expect(isNegator(de, 'nicht')).toBe(true);
    expect(isNegator(de, 'nuescht')).toBe(true); // listed as "nüscht"
    expect(isNegator(de, 'gut')).toBe(false);
  });

  it('negates with any English word ending in n\'t, in English only', () => {
    expect(isNegator(negatorsFor(['en']), "shan't")).toBe(true);
    expect(isNegator(negatorsFor(['de']), "shan't")).toBe(false);
  });

  it('keeps multi-word negators apart as phrases', () => {
    const de = negatorsFor(['de']);
    expect(de.phrases).toContain('noch nie');
    expect(de.words.has('noch nie')).toBe(false);
  });

  it('has the words that cancel a negation and the German verb-final negators', () => {
    const both = negatorsFor(['de', 'en']);
    expect(both.breakers.has('only')).toBe(true);
    expect(both.breakers.has('nur')).toBe(true);
    expect(both.afterVerb.has('nicht')).toBe(true);
    expect(negatorsFor(['en']).afterVerb.size).toBe(0);
  });

  it('reads German texts with English negators too, and undetected ones with both', () => {
    expect(isNegator(negatorsOf('en'), 'nicht')).toBe(false);
    expect(isNegator(negatorsOf('de'), 'never')).toBe(true);
    expect(isNegator(negatorsOf('other'), 'nicht')).toBe(true);
  });

  it('builds each language list once', () => {
    expect(negatorsFor(['de', 'en'])).toBe(negatorsFor(['de', 'en']));
  });
});
