// Single-token rules: which word, compound and stem entries one folded token matches. A text's tokens repeat across
// a run, so the result is cached per language, compound permission and token.

import type { Lang } from '../../model.js';
import { stem } from '../text/index.js';
import { MIN_COMPOUND_HEAD, MIN_COMPOUND_STEM, MIN_COMPOUND_WORD, type CompiledCodebook, type Entry } from './compile.js';

const GERMAN_INFLECTIONS = ['', 'e', 'n', 'en', 'es', 's', 'er', 'ern'];
/** Per reading (language, compound permission): past it that cache starts over rather than growing without bound. */
const TOKEN_CACHE_LIMIT = 50_000;

/**
 * Compounds: a long word entry also matches as the tail of a German compound, after a head of ≥ 3 letters and with
 * an inflection ending ("schaden" in "Totalschaden", "hotline" in "Servicehotlines").
 */
function compoundEntries(compiled: CompiledCodebook, token: string, found: Entry[]): void {
  if (token.length < MIN_COMPOUND_HEAD + MIN_COMPOUND_WORD || compiled.compoundWords.size === 0) return;
  for (const ending of GERMAN_INFLECTIONS) {
    if (!token.endsWith(ending)) continue;
    const body = token.slice(0, token.length - ending.length);
    for (let i = MIN_COMPOUND_HEAD; i <= body.length - MIN_COMPOUND_WORD; i++) {
      for (const entry of compiled.compoundWords.get(body.slice(i)) ?? []) found.push(entry);
    }
  }
}

/** German stems: the token's Porter stem starts with the entry; a long entry may also stand inside a compound's stem. */
function germanStemEntries(compiled: CompiledCodebook, token: string, compoundOk: boolean, found: Entry[]): void {
  if (compiled.stems.de.length === 0) return;
  const stemmed = stem(token, 'de');
  for (const entry of compiled.stems.de) {
    if (stemmed.startsWith(entry.stem)) found.push({ code: entry.code, kind: 'stem', raw: entry.raw });
    else if (compoundOk && entry.stem.length >= MIN_COMPOUND_STEM && stemmed.indexOf(entry.stem, MIN_COMPOUND_HEAD) >= 0) {
      found.push({ code: entry.code, kind: 'compound', raw: entry.raw });
    }
  }
}

function englishStemEntries(compiled: CompiledCodebook, token: string, found: Entry[]): void {
  if (compiled.stems.en.length === 0) return;
  const stemmed = stem(token, 'en');
  for (const entry of compiled.stems.en) if (stemmed.startsWith(entry.stem)) found.push({ code: entry.code, kind: 'stem', raw: entry.raw });
}

/**
 * The word, stem and compound entries one folded token matches in a text of the given language ('other' reads it
 * as both). `compoundOk`: the token may be a compound noun (capitalised, or the text has no capitals at all).
 */
export function tokenEntries(token: string, lang: Lang, compoundOk: boolean, compiled: CompiledCodebook): Entry[] {
  const cache = tokenCacheOf(compiled, lang, compoundOk);
  const cached = cache.get(token);
  if (cached) return cached;
  const found: Entry[] = [...(compiled.words.get(token) ?? [])];
  if (lang !== 'en' && compoundOk) compoundEntries(compiled, token, found);
  if (lang !== 'en') germanStemEntries(compiled, token, compoundOk, found);
  if (lang !== 'de') englishStemEntries(compiled, token, found);
  if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
  cache.set(token, found);
  return found;
}

/** The cache of one reading of tokens (language, compound permission), so a lookup needs no key built per token. */
function tokenCacheOf(compiled: CompiledCodebook, lang: Lang, compoundOk: boolean): Map<string, Entry[]> {
  const caches = compiled.tokenCache[lang];
  return compoundOk ? caches.compound : caches.plain;
}
