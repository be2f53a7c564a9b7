import { describe, expect, it } from 'vitest';
import type { Event, RatingScale } from '../model.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import { buildProfiles, type ProfiledCustomer } from './index.js';
import { ADVOCATE_BARS, STAGE_RULES } from './stages.js';
import { say } from './wording.js';

const rule = (code: string) => ({ code, quote: 'x', source: { file: 'r.csv', line: 2 }, by: { kind: 'rule' as const, id: code }, confidence: 0.8 });

let line = 1;
function review(value: number, day: string, extra: Partial<Event> = {}, scale: RatingScale = 'stars5'): Event {
  line += 1;
  return makeEvent({
    customerKey: 'r1',
    kind: 'review',
    channel: 'playstore',
    expectsReply: false,
    rating: { value, scale },
    at: new Date(`${day}T12:00:00Z`),
    text: 'Die App macht, was sie soll.',
    lang: 'de',
    sentiment: { label: 'neutral', score: 0 },
    source: { file: 'reviews.csv', line },
    ...extra,
  });
}

const reviewer = makeCustomer({ key: 'r1', crmId: null, emails: [], contact: null, name: 'Jo Reviewer' });
const profileOf = (events: Event[]): ProfiledCustomer => buildProfiles([reviewer], events, { ordersKnown: false, socialKnown: false, asOf: new Date('2024-07-01T00:00:00Z') })[0]!;

describe('stage rules', () => {
  it('are one list with a rule for every stage', () => {
    expect(new Set(STAGE_RULES.map((r) => r.stage))).toEqual(new Set(['at-risk', 'advocate', 'regular', 'acquaintance', 'stranger']));
    expect(new Set(STAGE_RULES.map((r) => r.id)).size).toBe(STAGE_RULES.length);
  });

  it('go down the list: the first stage with a rule that holds wins, with the findings of every rule of it that holds', () => {
    // Praised in words (an advocate rule holds) but the latest rating is low and they said they are leaving.
    const praised = review(5, '2024-05-01', { sentiment: { label: 'positive', score: 0.7 }, annotations: [rule('dialog.praise')] });
    const leaving = review(1, '2024-06-20', { text: 'Never again.', lang: 'en', sentiment: { label: 'negative', score: -0.6 }, annotations: [rule('trust.loyalty-withheld')] });
    const subject = profileOf([praised, leaving]);
    expect(subject.profile.stage).toBe('at-risk');
    expect(subject.profile.stageReasons).toEqual([
      'turning away or loyalty refused came up (1×)',
      'latest rating ★☆☆☆☆ 1/5 (2024-06-20), nothing warmer since',
      'rating fell to ★☆☆☆☆ 1/5 (mean of all 3)',
    ]);
  });

  it('make an advocate only when every bar is cleared, and name the bars that speak for it', () => {
    const praise = (day: string, value = 5) => review(value, day, { sentiment: { label: 'positive', score: 0.7 }, annotations: [rule('dialog.praise')] });
    const advocate = profileOf([praise('2024-05-01'), praise('2024-06-01')]);
    expect(advocate.profile.stage).toBe('advocate');
    expect(advocate.profile.stageReasons).toEqual(['praised the brand (2×)', 'top rating ★★★★★ 5/5 (2024-06-01)', 'positive on the whole, by their ratings and words (mean 1.00)']);
    // Praise with a mediocre average: the rated-well bar is not cleared, so the next stage down.
    expect(profileOf([praise('2024-05-01', 3), praise('2024-06-01', 3)]).profile.stage).not.toBe('advocate');
  });

  it('count the customer’s own records and distinct orders as contacts, never the brand’s replies or order lines', () => {
    // One review the brand answered: one contact, not "2 interactions".
    const answered = review(4, '2024-05-01', { messageId: 'rv1' });
    const answer = makeEvent({ customerKey: 'r1', direction: 'outbound', kind: 'review', channel: 'playstore', replyTo: 'rv1', text: 'Danke!', at: new Date('2024-05-02T12:00:00Z') });
    const single = profileOf([answered, answer]);
    expect(single.profile.stage).toBe('stranger');
    expect(single.profile.stageReasons).toEqual(['a single contact (a review)']);
    // The brand's reply dated before the review (a review edited after the answer): still their review names it.
    expect(profileOf([answer, answered]).profile.stageReasons).toEqual(['a single contact (a review)']);
    const post = makeEvent({ customerKey: 'r1', direction: 'outbound', kind: 'post', channel: 'playstore', replyTo: 'rv1', text: 'Danke!', at: new Date('2024-04-30T12:00:00Z') });
    expect(profileOf([post, answered]).profile.stageReasons).toEqual(['a single contact (a review)']);
    // One order of thirteen item lines and the survey about it: an acquaintance, not a regular.
    const lines = Array.from({ length: 13 }, (_, i) => makeEvent({ customerKey: 'r1', kind: 'order', direction: 'inbound', channel: 'shop', orderId: 'o-1', amount: 9.5, expectsReply: false, at: new Date('2024-04-01T10:00:00Z'), source: { file: 'items.csv', line: i + 2 } }));
    const survey = review(5, '2024-04-12', { kind: 'survey', channel: 'shop' });
    const bought = buildProfiles([reviewer], [...lines, survey], { ordersKnown: true, socialKnown: false, asOf: new Date('2024-07-01T00:00:00Z') })[0]!;
    expect(bought.profile.stage).toBe('acquaintance');
    expect(bought.profile.stageReasons).toEqual(['1 order, 1 record of their own']);
  });

  it('make a regular of six contacts only when they fall on three different days or more', () => {
    const post = (at: string) =>
      makeEvent({ customerKey: 'r1', kind: 'post', channel: 'twitter', direction: 'inbound', expectsReply: false, text: 'Stuck at the gate again.', lang: 'en', sentiment: { label: 'neutral', score: 0 }, at: new Date(at) });
    // Six tweets within an hour about one delayed flight: one occasion, someone we have met, not a regular.
    const burst = profileOf(['10:00', '10:10', '10:20', '10:30', '10:40', '10:50'].map((t) => post(`2024-06-20T${t}:00Z`)));
    expect(burst.profile.stage).toBe('acquaintance');
    const spread = profileOf(['2024-03-01', '2024-03-01', '2024-04-11', '2024-04-11', '2024-06-02', '2024-06-02'].map((d) => post(`${d}T10:00:00Z`)));
    expect(spread.profile.stage).toBe('regular');
    expect(spread.profile.stageReasons).toEqual(['6 contacts of their own (records and orders) on 3 different days']);
    expect(spread.findings.stage.map((f) => say(f, 'de'))).toEqual(['6 eigene Kontakte (Einträge und Bestellungen) an 3 verschiedenen Tagen']);
  });

  it('say nothing of orders when the run cannot know them', () => {
    const twice = profileOf([review(4, '2024-05-01'), review(4, '2024-06-01')]);
    expect(twice.profile.stageReasons).toEqual(['2 records of their own']);
    expect(twice.findings.stage.map((f) => say(f, 'de'))).toEqual(['2 eigene Einträge']);
    // An order and nothing said: the order alone, not "0 records".
    const order = makeEvent({ customerKey: 'r1', kind: 'order', channel: 'shop', orderId: 'o-9', amount: 12, expectsReply: false, at: new Date('2024-06-01T10:00:00Z') });
    expect(buildProfiles([reviewer], [order], { ordersKnown: true, socialKnown: false, asOf: new Date('2024-07-01T00:00:00Z') })[0]!.profile.stageReasons).toEqual(['1 order']);
  });

  describe('a buying habit that stopped', () => {
    const asOf = new Date('2024-07-01T00:00:00Z');
    const order = (id: string, at: string) => makeEvent({ customerKey: 'r1', kind: 'order', channel: 'shop', orderId: id, amount: 20, expectsReply: false, at: new Date(at) });
    const profileWith = (events: Event[]) => buildProfiles([reviewer], events, { ordersKnown: true, socialKnown: false, asOf })[0]!;

    it('needs a habit: two orders of the same second are one checkout, not a habit that stopped', () => {
      const split = [order('o-1', '2023-06-01T10:00:00Z'), order('o-2', '2023-06-01T10:00:00Z')];
      const rated = [review(5, '2023-06-10', { kind: 'survey' }), review(5, '2023-06-10', { kind: 'survey' })];
      const subject = profileWith([...split, ...rated]);
      expect(subject.profile.stage).not.toBe('at-risk');
      expect(subject.profile.stageReasons.join(' ')).not.toMatch(/ordered/);
      expect(subject.findings.blindSpots.map((f) => f.key)).not.toContain('pausedOrdering');
    });

    it('puts a customer at risk who ordered monthly and stopped, saying how often they used to', () => {
      const habit = [order('o-1', '2023-09-01T10:00:00Z'), order('o-2', '2023-10-01T10:00:00Z'), order('o-3', '2023-10-31T10:00:00Z')];
      const subject = profileWith(habit);
      expect(subject.profile.stage).toBe('at-risk');
      expect(subject.profile.stageReasons).toEqual(['ordered on 3 different days, usually every 30 days, but not in the last 243 days']);
    });

    it('does not call a long usual interval stopped', () => {
      const slow = [order('o-1', '2023-05-01T10:00:00Z'), order('o-2', '2023-09-01T10:00:00Z'), order('o-3', '2024-01-01T10:00:00Z')];
      expect(profileWith(slow).profile.stageReasons.join(' ')).not.toMatch(/not in the last/);
    });

    it('does not outweigh good ratings on its own', () => {
      const habit = [order('o-1', '2023-09-01T10:00:00Z'), order('o-2', '2023-10-01T10:00:00Z'), order('o-3', '2023-10-31T10:00:00Z')];
      const subject = profileWith([...habit, review(5, '2023-09-05', { kind: 'survey' }), review(4, '2023-11-05', { kind: 'survey' })]);
      expect(subject.profile.stage).not.toBe('at-risk');
      // The gap is still named, as a blind spot: we cannot see whether they buy elsewhere.
      expect(subject.findings.blindSpots.map((f) => f.key)).toContain('pausedOrdering');
    });
  });

  it('never put a review writer at risk for "messages never answered"', () => {
    const reviews = Array.from({ length: 15 }, (_, i) => review(5, `2024-05-${String(i + 1).padStart(2, '0')}`, { sentiment: { label: 'positive', score: 0.8 }, annotations: [rule('dialog.praise')] }));
    const subject = profileOf(reviews);
    expect(subject.profile.dialog.unanswered).toBe(0);
    expect(subject.profile.stage).toBe('advocate');
    expect(subject.profile.stageReasons.join(' ')).not.toMatch(/never answered/);
    // Worded as what it is: their ratings and words together, not "their own words".
    expect(subject.profile.stageReasons).toContain('positive on the whole, by their ratings and words (mean 1.00)');
  });

  it('put a one-star review that reads positive at risk: the rating wins over the text', () => {
    const ironic = review(1, '2024-06-20', { text: 'The label promises oats, the box is mostly air. Need I say more? Lovely tin though!', lang: 'en', sentiment: { label: 'positive', score: 0.55 }, annotations: [rule('dialog.praise')] });
    const subject = profileOf([ironic]);
    expect(subject.profile.stage).toBe('at-risk');
    expect(subject.profile.stageReasons).toEqual(['latest rating ★☆☆☆☆ 1/5 (2024-06-20), nothing warmer since']);
    // The text's sentiment stays the text's; the tone judgements use counts the rating.
    expect(subject.profile.sentiment).toEqual({ mean: 0.55, n: 1 });
    expect(subject.profile.tone).toEqual({ mean: -1, n: 1, fromRatings: 1 });
    expect(subject.profile.blindSpots.join(' ')).toMatch(/In 1 record the words and the rating point different ways/);
  });

  it('put a detractor at risk unless something they said later reads positive', () => {
    const detractor = review(3, '2024-05-01', { kind: 'survey', channel: 'email' }, 'nps');
    expect(profileOf([detractor]).profile.stage).toBe('at-risk');
    const thanks = makeEvent({ customerKey: 'r1', text: 'Danke, jetzt klappt alles!', lang: 'de', sentiment: { label: 'positive', score: 0.7 }, at: new Date('2024-06-01T12:00:00Z') });
    expect(profileOf([detractor, thanks]).profile.stage).not.toBe('at-risk');
  });

  it('put a customer whose rating fell to lukewarm at risk', () => {
    const subject = profileOf([review(5, '2024-01-01'), review(5, '2024-02-01'), review(3, '2024-06-01')]);
    expect(subject.profile.stage).toBe('at-risk');
    expect(subject.profile.rating).toMatchObject({ latest: 3, trend: 'down', n: 3 });
  });

  it('name a role by the codebook’s label, in each language, not by a code id', () => {
    const codes = [{ id: 'role.recommender', category: 'role', label: { en: 'Tells friends about us', de: 'Erzählt Freunden von uns' } }];
    const praise = (day: string) => review(5, day, { sentiment: { label: 'positive', score: 0.8 }, annotations: [rule('role.recommender')] });
    const subject = buildProfiles([reviewer], [praise('2024-06-01'), praise('2024-06-10')], { ordersKnown: false, socialKnown: false, asOf: new Date('2024-07-01T00:00:00Z'), codes })[0]!;
    expect(subject.profile.stage).toBe('advocate');
    expect(subject.profile.stageReasons).toContain('Tells friends about us (2×)');
    expect(subject.findings.stage.map((f) => say(f, 'de'))).toContain('Erzählt Freunden von uns (2×)');
  });

  it('make no advocate of a single happy review: one moment is not a relationship', () => {
    const once = review(5, '2024-06-10', { sentiment: { label: 'positive', score: 0.8 }, annotations: [rule('dialog.praise')] });
    const subject = profileOf([once]);
    expect(subject.profile.stage).toBe('stranger');
    expect(subject.profile.stageReasons).toEqual(['a single contact (a review)']);
  });

  it('make no advocate of praise that comes with poor ratings', () => {
    const praiseButPoor = [1, 2, 2].map((v, i) => review(v, `2024-0${i + 1}-10`, { sentiment: { label: 'positive', score: 0.6 }, annotations: [rule('dialog.praise')] }));
    // Latest rating 2★: at risk, and never an advocate.
    expect(profileOf(praiseButPoor).profile.stage).toBe('at-risk');
  });

  it('give rated customers at risk clearly lower ratings than advocates', () => {
    const population: { stage: string; mean: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const value = (i % 5) + 1;
      const positive = value >= 4;
      // Two reviews each: advocacy needs more than one moment.
      const events = ['2024-05', '2024-06'].map((month) =>
        review(value, `${month}-${String((i % 28) + 1).padStart(2, '0')}`, {
          sentiment: { label: positive ? 'positive' : i % 3 === 0 ? 'positive' : 'neutral', score: positive ? 0.6 : i % 3 === 0 ? 0.5 : 0 },
          annotations: positive || i % 3 === 0 ? [rule('dialog.praise')] : [],
        }),
      );
      const p = profileOf(events).profile;
      population.push({ stage: p.stage, mean: p.rating!.mean });
    }
    const mean = (stage: string) => {
      const rated = population.filter((p) => p.stage === stage);
      return rated.reduce((a, b) => a + b.mean, 0) / rated.length;
    };
    expect(mean('at-risk')).toBeLessThanOrEqual(2);
    expect(mean('advocate')).toBeGreaterThanOrEqual(4);
  });
});
