// Phrases: the one way a sequence of folded words is matched against a text's tokens (codebook phrases and
// exclusions, readings). A word of a phrase matches a token's folded form; "warte*" matches any token starting with
// "warte"; a lone "*" matches any one token. A phrase never runs across sentences.
//
// A list of phrases is indexed by its phrases' first words, so finding which phrase holds at a token looks at the
// few phrases that start with that token, not at the whole list: readings and exclusions ask this at every word.

import type { Token } from './tokenize.js';

/** One word of a phrase: a folded word to equal, or (prefix) the start of a word ("*" alone: the empty start). */
export interface PhraseStep {
  readonly text: string;
  readonly prefix: boolean;
}

/** A phrase's folded words as steps: "warte*" becomes the prefix "warte", "*" the prefix "" (any word). */
export function phraseSteps(words: readonly string[]): PhraseStep[] {
  return words.map((word) => (word.endsWith('*') ? { text: word.slice(0, -1), prefix: true } : { text: word, prefix: false }));
}

export function stepMatches(step: PhraseStep, folded: string): boolean {
  return step.prefix ? folded.startsWith(step.text) : folded === step.text;
}

/** Number of tokens the phrase covers from tokens[i], within that token's sentence; 0 when it does not hold there. */
export function phraseLengthAt(steps: readonly PhraseStep[], tokens: readonly Token[], i: number): number {
  const n = steps.length;
  if (i + n > tokens.length) return 0;
  const sentence = tokens[i]!.sentence;
  for (let k = 0; k < n; k++) {
    const token = tokens[i + k]!;
    if (token.sentence !== sentence || !stepMatches(steps[k]!, token.folded)) return 0;
  }
  return n;
}

const NONE: readonly number[] = [];

/** The phrases (by position in a list) that start with one whole word. */
interface FirstWordPhrases {
  /** Those whose second word is a whole word too, by that word. */
  bySecondWord: Map<string, number[]>;
  /** The others: one-word phrases, and those going on with a prefix or "*". */
  rest: number[];
}

function pushTo<K>(map: Map<K, number[]>, key: K, p: number): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

const headOf = (list: readonly number[], at: number): number => (at < list.length ? list[at]! : Number.POSITIVE_INFINITY);

/**
 * An ordered list of phrases, indexed by their first two words (a phrase starting with a prefix by the prefix's first
 * character), so a token is compared only with the phrases that can start there; it answers exactly as a scan of the
 * whole list in its order would.
 */
export class PhraseList {
  private readonly phrases: PhraseStep[][];
  private readonly byFirstWord = new Map<string, FirstWordPhrases>();
  /** Phrases whose first word is a prefix ("danke*"), by the prefix's first character code. */
  private readonly prefixFirst = new Map<number, number[]>();
  /** Phrases starting with "*" or an empty prefix: they may start at any token. */
  private readonly anyFirst: number[] = [];

  /** `phrases`: each phrase's folded words, "*" marking a prefix or any word (see phraseSteps). */
  constructor(phrases: readonly (readonly string[])[]) {
    this.phrases = phrases.map(phraseSteps);
    this.phrases.forEach((steps, p) => this.index(steps, p));
  }

  private index(steps: readonly PhraseStep[], p: number): void {
    const [first, second] = steps;
    if (first === undefined) return; // a phrase of no words holds nowhere
    if (first.prefix) {
      if (first.text === '') this.anyFirst.push(p);
      else pushTo(this.prefixFirst, first.text.charCodeAt(0), p);
      return;
    }
    let group = this.byFirstWord.get(first.text);
    if (!group) {
      group = { bySecondWord: new Map(), rest: [] };
      this.byFirstWord.set(first.text, group);
    }
    if (second !== undefined && !second.prefix) pushTo(group.bySecondWord, second.text, p);
    else group.rest.push(p);
  }

  /**
   * Calls `found` with each phrase (its position in the list) that holds at tokens[i] and the number of tokens it
   * covers, in list order; stops early when `found` returns true.
   */
  forEachAt(tokens: readonly Token[], i: number, found: (phrase: number, length: number) => boolean | void): void {
    const token = tokens[i];
    if (token === undefined) return;
    const group = this.byFirstWord.get(token.folded);
    const next = tokens[i + 1];
    const bySecond = (group && next && group.bySecondWord.get(next.folded)) || NONE;
    const rest = group ? group.rest : NONE;
    const prefixed = this.prefixFirst.size === 0 ? NONE : (this.prefixFirst.get(token.folded.charCodeAt(0)) ?? NONE);
    const any = this.anyFirst;
    if (bySecond.length + rest.length + prefixed.length + any.length === 0) return; // most tokens start no phrase
    // Four lists, each in list order: take the earliest head each time, so phrases are tried in list order.
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (;;) {
      let p = headOf(bySecond, a);
      let from = 0;
      const r = headOf(rest, b);
      if (r < p) [p, from] = [r, 1];
      const x = headOf(prefixed, c);
      if (x < p) [p, from] = [x, 2];
      const y = headOf(any, d);
      if (y < p) [p, from] = [y, 3];
      if (p === Number.POSITIVE_INFINITY) return;
      if (from === 0) a++;
      else if (from === 1) b++;
      else if (from === 2) c++;
      else d++;
      const length = phraseLengthAt(this.phrases[p]!, tokens, i);
      if (length > 0 && found(p, length) === true) return;
    }
  }

  /** Number of tokens covered by the first phrase of the list (in list order) that holds at tokens[i]; 0 if none. */
  lengthAt(tokens: readonly Token[], i: number): number {
    let first = 0;
    this.forEachAt(tokens, i, (_, length) => {
      first = length;
      return true;
    });
    return first;
  }

  /** Whether some phrase of the list holds at tokens[i]. */
  holdsAt(tokens: readonly Token[], i: number): boolean {
    return this.lengthAt(tokens, i) > 0;
  }
}
