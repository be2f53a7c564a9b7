// Per file, how its rows were told apart and joined to customers, so a user can see (and trust, or correct) who
// thick thinks each person is: the key column, how many rows share a key, which rows found their customer by order,
// alias or name alone, and which were written by a placeholder author. `thick inspect` and the run summary show it.

import type { Event, EventKind } from '../model.js';
import type { FileIngest } from './index.js';
import type { FileLinks, Linked } from './link.js';
import { normaliseHeader, type Field } from './preset.js';
import { span } from '../span.js';

/** The fields that key a row, strongest first; a file is keyed by the first one it maps. */
const KEY_FIELDS: Field[] = ['crmId', 'email', 'handle', 'altId', 'name'];

export interface FileIdentity {
  file: string;
  /** The column the rows are keyed by and the field it was read as; `orderId` when rows name only an order. */
  key: { field: Field; column: string } | null;
  /** Distinct key values among the rows that carry one. */
  keys: number;
  /** Rows per key value (mean and maximum); null when no row carries a key. */
  rowsPerKey: { mean: number; max: number } | null;
  /** Distinct customers the file's rows joined (contacts for a contacts export). */
  customers: number;
  /** The customers' own records by kind (review, survey, ticket, message, post, order, note). */
  records: Partial<Record<EventKind, number>>;
  /** The brand's own records in the file (outbound replies). */
  brandRecords: number;
  /** Rows by a placeholder author, per placeholder as written. */
  placeholders: Record<string, number>;
  placeholderRows: number;
  joins: FileLinks;
  warnings: string[];
}

const EMPTY_LINKS: FileLinks = { nameJoins: 0, byOrder: 0, byAlias: 0, anonymous: 0, unjoined: 0 };

/** The customer's own event a row produced (not the brand's reply written beside it). */
const rowRecord = (events: readonly Event[]): Event | undefined => events.find((e) => e.direction !== 'outbound') ?? events[0];

function keyValue(event: Event, field: Field): string | undefined {
  if (field === 'orderId') return event.orderId ?? undefined;
  // A customer column may hold an id, an email or a handle (analyst notes keyed either way).
  if (field === 'crmId') return event.who.crmId ?? event.who.email ?? event.who.handle;
  return event.who[field as 'email' | 'handle' | 'altId' | 'name'];
}

/** The file's key column and the value it gives each row (contacts by their keys, events by their identity). */
function rowKeys(ingest: FileIngest): { key: FileIdentity['key']; values: string[] } {
  const field = KEY_FIELDS.find((f) => ingest.mapping[f] !== undefined) ?? (ingest.mapping.orderId !== undefined ? 'orderId' : undefined);
  if (!field) return { key: null, values: [] };
  const key = { field, column: ingest.header[ingest.mapping[field]!]! };
  if (ingest.preset.kind === 'contacts') {
    const values = ingest.contacts.map((c) => (field === 'handle' ? c.handles[0] : c.keys[field as 'crmId' | 'email' | 'altId' | 'name']));
    return { key, values: values.filter((v): v is string => Boolean(v)) };
  }
  const values = ingest.used.map((row) => rowRecord(row.events)).map((event) => (event ? keyValue(event, field) : undefined));
  return { key, values: values.filter((v): v is string => Boolean(v)) };
}

/** Distinct keys and rows per key among a file's key values. */
export function perKey(values: readonly string[]): { keys: number; rowsPerKey: FileIdentity['rowsPerKey'] } {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const range = span(counts.values());
  if (!range) return { keys: 0, rowsPerKey: null };
  return { keys: counts.size, rowsPerKey: { mean: Math.round((values.length / counts.size) * 100) / 100, max: range.max } };
}

function recordCounts(events: readonly Event[]): { records: FileIdentity['records']; brandRecords: number } {
  const records: FileIdentity['records'] = {};
  let brandRecords = 0;
  for (const event of events) {
    if (event.direction === 'outbound') brandRecords++;
    else records[event.kind] = (records[event.kind] ?? 0) + 1;
  }
  return { records, brandRecords };
}

function placeholderCounts(events: readonly Event[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    const name = event.direction === 'outbound' ? undefined : event.who.placeholder;
    if (name) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Header words of columns that may name a person, offered when the chosen key is unique per row. */
const PERSON_WORDS = /user|customer|client|author|reviewer|member|profile|requester|buyer|account|email|mail|handle|name|kunde|nutzer|autor|verfasser|mitglied|kaeufer|kaufer/;

function personColumns(ingest: FileIngest): string[] {
  const keyColumn = KEY_FIELDS.map((f) => ingest.mapping[f]).find((i) => i !== undefined);
  return ingest.header.filter((h, i) => i !== keyColumn && PERSON_WORDS.test(normaliseHeader(h)));
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What the user should know about the identity of one file's rows, each warning with what they can do. */
function identityWarnings(ingest: FileIngest, identity: Omit<FileIdentity, 'warnings'>, ownOnly: boolean): string[] {
  const { file } = ingest;
  const warnings: string[] = [];
  const keyed = identity.rowsPerKey && identity.key && (identity.key.field === 'crmId' || identity.key.field === 'altId');
  if (keyed && ingest.preset.kind !== 'contacts' && identity.rowsPerKey!.max === 1 && identity.keys >= 5 && ownOnly) {
    const candidates = personColumns(ingest);
    const hint = candidates.length > 0 ? ` (perhaps ${candidates.map((c) => `"${c}"`).join(', ')})` : '';
    warnings.push(
      `${file}: the customer key "${identity.key!.column}" is different on each of its ${identity.keys} rows, so every row becomes a customer of its own; ` +
        `if it is the record's id and another column names the person${hint}, map that one: --map crmId=<Column>`,
    );
  }
  if (identity.placeholderRows > 0) {
    const names = Object.entries(identity.placeholders).sort((a, b) => b[1] - a[1]).map(([name, n]) => `"${name}" ${n}`);
    const anonymous = identity.joins.anonymous;
    const outcome =
      anonymous > 0
        ? `: it joins nothing, so ${anonymous === identity.placeholderRows ? (anonymous === 1 ? 'that row is' : 'each of those rows is') : `${plural(anonymous, 'row', 'rows')} with no other key ${anonymous === 1 ? 'is' : 'are each'}`} a customer of its own`
        : ': the name neither joins nor names them (their ids do)';
    warnings.push(`${file}: ${plural(identity.placeholderRows, 'row names', 'rows name')} a placeholder author (${names.join(', ')})${outcome}; add more such names with --placeholder "<name>"`);
  }
  if (identity.joins.nameJoins > 0) {
    warnings.push(`${file}: ${plural(identity.joins.nameJoins, 'row was', 'rows were')} joined to a customer by name alone (no id, email or handle on the row); check for namesakes`);
  }
  if (identity.joins.unjoined > 0) {
    const n = identity.joins.unjoined;
    warnings.push(
      identity.key?.field === 'orderId'
        ? `${file}: ${plural(n, 'row names', 'rows name')} only an order that no orders file of the run gives a customer; ${n === 1 ? 'it appears' : 'they appear'} in no report`
        : `${file}: ${plural(n, 'row names', 'rows name')} no customer (no id, email, handle or name) and appear${n === 1 ? 's' : ''} in no report`,
    );
  }
  return warnings;
}

/**
 * Per file: key column, keys, rows per key, customers, records by kind, placeholder rows and how rows were joined,
 * with warnings. `linked` is the run's linking of every file's contacts and events.
 */
export function fileIdentities(ingests: readonly FileIngest[], linked: Linked): FileIdentity[] {
  const filesOf = new Map<string, Set<string>>();
  for (const event of linked.events) {
    if (event.customerKey === null || event.direction === 'outbound') continue;
    filesOf.set(event.customerKey, (filesOf.get(event.customerKey) ?? new Set<string>()).add(event.source.file));
  }
  const withContact = new Set(linked.customers.filter((c) => c.contact).map((c) => c.key));
  return ingests.map((ingest) => {
    const { key, values } = rowKeys(ingest);
    const own = linked.events.filter((e) => e.source.file === ingest.file && e.direction !== 'outbound' && e.customerKey !== null);
    const customerKeys = new Set(own.map((e) => e.customerKey!));
    const customers = ingest.preset.kind === 'contacts' ? new Set(values).size : customerKeys.size;
    // Every customer of the file is known from this file alone: the key joined nothing.
    const ownOnly = [...customerKeys].every((k) => !withContact.has(k) && (filesOf.get(k)?.size ?? 0) <= 1);
    const placeholders = placeholderCounts(ingest.events);
    const identity = {
      file: ingest.file,
      key,
      ...perKey(values),
      customers,
      ...recordCounts(ingest.events),
      placeholders,
      placeholderRows: Object.values(placeholders).reduce((a, b) => a + b, 0),
      joins: linked.files.get(ingest.file) ?? { ...EMPTY_LINKS },
    };
    return { ...identity, warnings: identityWarnings(ingest, identity, ownOnly) };
  });
}
