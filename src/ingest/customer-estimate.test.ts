import { describe, expect, it } from 'vitest';
import type { Contact, Event } from '../model.js';
import { makeEvent } from '../test-support.js';
import { estimateCustomers } from './customer-estimate.js';
import { linkCustomers } from './link.js';

const contact = (keys: Contact['keys'], name: string | null = null, handles: string[] = []): Contact => ({
  keys,
  handles,
  name,
  phone: null,
  city: null,
  crmStage: null,
  createdAt: null,
  source: { file: 'contacts.csv', line: 2 },
});

let line = 1;
const record = (who: Event['who'], extra: Partial<Event> = {}): Event => {
  line += 1;
  return makeEvent({ id: `in.csv:${line}`, who, customerKey: null, at: null, text: 'hi', source: { file: 'in.csv', line }, ...extra });
};

/** The estimate, and the customers linking makes of the same contacts and records: they should agree. */
function both(contacts: Contact[], events: Event[]): { estimated: number; linked: number } {
  return { estimated: estimateCustomers([{ contacts, events }]), linked: linkCustomers(contacts, events).customers.length };
}

describe('estimateCustomers, before linking, as linking counts them', () => {
  it('joins records to a contact by id, e-mail, handle, and an id written as an e-mail', () => {
    const run = both(
      [contact({ crmId: 'K-1', email: 'ann@example.org' }, 'Ann', ['ann_k']), contact({ email: 'bo@example.org' })],
      [record({ crmId: 'K-1' }), record({ email: 'ann@example.org', asWritten: 'Ann@example.org' }), record({ handle: 'ann_k' }), record({ crmId: 'ANN_K' }), record({ crmId: 'BO@example.org' }), record({ handle: 'stranger' })],
    );
    expect(run).toEqual({ estimated: 3, linked: 3 });
  });

  it("keeps another system's id apart from a CRM id that reads the same (Zendesk's requester 1001)", () => {
    const run = both([contact({ crmId: '1001' })], [record({ altId: '1001' }), record({ altId: '1001' })]);
    expect(run).toEqual({ estimated: 2, linked: 2 });
  });

  it("joins an order that names a contact's other id, and a review that names only the order (Olist)", () => {
    const run = both(
      [contact({ crmId: 'person-1', altId: 'order-customer-1' })],
      [record({ crmId: 'order-customer-1' }, { kind: 'order', orderId: 'O-1', text: null }), record({}, { kind: 'survey', orderId: 'O-1' }), record({}, { kind: 'survey', orderId: 'O-9' })],
    );
    expect(run).toEqual({ estimated: 2, linked: 2 });
  });

  it('makes every inbound record by a placeholder, or review by nobody, a customer; a reply to one none', () => {
    const nobody = { placeholder: 'Ein Google-Nutzer' };
    const run = both(
      [],
      [record(nobody, { kind: 'review' }), record(nobody, { kind: 'review' }), record(nobody, { kind: 'post', direction: 'outbound' }), record({}, { kind: 'review' }), record({}, { kind: 'post', direction: 'outbound' })],
    );
    expect(run).toEqual({ estimated: 3, linked: 3 });
  });

  it('joins a name alone to the keyed customer of that name, however it is spaced or cased, else to one of its own', () => {
    const run = both(
      [contact({ crmId: 'K-1' }, 'Anna Becker')],
      [record({ name: 'Anna Becker' }), record({ name: 'anna  becker' }), record({ name: 'Thomas Krüger' }), record({ name: 'Thomas Krüger' })],
    );
    expect(run).toEqual({ estimated: 2, linked: 2 });
  });

  it('keeps contacts that share an e-mail under different ids apart, and merges a repeated id', () => {
    const run = both([contact({ crmId: 'K-1', email: 'team@example.org' }), contact({ crmId: 'K-2', email: 'team@example.org' }), contact({ crmId: 'K-1' })], []);
    expect(run).toEqual({ estimated: 2, linked: 2 });
  });

  it('counts a customer named in several files once', () => {
    const files = [
      { contacts: [], events: [record({ crmId: 'K-1' })] },
      { contacts: [], events: [record({ crmId: 'K-1' }), record({ crmId: 'K-2' })] },
    ];
    expect(estimateCustomers(files)).toBe(2);
  });
});
