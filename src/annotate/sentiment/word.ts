// A word as the word rules see it, and the shape of a rule.

import type { Token } from '../text/index.js';
import type { Reading } from './score.js';
import { wordValence } from './valence.js';

export interface Word {
  /** Index of the word's token in the reading's tokens. */
  index: number;
  token: Token;
  /** How modifiers and phrases match it: folded, without elongation (see modifierKey). */
  key: string;
  /** Its own valence, looked up when a rule first asks (see valenceOf). */
  valence: number | undefined;
}

/**
 * A word rule reads the word at hand if it applies and returns the index of the next token to read; it returns
 * undefined when it does not apply, and the next rule is tried.
 */
export type WordRule = (x: Reading, w: Word) => number | undefined;

export function valenceOf(x: Reading, w: Word): number {
  if (w.valence === undefined) w.valence = wordValence(x.r, x.mode, w.token);
  return w.valence;
}
