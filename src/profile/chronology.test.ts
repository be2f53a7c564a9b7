import { describe, expect, it } from 'vitest';
import type { Event } from '../model.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import { byAttention, buildProfiles } from './index.js';
import { chronological } from './chronology.js';

const asOf = new Date('2024-07-01T00:00:00Z');
const customer = makeCustomer({ key: 'r1', crmId: null, emails: [], contact: null, name: 'Ilka Rautenberg' });

function review(value: number, at: string, file: string, line: number): Event {
  return makeEvent({
    customerKey: 'r1',
    kind: 'review',
    channel: 'shop',
    expectsReply: false,
    rating: { value, scale: 'stars5' },
    at: new Date(at),
    text: value >= 4 ? 'Schmeckt wie beim Bäcker um die Ecke.' : 'Kam trocken und krümelig an.',
    lang: 'de',
    sentiment: value >= 4 ? { label: 'positive', score: 0.6 } : { label: 'negative', score: -0.5 },
    source: { file, line },
  });
}

const profileOf = (events: Event[]) => buildProfiles([customer], events, { ordersKnown: false, socialKnown: false, asOf })[0]!;

describe('records at the same time', () => {
  it('are ordered by what they say, then by file and line, whatever order the files or rows came in', () => {
    const a = review(1, '2024-06-01T09:00:00Z', 'a.csv', 9);
    const b = review(5, '2024-06-01T09:00:00Z', 'b.csv', 3);
    const c = review(5, '2024-06-01T09:00:00Z', 'a.csv', 2);
    // "Kam trocken …" before "Schmeckt …"; the two alike by their words by file, then line.
    expect([b, a, c].sort(chronological)).toEqual([a, c, b]);
    expect([a, c, b].sort(chronological)).toEqual([a, c, b]);
    // The same two records on other lines (a sorted export) keep their order.
    const moved = [review(1, '2024-06-01T09:00:00Z', 'a.csv', 2), review(5, '2024-06-01T09:00:00Z', 'a.csv', 9)];
    expect([moved[1]!, moved[0]!].sort(chronological).map((e) => e.rating!.value)).toEqual([1, 5]);
  });

  it('give the same stage, rating and attention when two input files are swapped', () => {
    const older = review(4, '2024-03-01T09:00:00Z', 'a.csv', 2);
    const low = review(1, '2024-06-01T09:00:00Z', 'a.csv', 5);
    const high = review(5, '2024-06-01T09:00:00Z', 'b.csv', 5);
    const one = profileOf([older, low, high]).profile;
    const other = profileOf([high, older, low]).profile;
    expect(other.stage).toBe(one.stage);
    expect(other.rating).toEqual(one.rating);
    expect(other.attention).toBe(one.attention);
    expect(other.stageReasons).toEqual(one.stageReasons);
  });

  it('make no latest rating and no trend when they disagree: neither is known to be the later one', () => {
    const earlier = review(5, '2024-03-01T09:00:00Z', 'a.csv', 2);
    const low = review(1, '2024-06-01T09:00:00Z', 'a.csv', 3);
    const high = review(5, '2024-06-01T09:00:00Z', 'a.csv', 4);
    const { profile } = profileOf([earlier, low, high]);
    expect(profile.rating).toMatchObject({ n: 3, latest: null, latestAt: '2024-06-01T09:00:00.000Z', trend: null });
    expect(profile.stageReasons.join(' ')).not.toMatch(/latest rating|rating fell|top rating/);
  });

  it('still make a latest rating when the ratings of that time agree, with the trend against the earlier ones', () => {
    const earlier = review(5, '2024-03-01T09:00:00Z', 'a.csv', 2);
    const twice = [review(2, '2024-06-01T09:00:00Z', 'a.csv', 3), review(2, '2024-06-01T09:00:00Z', 'b.csv', 3)];
    expect(profileOf([earlier, ...twice]).profile.rating).toMatchObject({ latest: 2, trend: 'down' });
  });

  it('make no trend from ratings that all share one time', () => {
    const same = [review(5, '2024-06-01T09:00:00Z', 'a.csv', 2), review(5, '2024-06-01T09:00:00Z', 'a.csv', 3)];
    expect(profileOf(same).profile.rating).toMatchObject({ latest: 5, trend: null });
  });
});

describe('the index order', () => {
  it('breaks ties by code point, not by the machine’s locale', () => {
    const lower = buildProfiles([makeCustomer({ key: 'b1', crmId: 'b1' })], [], { ordersKnown: false, socialKnown: false, asOf })[0]!;
    const upper = buildProfiles([makeCustomer({ key: 'B2', crmId: 'B2' })], [], { ordersKnown: false, socialKnown: false, asOf })[0]!;
    expect(lower.profile.attention).toBe(upper.profile.attention);
    // "B" (U+0042) comes before "b" (U+0062); a locale would put b1 first.
    expect([lower, upper].sort(byAttention).map((p) => p.profile.id)).toEqual(['B2', 'b1']);
  });
});
