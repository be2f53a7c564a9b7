// Language detection for short customer texts (tweets, comments, tickets).
//
// Two kinds of evidence, both cheap:
// - words: very frequent function words of German, English and a few other European languages
//   (written from general knowledge of the languages, not mined from any data set);
// - characters: umlauts/ß, and letter sequences typical for one language ("sch", "ung", "th", "ing", "n't").
// Words come from the text kernel's tokenizer: handles, URLs, e-mail addresses, HTML entities, numbers, emoji and
// emoticons carry no language and are skipped; a hashtag counts as the words it is made of.
//
// The product only distinguishes 'de' and 'en'; everything else is 'other'. Short texts are ambiguous,
// so the decision leans towards de/en: 'other' needs clearly more evidence than both.

import type { Lang } from '../model.js';
import type { Annotator } from './annotator.js';
import { load as loadLexicons } from './sentiment/lexicons.js';
import { tokenize } from './text/index.js';

// Words that are frequent in one language and rare as words in the other. Words that are common in
// both German and English ("in", "an", "so", "was", "will", "also", "man", "am", "hat") are left out.
const GERMAN_WORDS = new Set(
  (
    'der die das welche welcher welches welchen und ist nicht ich du er sie es wir ihr mit von zu zum zur den dem des ein eine einen einem ' +
    'einer eines auf für fuer im ins sich auch noch nur aber oder wie wenn dass daß schon mal mich mir dich dir ' +
    'uns euch kein keine keinen sind bei beim nach aus vom über ueber sehr jetzt heute immer wieder hier doch ja ' +
    'nein bitte danke habe haben hast hatte hatten wird werden wurde wurden kann kannst können koennen muss ' +
    'müssen soll sollte gibt geht gut mehr seit warum weil denn wo wer dann diese dieser dieses diesen ganz ' +
    'viel viele etwas nichts alles alle mein meine meinen meiner dein deine unser unsere euer eure ihre ihren ' +
    'seine seinen zwar sondern gegen ohne durch bis unter vor zwischen heißt heisst gerade leider endlich ' +
    'wieso weshalb hallo moin servus tschüss gestern morgen woche wochen tage tag stunde stunden minuten ' +
    'einfach wirklich eigentlich vielleicht trotzdem obwohl damit deshalb deswegen ' +
    "selbst selber nie niemand jemand gar sowas hab gibts ists geht's nix nee jo ne " +
    // frequent everyday words of customer talk
    'gut super toll schlecht schade genau klar stimmt echt bestimmt geschickt gesendet erledigt fertig ' +
    'anruf angerufen hilfe schön schoen danke dank liebe lieber grüße gruesse bestellt bestellung kunde'
  ).split(/\s+/),
);

const ENGLISH_WORDS = new Set(
  (
    'the and is are were be been being to of for on with at by from this that these those it its it\'s i i\'m ' +
    'i\'ve i\'ll i\'d you your you\'re yours we we\'re they they\'re their them my me our not don\'t dont ' +
    'can\'t cant won\'t didn\'t didnt doesn\'t doesnt isn\'t isnt wasn\'t aren\'t haven\'t couldn\'t wouldn\'t ' +
    'have has had do does did just but or if what when why how who where there here any get got getting ' +
    'thanks thank please can could would should about out up now still again very really one a than then ' +
    'he she him her us because after before today tomorrow yesterday never ever always only some more ' +
    'much many every which while into over off been going been want need know think make made take ' +
    'hello hey guys thx pls plz yes yeah lol my our ours let let\'s that\'s what\'s there\'s who\'s ' +
    'hours hour minutes day days week weeks time ' +
    // frequent everyday words of customer talk
    'sent send done call called phone help good great best bad worst love like nice cool awesome sorry ' +
    'fine happy told said again back home late first last next still sure well ordered order'
  ).split(/\s+/),
);

// French, Spanish, Italian, Dutch and Portuguese function words that are not also German or English words.
const OTHER_WORDS = new Set(
  (
    // French
    'le la les et est je tu vous nous une pas pour avec dans sur qui que ce c\'est mais très tres merci ' +
    'bonjour au aux ne il elle son sa ses mon ma mes votre vos notre leur être avoir fait été ça j\'ai ' +
    'n\'est l\'on qu\'il cette comme plus bien ' +
    // Spanish
    'el los las y por para con una uno muy pero gracias hola lo del al se su sus como más está estoy ' +
    'hay tengo tiene esto esta eso pero porque también ya muy nada vuelo ' +
    // Italian
    'il gli di che non sono è della delle questo questa anche grazie ciao molto perché sempre ' +
    // Dutch
    'het een ik niet jij wij zijn maar ook voor naar bij geen deze wat hoe waarom heb hebben wordt ' +
    'kunnen moet nog wel dank jullie zo\'n erg ' +
    // Portuguese
    'não nao obrigado obrigada você voce com mas muito isso uma estou'
  ).split(/\s+/),
);
// Keep the sets disjoint: a word listed for German or English is never counted as "other".
for (const w of [...OTHER_WORDS]) if (GERMAN_WORDS.has(w) || ENGLISH_WORDS.has(w)) OTHER_WORDS.delete(w);

const WORD_WEIGHT = 1;
const CHAR_WEIGHT = 0.35;
/** 'other' must beat both de and en by this factor and by at least OTHER_LEAD points (bias towards de/en). */
const OTHER_MARGIN = 1.5;
const OTHER_LEAD = 0.75;

/** Evidence for each language; the decision compares them. */
export interface Scores {
  de: number;
  en: number;
  other: number;
}

const GERMAN_ENDINGS = ['ung', 'ungen', 'keit', 'heit', 'lich', 'chen', 'isch', 'ig', 'nen', 'ern', 'ten'];
const GERMAN_PREFIXES = ['ge', 'ver', 'zer', 'vor', 'ab', 'aus', 'ein', 'auf'];
const ENGLISH_ENDINGS = ['ing', 'ed', 'ly', 'tion', 'ness', 'ful', 'ous', 'y'];
const ENGLISH_CLITICS = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const e of endings) if (word.endsWith(e)) return true;
  return false;
}

function startsWithAny(word: string, prefixes: readonly string[], rest: number): boolean {
  for (const p of prefixes) if (word.length >= p.length + rest && word.startsWith(p)) return true;
  return false;
}

// Letter pairs typical for one language, with their weight (counted per occurrence).
const GERMAN_PAIRS: Record<string, number> = { ei: 0.5, ie: 0.3, tz: 0.7, pf: 0.7 };
const ENGLISH_PAIRS: Record<string, number> = { th: 1, wh: 1, ea: 0.5, oo: 0.5, ou: 0.5, ow: 0.5, aw: 0.5, ew: 0.5 };
const pairKey = (a: number, b: number): number => (a << 16) | b;
function pairTable(pairs: Record<string, number>): Map<number, number> {
  return new Map(Object.entries(pairs).map(([p, w]) => [pairKey(p.charCodeAt(0), p.charCodeAt(1)), w]));
}
const GERMAN_PAIR_TABLE = pairTable(GERMAN_PAIRS);
const ENGLISH_PAIR_TABLE = pairTable(ENGLISH_PAIRS);
const C = 99, H = 104, K = 107, S = 115, Y = 121, Z = 122;

/** Character evidence of one lower-cased word, added to the scores (umlauts and accents are counted per character). */
function scoreCharacters(word: string, s: Scores): void {
  const n = word.length;
  let prev2 = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c === Z) s.de += 0.5; // z is frequent in German, rare in English
    else if (c === Y && n > 2) s.en += 0.3; // y is rare in German outside loanwords
    if (prev === C && c !== H && c !== K) s.en += 0.5; // a lone c (call, service) is English; German has ch/ck
    if (i > 0) {
      const key = pairKey(prev, c);
      s.de += GERMAN_PAIR_TABLE.get(key) ?? 0;
      s.en += ENGLISH_PAIR_TABLE.get(key) ?? 0;
      if (prev2 === S && prev === C && c === H) s.de += 1; // sch
    }
    prev2 = prev;
    prev = c;
  }
  if (n > 4 && endsWithAny(word, GERMAN_ENDINGS)) s.de += 1;
  else if (n > 3 && word.endsWith('en')) s.de += 0.5;
  if (startsWithAny(word, GERMAN_PREFIXES, 3)) s.de += 0.3;
  if (n > 4 && endsWithAny(word, ENGLISH_ENDINGS)) s.en += 1;
  if (prev === C) s.en += 0.5; // word-final c (specific, traffic)
  if (word.includes("'") && endsWithAny(word, ENGLISH_CLITICS)) s.en += 1.5;
}

const UMLAUT_CODES = new Set([...'äöüß'].map((c) => c.charCodeAt(0)));
const ROMANCE_CODES = new Set([...'éèêàâçñãõìòùœ'].map((c) => c.charCodeAt(0)));
// Spanish opens questions and exclamations with these; they are punctuation, so no word holds them.
const INVERTED_MARKS = /[¿¡]/g;

/** Umlauts (German) and Romance accents (other) of a lower-cased word, counted per letter; only words with letters beyond ASCII are looked at. */
function scoreSpecialLetters(word: string, chars: Scores): void {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c <= 127) continue;
    if (UMLAUT_CODES.has(c)) chars.de += 2;
    else if (ROMANCE_CODES.has(c)) chars.other += 1;
  }
}

/** Adds the evidence of one lower-cased word (apostrophes normalised) to the word and character scores. */
function scoreWord(word: string, words: Scores, chars: Scores): void {
  if (word.length < 2 && word !== 'i' && word !== 'a' && word !== 'y') return;
  if (GERMAN_WORDS.has(word)) words.de += 1;
  else if (ENGLISH_WORDS.has(word)) words.en += 1;
  else if (OTHER_WORDS.has(word)) words.other += 1;
  scoreCharacters(word, chars);
}

/** ASCII capitals and small letters of a word as written (for the acronym and all-caps rules). */
function letterCase(raw: string): { upper: number; lower: number } {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) upper += 1;
    else if (c >= 97 && c <= 122) lower += 1;
  }
  return { upper, lower };
}

const emptyScores = (): Scores => ({ de: 0, en: 0, other: 0 });

/** Scores of a text for German, English and other languages; exported for tests and tuning. */
export function languageScores(text: string): Scores {
  const words = emptyScores();
  const chars = emptyScores();
  // Short all-caps words are acronyms or codes (DEN, IM, UA) unless the whole text is in capitals;
  // their evidence is kept aside until the end, when that is known.
  const acronymWords = emptyScores();
  const acronymChars = emptyScores();
  let upperLetters = 0;
  let lowerLetters = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'word') continue;
    const { upper, lower } = letterCase(token.raw);
    upperLetters += upper;
    lowerLetters += lower;
    if (upper + lower < token.raw.length) scoreSpecialLetters(token.norm, chars);
    const length = token.raw.length;
    if (length >= 2 && length <= 4 && upper === length) scoreWord(token.norm, acronymWords, acronymChars);
    else scoreWord(token.norm, words, chars);
  }
  chars.other += text.match(INVERTED_MARKS)?.length ?? 0;
  if (upperLetters > 0 && upperLetters >= lowerLetters) {
    for (const k of ['de', 'en', 'other'] as const) {
      words[k] += acronymWords[k];
      chars[k] += acronymChars[k];
    }
  }
  return {
    de: words.de * WORD_WEIGHT + chars.de * CHAR_WEIGHT,
    en: words.en * WORD_WEIGHT + chars.en * CHAR_WEIGHT,
    other: words.other * WORD_WEIGHT + chars.other * CHAR_WEIGHT,
  };
}

/**
 * For a text the word lists cannot decide (a short review: "Gute App", "Katastrophe", "Tolle Seite"): the words
 * that only the German sentiment lexicon knows against those only the English one knows. Feedback this short is
 * mostly a judgement, and the lexicons hold thousands of judgement words where the lists hold function words.
 */
function lexiconLanguage(text: string): Lang {
  const lexicons = loadLexicons();
  let de = 0;
  let en = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'word' || token.norm.length < 3) continue;
    const german = lexicons.de.has(token.folded);
    const english = lexicons.en.has(token.norm);
    if (german && !english) de += 1;
    else if (english && !german) en += 1;
  }
  return de > en ? 'de' : en > de ? 'en' : 'other';
}

/**
 * The language of a text: 'de', 'en', or 'other' (another language, or no evidence at all —
 * e.g. only a link, emoji or a number).
 */
export function detectLanguage(text: string): Lang {
  const s = languageScores(text);
  const best = Math.max(s.de, s.en);
  if (s.other > best * OTHER_MARGIN && s.other - best >= OTHER_LEAD) return 'other';
  if (best <= 0 || s.de === s.en) return s.other > 0 ? 'other' : lexiconLanguage(text);
  return s.de > s.en ? 'de' : 'en';
}

/** Annotator: the language of every event with text (an event that already has one keeps it). */
export const languageAnnotator: Annotator = (event) => {
  if (event.lang !== null || !event.text || !event.text.trim()) return {};
  return { lang: detectLanguage(event.text) };
};
