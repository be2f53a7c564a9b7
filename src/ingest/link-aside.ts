// Linking decides on link records alone (link-record.ts, ~0.25 KB a record), but the records as read (~0.85 KB each:
// their text, the row as read, the event and row objects) stayed in memory beside them and set a big run's peak.
// Here they wait in a store the caller gives (the CLI's temporary file) while linking decides, and come back batch by
// batch as linking's decisions are put on them, each batch's link records let go as it comes back. 1,000,000
// generated events, largest heap while linking: 1.20 GB with the records in memory, 0.75 GB with them set aside.

import type { Contact, IngestedEvent } from '../model.js';
import type { FileIngest } from './index.js';
import { planLinks, type Linked, type LinkOptions } from './link.js';
import { linkedEvent, linkRecordOf, type LinkRecord } from './link-record.js';
import { sharedIdentities, sharedStrings } from './normalise.js';

/** Where records wait while linking decides: the CLI's temporary file (cli/parts.ts RunSpill), or memory in tests. */
export interface RecordStore {
  /** Keep `value` (plain data: objects, arrays, strings, numbers, booleans, dates); returns how to read it back, once. */
  keepRecords<T>(value: T): () => T;
}

/** Used rows a file sets aside at a time: big enough to cost little per batch, small beside a file of a million. */
export const ASIDE_BATCH_ROWS = 10_000;

/**
 * Some of a file's used rows (with their events) as they wait, and which of those events the file no longer holds
 * (--until cut them before linking, ingest/until.ts): their places among the batch's events, in order.
 */
interface WaitingRows {
  rows: FileIngest['used'];
  cut: number[];
}

/**
 * linkCustomers over the files' events, with the files' used rows and events set aside in `store` while linking
 * decides. The files are the run's own: on return each holds its used rows and events again, every event that took
 * part in linking now linked (the one `Linked.events` holds), those --until cut as read. A file whose events are not
 * all among its used rows in order (none that ingest reads) stays as it is, its events linked as linkCustomers does.
 */
export function linkSettingAside(contacts: readonly Contact[], ingests: readonly FileIngest[], store: RecordStore, options: LinkOptions = {}, batchRows = ASIDE_BATCH_ROWS): Linked {
  const records: (LinkRecord | undefined)[] = [];
  const waiting = ingests.map((ingest) => {
    const first = records.length;
    if (rowsInOrder(ingest)) return { first, batches: setAside(ingest, store, batchRows, (event) => records.push(linkRecordOf(event))) };
    for (const event of ingest.events) records.push(linkRecordOf(event));
    return { first, batches: null };
  });
  const plan = planLinks(contacts, records as LinkRecord[], options);
  // Each record is let go once its decisions are on its event: a run's records and linked events are never all alive.
  const linkedAt = (event: IngestedEvent, i: number): IngestedEvent => {
    const record = records[i]!;
    records[i] = undefined;
    return linkedEvent(event, record);
  };
  const events: IngestedEvent[] = [];
  const shared = sharing();
  ingests.forEach((ingest, f) => {
    const { first, batches } = waiting[f]!;
    if (!batches) {
      ingest.events.forEach((event, i) => events.push(linkedAt(event, first + i)));
      return;
    }
    // putBack links the file's events in order, each before the file holds it: the next is record first + those held.
    putBack(ingest, batches, (event) => linkedAt(shared(event), first + ingest.events.length), (row) => lostRow(row, plan));
    for (const event of ingest.events) events.push(event);
  });
  return { ...plan, events };
}

/** Whether the file's events are its used rows' events, in order, less some that --until cut. */
function rowsInOrder(ingest: FileIngest): boolean {
  let next = 0;
  for (const row of ingest.used) for (const event of row.events) if (ingest.events[next] === event) next++;
  return next === ingest.events.length;
}

/**
 * Put the file's used rows and events in `store`, a batch at a time, each event that takes part in linking handed to
 * `linking` first, in order. The file holds none of them until putBack, and each batch is let go as it is kept: a
 * file's records as read and its link records are never all alive at once.
 */
function setAside(ingest: FileIngest, store: RecordStore, batchRows: number, linking: (event: IngestedEvent) => void): (() => WaitingRows)[] {
  const used: (UsedRow | undefined)[] = ingest.used;
  const events = ingest.events;
  ingest.used = [];
  ingest.events = [];
  const batches: (() => WaitingRows)[] = [];
  let next = 0;
  for (let start = 0; start < used.length; start += batchRows) {
    const rows = used.slice(start, start + batchRows) as UsedRow[];
    used.fill(undefined, start, start + batchRows);
    const cut: number[] = [];
    const from = next;
    let place = 0;
    for (const row of rows) {
      for (const event of row.events) {
        if (events[next] === event) {
          linking(event);
          next++;
        } else cut.push(place);
        place++;
      }
    }
    events.fill(undefined as unknown as IngestedEvent, from, next);
    batches.push(store.keepRecords({ rows, cut }));
  }
  return batches;
}

/**
 * The file's used rows back from `store`, each event linked by `link` (in order) but those --until cut. A row keeps
 * the text it was read from only where `lost` says rejectUnjoined will reject it (every record of it unjoined or a
 * repeat): that is all a used row's text is kept for once the run is linked, and ~140 bytes a row.
 */
function putBack(ingest: FileIngest, batches: (() => WaitingRows)[], link: (event: IngestedEvent) => IngestedEvent, lost: (row: UsedRow) => boolean): void {
  for (const batch of batches) {
    const { rows, cut } = batch();
    let place = 0;
    let nextCut = 0;
    for (const row of rows) {
      const events = row.events.map((event) => {
        if (cut[nextCut] === place++) {
          nextCut++;
          return event;
        }
        const linked = link(event);
        ingest.events.push(linked);
        return linked;
      });
      const { line, fields, raw } = row;
      ingest.used.push(raw !== undefined && lost(row) ? { line, fields, events, raw } : { line, fields, events });
    }
  }
}

type UsedRow = FileIngest['used'][number];

/** Whether rejectUnjoined will reject the row: it has records, and linking found each unjoined or a repeat. */
const lostRow = (row: UsedRow, plan: Pick<Linked, 'unjoined' | 'duplicates'>): boolean =>
  row.events.length > 0 && row.events.every((event) => plan.unjoined.has(event.id) || plan.duplicates.has(event.id));

/**
 * What many records share comes back from the store a copy for each (a channel's name, a customer's identity): one
 * again for all, as ingest shares them (normalise.ts sharedStrings, sharedIdentities). ~140 bytes a record. The copy
 * is written out field by field in baseEvent's order: an object read back from the store, or spread from one, keeps
 * most of its fields in a separate property array (~30 bytes more a record than ingest's events).
 */
function sharing(): (event: IngestedEvent) => IngestedEvent {
  const strings = sharedStrings();
  const identities = sharedIdentities();
  return (event) => {
    const copy: IngestedEvent = {
      id: event.id,
      who: identities(event.who),
      customerKey: event.customerKey,
      at: event.at,
      channel: strings(event.channel),
      direction: strings(event.direction) as IngestedEvent['direction'],
      kind: strings(event.kind) as IngestedEvent['kind'],
      amount: event.amount,
      orderId: event.orderId,
      text: event.text,
      messageId: event.messageId,
      replyTo: event.replyTo,
      expectsReply: event.expectsReply,
      rating: event.rating,
      unseenReplies: event.unseenReplies,
      author: event.author,
      source: { file: strings(event.source.file), line: event.source.line },
    };
    // The fields only some events have, in the order ingest gave them.
    for (const key of Object.keys(event) as (keyof IngestedEvent)[]) if (!(key in copy)) Object.assign(copy, { [key]: event[key] });
    return copy;
  };
}
