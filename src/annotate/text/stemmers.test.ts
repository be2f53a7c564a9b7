// thick's stemmers against natural's, the stemmers the codebook's stem patterns and the trained model's features
// were made with: any word on which they differ would silently change which codes and features a text gets.
// natural stays a dev dependency for this comparison only.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import NaturalGerman from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import NaturalEnglish from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../../collation.js';
import { fold } from './fold.js';
import { porterStemEnglish } from './porter-en.js';
import { snowballStemGerman } from './snowball-de.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort(byCodePoint)
    .flatMap((name) => filesUnder(join(path, name)));
}

/** Every word of the project's lexicons, codebooks, fixtures and README, as written and folded. */
function projectWords(): string[] {
  const words = new Set<string>();
  const sources = ['lexicons', 'codebooks', 'fixtures', 'README.md'].flatMap((p) => filesUnder(join(ROOT, p)));
  for (const file of sources) {
    for (const [word] of readFileSync(file, 'utf8').toLowerCase().matchAll(/[\p{L}\p{N}'’-]+/gu)) {
      words.add(word);
      words.add(fold(word));
    }
  }
  return [...words];
}

const ENDINGS = [
  's', 'es', 'ies', 'sses', 'ed', 'eed', 'ing', 'y', 'ly', 'ally', 'bly', 'ational', 'tional', 'ization', 'ation',
  'ator', 'alism', 'iveness', 'fulness', 'ousness', 'ality', 'ivity', 'bility', 'logy', 'icate', 'ative', 'alize',
  'icity', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
  'sion', 'tion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'e', 'll', 'at', 'bl', 'iz',
  'em', 'ern', 'en', 'est', 'st', 'end', 'ung', 'ungen', 'ig', 'ik', 'isch', 'lich', 'heit', 'keit', 'igkeit',
  'lichkeit', 'erlich', 'enheit', 'nis', 'nisse', 'nissen', 'ern', 'eue', 'aue', 'ayer',
];

/**
 * The first six letters of project words with each ending, to reach every branch of the suffix rules. Every
 * `step`-th stem only, to keep the suite fast; STEMMER_VARIANT_STEP=1 checks them all.
 */
function suffixVariants(words: readonly string[], step: number): string[] {
  const bases = new Set<string>();
  for (const word of words) if (/^[a-zäöüß]+$/.test(word)) bases.add(word.slice(0, 6));
  const variants: string[] = [];
  [...bases].forEach((base, i) => {
    if (i % step === 0) for (const ending of ENDINGS) variants.push(base + ending);
  });
  return variants;
}

/** Seeded random letter strings, so rare letter patterns ("yy", "uau", digits, umlauts) are covered too. */
function randomWords(count: number): string[] {
  const letters = "aeiouyyybcdfghklmnrstzwxuäöüß-'1";
  let seed = 20_261_201;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    const length = 1 + Math.floor(next() * 9);
    for (let j = 0; j < length; j++) word += letters[Math.floor(next() * letters.length)];
    if (next() < 0.7) word += ENDINGS[Math.floor(next() * ENDINGS.length)];
    words.push(word);
  }
  return words;
}

function differences(words: readonly string[], ours: (w: string) => string, theirs: (w: string) => string): string[] {
  return words.filter((word) => ours(word) !== theirs(word)).map((w) => `${w}: ${ours(w)} ≠ ${theirs(w)}`);
}

describe('thick stemmers equal the stemmers the codebook and the model were made with', () => {
  const words = projectWords();
  const variants = suffixVariants(words, Number(process.env.STEMMER_VARIANT_STEP ?? 5));
  const random = randomWords(20_000);

  it('read a large word list', () => {
    expect(words.length).toBeGreaterThan(5_000);
    expect(variants.length).toBeGreaterThan(80_000);
  });

  it('English: the same Porter stem for every word', () => {
    const english = (w: string): string => NaturalEnglish.stem(w);
    expect(differences(words, porterStemEnglish, english)).toEqual([]);
    expect(differences(variants, porterStemEnglish, english)).toEqual([]);
    expect(differences(random, porterStemEnglish, english)).toEqual([]);
  });

  it('German: the same Snowball stem for every word', () => {
    const german = (w: string): string => NaturalGerman.stem(w);
    expect(differences(words, snowballStemGerman, german)).toEqual([]);
    expect(differences(variants, snowballStemGerman, german)).toEqual([]);
    expect(differences(random, snowballStemGerman, german)).toEqual([]);
  });

  it('agrees on the words where the two readings of the algorithms part', () => {
    // "y" after a consonant run and a vowel after it count as two vowel groups; Porter's paper would say "byord".
    expect(porterStemEnglish('byorder')).toBe('byord');
    expect(porterStemEnglish('yyyy')).toBe('yyyy');
    expect(porterStemEnglish('archeology')).toBe('archeolog');
    // Marking a "u" between vowels uses up the vowel after it, so the second "u" of "auau" stays a vowel.
    expect(snowballStemGerman('auauung')).toBe('auauung');
    expect(snowballStemGerman('kenntnisse')).toBe('kenntnis');
    expect(snowballStemGerman('aufeinanderfolgenden')).toBe('aufeinanderfolg');
    expect(snowballStemGerman('häuser')).toBe('haus');
  });
});
