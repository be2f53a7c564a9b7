// What a first pass over a text's tokens tells the rules before any word is scored: how long it is, whether it
// shouts, whether a writer speaks in it, and the two irony cues.

import type { Token } from '../text/index.js';
import type { Mode, Modifiers, Resources } from './lexicons.js';
import { isShouting } from './score.js';

// Next to words, a typed emoticon sets the tone (friendly, softening, joking: ":)", ";)", "xD")
// at least as often as it judges anything, so it counts half; alone (":)" as the whole reply) it
// is the message and counts in full. Pictographic emoji, picked for their meaning (😡, 👍), always count in full.
const EMOTICON_BESIDE_WORDS = 0.5;

export interface TextSignals {
  words: number;
  /** ALL-CAPS only means emphasis when the rest of the text is not shouted too. */
  capsMeansEmphasis: boolean;
  /** A writer speaks: I/we/you, thanks, "!", "?", an emoji, emoticon or @mention. */
  personal: boolean;
  /** I/we: the writer's own story, such as a support ticket. */
  firstPerson: boolean;
  /** "schon wieder", "immer noch": a problem that keeps happening (an irony cue). */
  repeated: boolean;
  /** "Danke, dass …": thanks for an event (sarcasm when the event is a problem). */
  thanksForEvent: boolean;
  emoticonWeight: number;
}

/** Reads the signals of a text in one pass. */
export function readSignals(r: Resources, mode: Mode, mods: Modifiers, tokens: readonly Token[]): TextSignals {
  let words = 0;
  let shouted = 0;
  let personal = false;
  let firstPerson = false;
  let repeated = false;
  let thanksForEvent = false;
  let previous = '';
  let thanksAt = -2; // word index of the last thanks word, for "Danke, dass …"
  for (const t of tokens) {
    if (t.kind !== 'word') {
      if (t.kind !== 'stop') personal = true;
      previous = '';
      continue;
    }
    words++;
    if (t.raw.length >= 2 && isShouting(t.raw)) shouted++;
    const folded = t.folded;
    // Thanks are always said to someone: like "you", they show the writer speaking.
    if (!personal && (r.personal.has(t.norm) || mods.gratitude.has(folded))) personal = true;
    if (!firstPerson && r.firstPerson[mode].has(t.norm)) firstPerson = true;
    if (!repeated && (mods.repetition.has(folded) || (mods.repetitionStarts.has(previous) && mods.repetition.has(`${previous} ${folded}`)))) repeated = true;
    if (mods.gratitude.has(folded)) thanksAt = words;
    else if (thanksAt === words - 1 && mods.thanksFor.has(folded)) thanksForEvent = true;
    previous = folded;
  }
  const capsMeansEmphasis = shouted > 0 && shouted < words;
  const emoticonWeight = words > 0 ? EMOTICON_BESIDE_WORDS : 1;
  return { words, capsMeansEmphasis, personal, firstPerson, repeated, thanksForEvent, emoticonWeight };
}
