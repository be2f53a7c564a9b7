// Known names: the names the run's customers and analysts go by, found in any text however it is spaced, hyphenated
// or spelled ("Müller" and "Mueller" fold alike), word by word with the one tokenizer every stage reads text with.
// A name written with capitals matches only where it is written with capitals too, so the customer "Rose Bauer"
// masks "Rose" and "Frau Bauer" in her texts but not "rose" or "bauer".
import { tokenize, type Token } from '../annotate/text/index.js';
import { idLike } from './identifiers.js';
import type { Span } from './spans.js';

export interface KnownName {
  name: string;
  /** What stands in for it: the customer's pseudonym, the analyst's label. */
  replacement: string;
}

interface Pattern {
  words: { folded: string; capital: boolean }[];
  replacement: string;
}

const isCapital = (raw: string): boolean => /^\p{Lu}/u.test(raw);
/** What may stand between two words of one name: spaces, a hyphen, an initial's dot, an apostrophe. */
const JOINER = /^[\s.\-‐'’]*$/u;

const wordsOf = (text: string): Token[] => tokenize(text).filter((t) => t.kind === 'word' || t.kind === 'number');

export class NameIndex {
  private readonly byFirst = new Map<string, Pattern[]>();

  constructor(names: readonly KnownName[]) {
    for (const { name, replacement } of names) {
      const words = wordsOf(name).map((t) => ({ folded: t.folded, capital: isCapital(t.raw) }));
      if (words.length === 0) continue;
      const list = this.byFirst.get(words[0]!.folded) ?? [];
      list.push({ words, replacement });
      this.byFirst.set(words[0]!.folded, list);
    }
    // Longest first, so "Anna Lena Berg" wins over "Anna"; ties keep the order given (the caller sorts).
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  get size(): number {
    return this.byFirst.size;
  }

  /** Every occurrence of a known name in a text, as spans that carry its replacement. */
  find(text: string): Span[] {
    if (this.byFirst.size === 0) return [];
    const tokens = wordsOf(text);
    const spans: Span[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const folded = tokens[i]!.folded;
      const candidates = [...(this.byFirst.get(folded) ?? []), ...(this.byFirst.get(folded.replace(/(?:['’]?s)$/, '')) ?? [])];
      const pattern = candidates.find((p) => matchesAt(text, tokens, i, p));
      if (!pattern) continue;
      const last = tokens[i + pattern.words.length - 1]!;
      spans.push({ start: tokens[i]!.start, end: last.end, kind: 'name', replacement: pattern.replacement });
      i += pattern.words.length - 1;
    }
    return spans;
  }
}

/** A name's last word may carry a possessive: "Julias Frage", "Anna's order". */
const POSSESSIVE = ['s', "'s", '’s'];

function sameWord(token: Token, word: Pattern['words'][number], last: boolean): boolean {
  if (token.folded === word.folded) return true;
  return last && word.folded.length >= 3 && POSSESSIVE.some((ending) => token.folded === word.folded + ending);
}

function matchesAt(text: string, tokens: readonly Token[], i: number, pattern: Pattern): boolean {
  return pattern.words.every((word, k) => {
    const token = tokens[i + k];
    if (!token || !sameWord(token, word, k === pattern.words.length - 1) || (word.capital && !isCapital(token.raw))) return false;
    return k === 0 || JOINER.test(text.slice(tokens[i + k - 1]!.end, token.start));
  });
}

const PARTICLES = new Set('von van vom zu zum zur de der den des da di du la le el al bin ben ter ten'.split(' '));
/** The words of a name that may stand for the person alone: not initials, particles, titles or articles. */
const NOT_A_NAME_PART = new Set([
  ...PARTICLES,
  ...'y e und and & herr frau hr fr mr mrs ms miss mister dr prof sir dame the a an die das ein eine mein my our your'.split(' '),
]);

/** The parts of a name a text may call the person by ("Anna", "Berg" of "Anna Berg"), as written. */
export function nameParts(name: string): string[] {
  return wordsOf(name)
    .filter((t) => t.kind === 'word' && [...t.raw].length >= 2 && !NOT_A_NAME_PART.has(t.norm))
    .map((t) => t.raw);
}

/** A surname with its particle, as a text calls the person: "van Dyck" of "Piet van Dyck", "von der Berg". */
function particleTails(name: string): string[] {
  const tokens = wordsOf(name);
  const at = tokens.findIndex((t, i) => i > 0 && PARTICLES.has(t.norm));
  return at > 0 && at < tokens.length - 1 ? [name.slice(tokens[at]!.start, tokens.at(-1)!.end)] : [];
}

/**
 * Whether a name has at least two words of two letters or more (`capitals`: that many of them capitalised): such a
 * name is looked for in every text of a run.
 */
export function isFullName(name: string, capitals = 0): boolean {
  const words = wordsOf(name).filter((t) => [...t.raw].length >= 2);
  return words.length >= 2 && words.filter((t) => isCapital(t.raw)).length >= capitals;
}

/** The folded words a set of texts writes in lower case: common words there, whatever names they also are. */
export function lowerCaseWords(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const t of wordsOf(text)) if (t.kind === 'word' && !isCapital(t.raw)) words.add(t.folded);
  return words;
}

/**
 * The words texts may call a person by: the parts of their names, and a one-word name whole. A part the texts also
 * write in lower case as a common word ("tea" for "Tea Lover") is a word there, not a name; a part in lower case is
 * one only when it looks like a user name ("kaffeefan84"); `minLength` keeps short parts ("Jo") out where a name is
 * looked for in every text of a run.
 */
export function nameWords(names: readonly string[], common: ReadonlySet<string>, minLength = 2): string[] {
  const parts = names.flatMap((name) => [...nameParts(name), ...(isFullName(name) ? [] : [name])]);
  const isName = (part: string): boolean => (isCapital(part) ? !wordsOf(part).every((t) => common.has(t.folded)) : idLike(part));
  const kept = [...new Set(parts)].filter((part) => [...part].length >= minLength && isName(part));
  // "van Dyck" is a name when "Dyck" is.
  const tails = names.flatMap(particleTails).filter((tail) => kept.includes(wordsOf(tail).at(-1)!.raw));
  return [...new Set([...tails, ...kept])];
}
