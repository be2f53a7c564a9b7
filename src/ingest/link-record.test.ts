import { describe, expect, it } from 'vitest';
import type { IngestedEvent } from '../model.js';
import { makeEvent } from '../test-support.js';
import { linkCustomers, planLinks } from './link.js';
import { linkedEvent, linkRecordOf, wordsDigest } from './link-record.js';

const ingested = (extra: Partial<IngestedEvent>): IngestedEvent => {
  const { lang: _lang, sentiment: _sentiment, annotations: _annotations, ...event } = makeEvent({ customerKey: null, ...extra });
  return event;
};

describe('wordsDigest', () => {
  it('is the same for the same words and differs for a letter, a case or a length', () => {
    const words = 'Die Lieferung kam zwei Tage zu spät';
    expect(wordsDigest(words)).toBe(wordsDigest(`${words}`));
    for (const other of ['Die Lieferung kam zwei Tage zu spat', 'die Lieferung kam zwei Tage zu spät', `${words}.`, words.slice(1)]) {
      expect(wordsDigest(other)).not.toBe(wordsDigest(words));
    }
  });

  it('tells apart ten thousand texts that differ in one number', () => {
    const digests = new Set(Array.from({ length: 10_000 }, (_, i) => wordsDigest(`order ${i} arrived broken`)));
    expect(digests.size).toBe(10_000);
  });
});

describe('linkRecordOf', () => {
  it('keeps what linking reads of the words, not the words', () => {
    const customer = linkRecordOf(ingested({ text: 'Hey @Nordlicht.Kaffee.  where is   my order?' }));
    expect(customer).not.toHaveProperty('text');
    expect(customer.mentions).toEqual(['nordlicht.kaffee']);
    expect(customer.addressees).toEqual([]);
    // Runs of white space are one: the same words spaced otherwise are a repeat.
    expect(customer.words).toBe(linkRecordOf(ingested({ text: 'Hey @Nordlicht.Kaffee. where is my order? ' })).words);
    const brand = linkRecordOf(ingested({ direction: 'outbound', text: '@anna_k @ben thanks, @carla' }));
    expect(brand.addressees).toEqual(['anna_k', 'ben']);
    expect(brand.mentions).toEqual([]);
    expect(linkRecordOf(ingested({ kind: 'order', text: 'gift wrap' })).words).toBeNull();
  });
});

describe('planLinks and linkedEvent', () => {
  it('decide on the records alone what linkCustomers decides on the events, and leave the ingested events as they were', () => {
    const events = [
      ingested({ who: { handle: 'anna' }, kind: 'post', channel: 'twitter', text: '@brand my beans are stale', messageId: 'twitter:1' }),
      ingested({ who: {}, direction: 'outbound', kind: 'post', channel: 'twitter', author: 'brand', text: '@anna sorry, checking', messageId: 'twitter:2', replies: ['twitter:9'] }),
      ingested({ who: { handle: 'anna' }, kind: 'post', channel: 'twitter', text: '@brand  my beans are stale', messageId: 'twitter:1b', at: new Date('2024-05-01T10:00:00Z') }),
      ingested({ who: { crmId: '7' }, kind: 'order', orderId: 'o1', amount: 10, at: null, status: 'cancelled', cancelled: true }),
      ingested({ who: {}, kind: 'order', orderId: 'o1', amount: 5, at: new Date('2024-04-01T00:00:00Z') }),
    ];
    const before = structuredClone(events);
    const records = events.map(linkRecordOf);
    const plan = planLinks([], records);
    const viaEvents = linkCustomers([], events);
    expect(records.map((r, i) => linkedEvent(events[i]!, r))).toEqual(viaEvents.events);
    expect(plan.customers.map((c) => c.key)).toEqual(viaEvents.customers.map((c) => c.key));
    expect(events).toEqual(before);
    // The brand's reply opening with @anna joined her by the handle its record kept; the missing answer was counted.
    expect(records[1]!.customerKey).toBe('anna');
    expect(records[1]!.unseenReplies).toBe(1);
    // The order line naming nobody joined customer 7 by its order, took the order's date and its cancellation.
    expect(records[4]).toMatchObject({ customerKey: '7', cancelled: true, status: 'cancelled' });
    expect(records[3]!.at).toEqual(new Date('2024-04-01T00:00:00Z'));
  });
});
