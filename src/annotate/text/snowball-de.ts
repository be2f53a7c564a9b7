// thick's German stemmer, written from the description of the Snowball German stemming algorithm
// (snowballstem.org/algorithms/german/stemmer.html). Its output must equal the stems the codebook and the
// trained model were made with, so snowball-de.test.ts compares it word for word with the stemmer they came from.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü']);
/** Letters after which a final "s" is an ending ("autos" → "auto"), and after which "st" is ("gebst"). */
const S_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't']);
const ST_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 't']);

const LINE_BREAK = /[\n\r\u2028\u2029]/;

const MARKED_OR_UMLAUT = /[UYäöü]/;

function isVowel(letter: string | undefined): boolean {
  return letter !== undefined && VOWELS.has(letter);
}

/**
 * "ß" spelt "ss", and "u" (then "y") between two vowels marked as a consonant ("U", "Y"), so that "bauen" and
 * "feuer" are measured as the algorithm intends. Each marking uses up the vowels either side of it: in "auaua"
 * only the first "u" is marked, as in the stemmer the codebook's stems came from.
 */
function prelude(word: string): string {
  return markBetweenVowels(markBetweenVowels(word, 'u'), 'y').replace(/ß/g, 'ss');
}

function markBetweenVowels(word: string, letter: 'u' | 'y'): string {
  if (!word.includes(letter)) return word;
  const letters = word.split('');
  let i = 1;
  while (i < letters.length - 1) {
    if (letters[i] === letter && isVowel(letters[i - 1]) && isVowel(letters[i + 1])) {
      letters[i] = letter.toUpperCase();
      i += 3; // the vowel after the mark cannot open the next match
    } else i++;
  }
  return letters.join('');
}

/** Start of the region after the first non-vowel that follows a vowel, searched from `from`. */
function regionAfterVowelConsonant(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

/** R1 and R2 of the algorithm; R1 is moved right so that at least three letters come before it. */
function regions(word: string): { r1: number; r2: number } {
  const r1 = regionAfterVowelConsonant(word, 0);
  const r2 = regionAfterVowelConsonant(word, r1);
  return { r1: Math.max(r1, 3), r2 };
}

/** The longest of `suffixes` the word ends in, or undefined. */
function longestSuffix(word: string, suffixes: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && (found === undefined || suffix.length > found.length)) found = suffix;
  }
  return found;
}

/** Step 1: inflectional endings in R1 ("häuser" → "häus", "kenntnisse" → "kenntnis", "autos" → "auto"). */
function step1(word: string, r1: number): string {
  const suffix = longestSuffix(word, ['em', 'ern', 'er', 'e', 'en', 'es', 's']);
  if (suffix === undefined) return word;
  const start = word.length - suffix.length;
  if (start < r1) return word;
  if (suffix === 's') return S_ENDING.has(word[start - 1] ?? '') ? word.slice(0, start) : word;
  const stemmed = word.slice(0, start);
  if ((suffix === 'e' || suffix === 'en' || suffix === 'es') && stemmed.endsWith('niss')) return stemmed.slice(0, -1);
  return stemmed;
}

/** Step 2: verb and superlative endings in R1 ("kaufest" → "kauf"); "st" only after a valid letter and three more. */
function step2(word: string, r1: number): string {
  const suffix = longestSuffix(word, ['en', 'er', 'est', 'st']);
  if (suffix === undefined) return word;
  const start = word.length - suffix.length;
  if (start < r1) return word;
  if (suffix === 'st') return hasStEnding(word, start) ? word.slice(0, start) : word;
  return word.slice(0, start);
}

/** "st" after a valid letter that itself follows at least three letters (none of them a line break). */
function hasStEnding(word: string, start: number): boolean {
  return start >= 4 && ST_ENDING.has(word[start - 1] ?? '') && !LINE_BREAK.test(word.slice(start - 4, start - 1));
}

/** Step 3: derivational endings in R2 ("bereitschaftlich", "heiligkeit", "erinnerung"), with their follow-ups. */
function step3(word: string, r1: number, r2: number): string {
  const suffix = longestSuffix(word, ['end', 'ung', 'ig', 'ik', 'isch', 'lich', 'heit', 'keit']);
  if (suffix === undefined) return word;
  const start = word.length - suffix.length;
  if (start < r2) return word;
  const stemmed = word.slice(0, start);
  switch (suffix) {
    case 'end':
    case 'ung':
      return stemmed.endsWith('ig') && start - 2 >= r2 && stemmed[start - 3] !== 'e' ? stemmed.slice(0, -2) : stemmed;
    case 'ig':
    case 'ik':
    case 'isch':
      return stemmed.endsWith('e') ? word : stemmed;
    case 'lich':
    case 'heit':
      return (stemmed.endsWith('er') || stemmed.endsWith('en')) && start - 2 >= r1 ? stemmed.slice(0, -2) : stemmed;
    default: // keit
      if (stemmed.endsWith('lich') && start - 4 >= r2) return stemmed.slice(0, -4);
      if (stemmed.endsWith('ig') && start - 2 >= r2) return stemmed.slice(0, -2);
      return stemmed;
  }
}

/** The marks of the prelude undone, and umlauts written as their plain vowels ("häus" → "haus"). */
function postlude(word: string): string {
  if (!MARKED_OR_UMLAUT.test(word)) return word;
  return word.replace(/[UYäöü]/g, (letter) => ({ U: 'u', Y: 'y', ä: 'a', ö: 'o', ü: 'u' })[letter] ?? letter);
}

/** The Snowball stem of a lower-case German word. */
export function snowballStemGerman(word: string): string {
  let w = prelude(word);
  const { r1, r2 } = regions(w);
  w = step1(w, r1);
  w = step2(w, r1);
  w = step3(w, r1, r2);
  return postlude(w);
}
