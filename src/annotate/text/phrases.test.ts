import { describe, expect, it } from 'vitest';
import { PhraseList, phraseLengthAt, phraseSteps } from './phrases.js';
import { foldKey } from './fold.js';
import { tokenize } from './tokenize.js';

const words = (text: string) => tokenize(text).filter((t) => t.kind === 'word' || t.kind === 'number');
const list = (...phrases: string[]) => new PhraseList(phrases.map((p) => foldKey(p).split(' ')));

/** The same question answered by scanning every phrase in list order: what the index must agree with. */
function scanned(phrases: string[], text: string, i: number): number {
  const tokens = words(text);
  for (const phrase of phrases) {
    const length = phraseLengthAt(phraseSteps(foldKey(phrase).split(' ')), tokens, i);
    if (length > 0) return length;
  }
  return 0;
}

describe('phraseLengthAt', () => {
  it('matches folded words, prefixes and any one word, within one sentence', () => {
    const tokens = words('Ich warte seit drei Tagen. Seit Wochen!');
    expect(phraseLengthAt(phraseSteps(['warte*', 'seit']), tokens, 1)).toBe(2);
    expect(phraseLengthAt(phraseSteps(['seit', '*', 'tagen']), tokens, 2)).toBe(3);
    expect(phraseLengthAt(phraseSteps(['wartet', 'seit']), tokens, 1)).toBe(0);
    // "Tagen. Seit" runs across the sentence end.
    expect(phraseLengthAt(phraseSteps(['tagen', 'seit']), tokens, 4)).toBe(0);
    // Past the last token.
    expect(phraseLengthAt(phraseSteps(['wochen', 'lang']), tokens, 6)).toBe(0);
  });
});

describe('PhraseList', () => {
  it('answers with the first phrase of the list that holds, as a scan in list order would', () => {
    const phrases = ['sent', 'sent you', 'sent * a replacement', 'sen*'];
    const text = 'We sent you a replacement';
    const index = list(...phrases);
    for (let i = 0; i < 5; i++) expect(index.lengthAt(words(text), i)).toBe(scanned(phrases, text, i));
    expect(index.lengthAt(words(text), 1)).toBe(1); // "sent" comes before the longer phrases
    // A prefix phrase earlier in the list wins over a later whole-word one.
    const prefixFirst = ['sen*', 'sent you'];
    expect(list(...prefixFirst).lengthAt(words(text), 1)).toBe(1);
    expect(list('sent you', 'sen*').lengthAt(words(text), 1)).toBe(2);
  });

  it('finds phrases by their folded first word, and nothing where none starts', () => {
    const index = list('Ersatz ist raus', 'danke*', 'got my refund');
    const tokens = words('Der ERSATZ ist raus, dankeschön! I got my refund');
    expect(tokens.map((_, i) => index.lengthAt(tokens, i))).toEqual([0, 3, 0, 0, 1, 0, 3, 0, 0]);
    expect(index.holdsAt(tokens, 0)).toBe(false);
    expect(index.holdsAt(tokens, 4)).toBe(true);
    expect(index.lengthAt(tokens, 99)).toBe(0);
  });

  it('holds nowhere with a phrase of no words', () => {
    const index = new PhraseList([[], ['ok']]);
    expect(index.lengthAt(words('ok'), 0)).toBe(1);
    expect(new PhraseList([[]]).lengthAt(words('ok'), 0)).toBe(0);
  });
});
