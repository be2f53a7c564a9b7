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

/** An ordered list of phrases, indexed by first word; it answers as a scan of the list in its order would. */
export class PhraseList {
  private readonly phrases: PhraseStep[][];
  /** Phrases (by position in the list) whose first word is a whole word, by that word. */
  private readonly byFirstWord = new Map<string, number[]>();
  /** Phrases whose first word is a prefix ("danke*"): checked at every token. */
  private readonly prefixFirst: number[] = [];

  /** `phrases`: each phrase's folded words, "*" marking a prefix or any word (see phraseSteps). */
  constructor(phrases: readonly (readonly string[])[]) {
    this.phrases = phrases.map(phraseSteps);
    this.phrases.forEach((steps, p) => {
      const first = steps[0];
      if (first === undefined) return; // a phrase of no words holds nowhere
      if (first.prefix) this.prefixFirst.push(p);
      else {
        const list = this.byFirstWord.get(first.text);
        if (list) list.push(p);
        else this.byFirstWord.set(first.text, [p]);
      }
    });
  }

  /** Number of tokens covered by the first phrase of the list (in list order) that holds at tokens[i]; 0 if none. */
  lengthAt(tokens: readonly Token[], i: number): number {
    const token = tokens[i];
    if (token === undefined) return 0;
    const byWord = this.byFirstWord.get(token.folded) ?? NONE;
    const byPrefix = this.prefixFirst;
    // Both lists are in list order: walk them together so the earlier phrase is tried first.
    let a = 0;
    let b = 0;
    while (a < byWord.length || b < byPrefix.length) {
      const p = b >= byPrefix.length || (a < byWord.length && byWord[a]! < byPrefix[b]!) ? byWord[a++]! : byPrefix[b++]!;
      const length = phraseLengthAt(this.phrases[p]!, tokens, i);
      if (length > 0) return length;
    }
    return 0;
  }

  /** Whether some phrase of the list holds at tokens[i]. */
  holdsAt(tokens: readonly Token[], i: number): boolean {
    return this.lengthAt(tokens, i) > 0;
  }
}
