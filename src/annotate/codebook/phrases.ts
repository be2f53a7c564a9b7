// Phrases: token sequences within a sentence; a token ending in "*" matches any token starting with it, a lone "*"
// any one token.

import type { Token } from '../text/index.js';
import type { PhrasePattern } from './pattern.js';

function tokenMatches(pattern: string, token: string): boolean {
  return pattern.endsWith('*') ? token.startsWith(pattern.slice(0, -1)) : pattern === token;
}

/** Number of tokens the phrase covers when it starts at tokens[i], or 0. A phrase does not run across sentences. */
export function phraseAt(phrase: PhrasePattern, tokens: readonly Token[], i: number): number {
  const n = phrase.tokens.length;
  if (i + n > tokens.length) return 0;
  const sentence = tokens[i]?.sentence;
  for (let k = 0; k < n; k++) {
    const token = tokens[i + k];
    const pattern = phrase.tokens[k];
    if (token === undefined || pattern === undefined || token.sentence !== sentence || !tokenMatches(pattern, token.folded)) return 0;
  }
  return n;
}
