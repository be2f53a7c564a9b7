// Phrases: token sequences within a sentence; a token ending in "*" matches any token starting with it, a lone "*"
// any one token. Matched with the text kernel's phrase steps (text/phrases.ts).

import { phraseLengthAt, type Token } from '../text/index.js';
import type { PhrasePattern } from './pattern.js';

/** Number of tokens the phrase covers when it starts at tokens[i], or 0. A phrase does not run across sentences. */
export function phraseAt(phrase: PhrasePattern, tokens: readonly Token[], i: number): number {
  return phraseLengthAt(phrase.steps, tokens, i);
}
