// What kind of text a token is, for the rules that read tokens: the customer's words, or names of things.

import type { Token } from './tokenize.js';

/** Words and numbers: the tokens that are the customer's text (what the codebook matches, what a phrase is made of). */
export function isTextToken(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'number';
}

/** URLs, e-mail addresses and @handles: they name things, they are not the customer's words. */
export function isNoise(token: Token): boolean {
  return token.kind === 'url' || token.kind === 'email' || token.kind === 'mention';
}
