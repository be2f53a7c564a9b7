// What analyst notes say that openers must respect: an issue a note calls solved is not reopened, and an idea or
// promise in a note is used. Notes are short and written by colleagues, so a few plain phrases read them well.
//
// The matching below is deliberately small (lower-cased regexes on the note's text, one clause of negation); it
// reads analysts' notes only, never customer text, which goes through the annotate stage's text kernel.
import type { Event } from '../model.js';
import type { Signals } from './signals.js';

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const phrases = (list: readonly string[]): RegExp => new RegExp(`${B}(?:${list.join('|')})${E}`, 'iu');

/** "Ersatz ist raus", "erledigt", "erstattet", "resolved", "refunded", "sent a replacement" … */
const SOLVED = phrases([
  'erledigt',
  'erstattet',
  'zur(?:ü|ue)ckerstattet',
  'gutgeschrieben',
  'gel(?:ö|oe)st',
  'behoben',
  'gekl(?:ä|ae)rt',
  'r(?:ü|ue)ckbuchung am',
  'ersatz (?:ist raus|ist unterwegs|verschickt|geschickt|versandt)',
  'resolved',
  'refunded',
  'reimbursed',
  'solved',
  'fixed',
  'credited',
  'sorted out',
  'sent (?:a|the|them a|her a|him a) replacement',
  'replacement (?:sent|shipped|is out|on its way)',
]);

/** A negation right before the phrase ("nicht erstattet", "not yet refunded") means it is not solved. */
const NEGATED = /(?:nicht|noch nicht|kein|keine|not|not yet|never|no|isn't|wasn't|hasn't|haven't)\s+(?:\S+\s+)?$/iu;

/** An idea, offer, recommendation or promise: something to act on or follow through. */
const IDEA = phrases([
  'empfohlen',
  'empfehlen',
  'anbieten',
  'angeboten',
  'bietet an',
  'bietet',
  'vorschlag',
  'vorgeschlagen',
  'idee',
  'sollten?',
  'k(?:ö|oe)nnten?',
  'w(?:ä|ae)ren?',
  'fragen, ob',
  'versprochen',
  'zugesagt',
  'legen wir',
  'schicken wir',
  'eingeladen',
  'weitergegeben',
  'recommend(?:ed)?',
  'invited',
  'passed on',
  'forwarded',
  'suggest(?:ed|s)?',
  'idea',
  'offer(?:ed|s)?',
  'should',
  'could',
  'promised?',
  'we will',
  "we'll",
  'ask (?:whether|if)',
]);

/** The sentence of the note around a position: notes quote best by the sentence that holds the idea. */
function sentenceAround(text: string, at: number): string {
  // A sentence ends at . ! or ? followed by a capital or a quote; "am 10.01. erstattet" goes on.
  const ends = [...text.matchAll(/[.!?](?=\s+[\p{Lu}„"“])/gu)].map((m) => m.index!);
  const before = ends.filter((end) => end < at).at(-1);
  const after = ends.find((end) => end >= at);
  return text.slice(before === undefined ? 0 : before + 1, after === undefined ? text.length : after + 1).trim();
}

export interface NoteReading {
  note: Event;
  /** The sentence in which the note calls an issue solved ("… am 10.01. erstattet."), or null. */
  solved: string | null;
  /** The sentence with an idea, offer or promise to use, or null. */
  idea: string | null;
}

export function readNote(note: Event, signals: Signals): NoteReading {
  const text = note.text ?? '';
  const solvedAt = [...text.matchAll(new RegExp(SOLVED.source, 'giu'))].find((m) => !NEGATED.test(text.slice(0, m.index)));
  const ideaMatch = IDEA.exec(text);
  const coded = note.annotations.some((a) => a.by.kind === 'analyst' && signals.is('suggestion', a.code));
  // A question or an exclamation in a note is a proposal or an instruction ("Regel überdenken?", "Text ändern!").
  const question = text.search(/[?!]\s*(?:$|[\p{Lu}"„])/u);
  const at = ideaMatch?.index ?? (question >= 0 ? question : coded ? 0 : -1);
  return {
    note,
    solved: solvedAt !== undefined ? sentenceAround(text, solvedAt.index!) : null,
    idea: at >= 0 && text.trim() ? sentenceAround(text, at) : null,
  };
}

/**
 * The note that calls this pain solved, if any. A solving note written on or after the record closes it when the
 * note carries one of the record's pain codes (the same issue), or carries no pain code at all.
 */
export function solvedBy(pain: { event: Event; code: string }, notes: readonly NoteReading[], signals: Signals): NoteReading | null {
  const raised = new Set(pain.event.annotations.filter((a) => signals.is('pain', a.code)).map((a) => a.code).concat(pain.code));
  // By day: a note is often dated without a time, and it may well be about a message of that morning.
  const when = pain.event.at?.toISOString().slice(0, 10) ?? '';
  for (const reading of notes) {
    if (!reading.solved) continue;
    const noteDay = reading.note.at?.toISOString().slice(0, 10) ?? '9999';
    if (noteDay < when) continue;
    const pains = reading.note.annotations.filter((a) => signals.is('pain', a.code)).map((a) => a.code);
    if (pains.length === 0 || pains.some((code) => raised.has(code))) return reading;
  }
  return null;
}
