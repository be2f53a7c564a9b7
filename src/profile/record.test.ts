import { describe, expect, it } from 'vitest';
import { makeCustomer, makeEvent } from '../test-support.js';
import { buildProfiles, profileRun } from './index.js';
import { dataText, jsonText, parseData } from './record.js';
import { customerRow, customerSaidOf } from './row.js';

describe("a customer's row as text and back (a line of a shard's customers.jsonl)", () => {
  const customer = makeCustomer({ key: 'k1', crmId: 'k1' });
  const events = [
    makeEvent({ id: 'in.csv:2', customerKey: 'k1', text: 'Where is my parcel?', at: new Date('2024-05-01T10:00:00Z'), messageId: 'm1' }),
    makeEvent({ id: 'in.csv:3', customerKey: 'k1', direction: 'outbound', text: 'On its way!', at: new Date('2024-05-01T12:00:00Z'), replyTo: 'm1' }),
    makeEvent({ id: 'in.csv:4', customerKey: 'k1', text: 'Undated and still waiting', at: null }),
  ];
  const { profiled, run } = profileRun([customer], events, { ordersKnown: false, socialKnown: false });
  const subject = profiled[0]!;

  it('keeps every field, dates as Dates, and holds none of the records', () => {
    const line = { order: 7, row: customerRow(subject, { since: new Date('2024-05-01T11:00:00Z') }), said: customerSaidOf(subject) };
    const text = dataText(line);
    expect(text).not.toContain('\n');
    const back = parseData(text) as typeof line;
    expect(back).toEqual(line);
    expect(back.row.asOf).toBeInstanceOf(Date);
    expect(back.said.said[0]!.at).toEqual(new Date('2024-05-01T10:00:00Z'));
    // The brand's reply lies in the window, the message before it; the undated record is placed nowhere.
    expect(back.row.window).toEqual({ inWindow: 1, before: 1, undated: 1, isNew: false });
    expect(back.row.state.open).toHaveLength(1);
    expect(Object.keys(back.row)).not.toContain('events');
  });

  it('keeps what JSON cannot spell: NaN, infinities, -0 and an invalid date', () => {
    const back = parseData(dataText({ a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0, d: new Date(Number.NaN), e: [1, 'x'] })) as Record<string, unknown>;
    expect(back.a).toBeNaN();
    expect(back.b).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(back.c, -0)).toBe(true);
    expect(Number.isNaN((back.d as Date).getTime())).toBe(true);
    expect(back.e).toEqual([1, 'x']);
  });
});

describe('profiling one shard of the run', () => {
  it('gives each chosen customer the profile the whole run gives them: RFM, slugs and the reference date are the run\'s', () => {
    const customers = ['a', 'b', 'c', 'd', 'e', 'f'].map((key) => makeCustomer({ key, crmId: key, name: 'Kim Weber' }));
    const events = customers.flatMap((c, i) => [
      makeEvent({ id: `o${i}`, customerKey: c.key, kind: 'order', orderId: `o${i}`, amount: 10 * (i + 1), at: new Date(Date.UTC(2024, i, 1)) }),
      makeEvent({ id: `t${i}`, customerKey: c.key, text: 'Danke!', at: new Date(Date.UTC(2024, i, 2)) }),
    ]);
    const options = { ordersKnown: true, socialKnown: false };
    const all = buildProfiles(customers, events, options);
    const some = buildProfiles(customers, events, options, (key) => key === 'b' || key === 'e');
    // Signals are functions (of the same codes): everything else must be equal.
    const data = ({ signals: _signals, ...rest }: (typeof all)[number]) => rest;
    expect(some.map(data)).toEqual([all[1]!, all[4]!].map(data));
    expect(new Set(all.map((s) => s.profile.slug)).size).toBe(6);
  });
});

describe('jsonText', () => {
  it('escapes DEL, C1 and U+2028/U+2029 as \\uXXXX, and the text parses back the same', () => {
    const value = { text: 'a\x1b[2J b\x7f c\u0085 d\u009b e\u2028 f\u2029 g\u00a0 h\u00e4' };
    const text = jsonText(value);
    expect(text).toBe('{"text":"a\\u001b[2J b\\u007f c\\u0085 d\\u009b e\\u2028 f\\u2029 g\u00a0 h\u00e4"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('writes what JSON.stringify writes where no such character is, indented or not', () => {
    const value = { a: [1, 'zwei', null], b: { c: 'Grüße 🙂' } };
    expect(jsonText(value)).toBe(JSON.stringify(value));
    expect(jsonText(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('is what dataText writes too, which keeps its dates and odd numbers', () => {
    const value = { at: new Date(0), n: -0, text: 'x\u009by' };
    const text = dataText(value);
    expect(text).not.toMatch(/[\x7f-\x9f]/);
    expect(parseData(text)).toEqual(value);
  });
});
