// Folding: the one way thick compares words. Every annotator looks words up by their folded form, and every
// lexicon and codebook entry is folded the same way when it is loaded, so "Verspätung", "VERSPÄTUNG" and
// "Verspaetung" meet, and so do "don’t" and "don't".

const NON_ASCII = /[^\x00-\x7f]/;
const TYPOGRAPHIC_APOSTROPHE = /’/g;
const GERMAN_LETTERS = /[äöüß]/g;
const GERMAN_ASCII: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const MARKS = /\p{M}/gu;

/**
 * Lower case with the typographic apostrophe unified (’ → '): the form in which a word keeps its accents.
 * English lexicons compare this form: folding "süd" would make it the English "sued".
 */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(TYPOGRAPHIC_APOSTROPHE, "'") : lower;
}

/**
 * Lower case, German letters spelt out (ä→ae, ö→oe, ü→ue, ß→ss), other accents dropped (é→e), typographic
 * apostrophe unified. Umlauts are spelt out rather than dropped because Germans write "ue" when a keyboard
 * lacks "ü"; folding only goes this way, as unfolding "ue" would be ambiguous ("neue", "Steuer").
 */
export function fold(word: string): string {
  return foldLowerCase(word.toLowerCase());
}

/** fold() of a word that is lower case already (the tokenizer folds every word's norm; lower-casing twice costs). */
export function foldLowerCase(lower: string): string {
  if (!NON_ASCII.test(lower)) return lower;
  // NFC first, so a decomposed "u" + diaeresis is an "ü" and is spelt out like one.
  const spelt = lower.normalize('NFC').replace(GERMAN_LETTERS, (c) => GERMAN_ASCII[c] ?? c).replace(TYPOGRAPHIC_APOSTROPHE, "'");
  return NON_ASCII.test(spelt) ? spelt.normalize('NFD').replace(MARKS, '') : spelt;
}

/** Three or more of the same letter: elongation for emphasis ("soooo goooood", "niiiicht"). */
const ELONGATION = /(\p{L})\1{2,}/gu;

export function isElongated(word: string): boolean {
  // Most words have no three equal characters in a row: tell that without the regular expression, which only
  // decides where there are (is it a letter?), or where a letter beyond 16 bits takes two code units.
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || (c === word.charCodeAt(i + 1) && c === word.charCodeAt(i + 2))) {
      ELONGATION.lastIndex = 0;
      return ELONGATION.test(word);
    }
  }
  return false;
}

/**
 * The word with every run of three or more same letters cut to `keep` of them: "goooood" → "good" (keep 2) or
 * "god" (keep 1). Which spelling was meant is the lexicon's call, so callers try both where it matters.
 */
export function unelongate(word: string, keep: 1 | 2): string {
  return word.replace(ELONGATION, keep === 2 ? '$1$1' : '$1');
}

/** A lexicon or codebook key: folded, multi-word keys with single spaces. */
export function foldKey(text: string): string {
  return fold(text.trim().replace(/\s+/g, ' '));
}
