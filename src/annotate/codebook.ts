// The codebook: the qualitative codes thick looks for in customer texts (pain points, longings, trust signals,
// roles, life events, dialog acts, actions), how they are written down (YAML/JSON, validated with zod), and a
// rule matcher that finds them with evidence.
//
// Pattern semantics (all matching is case-insensitive and umlaut-insensitive):
// - Text is normalised ("folded"): lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped (é→e), so
//   "Verspätung", "VERSPÄTUNG" and "Verspaetung" are the same token. Pattern entries are folded the same way.
// - Tokens are the words and numbers of the text kernel's tokenizer (annotate/text/): runs of letters/digits
//   starting with a letter (with inner apostrophes: don't), and numbers; digits before letters are a number of
//   their own ("24hrs" is "24 hrs"). Hyphens split tokens, so "No-Reply-Mail" is "no reply mail". @handles, URLs
//   and e-mail addresses are not text and never match; a hashtag is its words (#LostLuggage is "lost luggage").
// - words: an entry matches a whole token. In German (lang 'de' or 'other'), an entry of ≥ 6 letters also matches
//   as the tail of a compound noun, with a head of ≥ 3 letters and an optional inflection ending
//   (e, n, en, es, s, er, ern): "schaden" matches "Totalschaden", "hotline" matches "Servicehotlines".
// - Compounds are nouns, and German nouns are capitalised: compound tails are only matched in tokens with a
//   capital initial, or anywhere in a text written all in lower case. So "verdanke" is not "danke".
// - stems: an entry matches a token whose Porter stem (natural's German stemmer for `de`, English for `en`;
//   both for lang 'other') starts with the entry (equal included). Entries are written as stem prefixes:
//   "verspät" matches Verspätung, verspätet, Verspätungen. German entries of ≥ 6 letters also match inside a
//   compound, after a head of ≥ 3 letters: "verspät" matches "Paketverspätung", "erstatt" matches "Rückerstattung".
// - phrases: a sequence of tokens, matched token by token; a token ending in "*" matches any token starting with
//   it ("warte* seit" matches "warten seit", "wartet seit"); a lone "*" matches any one token ("seit * tagen").
// - regex: JavaScript regular expression source, run case-insensitively (flags "iu") on the original text with
//   handles/URLs blanked out (same offsets).
// - exclude: phrases (same syntax) that veto every hit of this code in the sentence where they occur.
// - exclude_regex: regular expressions (same flags as regex) that veto every hit of this code in the sentences
//   they touch — for exclusions a phrase cannot say ("meine <anything but a parcel> ist kaputt").
// - negatable (optional, per code): a word, stem, compound or phrase hit right after a negation in the same clause
//   (not, no, never, without, n't; nicht, kein…, nie, ohne — the negators of lexicons/negators.json for the text's
//   language — at most two tokens before, no punctuation between, "not only"/"nicht nur" excepted) does not count:
//   "no delay", "keine Verspätung", "nicht beschädigt".
// - Sign-offs: a closing made only of thanks and greeting formulas, perhaps followed by a name ("Danke, Thomas",
//   "Thanks, Mike", "Danke und Gruß", "MfG Petra Schulz"), ends a message that has other content; no code is
//   found inside it: such thanks are politeness, not praise.
// - implied_by (optional): code ids, or "<category>.*", whose hits also count as a hit of this code when it has
//   no evidence of its own ("a complaint expects an answer": action.response-needed is implied by dialog.complaint).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { Annotation, Lang } from '../model.js';
import { isCustomerVoice, type Annotator } from './annotator.js';
import { detectLanguage } from './language.js';
import { blankNoise, fold, isNegator, isTextToken, negatorsFor, readText, sentenceOf, stem, tokenize as readTokens, type Negators, type Token } from './text/index.js';

// ---------------------------------------------------------------------------------------------------------------
// Schema

const CODE_ID = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
const CATEGORY = /^[a-z][a-z0-9-]*$/;

/** A schema-level message for a wrong type only; other issues (unknown keys…) keep their own message. */
const typeError =
  (message: string) =>
  (issue: { code?: string }): string | undefined =>
    issue.code === 'invalid_type' ? message : undefined;

const stringList = z.array(z.string().min(1, 'expected a non-empty string'), { error: 'expected array of strings' });

const PatternsSchema = z.strictObject(
  {
    words: stringList.optional(),
    stems: z
      .strictObject({ de: stringList.optional(), en: stringList.optional() }, { error: typeError('expected an object with de and/or en lists') })
      .optional(),
    phrases: stringList.optional(),
    regex: stringList.optional(),
    exclude: stringList.optional(),
    exclude_regex: stringList.optional(),
  },
  { error: typeError('expected an object with words, stems, phrases, regex, exclude and/or exclude_regex') },
);

const CodeSchema = z.strictObject({
  id: z.string().regex(CODE_ID, 'expected "<category>.<name>" in lower case, e.g. pain.waiting'),
  category: z.string().regex(CATEGORY, 'expected a lower-case word, e.g. pain'),
  label: z.strictObject({ en: z.string().min(1, 'expected a non-empty label'), de: z.string().min(1, 'expected a non-empty label') }),
  description: z.string().min(1, 'expected a one-sentence description'),
  patterns: PatternsSchema,
  negatable: z.boolean({ error: 'expected true or false' }).optional(),
  implied_by: z
    .array(z.string().regex(/^[a-z][a-z0-9-]*\.(?:\*|[a-z0-9][a-z0-9-]*)$/, 'expected a code id or "<category>.*"'), {
      error: 'expected array of strings',
    })
    .optional(),
});

const CodebookSchema = z
  .strictObject({
    version: z.literal(1, { error: 'expected 1' }),
    /** With --codebook: true replaces the default codebook instead of extending it. */
    replace: z.boolean({ error: 'expected true or false' }).optional(),
    codes: z.array(CodeSchema, { error: 'expected a list of codes' }),
  })
  .superRefine((codebook, ctx) => {
    const seen = new Map<string, number>();
    codebook.codes.forEach((code, i) => {
      const first = seen.get(code.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['codes', i, 'id'], message: `duplicate id "${code.id}" (also codes[${first}])` });
      else seen.set(code.id, i);
      if (!code.id.startsWith(`${code.category}.`)) {
        ctx.addIssue({ code: 'custom', path: ['codes', i, 'id'], message: `"${code.id}" does not start with its category "${code.category}."` });
      }
      code.patterns.words?.forEach((word, j) => {
        if (tokenize(word).length !== 1 || word.includes('*')) {
          ctx.addIssue({ code: 'custom', path: ['codes', i, 'patterns', 'words', j], message: `"${word}" is not a single word; put it under phrases` });
        }
      });
      for (const lang of ['de', 'en'] as const) {
        code.patterns.stems?.[lang]?.forEach((stem, j) => {
          if (tokenize(stem).length !== 1) {
            ctx.addIssue({ code: 'custom', path: ['codes', i, 'patterns', 'stems', lang, j], message: `"${stem}" is not a single word stem` });
          }
        });
      }
      for (const key of ['phrases', 'exclude'] as const) {
        code.patterns[key]?.forEach((phrase, j) => {
          if (tokenize(phrase).length === 0) {
            ctx.addIssue({ code: 'custom', path: ['codes', i, 'patterns', key, j], message: `"${phrase}" has no words` });
          } else if (/^\s*\*(?:\s|$)/.test(phrase)) {
            ctx.addIssue({ code: 'custom', path: ['codes', i, 'patterns', key, j], message: `"${phrase}" starts with "*"; start with a word` });
          }
        });
      }
      for (const key of ['regex', 'exclude_regex'] as const) {
        code.patterns[key]?.forEach((source, j) => {
          try {
            new RegExp(source, 'giu');
          } catch (err) {
            ctx.addIssue({ code: 'custom', path: ['codes', i, 'patterns', key, j], message: `invalid regular expression: ${(err as Error).message}` });
          }
        });
      }
      code.implied_by?.forEach((ref, j) => {
        if (ref === code.id) ctx.addIssue({ code: 'custom', path: ['codes', i, 'implied_by', j], message: 'a code cannot imply itself' });
      });
    });
  });

export type Codebook = z.infer<typeof CodebookSchema>;
export type Code = Codebook['codes'][number];

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Messages for the generic zod issues; schema-level messages (e.g. "expected array of strings") take precedence. */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(top level)';
}

/**
 * Parse and validate a codebook. `file` names it in error messages. JSON when the file name ends in .json,
 * YAML otherwise (YAML also reads JSON). Throws an Error naming the file and each bad key path, e.g.
 * `codebook.yaml: codes[3].patterns.words: expected array of strings`.
 */
export function parseCodebook(text: string, file: string): Codebook {
  let data: unknown;
  if (/\.json$/i.test(file)) {
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new Error(`${file}: invalid JSON: ${(err as Error).message}`);
    }
  } else {
    try {
      data = parseYaml(text);
    } catch (err) {
      if (err instanceof YAMLParseError) {
        const pos = err.linePos?.[0];
        const where = pos ? `:${pos.line}:${pos.col}` : '';
        throw new Error(`${file}${where}: invalid YAML: ${err.message.split('\n')[0]}`);
      }
      throw err;
    }
  }
  const result = CodebookSchema.safeParse(data, { error: issueMessage });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`);
    throw new Error(lines.join('\n'));
  }
  return result.data;
}

export function loadCodebook(path: string): Codebook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read codebook: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseCodebook(text, path);
}

let cachedDefault: Codebook | undefined;

/** The codebook shipped with thick (codebooks/default.yaml at the package root), read once. */
export function defaultCodebook(): Codebook {
  cachedDefault ??= loadCodebook(fileURLToPath(new URL('../../codebooks/default.yaml', import.meta.url)));
  return cachedDefault;
}

/** A codebook with the codes of both: a code in `extra` replaces the base code with the same id, new ones are appended. */
export function mergeCodebooks(base: Codebook, extra: Codebook): Codebook {
  const extraById = new Map(extra.codes.map((code) => [code.id, code]));
  const baseIds = new Set(base.codes.map((code) => code.id));
  return {
    version: 1,
    codes: [...base.codes.map((code) => extraById.get(code.id) ?? code), ...extra.codes.filter((code) => !baseIds.has(code.id))],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** The folded words and numbers of a pattern or entry: what its text tokens are compared with. */
function tokenize(text: string): string[] {
  return readTokens(text).filter(isTextToken).map((token) => token.folded);
}

// ---------------------------------------------------------------------------------------------------------------
// Compilation

const CONFIDENCE = { phrase: 0.8, regex: 0.75, word: 0.7, stem: 0.65, compound: 0.6 } as const;
/** Each further, different piece of evidence for the same code adds this much, up to MAX_CONFIDENCE. */
const EXTRA_EVIDENCE = 0.05;
const MAX_CONFIDENCE = 0.95;
/** An implied hit is a little less certain than the hit that implies it. */
const IMPLIED_FACTOR = 0.9;

// Shorter tails match inside unrelated words too often ("traum" in "Zeitraum", "teuer" in "Abenteuer").
const MIN_COMPOUND_WORD = 6;
const MIN_COMPOUND_STEM = 6;
const MIN_COMPOUND_HEAD = 3;
const GERMAN_INFLECTIONS = ['', 'e', 'n', 'en', 'es', 's', 'er', 'ern'];

type Kind = keyof typeof CONFIDENCE;

interface Entry {
  code: number;
  kind: Kind;
  /** The entry as written in the codebook, for the rule id. */
  raw: string;
}

interface PhrasePattern {
  code: number;
  raw: string;
  /** Folded tokens; a token ending in "*" is a prefix. */
  tokens: string[];
}

interface CompiledCode {
  id: string;
  category: string;
  /** Regexes with their rule label "#<n>" (1-based position in the codebook's list). */
  regexes: { label: string; re: RegExp }[];
  exclude: PhrasePattern[];
  excludeRegexes: RegExp[];
  negatable: boolean;
  impliedBy: number[];
}

interface StemEntry {
  code: number;
  raw: string;
  stem: string;
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
  /** Per-token analysis cache, keyed by lang and folded token. */
  tokenCache: Map<string, Entry[]>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function phrasePattern(code: number, raw: string): PhrasePattern {
  // Keep a trailing "*" on each token: tokenize drops it, so read the tokens with their wildcards first.
  const tokens = raw
    .split(/[\s-]+/)
    .filter(Boolean)
    .flatMap((part) => {
      // A lone "*" stands for any one token: "hab * empfohlen".
      if (part === '*') return ['*'];
      const wild = part.endsWith('*');
      const inner = tokenize(wild ? part.slice(0, -1) : part);
      if (wild && inner.length > 0) inner[inner.length - 1] += '*';
      return inner;
    });
  return { code, raw, tokens };
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
    const p = code.patterns;
    for (const raw of p.words ?? []) {
      const word = fold(raw);
      pushTo(compiled.words, word, { code: i, kind: 'word', raw });
      if (word.length >= MIN_COMPOUND_WORD) pushTo(compiled.compoundWords, word, { code: i, kind: 'compound', raw });
    }
    for (const lang of ['de', 'en'] as const) {
      for (const raw of p.stems?.[lang] ?? []) compiled.stems[lang].push({ code: i, raw, stem: fold(raw) });
    }
    for (const raw of p.phrases ?? []) {
      const phrase = phrasePattern(i, raw);
      const first = phrase.tokens[0];
      if (first === undefined) continue;
      if (first.endsWith('*')) compiled.wildPhrases.push(phrase);
      else pushTo(compiled.phrases, first, phrase);
    }
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
    compiled.codes.push({
      id: code.id,
      category: code.category,
      regexes: (p.regex ?? []).map((source, j) => ({ label: `#${j + 1}`, re: new RegExp(source, 'giu') })),
      exclude: (p.exclude ?? []).map((raw) => phrasePattern(i, raw)),
      excludeRegexes: (p.exclude_regex ?? []).map((source) => new RegExp(source, 'giu')),
      negatable: code.negatable ?? false,
      impliedBy,
    });
  });
  return compiled;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching

export interface CodeHit {
  code: string;
  /** The matched span with a little context, cut at word boundaries, "…" where cut. */
  quote: string;
  /** Offsets of the matched span in the text. */
  start: number;
  end: number;
  /**
   * Which rule found it: "<code>/<kind>:<entry>", e.g. "pain.waiting/phrase:still waiting", "pain.lost/stem:verlor",
   * "pain.waiting/compound:verspät", "dialog.question/regex:#1" (n-th regex), "dialog.complaint/implied:pain.waiting".
   */
  rule: string;
  confidence: number;
}

interface Candidate {
  start: number;
  end: number;
  rule: string;
  confidence: number;
  sentence: number;
}

const TOKEN_CACHE_LIMIT = 50_000;

/** The word, stem and compound entries one folded token matches in a text of the given language. */
function analyseToken(token: string, lang: Lang, compoundOk: boolean, compiled: CompiledCodebook): Entry[] {
  const key = `${lang}${compoundOk ? '+' : '-'}${token}`;
  const cached = compiled.tokenCache.get(key);
  if (cached) return cached;
  const found: Entry[] = [...(compiled.words.get(token) ?? [])];
  const german = lang !== 'en';
  const english = lang !== 'de';
  if (german && compoundOk && token.length >= MIN_COMPOUND_HEAD + MIN_COMPOUND_WORD && compiled.compoundWords.size > 0) {
    for (const ending of GERMAN_INFLECTIONS) {
      if (!token.endsWith(ending)) continue;
      const body = token.slice(0, token.length - ending.length);
      for (let i = MIN_COMPOUND_HEAD; i <= body.length - MIN_COMPOUND_WORD; i++) {
        for (const entry of compiled.compoundWords.get(body.slice(i)) ?? []) found.push(entry);
      }
    }
  }
  if (german && compiled.stems.de.length > 0) {
    const stemmed = stem(token, 'de');
    for (const entry of compiled.stems.de) {
      if (stemmed.startsWith(entry.stem)) found.push({ code: entry.code, kind: 'stem', raw: entry.raw });
      else if (compoundOk && entry.stem.length >= MIN_COMPOUND_STEM && stemmed.indexOf(entry.stem, MIN_COMPOUND_HEAD) >= 0) {
        found.push({ code: entry.code, kind: 'compound', raw: entry.raw });
      }
    }
  }
  if (english && compiled.stems.en.length > 0) {
    const stemmed = stem(token, 'en');
    for (const entry of compiled.stems.en) if (stemmed.startsWith(entry.stem)) found.push({ code: entry.code, kind: 'stem', raw: entry.raw });
  }
  if (compiled.tokenCache.size >= TOKEN_CACHE_LIMIT) compiled.tokenCache.clear();
  compiled.tokenCache.set(key, found);
  return found;
}

function tokenMatches(pattern: string, token: string): boolean {
  return pattern.endsWith('*') ? token.startsWith(pattern.slice(0, -1)) : pattern === token;
}

/** Number of tokens the phrase covers when it starts at tokens[i], or 0. A phrase does not run across sentences. */
function phraseAt(phrase: PhrasePattern, tokens: readonly Token[], i: number): number {
  const n = phrase.tokens.length;
  if (i + n > tokens.length) return 0;
  const sentence = tokens[i]?.sentence;
  for (let k = 0; k < n; k++) {
    const token = tokens[i + k];
    const pattern = phrase.tokens[k];
    if (token === undefined || pattern === undefined || token.sentence !== sentence || !tokenMatches(pattern, token.folded)) return 0;
  }
  return n;
}

// Negation: a negator within two tokens before a hit, in the same clause, turns a negatable code's hit around.
const NEGATION_WINDOW = 2;
const CLAUSE_BREAK = /[,;:.!?()[\]"“”„«»–—]/;

/** The negators of a text's language; German texts borrow English negation too, undetected ones read both. */
function negatorsOf(lang: Lang): Negators {
  return negatorsFor(lang === 'en' ? ['en'] : lang === 'de' ? ['de', 'en'] : ['en', 'de']);
}

/** Whether the hit starting at tokens[i] follows a negation in its clause ("no delay", "nicht kaputt"). */
function negatedAt(tokens: readonly Token[], i: number, text: string, negators: Negators): boolean {
  const hit = tokens[i];
  if (!hit) return false;
  for (let j = i - 1; j >= 0 && j >= i - NEGATION_WINDOW; j--) {
    const token = tokens[j];
    const next = tokens[j + 1];
    if (!token || !next || token.sentence !== hit.sentence || CLAUSE_BREAK.test(text.slice(token.end, next.start))) return false;
    // "not only late but …", "nicht nur verspätet": the negation is about "only", not about the pain.
    if (isNegator(negators, token.folded)) return !(j + 1 < i && negators.breakers.has(next.folded));
  }
  return false;
}

// Sign-offs: thanks and greetings closing a message, perhaps with a name ("Danke, Thomas", "Viele Grüße aus Kiel,
// Jens Hansen", "Thanks again, Mike"). A CORE word makes a sentence a closing; FILLER words may stand around it.
// Emphatic thanks ("thank you so much", "vielen herzlichen Dank") are left out on purpose: they are often praise.
const SIGN_OFF_CORE = new Set([
  'danke', 'dank', 'dankeschoen', 'gruss', 'gruesse', 'gruessen', 'gruesschen', 'mfg', 'lg', 'vg', 'bg', 'hochachtungsvoll',
  'tschuess', 'ciao', 'servus', 'thanks', 'thank', 'thx', 'ty', 'tia', 'cheers', 'regards', 'best', 'sincerely', 'bye',
]);
const SIGN_OFF_FILLER = new Set([
  'vielen', 'besten', 'beste', 'lieben', 'liebe', 'viele', 'freundliche', 'freundlichen', 'sonnige', 'schoene', 'mit', 'und',
  'aus', 'im', 'voraus', 'schon', 'mal', 'nochmal', 'nochmals', 'ihnen', 'dir', 'euch', 'bis', 'bald', 'dann', 'you', 'in',
  'advance', 'again', 'kind', 'kindest', 'warm', 'warmest', 'all', 'the', 'with', 'and', 'from', 'yours', 'x', 'xx', 'xoxo',
]);
/** At most this many name tokens (capitalised) in a sign-off: "Gruß aus Kiel, Jens Hansen", "Gruß M. Bauer". */
const SIGN_OFF_MAX_NAMES = 4;

type SignOffSentence = 'closing' | 'names' | 'content';

function signOffSentence(text: string, tokens: readonly Token[], first: number, last: number): SignOffSentence {
  let core = false;
  let names = 0;
  for (let k = first; k <= last; k++) {
    const token = tokens[k]!;
    if (SIGN_OFF_CORE.has(token.folded)) core = true;
    else if (SIGN_OFF_FILLER.has(token.folded)) continue;
    else if (/\p{Lu}/u.test(text[token.start] ?? '')) names += 1;
    else return 'content';
  }
  if (names > SIGN_OFF_MAX_NAMES) return 'content';
  if (!core) return names > 0 && names === last - first + 1 ? 'names' : 'content';
  // "Danke, Thomas" is a closing; "Thomas dankt" is not: a closing starts with a formula word.
  const opener = tokens[first]!.folded;
  return SIGN_OFF_CORE.has(opener) || SIGN_OFF_FILLER.has(opener) ? 'closing' : 'content';
}

/**
 * The offset where the message's sign-off begins, or undefined when it has none: the run of final sentences made
 * only of closing formulas and names, with at least one closing, after some content ("Danke!" alone keeps its thanks).
 */
function signOffStart(text: string, tokens: readonly Token[]): number | undefined {
  let start: number | undefined;
  let names = 0;
  let last = tokens.length - 1;
  while (last >= 0) {
    const sentence = tokens[last]!.sentence;
    let first = last;
    while (first > 0 && tokens[first - 1]!.sentence === sentence) first -= 1;
    const kind = signOffSentence(text, tokens, first, last);
    if (kind === 'content') break;
    if (kind === 'names') {
      names += last - first + 1;
      if (names > SIGN_OFF_MAX_NAMES) break;
    } else start = tokens[first]!.start;
    last = first - 1;
  }
  return start !== undefined && last >= 0 ? start : undefined;
}

const QUOTE_CONTEXT = 40;

/** The span [start, end) with about QUOTE_CONTEXT characters either side, cut at word boundaries. */
export function quoteAround(text: string, start: number, end: number, context = QUOTE_CONTEXT): string {
  if (text.slice(start, end).trim() === '') {
    start = 0;
    end = text.length;
  }
  let from = Math.max(0, start - context);
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    from = space >= 0 ? from + space + 1 : start;
  }
  let to = Math.min(text.length, end + context);
  if (to < text.length) {
    const tail = text.slice(end, to);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'), tail.lastIndexOf('\t'));
    to = space >= 0 ? end + space : end;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/**
 * The codes found in one text, at most one hit per code (its best evidence: highest confidence, then earliest),
 * in codebook order. `lang` selects the stemmers (and German compound matching); pass 'other' to try both.
 */
export function matchCodes(text: string, lang: Lang, compiled: CompiledCodebook): CodeHit[] {
  const read = readText(text);
  const blanked = blankNoise(text, read.tokens);
  const ends = read.sentenceEnds;
  const tokens = read.tokens.filter(isTextToken);
  const negators = negatorsOf(lang);
  const candidates: Candidate[][] = compiled.codes.map(() => []);
  /** `at`: index of the hit's first token, for the negation check (regex hits have none). */
  const add = (code: number, kind: Kind, raw: string, start: number, end: number, sentence: number, at?: number): void => {
    const compiledCode = compiled.codes[code];
    if (!compiledCode) return;
    if (compiledCode.negatable && at !== undefined && negatedAt(tokens, at, blanked, negators)) return;
    candidates[code]?.push({ start, end, rule: `${compiledCode.id}/${kind}:${raw}`, confidence: CONFIDENCE[kind], sentence });
  };

  // Compound tails only in capitalised tokens (nouns), unless the writer does not capitalise at all.
  const lowerCaseText = !/\p{Lu}/u.test(blanked);
  tokens.forEach((token, i) => {
    const initial = text[token.start] ?? '';
    const compoundOk = lowerCaseText || initial !== initial.toLowerCase();
    for (const entry of analyseToken(token.folded, lang, compoundOk, compiled)) add(entry.code, entry.kind, entry.raw, token.start, token.end, token.sentence, i);
    const phrases = compiled.phrases.get(token.folded);
    for (const phrase of phrases ? [...phrases, ...compiled.wildPhrases] : compiled.wildPhrases) {
      const n = phraseAt(phrase, tokens, i);
      const last = tokens[i + n - 1];
      if (n > 0 && last) add(phrase.code, 'phrase', phrase.raw, token.start, last.end, token.sentence, i);
    }
  });

  compiled.codes.forEach((code, c) => {
    for (const { label, re } of code.regexes) {
      re.lastIndex = 0;
      for (let m = re.exec(blanked), guard = 0; m !== null && guard < 50; m = re.exec(blanked), guard++) {
        add(c, 'regex', label, m.index, m.index + m[0].length, sentenceOf(ends, m.index));
        if (m[0].length === 0) re.lastIndex += 1;
      }
    }
  });

  // Exclusions veto the code's hits in the sentence where they occur.
  compiled.codes.forEach((code, c) => {
    const list = candidates[c];
    if ((code.exclude.length === 0 && code.excludeRegexes.length === 0) || !list || list.length === 0) return;
    const vetoed = new Set<number>();
    if (code.exclude.length > 0) {
      tokens.forEach((token, i) => {
        if (code.exclude.some((phrase) => phraseAt(phrase, tokens, i) > 0)) vetoed.add(token.sentence);
      });
    }
    for (const re of code.excludeRegexes) {
      re.lastIndex = 0;
      for (let m = re.exec(blanked), guard = 0; m !== null && guard < 50; m = re.exec(blanked), guard++) {
        const last = sentenceOf(ends, m.index + Math.max(0, m[0].length - 1));
        for (let sentence = sentenceOf(ends, m.index); sentence <= last; sentence++) vetoed.add(sentence);
        if (m[0].length === 0) re.lastIndex += 1;
      }
    }
    if (vetoed.size > 0) candidates[c] = list.filter((cand) => !vetoed.has(cand.sentence));
  });

  // Thanks and greetings that merely close the message are politeness: no code is found inside the sign-off.
  const signOff = signOffStart(blanked, tokens);
  if (signOff !== undefined) {
    candidates.forEach((list, c) => {
      candidates[c] = list.filter((cand) => cand.start < signOff);
    });
  }

  const best: (Candidate | undefined)[] = candidates.map((list) => {
    let top: Candidate | undefined;
    for (const cand of list) {
      if (!top || cand.confidence > top.confidence || (cand.confidence === top.confidence && cand.start < top.start)) top = cand;
    }
    if (!top) return undefined;
    const distinct = new Set(list.map((cand) => cand.rule)).size;
    const confidence = Math.min(MAX_CONFIDENCE, top.confidence + EXTRA_EVIDENCE * (distinct - 1));
    return { ...top, confidence: Math.round(confidence * 100) / 100 };
  });

  // Implied codes: repeat until nothing changes, so chains (pain → complaint → response needed) resolve.
  for (let changed = true, rounds = 0; changed && rounds <= compiled.codes.length; rounds++) {
    changed = false;
    compiled.codes.forEach((code, c) => {
      if (best[c] || code.impliedBy.length === 0) return;
      let source: Candidate | undefined;
      let sourceId = '';
      for (const j of code.impliedBy) {
        const cand = best[j];
        if (cand && (!source || cand.confidence > source.confidence)) {
          source = cand;
          sourceId = compiled.codes[j]?.id ?? '';
        }
      }
      if (!source) return;
      const confidence = Math.round(source.confidence * IMPLIED_FACTOR * 100) / 100;
      best[c] = { ...source, rule: `${code.id}/implied:${sourceId}`, confidence };
      changed = true;
    });
  }

  const hits: CodeHit[] = [];
  best.forEach((cand, c) => {
    const id = compiled.codes[c]?.id;
    if (!cand || id === undefined) return;
    hits.push({ code: id, quote: quoteAround(text, cand.start, cand.end), start: cand.start, end: cand.end, rule: cand.rule, confidence: cand.confidence });
  });
  return hits;
}

// ---------------------------------------------------------------------------------------------------------------
// Annotator

/** Codes for what customers say, in the event's language when known, else detected. */
export const codebookAnnotator: Annotator = (event, ctx) => {
  // Only the customer's own words: not the brand's replies, not analysts' notes (analysts code those), not product names.
  if (!isCustomerVoice(event)) return {};
  const text = event.text!;
  const lang = event.lang ?? detectLanguage(text);
  const annotations: Annotation[] = matchCodes(text, lang, ctx.codebook).map((hit) => ({
    code: hit.code,
    quote: hit.quote,
    source: event.source,
    by: { kind: 'rule', id: hit.rule },
    confidence: hit.confidence,
  }));
  return annotations.length > 0 ? { annotations } : {};
};
