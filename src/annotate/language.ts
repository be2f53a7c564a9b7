// Language detection for short customer texts (tweets, comments, tickets, shop reviews).
//
// Two kinds of evidence, both cheap:
// - words: very frequent function words of German, English and a few other European languages, and everyday
//   shop-review words of those others ("produto", "entrega", "recomendo") — written from general knowledge of the
//   languages, not mined from any data set;
// - characters: umlauts/ß, the cedilla, tilde and accents of the Romance languages, letter sequences typical for
//   one language ("sch", "ung", "th", "ing", "n't") and word shapes of the others ("-inho", "-dade", "ij").
// Words come from the text kernel's tokenizer: handles, URLs, e-mail addresses, HTML entities, numbers, emoji and
// emoticons carry no language and are skipped; a hashtag counts as the words it is made of.
//
// The product only distinguishes 'de' and 'en'; everything else is 'other'. Short texts are ambiguous,
// so the decision leans towards de/en: 'other' needs clearly more evidence than both, unless de/en have less than
// a word's worth. languageVerdict tells the two kinds of 'other' apart: another language ('foreign'), whose words
// the German and English rules must not read, and no evidence at all ('unknown': "ok", emoji, a link).

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

// Portuguese, Spanish, French, Italian and Dutch words that are not also German or English words. Frequent words
// that are ("a", "as", "do", "no", "me", "so", "da", "die", "um", "na", "was", "per", "come", "van", "met", "tot")
// are left out: they would pull English and German texts away.
const OTHER_FUNCTION_WORDS = new Set(
  (
    // Portuguese
    'não nao de dos nos nas uma umas os ao aos à às pelo pela pelos pelas para pra com sem ' +
    'por que quem quando onde como porque mas mais menos muito muita muitos muitas tudo todo toda todos todas ' +
    'nada nenhum nenhuma algum alguma já ainda também tambem só nunca sempre bem aqui lá isso isto esse essa este ' +
    'esta eu você voce vocês ele ela eles elas nós meu minha meus minhas seu sua seus suas nosso nossa é foi foram ' +
    'era são ser estar está esta estava estou tem têm tinha ter fiz fez vai vou veio vieram até após antes depois ' +
    'então entao pois ou se lhe te mesmo outro outra agora hoje ontem dia dias obrigado obrigada isso estou ' +
    // Spanish
    'el las del al y lo con una uno unos unas muy pero porque también ya nada bien aquí hay son está están ' +
    'estoy estaba fue tengo tiene tienen hace hacer mi mis su sus esto eso esa ese usted ustedes ellos ella ' +
    'cuando donde dónde cómo qué aún todavía después siempre hola gracias más ' +
    // French
    'le la les et est je tu vous nous une pas pour avec dans sur qui ce c\'est mais très tres merci bonjour au aux ne ' +
    'il elle son sa ses mon ma mes votre vos notre leur être avoir fait été ça j\'ai n\'est l\'on qu\'il cette ' +
    'comme plus bien en ou où par sans tout tous toute toutes rien trop peu jamais toujours encore déjà aussi ces ' +
    'cet suis sont avons avez ont était d\'un d\'une ' +
    // Italian
    'il gli di che non sono è della delle dei degli nel nella questo questa quello quella anche ciao molto perché ' +
    'sempre ancora tutto tutti niente più suo hai abbiamo hanno ' +
    // Dutch
    'het een ik niet jij wij zijn maar ook voor naar bij geen deze wat hoe waarom heb hebben heeft wordt ' +
    'kunnen moet nog wel jullie zo\'n erg mijn uw onze hij zij ze uit om op dit waar wanneer zou zal toch dus ' +
    'niets niks nooit altijd geweest gedaan bedankt'
  ).split(/\s+/),
);

// Everyday words of shop reviews and customer service (product, delivery, arrived, received, recommend, quality,
// thanks, broken, refund) in the same languages. A short review is made of such words rather than function
// words, and they are long and specific to their language, so each counts more than a function word.
const OTHER_REVIEW_WORDS = new Set(
  (
    // Portuguese
    'produto produtos entrega entregue entregues entregou entregaram entregar chegou chegaram chegar chegando ' +
    'recebi recebido recebida recebemos receber prazo previsto compra comprei comprado comprar loja lojas ' +
    'vendedor pedido pedidos ótimo otimo ótima otima bom boa excelente recomendo recomendaria recomendado indico ' +
    'perfeito perfeita qualidade rápido rapido rápida rapida rapidez atraso atrasado atrasada correios dinheiro ' +
    'problema certo certinho parabéns parabens gostei adorei amei lindo satisfeito satisfeita esperado ' +
    'conforme embalado embalagem estado errado errada faltou faltando defeito quebrado quebrada devolução devolucao ' +
    'troca trocado cancelamento cancelado reembolso aguardando esperando resposta atendimento empresa cliente frete ' +
    'rastreamento preço preco barato caro péssimo pessimo péssima pessima ruim quero semana ' +
    // Spanish
    'producto productos envío envio llegó llego llegaron llegar recibí recibi compré tienda calidad precio bueno ' +
    'buena malo recomiendo perfecto perfecta devolución atención servicio dinero tarde paquete roto vuelo ' +
    // French
    'produit commande livraison livré reçu colis arrivé rapide parfait satisfait qualité prix délai remboursement ' +
    'vendeur problème recommande ' +
    // Italian
    'prodotto prodotti consegna consegnato arrivato arrivata ricevuto ordine spedizione venditore ottimo ottima ' +
    'buono buona consiglio perfetto qualità prezzo veloce soddisfatto rimborso pacco grazie rotto ' +
    // Dutch
    'bestelling besteld geleverd levering pakket bezorgd bezorging ontvangen klantenservice aanrader tevreden snel ' +
    'goed goede slecht mooi graag helaas'
  ).split(/\s+/),
);
// Keep the sets disjoint: a word listed for German or English is never counted as "other".
for (const list of [OTHER_FUNCTION_WORDS, OTHER_REVIEW_WORDS]) {
  for (const w of [...list]) if (GERMAN_WORDS.has(w) || ENGLISH_WORDS.has(w)) list.delete(w);
}
for (const w of OTHER_REVIEW_WORDS) OTHER_FUNCTION_WORDS.delete(w);

const WORD_WEIGHT = 1;
/** An other-language review word ("recomendo", "entrega") against one function word: see OTHER_REVIEW_WORDS. */
const REVIEW_WORD_WEIGHT = 2;
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
/** Pair weights by the two ASCII character codes (a flat table: looked up for every letter of every word). */
const pairKey = (a: number, b: number): number => (a < 0x80 && b < 0x80 ? (a << 7) | b : -1);
function pairTable(pairs: Record<string, number>): Float64Array {
  const table = new Float64Array(0x80 * 0x80);
  for (const [p, w] of Object.entries(pairs)) table[pairKey(p.charCodeAt(0), p.charCodeAt(1))] = w;
  return table;
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
      s.de += key < 0 ? 0 : GERMAN_PAIR_TABLE[key]!;
      s.en += key < 0 ? 0 : ENGLISH_PAIR_TABLE[key]!;
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
// Letters German and English never write outside a borrowed name: the cedilla and the tilde of Portuguese and
// Spanish ("ç", "ã", "ñ") are as telling as an umlaut is for German.
const IBERIAN_CODES = new Set([...'çãõñ'].map((c) => c.charCodeAt(0)));
// Accented vowels of the Romance languages; loanwords and names ("Café", "André") bring a few into German and
// English, so one counts half an Iberian letter.
const ROMANCE_CODES = new Set([...'áéíóúàèìòùâêîôûœ'].map((c) => c.charCodeAt(0)));
// Spanish opens questions and exclamations with these; they are punctuation, so no word holds them.
const INVERTED_MARKS = /[¿¡]/g;

/** Umlauts (German) and Romance letters (other) of a lower-cased word, counted per letter; only words with letters beyond ASCII are looked at. */
function scoreSpecialLetters(word: string, chars: Scores): void {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c <= 127) continue;
    if (UMLAUT_CODES.has(c)) chars.de += 2;
    else if (IBERIAN_CODES.has(c)) chars.other += 2;
    else if (ROMANCE_CODES.has(c)) chars.other += 1;
  }
}

// Word shapes of the other languages that German and English words do not take, written without accents so that
// they hold where the writer left the accents out (common in quick reviews: "nao", "otimo", "agil"):
// Portuguese "-nho/-nha/-lho/-lha" (carrinho, minha, filho), "-dade" (qualidade) and the past tense "-ou" (chegou,
// gostou; "you" is too short to count), Spanish "-idad" (calidad), Italian "-zione/-zioni" (spedizione) and Dutch
// "ij" (bij, tijd, eigenlijk).
const OTHER_WORD_SHAPES = /(?:[nl]h[ao]s?|dades?|idad(?:es)?|zion[ei]|.{3}ou)$|ij/;

/** Character evidence for the other languages in one lower-cased word. */
function scoreOtherShapes(word: string, chars: Scores): void {
  if (word.length > 3 && OTHER_WORD_SHAPES.test(word)) chars.other += 1;
}

// One-letter words that tell a language: English "I" and "a", Spanish "y", Portuguese "é", Italian "è",
// French and Portuguese "à". The other single letters are initials, list marks or units.
const ONE_LETTER_WORDS = new Set(['i', 'a', 'y', 'é', 'è', 'à']);
// "a" is as frequent in Portuguese ("a entrega", "chegou a tempo"), Spanish and Italian ("a casa") as in English.
const SHARED_ARTICLE_WEIGHT = 0.5;

/** Adds the evidence of one lower-cased word (apostrophes normalised) to the word and character scores. */
function scoreWord(word: string, words: Scores, chars: Scores): void {
  if (word.length < 2 && !ONE_LETTER_WORDS.has(word)) return;
  if (GERMAN_WORDS.has(word)) words.de += 1;
  else if (ENGLISH_WORDS.has(word)) words.en += word === 'a' ? SHARED_ARTICLE_WEIGHT : 1;
  else if (OTHER_REVIEW_WORDS.has(word)) words.other += REVIEW_WORD_WEIGHT;
  else if (OTHER_FUNCTION_WORDS.has(word)) words.other += 1;
  scoreCharacters(word, chars);
  scoreOtherShapes(word, chars);
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
function lexiconVerdict(text: string): Verdict {
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
  return de > en ? 'de' : en > de ? 'en' : 'unknown';
}

/**
 * What the evidence says about a text: German, English, another language ('foreign': "Produto de qualidade", "Merci
 * beaucoup"), or nothing to tell by ('unknown': a link, emoji, a number, "ok").
 */
export type Verdict = 'de' | 'en' | 'foreign' | 'unknown';

/** Less de/en evidence than this is a hint (a letter pair, an ending), not a word. */
const WEAK_EVIDENCE = 0.5;

export function languageVerdict(text: string): Verdict {
  const s = languageScores(text);
  const best = Math.max(s.de, s.en);
  if (s.other > best * OTHER_MARGIN && s.other - best >= OTHER_LEAD) return 'foreign';
  // Short of a word of German or English, an accent or a word shape of another language ("Fantástico", "Confiável")
  // tells more than a lone "c" or "ie" does for English or German.
  if (best < WEAK_EVIDENCE && s.other > best) return 'foreign';
  if (best <= 0 || s.de === s.en) return s.other > 0 ? 'foreign' : lexiconVerdict(text);
  return s.de > s.en ? 'de' : 'en';
}

/**
 * The language of a text: 'de', 'en', or 'other' (another language, or no evidence at all —
 * e.g. only a link, emoji or a number).
 */
export function detectLanguage(text: string): Lang {
  const verdict = languageVerdict(text);
  return verdict === 'de' || verdict === 'en' ? verdict : 'other';
}

/**
 * Whether a text is written in a language thick does not read, rather than too short or wordless to tell: German
 * and English word rules (codes, sentiment, readings) would only misread it ("retirar" is not "retire").
 */
export function inOtherLanguage(text: string): boolean {
  return languageVerdict(text) === 'foreign';
}

/** Annotator: the language of every event with text (an event that already has one keeps it). */
export const languageAnnotator: Annotator = (event) => {
  if (event.lang !== null || !event.text || !event.text.trim()) return {};
  return { lang: detectLanguage(event.text) };
};
