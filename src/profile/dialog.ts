import type { Event, Profile } from '../model.js';
import { asksSomething, readingOf, solvedBy, type Said } from './readings.js';
import { signalsFor, type Signals } from './signals.js';

const WRITTEN_KINDS = new Set<Event['kind']>(['message', 'ticket', 'post', 'review', 'survey']);

/** Something the customer wrote: a message, ticket, post, review or survey answer, also one addressed to another customer. */
export const isCustomerMessage = (event: Event): boolean => event.direction === 'inbound' && WRITTEN_KINDS.has(event.kind);

/**
 * What became of one thing the customer said to the brand. Every inbound record has exactly one status, so
 * inbound = answered + unanswered + noReplyNeeded + noReplyExpected, and answeredTimeUnknown is part of answered.
 * - answered: the brand's reply is in the data (it names the record, or answers a later record of the same thread).
 * - answeredTimeUnknown: the export names an answer that is not in the data (Event.unseenReplies), and no reply in the
 *   data names this record: answered, but when and by whom is unknown. Never paired with a later reply of the thread.
 * - noReplyExpected: a review, survey answer or post the brand did not reply to: it awaited no answer.
 * - noReplyNeeded: the customer's closing word to a brand reply ("thanks!").
 * - unanswered: a conversation the customer opened (Event.expectsReply) that got no reply.
 */
export type ExchangeStatus = 'answered' | 'answeredTimeUnknown' | 'unanswered' | 'noReplyNeeded' | 'noReplyExpected';

export interface Exchange {
  message: Event;
  /** The brand's first reply in the data, if any. */
  reply: Event | null;
  /** Minutes from the message to the first reply; null when either time is unknown. */
  minutes: number | null;
  status: ExchangeStatus;
  /**
   * For an unanswered message: what calls its issue solved since (a note's "Ersatz ist raus", the customer's own
   * "it's sorted now"), so nobody is waiting on it any more. Set by settleExchanges.
   */
  settledBy?: Said;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const time = (event: Event): number => event.at?.getTime() ?? Number.POSITIVE_INFINITY;

/**
 * Whether a message asks for something: a question (of their own: a "?" inside a link is none), a complaint, a pain
 * point, or a negative tone.
 */
export function asksForAnswer(message: Event, signals: Signals): boolean {
  if (asksSomething(message, signals)) return true;
  if (message.sentiment?.label === 'negative') return true;
  return message.annotations.some((a) => signals.is('complaint', a.code) || signals.is('responseNeeded', a.code) || signals.is('pain', a.code));
}

/**
 * Threads: events joined by message id and reply reference (a reply to a tweet missing from the export still joins
 * the other replies to it). Returns each event's thread as a number.
 */
function threads(events: readonly Event[]): Map<Event, number> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const node = (event: Event): string => (event.messageId !== null ? `m:${event.messageId}` : `e:${event.id}`);
  for (const event of events) {
    find(node(event));
    if (event.replyTo !== null) join(node(event), `m:${event.replyTo}`);
  }
  const numbers = new Map<string, number>();
  const result = new Map<Event, number>();
  for (const event of events) {
    const root = find(node(event));
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    result.set(event, numbers.get(root)!);
  }
  return result;
}

/**
 * The brand's first reply to each message. A reply answers the message it names and the customer's still-open
 * earlier messages of the same thread (a burst of tweets the brand answers with one reply); a reply without a
 * reference answers the latest still-open message on its channel that awaits a reply. A message whose answer the
 * export names but does not contain (unseenReplies) takes only a reply that names it.
 */
function firstReplies(events: readonly Event[], awaits: (message: Event) => boolean): Map<Event, Event> {
  const written = events.filter(isCustomerMessage);
  const byMessageId = new Map(written.filter((e) => e.messageId).map((e) => [e.messageId!, e]));
  const thread = threads(events);
  const firstReply = new Map<Event, Event>();
  // Only what still awaits an answer is answered in passing: not a closing "thanks", not a review.
  const open = (m: Event, reply: Event) => awaits(m) && !m.peerReply && !firstReply.has(m) && m.unseenReplies === 0 && time(m) <= time(reply);
  const outbound = events.filter((e) => e.direction === 'outbound').sort((a, b) => time(a) - time(b));
  for (const reply of outbound) {
    if (reply.replyTo !== null) {
      // A reply that names its record answers it even when the record's date is later: review sites date a review by
      // its last edit, which may follow the brand's reply (such minutes are negative and stay out of the median).
      const target = byMessageId.get(reply.replyTo);
      if (target && !firstReply.has(target)) firstReply.set(target, reply);
      for (const m of written) if (m !== target && thread.get(m) === thread.get(reply) && open(m, reply)) firstReply.set(m, reply);
      continue;
    }
    const latest = written.filter((m) => m.channel === reply.channel && open(m, reply)).sort((a, b) => time(b) - time(a))[0];
    if (latest) firstReply.set(latest, reply);
  }
  return firstReply;
}

/**
 * The customer's closing word to a brand reply: it thanks, agrees or says it did what was asked ("thanks!", "DM
 * sent"), or it praises ("it was delicious"), and asks for nothing. A reply that gives the details the brand asked
 * for ("My account number is …") or argues on awaits the brand like any message.
 */
function isClosing(message: Event, brandIds: ReadonlySet<string>, signals: Signals): boolean {
  if (message.replyTo === null || !brandIds.has(message.replyTo) || asksForAnswer(message, signals)) return false;
  return readingOf(message, 'closing') !== null || message.annotations.some((a) => signals.is('praise', a.code));
}

function statusOf(message: Event, reply: Event | null, brandIds: ReadonlySet<string>, signals: Signals): ExchangeStatus {
  if (reply) return 'answered';
  if (message.unseenReplies > 0) return 'answeredTimeUnknown';
  if (!message.expectsReply) return 'noReplyExpected';
  if (isClosing(message, brandIds, signals)) return 'noReplyNeeded';
  return 'unanswered';
}

/**
 * Pair each thing the customer said to the brand with the brand's first reply and say what became of it
 * (ExchangeStatus). A customer's reply to another customer joins the dialog only if the brand answered it.
 */
export function pairExchanges(events: readonly Event[], signals: Signals = signalsFor()): Exchange[] {
  const brandIds = new Set(events.filter((e) => e.direction === 'outbound' && e.messageId).map((e) => e.messageId!));
  const firstReply = firstReplies(events, (m) => m.expectsReply && !isClosing(m, brandIds, signals));
  return events
    .filter(isCustomerMessage)
    .filter((message) => !message.peerReply || firstReply.has(message))
    .map((message) => {
      const reply = firstReply.get(message) ?? null;
      const minutes = reply?.at && message.at ? (reply.at.getTime() - message.at.getTime()) / 60_000 : null;
      return { message, reply, minutes, status: statusOf(message, reply, brandIds, signals) };
    });
}

/**
 * Unanswered messages whose issue a note, the brand or the customer's own later words call solved: they stay
 * unanswered in the figures, but nobody waits on them (no "answer first", no still-open attention, not "never
 * answered" for the stage).
 */
export function settleExchanges(exchanges: readonly Exchange[], solvers: readonly Said[], signals: Signals): Exchange[] {
  return exchanges.map((x) => {
    if (x.status !== 'unanswered') return x;
    const settledBy = solvedBy({ event: x.message }, solvers, signals);
    return settledBy ? { ...x, settledBy } : x;
  });
}

/** Unanswered messages nobody has settled since (see settleExchanges). */
export const waiting = (exchanges: readonly Exchange[]): Exchange[] => exchanges.filter((x) => x.status === 'unanswered' && !x.settledBy);

/**
 * Unanswered messages someone may still be waiting on: not settled since, and newer than the reply horizon (an
 * undated one may be new). Older ones stay unanswered in the figures but are no longer "still open" for openers
 * or attention.
 */
export function stillOpen(exchanges: readonly Exchange[], openSince: Date | null): Exchange[] {
  return waiting(exchanges).filter((x) => openSince === null || !x.message.at || x.message.at >= openSince);
}

export function dialogFigures(events: readonly Event[], exchanges: readonly Exchange[] = pairExchanges(events), openSince: Date | null = null): Profile['dialog'] {
  const count = (status: ExchangeStatus) => exchanges.filter((x) => x.status === status).length;
  const minutes = exchanges.map((x) => x.minutes).filter((m): m is number => m !== null && m >= 0);
  const med = median(minutes);
  const timeUnknown = count('answeredTimeUnknown');
  return {
    inbound: exchanges.length,
    outbound: events.filter((e) => e.direction === 'outbound').length,
    answered: count('answered') + timeUnknown,
    answeredTimeUnknown: timeUnknown,
    unanswered: count('unanswered'),
    stillOpen: stillOpen(exchanges, openSince).length,
    settled: exchanges.filter((x) => x.settledBy).length,
    noReplyNeeded: count('noReplyNeeded'),
    noReplyExpected: count('noReplyExpected'),
    medianResponseMinutes: med === null ? null : Math.round(med * 10) / 10,
  };
}
