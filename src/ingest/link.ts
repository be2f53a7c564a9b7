import type { Contact, Customer, Event } from '../model.js';

export interface Linked {
  customers: Customer[];
  /** The same events, each with customerKey set (null only for brand posts that answer nobody we know). */
  events: Event[];
  warnings: string[];
}

/** Looks customers up by any of their keys; a key is namespaced so an id "42" never meets a handle "42". */
class CustomerIndex {
  private readonly byKey = new Map<string, Customer>();
  readonly customers: Customer[] = [];

  find(keys: Event['who']): Customer | undefined {
    return (
      (keys.crmId && this.byKey.get(`id:${keys.crmId}`)) ||
      (keys.email && this.byKey.get(`email:${keys.email}`)) ||
      (keys.handle && this.byKey.get(`handle:${keys.handle}`)) ||
      (keys.crmId && this.byKey.get(`email:${keys.crmId.toLowerCase()}`)) ||
      (keys.crmId && this.byKey.get(`handle:${keys.crmId.toLowerCase()}`)) ||
      undefined
    );
  }

  add(customer: Customer): void {
    this.customers.push(customer);
    this.remember(customer);
  }

  remember(customer: Customer): void {
    if (customer.crmId) this.byKey.set(`id:${customer.crmId}`, customer);
    for (const email of customer.emails) this.byKey.set(`email:${email}`, customer);
    for (const handle of customer.handles) this.byKey.set(`handle:${handle}`, customer);
  }

  claimed(key: string): Customer | undefined {
    return this.byKey.get(key);
  }
}

function fromContact(contact: Contact): Customer {
  const { crmId, email } = contact.keys;
  return {
    key: crmId ?? email ?? contact.handles[0] ?? '',
    name: contact.name,
    crmId: crmId ?? null,
    emails: email ? [email] : [],
    handles: [...contact.handles],
    contact,
  };
}

/** A customer known only from an event: an email on a ticket, a handle on a comment, an id on an order. */
function fromEvent(event: Event): Customer | null {
  const { crmId, email, handle, name } = event.who;
  const key = crmId ?? email ?? handle ?? name;
  if (!key) return null;
  return { key, name: name ?? null, crmId: crmId ?? null, emails: email ? [email] : [], handles: handle ? [handle] : [], contact: null };
}

/**
 * Join events to customers by CRM id, email or social handle (contacts first, so their keys win), and give the
 * brand's replies the customer of the message they answer.
 */
export function linkCustomers(contacts: readonly Contact[], events: readonly Event[]): Linked {
  const index = new CustomerIndex();
  const warnings: string[] = [];
  for (const contact of contacts) {
    const existing = contact.keys.crmId ? index.claimed(`id:${contact.keys.crmId}`) : undefined;
    if (existing) {
      warnings.push(`${contact.source.file}:${contact.source.line}: customer id ${contact.keys.crmId} appears again; merged into the first record`);
      for (const email of contact.keys.email ? [contact.keys.email] : []) if (!existing.emails.includes(email)) existing.emails.push(email);
      for (const handle of contact.handles) if (!existing.handles.includes(handle)) existing.handles.push(handle);
      index.remember(existing);
      continue;
    }
    index.add(fromContact(contact));
  }

  const linked: Event[] = [];
  const byMessage = new Map<string, Event>();
  for (const event of events) {
    if (event.direction === 'outbound' && !event.who.crmId && !event.who.email && !event.who.handle) {
      linked.push({ ...event });
      continue;
    }
    let customer = index.find(event.who);
    if (!customer) {
      const created = fromEvent(event);
      if (created) {
        index.add(created);
        customer = created;
      }
    } else {
      // An event may teach us another key of a known customer (a ticket's email next to its CRM id).
      if (event.who.email && !customer.emails.includes(event.who.email)) customer.emails.push(event.who.email);
      if (event.who.handle && !customer.handles.includes(event.who.handle)) customer.handles.push(event.who.handle);
      if (!customer.name && event.who.name) customer.name = event.who.name;
      index.remember(customer);
    }
    const withKey = { ...event, customerKey: customer?.key ?? null };
    linked.push(withKey);
    if (withKey.messageId) byMessage.set(withKey.messageId, withKey);
  }

  // Brand replies belong to whoever wrote the message they answer; follow the thread up to a customer.
  for (const event of linked) {
    if (event.customerKey !== null || event.direction !== 'outbound') continue;
    let parent = event.replyTo ? byMessage.get(event.replyTo) : undefined;
    const seen = new Set<string>();
    while (parent && parent.customerKey === null && parent.replyTo && !seen.has(parent.id)) {
      seen.add(parent.id);
      parent = byMessage.get(parent.replyTo);
    }
    event.customerKey = parent?.customerKey ?? null;
    if (event.messageId) byMessage.set(event.messageId, event);
  }
  return { customers: index.customers, events: linked, warnings };
}
