import { isNoise } from './kinds.js';
import type { Token } from './tokenize.js';

/**
 * The text with its URLs, e-mail addresses and @handles blanked out by spaces, so offsets stay those of the
 * original: for regular expressions that should see the customer's words only.
 */
export function blankNoise(text: string, tokens: readonly Token[]): string {
  let out = '';
  let from = 0;
  for (const token of tokens) {
    if (!isNoise(token)) continue;
    out += text.slice(from, token.start) + ' '.repeat(token.end - token.start);
    from = token.end;
  }
  return from === 0 ? text : out + text.slice(from);
}
