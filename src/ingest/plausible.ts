// Dates no record can have: before 1970 (a default like 0001-01-01, an Excel zero) or more than a year after the
// run's reference date (9999-12-31 for "never", a mistyped year). One such date would stretch every span it enters:
// first and last contact, recency, the timeline, response times. Such a date is warned about, per file and column,
// and read as unknown; the row is still used. `--dates FROM..UNTIL` says which dates are plausible instead.

import type { ContextEvent, IngestedEvent, Rejection } from '../model.js';
import type { FileIngest } from './index.js';
import type { Field } from './preset.js';

/** The dates a run takes as real, both ends included. */
export interface DateWindow {
  from: Date;
  until: Date;
}

/** What the user said (--dates, --as-of); each end of --dates may be left open. */
export interface DateOptions {
  asOf?: Date;
  dates?: { from?: Date; until?: Date };
}

/** The default lower bound: no export of customer contacts holds a real date before 1970. */
export const EARLIEST_PLAUSIBLE = new Date(Date.UTC(1970, 0, 1));

/**
 * How many of the latest dated records may stand apart from the rest before they count as real: three, or one in a
 * thousand in a large run, and never more than the rest. A lone 9999-12-31 (or a few such) cannot drag the reference
 * date along; a real newer export of more records does.
 */
export const LONE_TAIL = 3;
const loneTailLimit = (dated: number): number => Math.min(Math.max(LONE_TAIL, Math.floor(dated / 1000)), Math.floor(dated / 2));

/** The same instant a calendar year later (29 February becomes 1 March). */
export function yearAfter(date: Date): Date {
  const later = new Date(date.getTime());
  later.setUTCFullYear(later.getUTCFullYear() + 1);
  return later;
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The run's reference date, never the wall clock (reruns must be identical): `--as-of` when given; else the latest
 * record date inside `--dates` when its end is given; else the latest record date from 1970 on once a lone tail is
 * set aside: the latest records, at most LONE_TAIL (or one in a thousand) and no more than the rest, that lie more
 * than a year after every earlier one. Null when no record has a date.
 */
export function referenceDate(times: readonly number[], options: DateOptions = {}): Date | null {
  if (options.asOf) return options.asOf;
  const from = (options.dates?.from ?? EARLIEST_PLAUSIBLE).getTime();
  const until = options.dates?.until?.getTime() ?? Infinity;
  const sorted = times.filter((t) => t >= from && t <= until).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  if (options.dates?.until) return new Date(sorted[sorted.length - 1]!);
  // The lowest gap of more than a year that leaves a lone tail after it: everything after it is set aside.
  for (let j = Math.max(0, sorted.length - 1 - loneTailLimit(sorted.length)); j < sorted.length - 1; j++) {
    if (yearAfter(new Date(sorted[j]!)).getTime() < sorted[j + 1]!) return new Date(sorted[j]!);
  }
  return new Date(sorted[sorted.length - 1]!);
}

/** The window of plausible dates: --dates, else 1970-01-01 to a year after the reference date. */
export function plausibleWindow(ingests: readonly FileIngest[], options: DateOptions = {}): { window: DateWindow; reference: Date | null } {
  const times = ingests.flatMap((ingest) => ingest.events.flatMap((event) => (event.at ? [event.at.getTime()] : [])));
  const reference = referenceDate(times, options);
  const from = options.dates?.from ?? EARLIEST_PLAUSIBLE;
  const until = options.dates?.until ?? (reference ? yearAfter(reference) : new Date(8.64e15));
  return { window: { from, until }, reference };
}

const outside = (date: Date | null, window: DateWindow): boolean => date !== null && (date < window.from || date > window.until);

/** One implausible date: the column it came from and the line of its row. */
interface Found {
  column: number | undefined;
  field: Field;
  line: number;
  date: Date;
}

/**
 * The column an event's date came from: a reply's own date column, or its minutes after the record; else the
 * record's date column.
 */
function dateFieldOf(event: IngestedEvent, ingest: FileIngest): Field {
  if (!event.id.endsWith('#reply')) return 'date';
  return ingest.mapping.firstReplyAt !== undefined ? 'firstReplyAt' : ingest.mapping.firstReplyMinutes !== undefined ? 'firstReplyMinutes' : 'date';
}

/** A note about the world whose start is implausible cannot be placed; one whose end is covers its start's day. */
function screenContext(context: ContextEvent, window: DateWindow, found: Found[], ingest: FileIngest): ContextEvent | null {
  const at = (field: Field, date: Date): Found => ({ column: ingest.mapping[field], field, line: context.source.line, date });
  if (outside(context.from, window)) {
    found.push(at('date', context.from));
    return null;
  }
  if (!outside(context.until, window)) return context;
  found.push(at('until', context.until));
  return { ...context, until: new Date(context.from.getTime() + 86_399_999) };
}

/**
 * One file with its implausible dates read as unknown: events and contacts keep their row, with no date; a note about
 * the world that can no longer be placed becomes a rejected row. Returns what was found for the warnings.
 */
function screenFile(ingest: FileIngest, window: DateWindow): { ingest: FileIngest; found: Found[] } {
  const found: Found[] = [];
  const screened = new Map<IngestedEvent, IngestedEvent>();
  for (const event of ingest.events) {
    if (!outside(event.at, window)) continue;
    const field = dateFieldOf(event, ingest);
    found.push({ column: ingest.mapping[field], field, line: event.source.line, date: event.at! });
    screened.set(event, { ...event, at: null });
  }
  const contacts = ingest.contacts.map((contact) => {
    if (!outside(contact.createdAt, window)) return contact;
    found.push({ column: ingest.mapping.created, field: 'created', line: contact.source.line, date: contact.createdAt! });
    return { ...contact, createdAt: null };
  });
  const unplaced = new Set<number>();
  const contextEvents = ingest.contextEvents.flatMap((context) => {
    const kept = screenContext(context, window, found, ingest);
    if (!kept) unplaced.add(context.source.line);
    return kept ? [kept] : [];
  });
  if (found.length === 0) return { ingest, found };
  const swap = (event: IngestedEvent): IngestedEvent => screened.get(event) ?? event;
  const rejected: Rejection[] = ingest.used
    .filter((row) => unplaced.has(row.line))
    .map((row) => ({ file: ingest.file, line: row.line, column: ingest.mapping.date, reason: 'the note names no customer and its date is implausible, so it cannot be placed', raw: row.raw ?? '' }));
  const allRejected = [...ingest.rejected, ...rejected].sort((a, b) => a.line - b.line);
  return {
    ingest: {
      ...ingest,
      events: ingest.events.map(swap),
      contacts,
      contextEvents,
      used: ingest.used.filter((row) => !unplaced.has(row.line)).map((row) => ({ ...row, events: row.events.map(swap) })),
      rejected: allRejected,
      rows: { read: ingest.rows.read, used: ingest.rows.read - allRejected.length, rejected: allRejected.length },
    },
    found,
  };
}

/** How many lines a warning names before it only counts the rest. */
const LISTED_LINES = 5;

/** One warning per file and column: how many dates, the window, and the first few lines with their dates. */
function screeningWarnings(file: string, header: readonly string[], found: readonly Found[], window: DateWindow, reference: Date | null, options: DateOptions): string[] {
  const byColumn = new Map<string, Found[]>();
  for (const f of found) {
    const name = f.column === undefined ? f.field : (header[f.column] ?? f.field);
    const list = byColumn.get(name) ?? [];
    if (!list.some((other) => other.line === f.line)) list.push(f);
    byColumn.set(name, list);
  }
  const why = options.dates
    ? 'outside --dates'
    : `before 1970 or more than a year after the reference date ${reference ? isoDay(reference) : '(none)'}${options.asOf ? ' (--as-of)' : ''}`;
  return [...byColumn].map(([column, list]) => {
    const sorted = [...list].sort((a, b) => a.line - b.line);
    const lines = sorted.slice(0, LISTED_LINES).map((f) => `${f.line} (${isoDay(f.date)})`).join(', ');
    const more = sorted.length > LISTED_LINES ? ` and ${sorted.length - LISTED_LINES} more` : '';
    const n = sorted.length;
    return (
      `${file}: column "${column}": ${n} implausible date${n === 1 ? '' : 's'} (${why}; plausible: ${isoDay(window.from)} to ${isoDay(window.until)}), ` +
      `read as unknown and kept out of every span: line${n === 1 ? '' : 's'} ${lines}${more}; if ${n === 1 ? 'it is' : 'they are'} real, widen the window with --dates FROM..UNTIL`
    );
  });
}

/**
 * Every file with its implausible dates read as unknown, and one warning per file and column that held any. The
 * window comes from plausibleWindow over all files of the run, so it is the same whatever order they were read in.
 */
export function screenDates(ingests: readonly FileIngest[], options: DateOptions = {}): { ingests: FileIngest[]; warnings: string[]; window: DateWindow; reference: Date | null } {
  const { window, reference } = plausibleWindow(ingests, options);
  const warnings: string[] = [];
  const screened = ingests.map((ingest) => {
    const result = screenFile(ingest, window);
    warnings.push(...screeningWarnings(ingest.file, ingest.header, result.found, window, reference, options));
    return result.ingest;
  });
  return { ingests: screened, warnings, window, reference };
}
