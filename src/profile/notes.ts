// What analyst notes say that openers must respect: an issue a note calls solved is not reopened, and an idea or
// promise in a note is used. Notes are short and written by colleagues, so a few plain phrases read them well. They
// are read with the annotators' text kernel (tokens, folding, sentences, negators), so "am 10.01. erstattet" stays
// one sentence and "noch nicht erstattet" is negated the same way customer text is.
import { isNegator, negatorsOf, readText, type Token } from '../annotate/text/index.js';
import type { Event } from '../model.js';
import type { Signals } from './signals.js';

/** Folded token sequences; a token ending in "*" matches any token that starts with it. */
const phrases = (list: readonly string[]): string[][] => list.map((p) => p.split(' '));

/** "Ersatz ist raus", "erledigt", "erstattet", "resolved", "refunded", "sent a replacement" … */
const SOLVED = phrases([
  'erledigt',
  'erstattet',
  'zurueckerstattet',
  'gutgeschrieben',
  'geloest',
  'behoben',
  'geklaert',
  'rueckbuchung am',
  'ersatz ist raus',
  'ersatz ist unterwegs',
  'ersatz verschickt',
  'ersatz geschickt',
  'ersatz versandt',
  'resolved',
  'refunded',
  'reimbursed',
  'solved',
  'fixed',
  'credited',
  'sorted out',
  'sent a replacement',
  'sent the replacement',
  'sent * a replacement',
  'replacement sent',
  'replacement shipped',
  'replacement is out',
  'replacement on its way',
]);

/** An idea, offer, recommendation or promise: something to act on or follow through. */
const IDEA = phrases([
  'empfohlen',
  'empfehlen',
  'anbieten',
  'angeboten',
  'bietet',
  'vorschlag',
  'vorgeschlagen',
  'idee',
  'sollte',
  'sollten',
  'koennte',
  'koennten',
  'waere',
  'waeren',
  'fragen ob',
  'versprochen',
  'zugesagt',
  'legen wir',
  'schicken wir',
  'eingeladen',
  'weitergegeben',
  'recommend',
  'recommended',
  'invited',
  'passed on',
  'forwarded',
  'suggest*',
  'idea',
  'offer*',
  'should',
  'could',
  'promise*',
  'we will',
  "we'll",
  'ask whether',
  'ask if',
]);

/** Negators closer than this before a solved-phrase negate it ("noch nicht erstattet", "not yet refunded"). */
const NEGATION_WINDOW = 2;

const words = (tokens: readonly Token[]): Token[] => tokens.filter((t) => t.kind === 'word' || t.kind === 'number');

function matchesAt(list: readonly string[][], tokens: readonly Token[], i: number): boolean {
  return list.some((phrase) =>
    phrase.every((part, k) => {
      const token = tokens[i + k];
      if (!token || token.sentence !== tokens[i]!.sentence) return false;
      return part === '*' || (part.endsWith('*') ? token.folded.startsWith(part.slice(0, -1)) : token.folded === part);
    }),
  );
}

function negated(tokens: readonly Token[], i: number): boolean {
  const negators = negatorsOf('other');
  for (let j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW); j--) {
    if (tokens[j]!.sentence !== tokens[i]!.sentence) return false;
    if (isNegator(negators, tokens[j]!.folded)) return true;
  }
  return false;
}

/** The whole sentence a token belongs to, as written: notes quote best by the sentence that holds the idea. */
function sentenceText(text: string, all: readonly Token[], sentence: number): string {
  const inSentence = all.filter((t) => t.sentence === sentence);
  const next = all.find((t) => t.sentence > sentence);
  const end = next ? next.start : text.length;
  return text.slice(inSentence[0]!.start, end).trim();
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
  const { tokens: all } = readText(text);
  const tokens = words(all);
  const solvedAt = tokens.findIndex((_, i) => matchesAt(SOLVED, tokens, i) && !negated(tokens, i));
  const ideaAt = tokens.findIndex((_, i) => matchesAt(IDEA, tokens, i));
  // A question or an exclamation in a note is a proposal or an instruction ("Regel überdenken?", "Text ändern!").
  const asking = all.find((t) => t.kind === 'question' || t.kind === 'bang');
  const coded = note.annotations.some((a) => a.by.kind === 'analyst' && signals.is('suggestion', a.code));
  const ideaSentence = ideaAt >= 0 ? tokens[ideaAt]!.sentence : asking ? asking.sentence : coded && all.length > 0 ? 0 : -1;
  return {
    note,
    solved: solvedAt >= 0 ? sentenceText(text, all, tokens[solvedAt]!.sentence) : null,
    idea: ideaSentence >= 0 ? sentenceText(text, all, ideaSentence) : null,
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
