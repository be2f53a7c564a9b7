import type { Contact, Customer, IngestedEvent, IdentityKeys, Source } from '../model.js';
import { linkedEvent, linkRecordOf, type LinkRecord } from './link-record.js';
import { markReplies } from './link-replies.js';
import { repeatedRecords } from './link-repeats.js';
import { byCodePoint } from '../collation.js';
import { displayName, type NameSeen } from './names.js';
import { noPasses, type Passes } from '../progress.js';

export interface LinkOptions {
  /** The brand's own handles (--brand, normalised); the authors of rows the export marks as outbound are added. */
  brandHandles?: ReadonlySet<string>;
  /** Hears linking's LINK_PASSES passes over the records (progress.ts passTicker), each started with next(). */
  passes?: Passes;
}

/**
 * How many passes linkCustomers reports: joining by keys, the other joins and the keys made unique, the replies
 * marked, the repeated records found. Each takes a few tenths of a second at 100k records.
 */
export const LINK_PASSES = 4;

/** How the rows of one file found their customers, beyond a plain id, email or handle. */
export interface FileLinks {
  /** Rows whose customer rests on their name alone (no id, email or handle), see Customer.nameJoins. */
  nameJoins: number;
  /** Rows that named nobody and joined the customer of their order. */
  byOrder: number;
  /** Rows joined by another id of the person (IdentityKeys.altId, Customer.aliases). */
  byAlias: number;
  /** Rows by a placeholder author or by nobody, each made a customer of its own. */
  anonymous: number;
  /** Rows that found no customer at all, and were therefore rejected (set by rejectUnjoined). */
  unjoined: number;
  /** Rows that repeat a record of the same customer (same kind, time and words), rejected (set by rejectUnjoined). */
  duplicates: number;
}

export interface Linked {
  customers: Customer[];
  /** The same events, each with customerKey set (null only for rows nobody could be found for). */
  events: IngestedEvent[];
  warnings: string[];
  /** Per input file: how its rows were joined. */
  files: Map<string, FileLinks>;
  /**
   * Records that found no customer, by event id, with the reason a user can act on. Their rows are rejected by
   * rejectUnjoined; the brand's own posts to everyone (no reply-to) are not among them: they join nobody by design.
   */
  unjoined: Map<string, string>;
  /**
   * Records that repeat an earlier record of the same customer word for word (same kind, time and rating; for
   * tickets, messages and posts also the same id): a review an export lists once per product variant, a survey
   * answer attached to two orders. By event id, with the record
   * they repeat; rejectUnjoined rejects their rows, so one review counts once for stage and attention.
   */
  duplicates: Map<string, string>;
}

type JoinedBy = 'id' | 'alias' | 'email' | 'handle' | 'name';

/** Looks customers up by any of their keys; a key is namespaced so an id "42" never meets a handle "42". */
class CustomerIndex {
  private readonly byKey = new Map<string, Customer>();
  /** Names shared by different customers: joining by them would guess. */
  private readonly ambiguousNames = new Set<string>();
  /** Per name, the customer made from rows that carry only that name. */
  private readonly nameHolders = new Map<string, Customer>();
  readonly customers: Customer[] = [];

  /**
   * The customer a row's keys name, strongest key first. An alias comes last, after email and handle, and is only
   * ever looked up among aliases: another system's id (Zendesk's requester id 3612) is no CRM id, so it must never
   * meet CRM contact 3612.
   */
  find(keys: IdentityKeys): { customer: Customer; by: JoinedBy } | undefined {
    const tries: [string | undefined, JoinedBy][] = [
      [keys.crmId && `id:${keys.crmId}`, 'id'],
      [keys.email && `email:${keys.email}`, 'email'],
      [keys.handle && `handle:${keys.handle}`, 'handle'],
      [keys.crmId && `email:${keys.crmId.toLowerCase()}`, 'email'],
      [keys.crmId && `handle:${keys.crmId.toLowerCase()}`, 'handle'],
      // A row whose only id is a person's alias (Olist's orders name customer_id, the person is customer_unique_id).
      [keys.crmId && `alt:${keys.crmId}`, 'alias'],
      [keys.altId && `alt:${keys.altId}`, 'alias'],
    ];
    for (const [key, by] of tries) {
      const customer = key ? this.byKey.get(key) : undefined;
      if (customer) return { customer, by };
    }
    if (keys.crmId || keys.altId || keys.email || keys.handle || !keys.name) return undefined;
    // A name is the weakest key: used only when the row has nothing else and the name is unique. Rows with a name
    // several customers bear join none of them but the one customer kept for such rows (holdName).
    const key = nameKey(keys.name);
    const customer = this.byKey.get(key) ?? this.nameHolders.get(key);
    return customer ? { customer, by: 'name' } : undefined;
  }

  /** Keep `customer`, made from a row with only a name, as the one customer of all rows with only that name. */
  holdName(customer: Customer): void {
    if (customer.name) this.nameHolders.set(nameKey(customer.name), customer);
  }

  /** The customers made for rows with only a name that other customers bear too, with those others. */
  sharedNames(): { holder: Customer; others: Customer[] }[] {
    const bearers = new Map<string, Customer[]>();
    for (const customer of this.customers) {
      if (!customer.name || customer.anonymous) continue;
      const key = nameKey(customer.name);
      const list = bearers.get(key) ?? [];
      list.push(customer);
      bearers.set(key, list);
    }
    return [...this.nameHolders].flatMap(([key, holder]) => {
      const others = (bearers.get(key) ?? []).filter((c) => c !== holder);
      return others.length > 0 ? [{ holder, others }] : [];
    });
  }

  add(customer: Customer): void {
    this.customers.push(customer);
    this.remember(customer);
  }

  remember(customer: Customer): void {
    if (customer.crmId) this.byKey.set(`id:${customer.crmId}`, customer);
    for (const alias of customer.aliases) this.byKey.set(`alt:${alias}`, customer);
    for (const email of customer.emails) this.byKey.set(`email:${email}`, customer);
    for (const handle of customer.handles) this.byKey.set(`handle:${handle}`, customer);
    if (customer.name && !customer.anonymous) {
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

  /** Register every customer's name afresh, once their names are settled (settleNames): the old ones may be gone. */
  reindexNames(): void {
    for (const key of [...this.byKey.keys()]) if (key.startsWith('name:')) this.byKey.delete(key);
    this.ambiguousNames.clear();
    for (const customer of this.customers) this.remember(customer);
  }
}

export const nameKey = (name: string): string => `name:${name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`;

function newCustomer(key: string, extra: Partial<Customer> = {}): Customer {
  return { key, name: null, crmId: null, emails: [], handles: [], contact: null, aliases: [], anonymous: false, nameJoins: [], ...extra };
}

function fromContact(contact: Contact): Customer {
  const { crmId, email, altId } = contact.keys;
  return newCustomer(crmId ?? email ?? contact.handles[0] ?? '', {
    name: contact.name,
    crmId: crmId ?? null,
    emails: email ? [email] : [],
    handles: [...contact.handles],
    contact,
    aliases: altId && altId !== crmId ? [altId] : [],
  });
}

/**
 * A customer known only from an event: an email on a ticket, a handle on a comment, an id on an order, a name. An
 * alias joins them only when the row gives it beside their CRM id; a row with nothing but an alias is keyed by it,
 * and stays an alias (never a CRM id another system's row could meet).
 */
function fromEvent(event: Pick<LinkRecord, 'who'>): Customer | null {
  const { crmId, email, handle, name, asWritten, altId } = event.who;
  const aliasOnly = !crmId && !email && !handle && altId !== undefined;
  const key = crmId ?? (email || handle ? (asWritten ?? email ?? handle) : aliasOnly ? altId : name);
  if (!key) return null;
  return newCustomer(key, {
    name: name ?? null,
    crmId: crmId ?? null,
    emails: email ? [email] : [],
    handles: handle ? [handle] : [],
    aliases: altId && (crmId || aliasOnly) && altId !== crmId ? [altId] : [],
  });
}

const hasPersonKey = (keys: IdentityKeys): boolean => Boolean(keys.crmId || keys.altId || keys.email || keys.handle);

/**
 * Join events to customers, in passes that each use a weaker kind of evidence:
 * 1. ids, emails, handles and aliases (contacts first, so their keys win), then names when a row has nothing else;
 * 2. rows naming nobody but an order join the customer of that order (Olist: review → order → customer);
 * 3. rows by a placeholder author ("Ein Google-Nutzer"), and reviews by nobody, become customers of their own;
 * 4. the brand's replies join the customer of the message they answer.
 * A record that still has no customer gets the reason (Linked.unjoined; rejectUnjoined rejects its row), and every
 * customer key is made unique. Then each record learns whether it awaits an answer and how many of its answers the
 * export names but lacks.
 */
export function linkCustomers(contacts: readonly Contact[], events: readonly IngestedEvent[], options: LinkOptions = {}): Linked {
  const records: (LinkRecord | undefined)[] = events.map(linkRecordOf);
  const plan = planLinks(contacts, records as LinkRecord[], options);
  // Each record is let go once its decisions are on its event: a run's records and linked events are never all alive.
  const linked = events.map((event, i) => {
    const record = records[i]!;
    records[i] = undefined;
    return linkedEvent(event, record);
  });
  return { ...plan, events: linked };
}

/** What linking decides beside each record's own decisions (LinkRecord): the customers, the warnings, the rows lost. */
export type LinkPlan = Omit<Linked, 'events'>;

/**
 * linkCustomers on the records alone (link-record.ts): each record is linking's own to decide on, and takes its
 * customer key, order date, replies and the rest in place; the plan holds what concerns the run.
 */
export function planLinks(contacts: readonly Contact[], records: LinkRecord[], options: LinkOptions = {}): LinkPlan {
  const passes = options.passes ?? noPasses;
  const index = new CustomerIndex();
  const warnings: string[] = [];
  const files = new Map<string, FileLinks>();
  const fileLinks = (file: string): FileLinks => {
    let links = files.get(file);
    if (!links) files.set(file, (links = { nameJoins: 0, byOrder: 0, byAlias: 0, anonymous: 0, unjoined: 0, duplicates: 0 }));
    return links;
  };
  for (const event of records) fileLinks(event.source.file);
  const contactNames = addContacts(index, contacts, warnings);

  const linked = records;
  const owner: (Customer | null)[] = linked.map(() => null);
  const nameOnly = new Map<Customer, LinkRecord[]>();
  /** How many rows each customer got from their own identity (not as the brand's reply). */
  const placed = new Map<Customer, number>();
  const place = (i: number, customer: Customer) => {
    owner[i] = customer;
    placed.set(customer, (placed.get(customer) ?? 0) + 1);
  };
  const settle = () => settleNames(index.customers, contactNames, linked, owner);
  // Names are settled once the keyed rows are placed, so rows with only a name meet every customer by the name the
  // rule gives them, not by whichever name their first row happened to carry.
  const keyed = passes.next(linked.length);
  const spellings = joinByKeys(index, linked, place, nameOnly, fileLinks, () => {
    settle();
    index.reindexNames();
  }, keyed);
  const joined = passes.next(1);
  const orders = joinByOrder(linked, owner, place, fileLinks, warnings);
  makeAnonymous(index, linked, owner, place, fileLinks);

  const byMessage = new Map<string, number>();
  linked.forEach((event, i) => event.messageId && byMessage.set(event.messageId, i));
  sharedMessageIds(linked, warnings);
  answerThreads(index, linked, owner, byMessage, warnings);
  const unjoined = unjoinedReasons(linked, owner, orders, byMessage);
  settle();
  keyByFirstSpelling(spellings);
  sortIdentities(index.customers);
  recordNameJoins(nameOnly, placed, fileLinks);
  distinctKeys(index.customers, firstRows(linked, owner), warnings);
  warnings.push(...sharedNameWarnings(index, nameOnly));
  joined(1);

  const replies = passes.next(1);
  linked.forEach((event, i) => (event.customerKey = owner[i]?.key ?? null));
  markReplies(linked, byMessage, options.brandHandles ?? new Set());
  replies(1);
  return { customers: index.customers, warnings, files, unjoined, duplicates: repeatedRecords(linked, passes.next(linked.length)) };
}

/**
 * Contacts become customers; a repeated id merges into the first record (a new alias is no duplicate: Olist).
 * Returns the names each customer's contact records give, for settleNames.
 */
function addContacts(index: CustomerIndex, contacts: readonly Contact[], warnings: string[]): Map<Customer, NameSeen[]> {
  const names = new Map<Customer, NameSeen[]>();
  const named = (customer: Customer, contact: Contact) => contact.name && names.set(customer, [...(names.get(customer) ?? []), { name: contact.name, at: contact.createdAt }]);
  for (const contact of contacts) {
    const existing = contact.keys.crmId ? index.claimed(`id:${contact.keys.crmId}`) : undefined;
    if (!existing) {
      const customer = fromContact(contact);
      index.add(customer);
      named(customer, contact);
      continue;
    }
    named(existing, contact);
    const { altId, email } = contact.keys;
    const newAlias = altId !== undefined && altId !== existing.crmId && !existing.aliases.includes(altId);
    if (newAlias) existing.aliases.push(altId);
    else warnings.push(`${contact.source.file}:${contact.source.line}: customer id ${contact.keys.crmId} appears again; merged into the first record`);
    if (email && !existing.emails.includes(email)) existing.emails.push(email);
    for (const handle of contact.handles) if (!existing.handles.includes(handle)) existing.handles.push(handle);
    index.remember(existing);
  }
  return names;
}

/**
 * Every customer's display name by the rule of names.ts: their contact records' name, else the commonest name on
 * their own records (the brand's replies carry the customer's row, not a name of theirs). A customer made for a
 * placeholder author keeps the name thick gave them.
 */
function settleNames(customers: readonly Customer[], contactNames: ReadonlyMap<Customer, NameSeen[]>, linked: readonly LinkRecord[], owner: readonly (Customer | null)[]): void {
  const recordNames = new Map<Customer, NameSeen[]>();
  linked.forEach((event, i) => {
    const customer = owner[i];
    if (!customer || event.direction === 'outbound' || !event.who.name) return;
    recordNames.set(customer, [...(recordNames.get(customer) ?? []), { name: event.who.name, at: event.at }]);
  });
  for (const customer of customers) {
    if (customer.anonymous) continue;
    customer.name = displayName(contactNames.get(customer) ?? [], recordNames.get(customer) ?? []) ?? customer.name;
  }
}

/**
 * A customer's e-mails, handles and aliases in an order the rows do not decide: their contact record's own first (as
 * the record lists them), then the ones their records taught, by code point.
 */
function sortIdentities(customers: readonly Customer[]): void {
  const ordered = (values: string[], own: readonly string[]) => [...own.filter((v) => values.includes(v)), ...values.filter((v) => !own.includes(v)).sort(byCodePoint)];
  for (const customer of customers) {
    const keys = customer.contact?.keys;
    customer.emails = ordered(customer.emails, keys?.email ? [keys.email] : []);
    customer.handles = ordered(customer.handles, customer.contact?.handles ?? []);
    customer.aliases = ordered(customer.aliases, keys?.altId && keys.altId !== keys.crmId ? [keys.altId] : []);
  }
}

/**
 * Pass 1: rows with an id, email, handle, alias or (alone) a name find or found their customer. Returns how the
 * input wrote the email or handle of customers known by nothing else.
 */
function joinByKeys(
  index: CustomerIndex,
  linked: LinkRecord[],
  place: (i: number, customer: Customer) => void,
  nameOnly: Map<Customer, LinkRecord[]>,
  fileLinks: (file: string) => FileLinks,
  afterKeyed: () => void,
  tick: (done: number) => void,
): Map<Customer, Set<string>> {
  const spellings = new Map<Customer, Set<string>>();
  const join = (event: LinkRecord, i: number) => {
    const who = event.who;
    const found = index.find(who);
    let customer = found?.customer;
    if (customer) learnKeys(customer, who, found!.by);
    else customer = fromEvent(event) ?? undefined;
    if (!customer) return;
    if (!found) index.add(customer);
    else index.remember(customer);
    if (!found && !hasPersonKey(who)) index.holdName(customer);
    place(i, customer);
    if (found?.by === 'alias') fileLinks(event.source.file).byAlias++;
    if (!hasPersonKey(who)) nameOnly.set(customer, (nameOnly.get(customer) ?? []).concat(event));
    // Written forms of the key of a customer known by nothing firmer: an e-mail or handle, else a name alone.
    const written = customer.contact || customer.crmId ? undefined : (who.asWritten ?? (hasPersonKey(who) ? undefined : who.name));
    if (written) spellings.set(customer, (spellings.get(customer) ?? new Set<string>()).add(written));
  };
  // Rows with a key first, so every name their customers bear is known before a row with only a name is placed:
  // whether a name is shared must not depend on the order of the rows.
  linked.forEach((event, i) => {
    if (hasPersonKey(event.who)) join(event, i);
    tick(i + 1);
  });
  afterKeyed();
  // The brand's words with no customer column are placed by the thread they answer (pass 4).
  linked.forEach((event, i) => !hasPersonKey(event.who) && event.direction !== 'outbound' && event.who.name && join(event, i));
  return spellings;
}

/**
 * An event may teach us another key of a known customer (a ticket's email next to its CRM id). An alias is learnt
 * only from a row that gives it beside the customer's own CRM id (Olist's customers file: customer_unique_id and
 * customer_id): an alias found next to an email or another id may be a different system's id of someone else.
 */
function learnKeys(customer: Customer, who: IdentityKeys, by: JoinedBy): void {
  if (who.email && !customer.emails.includes(who.email)) customer.emails.push(who.email);
  if (who.handle && !customer.handles.includes(who.handle)) customer.handles.push(who.handle);
  const declared = by === 'id' && who.crmId === customer.crmId;
  if (declared && who.altId && who.altId !== customer.crmId && !customer.aliases.includes(who.altId)) customer.aliases.push(who.altId);
}

/**
 * Pass 2: a row that names nobody but carries an order id (an order item, a survey answer about an order) joins
 * the customer of that order, as the orders export of the run names them. An order line without a date takes the
 * date its order was placed, and a line of a cancelled order is cancelled too.
 */
function joinByOrder(linked: LinkRecord[], owner: (Customer | null)[], place: (i: number, customer: Customer) => void, fileLinks: (file: string) => FileLinks, warnings: string[]): OrderOwners {
  const orderOwner = new Map<string, Customer | null>();
  const orderDate = new Map<string, Date>();
  const seen = new Set<string>();
  const cancelled = new Map<string, string>();
  linked.forEach((event, i) => {
    if (event.kind !== 'order' || !event.orderId) return;
    if (Object.keys(event.who).length > 0) seen.add(event.orderId);
    if (event.cancelled && event.status) cancelled.set(event.orderId, event.status);
    if (event.at && (!orderDate.has(event.orderId) || event.at < orderDate.get(event.orderId)!)) orderDate.set(event.orderId, event.at);
    const customer = owner[i];
    if (!customer) return;
    const known = orderOwner.get(event.orderId);
    // One order, two customers: joining through it would guess.
    orderOwner.set(event.orderId, known === undefined || known === customer ? customer : null);
  });
  const ambiguous = [...orderOwner.values()].filter((c) => c === null).length;
  if (ambiguous > 0) warnings.push(`${ambiguous} order id${ambiguous === 1 ? ' belongs' : 's belong'} to two customers; rows that name only such an order join neither`);
  linked.forEach((event, i) => {
    if (event.kind === 'order' && !event.at && event.orderId) event.at = orderDate.get(event.orderId) ?? null;
    // Every line of a cancelled order is cancelled: Olist states it once in the orders file, Shopify on the first line.
    const status = event.kind === 'order' && event.orderId ? cancelled.get(event.orderId) : undefined;
    if (status) {
      event.cancelled = true;
      event.status = event.status ?? status;
    }
    if (owner[i] || !event.orderId || hasPersonKey(event.who) || event.direction === 'outbound') return;
    const customer = orderOwner.get(event.orderId);
    if (!customer) return;
    place(i, customer);
    fileLinks(event.source.file).byOrder++;
  });
  return { owners: orderOwner, seen };
}

/**
 * Per order id, its customer (null: two customers claim it); and the order ids of order lines that name someone
 * (the orders file's rows, not the items that name only their order).
 */
interface OrderOwners {
  owners: ReadonlyMap<string, Customer | null>;
  seen: ReadonlySet<string>;
}

/** Kinds of record that are always somebody's, even when the export names nobody: one customer per record. */
export const ALWAYS_SOMEBODYS: ReadonlySet<LinkRecord['kind']> = new Set<LinkRecord['kind']>(['review', 'survey']);

/**
 * Pass 3: a row by a placeholder author ("Ein Google-Nutzer", "Kunde") or with a placeholder for its id or e-mail
 * ("N/A", "0") identifies nobody, and a review or survey answer by nobody named is still somebody's: each becomes
 * its own anonymous customer, keyed by its record id (or its file's name and line) and named by the placeholder plus
 * the shortest tail of that id no other such record shares, so the index tells them apart.
 */
function makeAnonymous(index: CustomerIndex, linked: LinkRecord[], owner: (Customer | null)[], place: (i: number, customer: Customer) => void, fileLinks: (file: string) => FileLinks): void {
  const anonymous = linked.flatMap((event, i) => {
    if (owner[i] || event.direction !== 'inbound') return [];
    if (!event.who.placeholder && !event.who.placeholderId && !ALWAYS_SOMEBODYS.has(event.kind)) return [];
    return [{ event, i, recordId: recordIdOf(event) }];
  });
  const tails = distinctTails(anonymous.flatMap(({ recordId }) => (recordId ? [recordId] : [])));
  const taken = new Set(index.customers.map((c) => c.key));
  for (const { event, i, recordId } of anonymous) {
    // The file's name, not its path: the key must not change when the export moves to another folder.
    const here = `${baseName(event.source.file)}:${event.source.line}`;
    const key = [recordId, here, `${event.source.file}:${event.source.line}`].find((k): k is string => k !== null && !taken.has(k)) ?? event.id;
    taken.add(key);
    const label = event.who.placeholder ?? 'Anonymous';
    const customer = newCustomer(key, { name: recordId ? `${label} #${tails.get(recordId)}` : `${label} (${here})`, anonymous: true });
    index.add(customer);
    place(i, customer);
    fileLinks(event.source.file).anonymous++;
  }
}

/** The record's own id (a review id), unless the export had none and it was made from the file and line. */
export function recordIdOf(event: Pick<IngestedEvent, 'messageId' | 'id'>): string | null {
  if (!event.messageId || event.messageId.endsWith(`:${event.id}`)) return null;
  return event.messageId.slice(event.messageId.indexOf(':') + 1);
}

const baseName = (file: string): string => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** Tails are at least this long (or the whole id): a one-letter "#7" is hard to search for. */
const MIN_TAIL = 4;

/**
 * For each id, its shortest tail that is the tail of no other id (at least MIN_TAIL characters, at most the whole
 * id). Ids that share a prefix (ObjectIds, UUIDs from one source) differ at the end. Sorting the reversed ids puts
 * the ids with the longest common tail next to each other, so two neighbours tell each id's length.
 */
export function distinctTails(ids: readonly string[]): Map<string, string> {
  const reversed = [...new Set(ids)].map((id) => id.split('').reverse().join('')).sort(byCodePoint);
  const common = (a: string | undefined, b: string | undefined): number => {
    if (a === undefined || b === undefined) return 0;
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  const tails = new Map<string, string>();
  reversed.forEach((r, k) => {
    const id = r.split('').reverse().join('');
    const length = Math.min(id.length, Math.max(MIN_TAIL, Math.max(common(r, reversed[k - 1]), common(r, reversed[k + 1])) + 1));
    tails.set(id, id.slice(id.length - length));
  });
  return tails;
}

/** The same message id in two files: probably the same export given twice. */
function sharedMessageIds(linked: readonly LinkRecord[], warnings: string[]): void {
  const fileOf = new Map<string, string>();
  const pairs = new Set<string>();
  for (const event of linked) {
    if (!event.messageId) continue;
    const earlier = fileOf.get(event.messageId);
    if (earlier && earlier !== event.source.file) pairs.add(`${earlier} and ${event.source.file}`);
    fileOf.set(event.messageId, event.source.file);
  }
  for (const files of pairs) warnings.push(`${files} contain the same message ids: the same export given twice? Their messages count twice`);
}

/**
 * Pass 4: brand replies belong to whoever wrote the message they answer; follow the thread up to a customer. A brand
 * post without a reply id that opens with @handle answers that customer.
 */
function answerThreads(index: CustomerIndex, linked: LinkRecord[], owner: (Customer | null)[], byMessage: Map<string, number>, warnings: string[]): void {
  const orphans: LinkRecord[] = [];
  linked.forEach((event, i) => {
    if (owner[i] || event.direction !== 'outbound') return;
    let parent = event.replyTo ? byMessage.get(event.replyTo) : undefined;
    const seen = new Set<number>();
    while (parent !== undefined && !owner[parent] && linked[parent]!.replyTo && !seen.has(parent)) {
      seen.add(parent);
      parent = byMessage.get(linked[parent]!.replyTo!);
    }
    const mentioned = parent === undefined ? event.addressees.map((handle) => index.find({ handle })?.customer).find(Boolean) : undefined;
    owner[i] = (parent !== undefined ? owner[parent] : mentioned) ?? null;
    // A broadcast answers nobody by design; a reply to a message missing from the data is worth a word.
    if (!owner[i] && event.replyTo && !byMessage.has(event.replyTo)) orphans.push(event);
  });
  if (orphans.length > 0) {
    const one = orphans.length === 1;
    warnings.push(`${orphans.length} brand repl${one ? 'y answers a message' : 'ies answer messages'} not in the data (${listRows(orphans)}): ${one ? 'it joins' : 'they join'} no customer and ${one ? 'is' : 'are'} rejected`);
  }
}

/** A message id as the export wrote it, without thick's conversation space ("twitter:404" → "404"). */
const shownId = (id: string): string => id.slice(id.indexOf(':') + 1);

/**
 * Why each record that found no customer cannot be placed, in words a user can act on. The brand's posts to
 * everyone (no reply-to) are left out: they join nobody by design, and still tell thick the brand's handle and
 * which comments answer the brand.
 */
function unjoinedReasons(linked: readonly LinkRecord[], owner: readonly (Customer | null)[], orders: OrderOwners, byMessage: ReadonlyMap<string, number>): Map<string, string> {
  const reasons = new Map<string, string>();
  linked.forEach((event, i) => {
    if (owner[i]) return;
    if (event.direction === 'outbound') {
      if (!event.replyTo) return;
      const parent = byMessage.get(event.replyTo);
      const answered = parent === undefined ? `message ${shownId(event.replyTo)}, which is in no file of this run` : `${linked[parent]!.source.file}:${linked[parent]!.source.line}, which joined no customer`;
      reasons.set(event.id, `the brand's reply to ${answered}`);
    } else if (event.orderId && !hasPersonKey(event.who)) {
      const order = event.orderId;
      const owners = orders.owners.get(order);
      reasons.set(
        event.id,
        owners === null
          ? `order ${order} belongs to two customers in this run, so whose this row is cannot be told`
          : orders.seen.has(order)
            ? `order ${order} belongs to no customer in this run (its orders row names a placeholder, which identifies nobody)`
            : `order ${order} is in no orders file of this run`,
      );
    } else reasons.set(event.id, 'names no customer (no id, email, handle or name)');
  });
  return reasons;
}

/**
 * A customer known only by a handle, an email or a name is keyed the same way whatever the file order: the first
 * spelling in code point order, so a weekly CI run does not see a new id when a glob lists files differently.
 */
function keyByFirstSpelling(spellings: Map<Customer, Set<string>>): void {
  for (const [customer, written] of spellings) customer.key = [...written].sort(byCodePoint)[0]!;
}

/** How many rows a warning lists before it only counts the rest. */
const LISTED_ROWS = 10;

const listRows = (rows: readonly LinkRecord[]): string =>
  rows.slice(0, LISTED_ROWS).map((e) => `${e.source.file}:${e.source.line}`).join(', ') + (rows.length > LISTED_ROWS ? ` and ${rows.length - LISTED_ROWS} more` : '');

/** Rows with only a name that several customers bear: kept apart from all of them, and the user told which. */
function sharedNameWarnings(index: CustomerIndex, nameOnly: ReadonlyMap<Customer, LinkRecord[]>): string[] {
  return index.sharedNames().map(({ holder, others }) => {
    const rows = nameOnly.get(holder) ?? [];
    const one = rows.length === 1;
    return (
      `${rows.length} row${one ? '' : 's'} with only the name "${holder.name}", which ${others.length === 1 ? 'another customer bears' : `${others.length} other customers bear`} ` +
      `(${others.map((c) => c.key).join(', ')}), joined none of them: ${one ? 'it is' : 'they are'} customer "${holder.key}" (${listRows(rows)}); ` +
      'an id or e-mail on those rows would tell whose they are'
    );
  });
}

/** The first row each customer was found on, for messages about them. */
function firstRows(linked: readonly LinkRecord[], owner: readonly (Customer | null)[]): Map<Customer, Source> {
  const first = new Map<Customer, Source>();
  owner.forEach((customer, i) => customer && !first.has(customer) && first.set(customer, linked[i]!.source));
  return first;
}

/**
 * Every customer's key is theirs alone: profiles, reports and the events' customerKey rely on it. Two different
 * people can still arrive at the same key (a CRM id 3612 and another system's alias 3612, a name and a handle
 * written alike): all but one get a numbered key, and the user is told where each came from. Which one keeps the key
 * does not depend on the order of the rows: a contact before a customer known from records alone, then by identity.
 */
function distinctKeys(customers: readonly Customer[], firstRow: ReadonlyMap<Customer, Source>, warnings: string[]): void {
  const byKey = new Map<string, Customer[]>();
  for (const customer of customers) byKey.set(customer.key, [...(byKey.get(customer.key) ?? []), customer]);
  const taken = new Set(byKey.keys());
  for (const key of [...byKey.keys()].sort(byCodePoint)) {
    const [, ...others] = [...byKey.get(key)!].sort(byIdentity);
    for (const customer of others) {
      let n = 2;
      while (taken.has(`${key} (${n})`)) n++;
      const renamed = `${key} (${n})`;
      const source = customer.contact?.source ?? firstRow.get(customer);
      const where = source ? `${source.file}:${source.line}: ` : '';
      warnings.push(`${where}the customer key "${key}" is another customer's already (a CRM id and another system's id, or a name and a handle, written alike); this one is "${renamed}"`);
      customer.key = renamed;
      taken.add(renamed);
    }
  }
}

/** Customers that share a key, in an order of what they are: contacts first, then CRM ids, then by their keys. */
function byIdentity(a: Customer, b: Customer): number {
  const rank = (c: Customer): number => (c.contact ? 0 : c.crmId ? 1 : c.emails.length > 0 || c.handles.length > 0 ? 2 : c.aliases.length > 0 ? 3 : 4);
  const identity = (c: Customer): string => JSON.stringify([c.crmId, c.emails, c.handles, c.aliases, c.name]);
  return rank(a) - rank(b) || byCodePoint(identity(a), identity(b));
}

/**
 * Rows whose place rests on their name alone: a name-only row joined to a customer that has other rows (or a
 * contact), or several name-only rows sharing a name. Their sources are the evidence shown with the customer.
 */
function recordNameJoins(nameOnly: Map<Customer, LinkRecord[]>, placed: Map<Customer, number>, fileLinks: (file: string) => FileLinks): void {
  for (const [customer, rows] of nameOnly) {
    const joined = customer.contact !== null || rows.length > 1 || (placed.get(customer) ?? 0) > rows.length;
    if (!joined) continue;
    customer.nameJoins = rows.map((row): Source => ({ ...row.source }));
    for (const row of rows) fileLinks(row.source.file).nameJoins++;
  }
}
