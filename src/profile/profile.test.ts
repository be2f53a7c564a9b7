import { describe, expect, it } from 'vitest';
import { annotateEvent, type AnnotateContext } from '../annotate/index.js';
import { readingsAnnotator } from '../annotate/readings.js';
import type { Event } from '../model.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import { buildProfiles, describeRun } from './index.js';
import { runBlindSpots } from './judgements.js';

const codes = [{ id: 'pain.cancellation', category: 'pain', label: { en: 'Cancellation', de: 'Kündigung und Ausfall' } }];
/** A record as the annotate stage hands it on: with its readings. */
const read = (extra: Partial<Event>): Event => annotateEvent(makeEvent(extra), {} as AnnotateContext, [readingsAnnotator]);

const rule = (code: string, line: number) => ({ code, quote: 'x', source: { file: 't.csv', line }, by: { kind: 'rule' as const, id: `${code}/word` }, confidence: 0.8 });

describe('buildProfiles', () => {
  it('counts orders by order id, sums signed revenue and leaves unknowns null', () => {
    const events = [
      makeEvent({ kind: 'order', orderId: 'A', amount: 20, at: new Date('2024-01-01T00:00:00Z') }),
      makeEvent({ kind: 'order', orderId: 'A', amount: 5.5, at: new Date('2024-01-01T00:00:00Z') }),
      makeEvent({ kind: 'order', orderId: 'B', amount: -5.5, at: new Date('2024-02-01T00:00:00Z') }),
    ];
    const [p] = buildProfiles([makeCustomer()], events, { ordersKnown: true, socialKnown: false });
    expect(p!.profile.orders).toEqual({ count: 2, revenue: 20 });
    expect(p!.profile.sentiment).toEqual({ mean: null, n: 0 });
    expect(p!.profile.tone).toEqual({ mean: null, n: 0, fromRatings: 0 });
    expect(p!.profile.dialog.medianResponseMinutes).toBeNull();
    expect(p!.profile.rfm).toEqual({ recency: 5, frequency: 5, monetary: 5 });
  });

  it('says revenue is unknown (null) when the run had no orders file, and says so once for the run, not per customer', () => {
    const customers = [makeCustomer()];
    const events = [makeEvent({ text: 'Hallo' })];
    const [p] = buildProfiles(customers, events, { ordersKnown: false, socialKnown: false });
    expect(p!.profile.orders.revenue).toBeNull();
    expect(p!.profile.blindSpots.join(' ')).not.toMatch(/order/i);
    const run = runBlindSpots(describeRun(customers, events, { ordersKnown: false, socialKnown: false })).map((f) => f.key);
    expect(run).toEqual(['runNoOrders', 'runNoNotes', 'runNoSocial', 'runOneChannel']);
  });

  it('does not call a run of public reviews one without anything said in public', () => {
    const events = [makeEvent({ kind: 'review', channel: 'google-play', expectsReply: false, text: 'Gute App' })];
    const run = runBlindSpots(describeRun([makeCustomer()], events, { ordersKnown: false, socialKnown: false })).map((f) => f.key);
    expect(run).toContain('runOnlyReviews');
    expect(run).not.toContain('runNoSocial');
  });

  it('puts a customer who ends their contract themselves at risk, saying so', () => {
    const events = [read({ text: 'Ich kündige zum Monatsende.', lang: 'de', annotations: [rule('pain.cancellation', 2)], sentiment: { label: 'negative', score: -0.6 } })];
    const [p] = buildProfiles([makeCustomer()], events, { ordersKnown: true, socialKnown: false });
    expect(p!.profile.stage).toBe('at-risk');
    expect(p!.profile.stageReasons[0]).toBe('ended it themselves: cancelled, closed their account or went elsewhere (1×)');
    expect(p!.profile.attentionReasons).toEqual(expect.arrayContaining(['1 unanswered', 'at risk', 'negative tone']));
  });

  it('puts a customer who turns away at risk, and tells it apart from a cancellation they suffered', () => {
    const away = [read({ text: 'Never again, I am switching to another roaster.', annotations: [rule('trust.loyalty-withheld', 2)], sentiment: { label: 'negative', score: -0.5 } })];
    const [p] = buildProfiles([makeCustomer()], away, { ordersKnown: false, socialKnown: false });
    expect(p!.profile.stageReasons).toEqual(['turning away or loyalty refused came up (1×)']);
    // A flight cancelled on them is a pain like others: no talk of leaving.
    const flight = (day: string) =>
      read({ text: 'They cancelled my flight and nobody told me.', at: new Date(`${day}T10:00:00Z`), annotations: [rule('pain.cancellation', 2)], sentiment: { label: 'negative', score: -0.7 } });
    const [suffered] = buildProfiles([makeCustomer()], [flight('2024-05-01'), flight('2024-05-03')], { ordersKnown: false, socialKnown: false, codes });
    expect(suffered!.profile.stageReasons.join(' ')).not.toMatch(/ended it themselves|turning away|leaving/);
    expect(suffered!.profile.stageReasons).toContain('negative on the whole, by their ratings and words (mean -0.70), 2 records about pain points (Cancellation)');
  });

  it('makes a positive recommender who spoke more than once an advocate, and a one-off no advocate', () => {
    const events = [
      makeEvent({ text: 'Hab euch meiner Schwester empfohlen', annotations: [rule('role.recommender', 2)], sentiment: { label: 'positive', score: 0.7 }, messageId: 'm1' }),
      makeEvent({ direction: 'outbound', messageId: 'r1', replyTo: 'm1', at: new Date('2024-05-01T10:30:00Z') }),
      read({ text: 'Danke für die schnelle Antwort!', sentiment: { label: 'positive', score: 0.6 }, replyTo: 'r1', at: new Date('2024-05-01T11:00:00Z') }),
    ];
    const [p] = buildProfiles([makeCustomer()], events, { ordersKnown: true, socialKnown: false });
    expect(p!.profile.stage).toBe('advocate');
    expect(p!.profile.dialog).toMatchObject({ inbound: 2, outbound: 1, answered: 1, unanswered: 0, noReplyNeeded: 1, medianResponseMinutes: 30 });
    const [once] = buildProfiles([makeCustomer()], events.slice(0, 2), { ordersKnown: true, socialKnown: false });
    expect(once!.profile.stage).not.toBe('advocate');
  });

  it('names what the data cannot tell about this customer, and what would fill the gap', () => {
    const unlinked = makeCustomer({ key: 'fan_42', crmId: null, emails: [], handles: ['fan_42'], contact: null, name: null });
    const events = [
      makeEvent({ customerKey: 'fan_42', kind: 'post', channel: 'instagram', text: 'love it', at: new Date('2024-05-01T10:00:00Z') }),
      makeEvent({ customerKey: 'c1', channel: 'email', text: 'Hallo', at: new Date('2024-05-02T10:00:00Z') }),
    ];
    const [p] = buildProfiles([unlinked, makeCustomer()], events, { ordersKnown: true, socialKnown: true });
    const spots = p!.profile.blindSpots.join('\n');
    expect(spots).toMatch(/Not linked to a CRM contact: known only by @fan_42\. Adding @fan_42 to their contact record would join both\./);
    expect(spots).toMatch(/Known only by @fan_42, and orders join by customer id or email/);
    expect(spots).toMatch(/Seen only on instagram, although this run has 1 other channel/);
    expect(spots).toMatch(/Only one record \(a post of 2024-05-01\)/);
    expect(p!.profile.orders).toEqual({ count: null, revenue: null });
  });

  it('gives every customer a unique slug', () => {
    const a = makeCustomer({ key: 'a', crmId: null, name: 'Jo' });
    const b = makeCustomer({ key: 'a ', crmId: null, name: 'Jo' });
    const slugs = buildProfiles([a, b], [], { ordersKnown: false, socialKnown: false }).map((p) => p.profile.slug);
    expect(new Set(slugs).size).toBe(2);
  });
});
