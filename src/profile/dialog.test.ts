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
    expect(dialogFigures([q1, q2, q3, r1, r1b, r2])).toEqual({ inbound: 3, outbound: 3, answered: 2, unanswered: 1, medianResponseMinutes: 57.5 });
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
