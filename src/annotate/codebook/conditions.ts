// Second signals: what a record must be, beside the words it contains, for a code's hit to count. A word alone is
// weak evidence for some codes ("?" in a review title is rarely a question to the brand; a complaint in a public
// review does not expect an answer from the company), and some codes need no word at all (a 1★ review with words
// of its own is a complaint). The codebook states these conditions (`when`, `rules`, `implied_when`); the
// annotator says what the record is (RecordFacts).

import type { Event, EventKind, SentimentLabel } from '../../model.js';
import { ratingTone } from '../../rating-scales.js';
import type { Condition } from './schema.js';

/** What the matcher knows about the record a text comes from. */
export interface RecordFacts {
  /** A conversation the customer opened with the brand: it expects an answer. */
  conversation: boolean;
  kind: EventKind;
  /** The writer's own verdict: the rating's tone when rated, else the text's sentiment label; null when unknown. */
  tone: SentimentLabel | null;
  rated: boolean;
}

/** A bare text (no record around it) is read as a message to the brand whose tone is not known. */
export const BARE_TEXT: RecordFacts = { conversation: true, kind: 'message', tone: null, rated: false };

/** The facts of an event, as the codebook annotator sees it after language and sentiment. */
export function factsOf(event: Readonly<Event>): RecordFacts {
  // A machine-read tone of a text in a language thick does not read is no signal.
  const textTone = event.sentiment && event.lang !== 'other' ? event.sentiment.label : null;
  return {
    conversation: event.expectsReply && !event.peerReply,
    kind: event.kind,
    tone: event.rating ? ratingTone(event.rating) : textTone,
    rated: event.rating !== null,
  };
}

export interface RecordCondition {
  holds(facts: RecordFacts): boolean;
  /** The condition in words, for rule ids ("signal:rated tone=negative"). */
  label: string;
}

export function compileCondition(condition: Condition): RecordCondition {
  const { not, ...own } = condition;
  const base = compileFlat(own);
  if (!not) return base;
  const excluded = compileFlat(not);
  return {
    label: [base.label, `not(${excluded.label})`].filter(Boolean).join(' '),
    holds: (facts) => base.holds(facts) && !excluded.holds(facts),
  };
}

/** A condition without `not`: every given key holds. */
function compileFlat(condition: Omit<Condition, 'not'>): RecordCondition {
  const kinds = condition.kinds ? new Set<EventKind>(condition.kinds) : null;
  const tones = condition.tone === undefined ? null : new Set<SentimentLabel>(Array.isArray(condition.tone) ? condition.tone : [condition.tone]);
  const parts = [
    condition.conversation === undefined ? null : condition.conversation ? 'conversation' : 'not-conversation',
    kinds ? `kind=${[...kinds].join('|')}` : null,
    condition.rated === undefined ? null : condition.rated ? 'rated' : 'unrated',
    tones ? `tone=${[...tones].join('|')}` : null,
  ];
  return {
    label: parts.filter(Boolean).join(' '),
    holds: (facts) =>
      (condition.conversation === undefined || facts.conversation === condition.conversation) &&
      (kinds === null || kinds.has(facts.kind)) &&
      (condition.rated === undefined || facts.rated === condition.rated) &&
      (tones === null || (facts.tone !== null && tones.has(facts.tone))),
  };
}
