import { describe, expect, it } from 'vitest';
import type { Event } from '../model.js';
import { dialogFigures, median, pairExchanges } from './dialog.js';
import { makeEvent } from '../test-support.js';

const ev = (direction: Event['direction'], at: string, extra: Partial<Event> = {}): Event =>
  makeEvent({ customerKey: 'c', at: new Date(at), channel: 'instagram', direction, kind: 'post', text: 'x', ...extra });

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
    expect(dialogFigures([q1, q2, q3, r1, r1b, r2])).toEqual({ inbound: 3, outbound: 3, answered: 2, unanswered: 1, noReplyNeeded: 0, medianResponseMinutes: 57.5 });
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
    expect(exchanges.map((x) => [x.reply !== null, x.closing])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    expect(dialogFigures([q, nudge, reply, thanks])).toEqual({ inbound: 3, outbound: 1, answered: 2, unanswered: 0, noReplyNeeded: 1, medianResponseMinutes: 55 });
  });

  it('still waits for an answer when the reply to the brand asks or complains', () => {
    const reply = ev('outbound', '2024-03-04T09:00:00Z', { messageId: 't:3' });
    const again = ev('inbound', '2024-03-04T09:30:00Z', { messageId: 't:4', replyTo: 't:3', text: 'and when will it arrive?' });
    expect(pairExchanges([reply, again])[0]!.closing).toBe(false);
  });

  it('leaves a reply to another customer out of the dialog unless the brand answered it', () => {
    const peer = ev('inbound', '2024-03-04T10:00:00Z', { messageId: 't:5', replyTo: 't:9', peerReply: true, text: 'same here' });
    expect(pairExchanges([peer])).toEqual([]);
    const answer = ev('outbound', '2024-03-04T10:30:00Z', { replyTo: 't:5' });
    expect(dialogFigures([peer, answer])).toMatchObject({ inbound: 1, answered: 1, medianResponseMinutes: 30 });
  });
});
