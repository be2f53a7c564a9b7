import { describe, expect, it } from 'vitest';
import { fold, foldKey, normaliseWord } from './fold.js';

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
