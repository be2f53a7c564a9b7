import { describe, expect, it } from 'vitest';
import type { Contact, Event } from '../model.js';
import { linkCustomers } from './link.js';
import { makeEvent } from '../test-support.js';

const contact = (crmId: string, email: string, handles: string[] = []): Contact => ({
  keys: { crmId, email, handle: handles[0] },
  handles,
  name: `Person ${crmId}`,
  phone: null,
  city: null,
  crmStage: null,
  createdAt: null,
  source: { file: 'contacts.csv', line: 2 },
});

const event = (id: string, who: Event['who'], extra: Partial<Event> = {}): Event => makeEvent({ id, who, customerKey: null, at: null, text: 'hi', ...extra });

describe('linkCustomers', () => {
  it('joins by id, email and handle to the contact', () => {
    const linked = linkCustomers(
      [contact('1001', 'anna@example.com', ['anna_k'])],
      [event('a', { crmId: '1001' }), event('b', { email: 'anna@example.com' }), event('c', { handle: 'anna_k' })],
    );
    expect(linked.customers).toHaveLength(1);
    expect(linked.events.map((e) => e.customerKey)).toEqual(['1001', '1001', '1001']);
  });

  it('makes an unknown handle its own, unlinked customer', () => {
    const linked = linkCustomers([contact('1001', 'anna@example.com')], [event('a', { handle: 'stranger' })]);
    expect(linked.customers.map((c) => [c.key, c.contact])).toEqual([
      ['1001', expect.anything()],
      ['stranger', null],
    ]);
  });

  it("gives a brand reply the customer of the message it answers", () => {
    const linked = linkCustomers(
      [contact('1001', 'anna@example.com', ['anna_k'])],
      [event('q', { handle: 'anna_k' }, { messageId: 'ig-1' }), event('r', {}, { direction: 'outbound', replyTo: 'ig-1', messageId: 'ig-2' })],
    );
    expect(linked.events[1]!.customerKey).toBe('1001');
  });

  it('warns about a duplicate customer id and merges it', () => {
    const linked = linkCustomers([contact('1001', 'a@x.de'), contact('1001', 'b@x.de')], []);
    expect(linked.customers).toHaveLength(1);
    expect(linked.customers[0]!.emails).toEqual(['a@x.de', 'b@x.de']);
    expect(linked.warnings[0]).toMatch(/customer id 1001 appears again/);
  });
});

describe('linkCustomers, weaker keys and threads', () => {
  it('joins rows that carry only a name to one customer, but never guesses between two people of that name', () => {
    const linked = linkCustomers([], [event('a', { name: 'Max Mustermann' }), event('b', { name: 'max  mustermann' }), event('c', { name: 'Erika Muster' })]);
    expect(linked.customers.map((c) => c.key)).toEqual(['Max Mustermann', 'Erika Muster']);
    expect(linked.events.map((e) => e.customerKey)).toEqual(['Max Mustermann', 'Max Mustermann', 'Erika Muster']);

    const twins = linkCustomers([{ ...contact('1', 'a@x.de'), name: 'Jo Kim' }, { ...contact('2', 'b@x.de'), name: 'Jo Kim' }], [event('d', { name: 'Jo Kim' })]);
    expect(twins.events[0]!.customerKey).toBe('Jo Kim'); // a new customer, not a guess at 1 or 2
  });

  it('gives a brand post without reply id the customer it @mentions first; only replies to missing messages warn', () => {
    const linked = linkCustomers(
      [contact('1001', 'anna@example.com', ['anna_k'])],
      [
        event('r', {}, { direction: 'outbound', text: '@Anna_K thanks for the photo!' }),
        event('s', {}, { direction: 'outbound', text: 'New beans are in!' }),
        event('t', {}, { direction: 'outbound', text: 'Sorry!', replyTo: 'tw:404' }),
      ],
    );
    expect(linked.events.map((e) => e.customerKey)).toEqual(['1001', null, null]);
    expect(linked.warnings).toEqual(['1 brand reply answers a message not in the data; it counts in no profile']);
  });

  it('names a handle-only customer the same whatever the file order, and warns about joins by name alone', () => {
    const a = event('a', { handle: 'ghost.one', asWritten: 'Ghost.one' });
    const b = event('b', { handle: 'ghost.one', asWritten: 'Ghost.One' });
    expect(linkCustomers([], [a, b]).customers[0]!.key).toBe(linkCustomers([], [b, a]).customers[0]!.key);
    expect(linkCustomers([], [b, a]).events.map((e) => e.customerKey)).toEqual(['Ghost.One', 'Ghost.One']);

    const byName = linkCustomers([{ ...contact('C1', 'anna@x.de'), name: 'Anna Alpha' }], [event('o', { name: 'anna alpha' }, { source: { file: 'orders.csv', line: 2 } })]);
    expect(byName.events[0]!.customerKey).toBe('C1');
    expect(byName.warnings).toEqual(['orders.csv: 1 row was joined to a CRM contact by name alone (no id, email or handle on the row); check for namesakes']);
  });

  it('marks a customer answering another customer as a peer reply, not a message to the brand', () => {
    const linked = linkCustomers(
      [contact('1', 'a@x.de', ['ann']), contact('2', 'b@x.de', ['bob'])],
      [
        event('q', { handle: 'ann' }, { messageId: 'ig:1' }),
        event('p', { handle: 'bob' }, { messageId: 'ig:2', replyTo: 'ig:1' }),
        event('own', { handle: 'ann' }, { messageId: 'ig:3', replyTo: 'ig:1' }),
      ],
    );
    expect(linked.events.map((e) => Boolean(e.peerReply))).toEqual([false, true, false]);
  });
});

describe('customer ids as the input wrote them', () => {
  it('keeps the case of a handle or email for the id, and still joins case-insensitively', () => {
    const linked = linkCustomers([], [event('a', { handle: 'custa', asWritten: 'CustA' }), event('b', { handle: 'custa', asWritten: 'custa' }), event('c', { email: 'jo@x.de', asWritten: 'Jo@X.de' })]);
    expect(linked.customers.map((c) => c.key)).toEqual(['CustA', 'Jo@X.de']);
    expect(linked.events.map((e) => e.customerKey)).toEqual(['CustA', 'CustA', 'Jo@X.de']);
  });
});

describe('linkCustomers: which records await an answer', () => {
  const post = (id: string, who: Event['who'], text: string, extra: Partial<Event> = {}) =>
    event(id, who, { kind: 'post', channel: 'twitter', messageId: `twitter:${id}`, text, expectsReply: false, ...extra });
  const brand = (id: string, text: string, replyTo: string | null) =>
    event(id, {}, { kind: 'post', channel: 'twitter', direction: 'outbound', author: 'BrandHelp', messageId: `twitter:${id}`, replyTo, text, expectsReply: false });

  it('expects a reply to a post that mentions a brand handle, answers a brand post, or sits in a thread the brand joined', () => {
    const linked = linkCustomers([], [
      post('1', { handle: 'anna' }, '@BrandHelp my parcel is late'),
      brand('2', '@anna sorry, checking', 'twitter:1'),
      post('3', { handle: 'anna' }, 'thanks, still waiting', { replyTo: 'twitter:2' }),
      post('4', { handle: 'ben' }, 'Lovely morning, great coffee'),
      post('5', { handle: 'cem' }, 'Does anyone know when the sale starts?'),
      post('6', { handle: 'dora' }, 'me too!', { replyTo: 'twitter:5' }),
      post('7', { handle: 'emil' }, 'hello @someoneelse'),
      post('8', { handle: 'anna' }, 'and another thing', { replyTo: 'twitter:3' }),
      post('9', { handle: 'finn' }, 'Price went up again', {}),
    ], { brandHandles: new Set(['nordlicht']) });
    expect(linked.events.filter((e) => e.direction === 'inbound').map((e) => [e.id, e.expectsReply])).toEqual([
      ['1', true], // mentions the brand (the author of its outbound rows)
      ['3', true], // answers a brand post
      ['4', false], // said in public, to nobody
      ['5', false],
      ['6', false], // a peer reply
      ['7', false], // addressed to someone else
      ['8', true], // in a thread the brand joined
      ['9', false],
    ]);
    const mentionsBrandOption = linkCustomers([], [post('1', { handle: 'x' }, 'Danke @Nordlicht.')], { brandHandles: new Set(['nordlicht']) });
    expect(mentionsBrandOption.events[0]!.expectsReply).toBe(true);
  });

  it('takes a top-level Instagram or Facebook comment as an answer to the brand\'s own post; a reply among customers stays theirs', () => {
    const linked = linkCustomers([], [
      post('c1', { handle: 'julia' }, 'Wie funktioniert das Abo eigentlich?', { channel: 'instagram', messageId: 'instagram:c1' }),
      post('c2', { handle: 'anna' }, '@julia im Kundenkonto', { channel: 'instagram', messageId: 'instagram:c2', replyTo: 'instagram:c1' }),
      post('c3', { handle: 'dave' }, 'Still nothing. Are you still in business???', { channel: 'facebook', messageId: 'facebook:c3' }),
    ]);
    expect(linked.events.map((e) => e.expectsReply)).toEqual([true, false, true]);
  });

  it('never expects a reply to a review, survey, order or note, nor to a message that answers another customer', () => {
    const linked = linkCustomers([contact('1', 'a@x.de', ['ann']), contact('2', 'b@x.de', ['bob'])], [
      event('r', { crmId: '1' }, { kind: 'review', expectsReply: false }),
      event('q', { handle: 'ann' }, { messageId: 'm:1', expectsReply: true }),
      event('p', { handle: 'bob' }, { messageId: 'm:2', replyTo: 'm:1', expectsReply: true }),
    ]);
    expect(linked.events.map((e) => e.expectsReply)).toEqual([false, true, false]);
  });

  it('counts the listed replies that are not in the data as unseen', () => {
    const linked = linkCustomers([], [
      post('3', { handle: 'anna' }, '@BrandHelp help', { replies: ['twitter:5', 'twitter:7'] }),
      brand('5', '@anna on it', 'twitter:3'),
    ]);
    expect(linked.events[0]!.unseenReplies).toBe(1);
    expect(linked.events[1]!.unseenReplies).toBe(0);
  });
});
