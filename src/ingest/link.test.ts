import { describe, expect, it } from 'vitest';
import type { Contact, Event } from '../model.js';
import { linkCustomers } from './link.js';
import { makeEvent } from '../test-support.js';

const contact = (crmId: string, email: string, handles: string[] = []): Contact => ({
  keys: { crmId, email, handle: handles[0] },
  handles,
  name: `Person ${crmId}`,
  phone: null,
  city: null,
  crmStage: null,
  createdAt: null,
  source: { file: 'contacts.csv', line: 2 },
});

const event = (id: string, who: Event['who'], extra: Partial<Event> = {}): Event => makeEvent({ id, who, customerKey: null, at: null, text: 'hi', ...extra });

describe('linkCustomers', () => {
  it('joins by id, email and handle to the contact', () => {
    const linked = linkCustomers(
      [contact('1001', 'anna@example.com', ['anna_k'])],
      [event('a', { crmId: '1001' }), event('b', { email: 'anna@example.com' }), event('c', { handle: 'anna_k' })],
    );
    expect(linked.customers).toHaveLength(1);
    expect(linked.events.map((e) => e.customerKey)).toEqual(['1001', '1001', '1001']);
  });

  it('makes an unknown handle its own, unlinked customer', () => {
    const linked = linkCustomers([contact('1001', 'anna@example.com')], [event('a', { handle: 'stranger' })]);
    expect(linked.customers.map((c) => [c.key, c.contact])).toEqual([
      ['1001', expect.anything()],
      ['stranger', null],
    ]);
  });

  it("gives a brand reply the customer of the message it answers", () => {
    const linked = linkCustomers(
      [contact('1001', 'anna@example.com', ['anna_k'])],
      [event('q', { handle: 'anna_k' }, { messageId: 'ig-1' }), event('r', {}, { direction: 'outbound', replyTo: 'ig-1', messageId: 'ig-2' })],
    );
    expect(linked.events[1]!.customerKey).toBe('1001');
  });

  it('warns about a duplicate customer id and merges it', () => {
    const linked = linkCustomers([contact('1001', 'a@x.de'), contact('1001', 'b@x.de')], []);
    expect(linked.customers).toHaveLength(1);
    expect(linked.customers[0]!.emails).toEqual(['a@x.de', 'b@x.de']);
    expect(linked.warnings[0]).toMatch(/customer id 1001 appears again/);
  });
});
