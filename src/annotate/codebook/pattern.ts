// How a codebook entry is read: with the kernel's tokenizer and folding, exactly like the customer text it is
// compared with, so "Verspätung" in a codebook matches "VERSPAETUNG" in a text.

import { isTextToken, tokenize } from '../text/index.js';

/** The folded words and numbers of a pattern or entry: what the text's tokens are compared with. */
export function patternTokens(text: string): string[] {
  return tokenize(text)
    .filter(isTextToken)
    .map((token) => token.folded);
}

export interface PhrasePattern {
  /** Index of the code in the codebook. */
  code: number;
  /** The phrase as written in the codebook, for the rule id. */
  raw: string;
  /** Folded tokens; a token ending in "*" is a prefix, a lone "*" any one token. */
  tokens: string[];
  /** Index of the condition its rule needs (see compile.ts); undefined for the code's own patterns. */
  when?: number;
}

/** Reads a phrase ("warte* seit", "seit * tagen"): its folded tokens, keeping each token's wildcard. */
export function phrasePattern(code: number, raw: string): PhrasePattern {
  // Keep a trailing "*" on each token: the tokenizer drops it, so read the tokens with their wildcards first.
  const tokens = raw
    .split(/[\s-]+/)
    .filter(Boolean)
    .flatMap((part) => {
      // A lone "*" stands for any one token: "hab * empfohlen".
      if (part === '*') return ['*'];
      const wild = part.endsWith('*');
      const inner = patternTokens(wild ? part.slice(0, -1) : part);
      if (wild && inner.length > 0) inner[inner.length - 1] += '*';
      return inner;
    });
  return { code, raw, tokens };
}
