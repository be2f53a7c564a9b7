// What each row becomes: reviews and survey answers with their rating, the brand's reply written beside them,
// generic rows whose direction, kind or amount say what they are, and the identity on a row (placeholders, NFC).
import { describe, expect, it } from 'vitest';
import { normaliseRow, RowError, type LenientNote, type RowContext } from './normalise.js';
import type { Field, MappedRow, RecordKind } from './preset.js';

function row(cells: Partial<Record<Field, string>>, line = 2): MappedRow {
  const columns: MappedRow['columns'] = {};
  Object.keys(cells).forEach((field, i) => (columns[field as Field] = i + 1));
  return { line, raw: Object.values(cells).join(','), cells, columns };
}

const ctx = (kind: RecordKind, extra: Partial<RowContext> = {}): RowContext => ({
  file: 'in.csv',
  kind,
  channel: kind === 'reviews' ? 'review' : 'message',
  dateOrders: {},
  decimals: {},
  brandHandles: new Set(),
  ...extra,
});

function rejection(fn: () => unknown): RowError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
  throw new Error('expected a RowError');
}

describe('reviews and survey answers', () => {
  const reviews = ctx('reviews', { rating: 'stars5', recordKind: 'review', channel: 'amazon' });

  it('keeps the rating per record, puts the title before the text, and expects no reply', () => {
    const { events } = normaliseRow(row({ messageId: '103', crmId: 'A9QZ', rating: '1', subject: 'Tastes like cardboard', text: 'Stale.<br />Never again.', date: '939945600' }), reviews);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'review',
      channel: 'amazon',
      direction: 'inbound',
      rating: { value: 1, scale: 'stars5' },
      text: 'Tastes like cardboard. Stale.\nNever again.',
      messageId: 'amazon:103',
      expectsReply: false,
    });
    expect(events[0]!.at?.toISOString()).toBe('1999-10-15T00:00:00.000Z');
  });

  it('makes the brand\'s reply in the same row its own outbound event answering the review, never the customer\'s voice', () => {
    const { events } = normaliseRow(
      row({ messageId: 'r-1', name: 'Petra Sommer', rating: '2', text: 'Login geht nicht.', date: '2025-03-05 07:05:00', reply: 'Das tut uns leid &amp; wir helfen.', firstReplyAt: '2025-03-05 09:30:00' }),
      reviews,
    );
    expect(events.map((e) => [e.kind, e.direction, e.text])).toEqual([
      ['review', 'inbound', 'Login geht nicht.'],
      ['post', 'outbound', 'Das tut uns leid & wir helfen.'],
    ]);
    expect(events[1]).toMatchObject({ replyTo: 'amazon:r-1', expectsReply: false, rating: null, channel: 'amazon' });
    expect(events[1]!.at?.toISOString()).toBe('2025-03-05T09:30:00.000Z');
  });

  it('reads a survey file\'s rows as survey answers, and a row that gives only a rating is still one', () => {
    const { events } = normaliseRow(row({ messageId: 'x1', orderId: 'o-7', rating: '4' }), ctx('reviews', { rating: 'stars5', recordKind: 'survey' }));
    expect(events[0]).toMatchObject({ kind: 'survey', text: null, rating: { value: 4, scale: 'stars5' }, orderId: 'o-7', who: {} });
  });

  it('rejects a rating off the scale naming its column, or reads it as empty in lenient mode', () => {
    const error = rejection(() => normaliseRow(row({ name: 'Jo', text: 'ok', rating: '7' }), reviews));
    expect(error.message).toBe('rating: 7 is outside the 1–5 stars scale');
    expect(error.column).toBe(3);
    const notes: LenientNote[] = [];
    const { events } = normaliseRow(row({ name: 'Jo', text: 'ok', rating: '7' }), { ...reviews, lenient: true, onLenient: (n) => notes.push(n) });
    expect(events[0]!.rating).toBeNull();
    expect(notes.map((n) => [n.field, n.column])).toEqual([['rating', 3]]);
  });

  it('rejects a review with neither a text nor a rating', () => {
    expect(rejection(() => normaliseRow(row({ name: 'Jo', date: '2024-01-01' }), reviews)).message).toBe('review has neither a text nor a rating');
  });
});

describe('generic rows: direction, kind and amount', () => {
  it('reads a direction column: outbound rows are the brand\'s words, kept with the customer they were written to', () => {
    const read = (direction: string) => normaliseRow(row({ crmId: 'K-1', direction, text: 'Hallo' }), ctx('messages')).events[0]!;
    for (const value of ['outbound', 'OUT', 'agent', 'ausgehend']) expect(read(value)).toMatchObject({ direction: 'outbound', expectsReply: false, who: { crmId: 'K-1' } });
    for (const value of ['inbound', 'in', 'customer', 'eingehend']) expect(read(value)).toMatchObject({ direction: 'inbound', expectsReply: true });
    expect(rejection(() => read('sideways')).message).toMatch(/^direction: unknown direction "sideways"/);
  });

  it('makes a row with an amount and no text, or one its kind column calls an order, an order', () => {
    const decimals = { amount: ',' as const };
    const noText = normaliseRow(row({ crmId: 'K-1', amount: '12,90', date: '2024-05-01' }), ctx('messages', { decimals })).events[0]!;
    expect(noText).toMatchObject({ kind: 'order', amount: 12.9, expectsReply: false });
    const declared = normaliseRow(row({ crmId: 'K-1', kind: 'Bestellung', amount: '30', text: '2 × Espresso', orderId: 'B-9' }), ctx('messages')).events[0]!;
    expect(declared).toMatchObject({ kind: 'order', amount: 30, orderId: 'B-9', text: '2 × Espresso' });
    const refund = normaliseRow(row({ crmId: 'K-1', kind: 'refund', amount: '30', orderId: 'B-9' }), ctx('messages')).events[0]!;
    expect(refund).toMatchObject({ kind: 'order', amount: -30 });
    // With text and no kind column, an amount does not make a message an order.
    expect(normaliseRow(row({ crmId: 'K-1', amount: '30', text: 'Wo bleibt mein Geld?' }), ctx('messages')).events[0]!.kind).toBe('message');
  });

  it('reads other kinds a kind column names; an unknown one rejects the row naming the column, as an unknown direction does', () => {
    const kind = (value: string) => normaliseRow(row({ crmId: 'K-1', kind: value, text: 't' }), ctx('messages')).events[0]!;
    expect(kind('Ticket')).toMatchObject({ kind: 'ticket', expectsReply: true });
    expect(kind('review')).toMatchObject({ kind: 'review', expectsReply: false });
    expect(kind('NPS')).toMatchObject({ kind: 'survey', expectsReply: false });
    expect(kind('Notiz')).toMatchObject({ kind: 'note', direction: 'internal', expectsReply: false });
    expect(kind('')).toMatchObject({ kind: 'message' });
    const error = rejection(() => kind('question'));
    expect(error.message).toMatch(/^kind: unknown kind "question" \(expected order, refund, ticket/);
    expect(error.column).toBe(2);
    expect(rejection(() => normaliseRow(row({ crmId: 'K-1', kind: 'Gutschein', text: 't' }), ctx('reviews', { recordKind: 'review' }))).message).toMatch(/^kind: unknown kind "Gutschein"/);
  });

  it('marks a refund as money paid back, so it is no order of its own', () => {
    const refund = normaliseRow(row({ crmId: 'K-1', kind: 'Erstattung', amount: '12.5' }), ctx('messages')).events[0]!;
    expect(refund).toMatchObject({ kind: 'order', amount: -12.5, orderId: null, refund: true });
  });

  it('lists the replies a message names (TWCS response_tweet_id "5,7") in its channel', () => {
    const { events } = normaliseRow(row({ messageId: '3', handle: 'jonas_w', text: '@Brand help', replies: '5,7' }), ctx('social', { channel: 'twitter' }));
    expect(events[0]!.replies).toEqual(['twitter:5', 'twitter:7']);
    expect(events[0]!.unseenReplies).toBe(0); // counted by linking, which knows what is in the data
  });
});

describe('identity on a row', () => {
  it('keeps a placeholder author as such, never as a name or handle that could join', () => {
    const review = normaliseRow(row({ name: 'Ein Google-Nutzer', text: 'ok', rating: '3' }), ctx('reviews', { rating: 'stars5' })).events[0]!;
    expect(review.who).toEqual({ placeholder: 'Ein Google-Nutzer' });
    const withId = normaliseRow(row({ crmId: 'A1', name: 'amazon customer', text: 'ok' }), ctx('messages')).events[0]!;
    expect(withId.who).toEqual({ crmId: 'A1', placeholder: 'amazon customer' });
    const handle = normaliseRow(row({ handle: '@Guest', text: 'hi' }), ctx('social')).events[0]!;
    expect(handle.who).toEqual({ placeholder: 'Guest' });
  });

  it('normalises keys to NFC, and decodes entities in names', () => {
    const decomposed = normaliseRow(row({ name: 'Ju\u0308rgen Kahl', email: 'Ju\u0308rgen@Example.de', text: 'x' }), ctx('messages')).events[0]!;
    expect(decomposed.who).toMatchObject({ name: 'Jürgen Kahl', email: 'jürgen@example.de' });
    expect(normaliseRow(row({ crmId: 'A3', name: 'Ben &amp; Jo', text: 'x' }), ctx('messages')).events[0]!.who.name).toBe('Ben & Jo');
  });

  it('keeps a placeholder in an id or e-mail column ("N/A", "0", "-", keine@angabe.de) as such, never as a key', () => {
    const who = (cells: Partial<Record<Field, string>>) => normaliseRow(row({ ...cells, text: 'Hallo' }), ctx('messages')).events[0]!.who;
    expect(who({ crmId: 'N/A' })).toEqual({ placeholderId: 'N/A' });
    expect(who({ crmId: '0', email: '-' })).toEqual({ placeholderId: '0' });
    expect(who({ crmId: '000', name: 'Eva Roth' })).toEqual({ placeholderId: '000', name: 'Eva Roth' });
    expect(who({ email: 'keine@angabe.de' })).toEqual({ placeholderId: 'keine@angabe.de' });
    expect(who({ email: 'NoReply@shop.example', crmId: 'K-4' })).toEqual({ crmId: 'K-4', placeholderId: 'NoReply@shop.example' });
    expect(who({ crmId: 'unknown', email: 'eva@example.org' })).toEqual({ placeholderId: 'unknown', email: 'eva@example.org', asWritten: 'eva@example.org' });
    expect(who({ crmId: 'null' })).toEqual({ placeholderId: 'null' });
    expect(who({ crmId: '10', email: 'nadja@example.org' })).toMatchObject({ crmId: '10', email: 'nadja@example.org' });
    expect(rejection(() => normaliseRow(row({ crmId: 'N/A', name: 'Eva Roth', city: 'Kiel' }), ctx('contacts'))).message).toBe(
      'contact has no customer id, email or social handle ("N/A" is a placeholder that identifies nobody)',
    );
    expect(rejection(() => normaliseRow(row({ crmId: '-', text: 'Rückruf', author: 'Jo' }), ctx('notes'))).message).toBe('note names the customer "-", a placeholder that identifies nobody');
  });

  it('reads a second id of the person as an alias', () => {
    const { contacts } = normaliseRow(row({ crmId: 'p-anna', altId: 'c-001', city: 'hamburg' }), ctx('contacts'));
    expect(contacts[0]!.keys).toMatchObject({ crmId: 'p-anna', altId: 'c-001' });
  });
});
