// A text as the matching rules read it, and the candidate hits they collect per code.

import type { Lang } from '../../model.js';
import type { Negators, Token } from '../text/index.js';
import { CONFIDENCE, type CompiledCodebook, type Kind } from './compile.js';
import type { RecordFacts } from './conditions.js';
import { negatedAt } from './negation.js';
import type { PossibleRegexes } from './prefilter.js';

export interface CodedText {
  text: string;
  /** The text with URLs, addresses and handles blanked out (same offsets): what regular expressions run on. */
  blanked: string;
  /** The regexes (by number in the literal index) whose required literals occur in the text: the others cannot match. */
  possible: PossibleRegexes;
  /** Its words and numbers (the kernel's text tokens), with offsets and sentence indexes. */
  tokens: readonly Token[];
  /** Offsets where its sentences end (see text/sentences.ts). */
  sentenceEnds: readonly number[];
  lang: Lang;
  negators: Negators;
  /** What the record is, for conditional rules. */
  facts: RecordFacts;
}

/** One piece of evidence for a code. */
export interface Candidate {
  start: number;
  end: number;
  /** "<code>/<kind>:<entry>", see CodeHit.rule. */
  rule: string;
  confidence: number;
  sentence: number;
  /** Characters of context around the span in the quote; a signal's span is its sentence, quoted as it stands. */
  quoteContext?: number;
}

/** Candidates per code, by the code's index in the codebook. */
export type Candidates = Candidate[][];

export interface Evidence {
  code: number;
  kind: Kind;
  /** The entry as written, or "#<n>" for the n-th regex. */
  raw: string;
  start: number;
  end: number;
  sentence: number;
  /** Index of the hit's first token, for the negation check (regex hits have none). */
  at?: number;
  /** The condition its rule needs (index in CompiledCodebook.conditions). */
  when?: number;
}

/** Whether a condition (by index; none: always) holds for the text's record. */
export function conditionHolds(compiled: CompiledCodebook, when: number | undefined, facts: RecordFacts): boolean {
  return when === undefined || compiled.conditions[when]!.holds(facts);
}

/**
 * Adds a piece of evidence, unless its rule's condition does not hold for the record, or the code is negatable and
 * a negation stands right before it.
 */
export function addEvidence(t: CodedText, compiled: CompiledCodebook, candidates: Candidates, e: Evidence): void {
  const code = compiled.codes[e.code];
  if (!code || !conditionHolds(compiled, e.when, t.facts)) return;
  if (code.negatable && e.at !== undefined && negatedAt(t, e.at)) return;
  addCandidate(candidates, e.code, { start: e.start, end: e.end, rule: `${code.id}/${e.kind}:${e.raw}`, confidence: CONFIDENCE[e.kind], sentence: e.sentence });
}

/** A code's list until it has a candidate: most codes have none in a text, and share this one (frozen) list. */
export const NO_CANDIDATES: Candidate[] = Object.freeze([]) as unknown as Candidate[];

/** Candidates for every code of the codebook, none yet. */
export const noCandidates = (compiled: CompiledCodebook): Candidates => compiled.codes.map(() => NO_CANDIDATES);

export function addCandidate(candidates: Candidates, code: number, candidate: Candidate): void {
  const list = candidates[code];
  if (list === undefined) return;
  if (list === NO_CANDIDATES) candidates[code] = [candidate];
  else list.push(candidate);
}
