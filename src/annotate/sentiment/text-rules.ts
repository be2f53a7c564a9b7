// Rules over the whole text, applied once every word is read: irony, "!" emphasis, long-text averaging and the
// damping of impersonal reports.

import type { Score } from './score.js';
import type { TextSignals } from './signals.js';

// Praise next to a problem that happened again ("Super, schon wieder Verspätung"), or thanks for
// an event that is a problem ("Danke, dass der Zug ausfällt"), with no "but" in the text, is
// irony: the praise counts against the writer's mood, at this share of its strength.
const IRONIC_PRAISE = 0.5;
const BANG_BOOST = 0.3; // per "!", at most MAX_BANGS
const MAX_BANGS = 4;
// A long text is averaged: past this many words, its sum is divided by words / LONG_TEXT_WORDS,
// so a report with a few charged words is not itself charged.
const LONG_TEXT_WORDS = 25;
// …but a long first-person message sent to the brand (a support ticket, an e-mail) is a customer
// telling their own story: its complaint is the point however many words it takes, so it is
// averaged gently (by the square root of its length) instead of washed out. Only for messages known
// to be addressed to the brand: long first-person blog and forum posts are mostly neutral narration.
const FIRST_PERSON_LENGTH_POWER = 0.5;
// Text with no sign of a writer speaking (no I/we/you, no "!" or "?", no emoji, no @mention)
// reads as a report or headline; its words say less about the writer's own feeling.
// Short fragments ("nicht gut", "great service") are feedback answers, never reports.
const IMPERSONAL = 0.5;
const IMPERSONAL_MIN_WORDS = 6;

/** Irony: praise beside a recurring problem, or thanks for a problem, with no contrast, turns against the writer. */
export function turnIronicPraise(s: Score, signals: TextSignals): void {
  if ((signals.repeated || signals.thanksForEvent) && s.problem && s.praise > 0 && !s.contrastSeen) s.sum -= s.praise * (1 + IRONIC_PRAISE);
}

/** Each "!" (up to MAX_BANGS) makes whatever the text says a little stronger. */
export function addBangEmphasis(s: Score): void {
  if (s.sum !== 0 && s.bangs > 0) s.sum += Math.sign(s.sum) * BANG_BOOST * Math.min(s.bangs, MAX_BANGS);
}

/** Long texts are averaged; a long first-person message to the brand only gently. */
export function averageLongText(s: Score, signals: TextSignals, addressedToBrand: boolean): void {
  if (signals.words <= LONG_TEXT_WORDS) return;
  const ratio = signals.words / LONG_TEXT_WORDS;
  const length = signals.firstPerson && addressedToBrand ? ratio ** FIRST_PERSON_LENGTH_POWER : ratio;
  s.sum /= length;
  s.relief /= length;
}

/** The final sum: an impersonal report counts half, except its relief, which is good news in itself. */
export function dampImpersonal(s: Score, signals: TextSignals): number {
  return signals.personal || signals.words < IMPERSONAL_MIN_WORDS ? s.sum : (s.sum - s.relief) * IMPERSONAL + s.relief;
}
