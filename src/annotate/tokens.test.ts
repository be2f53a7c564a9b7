import { describe, expect, it } from 'vitest';
import { foldGerman, normaliseEmoticon, tokenize } from './tokens.js';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.norm}`);

describe('tokenize', () => {
  it('keeps words lower-cased with their raw form', () => {
    expect(tokenize('Nicht GUT')).toEqual([
      { kind: 'word', raw: 'Nicht', norm: 'nicht' },
      { kind: 'word', raw: 'GUT', norm: 'gut' },
    ]);
  });

  it('drops URLs and numbers, keeps @handles as bare mentions', () => {
    expect(kinds('@DB_Bahn 20 min https://t.co/x www.bahn.de spät')).toEqual(['mention:@', 'word:min', 'word:spät']);
  });

  it('splits hashtags into their words', () => {
    expect(kinds('#fail #WorstAirlineEver #never_again')).toEqual([
      'word:fail', 'word:worst', 'word:airline', 'word:ever', 'word:never', 'word:again',
    ]);
  });

  it('finds emoji and emoticons without eating URLs or clock times', () => {
    expect(kinds('toll 👍 :) :-((( <3 xD')).toEqual(['word:toll', 'emoji:👍', 'emoticon::)', 'emoticon::-(', 'emoticon:<3', 'emoticon:xD']);
    expect(kinds('um 12:30 http://x.de/:)')).toEqual(['word:um']);
  });

  it('keeps the punctuation of numbers, dates and ordinals out of the clause breaks', () => {
    expect(kinds('49,90 Euro um 12:30')).toEqual(['word:euro', 'word:um']);
    expect(kinds('am 02.07. gekündigt')).toEqual(['word:am', 'word:gekündigt']);
    expect(kinds('zum 3. Mal')).toEqual(['word:zum', 'word:mal']);
    // A date's dot before a capital, or a long number's, still ends the sentence.
    expect(kinds('der 15.07. Auf')).toEqual(['word:der', 'stop:.', 'word:auf']);
    expect(kinds('Kundennummer 1014. Bitte')).toEqual(['word:kundennummer', 'stop:.', 'word:bitte']);
  });

  it('keeps contractions and marks clause breaks, "!" and "?"', () => {
    expect(kinds("don't, ok! why?")).toEqual(["word:don't", 'stop:.', 'word:ok', 'bang:!', 'word:why', 'question:?']);
    expect(kinds('don’t')).toEqual(["word:don't"]);
  });

  it('returns nothing for empty text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  \t ')).toEqual([]);
  });
});

describe('foldGerman', () => {
  it('folds umlauts and ß to their ASCII spelling', () => {
    expect(foldGerman('pünktlich')).toBe('puenktlich');
    expect(foldGerman('ärger öde spaß')).toBe('aerger oede spass');
    expect(foldGerman('neue')).toBe('neue');
  });
});

describe('normaliseEmoticon', () => {
  it('reduces a repeated mouth to one', () => {
    expect(normaliseEmoticon(':)))')).toBe(':)');
    expect(normaliseEmoticon(':DDD')).toBe(':D');
    expect(normaliseEmoticon('<333')).toBe('<3');
  });
});
