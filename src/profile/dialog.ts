import type { Event, Profile } from '../model.js';

const MESSAGE_KINDS = new Set<Event['kind']>(['message', 'ticket', 'post']);

/** Something the customer wrote: a message, ticket or post, also one addressed to another customer. */
export const isCustomerMessage = (event: Event): boolean => event.direction === 'inbound' && MESSAGE_KINDS.has(event.kind);

/** A message from the customer to the brand, one that deserves an answer (not a reply to another customer). */
export const isInboundMessage = (event: Event): boolean => isCustomerMessage(event) && !event.peerReply;

export interface Exchange {
  message: Event;
  /** The brand's first reply, if any. */
  reply: Event | null;
  /** Minutes from the message to the first reply; null when either time is unknown. */
  minutes: number | null;
  /** The customer's closing word to a brand reply ("thanks!"): no question, complaint or bad news, so no answer is owed. */
  closing: boolean;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const time = (event: Event): number => event.at?.getTime() ?? Number.POSITIVE_INFINITY;

/** Whether a message asks for something: a question, a complaint, a pain point, or a negative tone. */
function asksForAnswer(message: Event): boolean {
  if (message.text?.includes('?')) return true;
  if (message.sentiment?.label === 'negative') return true;
  return message.annotations.some(
    (a) => a.code === 'dialog.question' || a.code === 'dialog.complaint' || a.code === 'action.response-needed' || a.code.startsWith('pain.'),
  );
}

/**
 * Pair each message to the brand with the brand's first reply. A reply names its message (reply id, a ticket's
 * first reply) and also answers the customer's earlier messages in that thread ("where is my order?" → "hello??"
 * → reply); a reply without a reference answers the latest still-unanswered message on its channel. A customer's
 * reply to another customer joins the dialog only if the brand answered it.
 */
export function pairExchanges(events: readonly Event[]): Exchange[] {
  const written = events.filter(isCustomerMessage);
  const byMessageId = new Map(written.filter((e) => e.messageId).map((e) => [e.messageId!, e]));
  const brandIds = new Set(events.filter((e) => e.direction === 'outbound' && e.messageId).map((e) => e.messageId!));
  const firstReply = new Map<Event, Event>();
  const answer = (message: Event, reply: Event) => {
    const earlier = firstReply.get(message);
    if (!earlier || time(reply) < time(earlier)) firstReply.set(message, reply);
  };
  const outbound = events.filter((e) => e.direction === 'outbound').sort((a, b) => time(a) - time(b));
  for (const reply of outbound) {
    if (reply.replyTo) {
      // The message it names, and the same customer's earlier messages that message follows up on.
      const seen = new Set<Event>();
      for (let message = byMessageId.get(reply.replyTo); message && !seen.has(message); message = message.replyTo ? byMessageId.get(message.replyTo) : undefined) {
        seen.add(message);
        if (time(message) <= time(reply)) answer(message, reply);
      }
      continue;
    }
    const latest = written
      .filter((e) => !e.peerReply && e.channel === reply.channel && !firstReply.has(e) && time(e) <= time(reply))
      .sort((a, b) => time(b) - time(a))[0];
    if (latest) answer(latest, reply);
  }
  return written
    .filter((message) => !message.peerReply || firstReply.has(message))
    .map((message) => {
      const reply = firstReply.get(message) ?? null;
      const minutes = reply?.at && message.at ? (reply.at.getTime() - message.at.getTime()) / 60_000 : null;
      const closing = !reply && message.replyTo !== null && brandIds.has(message.replyTo) && !asksForAnswer(message);
      return { message, reply, minutes, closing };
    });
}

export function dialogFigures(events: readonly Event[], exchanges: readonly Exchange[] = pairExchanges(events)): Profile['dialog'] {
  const answered = exchanges.filter((x) => x.reply !== null);
  const closing = exchanges.filter((x) => x.closing).length;
  const minutes = answered.map((x) => x.minutes).filter((m): m is number => m !== null && m >= 0);
  const med = median(minutes);
  return {
    inbound: exchanges.length,
    outbound: events.filter((e) => e.direction === 'outbound').length,
    answered: answered.length,
    unanswered: exchanges.length - answered.length - closing,
    noReplyNeeded: closing,
    medianResponseMinutes: med === null ? null : Math.round(med * 10) / 10,
  };
}
