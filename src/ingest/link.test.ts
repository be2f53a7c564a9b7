import { describe, expect, it } from 'vitest';
import type { Contact, Event } from '../model.js';
import { distinctTails, linkCustomers } from './link.js';
import { makeEvent } from '../test-support.js';
import { byCodePoint } from '../collation.js';

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

  it('keeps rows with a name two customers bear together as one customer, never a second with the same id (B3)', () => {
    const twins = [{ ...contact('1', 'a.schmidt@example.org'), name: 'Anna Schmidt' }, { ...contact('2', 'anna.s@example.net'), name: 'Anna Schmidt' }];
    const rows = [
      event('r1', { name: 'Anna Schmidt' }, { source: { file: 'reviews.csv', line: 3 } }),
      event('r2', { name: 'anna schmidt' }, { source: { file: 'reviews.csv', line: 7 } }),
    ];
    for (const order of [rows, [...rows].reverse()]) {
      const linked = linkCustomers(twins, order);
      expect(linked.customers.map((c) => c.key)).toEqual(['1', '2', 'Anna Schmidt']);
      expect(new Set(linked.events.map((e) => e.customerKey))).toEqual(new Set(['Anna Schmidt']));
    }
    const linked = linkCustomers(twins, rows);
    expect(linked.warnings).toEqual([
      '2 rows with only the name "Anna Schmidt", which 2 other customers bear (1, 2), joined none of them: they are customer "Anna Schmidt" (reviews.csv:3, reviews.csv:7); an id or e-mail on those rows would tell whose they are',
    ]);
    // Rows with a key are placed first: a name-only row before them still sees that the name is shared.
    const late = linkCustomers([], [event('n', { name: 'Jo Kim' }), event('a', { crmId: 'K-1', name: 'Jo Kim' }), event('b', { crmId: 'K-2', name: 'Jo Kim' })]);
    expect(late.events.map((e) => e.customerKey)).toEqual(['Jo Kim', 'K-1', 'K-2']);
  });

  it('gives a brand post without reply id the customer it @mentions first; only replies to missing messages warn', () => {
    const linked = linkCustomers(
      [contact('1001', 'anna@example.com', ['anna_k'])],
      [
        event('r', {}, { direction: 'outbound', text: '@Anna_K thanks for the photo!' }),
        event('s', {}, { direction: 'outbound', text: 'New beans are in!' }),
        event('t', {}, { direction: 'outbound', text: 'Sorry!', replyTo: 'tw:404', source: { file: 'tw.csv', line: 9 } }),
      ],
    );
    expect(linked.events.map((e) => e.customerKey)).toEqual(['1001', null, null]);
    expect(linked.warnings).toEqual(['1 brand reply answers a message not in the data (tw.csv:9): it joins no customer and is rejected']);
    // The broadcast joins nobody by design and stays; the reply to a missing message is to be rejected.
    expect(linked.unjoined).toEqual(new Map([['t', "the brand's reply to message 404, which is in no file of this run"]]));
  });

  it('names a handle-only customer the same whatever the file order, and keeps joins by name alone as evidence', () => {
    const a = event('a', { handle: 'ghost.one', asWritten: 'Ghost.one' });
    const b = event('b', { handle: 'ghost.one', asWritten: 'Ghost.One' });
    expect(linkCustomers([], [a, b]).customers[0]!.key).toBe(linkCustomers([], [b, a]).customers[0]!.key);
    expect(linkCustomers([], [b, a]).events.map((e) => e.customerKey)).toEqual(['Ghost.One', 'Ghost.One']);

    const byName = linkCustomers([{ ...contact('C1', 'anna@x.de'), name: 'Anna Alpha' }], [event('o', { name: 'anna alpha' }, { source: { file: 'orders.csv', line: 2 } })]);
    expect(byName.events[0]!.customerKey).toBe('C1');
    expect(byName.customers[0]!.nameJoins).toEqual([{ file: 'orders.csv', line: 2 }]);
    expect(byName.files.get('orders.csv')).toMatchObject({ nameJoins: 1 });
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

describe('linkCustomers: joins through reference columns', () => {
  const person = (crmId: string, altId: string): Contact => ({ ...contact(crmId, `${crmId}@x.de`), keys: { crmId, altId }, handles: [], name: null });

  it('joins a row carrying only an alias of the person (Olist: orders name customer_id, the person is customer_unique_id)', () => {
    const linked = linkCustomers(
      [person('p-anna', 'c-1'), person('p-ben', 'c-2'), person('p-anna', 'c-3')],
      [
        event('o1', { crmId: 'c-1' }, { kind: 'order', orderId: 'o1', source: { file: 'orders.csv', line: 2 } }),
        event('o3', { crmId: 'c-3' }, { kind: 'order', orderId: 'o3', source: { file: 'orders.csv', line: 3 } }),
      ],
    );
    // A repeat buyer's second row brings a new alias, not a duplicate.
    expect(linked.warnings).toEqual([]);
    expect(linked.customers.map((c) => [c.key, c.aliases])).toEqual([
      ['p-anna', ['c-1', 'c-3']],
      ['p-ben', ['c-2']],
    ]);
    expect(linked.events.map((e) => e.customerKey)).toEqual(['p-anna', 'p-anna']);
    expect(linked.files.get('orders.csv')).toMatchObject({ byAlias: 2 });
  });

  it('never looks another system\'s id up as a CRM id, and prefers the e-mail to an alias (B1)', () => {
    const anna = { ...contact('1001', 'anna@example.com'), name: 'Anna' };
    const ben = { ...contact('3612', 'ben@example.com'), name: 'Ben' };
    // A Zendesk ticket: the requester's e-mail, and Zendesk's own user id 3612 as the alias.
    const linked = linkCustomers([anna, ben], [
      event('t1', { email: 'anna@example.com', altId: '3612' }, { source: { file: 'tickets.csv', line: 2 } }),
      event('t2', { altId: '3612' }, { source: { file: 'tickets.csv', line: 3 } }),
    ]);
    expect(linked.events[0]!.customerKey).toBe('1001');
    expect(linked.events[1]!.customerKey).toBe('3612 (2)');
    expect(linked.warnings).toEqual(['tickets.csv:3: the customer key "3612" is another customer\'s already (a CRM id and another system\'s id, or a name and a handle, written alike); this one is "3612 (2)"']);
    expect(linked.customers.find((c) => c.key === '3612')!.emails).toEqual(['ben@example.com']);
    // Anna did not learn Zendesk's id from a row that gave it beside her e-mail only.
    expect(linked.customers.find((c) => c.key === '1001')!.aliases).toEqual([]);
  });

  it('learns an alias only from a row that gives it beside the person\'s own id', () => {
    const linked = linkCustomers([contact('1001', 'anna@example.com')], [
      event('a', { crmId: '1001', altId: 'zd-77' }),
      event('b', { altId: 'zd-77' }, { source: { file: 'tickets.csv', line: 3 } }),
      event('c', { email: 'anna@example.com', altId: 'zd-88' }),
      event('d', { altId: 'zd-88' }),
    ]);
    expect(linked.customers[0]!.aliases).toEqual(['zd-77']);
    expect(linked.events.map((e) => e.customerKey)).toEqual(['1001', '1001', '1001', 'zd-88']);
    expect(linked.customers.find((c) => c.key === 'zd-88')).toMatchObject({ crmId: null, aliases: ['zd-88'] });
    expect(linked.files.get('tickets.csv')).toMatchObject({ byAlias: 1 });
  });

  it('gives a row naming only an order the customer of that order, and an undated order line its order\'s date', () => {
    const at = new Date('2024-03-01T10:00:00Z');
    const linked = linkCustomers(
      [person('p-anna', 'c-1')],
      [
        event('order', { crmId: 'c-1' }, { kind: 'order', orderId: 'o1', at }),
        event('item', {}, { kind: 'order', orderId: 'o1', amount: 19.9, source: { file: 'items.csv', line: 2 } }),
        event('survey', {}, { kind: 'survey', orderId: 'o1', source: { file: 'reviews.csv', line: 2 } }),
        event('stray', {}, { kind: 'order', orderId: 'o-unknown', source: { file: 'items.csv', line: 3 } }),
      ],
    );
    expect(linked.events.map((e) => e.customerKey)).toEqual(['p-anna', 'p-anna', 'p-anna', null]);
    expect(linked.events[1]!.at).toEqual(at);
    expect(linked.files.get('items.csv')).toMatchObject({ byOrder: 1 });
    expect(linked.unjoined).toEqual(new Map([['stray', 'order o-unknown is in no orders file of this run']]));
    expect(linked.files.get('reviews.csv')).toMatchObject({ byOrder: 1 });
  });

  it('joins nobody through an order that two customers claim', () => {
    const linked = linkCustomers([], [
      event('a', { crmId: 'X' }, { kind: 'order', orderId: 'o1' }),
      event('b', { crmId: 'Y' }, { kind: 'order', orderId: 'o1' }),
      event('c', {}, { kind: 'survey', orderId: 'o1' }),
      event('d', {}, { kind: 'order', orderId: 'o1', amount: 9.5 }),
    ]);
    expect(linked.events[2]!.customerKey).not.toBe('X');
    expect(linked.events[2]!.customerKey).not.toBe('Y');
    expect(linked.warnings).toContain('1 order id belongs to two customers; rows that name only such an order join neither');
    // A survey answer is still somebody's (a customer of its own); an order item is rejected with the reason.
    expect(linked.customers.find((c) => c.key === linked.events[2]!.customerKey)).toMatchObject({ anonymous: true });
    expect(linked.unjoined).toEqual(new Map([['d', 'order o1 belongs to two customers in this run, so whose this row is cannot be told']]));
  });
});

describe('linkCustomers: placeholders and names', () => {
  it('makes every row by a placeholder author a customer of its own, keyed by its record id, never merged', () => {
    const rows = Array.from({ length: 5 }, (_, i) =>
      event(`r${i}`, { placeholder: i < 4 ? 'Ein Google-Nutzer' : 'A Google user' }, { kind: 'review', messageId: `google-play:rev-000${i}-abcdef`, source: { file: 'play.csv', line: i + 2 } }),
    );
    const linked = linkCustomers([], rows);
    expect(linked.customers).toHaveLength(5);
    expect(linked.customers.every((c) => c.anonymous)).toBe(true);
    expect(linked.customers.map((c) => c.key)).toEqual(['rev-0000-abcdef', 'rev-0001-abcdef', 'rev-0002-abcdef', 'rev-0003-abcdef', 'rev-0004-abcdef']);
    // The ids share their start and their end: the tail that tells them apart is "0-abcdef".
    expect(linked.customers[0]!.name).toBe('Ein Google-Nutzer #0-abcdef');
    expect(linked.customers[4]!.name).toBe('A Google user #4-abcdef');
    expect(linked.files.get('play.csv')).toMatchObject({ anonymous: 5, nameJoins: 0 });
  });

  it('keys a placeholder row without a record id by its file\'s name and line, and never joins it to a contact of that name', () => {
    const review = (file: string) => event('a', { placeholder: 'Kunde' }, { kind: 'review', source: { file, line: 4 } });
    const linked = linkCustomers([{ ...contact('1', 'k@x.de'), name: 'Kunde' }], [review('b.csv')]);
    expect(linked.events[0]!.customerKey).toBe('b.csv:4');
    expect(linked.customers.find((c) => c.key === 'b.csv:4')).toMatchObject({ anonymous: true, name: 'Kunde (b.csv:4)' });
    // Moving the export to another folder changes no id.
    expect(linkCustomers([], [review('/tmp/x/b.csv')]).customers[0]).toMatchObject({ key: 'b.csv:4', name: 'Kunde (b.csv:4)' });
    expect(linkCustomers([], [review('exports\\2024\\b.csv')]).customers[0]!.key).toBe('b.csv:4');
    // Two files of one name in different folders still give two keys.
    expect(linkCustomers([], [review('a/b.csv'), review('c/b.csv')]).customers.map((c) => c.key)).toEqual(['b.csv:4', 'c/b.csv:4']);
  });

  it('names anonymous customers by the shortest tail of their record id that no other shares (ObjectIds share their start)', () => {
    const ids = ['65f1c2a7e4b0a1d2c3e4f501', '65f1c2a7e4b0a1d2c3e4f502', '65f1c2a7e4b0a1d2c3e4aa02', '65f1c2a7e4b0a1d2c3e4f5ab'];
    const linked = linkCustomers([], ids.map((id, i) => event(`r${i}`, { placeholder: 'Gast' }, { kind: 'review', messageId: `review:${id}` })));
    expect(linked.customers.map((c) => c.name)).toEqual(['Gast #f501', 'Gast #f502', 'Gast #aa02', 'Gast #f5ab']);
    expect(distinctTails(['1', '11', 'x9', 'abcdef123'])).toEqual(new Map([['1', '1'], ['11', '11'], ['x9', 'x9'], ['abcdef123', 'f123']]));
  });

  it('gives the brand\'s reply to an anonymous review that review\'s customer', () => {
    const linked = linkCustomers([], [
      event('r', { placeholder: 'Gast' }, { kind: 'review', messageId: 'review:9' }),
      event('reply', { placeholder: 'Gast' }, { kind: 'post', direction: 'outbound', replyTo: 'review:9' }),
    ]);
    expect(linked.events.map((e) => e.customerKey)).toEqual(['9', '9']);
    expect(linked.customers).toHaveLength(1);
  });

  it('keeps the sources of rows joined by name alone as evidence, counted per file; a lone name is no join', () => {
    const linked = linkCustomers([], [
      event('a', { name: 'Helga Marx' }, { source: { file: 'b.csv', line: 2 } }),
      event('b', { name: 'Helga Marx' }, { source: { file: 'b.csv', line: 3 } }),
      event('c', { name: 'Ju\u0308rgen Kahl'.normalize('NFC') }, { source: { file: 'b.csv', line: 4 } }),
    ]);
    expect(linked.customers.map((c) => [c.key, c.nameJoins])).toEqual([
      ['Helga Marx', [{ file: 'b.csv', line: 2 }, { file: 'b.csv', line: 3 }]],
      ['Jürgen Kahl', []],
    ]);
    expect(linked.files.get('b.csv')).toMatchObject({ nameJoins: 2 });
  });
});

describe('linkCustomers: which records await an answer', () => {
  const post = (id: string, who: Event['who'], text: string, extra: Partial<Event> = {}) =>
    event(id, who, { kind: 'post', channel: 'twitter', messageId: `twitter:${id}`, text, expectsReply: false, ...extra });
  const brand = (id: string, text: string, replyTo: string | null) =>
    event(id, {}, { kind: 'post', channel: 'twitter', direction: 'outbound', author: 'BrandHelp', messageId: `twitter:${id}`, replyTo, text, expectsReply: false });

  it('expects no reply to a post that only opened a thread others took to the brand (a shop\'s own advert)', () => {
    const linked = linkCustomers([], [
      post('a1', { handle: 'gadgetshop' }, 'New in: the X200 blender, 20 % off this week https://t.co/x'),
      post('a2', { handle: 'gina' }, '@BrandHelp I ordered through @gadgetshop, does my warranty still hold?', { replyTo: 'twitter:a1' }),
      brand('a3', '@gina yes, it carries over', 'twitter:a2'),
      post('a4', { handle: 'gadgetshop' }, 'Pre-order now!', { replyTo: 'twitter:a1' }),
      // The export hid the brand's handle behind a number; the brand's own answer shows it was addressed to it.
      post('a5', { handle: 'hank' }, '@12345 my ride never came'),
      brand('a6', '@hank sorry, please DM us', 'twitter:a5'),
      post('a7', { handle: 'hank' }, 'still nothing', { replyTo: 'twitter:a5' }),
    ], { brandHandles: new Set() });
    expect(linked.events.filter((e) => e.direction === 'inbound').map((e) => [e.id, e.expectsReply])).toEqual([
      ['a1', false], // the advert awaited nothing, although the brand joined its thread
      ['a2', false], // a reply to another customer: in the dialog only because the brand answered it
      ['a4', false],
      ['a5', true],
      ['a7', true], // a follow-up in the thread by someone who addressed the brand there
    ]);
  });

  it('expects a reply to a post that mentions a brand handle, answers a brand post, or follows up in a thread the brand joined', () => {
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
      ['8', true], // a follow-up in a thread the brand joined, by someone who addressed the brand there
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

describe('linkCustomers: the same customers whatever the order of the rows', () => {
  const at = (day: number) => new Date(Date.UTC(2024, 3, day));
  /** Every order of up to five rows: the rows rotated and reversed. */
  const orders = <T>(rows: readonly T[]): T[][] =>
    rows.flatMap((_, shift) => {
      const rotated = [...rows.slice(shift), ...rows.slice(0, shift)];
      return [rotated, [...rotated].reverse()];
    });
  const summary = (linked: ReturnType<typeof linkCustomers>) =>
    linked.customers.map((c) => ({ key: c.key, name: c.name, emails: c.emails, handles: c.handles })).sort((a, b) => byCodePoint(a.key, b.key));

  it("names a customer by their contact's name, else by the name their records give most often, then the latest", () => {
    const kim = { ...contact('k-1', 'kim.b@example.net'), name: 'Kim Berg' };
    const rows = [
      event('t1', { email: 'kim.b@example.net', name: 'Kimmie Berg' }, { at: at(1) }),
      event('t2', { email: 'kim.b@example.net', name: 'Kimmie Berg' }, { at: at(2) }),
      event('a1', { email: 'asa.o@example.se', name: 'Åsa Öberg' }, { at: at(2) }),
      event('a2', { email: 'asa.o@example.se', name: 'Asa Oberg' }, { at: at(20) }),
      event('a3', { email: 'asa.o@example.se', name: 'Åsa Öberg' }, { at: at(9) }),
      event('a4', { email: 'asa.o@example.se', name: 'Asa Oberg' }, { at: at(12) }),
      event('a5', { email: 'asa.o@example.se', name: 'Å. Ö.' }, { at: at(30) }),
    ];
    for (const order of orders(rows)) {
      const names = Object.fromEntries(linkCustomers([kim], order).customers.map((c) => [c.key, c.name]));
      expect(names).toEqual({ 'k-1': 'Kim Berg', 'asa.o@example.se': 'Asa Oberg' });
    }
  });

  it('settles a contacts export that lists one id under two names by the same rule, with the created dates', () => {
    const first = { ...contact('7', 'a@x.de'), name: 'Jo Ek', createdAt: at(1) };
    const second = { ...contact('7', 'a@x.de'), name: 'Johanna Ek', createdAt: at(5) };
    expect(linkCustomers([first, second], []).customers[0]!.name).toBe('Johanna Ek');
    expect(linkCustomers([second, first], []).customers[0]!.name).toBe('Johanna Ek');
  });

  it('joins rows with only a name by the name the rule settles on, not by the first name a row gave', () => {
    const rows = [
      event('k1', { crmId: 'K-1', name: 'Kim B.' }, { at: at(1) }),
      event('k2', { crmId: 'K-1', name: 'Kim Berg' }, { at: at(2) }),
      event('k3', { crmId: 'K-1', name: 'Kim Berg' }, { at: at(3) }),
      event('n1', { name: 'kim berg' }, { at: at(4) }),
    ];
    for (const order of orders(rows)) {
      const linked = linkCustomers([], order);
      expect(linked.customers.map((c) => [c.key, c.name])).toEqual([['K-1', 'Kim Berg']]);
      expect(linked.events.every((e) => e.customerKey === 'K-1')).toBe(true);
    }
  });

  it('numbers the same clashing key, and lists learnt e-mails and handles, alike in every order', () => {
    const ben = { ...contact('3612', 'ben@example.com'), name: 'Ben' };
    const rows = [
      event('t1', { altId: '3612' }, { source: { file: 'tickets.csv', line: 3 } }),
      event('t2', { crmId: '3612', email: 'ben.b@example.org' }, { source: { file: 'orders.csv', line: 2 } }),
      event('t3', { crmId: '3612', email: 'b@example.net', handle: 'benb' }, { source: { file: 'orders.csv', line: 3 } }),
      event('t4', { handle: 'kim', asWritten: 'Kim' }),
      event('t5', { name: 'Kim' }),
    ];
    const expected = summary(linkCustomers([ben], rows));
    expect(expected).toEqual([
      { key: '3612', name: 'Ben', emails: ['ben@example.com', 'b@example.net', 'ben.b@example.org'], handles: ['benb'] },
      { key: '3612 (2)', name: null, emails: [], handles: [] },
      { key: 'Kim', name: null, emails: [], handles: ['kim'] },
      { key: 'Kim (2)', name: 'Kim', emails: [], handles: [] },
    ]);
    for (const order of orders(rows)) expect(summary(linkCustomers([ben], order))).toEqual(expected);
  });
});
