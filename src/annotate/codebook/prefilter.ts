// A regular expression runs only on texts that can hold a match. Most codebook regexes need a word ("login",
// "versprochen", "refund") somewhere in any match; when none of those words is in the text, running the regex is
// wasted time — and with over a hundred regexes on every text it is most of the matcher's time. The words are read
// from the regex itself (parsed with regexpp, the parser ESLint uses), so the codebook states nothing twice and a
// regex without such a word simply always runs.

import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Shorter literals are in nearly every text: checking them saves nothing. */
const MIN_LITERAL = 3;

type Required = string[] | null;

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** The alternative of the required sets with the longest shortest literal: the most selective check. */
function mostSelective(candidates: string[][]): Required {
  let best: string[] | null = null;
  let bestLength = 0;
  for (const set of candidates) {
    const shortest = Math.min(...set.map((s) => s.length));
    if (shortest > bestLength || (shortest === bestLength && best !== null && set.length < best.length)) {
      best = set;
      bestLength = shortest;
    }
  }
  return best;
}

/** A single literal character a class or character stands for, or null. */
function literalChar(element: AST.Element): string | null {
  if (element.type === 'Character') return String.fromCodePoint(element.value).toLowerCase();
  if (element.type === 'CharacterClass' && !element.negate && element.elements.length === 1 && element.elements[0]!.type === 'Character') {
    return String.fromCodePoint(element.elements[0]!.value).toLowerCase();
  }
  return null;
}

/** At most this many spellings of one run of literals: "sch(?:a|ä|ae)den" has three. */
const MAX_SPELLINGS = 16;

/**
 * The lower-case choices of an alternation whose every choice is literal and too short to check on its own (the
 * umlaut spellings "ü|ue", "a|ä|ae"); null for any other element.
 */
function shortChoices(element: AST.Element): string[] | null {
  if (element.type !== 'Group' && element.type !== 'CapturingGroup') return null;
  const choices: string[] = [];
  for (const alternative of element.alternatives) {
    let choice = '';
    for (const part of alternative.elements) {
      const char = literalChar(part);
      if (char === null) return null;
      choice += char;
    }
    if (choice.length >= MIN_LITERAL) return null;
    choices.push(choice);
  }
  return choices;
}

/**
 * Any match of the sequence contains one of these strings: runs of literal characters, or a required part. A run
 * goes on through an alternation of short choices, as one spelling per choice: "st(?:ü|ue)rz" requires "stürz" or
 * "stuerz", where "st", "ü|ue" and "rz" alone are each too short to check.
 */
function ofAlternative(alternative: AST.Alternative): Required {
  const candidates: string[][] = [];
  let run = [''];
  const endRun = () => {
    if (run.some((spelling) => spelling !== '')) candidates.push([...new Set(run)]);
    run = [''];
  };
  for (const element of alternative.elements) {
    const char = literalChar(element);
    if (char !== null) {
      run = run.map((spelling) => spelling + char);
      continue;
    }
    const choices = shortChoices(element);
    if (choices !== null && run.length * choices.length <= MAX_SPELLINGS) {
      run = run.flatMap((spelling) => choices.map((choice) => spelling + choice));
      continue;
    }
    endRun();
    const required = ofElement(element);
    if (required) candidates.push(required);
  }
  endRun();
  return mostSelective(candidates);
}

/** The union over alternatives: a match takes one of them, so it contains what that one requires. */
function ofAlternatives(alternatives: readonly AST.Alternative[]): Required {
  const union: string[] = [];
  for (const alternative of alternatives) {
    const required = ofAlternative(alternative);
    if (!required) return null;
    union.push(...required);
  }
  return union.length > 0 ? [...new Set(union)] : null;
}

function ofElement(element: AST.Element): Required {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(element.alternatives);
    case 'Quantifier':
      return element.min === 0 ? null : ofElement(element.element);
    default:
      // Character sets, classes, assertions and back-references promise no particular literal.
      return null;
  }
}

/**
 * Lower-case strings of which every match of the regex contains at least one, or null when it promises none worth
 * checking (a literal shorter than three characters, or a part made only of classes such as \w+).
 */
export function requiredLiterals(source: string, flags: string): string[] | null {
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, undefined, undefined, { unicode: flags.includes('u') });
  } catch {
    return null; // the codebook schema has already refused what no engine reads; anything else just always runs
  }
  const required = ofAlternatives(pattern.alternatives);
  return required && required.every((literal) => literal.length >= MIN_LITERAL) ? required : null;
}

/** Trigram slots of the literal index: a power of two, far more than the codebook's literals have first trigrams. */
const SLOTS = 1 << 16;

/**
 * The slot of the three UTF-16 code units at text[at]: computed along a text without cutting a string out of it at
 * every offset. Different trigrams may share a slot; a literal found in a slot is still checked against the text.
 */
export function trigramSlot(text: string, at: number): number {
  const mixed = (text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) | 0;
  return Math.imul(mixed, 0x9e3779b1) >>> 16;
}

/** Which regexes of a literal index a text can match, by their numbers. */
export class PossibleRegexes {
  constructor(private readonly flags: Uint8Array) {}

  has(regex: number): boolean {
    return this.flags[regex] === 1;
  }
}

/**
 * The required literals of every regex of a codebook, indexed by their first three characters, so one pass over a
 * text's three-letter sequences finds which regexes can match it, however many literals the codebook has.
 */
export class LiteralIndex {
  /** Literals by the slot of their first three characters. */
  private readonly bySlot = new Map<number, { regex: number; literal: string }[]>();
  /** Per slot, the number of the last text that looked at it: each slot is looked at once per text. */
  private readonly seenIn = new Int32Array(SLOTS);
  private texts = 0;
  private count = 0;

  /** Registers a regex's required literals (null: it always runs); returns the regex's number in this index. */
  add(required: readonly string[] | null): number {
    const regex = this.count++;
    for (const literal of required ?? []) {
      // A literal shorter than a trigram is never at a trigram's start: it is never found (and MIN_LITERAL is 3).
      if (literal.length < 3) continue;
      const slot = trigramSlot(literal, 0);
      const list = this.bySlot.get(slot);
      if (list) list.push({ regex, literal });
      else this.bySlot.set(slot, [{ regex, literal }]);
    }
    return regex;
  }

  /** The numbers of the regexes whose required literals occur in the lower-cased text. */
  possible(lower: string): PossibleRegexes {
    const found = new Uint8Array(this.count);
    const text = ++this.texts;
    for (let i = 0; i + 3 <= lower.length; i++) {
      const slot = trigramSlot(lower, i);
      if (this.seenIn[slot] === text) continue;
      this.seenIn[slot] = text;
      const list = this.bySlot.get(slot);
      if (list === undefined) continue;
      for (const { regex, literal } of list) {
        if (found[regex] === 0 && lower.includes(literal)) found[regex] = 1;
      }
    }
    return new PossibleRegexes(found);
  }
}

/** Whether a regex can match a text: it requires no literal, or one of its literals is in the text. */
export function mayMatch(regex: { id: number; required: readonly string[] | null }, possible: PossibleRegexes): boolean {
  return regex.required === null || possible.has(regex.id);
}
