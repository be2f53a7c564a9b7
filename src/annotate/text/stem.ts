// The stemmer: thick's own Snowball German and Porter English stemmers, with one bounded cache per language, so
// the codebook's stem patterns and the classifier's stem features agree on every word.

import { fold } from './fold.js';
import { porterStemEnglish } from './porter-en.js';
import { snowballStemGerman } from './snowball-de.js';

export type StemLang = 'de' | 'en';

/** Enough for the vocabulary of a large run; past it the cache starts over rather than growing without bound. */
export const STEM_CACHE_LIMIT = 50_000;
const caches: Record<StemLang, Map<string, string>> = { de: new Map(), en: new Map() };

/**
 * No word of any language is this long; a longer token (a pasted hash, "xxxxx…") is left as it is, because the
 * stemmers' suffix rules take time quadratic in a word's length (100,000 letters: 17 s).
 */
export const MAX_STEM_LENGTH = 64;

/**
 * The Porter stem of a folded word ("verspätungen" → "verspat", "waiting" → "wait"). German stems are folded
 * again, because the German stemmer turns "ä" into "a" but "ß" into "ss", so only folded stems compare safely.
 */
export function stem(word: string, lang: StemLang): string {
  if (word.length > MAX_STEM_LENGTH) return word;
  const cache = caches[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = lang === 'de' ? fold(snowballStemGerman(word)) : porterStemEnglish(word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** Number of cached stems of a language (for tests of the cache). */
export function stemCacheSize(lang: StemLang): number {
  return caches[lang].size;
}
