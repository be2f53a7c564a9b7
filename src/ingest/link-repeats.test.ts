import { describe, expect, it } from 'vitest';
import type { IngestedEvent } from '../model.js';
import { makeEvent } from '../test-support.js';
import { linkCustomers } from './link.js';

const ingested = (extra: Partial<IngestedEvent>): IngestedEvent => {
  const { lang: _lang, sentiment: _sentiment, annotations: _annotations, ...event } = makeEvent({ customerKey: null, ...extra });
  return event;
};

const review = (who: string, text: string, extra: Partial<IngestedEvent> = {}): IngestedEvent =>
  ingested({ who: { crmId: who }, kind: 'review', channel: 'review', expectsReply: false, text, rating: { value: 2, scale: 'stars5' }, ...extra });

/** The records linking calls repeats, by their index in `events`. */
function repeatsOf(events: IngestedEvent[]): number[] {
  const { duplicates } = linkCustomers([], events);
  return events.flatMap((event, i) => (duplicates.has(event.id) ? [i] : []));
}

describe('repeated records', () => {
  it("are one customer's record said again word for word, with the same kind, time and rating", () => {
    const events = [
      review('anna', 'Bohnen alt,  Tüte offen', { messageId: 'r1', product: 'B' }),
      review('anna', 'Bohnen alt, Tüte offen', { messageId: 'r2', product: 'A' }),
      review('ben', 'Bohnen alt, Tüte offen'),
      review('anna', 'Bohnen alt, Tüte offen', { at: new Date('2024-05-02T10:00:00Z') }),
      review('anna', 'Bohnen alt, Tüte offen', { rating: { value: 3, scale: 'stars5' } }),
      review('anna', 'Bohnen alt, Tüte offen!'),
    ];
    // The one listing kept is the first by product: the second row; another customer, day, rating or word is no repeat.
    expect(repeatsOf(events)).toEqual([0]);
  });

  it('are not two messages with ids of their own, nor orders or notes; the same message listed twice is', () => {
    const message = (id: string | null, extra: Partial<IngestedEvent> = {}) => ingested({ who: { crmId: 'anna' }, text: 'Wo bleibt meine Lieferung?', messageId: id, ...extra });
    const events = [
      message('m1'),
      message('m2'),
      message('m1'),
      message(null, { direction: 'outbound', author: 'brand', replyTo: 'm1' }),
      message(null, { kind: 'order', orderId: 'o1', amount: 5, expectsReply: false }),
      message(null, { kind: 'order', orderId: 'o1', amount: 5, expectsReply: false }),
      message(null, { kind: 'note', direction: 'internal', expectsReply: false }),
      message(null, { kind: 'note', direction: 'internal', expectsReply: false }),
    ];
    expect(repeatsOf(events)).toEqual([2]);
  });
});
