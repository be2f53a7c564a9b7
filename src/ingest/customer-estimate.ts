// About how many customers linking will make of a run's records, told before linking runs: the memory estimate
// (cli/memory.ts) needs it while the records as read fill the heap, before linking adds its own. It follows linking's
// rules (link.ts) on the identities alone, in sets of the records' own strings, so that counting adds little to a
// heap at its fullest (~50 bytes a customer): a contact is a customer unless its id is an earlier contact's; a
// record joins a customer by id (or that id as an e-mail, a handle or another system's id), e-mail, handle or other
// id; a name alone joins a keyed customer of that name, else the one customer of its name; an inbound record by a
// placeholder, and an inbound review or survey answer by nobody that no order of a named customer claims, is a
// customer of its own. Threads (a message that answers another) are not followed: an estimate, exact on every real
// export and fixture we measured (docs/design/out-of-core-runs.md).
import type { Contact, IdentityKeys, IngestedEvent } from '../model.js';
import { ALWAYS_SOMEBODYS, nameKey } from './link.js';

/** A Set or Map in V8 holds at most 2^24 entries; past that, identities count as new (an estimate too high, not a crash). */
const MOST_KEPT = 2 ** 24 - 1;

type Counted = Pick<IngestedEvent, 'who' | 'direction' | 'kind' | 'orderId'>;

/** About how many customers linking makes of the files' contacts and records. */
export function estimateCustomers(files: readonly { contacts: readonly Contact[]; events: readonly Counted[] }[]): number {
  const tally = new CustomerTally();
  for (const file of files) for (const contact of file.contacts) tally.contact(contact);
  for (const file of files) {
    // Ingest shares one identity object among a file's equal identities (normalise.ts sharedIdentities), not across files.
    tally.nextFile();
    for (const event of file.events) tally.record(event);
  }
  if (tally.waitingOnKeyed()) {
    for (const file of files) {
      for (const contact of file.contacts) tally.settleWaiting({ who: { ...contact.keys, name: contact.name ?? undefined }, orderId: null });
      for (const event of file.events) tally.settleWaiting(event);
    }
  }
  return tally.count();
}

const hasPersonKey = (who: IdentityKeys): boolean => Boolean(who.crmId ?? who.altId ?? who.email ?? who.handle);

class CustomerTally {
  private keyed = 0;
  private anonymous = 0;
  private readonly ids = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly handles = new Set<string>();
  private readonly aliases = new Set<string>();
  private identities = new Set<IdentityKeys>();
  /** Names of records that carry nothing else, by name key: one customer each, unless a keyed customer bears it. */
  private readonly namesAlone = new Set<string>();
  /** Orders named by inbound reviews and survey answers by nobody, with how many: theirs if a named customer's order. */
  private readonly claimedOrders = new Map<string, number>();

  count = (): number => this.keyed + this.anonymous + this.namesAlone.size + [...this.claimedOrders.values()].reduce((n, k) => n + k, 0);

  contact({ keys, handles }: Contact): void {
    const known = keys.crmId !== undefined && this.ids.has(keys.crmId);
    if (!known) this.keyed += 1;
    this.remember(keys, keys.handle !== undefined ? [keys.handle, ...handles] : handles, keys.altId);
  }

  nextFile(): void {
    this.identities = new Set();
  }

  record(event: Counted): void {
    const { who } = event;
    if (hasPersonKey(who)) return this.keyedRecord(who);
    if (who.placeholder !== undefined || who.placeholderId !== undefined) {
      if (event.direction === 'inbound') this.anonymous += 1;
    } else if (who.name !== undefined) {
      if (this.namesAlone.size < MOST_KEPT) add(this.namesAlone, nameKey(who.name));
      else this.keyed += 1;
    } else if (event.direction === 'inbound' && ALWAYS_SOMEBODYS.has(event.kind)) {
      if (event.orderId !== null && this.claimedOrders.size < MOST_KEPT) this.claimedOrders.set(event.orderId, (this.claimedOrders.get(event.orderId) ?? 0) + 1);
      else this.anonymous += 1;
    }
  }

  /** Whether some records wait on the keyed ones: a name alone a keyed customer may bear, an order one may have. */
  waitingOnKeyed = (): boolean => this.namesAlone.size > 0 || this.claimedOrders.size > 0;

  /** A second look at a record or contact for those that wait: a keyed customer's name, or order, settles them. */
  settleWaiting({ who, orderId }: Pick<Counted, 'who' | 'orderId'>): void {
    if (!hasPersonKey(who)) return;
    if (who.name !== undefined && this.namesAlone.size > 0) this.namesAlone.delete(nameKey(who.name));
    if (orderId !== null) this.claimedOrders.delete(orderId);
  }

  private keyedRecord(who: IdentityKeys): void {
    if (this.identities.has(who)) return;
    if (this.identities.size < MOST_KEPT) this.identities.add(who);
    if (!this.known(who)) this.keyed += 1;
    // Another system's id is kept as the customer's only beside their id, or as all a record gives (link.ts fromEvent).
    const aliasOnly = who.crmId === undefined && who.email === undefined && who.handle === undefined;
    this.remember(who, who.handle !== undefined ? [who.handle] : [], who.crmId !== undefined || aliasOnly ? who.altId : undefined);
  }

  /** Whether linking finds a customer for the keys, in its order (link.ts CustomerIndex.find). */
  private known({ crmId, email, handle, altId }: IdentityKeys): boolean {
    if (crmId !== undefined) {
      const folded = crmId.toLowerCase();
      if (this.ids.has(crmId) || this.emails.has(folded) || this.handles.has(folded) || this.aliases.has(crmId)) return true;
    }
    return (email !== undefined && this.emails.has(email)) || (handle !== undefined && this.handles.has(handle)) || (altId !== undefined && this.aliases.has(altId));
  }

  private remember({ crmId, email }: IdentityKeys, handles: readonly string[], altId: string | undefined): void {
    if (crmId !== undefined) add(this.ids, crmId);
    if (email !== undefined) add(this.emails, email);
    for (const handle of handles) add(this.handles, handle);
    if (altId !== undefined && altId !== crmId) add(this.aliases, altId);
  }
}

/** Add to a set that may already be full: then the value is left out, and later identities count as new. */
function add(set: Set<string>, value: string): void {
  if (set.size < MOST_KEPT) set.add(value);
}
