// Compilation: everything the matcher needs, computed once per run from the codebook: folded words and compound
// tails, folded stems, phrases indexed by their first token, regular expressions, and the implied_by and
// ruled_out_by references resolved to code indexes.

import type { Lang } from '../../model.js';
import { progressTicker, type OnProgress } from '../../progress.js';
import { fold, PhraseList } from '../text/index.js';
import { compileCondition, type RecordCondition } from './conditions.js';
import { phrasePattern, type PhrasePattern } from './pattern.js';
import { LiteralIndex, requiredLiterals } from './prefilter.js';
import type { Code, Codebook, Condition } from './schema.js';

/** How sure a hit of each kind is: a phrase says more than a single word, a word more than a stem or compound tail. */
export const CONFIDENCE = { phrase: 0.8, regex: 0.75, word: 0.7, stem: 0.65, compound: 0.6, signal: 0.6 } as const;
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
  /** Index in CompiledCodebook.conditions of the condition its rule needs; undefined for the code's own patterns. */
  when?: number;
}

export interface StemEntry {
  code: number;
  raw: string;
  stem: string;
  when?: number;
}

/** A regular expression with the literals any match of it contains, and its number in the literal index. */
export interface CompiledRegex {
  re: RegExp;
  required: string[] | null;
  id: number;
}

function compileRegex(compiled: CompiledCodebook, source: string): CompiledRegex {
  const required = requiredLiterals(source, 'giu');
  return { re: new RegExp(source, 'giu'), required, id: compiled.literals.add(required) };
}

export interface CompiledCode {
  id: string;
  category: string;
  /** Regexes with their rule label "#<n>" (1-based position in the codebook's list). */
  regexes: (CompiledRegex & { label: string; when?: number })[];
  exclude: PhrasePattern[];
  /** The exclude phrases indexed by first word, for the one pass over a text's tokens. */
  excludeList: PhraseList;
  excludeRegexes: CompiledRegex[];
  negatable: boolean;
  impliedBy: number[];
  /** Codes whose own evidence rules this code out. */
  ruledOutBy: number[];
  /** Conditions (indexes in CompiledCodebook.conditions): for every hit, for implied hits only. */
  when?: number;
  impliedWhen?: number;
  /** Rules without patterns: their condition alone is the evidence. */
  signals: { when: number; label: string }[];
}

export interface CompiledCodebook {
  codebook: Codebook;
  codes: CompiledCode[];
  /** Folded word → entries. */
  words: Map<string, Entry[]>;
  /** Folded words long enough to be the tail of a German compound → entries. */
  compoundWords: Map<string, Entry[]>;
  stems: { de: StemEntry[]; en: StemEntry[] };
  /** Phrases starting with a whole word, in codebook order, and their index by first words (see phrases.ts). */
  phrases: PhrasePattern[];
  phraseList: PhraseList;
  /** Phrases starting with a prefix ("warte* seit"), in codebook order: tried after the others at each token. */
  wildPhrases: PhrasePattern[];
  wildPhraseList: PhraseList;
  /** Per-token analysis caches: per lang and compound permission, by folded token (see entries.ts). */
  tokenCache: Record<Lang, { compound: Map<string, Entry[]>; plain: Map<string, Entry[]> }>;
  /** The conditions of codes and rules, referenced by index. */
  conditions: RecordCondition[];
  /** Ids of the codes kept out of the default outputs. */
  experimental: ReadonlySet<string>;
  /** Which regexes a text can match, by the literals they require (see prefilter.ts). */
  literals: LiteralIndex;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Patterns = Pick<Code['patterns'], 'words' | 'stems' | 'phrases' | 'regex'>;

/** Word entries match whole tokens; long ones also the tail of a German compound. */
function compileWords(compiled: CompiledCodebook, patterns: Patterns, i: number, when?: number): void {
  for (const raw of patterns.words ?? []) {
    const word = fold(raw);
    pushTo(compiled.words, word, { code: i, kind: 'word', raw, when });
    if (word.length >= MIN_COMPOUND_WORD) pushTo(compiled.compoundWords, word, { code: i, kind: 'compound', raw, when });
  }
}

function compileStems(compiled: CompiledCodebook, patterns: Patterns, i: number, when?: number): void {
  for (const lang of ['de', 'en'] as const) {
    for (const raw of patterns.stems?.[lang] ?? []) compiled.stems[lang].push({ code: i, raw, stem: fold(raw), when });
  }
}

function compilePhrases(compiled: CompiledCodebook, patterns: Patterns, i: number, when?: number): void {
  for (const raw of patterns.phrases ?? []) {
    const phrase = { ...phrasePattern(i, raw), when };
    const first = phrase.tokens[0];
    if (first === undefined) continue;
    if (first.endsWith('*')) compiled.wildPhrases.push(phrase);
    else compiled.phrases.push(phrase);
  }
}

function compileRegexes(compiled: CompiledCodebook, patterns: Patterns, labelOf: (j: number) => string, when?: number): CompiledCode['regexes'] {
  return (patterns.regex ?? []).map((source, j) => ({ label: labelOf(j), ...compileRegex(compiled, source), when }));
}

/** A condition's index in the compiled codebook's list; undefined when there is none. */
function addCondition(compiled: CompiledCodebook, condition: Condition | undefined): number | undefined {
  if (!condition) return undefined;
  compiled.conditions.push(compileCondition(condition));
  return compiled.conditions.length - 1;
}

/** implied_by or ruled_out_by as code indexes: "<category>.*" stands for every other code of the category. */
function resolveCodeRefs(codebook: Codebook, code: Code, i: number, ids: Map<string, number>, key: 'implied_by' | 'ruled_out_by'): number[] {
  const indexes: number[] = [];
  for (const ref of code[key] ?? []) {
    if (ref.endsWith('.*')) {
      const category = ref.slice(0, -2);
      const members = codebook.codes.flatMap((other, j) => (other.category === category && j !== i ? [j] : []));
      if (members.length === 0) throw new Error(`codebook: ${code.id}: ${key} "${ref}": no code in category "${category}"`);
      indexes.push(...members);
    } else {
      const j = ids.get(ref);
      if (j === undefined) throw new Error(`codebook: ${code.id}: ${key} "${ref}": no such code`);
      indexes.push(j);
    }
  }
  return indexes;
}

/**
 * One code: its own patterns, then each conditional rule's (their words, stems and phrases join the shared indexes
 * with the rule's condition; a rule without patterns becomes a signal), exclusions, implied_by, ruled_out_by and
 * conditions.
 */
function compileCode(compiled: CompiledCodebook, code: Code, i: number, ids: Map<string, number>): CompiledCode {
  const p = code.patterns;
  compileWords(compiled, p, i);
  compileStems(compiled, p, i);
  compilePhrases(compiled, p, i);
  const regexes = compileRegexes(compiled, p, (j) => `#${j + 1}`);
  const signals: CompiledCode['signals'] = [];
  code.rules?.forEach((rule, r) => {
    const when = addCondition(compiled, rule.when)!;
    if (!rule.patterns) {
      signals.push({ when, label: compiled.conditions[when]!.label });
      return;
    }
    compileWords(compiled, rule.patterns, i, when);
    compileStems(compiled, rule.patterns, i, when);
    compilePhrases(compiled, rule.patterns, i, when);
    regexes.push(...compileRegexes(compiled, rule.patterns, (j) => `rule${r + 1}#${j + 1}`, when));
  });
  const exclude = (p.exclude ?? []).map((raw) => phrasePattern(i, raw));
  return {
    id: code.id,
    category: code.category,
    regexes,
    exclude,
    excludeList: new PhraseList(exclude.map((phrase) => phrase.tokens)),
    excludeRegexes: (p.exclude_regex ?? []).map((source) => compileRegex(compiled, source)),
    negatable: code.negatable ?? false,
    impliedBy: resolveCodeRefs(compiled.codebook, code, i, ids, 'implied_by'),
    ruledOutBy: resolveCodeRefs(compiled.codebook, code, i, ids, 'ruled_out_by'),
    when: addCondition(compiled, code.when),
    impliedWhen: addCondition(compiled, code.implied_when),
    signals,
  };
}

const tokenCaches = () => ({ compound: new Map<string, Entry[]>(), plain: new Map<string, Entry[]>() });

/**
 * Precompute everything the matcher needs: folded words, stems, phrase indexes, regular expressions. `onProgress`
 * hears each code compiled, as the part "the codebook" of the stage annotate: a fifth of a second for the default
 * codebook on a cold start, in a few dozen codes of very unequal size, so each is told.
 */
export function compileCodebook(codebook: Codebook, onProgress?: OnProgress): CompiledCodebook {
  const tick = progressTicker(onProgress, { stage: 'annotate', unit: 'codes', total: codebook.codes.length, part: 'the codebook' }, 1);
  const ids = new Map(codebook.codes.map((code, i) => [code.id, i]));
  const compiled: CompiledCodebook = {
    codebook,
    codes: [],
    words: new Map(),
    compoundWords: new Map(),
    stems: { de: [], en: [] },
    phrases: [],
    phraseList: new PhraseList([]),
    wildPhrases: [],
    wildPhraseList: new PhraseList([]),
    tokenCache: { de: tokenCaches(), en: tokenCaches(), other: tokenCaches() },
    conditions: [],
    experimental: new Set(codebook.codes.filter((code) => code.experimental).map((code) => code.id)),
    literals: new LiteralIndex(),
  };
  codebook.codes.forEach((code, i) => {
    compiled.codes.push(compileCode(compiled, code, i, ids));
    tick(i + 1);
  });
  compiled.phraseList = new PhraseList(compiled.phrases.map((phrase) => phrase.tokens));
  compiled.wildPhraseList = new PhraseList(compiled.wildPhrases.map((phrase) => phrase.tokens));
  return compiled;
}
