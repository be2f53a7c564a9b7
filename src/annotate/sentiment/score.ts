// The scoring state of one text and the few operations every rule uses on it: add a valence (with the scaling of
// negation, intensifiers, caps, contrast weight and thanks), let a word pass, end a clause, end a sentence.
// Rules (rules.ts, negation.ts, text-rules.ts) decide when to call them.

import type { Token } from '../text/index.js';
import type { Mode, Modifiers, Phrase, Resources } from './lexicons.js';
import type { TextSignals } from './signals.js';

// Scaling rules (VADER's published constants, adapted to asymmetric negation: in feedback
// "not good" is clearly negative while "not bad" is only mildly positive).
export const NEGATE_POSITIVE = -0.9;
export const NEGATE_NEGATIVE = -0.5;
/** Words after a negator it can reach. */
export const NEGATION_SCOPE = 3;
/** Words after an intensifier it can reach. */
export const BOOST_SCOPE = 2;
const CAPS_BOOST = 1.3;
// A problem that is over ("Streik beendet", "Störung behoben", "issue resolved") is good news for
// every customer, however weak the word for the problem was: the clause's negatives are replaced
// by this much relief (as much as "gut"), and relief is not damped as an impersonal report —
// a news line that a strike ended is good news in itself.
const RELIEF = 2;
// Thanks for something good ("Danke für die schnelle Hilfe") is praise in itself: the thanks
// then counts this much more than a bare "danke", which is often mere politeness.
const THANKS_FOR_GOOD = 1.5;

/** The running state of one text's score. */
export interface Score {
  sum: number;
  /** The part of sum that is relief from a resolved problem (never damped as an impersonal report). */
  relief: number;
  /** Scales every valence: 1, and more after a contrast word (the later clause is the point). */
  weight: number;
  /** Positive valence from words, phrases and emoji, for the irony rule. */
  praise: number;
  problem: boolean;
  contrastSeen: boolean;
  bangs: number;
  /** Position of the current word among the text's words. */
  wordPos: number;
  /** The current negation: words it can still reach, whether it is German "nicht"/"nie" (which can stand after its
   * verb), and whether a verb-final "nicht" waits to flip the word before it ("gefällt mir nicht"). */
  negation: { left: number; isNicht: boolean; postPending: boolean };
  /** The current intensifier and the words it can still reach. */
  boost: { factor: number; left: number };
  /** The last word-level valence in the clause, for German verb-final negation (pos -1: none). */
  last: { value: number; pos: number; negated: boolean };
  /** What the current clause has seen so far. */
  clause: {
    resolverSeen: boolean;
    negative: number;
    /** A thanks still looking for what it is for ("Danke für die schnelle Hilfe"). */
    thanksPending: boolean;
    /** Word position of an expected event ("kam", "bestellt"), -1: none. */
    unmetPos: number;
    /** "buchen", "überweisen" seen, for "… zurück". */
    returnVerbSeen: boolean;
  };
  /** Sums at the start of the current and the previous sentence, to scope a contrast to one sentence. */
  sentence: { sum: number; relief: number; previousSum: number; previousRelief: number; words: number };
}

/** One text being read: the lexicons of its mode, its tokens, what is known about it, and its score. */
export interface Reading {
  r: Resources;
  mode: Mode;
  mods: Modifiers;
  phrases: Map<string, Phrase[]>;
  tokens: readonly Token[];
  signals: TextSignals;
  addressedToBrand: boolean;
  score: Score;
}

export function newScore(): Score {
  return {
    sum: 0,
    relief: 0,
    weight: 1,
    praise: 0,
    problem: false,
    contrastSeen: false,
    bangs: 0,
    wordPos: 0,
    negation: { left: 0, isNicht: false, postPending: false },
    boost: { factor: 1, left: 0 },
    last: { value: 0, pos: -1, negated: false },
    clause: { resolverSeen: false, negative: 0, thanksPending: false, unmetPos: -1, returnVerbSeen: false },
    sentence: { sum: 0, relief: 0, previousSum: 0, previousRelief: 0, words: 0 },
  };
}

export function isShouting(raw: string): boolean {
  if (raw.length < 2) return false;
  // Asked of every word: an ASCII word is told by its letters, without two case-changed copies of it.
  let capitals = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x80) return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capitals = true;
  }
  return capitals;
}

/** German verb-final negation: a "nicht" that found nothing ahead of it flips the word before it ("gefällt mir nicht"). */
export function resolvePostNegation(s: Score): void {
  if (s.negation.postPending && s.last.pos >= 0 && !s.last.negated) {
    const flipped = s.last.value * (s.last.value > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE);
    s.sum += flipped - s.last.value;
    s.last.value = flipped;
    s.last.negated = true;
  }
  s.negation.postPending = false;
}

/** A resolver ("Streik beendet", "issue fixed") turns the clause's negatives into relief. */
export function resolveClause(s: Score): void {
  if (s.clause.resolverSeen && s.clause.negative < 0) {
    s.sum += RELIEF - s.clause.negative;
    s.relief += RELIEF;
  }
  s.clause.resolverSeen = false;
  s.clause.negative = 0;
}

/** At a clause break, negation and intensifiers stop reaching, and what waited for the clause's end is decided. */
export function endClause(s: Score): void {
  resolvePostNegation(s);
  resolveClause(s);
  s.negation.left = 0;
  s.boost.left = 0;
  s.last.pos = -1;
  s.clause.unmetPos = -1;
  s.clause.returnVerbSeen = false;
  s.clause.thanksPending = false;
}

export function endSentence(s: Score): void {
  const sentence = s.sentence;
  if (sentence.words === 0) return;
  sentence.previousSum = sentence.sum;
  sentence.previousRelief = sentence.relief;
  sentence.sum = s.sum;
  sentence.relief = s.relief;
  sentence.words = 0;
}

/** Intensifiers before it and ALL-CAPS (when the rest of the text is not shouted too) make a valence stronger. */
function emphasised(x: Reading, v: number, raw: string | null): number {
  let value = v;
  if (x.score.boost.left > 0) value *= x.score.boost.factor;
  if (raw !== null && x.signals.capsMeansEmphasis && isShouting(raw)) value *= CAPS_BOOST;
  return value;
}

/**
 * Adds a valence to the score. `fromWord`: it is a single word's (German verb-final negation may flip it later);
 * `negatable`: a negation in reach flips it (sentence adverbs such as "leider" and the rules' own valences are not).
 */
export function addValence(x: Reading, v: number, raw: string | null, fromWord: boolean, negatable = true): void {
  const s = x.score;
  let value = emphasised(x, v, raw);
  const negated = negatable && s.negation.left > 0;
  if (negated) {
    value *= value > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
    s.negation.left = 0;
    s.negation.postPending = false; // the negator found its word ahead of it
  }
  s.boost.left = 0;
  value *= s.weight;
  if (value > 0 && s.clause.thanksPending) {
    value += THANKS_FOR_GOOD * s.weight;
    s.clause.thanksPending = false;
  }
  s.sum += value;
  if (value > 0 && !negated) s.praise += value;
  if (value < 0) s.problem = true;
  if (value < 0) s.clause.negative += value;
  if (fromWord && negatable) {
    s.last.value = value;
    s.last.pos = s.wordPos;
    s.last.negated = negated;
  }
}

/** A word with no valence: negation and intensifiers reach one word less. */
export function passWord(s: Score): void {
  if (s.negation.left > 0 && --s.negation.left === 0) resolvePostNegation(s);
  if (s.boost.left > 0) s.boost.left--;
}
