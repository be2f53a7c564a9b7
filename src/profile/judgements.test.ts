import { describe, expect, it } from 'vitest';
import { annotateEvent, type AnnotateContext } from '../annotate/index.js';
import { readingsAnnotator } from '../annotate/readings.js';
import type { Customer, Event } from '../model.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import { buildProfiles, byAttention, profileRun } from './index.js';
import { liftCommonGaps } from './judgements.js';
import { say, type Finding } from './wording.js';

const asOf = new Date('2024-07-01T00:00:00Z');
const person = (key: string, extra: Partial<Customer> = {}): Customer => makeCustomer({ key, crmId: null, emails: [], contact: null, name: null, ...extra });
const on = (day: string) => new Date(`${day}T12:00:00Z`);

function happyReviews(key: string, n: number): Event[] {
  return Array.from({ length: n }, (_, i) =>
    makeEvent({
      customerKey: key,
      kind: 'review',
      channel: 'web',
      expectsReply: false,
      rating: { value: 5, scale: 'stars5' },
      at: on(`2024-06-${String(i + 1).padStart(2, '0')}`),
      text: 'Wunderbar, wie immer!',
      lang: 'de',
      sentiment: { label: 'positive', score: 0.8 },
    }),
  );
}

describe('attention', () => {
  it('puts an open question and a fresh one-star review above fifteen happy reviews', () => {
    const events = [
      ...happyReviews('fan', 15),
      makeEvent({ customerKey: 'asker', text: 'Wann kommt meine Bestellung?', at: on('2024-06-28'), lang: 'de', sentiment: { label: 'neutral', score: 0 } }),
      makeEvent({ customerKey: 'critic', kind: 'review', channel: 'web', expectsReply: false, rating: { value: 1, scale: 'stars5' }, at: on('2024-06-25'), text: 'Nie wieder.', lang: 'de', sentiment: { label: 'negative', score: -0.6 } }),
    ];
    const profiled = buildProfiles([person('fan'), person('asker'), person('critic')], events, { ordersKnown: false, socialKnown: false, asOf, repliesKnown: true });
    const order = [...profiled].sort(byAttention).map((p) => p.profile.id);
    expect(order.at(-1)).toBe('fan');
    const critic = profiled.find((p) => p.profile.id === 'critic')!;
    expect(critic.profile.attentionReasons).toEqual(expect.arrayContaining(['1 critical record without a reply', 'rated ★☆☆☆☆ 1/5', 'at risk']));
  });

  it('puts a critical review nobody answered above a fresher one the brand already answered', () => {
    const review = (key: string, day: string, id: string) =>
      makeEvent({ customerKey: key, kind: 'review', channel: 'web', expectsReply: false, messageId: id, rating: { value: 1, scale: 'stars5' }, at: on(day), text: 'Nie wieder.', lang: 'de', sentiment: { label: 'negative', score: -0.6 } });
    const events = [
      review('answered', '2024-06-25', 'r1'),
      makeEvent({ customerKey: 'answered', direction: 'outbound', kind: 'review', channel: 'web', replyTo: 'r1', text: 'Das tut uns leid, wir melden uns.', at: on('2024-06-26') }),
      review('ignored', '2024-05-10', 'r2'),
    ];
    const profiled = buildProfiles([person('answered'), person('ignored')], events, { ordersKnown: false, socialKnown: false, asOf, repliesKnown: true });
    expect([...profiled].sort(byAttention).map((p) => p.profile.id)).toEqual(['ignored', 'answered']);
  });

  it('says "negative tone" of their words only, never of a rating alone', () => {
    const ratedOnly = makeEvent({ customerKey: 'r', kind: 'survey', channel: 'web', expectsReply: false, rating: { value: 1, scale: 'stars5' }, at: on('2024-06-25'), text: null });
    const kindWords = makeEvent({ customerKey: 'k', kind: 'review', channel: 'web', expectsReply: false, rating: { value: 1, scale: 'stars5' }, at: on('2024-06-25'), text: 'Lovely people, sadly the box broke.', lang: 'en', sentiment: { label: 'positive', score: 0.5 } });
    const profiled = buildProfiles([person('r'), person('k')], [ratedOnly, kindWords], { ordersKnown: false, socialKnown: false, asOf });
    for (const p of profiled) {
      expect(p.profile.attentionReasons).toContain('rated ★☆☆☆☆ 1/5');
      expect(p.profile.attentionReasons).not.toContain('negative tone');
    }
  });

  it('calls nothing "not replied to" in a run that cannot show replies at all', () => {
    const critical = makeEvent({ customerKey: 'critic', kind: 'review', channel: 'web', expectsReply: false, rating: { value: 1, scale: 'stars5' }, at: on('2024-06-25'), text: 'Nie wieder.', lang: 'de', sentiment: { label: 'negative', score: -0.6 } });
    // An Amazon-like export: no reply column, no reply in it.
    const [blind] = buildProfiles([person('critic')], [critical], { ordersKnown: false, socialKnown: false, asOf });
    expect(blind!.profile.attentionReasons.join(' ')).not.toMatch(/not replied to/);
    expect(blind!.profile.attentionReasons).toContain('rated ★☆☆☆☆ 1/5');
    // One brand reply anywhere in the run shows that replies would be seen.
    const elsewhere = makeEvent({ customerKey: 'other', direction: 'outbound', kind: 'review', channel: 'web', text: 'Danke!', at: on('2024-06-20') });
    const [seen] = buildProfiles([person('critic'), person('other')], [critical, elsewhere], { ordersKnown: false, socialKnown: false, asOf });
    expect(seen!.profile.attentionReasons).toContain('1 critical record without a reply');
  });

  it('counts an open question by a question of their own, never by a question mark inside a link', () => {
    const read = (text: string) => annotateEvent(makeEvent({ customerKey: 'a', text, at: on('2024-06-28'), lang: 'de' }), {} as AnnotateContext, [readingsAnnotator]);
    const withLink = buildProfiles([person('a')], [read('Rechnung doppelt, Beleg: https://shop.example/beleg?id=4711')], { ordersKnown: false, socialKnown: false, asOf })[0]!;
    expect(withLink.profile.attentionReasons).toContain('1 unanswered');
    expect(withLink.profile.attentionReasons.join(' ')).not.toMatch(/open question/);
    const asking = buildProfiles([person('a')], [read('Wann kommt die Gutschrift?')], { ordersKnown: false, socialKnown: false, asOf })[0]!;
    expect(asking.profile.attentionReasons).toContain('1 open question');
  });

  it('judges a customer with more records than a spread of arguments can hold', () => {
    // Math.max(...times) throws a RangeError past ~125,000 values; a heavy account in a large export has more.
    const start = Date.UTC(2020, 0, 1);
    const many = Array.from({ length: 130_000 }, (_, i) =>
      makeEvent({ customerKey: 'bulk', kind: 'review', channel: 'web', expectsReply: false, text: 'ok', at: new Date(start + i * 60_000), sentiment: { label: 'neutral', score: 0 } }),
    );
    const [bulk] = buildProfiles([person('bulk')], many, { ordersKnown: false, socialKnown: false, asOf: new Date(start + 130_000 * 60_000) });
    expect(bulk!.profile.attention).toBeGreaterThan(0);
  });

  it('counts an unanswered message older than the reply horizon as unanswered, but not as still open', () => {
    const old = makeEvent({ customerKey: 'a', text: 'Hallo?', at: on('2024-03-01') });
    const fresh = makeEvent({ customerKey: 'b', text: 'Hallo?', at: on('2024-06-25') });
    const [a, b] = buildProfiles([person('a'), person('b')], [old, fresh], { ordersKnown: false, socialKnown: false, asOf });
    expect(a!.profile.dialog).toMatchObject({ unanswered: 1, stillOpen: 0 });
    expect(a!.profile.attentionReasons).not.toContain('1 unanswered');
    expect(b!.profile.attentionReasons).toContain('1 unanswered');
    const wide = buildProfiles([person('a')], [old], { ordersKnown: false, socialKnown: false, asOf, replyHorizonDays: 180 })[0]!;
    expect(wide.profile.dialog.stillOpen).toBe(1);
  });

  it('grades a large index instead of tying it: age, tone and rating all move the score', () => {
    const customers: Customer[] = [];
    const events: Event[] = [];
    for (let i = 0; i < 300; i++) {
      const key = `c${i}`;
      customers.push(person(key));
      events.push(
        makeEvent({
          customerKey: key,
          kind: 'review',
          channel: 'web',
          expectsReply: false,
          rating: { value: (i % 5) + 1, scale: 'stars5' },
          at: new Date(asOf.getTime() - ((i * 7) % 900) * 86_400_000),
          text: 'Bewertung',
          lang: 'de',
          sentiment: { label: 'neutral', score: 0 },
        }),
      );
    }
    const scores = buildProfiles(customers, events, { ordersKnown: false, socialKnown: false, asOf }).map((p) => p.profile.attention);
    const ties = new Map<number, number>();
    for (const s of scores) ties.set(s, (ties.get(s) ?? 0) + 1);
    expect(Math.max(...ties.values())).toBeLessThan(scores.length * 0.05);
  });
});

describe('blind spots', () => {
  it('name this customer’s gaps, not the run’s', () => {
    const anonymous = person('anon:reviews.csv:7', { anonymous: true, name: 'Ein Google-Nutzer' });
    const joined = person('jo', { name: 'Jo Brandt', nameJoins: [{ file: 'reviews.csv', line: 9 }] });
    const events = [
      makeEvent({ customerKey: 'anon:reviews.csv:7', kind: 'review', expectsReply: false, rating: { value: 4, scale: 'stars5' }, at: on('2024-06-01') }),
      makeEvent({ customerKey: 'jo', text: 'Danke!', at: on('2024-06-02'), unseenReplies: 1 }),
    ];
    const [a, j] = buildProfiles([anonymous, joined], events, { ordersKnown: false, socialKnown: false, asOf });
    expect(a!.profile.blindSpots.join('\n')).toMatch(/Written under a placeholder name \(“Ein Google-Nutzer”\): nothing else they did can be joined to it/);
    expect(a!.profile.blindSpots.join('\n')).toMatch(/Rated 1× without a word/);
    expect(j!.profile.blindSpots.join('\n')).toMatch(/1 row joined to them by name alone \(reviews\.csv:9\)/);
    expect(j!.profile.blindSpots.join('\n')).toMatch(/1 message was answered outside this export/);
    // No orders, contacts, notes or social data in this run: that is said once, in the index.
    for (const p of [a!, j!]) expect(p.profile.blindSpots.join('\n')).not.toMatch(/order data|CRM contact|analyst note|social/i);
  });
});

describe('gaps most customers share', () => {
  const run = (n: number) => {
    const customers = Array.from({ length: n }, (_, i) => person(`p${i}`));
    const events = customers.map((c, i) => makeEvent({ customerKey: c.key, text: `Nachricht ${i}`, at: on('2024-06-20') }));
    // One customer with three records: the gap is not everyone's.
    events.push(makeEvent({ customerKey: 'p0', text: 'zwei', at: on('2024-06-21') }), makeEvent({ customerKey: 'p0', text: 'drei', at: on('2024-06-22') }));
    return profileRun(customers, events, { ordersKnown: false, socialKnown: false, asOf });
  };

  it('are said once in the index, with how many they concern, and named for the reports to leave out', () => {
    const { blindSpots, sharedGaps } = run(25);
    expect(blindSpots).toContainEqual({ key: 'commonGap', value: 'fewDataPoints', n: 24, of: 25 });
    expect(say(blindSpots.find((f) => f.key === 'commonGap')!, 'en')).toMatch(/^24 of 25 customers have fewer than three records of their own/);
    expect(sharedGaps).toEqual(['fewDataPoints']);
  });

  it('stay in every profile: a customer’s profile does not depend on who else is in the run', () => {
    const { profiled } = run(25);
    const p1 = profiled.find((p) => p.profile.id === 'p1')!;
    const alone = profileRun([person('p1')], [makeEvent({ customerKey: 'p1', text: 'Nachricht 1', at: on('2024-06-20') })], { ordersKnown: false, socialKnown: false, asOf }).profiled[0]!;
    expect(p1.profile.blindSpots.join(' ')).toMatch(/Only one record/);
    expect(p1.profile.blindSpots).toEqual(alone.profile.blindSpots);
  });

  it('come in one order whatever order the customers come in: most customers first, then by key', () => {
    const gaps = (...keys: string[]) => keys.map((key) => ({ key }) as Finding);
    const customers = [...Array.from({ length: 21 }, () => gaps('oneChannel', 'fewDataPoints')), gaps('noOrders', 'fewDataPoints'), gaps('noOrders', 'oneChannel', 'fewDataPoints')];
    for (const order of [customers, [...customers].reverse()]) expect(liftCommonGaps(order).lifted).toEqual(['fewDataPoints', 'oneChannel']);
    const tied = Array.from({ length: 20 }, (_, i) => (i % 2 ? gaps('unlinked', 'oneChannel') : gaps('oneChannel', 'unlinked')));
    expect(liftCommonGaps(tied).lifted).toEqual(['oneChannel', 'unlinked']);
    expect(liftCommonGaps([...tied].reverse()).lifted).toEqual(['oneChannel', 'unlinked']);
  });

  it('stay in the reports of a small run', () => {
    const { profiled, blindSpots } = run(10);
    expect(blindSpots.some((f) => f.key === 'commonGap')).toBe(false);
    expect(profiled[1]!.profile.blindSpots.join(' ')).toMatch(/Only one record \(a message of 2024-06-20\)/);
  });
});
