// Looking ahead and behind a word, for rules whose meaning depends on the words around it.

import { isElongated, isNegator, unelongate, type Token } from '../text/index.js';
import type { Mode, Modifiers, Phrase, Resources } from './lexicons.js';
import { BOOST_SCOPE, isShouting, NEGATION_SCOPE } from './score.js';
import { wordValence } from './valence.js';

/** How modifiers and phrase words are matched: folded, without elongation ("niiiicht" is "nicht", "sooo" is "so"). */
export function modifierKey(token: Token): string {
  const folded = token.folded;
  return isElongated(folded) ? unelongate(folded, 1) : folded;
}

/** Longest phrase starting at token i (words only, no clause break inside). */
export function matchPhrase(index: Map<string, Phrase[]>, tokens: readonly Token[], i: number, folded: string): Phrase | null {
  const candidates = index.get(folded);
  if (!candidates) return null;
  for (const p of candidates) {
    let ok = i + p.words.length <= tokens.length;
    for (let j = 1; ok && j < p.words.length; j++) {
      const t = tokens[i + j];
      ok = t !== undefined && t.kind === 'word' && modifierKey(t) === p.words[j];
    }
    if (ok) return p;
  }
  return null;
}

/** True when a later word (within the boost scope) carries a valence, so a word like "super" acts as an intensifier. */
export function sentimentFollows(r: Resources, mode: Mode, tokens: readonly Token[], i: number, orModifier = false): boolean {
  const mods = r.modifiers[mode];
  for (let j = i + 1; j <= i + BOOST_SCOPE && j < tokens.length; j++) {
    const t = tokens[j];
    if (t === undefined || t.kind !== 'word') return false;
    if (wordValence(r, mode, t) !== 0) return true;
    const w = t.folded;
    if (orModifier && (isNegator(mods.negators, w) || mods.breakers.has(w) || r.phrases[mode].has(w))) return true;
    if (!mods.intensifiers.has(w)) return false;
  }
  return false;
}

/** True when a word with a valence follows within the negation scope, in the same clause ("keine nennenswerten Verspätungen"). */
export function valenceAhead(r: Resources, mode: Mode, tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length; j++) {
    const t = tokens[j];
    if (t === undefined || t.kind !== 'word') return false;
    if (wordValence(r, mode, t) !== 0) return true;
  }
  return false;
}

/** True for a capitalised (German) noun right after an article or possessive ("die Kündigung"). */
export function isNounAfterDeterminer(mods: Modifiers, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const previous = tokens[i - 1];
  if (!t || !previous || previous.kind !== 'word' || !mods.determiners.has(previous.folded)) return false;
  const first = t.raw.charAt(0);
  return first !== first.toLowerCase() && !isShouting(t.raw);
}
