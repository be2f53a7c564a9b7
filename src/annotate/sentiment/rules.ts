// The word rules other than negation (see negation.ts), in the order sentiment.ts tries them, and the handling of
// the other tokens: clause breaks, "!", emoji and emoticons.

import type { Token } from '../text/index.js';
import { matchPhrase, sentimentFollows } from './lookahead.js';
import { addValence, BOOST_SCOPE, endClause, endSentence, NEGATION_SCOPE, passWord, resolveClause, resolvePostNegation, type Reading } from './score.js';
import { valenceOf, type WordRule } from './word.js';

// "nicht behoben", "not fixed": the problem goes on, a complaint of its own.
const UNRESOLVED = -1;
// A contrast word halves what came before it and gives the clause after it more weight: in feedback the later
// clause is usually the point ("Nettes Personal, aber 40 Minuten Verspätung").
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
// A demand to have money booked back, with the German particle at the clause end
// ("Bitte buchen Sie die 17,90 € zurück").
const MONEY_BACK = -1.5;

/**
 * Phrases are matched before words, longest first: a valence phrase ("thanks for nothing", "fällt aus", "na toll"),
 * or a multi-word intensifier, resolver or negator ("a little bit", "Ende des", "noch nie").
 */
export const phraseRule: WordRule = (x, w) => {
  const phrase = matchPhrase(x.phrases, x.tokens, w.index, w.key);
  if (!phrase) return undefined;
  const s = x.score;
  s.wordPos += phrase.words.length - 1;
  if (phrase.kind === 'valence') {
    if (phrase.value !== 0) addValence(x, phrase.value, null, false);
    else passWord(s);
    // "thank you so much for": thanks looking for what it is for, like a thanks word.
    if (phrase.value > 0 && phrase.words.some((word) => x.mods.gratitude.has(word))) s.clause.thanksPending = true;
  } else if (phrase.kind === 'intensifier') {
    s.boost.factor = phrase.value;
    s.boost.left = BOOST_SCOPE;
  } else if (phrase.kind === 'resolver') {
    s.clause.resolverSeen = true;
  } else if (phrase.kind === 'negator') {
    s.negation.left = NEGATION_SCOPE;
    s.negation.isNicht = false;
  }
  return w.index + phrase.words.length;
};

/** A resolver ("behoben", "resolved") makes the clause's problems relief; after a negator it is a complaint. */
export const resolverRule: WordRule = (x, w) => {
  if (!x.mods.resolvers.has(w.key)) return undefined;
  const s = x.score;
  if (s.negation.left > 0) {
    // "immer noch nicht behoben", "not fixed": the problem goes on, a complaint of its own.
    addValence(x, UNRESOLVED, null, false, false);
    s.negation.left = 0;
    s.negation.postPending = false; // the "nicht" belongs to "behoben", not to the problem before it
  } else {
    s.clause.resolverSeen = true;
    passWord(s);
  }
  return w.index + 1;
};

/**
 * "but", "aber": what came before counts half, what follows half again as much. In a message to the brand, only the
 * sentence the contrast answers is weakened ("…, aber", or the sentence before one that starts with "But"): in a
 * ticket, a "but" in the fifth sentence does not take back the first four. Elsewhere everything before it is
 * weakened: a long public post with a turn in it is mixed (measured: better on GermEval's web texts).
 */
export const contrastRule: WordRule = (x, w) => {
  if (!x.mods.contrast.has(w.key)) return undefined;
  const s = x.score;
  s.contrastSeen = true;
  resolvePostNegation(s);
  resolveClause(s);
  const opensSentence = s.sentence.words === 1; // the contrast word itself is counted
  const scoped = x.addressedToBrand;
  const base = !scoped ? 0 : opensSentence ? s.sentence.previousSum : s.sentence.sum;
  const reliefBase = !scoped ? 0 : opensSentence ? s.sentence.previousRelief : s.sentence.relief;
  s.sum = base + (s.sum - base) * BEFORE_CONTRAST;
  s.relief = reliefBase + (s.relief - reliefBase) * BEFORE_CONTRAST;
  s.weight = AFTER_CONTRAST;
  s.negation.left = 0;
  s.boost.left = 0;
  s.last.pos = -1;
  return w.index + 1;
};

/**
 * German money-back demands put the particle at the clause end ("Bitte buchen Sie die 17,90 € zurück"): the verb is
 * remembered (and read on by the next rules), the particle after it is the complaint.
 */
export const moneyBackRule: WordRule = (x, w) => {
  const clause = x.score.clause;
  if (x.mods.returnVerbs.has(w.key)) clause.returnVerbSeen = true;
  else if (clause.returnVerbSeen && w.key === x.r.returnParticle) {
    addValence(x, MONEY_BACK, null, false, false);
    clause.returnVerbSeen = false;
    return w.index + 1;
  }
  return undefined;
};

/** "sehr", "a bit", "super": an intensifier or downtoner scales the next sentiment words ("super" alone is praise). */
export const intensifierRule: WordRule = (x, w) => {
  const multiplier = x.mods.intensifiers.get(w.key);
  if (multiplier === undefined || (valenceOf(x, w) !== 0 && !sentimentFollows(x.r, x.mode, x.tokens, w.index))) return undefined;
  const boost = x.score.boost;
  boost.factor = boost.left > 0 ? boost.factor * multiplier : multiplier;
  boost.left = BOOST_SCOPE;
  return w.index + 1;
};

/** Any other word: its own valence (sentence adverbs such as "leider" are never negated); a thanks starts looking for what it is for. */
export const valenceRule: WordRule = (x, w) => {
  const v = valenceOf(x, w);
  const s = x.score;
  if (v !== 0) addValence(x, v, w.token.raw, true, !x.mods.unnegatable.has(w.key));
  else passWord(s);
  if (x.mods.gratitude.has(w.key) && s.negation.left === 0) s.clause.thanksPending = true;
  return w.index + 1;
};

/** Whether the token is the last of its sentence (the kernel's splitter decides: see text/sentences.ts). */
function endsSentence(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && next.sentence !== tokens[i]!.sentence;
}

/** Clause breaks, "!" and "?" end the clause (and perhaps the sentence); each "!" adds emphasis at the end. */
export function readBreak(x: Reading, i: number): void {
  if (x.tokens[i]!.kind === 'bang') x.score.bangs++;
  endClause(x.score);
  if (endsSentence(x.tokens, i)) endSentence(x.score);
}

/** Emoji count in full; a typed emoticon beside words counts less (see signals.ts). */
export function readPictograph(x: Reading, token: Token): void {
  const s = x.score;
  if (token.kind === 'emoji') s.sum += (x.r.emoji.get(token.norm) ?? 0) * s.weight;
  else s.sum += (x.r.emoticons.get(token.norm) ?? 0) * s.weight * x.signals.emoticonWeight;
}
