// Phrases: token sequences within a sentence; a token ending in "*" matches any token starting with it, a lone "*"
// any one token. Matched with the text kernel's phrase lists (text/phrases.ts), indexed by their first words.

import type { Token } from '../text/index.js';
import type { CompiledCodebook } from './compile.js';
import type { PhrasePattern } from './pattern.js';

/**
 * Calls `found` for each codebook phrase that holds from tokens[i], with the last token it covers: first those
 * starting with a whole word, then those starting with a prefix, each in codebook order.
 */
export function forEachPhraseAt(compiled: CompiledCodebook, tokens: readonly Token[], i: number, found: (phrase: PhrasePattern, last: Token) => void): void {
  compiled.phraseList.forEachAt(tokens, i, (p, length) => found(compiled.phrases[p]!, tokens[i + length - 1]!));
  compiled.wildPhraseList.forEachAt(tokens, i, (p, length) => found(compiled.wildPhrases[p]!, tokens[i + length - 1]!));
}
