// Word valence: what one word is worth in a mode, from the lexicons (see lexicons.ts). German words also match by
// inflection ("pünktliche" → "pünktlich") and as the head of a compound ("Zugverspätung" → "verspätung"); elongated
// words by their plain spelling ("goooood" → "good"). 'de' texts fall back to English for words the German lexicon
// does not know (German social media borrows "fail", "nice", "sorry"), except English words that are also German
// words ("die", "war", "hell").

import { isElongated, unelongate, type Token } from '../text/index.js';
import type { Mode, Resources } from './lexicons.js';

const MIN_COMPOUND_PREFIX = 3;
const MIN_STEM = 5;
const CACHE_LIMIT = 200_000;

// Only nominal/adjectival endings: stripping verb endings ("heißt" → "heiß") does more harm than good.
const GERMAN_ENDINGS = ['en', 'em', 'er', 'es', 'e', 'n', 's'];
// Verb particles change a verb's meaning ("aufgefallen" is not "gefallen"), so they never count as compound first parts.
const VERB_PARTICLES = new Set(['ab', 'an', 'auf', 'aus', 'be', 'bei', 'durch', 'ein', 'ent', 'er', 'ge', 'her', 'hin', 'mit', 'nach', 'um', 'unter', 'ver', 'vor', 'weg', 'zer', 'zu', 'zurueck', 'miss']);
const FUGEN = ['', 's', 'n', 'en', 'es', 'e'];

function lookupEnglish(r: Resources, w: string): number | undefined {
  const v = r.en.get(w);
  if (v !== undefined) return v;
  // "soooo goooood" → "soo good" / "so god": try the double letter first, then the single.
  if (isElongated(w)) return r.en.get(unelongate(w, 2)) ?? r.en.get(unelongate(w, 1));
  return undefined;
}

function lookupGermanExact(r: Resources, w: string): number | undefined {
  const v = r.de.get(w);
  if (v !== undefined) return v;
  if (isElongated(w)) return r.de.get(unelongate(w, 2)) ?? r.de.get(unelongate(w, 1));
  return undefined;
}

function prefixValence(r: Resources, prefix: string): number | undefined {
  for (const f of FUGEN) {
    if (f !== '' && !prefix.endsWith(f)) continue;
    const p = f === '' ? prefix : prefix.slice(0, -f.length);
    const v = r.dePrefixes.get(p);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Valence of a German compound through its head (the last part carries the meaning). */
function lookupCompound(r: Resources, w: string, capitalised: boolean): number | undefined {
  // The head maps hold only long heads and a few safe short ones.
  for (let i = 2; i <= w.length - 4; i++) {
    const tail = w.slice(i);
    const head = (capitalised ? r.deNounHeads.get(tail) : undefined) ?? r.deOtherHeads.get(tail);
    if (head === undefined) continue;
    const prefix = w.slice(0, i);
    if (prefix === 'un') return head === 0 ? undefined : -head; // un+adjective: the opposite
    if (i < MIN_COMPOUND_PREFIX || VERB_PARTICLES.has(prefix)) continue;
    const boost = r.deIntensifyingPrefixes.get(prefix);
    if (boost !== undefined) return head * boost;
    const extra = prefixValence(r, prefix);
    return extra === undefined ? head : head + extra;
  }
  // No known head: a prefix that carries a valence of its own still counts ("Scheißwetter").
  for (const [p, v] of r.dePrefixes) {
    if (w.length - p.length >= MIN_COMPOUND_PREFIX && w.startsWith(p)) return v;
  }
  return undefined;
}

function lookupGerman(r: Resources, w: string, capitalised: boolean): number | undefined {
  const exact = lookupGermanExact(r, w);
  if (exact !== undefined) return exact;
  for (const ending of GERMAN_ENDINGS) {
    if (w.length - ending.length >= MIN_STEM && w.endsWith(ending)) {
      const v = r.de.get(w.slice(0, -ending.length));
      if (v !== undefined) return v;
    }
  }
  return lookupCompound(r, w, capitalised);
}

function computeValence(r: Resources, mode: Mode, lower: string, w: string, capitalised: boolean): number {
  // English is looked up unfolded: folding would turn "süd" into the English "sued".
  if (mode === 'en') return lookupEnglish(r, lower) ?? 0;
  if (mode === 'other') return lookupEnglish(r, lower) ?? lookupGerman(r, w, capitalised) ?? 0;
  const german = lookupGerman(r, w, capitalised);
  if (german !== undefined) return german;
  if (r.falseFriends.has(lower)) return 0;
  return lookupEnglish(r, lower) ?? 0;
}

/**
 * Valence of a word token in a mode, cached per mode. Capitalisation is part of the key: German nouns (capitalised)
 * may head a compound that the same letters in lower case may not.
 */
export function wordValence(r: Resources, mode: Mode, token: Token): number {
  const lower = token.norm;
  const capitalised = token.raw.charAt(0) !== lower.charAt(0);
  const cache = capitalised ? r.cache[mode].capitalised : r.cache[mode].plain;
  const hit = cache.get(lower);
  if (hit !== undefined) return hit;
  const v = computeValence(r, mode, lower, token.folded, capitalised);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, v);
  return v;
}
