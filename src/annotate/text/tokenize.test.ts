import { describe, expect, it } from 'vitest';
import { normaliseEmoticon, readText, tokenize, type Token } from './tokenize.js';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.norm}`);
const feeling = (text: string) =>
  tokenize(text)
    .filter((t) => t.kind !== 'number' && t.kind !== 'url' && t.kind !== 'email' && t.kind !== 'entity')
    .map((t) => `${t.kind}:${t.norm}`);

describe('tokenize', () => {
  it('gives each word its raw, normal and folded form with offsets', () => {
    const text = 'Nicht GUT, Verspätung';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.kind, t.raw, t.norm, t.folded, t.start, t.end])).toEqual([
      ['word', 'Nicht', 'nicht', 'nicht', 0, 5],
      ['word', 'GUT', 'gut', 'gut', 6, 9],
      ['stop', ',', '.', '.', 9, 10],
      ['word', 'Verspätung', 'verspätung', 'verspaetung', 11, 21],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it('marks URLs, e-mail addresses, @handles and HTML entities as tokens of their own kinds', () => {
    expect(kinds('@DB_Bahn https://t.co/x WWW.bahn.de max.muster@example.org &amp; spät')).toEqual([
      'mention:@db_bahn', 'url:https://t.co/x', 'url:WWW.bahn.de', 'email:max.muster@example.org', 'entity:&amp;', 'word:spät',
    ]);
    // A handle with letters beyond ASCII is one handle.
    expect(kinds('@Müller hallo')).toEqual(['mention:@müller', 'word:hallo']);
  });

  it('splits hashtags into their words, with offsets inside the hashtag', () => {
    const tokens = tokenize('#WorstAirlineEver #never_again #2020Vision');
    expect(tokens.map((t) => `${t.kind}:${t.norm}`)).toEqual([
      'word:worst', 'word:airline', 'word:ever', 'word:never', 'word:again', 'number:2020', 'word:vision',
    ]);
    expect(tokens.every((t) => t.hashtag)).toBe(true);
    expect(tokens.map((t) => [t.start, t.end]).slice(0, 5)).toEqual([[1, 6], [6, 13], [13, 17], [19, 24], [25, 30]]);
    expect(tokenize('plain')[0]?.hashtag).toBe(false);
  });

  it('finds emoji and emoticons without eating URLs or clock times', () => {
    expect(kinds('toll 👍 :) :-((( <3 xD')).toEqual(['word:toll', 'emoji:👍', 'emoticon::)', 'emoticon::-(', 'emoticon:<3', 'emoticon:xD']);
    expect(feeling('um 12:30 http://x.de/:)')).toEqual(['word:um']);
  });

  it('keeps the punctuation of numbers, dates and ordinals inside the number', () => {
    expect(kinds('49,90 Euro um 12:30')).toEqual(['number:49,90', 'word:euro', 'word:um', 'number:12:30']);
    expect(kinds('am 02.07. gekündigt')).toEqual(['word:am', 'number:02.07', 'word:gekündigt']);
    expect(kinds('zum 3. Mal')).toEqual(['word:zum', 'number:3', 'word:mal']);
    // A date's dot before a capital, or a long number's, is punctuation.
    expect(kinds('der 15.07. Auf')).toEqual(['word:der', 'number:15.07', 'stop:.', 'word:auf']);
    expect(kinds('Kundennummer 1014. Bitte')).toEqual(['word:kundennummer', 'number:1014', 'stop:.', 'word:bitte']);
  });

  it('reads digits before letters as a number of their own, digits after letters as part of the word', () => {
    expect(kinds('24hrs iPhone15 B2B')).toEqual(['number:24', 'word:hrs', 'word:iphone15', 'word:b2b']);
  });

  it('keeps contractions and marks clause breaks, "!" and "?"', () => {
    expect(kinds("don't, ok! why?")).toEqual(["word:don't", 'stop:.', 'word:ok', 'bang:!', 'word:why', 'question:?']);
    expect(kinds('don’t')).toEqual(["word:don't"]);
    expect(kinds('gut - aber')).toEqual(['word:gut', 'stop:.', 'word:aber']);
  });

  it('returns nothing for empty text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  \t ')).toEqual([]);
  });

  it('reads the same text once for every annotator that asks', () => {
    const text = 'Der Zug kam zu spät.';
    expect(readText(text)).toBe(readText(text));
    expect(tokenize(`${text} `)).not.toBe(tokenize(text));
  });
});

describe('sentence indexes', () => {
  const sentences = (text: string) => tokenize(text).filter((t: Token) => t.kind === 'word' || t.kind === 'number').map((t) => `${t.norm}/${t.sentence}`);

  it('end a sentence at . ! ? … followed by space or the end, and at line breaks', () => {
    expect(sentences('Zu spät! Wieder. Warum?! Egal… ok\nneu')).toEqual(['zu/0', 'spät/0', 'wieder/1', 'warum/2', 'egal/3', 'ok/4', 'neu/5']);
    expect(readText('Zu spät! Wieder.').sentenceEnds).toEqual([7, 15]);
  });

  it('end no sentence inside a name, a number, a date or an ordinal', () => {
    expect(sentences('amazon.de kam am 02.07. und zum 3. Mal 3.5 Sterne von E.ON')).toEqual([
      'amazon/0', 'de/0', 'kam/0', 'am/0', '02.07/0', 'und/0', 'zum/0', '3/0', 'mal/0', '3.5/0', 'sterne/0', 'von/0', 'e/0', 'on/0',
    ]);
    expect(sentences('so?, ja… und')).toEqual(['so/0', 'ja/0', 'und/1']);
    expect(sentences('U.S. Mail')).toEqual(['u/0', 's/0', 'mail/1']);
    expect(sentences('mein E.On Konto')).toEqual(['mein/0', 'e/0', 'on/0', 'konto/0']);
    // A semicolon joins clauses of one sentence.
    expect(sentences('gut; aber')).toEqual(['gut/0', 'aber/0']);
  });

  it('end a sentence before markup, a bracket or a URL or handle that follows the mark directly', () => {
    expect(sentences('Danke.@bahn Weiter')).toEqual(['danke/0', 'weiter/1']);
    expect(sentences('Schlecht.<br />Nie wieder')).toEqual(['schlecht/0', 'br/1', 'nie/1', 'wieder/1']);
    expect(sentences('(War gut.) Danke.www.bahn.de')).toEqual(['war/0', 'gut/0', 'danke/1']);
    expect(sentences('good cup.Lacks taste')).toEqual(['good/0', 'cup/0', 'lacks/1', 'taste/1']);
  });
});

describe('normaliseEmoticon', () => {
  it('reduces a repeated mouth to one', () => {
    expect(normaliseEmoticon(':)))')).toBe(':)');
    expect(normaliseEmoticon(':DDD')).toBe(':D');
    expect(normaliseEmoticon('<333')).toBe('<3');
  });
});
