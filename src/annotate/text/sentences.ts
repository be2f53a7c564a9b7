// The sentence splitter. Sentences scope what a reader reads together: a codebook phrase or exclusion does not run
// across them, and in a message to the brand a "but" weakens only the sentence it answers.
//
// A sentence ends at a line break, and at a run of ".", "…", "!" or "?", unless what follows directly goes on with
// the sentence: a small letter or digit ("amazon.de", "Gepäck.skurril", "3.5"), an acronym or initials ("E.ON",
// "E.On", "U.S.", "J.Smith") or a ",", ";" or ":". A capitalised word right after the mark starts a new sentence even without a space
// ("coffee.Lacks the smoothness"), and so do markup, brackets and URLs ("bad.<br />Stopped", "Danke.@bahn"). The
// tokenizer reads the dots of numbers, dates and ordinals as part of the number ("am 02.07. gekündigt", "zum 3.
// Mal"), so they end nothing either.

import { isNoise } from './kinds.js';
import type { OpenToken, Token } from './tokenize.js';

const GOES_ON = /[\p{Ll}\p{Lo}\p{N},;:]/u;
const CAPITAL = /\p{Lu}/u;
const ACRONYM_GOES_ON = /[\p{Lu}.]/u;

function isLineBreak(token: Token): boolean {
  return token.kind === 'stop' && (token.raw === '\n' || token.raw === '\r');
}

function isEndMark(token: Token): boolean {
  return token.kind === 'bang' || token.kind === 'question' || (token.kind === 'stop' && (token.raw === '.' || token.raw === '…'));
}

/** A single letter right before the mark: an initial ("E.On", "J.Smith"), not the end of a sentence. */
function isInitial(text: string, runStart: number, previous: Token | undefined): boolean {
  return previous !== undefined && previous.kind === 'word' && previous.end === runStart && previous.raw.length === 1 && text.charAt(runStart) === '.';
}

/** Whether the run of end marks from runStart to offset ends its sentence (what follows it decides). */
function runEndsSentence(text: string, runStart: number, offset: number, previous: Token | undefined, next: Token | undefined): boolean {
  if (offset >= text.length) return true;
  // A URL or handle right after the mark does not go on with the sentence ("Danke.www.bahn.de").
  if (next !== undefined && next.start === offset && isNoise(next)) return true;
  const following = text.charAt(offset);
  if (CAPITAL.test(following)) return !ACRONYM_GOES_ON.test(text.charAt(offset + 1)) && !isInitial(text, runStart, previous);
  return !GOES_ON.test(following);
}

/**
 * Sets each token's sentence index; returns the offsets where sentences end (the first mark of each ending run,
 * or the line break), so an offset's sentence is the number of ends before it (see sentenceOf).
 */
export function assignSentences(text: string, tokens: OpenToken[]): number[] {
  const ends: number[] = [];
  let sentence = 0;
  let runStart = -1; // offset of the first mark of the current run of end marks
  let beforeRun: Token | undefined; // the token before that mark
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    token.sentence = sentence;
    if (token.kind === 'word' || token.kind === 'number') {
      runStart = -1;
    } else if (isLineBreak(token)) {
      ends.push(token.start);
      sentence += 1;
      runStart = -1;
    } else if (isEndMark(token)) {
      if (runStart < 0) {
        runStart = token.start;
        beforeRun = tokens[k - 1];
      }
      const next = tokens[k + 1];
      if (next !== undefined && next.start === token.end && isEndMark(next)) continue; // the run goes on ("?!", "...")
      if (runEndsSentence(text, runStart, token.end, beforeRun, next)) {
        ends.push(runStart);
        sentence += 1;
      }
      runStart = -1;
    } else runStart = -1;
  }
  return ends;
}

/** The sentence an offset belongs to, given the ends from assignSentences: the number of ends before it. */
export function sentenceOf(ends: readonly number[], offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
