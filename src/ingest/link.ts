import type { Contact, Customer, Event } from '../model.js';
import { normaliseHandle } from './normalise.js';

export interface LinkOptions {
  /** The brand's own handles (--brand, normalised); the authors of rows the export marks as outbound are added. */
  brandHandles?: ReadonlySet<string>;
}

export interface Linked {
  customers: Customer[];
  /** The same events, each with customerKey set (null only for brand posts that answer nobody we know). */
  events: Event[];
  warnings: string[];
}

/** Looks customers up by any of their keys; a key is namespaced so an id "42" never meets a handle "42". */
class CustomerIndex {
  private readonly byKey = new Map<string, Customer>();
  /** Names shared by different customers: joining by them would guess. */
  private readonly ambiguousNames = new Set<string>();
  readonly customers: Customer[] = [];

  find(keys: Event['who']): Customer | undefined {
    const byId =
      (keys.crmId && this.byKey.get(`id:${keys.crmId}`)) ||
      (keys.email && this.byKey.get(`email:${keys.email}`)) ||
      (keys.handle && this.byKey.get(`handle:${keys.handle}`)) ||
      (keys.crmId && this.byKey.get(`email:${keys.crmId.toLowerCase()}`)) ||
      (keys.crmId && this.byKey.get(`handle:${keys.crmId.toLowerCase()}`)) ||
      undefined;
    if (byId || keys.crmId || keys.email || keys.handle || !keys.name) return byId;
    // A name is the weakest key: used only when the row has nothing else and the name is unique.
    return this.byKey.get(nameKey(keys.name));
  }

  add(customer: Customer): void {
    this.customers.push(customer);
    this.remember(customer);
  }

  remember(customer: Customer): void {
    if (customer.crmId) this.byKey.set(`id:${customer.crmId}`, customer);
    for (const email of customer.emails) this.byKey.set(`email:${email}`, customer);
    for (const handle of customer.handles) this.byKey.set(`handle:${handle}`, customer);
    if (customer.name) {
      const key = nameKey(customer.name);
      const other = this.byKey.get(key);
      if (this.ambiguousNames.has(key) || (other && other !== customer)) {
        this.ambiguousNames.add(key);
        this.byKey.delete(key);
      } else this.byKey.set(key, customer);
    }
  }

  claimed(key: string): Customer | undefined {
    return this.byKey.get(key);
  }
}

const nameKey = (name: string): string => `name:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;

/** The handles a brand post addresses at its start ("@anna_k @ben thanks!"), lower-cased without "@". */
function leadingMentions(text: string | null): string[] {
  const lead = /^\s*((?:@[\w.]+[\s,:]*)+)/.exec(text ?? '');
  return lead ? [...lead[1]!.matchAll(/@([\w.]+?)(?=[\s,:]|$)/g)].map((m) => m[1]!.toLowerCase()) : [];
}

/** Every handle a text mentions anywhere, normalised ("@Nordlicht.Kaffee." → "nordlicht.kaffee"). */
function mentions(text: string | null): string[] {
  return [...(text ?? '').matchAll(/@([\w.]+)/g)].map((m) => normaliseHandle(m[1]!.replace(/\.+$/, '')));
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
    aliases: [],
    anonymous: false,
    nameJoins: [],
  };
}

/** A customer known only from an event: an email on a ticket, a handle on a comment, an id on an order. */
function fromEvent(event: Event): Customer | null {
  const { crmId, email, handle, name, asWritten } = event.who;
  const key = crmId ?? (email || handle ? (asWritten ?? email ?? handle) : name);
  if (!key) return null;
  return { key, name: name ?? null, crmId: crmId ?? null, emails: email ? [email] : [], handles: handle ? [handle] : [], contact: null, aliases: [], anonymous: false, nameJoins: [] };
}

/**
 * Join events to customers by CRM id, email or social handle (contacts first, so their keys win), and give the
 * brand's replies the customer of the message they answer. Then each record learns whether it awaits an answer and
 * how many of its answers the export names but lacks.
 */
export function linkCustomers(contacts: readonly Contact[], events: readonly Event[], options: LinkOptions = {}): Linked {
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
  const byNameOnly = new Map<string, number>();
  const sharedIds = new Set<string>();
  /** How the input wrote the email or handle of customers known by nothing else. */
  const spellings = new Map<Customer, Set<string>>();
  for (const event of events) {
    if (event.direction === 'outbound' && !event.who.crmId && !event.who.email && !event.who.handle) {
      linked.push({ ...event });
      continue;
    }
    let customer = index.find(event.who);
    const { crmId, email, handle, name, asWritten } = event.who;
    if (customer?.contact && !crmId && !email && !handle && name) {
      byNameOnly.set(event.source.file, (byNameOnly.get(event.source.file) ?? 0) + 1);
    }
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
    if (customer && !customer.contact && !customer.crmId && asWritten) {
      spellings.set(customer, (spellings.get(customer) ?? new Set<string>()).add(asWritten));
    }
    const withKey = { ...event, customerKey: customer?.key ?? null };
    linked.push(withKey);
    if (withKey.messageId) {
      const earlier = byMessage.get(withKey.messageId);
      if (earlier && earlier.source.file !== withKey.source.file) sharedIds.add(`${earlier.source.file} and ${withKey.source.file}`);
      byMessage.set(withKey.messageId, withKey);
    }
  }
  for (const [file, n] of byNameOnly) {
    warnings.push(`${file}: ${n} row${n === 1 ? ' was' : 's were'} joined to a CRM contact by name alone (no id, email or handle on the row); check for namesakes`);
  }
  for (const files of sharedIds) warnings.push(`${files} contain the same message ids: the same export given twice? Their messages count twice`);

  // Brand replies belong to whoever wrote the message they answer; follow the thread up to a customer.
  // A brand post without a reply id that opens with @handle answers that customer.
  let orphans = 0;
  for (const event of linked) {
    if (event.customerKey !== null || event.direction !== 'outbound') continue;
    let parent = event.replyTo ? byMessage.get(event.replyTo) : undefined;
    const seen = new Set<string>();
    while (parent && parent.customerKey === null && parent.replyTo && !seen.has(parent.id)) {
      seen.add(parent.id);
      parent = byMessage.get(parent.replyTo);
    }
    const mentioned = parent ? undefined : leadingMentions(event.text).map((handle) => index.find({ handle })).find(Boolean);
    event.customerKey = parent?.customerKey ?? mentioned?.key ?? null;
    // A broadcast answers nobody by design; a reply to a message missing from the data is worth a word.
    if (event.customerKey === null && event.replyTo && !byMessage.has(event.replyTo)) orphans++;
    if (event.messageId) byMessage.set(event.messageId, event);
  }
  if (orphans > 0) {
    const one = orphans === 1;
    warnings.push(`${orphans} brand repl${one ? 'y answers a message' : 'ies answer messages'} not in the data; ${one ? 'it counts' : 'they count'} in no profile`);
  }

  // A customer known only by a handle or email is named the same way whatever the file order: the first
  // spelling in sort order, so a weekly CI run does not see a new id when a glob lists files differently.
  const renamed = new Map<string, string>();
  for (const [customer, written] of spellings) {
    const key = [...written].sort()[0]!;
    if (key !== customer.key) {
      renamed.set(customer.key, key);
      customer.key = key;
    }
  }
  if (renamed.size > 0) for (const event of linked) if (event.customerKey !== null) event.customerKey = renamed.get(event.customerKey) ?? event.customerKey;

  // A customer answering another customer's post talks to a peer, not to the brand: not an unanswered message.
  for (const event of linked) {
    if (event.direction !== 'inbound' || !event.replyTo) continue;
    const parent = byMessage.get(event.replyTo);
    if (parent && parent.direction === 'inbound' && parent.customerKey !== null && parent.customerKey !== event.customerKey) event.peerReply = true;
  }
  const position = new Map(linked.map((event, i) => [event, i]));
  const byIndex = new Map([...byMessage].map(([id, event]) => [id, position.get(event)!]));
  markExpectedReplies(linked, byIndex, options.brandHandles ?? new Set());
  for (const event of linked) if (event.replies) event.unseenReplies = event.replies.filter((id) => !byMessage.has(id)).length;
  return { customers: index.customers, events: linked, warnings };
}

/**
 * Networks where a brand's export holds the comments on its own posts and page: a top-level comment there answers
 * the brand's post (the export just does not list that post). On Twitter/X a post is said to everyone unless it
 * mentions or answers someone.
 */
const COMMENT_CHANNELS = new Set(['instagram', 'facebook', 'youtube', 'tiktok', 'linkedin']);

/**
 * Which records await an answer. Tickets and messages do (set at ingest), unless they answer another customer.
 * A public post does only when it is addressed to the brand: it mentions a brand handle (--brand, or the author of
 * any row the export marks as the brand's), replies to a brand message (a top-level comment under the brand's own
 * Instagram or Facebook post included), or sits in a thread the brand joined.
 */
function markExpectedReplies(linked: Event[], byMessage: Map<string, number>, brandHandles: ReadonlySet<string>): void {
  const brand = new Set(brandHandles);
  for (const event of linked) if (event.direction === 'outbound' && event.author) brand.add(normaliseHandle(event.author));
  const rootOf = (event: Event): string | null => {
    let current = event;
    const seen = new Set<Event>();
    while (current.replyTo && !seen.has(current)) {
      seen.add(current);
      const parent = byMessage.get(current.replyTo);
      if (parent === undefined) return current.replyTo;
      current = linked[parent]!;
    }
    return current.messageId;
  };
  const brandThreads = new Set(linked.filter((e) => e.direction === 'outbound').map(rootOf).filter((root): root is string => root !== null));
  for (const event of linked) {
    if (event.peerReply) event.expectsReply = false;
    if (event.kind !== 'post' || event.direction !== 'inbound' || event.peerReply) continue;
    const parent = event.replyTo ? byMessage.get(event.replyTo) : undefined;
    const root = rootOf(event);
    event.expectsReply =
      mentions(event.text).some((handle) => brand.has(handle)) ||
      (parent !== undefined && linked[parent]!.direction === 'outbound') ||
      (!event.replyTo && COMMENT_CHANNELS.has(event.channel)) ||
      (root !== null && brandThreads.has(root));
  }
}

