import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildProfiles } from '../profile/index.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import type { CodeInfo } from './codes.js';
import { customersCsv } from './customers-csv.js';

const codes = new Map<string, CodeInfo>([
  ['pain.waiting', { id: 'pain.waiting', category: 'pain', label: { en: 'Waiting', de: 'Warten' } }],
  ['longing.dream', { id: 'longing.dream', category: 'longing', label: { en: 'Dream', de: 'Traum' }, experimental: true }],
  ['dialog.praise', { id: 'dialog.praise', category: 'dialog', label: { en: 'Praise', de: 'Lob' } }],
]);

const waiting = (line: number) => ({ code: 'pain.waiting', quote: 'warte', source: { file: 't.csv', line }, by: { kind: 'rule' as const, id: 'pain.waiting/word' }, confidence: 0.8 });

function run() {
  const jörg = makeCustomer({ key: '7', crmId: '7', name: 'Jörg Müller-Lüdenscheidt', emails: ['j@example.org'] });
  const attacker = makeCustomer({ key: '8', crmId: '8', name: "=cmd|' /C calc'!A0", emails: ['x@example.org'], contact: null });
  const events = [
    makeEvent({ customerKey: '7', kind: 'order', orderId: 'A1', amount: 1234.5, channel: 'shop', expectsReply: false, at: new Date('2024-03-01T00:00:00Z') }),
    makeEvent({ customerKey: '7', text: 'Ich warte seit drei Wochen, das ist ärgerlich.', sentiment: { label: 'negative', score: -0.5 }, lang: 'de', annotations: [waiting(3)] }),
    makeEvent({ customerKey: '7', kind: 'review', channel: 'google-play', expectsReply: false, rating: { value: 2, scale: 'stars5' }, text: 'Immer noch warten.', annotations: [waiting(4)] }),
    makeEvent({ customerKey: '8', kind: 'post', channel: 'instagram', expectsReply: false, text: 'hi', at: new Date('2024-04-01T00:00:00Z') }),
  ];
  return buildProfiles([jörg, attacker], events, { ordersKnown: true, socialKnown: true });
}

/** Read back as pandas' read_csv does by default: BOM stripped, first line the header, every cell a string to convert. */
const readBack = (csv: string): Record<string, string>[] => parse(csv, { bom: true, columns: true });

describe('customers.csv', () => {
  const csv = customersCsv(run(), codes);
  const rows = readBack(csv);
  const byId = new Map(rows.map((r) => [r.id, r]));

  it('starts with a byte-order mark, so Excel reads the umlauts', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(byId.get('7')!.name).toBe('Jörg Müller-Lüdenscheidt');
  });

  it('has one wide row per customer, who needs attention first on top, and the columns R and pandas expect', () => {
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.rank)).toEqual(['1', '2']);
    expect(Object.keys(rows[0]!)).toEqual([
      'rank', 'id', 'name', 'slug', 'stage', 'attention', 'first_contact', 'last_contact', 'channels',
      'records.ticket', 'records.message', 'records.post', 'records.review', 'records.survey', 'orders', 'revenue',
      'rfm.recency', 'rfm.frequency', 'rfm.monetary', 'dialog.inbound', 'dialog.outbound', 'dialog.answered',
      'dialog.unanswered', 'dialog.still_open', 'dialog.median_response_minutes', 'sentiment.mean', 'sentiment.n',
      'rating.latest', 'rating.mean', 'rating.n', 'rating.scale', 'pain.waiting', 'dialog.praise', 'blind_spots',
    ]);
  });

  it('writes numbers in plain "." notation and unknown figures as empty cells', () => {
    const jörg = byId.get('7')!;
    expect(Number(jörg.revenue)).toBe(1234.5);
    expect(jörg.revenue).toBe('1234.5');
    expect(jörg['sentiment.mean']).toBe('-0.5');
    expect(jörg['rating.latest']).toBe('2');
    expect(jörg['rating.scale']).toBe('stars5');
    expect(jörg['pain.waiting']).toBe('2');
    expect(jörg['dialog.praise']).toBe('0');
    expect(jörg['records.message']).toBe('1');
    expect(jörg['records.review']).toBe('1');
    expect(jörg.channels).toBe('email:1;google-play:1;shop:1');
    expect(jörg.first_contact).toBe('2024-03-01T00:00:00.000Z');
    const other = byId.get('8')!;
    // No rating, no reply to time, no text to read the tone of: unknown, not 0.
    expect(other['rating.latest']).toBe('');
    expect(other['rating.mean']).toBe('');
    expect(other['dialog.median_response_minutes']).toBe('');
    expect(other['sentiment.mean']).toBe('');
    expect(other['rating.n']).toBe('0');
  });

  it('keeps a name that starts like a formula from running in a spreadsheet', () => {
    expect(byId.get('8')!.name).toBe("'=cmd|' /C calc'!A0");
  });

  it('lists the blind spots by key', () => {
    expect(byId.get('8')!.blind_spots!.split(';')).toContain('noOrders');
  });

  it('adds an experimental code only where it was found, and codes the codebook does not know after its own', () => {
    const [one] = run();
    one!.profile.codes = { ...one!.profile.codes, 'longing.dream': 1, 'x.analyst-own': 2 };
    const header = Object.keys(readBack(customersCsv([one!], codes))[0]!);
    expect(header.slice(-5)).toEqual(['pain.waiting', 'longing.dream', 'dialog.praise', 'x.analyst-own', 'blind_spots']);
  });

  it('has nothing but plain numbers or empty cells in its figure columns', () => {
    const numeric = Object.keys(rows[0]!).filter((c) => !['id', 'name', 'slug', 'stage', 'first_contact', 'last_contact', 'channels', 'rating.scale', 'blind_spots'].includes(c));
    for (const row of rows) for (const column of numeric) expect(row[column], column).toMatch(/^(-?\d+(\.\d+)?)?$/);
  });
});
