// What notes, the brand's replies and the customer's own words say about an issue, as the annotate stage read them
// (annotate/readings.ts, READINGS in model.ts): an issue called solved is not reopened, and it settles a message
// still waiting for an answer; an idea in a note or a promise in a reply is used. Nothing here reads text itself.
import { READINGS, voiceOf, type Event, type Reading, type Voice } from '../model.js';
import type { Signals } from './signals.js';

/** One reading with the record that holds it: "Ersatz ist raus." in an analyst's note of 2024-06-05. */
export interface Said {
  event: Event;
  /** The sentence that holds the reading, as written. */
  quote: string;
  voice: Voice;
}

/** The reading of this kind in one record, or null. */
export function readingOf(event: Event, reading: Reading): Said | null {
  const found = event.annotations.find((a) => a.by.kind === 'reading' && a.code === READINGS[reading]);
  return found ? { event, quote: found.quote ?? event.text ?? '', voice: voiceOf(event) ?? 'customer' } : null;
}

/** Every record with a reading of this kind, in the order given. */
export function readingsIn(events: readonly Event[], reading: Reading): Said[] {
  return events.map((e) => readingOf(e, reading)).filter((s): s is Said => s !== null);
}

/** Whether the customer asks something in this record: a question of their own, or a question code. */
export function asksSomething(event: Event, signals: Signals): boolean {
  return readingOf(event, 'question') !== null || event.annotations.some((a) => signals.is('question', a.code));
}

/**
 * The idea in an analyst's note: the sentence the annotate stage read as one, else the whole note when an analyst
 * coded it as a suggestion.
 */
export function noteIdea(note: Event, signals: Signals): Said | null {
  const idea = readingOf(note, 'idea');
  if (idea) return idea;
  const coded = note.annotations.some((a) => a.by.kind === 'analyst' && signals.is('suggestion', a.code));
  return coded && note.text?.trim() ? { event: note, quote: note.text.trim(), voice: 'note' } : null;
}

/** By day: a note is often dated without a time, and it may well be about a message of that morning. */
const dayOf = (event: Event, undated: string): string => event.at?.toISOString().slice(0, 10) ?? undated;

/**
 * What calls this record's issue solved, if anything: a note, a brand reply or the customer's own words, written on
 * the record's day or later (the record itself counts: "all fixed now, the money is back in my account!"). It closes the
 * record when it names one of the record's pain codes (the same issue) or names no pain code at all; a note about a
 * refund does not answer an unrelated question.
 */
export function solvedBy(record: { event: Event; code?: string }, solvers: readonly Said[], signals: Signals): Said | null {
  const raised = new Set(record.event.annotations.filter((a) => signals.is('pain', a.code)).map((a) => a.code));
  if (record.code) raised.add(record.code);
  const when = dayOf(record.event, '');
  for (const said of solvers) {
    if (dayOf(said.event, '9999') < when) continue;
    const pains = said.event.annotations.filter((a) => a.by.kind !== 'reading' && signals.is('pain', a.code)).map((a) => a.code);
    if (pains.length === 0 || pains.some((code) => raised.has(code))) return said;
  }
  return null;
}
