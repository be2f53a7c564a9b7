// thick's English stemmer, written from M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980
// (steps 1a to 5b), with the two additions of Porter's later reference code ("bli" → "ble", "logi" → "log").
//
// The codebook's stem patterns and the trained model's features were made with natural's Porter stemmer, and
// they only keep working if every word gets the same stem, so this stemmer reproduces that stemmer's readings
// of the paper where they differ from the letter of it (porter-en.test.ts compares the two word for word):
// - A "y" is a vowel only right after a run of letters other than a, e, i, o, u and y; that "y" and the vowels
//   after it are two vowel groups, not one, so the measure m can be a half ("byo" has m = 0.5).
// - In steps 2 and 3, every rule whose suffix the word ends in is tried in turn, each tested against the word
//   as it came into the step (when "ational" fails its condition, "tional" may still apply).
// - In step 4, "ion" (after "s" or "t") is tried when the longest other suffix fails its condition.
// - Step 1a keeps words of two letters; the final "e" of step 5a goes unless the letters before it end
//   consonant-vowel-consonant in the per-letter reading below.

const VOWELS = 'aeiou';
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function isPlainVowel(letter: string | undefined): boolean {
  return letter !== undefined && letter.length === 1 && VOWELS.includes(letter);
}

function isConsonantNotY(letter: string | undefined): boolean {
  return letter !== undefined && letter !== 'y' && !isPlainVowel(letter);
}

/**
 * The word as consonant and vowel groups ("C", "V"): a run of consonants followed by "y" is "CV", each run of
 * a, e, i, o, u is "V", and whatever lies between vowels (other letters, a "y" that follows a vowel) is one "C".
 */
function groups(word: string): string {
  let out = '';
  const push = (symbol: 'C' | 'V'): void => {
    if (symbol === 'C' && out.endsWith('C')) return;
    out += symbol;
  };
  let i = 0;
  while (i < word.length) {
    if (isPlainVowel(word[i])) {
      while (isPlainVowel(word[i])) i++;
      push('V');
    } else if (word[i] === 'y') {
      push('C');
      i++;
    } else {
      while (isConsonantNotY(word[i])) i++;
      push('C');
      if (word[i] === 'y') {
        push('V');
        i++;
      }
    }
  }
  return out;
}

/** The word letter by letter as "C" and "V"; a "y" after a letter other than a, e, i, o, u, y is a vowel. */
function letterKinds(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    if (isConsonantNotY(word[i]) && word[i + 1] === 'y') {
      out += 'CV';
      i++;
    } else out += isPlainVowel(word[i]) ? 'V' : 'C';
  }
  return out;
}

/** Porter's m, the number of vowel-consonant sequences: the groups less a leading "C" and a trailing "V", halved. */
function measure(word: string): number {
  if (word === '') return -1;
  const g = groups(word);
  return (g.length - (g.startsWith('C') ? 1 : 0) - (g.endsWith('V') ? 1 : 0)) / 2;
}

/** *v*: the word has a vowel group. */
function hasVowel(word: string): boolean {
  return groups(word).includes('V');
}

/** *o: the word ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
function endsInShortSyllable(word: string): boolean {
  return letterKinds(word).endsWith('CVC') && !/[wxy]$/.test(word);
}

function withoutSuffix(word: string, suffix: string): string {
  return word.slice(0, word.length - suffix.length);
}

/** Step 1a: plurals ("caresses" → "caress", "ponies" → "poni", "cats" → "cat"). */
function step1a(word: string): string {
  if (word.endsWith('sses') || word.endsWith('ies')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 2) return word.slice(0, -1);
  return word;
}

/** Step 1b: past tense and progressive ("agreed" → "agree", "hopping" → "hop", "filing" → "file"). */
function step1b(word: string): string {
  if (word.endsWith('eed')) {
    const stem = withoutSuffix(word, 'eed');
    return measure(stem) > 0 ? `${stem}ee` : word;
  }
  const suffix = word.endsWith('ed') ? 'ed' : word.endsWith('ing') ? 'ing' : undefined;
  if (suffix === undefined) return word;
  const stem = withoutSuffix(word, suffix);
  if (stem === '' || !hasVowel(stem)) return word;
  return tidyAfterStep1b(stem);
}

/** After "ed"/"ing" went: restore an "e" ("conflat" → "conflate"), undouble a consonant ("hopp" → "hop"). */
function tidyAfterStep1b(stem: string): string {
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  const last = stem[stem.length - 1];
  if (stem.length >= 2 && last === stem[stem.length - 2] && !isPlainVowel(last) && !'lsz'.includes(last ?? '')) {
    return stem.slice(0, -1);
  }
  if (measure(stem) === 1 && endsInShortSyllable(stem)) return `${stem}e`;
  return stem;
}

/** Step 1c: a final "y" becomes "i" when a vowel group comes before it ("happy" → "happi", "sky" stays). */
function step1c(word: string): string {
  if (!word.endsWith('y')) return word;
  return groups(word).slice(0, -1).includes('V') ? `${word.slice(0, -1)}i` : word;
}

type SuffixRule = readonly [suffix: string, replacement: string];

const STEP2: readonly SuffixRule[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['abli', 'able'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'],
  ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'],
  ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];

const STEP3: readonly SuffixRule[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];

/** Steps 2 and 3: each rule whose suffix the incoming word ends in, with a stem of m > 0, rewrites the word so far. */
function applyRules(word: string, rules: readonly SuffixRule[]): string {
  let result = word;
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix) || measure(withoutSuffix(word, suffix)) <= 0) continue;
    // A rule that would leave nothing leaves the word as it was (the reference stemmer's reading).
    if (result.endsWith(suffix)) result = withoutSuffix(result, suffix) + replacement || result;
  }
  return result;
}

const STEP4_SUFFIXES: readonly string[] = [
  'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'al',
  'er', 'ic', 'ou',
];

/** Step 4: the longest derivational ending on a stem of m > 1, else "ion" after "s" or "t" ("adoption" → "adopt"). */
function step4(word: string): string {
  const suffix = STEP4_SUFFIXES.find((s) => word.length > s.length && word.endsWith(s));
  if (suffix !== undefined) {
    const stem = withoutSuffix(word, suffix);
    if (!LINE_BREAK.test(stem) && measure(stem) > 1) return stem;
  }
  if (word.length > 4 && word.endsWith('ion') && /[st]$/.test(withoutSuffix(word, 'ion'))) {
    const stem = withoutSuffix(word, 'ion');
    if (!LINE_BREAK.test(stem.slice(0, -1)) && measure(stem) > 1) return stem;
  }
  return word;
}

/** Step 5a: a final "e" goes ("probate" → "probat"), except after a short syllable on an m = 1 stem ("cease"). */
function step5a(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  if (m > 1) return stem;
  if (m !== 1) return word;
  const kinds = letterKinds(word);
  const beforeE = kinds.slice(Math.max(kinds.length - 4, 0), Math.max(kinds.length - 4, 0) + 3);
  const shortSyllable = beforeE === 'CVC' && word.length >= 2 && !'wxy'.includes(word[word.length - 2] ?? '');
  return shortSyllable ? word : stem;
}

/** Step 5b: "ll" → "l" on a word of m > 1 ("controll" → "control"). */
function step5b(word: string): string {
  return word.endsWith('ll') && measure(word) > 1 ? word.slice(0, -1) : word;
}

/** The Porter stem of an English word; words of one or two letters are left as they are. */
export function porterStemEnglish(word: string): string {
  if (word.length < 3) return word;
  let w = word.toLowerCase();
  w = step1a(w);
  w = step1b(w);
  w = step1c(w);
  w = applyRules(w, STEP2);
  w = applyRules(w, STEP3);
  w = step4(w);
  w = step5a(w);
  return step5b(w);
}
