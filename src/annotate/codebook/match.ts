// Matching: the rules run over one text in this order — word, stem and compound entries and phrases per token,
// regular expressions, then exclusions and the sign-off take candidates away, each code keeps its best evidence,
// codes ruled out by another's evidence are dropped, and implied codes are filled in.

import type { Lang } from '../../model.js';
import { blankNoise, isTextToken, negatorsOf, readText, sentenceOf } from '../text/index.js';
import { addCandidate, addEvidence, conditionHolds, noCandidates, type Candidate, type Candidates, type CodedText } from './candidates.js';
import { CONFIDENCE, type CompiledCodebook } from './compile.js';
import { BARE_TEXT, type RecordFacts } from './conditions.js';
import { tokenEntries } from './entries.js';
import { applyExclusions } from './exclusions.js';
import { addImpliedCodes } from './implied.js';
import { forEachPhraseAt } from './phrases.js';
import { mayMatch } from './prefilter.js';
import { quoteAround } from './quote.js';
import { forEachMatch } from './regex.js';
import { applyRuledOut } from './ruled-out.js';
import { signOffStart } from './sign-off.js';

/** Each further, different piece of evidence for the same code adds this much, up to MAX_CONFIDENCE. */
const EXTRA_EVIDENCE = 0.05;
const MAX_CONFIDENCE = 0.95;

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

function codedText(text: string, lang: Lang, facts: RecordFacts, compiled: CompiledCodebook): CodedText {
  const read = readText(text);
  const blanked = blankNoise(text, read.tokens);
  return {
    text,
    blanked,
    possible: compiled.literals.possible(blanked.toLowerCase()),
    tokens: read.tokens.filter(isTextToken),
    sentenceEnds: read.sentenceEnds,
    lang,
    negators: negatorsOf(lang),
    facts,
  };
}

/** Word, stem and compound entries, and phrases starting at each token. */
function matchTokens(t: CodedText, compiled: CompiledCodebook, candidates: Candidates): void {
  // Compound tails only in capitalised tokens (nouns), unless the writer does not capitalise at all.
  const lowerCaseText = !/\p{Lu}/u.test(t.blanked);
  t.tokens.forEach((token, i) => {
    const compoundOk = lowerCaseText || capitalised(t.text, token.start);
    for (const entry of tokenEntries(token.folded, t.lang, compoundOk, compiled)) {
      addEvidence(t, compiled, candidates, { code: entry.code, kind: entry.kind, raw: entry.raw, start: token.start, end: token.end, sentence: token.sentence, at: i, when: entry.when });
    }
    forEachPhraseAt(compiled, t.tokens, i, (phrase, last) => {
      addEvidence(t, compiled, candidates, { code: phrase.code, kind: 'phrase', raw: phrase.raw, start: token.start, end: last.end, sentence: token.sentence, at: i, when: phrase.when });
    });
  });
}

/** Whether the character at `at` changes in lower case (a capital), told without a string for ASCII letters. */
function capitalised(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 65 && c <= 90;
  const initial = text[at] ?? '';
  return initial !== initial.toLowerCase();
}


function matchRegexes(t: CodedText, compiled: CompiledCodebook, candidates: Candidates): void {
  compiled.codes.forEach((code, c) => {
    for (const regex of code.regexes) {
      const { label, re, when } = regex;
      if (!mayMatch(regex, t.possible) || !conditionHolds(compiled, when, t.facts)) continue;
      forEachMatch(re, t.blanked, (m) => {
        addEvidence(t, compiled, candidates, { code: c, kind: 'regex', raw: label, start: m.index, end: m.index + m[0].length, sentence: sentenceOf(t.sentenceEnds, m.index), when });
      });
    }
  });
}

/** Thanks and greetings that merely close the message are politeness: no code is found inside the sign-off. */
function dropSignOff(t: CodedText, candidates: Candidates): void {
  const signOff = signOffStart(t.blanked, t.tokens);
  if (signOff === undefined) return;
  candidates.forEach((list, c) => {
    candidates[c] = list.filter((cand) => cand.start < signOff);
  });
}

/**
 * Rules without patterns: where the record meets the condition, the text as a whole is the evidence (its first
 * sentence is the quote). They come after exclusions and the sign-off, which are about words.
 */
function addSignals(t: CodedText, compiled: CompiledCodebook, candidates: Candidates): void {
  if (t.tokens.length === 0) return;
  let end = t.sentenceEnds[0] ?? t.text.length;
  while (/[.!?…]/.test(t.text.charAt(end))) end++; // the sentence's own final marks belong to the quote
  compiled.codes.forEach((code, c) => {
    for (const signal of code.signals) {
      if (!conditionHolds(compiled, signal.when, t.facts)) continue;
      addCandidate(candidates, c, { start: 0, end, rule: `${code.id}/signal:${signal.label}`, confidence: CONFIDENCE.signal, sentence: 0, quoteContext: 0 });
    }
  });
}

/** A code's own condition (`when`) holds for every hit it keeps, or the code is not found. */
function applyCodeConditions(t: CodedText, compiled: CompiledCodebook, best: (Candidate | undefined)[]): void {
  compiled.codes.forEach((code, c) => {
    if (best[c] && !conditionHolds(compiled, code.when, t.facts)) best[c] = undefined;
  });
}

/** A code's best evidence: highest confidence, then earliest; each further, different piece of evidence adds a little. */
function bestEvidence(list: readonly Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const cand of list) {
    if (!top || cand.confidence > top.confidence || (cand.confidence === top.confidence && cand.start < top.start)) top = cand;
  }
  if (!top) return undefined;
  const distinct = new Set(list.map((cand) => cand.rule)).size;
  const confidence = Math.min(MAX_CONFIDENCE, top.confidence + EXTRA_EVIDENCE * (distinct - 1));
  return { ...top, confidence: Math.round(confidence * 100) / 100 };
}

/**
 * The codes found in one text, at most one hit per code (its best evidence: highest confidence, then earliest),
 * in codebook order. `lang` selects the stemmers (and German compound matching); pass 'other' to try both.
 * `facts` say what record the text comes from, for conditional rules (default: a message to the brand).
 */
export function matchCodes(text: string, lang: Lang, compiled: CompiledCodebook, facts: RecordFacts = BARE_TEXT): CodeHit[] {
  const t = codedText(text, lang, facts, compiled);
  const candidates = noCandidates(compiled);
  matchTokens(t, compiled, candidates);
  matchRegexes(t, compiled, candidates);
  applyExclusions(t, compiled.codes, candidates);
  dropSignOff(t, candidates);
  return codeHits(t, compiled, candidates);
}

/**
 * The codes of a text whose words thick cannot read (another language): only what the record itself says, the
 * rules without patterns ("a 1★ review with words of its own is a complaint") and the codes they imply. Word,
 * phrase and regex rules are German and English; on another language they would only find false friends.
 */
export function matchRecordSignals(text: string, compiled: CompiledCodebook, facts: RecordFacts): CodeHit[] {
  return codeHits(codedText(text, 'other', facts, compiled), compiled, noCandidates(compiled));
}

/** Adds the record's signals to the candidates, keeps each code's best evidence and the codes it implies. */
function codeHits(t: CodedText, compiled: CompiledCodebook, candidates: Candidates): CodeHit[] {
  addSignals(t, compiled, candidates);
  const best = candidates.map(bestEvidence);
  applyCodeConditions(t, compiled, best);
  applyRuledOut(compiled.codes, best);
  addImpliedCodes(compiled, best, t.facts);
  const hits: CodeHit[] = [];
  best.forEach((cand, c) => {
    const id = compiled.codes[c]?.id;
    if (!cand || id === undefined) return;
    hits.push({ code: id, quote: quoteAround(t.text, cand.start, cand.end, cand.quoteContext), start: cand.start, end: cand.end, rule: cand.rule, confidence: cand.confidence });
  });
  return hits;
}
