import { describe, expect, it } from 'vitest';
import { annotateEvent, type AnnotateContext } from '../annotate/index.js';
import { readingsAnnotator } from '../annotate/readings.js';
import type { Event } from '../model.js';
import { dialogFigures, median, pairExchanges, stillOpen } from './dialog.js';
import { makeEvent } from '../test-support.js';

// As the annotate stage hands records on: with their readings (a question of their own, …).
const ev = (direction: Event['direction'], at: string, extra: Partial<Event> = {}): Event =>
  annotateEvent(makeEvent({ customerKey: 'c', at: new Date(at), channel: 'instagram', direction, kind: 'post', text: 'x', ...extra }), {} as AnnotateContext, [readingsAnnotator]);

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('dialog', () => {
  it('pairs replies by reply id and measures minutes to the first reply', () => {
    const q1 = ev('inbound', '2024-05-01T10:00:00Z', { messageId: 'a' });
    const q2 = ev('inbound', '2024-05-02T10:00:00Z', { messageId: 'b' });
    const q3 = ev('inbound', '2024-05-03T10:00:00Z', { messageId: 'c' });
    const r1 = ev('outbound', '2024-05-01T10:30:00Z', { replyTo: 'a' });
    const r1b = ev('outbound', '2024-05-01T11:30:00Z', { replyTo: 'a' });
    const r2 = ev('outbound', '2024-05-02T11:25:00Z', { replyTo: 'b' });
    expect(dialogFigures([q1, q2, q3, r1, r1b, r2])).toEqual({
      inbound: 3,
      outbound: 3,
      answered: 2,
      answeredTimeUnknown: 0,
      unanswered: 1,
      stillOpen: 1,
      settled: 0,
      noReplyNeeded: 0,
      noReplyExpected: 0,
      medianResponseMinutes: 57.5,
    });
  });

  it('lets a reply without reference answer the latest open message on its channel', () => {
    const q1 = ev('inbound', '2024-05-01T10:00:00Z');
    const q2 = ev('inbound', '2024-05-01T12:00:00Z');
    const r = ev('outbound', '2024-05-01T12:10:00Z');
    const exchanges = pairExchanges([q1, q2, r]);
    expect(exchanges.map((x) => x.reply !== null)).toEqual([false, true]);
    expect(exchanges[1]!.minutes).toBe(10);
  });

  it('does not count orders or notes as messages', () => {
    const order = ev('inbound', '2024-05-01T10:00:00Z', { kind: 'order' });
    const note = ev('internal', '2024-05-01T10:00:00Z', { kind: 'note' });
    expect(dialogFigures([order, note]).inbound).toBe(0);
  });

  it('leaves the median null when nothing was answered', () => {
    expect(dialogFigures([ev('inbound', '2024-05-01T10:00:00Z')]).medianResponseMinutes).toBeNull();
  });
});

describe('threads', () => {
  it("lets a reply answer the customer's earlier messages in its thread, and counts a closing 'thanks' as needing no reply", () => {
    const q = ev('inbound', '2024-03-04T08:00:00Z', { messageId: 't:1', text: 'where is my order' });
    const nudge = ev('inbound', '2024-03-04T08:10:00Z', { messageId: 't:2', replyTo: 't:1', text: 'hello??' });
    const reply = ev('outbound', '2024-03-04T09:00:00Z', { messageId: 't:3', replyTo: 't:2' });
    const thanks = ev('inbound', '2024-03-04T09:30:00Z', { messageId: 't:4', replyTo: 't:3', text: 'thanks' });
    const exchanges = pairExchanges([q, nudge, reply, thanks]);
    expect(exchanges.map((x) => x.status)).toEqual(['answered', 'answered', 'noReplyNeeded']);
    expect(dialogFigures([q, nudge, reply, thanks])).toMatchObject({ inbound: 3, outbound: 1, answered: 2, unanswered: 0, noReplyNeeded: 1, medianResponseMinutes: 55 });
  });

  it('still waits for an answer when the reply to the brand asks or complains', () => {
    const reply = ev('outbound', '2024-03-04T09:00:00Z', { messageId: 't:3' });
    const again = ev('inbound', '2024-03-04T09:30:00Z', { messageId: 't:4', replyTo: 't:3', text: 'and when will it arrive?' });
    expect(pairExchanges([reply, again])[0]!.status).toBe('unanswered');
  });

  it('still waits when the reply to the brand gives the details it asked for, or argues on; not after "DM sent"', () => {
    const reply = ev('outbound', '2024-03-04T09:00:00Z', { messageId: 't:3', text: 'Can you give us your account number so we can look?' });
    const details = ev('inbound', '2024-03-04T09:30:00Z', { messageId: 't:4', replyTo: 't:3', text: 'My account number is 4711 and I am on the big plan' });
    const argues = ev('inbound', '2024-03-04T09:40:00Z', { messageId: 't:5', replyTo: 't:3', text: 'Odd, the whole street has power again except us' });
    const sent = ev('inbound', '2024-03-04T09:50:00Z', { messageId: 't:6', replyTo: 't:3', text: 'DM sent' });
    expect(pairExchanges([reply, details, argues, sent]).map((x) => x.status)).toEqual(['unanswered', 'unanswered', 'noReplyNeeded']);
  });

  it('takes a question mark inside a link for no question: a thank-you with a receipt link needs no answer', () => {
    const reply = ev('outbound', '2024-03-04T09:00:00Z', { messageId: 't:3' });
    const thanks = ev('inbound', '2024-03-04T09:30:00Z', { messageId: 't:4', replyTo: 't:3', text: 'Danke! Beleg: https://shop.example/beleg?id=4711' });
    expect(pairExchanges([reply, thanks])[0]!.status).toBe('noReplyNeeded');
  });

  it('leaves a reply to another customer out of the dialog unless the brand answered it', () => {
    const peer = ev('inbound', '2024-03-04T10:00:00Z', { messageId: 't:5', replyTo: 't:9', peerReply: true, text: 'same here' });
    expect(pairExchanges([peer])).toEqual([]);
    const answer = ev('outbound', '2024-03-04T10:30:00Z', { replyTo: 't:5' });
    expect(dialogFigures([peer, answer])).toMatchObject({ inbound: 1, answered: 1, medianResponseMinutes: 30 });
  });
});

describe('what awaits an answer', () => {
  const review = (at: string, extra: Partial<Event> = {}) =>
    ev('inbound', at, { kind: 'review', channel: 'playstore', expectsReply: false, rating: { value: 2, scale: 'stars5' }, ...extra });

  it('counts a review as answered when the brand replied to it, and an unreplied one as expecting no reply', () => {
    const replied = review('2024-05-01T10:00:00Z', { messageId: 'r1' });
    const unreplied = review('2024-05-03T10:00:00Z', { messageId: 'r2' });
    const answer = ev('outbound', '2024-05-02T10:00:00Z', { channel: 'playstore', replyTo: 'r1' });
    const figures = dialogFigures([replied, unreplied, answer]);
    expect(figures).toMatchObject({ inbound: 2, answered: 1, unanswered: 0, noReplyExpected: 1, medianResponseMinutes: 1440 });
    expect(figures.answered + figures.unanswered + figures.noReplyNeeded + figures.noReplyExpected).toBe(figures.inbound);
  });

  it('never pairs a reply without reference with a review: only conversations await one', () => {
    const survey = ev('inbound', '2024-05-01T10:00:00Z', { kind: 'survey', channel: 'email', expectsReply: false, rating: { value: 3, scale: 'nps' } });
    const ticket = ev('inbound', '2024-05-01T09:00:00Z', { kind: 'ticket', channel: 'email' });
    const reply = ev('outbound', '2024-05-01T11:00:00Z', { channel: 'email' });
    const exchanges = pairExchanges([ticket, survey, reply]);
    expect(exchanges.map((x) => [x.message.kind, x.status])).toEqual([
      ['ticket', 'answered'],
      ['survey', 'noReplyExpected'],
    ]);
  });

  it('counts fifteen happy reviews as nothing unanswered', () => {
    const reviews = Array.from({ length: 15 }, (_, i) => review(`2024-05-${String(i + 1).padStart(2, '0')}T10:00:00Z`, { rating: { value: 5, scale: 'stars5' } }));
    expect(dialogFigures(reviews)).toMatchObject({ inbound: 15, unanswered: 0, stillOpen: 0, noReplyExpected: 15 });
  });
});

describe('answers the export names but does not contain', () => {
  it('counts a message as answered at an unknown time, never paired with a later reply in its thread', () => {
    const first = ev('inbound', '2017-10-31T10:00:00Z', { messageId: '11', unseenReplies: 1, text: 'my parcel is lost' });
    const later = ev('inbound', '2017-11-08T10:00:00Z', { messageId: '14', replyTo: '12', text: 'still nothing?' });
    const reply = ev('outbound', '2017-11-08T12:00:00Z', { messageId: '15', replyTo: '14' });
    const exchanges = pairExchanges([first, later, reply]);
    expect(exchanges.map((x) => x.status)).toEqual(['answeredTimeUnknown', 'answered']);
    expect(exchanges[0]!.reply).toBeNull();
    expect(dialogFigures([first, later, reply])).toMatchObject({ inbound: 2, answered: 2, answeredTimeUnknown: 1, unanswered: 0, medianResponseMinutes: 120 });
  });

  it('keeps the reply that names the message, with its time, when there is one', () => {
    const message = ev('inbound', '2017-10-31T10:00:00Z', { messageId: '21', unseenReplies: 2 });
    const reply = ev('outbound', '2017-10-31T10:20:00Z', { messageId: '22', replyTo: '21' });
    expect(dialogFigures([message, reply])).toMatchObject({ answered: 1, answeredTimeUnknown: 0, medianResponseMinutes: 20 });
  });
});

describe('a burst of messages the brand answers with one reply', () => {
  it("lets the reply answer the customer's still-open earlier messages of the thread, and no later ones", () => {
    const brand = ev('outbound', '2017-11-01T08:00:00Z', { messageId: '40', text: 'Can you tell us more?' });
    const parts = ['my parcel never arrived', 'the tracking page shows nothing?', 'and nobody answers the phone']; // a complaint in three tweets
    const burst = ['41', '42', '43'].map((id, i) => ev('inbound', `2017-11-01T09:0${i}:00Z`, { messageId: id, replyTo: '40', text: parts[i], sentiment: { label: 'negative', score: -0.4 } }));
    const answer = ev('outbound', '2017-11-01T10:00:00Z', { messageId: '44', replyTo: '41' });
    const after = ev('inbound', '2017-11-01T11:00:00Z', { messageId: '45', replyTo: '40', text: 'and one more thing?' });
    const exchanges = pairExchanges([brand, ...burst, answer, after]);
    expect(exchanges.map((x) => [x.message.messageId, x.status, x.minutes])).toEqual([
      ['41', 'answered', 60],
      ['42', 'answered', 59],
      ['43', 'answered', 58],
      ['45', 'unanswered', null],
    ]);
  });

  it('does not let a reply in one thread answer a message of another thread', () => {
    const a = ev('inbound', '2017-11-01T09:00:00Z', { messageId: '51', text: 'where is my order?' });
    const b = ev('inbound', '2017-11-01T09:05:00Z', { messageId: '61', text: 'and my invoice?' });
    const reply = ev('outbound', '2017-11-01T10:00:00Z', { messageId: '52', replyTo: '51' });
    expect(pairExchanges([a, b, reply]).map((x) => x.status)).toEqual(['answered', 'unanswered']);
  });
});

describe('the reply horizon', () => {
  it('keeps an old unanswered message unanswered, but not still open', () => {
    const old = ev('inbound', '2024-01-01T10:00:00Z', { text: 'hello?' });
    const recent = ev('inbound', '2024-05-20T10:00:00Z', { text: 'anyone?' });
    const exchanges = pairExchanges([old, recent]);
    const openSince = new Date('2024-05-01T00:00:00Z');
    expect(stillOpen(exchanges, openSince).map((x) => x.message)).toEqual([recent]);
    expect(dialogFigures([old, recent], exchanges, openSince)).toMatchObject({ unanswered: 2, stillOpen: 1 });
  });
});

describe('review sites that date a review by its last edit', () => {
  it('count a reply that names the review as its answer, even when the edit came after the reply', () => {
    const edited = ev('inbound', '2024-05-10T10:00:00Z', { kind: 'review', expectsReply: false, messageId: 'rv', rating: { value: 1, scale: 'stars5' } });
    const reply = ev('outbound', '2024-05-02T10:00:00Z', { replyTo: 'rv' });
    expect(dialogFigures([edited, reply])).toMatchObject({ inbound: 1, answered: 1, noReplyExpected: 0, medianResponseMinutes: null });
  });
});

describe('a closing word in a thread the brand answers later', () => {
  it('stays a closing word: a later reply answers what still awaits one, not the thanks', () => {
    const question = ev('inbound', '2017-11-01T09:00:00Z', { messageId: '71', text: 'is my order shipped?' });
    const reply = ev('outbound', '2017-11-01T09:30:00Z', { messageId: '72', replyTo: '71' });
    const thanks = ev('inbound', '2017-11-01T09:40:00Z', { messageId: '73', replyTo: '72', text: 'great, thanks' });
    const again = ev('inbound', '2017-11-02T09:00:00Z', { messageId: '74', replyTo: '72', text: 'it has not arrived, where is it?' });
    const second = ev('outbound', '2017-11-02T10:00:00Z', { messageId: '75', replyTo: '74' });
    expect(pairExchanges([question, reply, thanks, again, second]).map((x) => x.status)).toEqual(['answered', 'noReplyNeeded', 'answered']);
  });
});
