// Negation for negatable codes: "no delay", "keine Verspätung", "nicht beschädigt" are not the pain they name.
// The negators are the kernel's one list for the text's language.

import { isNegator } from '../text/index.js';
import type { CodedText } from './candidates.js';

/** A negator reaches a hit at most this many tokens later. */
const NEGATION_WINDOW = 2;
/** Punctuation between the negator and the hit ends its reach: "no, the delay was long". */
const CLAUSE_BREAK = /[,;:.!?()[\]"“”„«»–—]/;

/** Whether the hit starting at tokens[i] follows a negation in its clause ("no delay", "nicht kaputt"). */
export function negatedAt(t: CodedText, i: number): boolean {
  const { tokens, blanked, negators } = t;
  const hit = tokens[i];
  if (!hit) return false;
  for (let j = i - 1; j >= 0 && j >= i - NEGATION_WINDOW; j--) {
    const token = tokens[j];
    const next = tokens[j + 1];
    if (!token || !next || token.sentence !== hit.sentence || CLAUSE_BREAK.test(blanked.slice(token.end, next.start))) return false;
    // "not only late but …", "nicht nur verspätet": the negation is about "only", not about the pain.
    if (isNegator(negators, token.folded)) return !(j + 1 < i && negators.breakers.has(next.folded));
  }
  return false;
}
