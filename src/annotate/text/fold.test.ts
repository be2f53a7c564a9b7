import { describe, expect, it } from 'vitest';
import { fold, foldKey, isElongated, normaliseWord } from './fold.js';

describe('fold', () => {
  it('spells out umlauts and ß, drops other accents, unifies the apostrophe', () => {
    expect(fold('Größe')).toBe('groesse');
    expect(fold('ärger öde SPASS spaß')).toBe('aerger oede spass spass');
    expect(fold('Café')).toBe('cafe');
    expect(fold('ÜBER')).toBe('ueber');
    expect(fold('don’t')).toBe("don't");
  });

  it('reads a decomposed umlaut (u + combining diaeresis) like the composed one', () => {
    expect(fold('pu\u0308nktlich')).toBe('puenktlich');
  });

  it('never unfolds: ue stays ue', () => {
    expect(fold('neue Steuer')).toBe('neue steuer');
  });
});

describe('normaliseWord', () => {
  it('lower-cases and unifies the apostrophe but keeps accents', () => {
    expect(normaliseWord('Naïve')).toBe('naïve');
    expect(normaliseWord('Don’t')).toBe("don't");
    expect(normaliseWord('Süd')).toBe('süd');
  });
});

describe('foldKey', () => {
  it('folds multi-word keys to single spaces', () => {
    expect(foldKey('  Ende   des ')).toBe('ende des');
    expect(foldKey('Zur Abwechslung')).toBe('zur abwechslung');
  });
});

describe('isElongated', () => {
  it('finds three or more of the same letter, also beyond 16 bits, and nothing else', () => {
    expect(isElongated('soooo')).toBe(true);
    expect(isElongated('niiiicht')).toBe(true);
    expect(isElongated('good')).toBe(false);
    expect(isElongated('')).toBe(false);
    // Digits and punctuation are not letters: "1000" and "!!!" are no elongation.
    expect(isElongated('1000')).toBe(false);
    expect(isElongated('a...b')).toBe(false);
    // Mathematical bold letters take two code units each: "𝐠𝐨𝐨𝐨𝐝".
    expect(isElongated('𝐠𝐨𝐨𝐨𝐝')).toBe(true);
    expect(isElongated('𝐠𝐨𝐨𝐝')).toBe(false);
  });
});
