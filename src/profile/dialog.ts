import type { Event, Profile } from '../model.js';

const MESSAGE_KINDS = new Set<Event['kind']>(['message', 'ticket', 'post']);

/** A message from the customer to the brand, one that deserves an answer (not a reply to another customer). */
export const isInboundMessage = (event: Event): boolean => event.direction === 'inbound' && MESSAGE_KINDS.has(event.kind) && !event.peerReply;

export interface Exchange {
  message: Event;
  /** The brand's first reply, if any. */
  reply: Event | null;
  /** Minutes from the message to the first reply; null when either time is unknown. */
  minutes: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const time = (event: Event): number => event.at?.getTime() ?? Number.POSITIVE_INFINITY;

/**
 * Pair each inbound message with the brand's first reply: a reply names its message (reply id, ticket's first
 * reply); a reply without a reference answers the latest still-unanswered message on the same channel before it.
 */
export function pairExchanges(events: readonly Event[]): Exchange[] {
  const inbound = events.filter(isInboundMessage);
  const firstReply = new Map<Event, Event>();
  const byMessageId = new Map(inbound.filter((e) => e.messageId).map((e) => [e.messageId!, e]));
  const outbound = events.filter((e) => e.direction === 'outbound').sort((a, b) => time(a) - time(b));
  for (const reply of outbound) {
    let message = reply.replyTo ? byMessageId.get(reply.replyTo) : undefined;
    if (!reply.replyTo) {
      message = inbound
        .filter((e) => e.channel === reply.channel && !firstReply.has(e) && time(e) <= time(reply))
        .sort((a, b) => time(b) - time(a))[0];
    }
    if (message && !firstReply.has(message)) firstReply.set(message, reply);
    else if (message && time(reply) < time(firstReply.get(message)!)) firstReply.set(message, reply);
  }
  return inbound.map((message) => {
    const reply = firstReply.get(message) ?? null;
    const minutes = reply?.at && message.at ? (reply.at.getTime() - message.at.getTime()) / 60_000 : null;
    return { message, reply, minutes };
  });
}

export function dialogFigures(events: readonly Event[], exchanges: readonly Exchange[] = pairExchanges(events)): Profile['dialog'] {
  const answered = exchanges.filter((x) => x.reply !== null);
  const minutes = answered.map((x) => x.minutes).filter((m): m is number => m !== null && m >= 0);
  const med = median(minutes);
  return {
    inbound: exchanges.length,
    outbound: events.filter((e) => e.direction === 'outbound').length,
    answered: answered.length,
    unanswered: exchanges.length - answered.length,
    medianResponseMinutes: med === null ? null : Math.round(med * 10) / 10,
  };
}
