// Negation rules. A negator ("nicht", "kein", "not", "never"; the kernel's one list) flips the next sentiment word
// within NEGATION_SCOPE words of its clause: "not good" clearly negative, "not bad" only mildly positive. Around that
// core, feedback needs a few more readings of a negator, each a rule below.

import { isNegator } from '../text/index.js';
import { isNounAfterDeterminer, sentimentFollows, valenceAhead } from './lookahead.js';
import { addValence, NEGATION_SCOPE, passWord, resolvePostNegation, type Reading } from './score.js';
import { valenceOf, type Word, type WordRule } from './word.js';

// Something expected that did not happen ("nicht bestellt", "nie angekommen", "kam nicht",
// "didn't arrive", "not received"): a complaint as clear as "kommt nicht".
const UNMET = -2;

/** "not only", "nicht nur": the negator and the word after it negate nothing. */
function notOnly(x: Reading, w: Word): number | undefined {
  const next = x.tokens[w.index + 1];
  if (!next || next.kind !== 'word' || !x.mods.breakers.has(next.folded)) return undefined;
  x.score.wordPos++;
  return w.index + 2;
}

/** German "kam nicht", "meldet sich nicht": a "nicht" after an expected event says it did not happen. */
function unmetBeforeNicht(x: Reading, w: Word): number | undefined {
  const s = x.score;
  const near = s.clause.unmetPos >= 0 && s.wordPos - s.clause.unmetPos <= NEGATION_SCOPE + 1;
  if (!x.mods.postNegators.has(w.key) || !near || valenceAhead(x.r, x.mode, x.tokens, w.index)) return undefined;
  addValence(x, UNMET, null, false, false);
  s.clause.unmetPos = -1;
  return w.index + 1;
}

/**
 * "kein WLAN", "no response": "kein"/"no" before a word with no feeling of its own says something is missing, a
 * mild complaint (weaker for German "kein", see lexicons.ts). Not when a sentiment word or modifier follows:
 * "keine nennenswerten Verspätungen" is a negation.
 */
function lack(x: Reading, w: Word): number | undefined {
  const value = x.mods.lack.get(w.key);
  if (value === undefined || x.tokens[w.index + 1]?.kind !== 'word') return undefined;
  if (sentimentFollows(x.r, x.mode, x.tokens, w.index, true) || valenceAhead(x.r, x.mode, x.tokens, w.index)) return undefined;
  addValence(x, value, null, false, false);
  return w.index + 1;
}

/** The negator starts its scope; a German "nicht" right after a sentiment word may flip that word instead ("gefällt mir nicht"). */
function startNegation(x: Reading, w: Word): number {
  const s = x.score;
  const afterVerb = x.mods.postNegators.has(w.key);
  // Decided when the negation finds nothing ahead of it (see resolvePostNegation).
  if (afterVerb && s.last.pos >= 0 && !s.last.negated && s.wordPos - s.last.pos <= NEGATION_SCOPE + 1) s.negation.postPending = true;
  s.negation.left = NEGATION_SCOPE;
  s.negation.isNicht = afterVerb;
  return w.index + 1;
}

/** A negator: "not only", an unmet event before it, a lack, or the start of a negation. */
export const negatorRule: WordRule = (x, w) => {
  if (!isNegator(x.mods.negators, w.key)) return undefined;
  const skipped = notOnly(x, w);
  if (skipped !== undefined) return skipped;
  resolvePostNegation(x.score); // a new negator settles the last one
  return unmetBeforeNicht(x, w) ?? lack(x, w) ?? startNegation(x, w);
};

/**
 * "nicht bestellt", "never arrived": an expected event ("bestellt", "arrived"; no feeling of its own) after a
 * negator is a complaint. Without a negator it is remembered for a "nicht" that may follow ("kam nicht").
 */
export const unmetEventRule: WordRule = (x, w) => {
  if (valenceOf(x, w) !== 0 || !x.mods.unmet.has(w.key)) return undefined;
  const s = x.score;
  if (s.negation.left > 0) {
    addValence(x, UNMET, null, false, false);
    s.negation.left = 0;
    s.negation.postPending = false; // the "nicht" found its word
  } else {
    s.clause.unmetPos = s.wordPos;
    passWord(s);
  }
  return w.index + 1;
};

/**
 * German "nicht" before a noun phrase ("klappt nicht mal die Kündigung") negates the verb before it or the phrase as
 * a whole; nouns themselves are negated with "kein". So the noun is not flipped, and the verb before may be.
 * Reads nothing itself: the word goes on to the next rules.
 */
export const nichtBeforeNounRule: WordRule = (x, w) => {
  const s = x.score;
  if (s.negation.left > 0 && s.negation.isNicht && valenceOf(x, w) !== 0 && isNounAfterDeterminer(x.mods, x.tokens, w.index)) {
    s.negation.left = 0;
    resolvePostNegation(s);
  }
  return undefined;
};
