// Per file, how its rows were told apart and joined to customers, so a user can see (and trust, or correct) who
// thick thinks each person is: the key column, how many rows share a key, which rows found their customer by order,
// alias or name alone, which were written by a placeholder author or carry a placeholder for their id, and which
// key values carry several names. `thick inspect` and the run summary show it.

import type { IngestedEvent, EventKind } from '../model.js';
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
  /** Rows whose id or e-mail column holds a placeholder for nobody ("N/A", "0"), per value as written. */
  placeholderIds: Record<string, number>;
  /** Key values that carry more than one name in the file (one person renamed, or an id that is no person's). */
  keysWithSeveralNames: number;
  joins: FileLinks;
  warnings: string[];
}

const EMPTY_LINKS: FileLinks = { nameJoins: 0, byOrder: 0, byAlias: 0, anonymous: 0, unjoined: 0, duplicates: 0 };

/** The customer's own event a row produced (not the brand's reply written beside it). */
const rowRecord = (events: readonly IngestedEvent[]): IngestedEvent | undefined => events.find((e) => e.direction !== 'outbound') ?? events[0];

function keyValue(event: IngestedEvent, field: Field): string | undefined {
  if (field === 'orderId') return event.orderId ?? undefined;
  // A customer column may hold an id, an email or a handle (analyst notes keyed either way).
  if (field === 'crmId') return event.who.crmId ?? event.who.email ?? event.who.handle;
  return event.who[field as 'email' | 'handle' | 'altId' | 'name'];
}

/** A row's key value and the name written beside it. */
interface KeyedRow {
  value: string;
  name: string | undefined;
}

/** The file's key column and the value it gives each row (contacts by their keys, events by their identity). */
function rowKeys(ingest: FileIngest): { key: FileIdentity['key']; rows: KeyedRow[] } {
  const field = KEY_FIELDS.find((f) => ingest.mapping[f] !== undefined) ?? (ingest.mapping.orderId !== undefined ? 'orderId' : undefined);
  if (!field) return { key: null, rows: [] };
  const key = { field, column: ingest.header[ingest.mapping[field]!]! };
  const rows: (KeyedRow | { value: undefined })[] =
    ingest.preset.kind === 'contacts'
      ? ingest.contacts.map((c) => ({ value: field === 'handle' ? c.handles[0] : c.keys[field as 'crmId' | 'email' | 'altId' | 'name'], name: c.keys.name }))
      : ingest.used.map((row) => rowRecord(row.events)).map((event) => ({ value: event ? keyValue(event, field) : undefined, name: event?.who.name }));
  return { key, rows: rows.filter((row): row is KeyedRow => Boolean(row.value)) };
}

/** Names compare as people write them: case, spacing and Unicode form aside. */
const sameName = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

/** Key values whose rows carry different names, with those names as first written. */
export function keysWithSeveralNames(rows: readonly KeyedRow[]): { value: string; names: string[] }[] {
  const names = new Map<string, Map<string, string>>();
  for (const { value, name } of rows) {
    if (!name) continue;
    const spellings = names.get(value) ?? new Map<string, string>();
    if (!spellings.has(sameName(name))) spellings.set(sameName(name), name);
    names.set(value, spellings);
  }
  return [...names].filter(([, spellings]) => spellings.size > 1).map(([value, spellings]) => ({ value, names: [...spellings.values()] }));
}

/** Distinct keys and rows per key among a file's key values. */
export function perKey(values: readonly string[]): { keys: number; rowsPerKey: FileIdentity['rowsPerKey'] } {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const range = span(counts.values());
  if (!range) return { keys: 0, rowsPerKey: null };
  return { keys: counts.size, rowsPerKey: { mean: Math.round((values.length / counts.size) * 100) / 100, max: range.max } };
}

function recordCounts(events: readonly IngestedEvent[]): { records: FileIdentity['records']; brandRecords: number } {
  const records: FileIdentity['records'] = {};
  let brandRecords = 0;
  for (const event of events) {
    if (event.direction === 'outbound') brandRecords++;
    else records[event.kind] = (records[event.kind] ?? 0) + 1;
  }
  return { records, brandRecords };
}

function placeholderCounts(events: readonly IngestedEvent[], which: 'placeholder' | 'placeholderId'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    const value = event.direction === 'outbound' ? undefined : event.who[which];
    if (value) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** Placeholders in the id or e-mail columns of a file's rows (its contacts, or its customers' own records). */
function placeholderIdCounts(ingest: FileIngest): Record<string, number> {
  if (ingest.preset.kind !== 'contacts') return placeholderCounts(ingest.events, 'placeholderId');
  const counts: Record<string, number> = {};
  for (const contact of ingest.contacts) {
    const value = contact.keys.placeholderId;
    if (value) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** Header words of columns that may name a person, offered when the chosen key is unique per row. */
const PERSON_WORDS = /user|customer|client|contact|person|author|reviewer|member|profile|requester|buyer|guest|patient|subscriber|account|email|mail|handle|name|kunde|kontakt|nutzer|autor|verfasser|mitglied|kaeufer|kaufer|gast|abonnent/;

function personColumns(ingest: FileIngest): string[] {
  const keyColumn = KEY_FIELDS.map((f) => ingest.mapping[f]).find((i) => i !== undefined);
  return ingest.header.filter((h, i) => i !== keyColumn && PERSON_WORDS.test(normaliseHeader(h)));
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const counted = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([value, n]) => `"${value}" ${n}`)
    .join(', ');

/** How many keys a warning names before it only counts the rest. */
const LISTED_KEYS = 3;

/** Placeholders in id or e-mail columns, and key values that carry several names: both may merge strangers. */
function keyWarnings(file: string, identity: Omit<FileIdentity, 'warnings'>, several: readonly { value: string; names: string[] }[]): string[] {
  const warnings: string[] = [];
  const rows = Object.values(identity.placeholderIds).reduce((a, b) => a + b, 0);
  if (rows > 0) {
    warnings.push(
      `${file}: ${plural(rows, 'row has', 'rows have')} a placeholder in an id or e-mail column (${counted(identity.placeholderIds)}): it identifies nobody and joins nothing; ` +
        'add more such values with --placeholder "<value>"',
    );
  }
  if (several.length > 0 && identity.key) {
    const examples = several.slice(0, LISTED_KEYS).map(({ value, names }) => `"${value}": ${names.slice(0, 3).map((n) => `"${n}"`).join(', ')}${names.length > 3 ? ' …' : ''}`);
    warnings.push(
      `${file}: ${plural(several.length, `value of "${identity.key.column}" carries`, `values of "${identity.key.column}" carry`)} several different names (${examples.join('; ')}${several.length > LISTED_KEYS ? '; …' : ''}): ` +
        'one person under several names, or a value that stands for nobody and merges strangers? If it identifies nobody, add it with --placeholder "<value>"',
    );
  }
  return warnings;
}

/**
 * A key that tells rows apart, not people: different on every row, or on nearly every row (a few repeated rows in
 * an export must not hide it) when its header does not name a person ("id", "tweet_id", not "UserId").
 */
function uniquePerRow(column: string, rowsPerKey: { mean: number; max: number }): boolean {
  if (rowsPerKey.max === 1) return true;
  return rowsPerKey.mean <= NEARLY_UNIQUE && !PERSON_WORDS.test(normaliseHeader(column));
}
/** At most 2 rows in 100 share a key with another row. */
const NEARLY_UNIQUE = 1.02;

/** What the user should know about the identity of one file's rows, each warning with what they can do. */
function identityWarnings(ingest: FileIngest, identity: Omit<FileIdentity, 'warnings'>, ownOnly: boolean): string[] {
  const { file } = ingest;
  const warnings: string[] = [];
  const keyed = identity.rowsPerKey && identity.key && (identity.key.field === 'crmId' || identity.key.field === 'altId');
  if (keyed && ingest.preset.kind !== 'contacts' && identity.keys >= 5 && ownOnly && uniquePerRow(identity.key!.column, identity.rowsPerKey!)) {
    const candidates = personColumns(ingest);
    const hint = candidates.length > 0 ? ` (perhaps ${candidates.map((c) => `"${c}"`).join(', ')})` : '';
    warnings.push(
      (identity.rowsPerKey!.max === 1
        ? `${file}: the customer key "${identity.key!.column}" is different on each of its ${identity.keys} rows, so every row becomes a customer of its own; `
        : `${file}: the customer key "${identity.key!.column}" is different on nearly every row (${identity.keys} keys, ${identity.rowsPerKey!.mean} rows per key), so nearly every row becomes a customer of its own; `) +
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
  if (identity.joins.duplicates > 0) {
    const n = identity.joins.duplicates;
    warnings.push(`${file}: ${plural(n, 'row repeats', 'rows repeat')} an earlier record of the same customer word for word (same kind and time); ${n === 1 ? 'it is' : 'they are'} rejected, so the record counts once`);
  }
  if (identity.joins.unjoined > 0) {
    const n = identity.joins.unjoined;
    warnings.push(
      identity.key?.field === 'orderId'
        ? `${file}: ${plural(n, 'row names', 'rows name')} only an order that no orders file of the run gives a customer; ${n === 1 ? 'it is' : 'they are'} rejected with the order named`
        : `${file}: ${plural(n, 'row joins', 'rows join')} no customer; ${n === 1 ? 'it is' : 'they are'} rejected with the reason`,
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
    const { key, rows } = rowKeys(ingest);
    const values = rows.map((row) => row.value);
    // A name column as the key cannot disagree with itself.
    const several = key && key.field !== 'name' ? keysWithSeveralNames(rows) : [];
    const own = linked.events.filter((e) => e.source.file === ingest.file && e.direction !== 'outbound' && e.customerKey !== null);
    const customerKeys = new Set(own.map((e) => e.customerKey!));
    const customers = ingest.preset.kind === 'contacts' ? new Set(values).size : customerKeys.size;
    // Every customer of the file is known from this file alone: the key joined nothing.
    const ownOnly = [...customerKeys].every((k) => !withContact.has(k) && (filesOf.get(k)?.size ?? 0) <= 1);
    const placeholders = placeholderCounts(ingest.events, 'placeholder');
    const identity = {
      file: ingest.file,
      key,
      ...perKey(values),
      customers,
      ...recordCounts(ingest.events),
      placeholders,
      placeholderRows: Object.values(placeholders).reduce((a, b) => a + b, 0),
      placeholderIds: placeholderIdCounts(ingest),
      keysWithSeveralNames: several.length,
      joins: linked.files.get(ingest.file) ?? { ...EMPTY_LINKS },
    };
    return { ...identity, warnings: [...identityWarnings(ingest, identity, ownOnly), ...keyWarnings(ingest.file, identity, several)] };
  });
}
