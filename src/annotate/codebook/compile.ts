// Compilation: everything the matcher needs, computed once per run from the codebook: folded words and compound
// tails, folded stems, phrases indexed by their first token, regular expressions, and the implied_by references
// resolved to code indexes.

import { fold } from '../text/index.js';
import { phrasePattern, type PhrasePattern } from './pattern.js';
import type { Code, Codebook } from './schema.js';

/** How sure a hit of each kind is: a phrase says more than a single word, a word more than a stem or compound tail. */
export const CONFIDENCE = { phrase: 0.8, regex: 0.75, word: 0.7, stem: 0.65, compound: 0.6 } as const;
export type Kind = keyof typeof CONFIDENCE;

// Shorter tails match inside unrelated words too often ("traum" in "Zeitraum", "teuer" in "Abenteuer").
export const MIN_COMPOUND_WORD = 6;
export const MIN_COMPOUND_STEM = 6;
/** The first part of a compound has at least this many letters. */
export const MIN_COMPOUND_HEAD = 3;

export interface Entry {
  /** Index of the code in the codebook. */
  code: number;
  kind: Kind;
  /** The entry as written in the codebook, for the rule id. */
  raw: string;
}

export interface StemEntry {
  code: number;
  raw: string;
  stem: string;
}

export interface CompiledCode {
  id: string;
  category: string;
  /** Regexes with their rule label "#<n>" (1-based position in the codebook's list). */
  regexes: { label: string; re: RegExp }[];
  exclude: PhrasePattern[];
  excludeRegexes: RegExp[];
  negatable: boolean;
  impliedBy: number[];
}

export interface CompiledCodebook {
  codebook: Codebook;
  codes: CompiledCode[];
  /** Folded word → entries. */
  words: Map<string, Entry[]>;
  /** Folded words long enough to be the tail of a German compound → entries. */
  compoundWords: Map<string, Entry[]>;
  stems: { de: StemEntry[]; en: StemEntry[] };
  /** Phrases by their first folded token; phrases starting with a wildcard token are in `wildPhrases`. */
  phrases: Map<string, PhrasePattern[]>;
  wildPhrases: PhrasePattern[];
  /** Per-token analysis cache, keyed by lang and folded token (see entries.ts). */
  tokenCache: Map<string, Entry[]>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Word entries match whole tokens; long ones also the tail of a German compound. */
function compileWords(compiled: CompiledCodebook, code: Code, i: number): void {
  for (const raw of code.patterns.words ?? []) {
    const word = fold(raw);
    pushTo(compiled.words, word, { code: i, kind: 'word', raw });
    if (word.length >= MIN_COMPOUND_WORD) pushTo(compiled.compoundWords, word, { code: i, kind: 'compound', raw });
  }
}

function compileStems(compiled: CompiledCodebook, code: Code, i: number): void {
  for (const lang of ['de', 'en'] as const) {
    for (const raw of code.patterns.stems?.[lang] ?? []) compiled.stems[lang].push({ code: i, raw, stem: fold(raw) });
  }
}

function compilePhrases(compiled: CompiledCodebook, code: Code, i: number): void {
  for (const raw of code.patterns.phrases ?? []) {
    const phrase = phrasePattern(i, raw);
    const first = phrase.tokens[0];
    if (first === undefined) continue;
    if (first.endsWith('*')) compiled.wildPhrases.push(phrase);
    else pushTo(compiled.phrases, first, phrase);
  }
}

/** implied_by as code indexes: "<category>.*" stands for every other code of the category. */
function resolveImpliedBy(codebook: Codebook, code: Code, i: number, ids: Map<string, number>): number[] {
  const impliedBy: number[] = [];
  for (const ref of code.implied_by ?? []) {
    if (ref.endsWith('.*')) {
      const category = ref.slice(0, -2);
      const members = codebook.codes.flatMap((other, j) => (other.category === category && j !== i ? [j] : []));
      if (members.length === 0) throw new Error(`codebook: ${code.id}: implied_by "${ref}": no code in category "${category}"`);
      impliedBy.push(...members);
    } else {
      const j = ids.get(ref);
      if (j === undefined) throw new Error(`codebook: ${code.id}: implied_by "${ref}": no such code`);
      impliedBy.push(j);
    }
  }
  return impliedBy;
}

function compileCode(codebook: Codebook, code: Code, i: number, ids: Map<string, number>): CompiledCode {
  const p = code.patterns;
  return {
    id: code.id,
    category: code.category,
    regexes: (p.regex ?? []).map((source, j) => ({ label: `#${j + 1}`, re: new RegExp(source, 'giu') })),
    exclude: (p.exclude ?? []).map((raw) => phrasePattern(i, raw)),
    excludeRegexes: (p.exclude_regex ?? []).map((source) => new RegExp(source, 'giu')),
    negatable: code.negatable ?? false,
    impliedBy: resolveImpliedBy(codebook, code, i, ids),
  };
}

/** Precompute everything the matcher needs: folded words, stems, phrase indexes, regular expressions. */
export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const ids = new Map(codebook.codes.map((code, i) => [code.id, i]));
  const compiled: CompiledCodebook = {
    codebook,
    codes: [],
    words: new Map(),
    compoundWords: new Map(),
    stems: { de: [], en: [] },
    phrases: new Map(),
    wildPhrases: [],
    tokenCache: new Map(),
  };
  codebook.codes.forEach((code, i) => {
    compileWords(compiled, code, i);
    compileStems(compiled, code, i);
    compilePhrases(compiled, code, i);
    compiled.codes.push(compileCode(codebook, code, i, ids));
  });
  return compiled;
}
