import { describe, expect, it } from 'vitest';
import { conversationId, normaliseRow, RowError, type LenientNote, type RowContext } from './normalise.js';
import type { Field, MappedRow, RecordKind } from './preset.js';

/** A mapped row from field → cell text; each field gets its own column, in the order given. */
function row(cells: Partial<Record<Field, string>>, line = 2): MappedRow {
  const columns: MappedRow['columns'] = {};
  Object.keys(cells).forEach((field, i) => (columns[field as Field] = i + 1));
  return { line, raw: Object.values(cells).join(','), cells, columns };
}

function ctx(kind: RecordKind, extra: Partial<RowContext> = {}): RowContext {
  return { file: 'in.csv', kind, channel: kind === 'social' ? 'social' : kind === 'tickets' ? 'email' : 'message', dateOrders: {}, decimals: {}, brandHandles: new Set(), ...extra };
}

function rejection(fn: () => unknown): RowError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
  throw new Error('expected a RowError');
}

describe('conversationId', () => {
  it('prefixes the conversation space, and keeps a missing id missing', () => {
    expect(conversationId('ticket', '1')).toBe('ticket:1');
    expect(conversationId('twitter', '1')).toBe('twitter:1');
    expect(conversationId('twitter', undefined)).toBeNull();
  });
});

describe('contacts', () => {
  it('collects handles from every handle column, normalised and de-duplicated, and takes the first as the key', () => {
    const { contacts, events } = normaliseRow(
      row({ crmId: '1001', firstName: 'Anna', lastName: 'Becker', email: ' Anna@Example.DE ', instagram: '@Anna_K', twitter: 'https://x.com/anna_k/', facebook: 'anna.becker', city: 'Köln', created: '2024-01-05' }),
      ctx('contacts'),
    );
    expect(events).toEqual([]);
    expect(contacts).toHaveLength(1);
    const contact = contacts[0]!;
    expect(contact.keys).toEqual({ crmId: '1001', email: 'anna@example.de', name: 'Anna Becker', handle: 'anna_k' });
    expect(contact.handles).toEqual(['anna_k', 'anna.becker']);
    expect(contact).toMatchObject({ name: 'Anna Becker', city: 'Köln', phone: null, source: { file: 'in.csv', line: 2 } });
    expect(contact.createdAt?.toISOString()).toBe('2024-01-05T00:00:00.000Z');
  });

  it('accepts a contact known only by a social handle, and rejects one with no key at all', () => {
    expect(normaliseRow(row({ name: 'Ben', twitter: '@ben' }), ctx('contacts')).contacts[0]!.keys).toEqual({ name: 'Ben', handle: 'ben' });
    expect(rejection(() => normaliseRow(row({ name: 'Nobody', city: 'Bonn' }), ctx('contacts'))).message).toBe(
      'contact has no customer id, email or social handle',
    );
  });
});

describe('orders', () => {
  it('takes quantity × unit price over the amount column, rounded to cents', () => {
    const { events } = normaliseRow(row({ orderId: 'A-1', crmId: '1001', date: '02.01.2024', quantity: '3', unitPrice: '16,90', amount: '99,99' }), ctx('orders', { decimals: { unitPrice: ',', amount: ',' } }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'order', amount: 50.7, orderId: 'A-1', who: { crmId: '1001' }, channel: 'message', direction: 'inbound' });
    expect(events[0]!.at?.toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('uses the amount when there is no quantity × unit price', () => {
    const { events } = normaliseRow(row({ orderId: 'A-2', email: 'b@x.de', amount: '1.234,56 €' }), ctx('orders', { decimals: { amount: ',' } }));
    expect(events[0]).toMatchObject({ amount: 1234.56, who: { email: 'b@x.de' } });
  });

  it('rejects a line whose file has prices but not on this line, and one that names neither a customer nor an order', () => {
    const priced = { ...row({ orderId: 'A-3', crmId: '1', quantity: '2' }), columns: { orderId: 1, crmId: 2, quantity: 3, unitPrice: 4 } };
    expect(rejection(() => normaliseRow(priced, ctx('orders'))).message).toBe('order line has neither quantity × unit price nor an amount');
    expect(rejection(() => normaliseRow(row({ amount: '5', date: '2024-01-02' }), ctx('orders'))).message).toBe(
      'no customer id, email, handle or name on this order line, and no order id to join it by',
    );
  });

  it('keeps an order from a file without prices (its value comes from its items) and an item that names only its order', () => {
    const [order] = normaliseRow(row({ orderId: 'A-3', crmId: '1', date: '2024-01-02' }), ctx('orders')).events;
    expect(order).toMatchObject({ kind: 'order', orderId: 'A-3', amount: null, who: { crmId: '1' } });
    const [item] = normaliseRow(row({ orderId: 'A-3', unitPrice: '12.50' }), ctx('orders')).events;
    // No quantity column: one unit per line.
    expect(item).toMatchObject({ kind: 'order', orderId: 'A-3', amount: 12.5, who: {} });
  });

  it('rejects an unreadable amount naming its column', () => {
    const error = rejection(() => normaliseRow(row({ orderId: 'A-5', crmId: '1', amount: 'viel' }), ctx('orders')));
    expect(error.message).toBe('amount: not a number: "viel"');
    expect(error.column).toBe(3);
  });

  it('rejects an amount, quantity or unit price beyond a trillion, naming the column as the file does', () => {
    const header = ['Order', 'Kunde', 'Menge', 'Preis', 'Betrag'];
    const withHeader = ctx('orders', { header });
    const price = rejection(() => normaliseRow(row({ orderId: 'A-6', crmId: '1', quantity: '2', unitPrice: '1e308' }), withHeader));
    expect(price.message).toBe('unitPrice: "1e308" in column "Preis" is beyond ±1,000,000,000,000, more than any order line is worth');
    expect(price.column).toBe(4);
    const amount = rejection(() => normaliseRow(row({ orderId: 'A-7', crmId: '1', amount: '-2e12' }), ctx('orders')));
    expect(amount.message).toBe('amount: "-2e12" in column "amount" is beyond ±1,000,000,000,000, more than any order line is worth');
    const quantity = rejection(() => normaliseRow(row({ orderId: 'A-8', crmId: '1', quantity: '1e300', unitPrice: '0' }), withHeader));
    expect(quantity.message).toMatch(/^quantity: "1e300" in column "Menge" is beyond/);
    // A number too large for any number is no number at all.
    expect(rejection(() => normaliseRow(row({ orderId: 'A-9', crmId: '1', amount: '1e400' }), ctx('orders'))).message).toBe(
      'amount: not a number: "1e400" (too large for any number)',
    );
  });

  it('rejects a line whose quantity × unit price is beyond a trillion, naming both columns; a trillion itself is an order', () => {
    const error = rejection(() => normaliseRow(row({ orderId: 'A-6', crmId: '1', quantity: '10000000', unitPrice: '1000000' }), ctx('orders', { header: ['Order', 'Kunde', 'Menge', 'Preis'] })));
    expect(error.message).toBe('unitPrice: quantity × unit price ("10000000" × "1000000" in columns "Menge" and "Preis") is beyond ±1,000,000,000,000, more than any order line is worth');
    expect(error.column).toBe(4);
    const [order] = normaliseRow(row({ orderId: 'A-6', crmId: '1', quantity: '1000000', unitPrice: '1000000' }), ctx('orders')).events;
    expect(order!.amount).toBe(1e12);
  });

  it('in lenient reading (thick annotate) leaves a value beyond a trillion empty with a note instead', () => {
    const notes: LenientNote[] = [];
    const { events } = normaliseRow(row({ orderId: 'A-6', crmId: '1', quantity: '1e300', unitPrice: '2', amount: '5' }), ctx('orders', { lenient: true, onLenient: (n) => notes.push(n) }));
    expect(notes.map((n) => [n.field, n.reason])).toEqual([['quantity', '"1e300" in column "quantity" is beyond ±1,000,000,000,000, more than any order line is worth']]);
    expect(events[0]!.amount).toBe(5);
  });
});

describe('tickets', () => {
  it('turns a first-reply time into an outbound reply that answers the ticket', () => {
    const { events } = normaliseRow(
      row({ messageId: '4711', email: 'c@x.de', date: '2024-03-01T10:00:00Z', subject: 'Paket fehlt', text: 'Wo ist mein Paket?', firstReplyAt: '2024-03-01T12:30:00Z' }),
      ctx('tickets'),
    );
    expect(events).toHaveLength(2);
    const [ticket, reply] = events;
    expect(ticket).toMatchObject({ kind: 'ticket', messageId: 'ticket:4711', text: 'Wo ist mein Paket?', channel: 'email', direction: 'inbound' });
    expect(reply).toMatchObject({ kind: 'message', direction: 'outbound', replyTo: 'ticket:4711', id: 'in.csv:2#reply' });
    expect(reply!.at?.toISOString()).toBe('2024-03-01T12:30:00.000Z');
  });

  it('computes the reply time from minutes after creation, and falls back to the subject for text', () => {
    const { events } = normaliseRow(row({ messageId: '12', email: 'c@x.de', date: '2024-03-01T10:00:00Z', subject: 'Rechnung', firstReplyMinutes: '90' }), ctx('tickets'));
    expect(events[0]!.text).toBe('Rechnung');
    expect(events[1]!.at?.toISOString()).toBe('2024-03-01T11:30:00.000Z');
  });

  it('rejects a number of reply minutes that leads past any date, naming its column', () => {
    const error = rejection(() => normaliseRow(row({ messageId: '12', email: 'c@x.de', date: '2024-03-01T10:00:00Z', subject: 'Rechnung', firstReplyMinutes: '1e308' }), ctx('tickets', { header: ['Id', 'Mail', 'Erstellt', 'Betreff', 'Erste Antwort (Minuten)'] })));
    expect(error.message).toBe('firstReplyMinutes: "1e308" minutes in column "Erste Antwort (Minuten)" lead past any date');
    expect(error.column).toBe(5);
  });

  it('has no reply event without a reply time, and names the ticket by its row when it has no id', () => {
    const { events } = normaliseRow(row({ email: 'c@x.de', subject: 'Frage' }, 7), ctx('tickets'));
    expect(events).toHaveLength(1);
    expect(events[0]!.messageId).toBe('ticket:in.csv:7');
  });
});

describe('social', () => {
  it('reads a customer comment as inbound, with ids in the channel of its platform', () => {
    const { events } = normaliseRow(row({ messageId: '1', platform: 'IG', handle: '@Kunde_1', text: 'Toll!', replyTo: '0' }), ctx('social'));
    expect(events[0]).toMatchObject({ kind: 'post', direction: 'inbound', channel: 'instagram', who: { handle: 'kunde_1' }, messageId: 'instagram:1', replyTo: 'instagram:0', author: null });
  });

  it('reads a post marked inbound=false as the brand\'s, without a customer', () => {
    const { events } = normaliseRow(row({ messageId: '2', handle: 'BrandSupport', text: 'Danke!', replyTo: '1', inbound: 'False' }), ctx('social'));
    expect(events[0]).toMatchObject({ direction: 'outbound', who: {}, author: 'brandsupport', messageId: 'social:2', replyTo: 'social:1' });
  });

  it('reads a post by one of the brand handles as the brand\'s', () => {
    const brand = ctx('social', { brandHandles: new Set(['kaffee_nord']) });
    expect(normaliseRow(row({ handle: '@Kaffee_Nord', text: 'Gern!' }), brand).events[0]).toMatchObject({ direction: 'outbound', author: 'kaffee_nord', who: {} });
    expect(normaliseRow(row({ handle: '@someone', text: 'Hm' }), brand).events[0]).toMatchObject({ direction: 'inbound', who: { handle: 'someone' } });
  });

  it('rejects a comment without an author', () => {
    expect(rejection(() => normaliseRow(row({ text: 'anonym' }), ctx('social'))).message).toBe('comment has no author handle');
  });
});

describe('notes', () => {
  it('attaches a customer note with the analyst\'s codes, lower-cased and de-duplicated', () => {
    const { events, contextEvents } = normaliseRow(
      row({ crmId: 'anna@example.de', date: '2024-02-01', author: 'Mara', text: 'Wartet seit Wochen', codes: 'Pain.Waiting, pain.waiting; Role.Advocate' }),
      ctx('notes'),
    );
    expect(contextEvents).toEqual([]);
    expect(events[0]).toMatchObject({ kind: 'note', direction: 'internal', channel: 'note', who: { email: 'anna@example.de' }, author: 'Mara', text: 'Wartet seit Wochen' });
    expect(events[0]!.analystCodes).toEqual([
      { code: 'pain.waiting', quote: 'Wartet seit Wochen', source: { file: 'in.csv', line: 2 }, by: { kind: 'analyst', id: 'Mara' }, confidence: 1 },
      { code: 'role.advocate', quote: 'Wartet seit Wochen', source: { file: 'in.csv', line: 2 }, by: { kind: 'analyst', id: 'Mara' }, confidence: 1 },
    ]);
  });

  it('makes a note without a customer a context event over its window, through the end of the last day', () => {
    const { events, contextEvents } = normaliseRow(row({ date: '2024-03-04', until: '2024-03-08', author: 'Mara', text: 'Streik bei DHL' }), ctx('notes'));
    expect(events).toEqual([]);
    expect(contextEvents).toHaveLength(1);
    expect(contextEvents[0]!.from.toISOString()).toBe('2024-03-04T00:00:00.000Z');
    expect(contextEvents[0]!.until.toISOString()).toBe('2024-03-08T23:59:59.999Z');
    expect(contextEvents[0]).toMatchObject({ note: 'Streik bei DHL', author: 'Mara' });
  });

  it('makes a context event without until last the whole day', () => {
    const { contextEvents } = normaliseRow(row({ date: '2024-03-04', text: 'Relaunch' }), ctx('notes'));
    expect(contextEvents[0]!.until.toISOString()).toBe('2024-03-04T23:59:59.999Z');
    expect(contextEvents[0]!.author).toBeNull();
  });

  it('rejects a window that ends before it starts, naming the until column', () => {
    const error = rejection(() => normaliseRow(row({ date: '2024-03-08', until: '2024-03-04', text: 'falsch herum' }), ctx('notes')));
    expect(error.message).toBe('context window ends before it starts');
    expect(error.column).toBe(2);
  });

  it('rejects an empty note and one with neither customer nor date', () => {
    expect(rejection(() => normaliseRow(row({ crmId: '1', date: '2024-03-04' }), ctx('notes'))).message).toBe('note is empty');
    expect(rejection(() => normaliseRow(row({ text: 'irgendwann' }), ctx('notes'))).message).toBe('note has neither a customer nor a date, so it cannot be placed');
  });
});

describe('generic messages', () => {
  it('keeps whatever identity and text the row has, with ids in its channel', () => {
    const { events } = normaliseRow(row({ messageId: '9', channel: 'E-Mail', email: 'd@x.de', text: 'Hallo', replyTo: '8', date: '2024-05-01 10:00' }), ctx('messages'));
    expect(events[0]).toMatchObject({ kind: 'message', channel: 'email', direction: 'inbound', who: { email: 'd@x.de' }, text: 'Hallo', messageId: 'email:9', replyTo: 'email:8' });
    expect(events[0]!.at?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
  });

  it('reads a row with only text, in the preset\'s channel and without ids', () => {
    const { events } = normaliseRow(row({ text: 'nur Text' }), ctx('messages'));
    expect(events[0]).toMatchObject({ channel: 'message', who: {}, messageId: null, replyTo: null, at: null });
  });

  it('never lets a ticket id meet a tweet id of the same number', () => {
    const ticket = normaliseRow(row({ messageId: '1', email: 'a@x.de', subject: 'x' }), ctx('tickets')).events[0]!;
    const tweet = normaliseRow(row({ messageId: '1', handle: 'a', text: 'x' }), ctx('social', { channel: 'twitter' })).events[0]!;
    expect(ticket.messageId).not.toBe(tweet.messageId);
  });
});

describe('lenient reading (thick annotate)', () => {
  it('rejects an unreadable date or number by default', () => {
    const error = rejection(() => normaliseRow(row({ text: 'Hallo', date: 'yesterday' }), ctx('messages')));
    expect(error.message).toBe('date: not a date: "yesterday"');
    expect(error.column).toBe(2);
  });

  it('reads it as empty when lenient, and reports where and why', () => {
    const notes: LenientNote[] = [];
    const lenient = ctx('messages', { lenient: true, onLenient: (n) => notes.push(n) });
    const { events } = normaliseRow(row({ text: 'Hallo', date: '31.04.2024' }, 5), lenient);
    expect(events[0]).toMatchObject({ text: 'Hallo', at: null });
    expect(notes).toEqual([{ line: 5, column: 2, field: 'date', value: '31.04.2024', reason: expect.stringContaining('impossible date "31.04.2024"') }]);
  });

  it('still rejects a row that lacks what its kind needs once the bad value is gone', () => {
    const lenient = ctx('orders', { lenient: true });
    expect(rejection(() => normaliseRow(row({ orderId: 'A', crmId: '1', amount: 'viel' }), lenient)).message).toBe(
      'order line has neither quantity × unit price nor an amount',
    );
  });
});
