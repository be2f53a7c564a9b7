import type { Contact, ContextEvent, IngestedEvent, EventKind, RatingScale, Rejection } from '../model.js';
import { detectDateOrder, type DateOrder } from './dates.js';
import {
  applyOverrides,
  LayoutError,
  mapColumns,
  mapRow,
  MappingError,
  settleBareId,
  type ColumnCheck,
  type ColumnMapping,
  type Overrides,
} from './mapping.js';
import { isKindColumn, normaliseRow, RowError, sharedIdentities, sharedStrings, type LenientNote, type RowContext } from './normalise.js';
import { ownText } from './text.js';
import { detectDecimalColumn } from './numbers.js';
import { Placeholders } from './placeholders.js';
import { normaliseHeader, type Field, type MappedRow, type Preset } from './preset.js';
import { messages } from './presets/messages.js';
import { PRESETS, presetById } from './presets/index.js';
import { SCALES } from '../rating-scales.js';
import { detectRatingColumn, headerScale, type RatingColumn } from './ratings.js';
import { SYNONYMS } from './synonyms.js';
import { readFileTable } from './stream.js';
import type { Table, TableRow } from './table.js';
import type { Delimiter, Encoding } from './sniff.js';
import { PROGRESS_EVERY, progressTicker, type OnProgress } from '../progress.js';

export { LayoutError, MappingError } from './mapping.js';

export interface IngestOptions {
  overrides?: Overrides;
  /** Force a preset by id instead of detecting it from the header. */
  preset?: string;
  brandHandles?: ReadonlySet<string>;
  /**
   * `thick annotate`: only the text column is required, so an unreadable date or number leaves that field empty
   * (with a warning naming file, line and column) instead of rejecting the row. `analyze` stays strict.
   */
  lenient?: boolean;
  /** Keep every used row's cells (thick annotate writes them back out); analyze does not need them. */
  keepFields?: boolean;
  /** Author names that identify nobody, beyond the built-in ones (--placeholder, repeatable). */
  placeholders?: readonly string[];
  /** Hears how far reading the file has got: bytes split into records, then rows read (progress.ts). */
  onProgress?: OnProgress;
}

export interface FileIngest {
  file: string;
  encoding: Encoding;
  delimiter: Delimiter;
  preset: Preset;
  header: string[];
  mapping: ColumnMapping;
  dateOrders: Partial<Record<Field, { order: DateOrder; ambiguous: boolean; note: string | null }>>;
  /** The rating column and the scale its values are on, when the file has one. */
  rating: { column: string; scale: RatingScale } | null;
  /** What a `reviews` file's records are: public reviews, or answers to the brand's own survey. */
  recordKind: EventKind | null;
  rows: { read: number; used: number; rejected: number };
  contacts: Contact[];
  events: IngestedEvent[];
  contextEvents: ContextEvent[];
  rejected: Rejection[];
  /** Things the user should know that did not cost a row (ambiguous dates, duplicate headers …), each naming the file. */
  warnings: string[];
  /**
   * Line of every used row, in input order, with the events it produced and, with keepFields, its cells. `raw` is
   * the row as read, kept for rows that carry no id, e-mail or handle (linking may find no customer for them) and for
   * rows with words (one may repeat another word for word): such rows are then rejected with it (rejectUnjoined).
   * Order lines with an id, the bulk of a large run, are not kept twice. Once linked with the records set aside
   * (link-aside.ts), only the rows linking rejects keep it.
   */
  used: { line: number; fields: readonly string[]; events: IngestedEvent[]; raw?: string }[];
}

/**
 * A file as a run reports it once its records have moved on to linking and annotation: how it was read, its row
 * counts, rejected rows, context events and warnings, without its contacts, events or used rows (an analysis holds
 * those once, linked and annotated, and need not keep the ingested ones alive beside them).
 */
export type ReadFile = Omit<FileIngest, 'contacts' | 'events' | 'used'>;

/** The file without its records (see ReadFile). */
export function readFileOf(ingest: FileIngest): ReadFile {
  const { contacts: _contacts, events: _events, used: _used, ...read } = ingest;
  return read;
}

export const DATE_FIELDS: Field[] = ['date', 'created', 'until', 'firstReplyAt'];
export const NUMBER_FIELDS: Field[] = ['quantity', 'unitPrice', 'amount', 'firstReplyMinutes'];

/**
 * Pick the preset (forced, or the one explaining most of the header once overrides are applied). Columns named by
 * --map always count: a preset that reads every field the user named beats one that would ignore some of them, so
 * `--map text=text` makes a table a text file even when its other columns look like contacts; so does a column
 * whose header can only name a text (clearTextColumns). A file without a header (empty) has nothing to map: the
 * forced preset or the generic one, with no columns. `fits` says whether a column's values allow a field (a
 * "Bewertung" of words is no rating). Throws MappingError for a mistake in the options, LayoutError when the header
 * fits no preset.
 */
export function choosePreset(header: string[], file: string, options: IngestOptions, fits: ColumnCheck = () => true): { preset: Preset; mapping: ColumnMapping } {
  const overrides = options.overrides ?? {};
  const forced = options.preset === undefined ? undefined : presetById(options.preset);
  if (options.preset !== undefined && !forced) {
    throw new MappingError(`unknown preset "${options.preset}"; known presets: ${PRESETS.map((p) => p.id).join(', ')}`);
  }
  if (header.length === 0) return { preset: forced ?? messages, mapping: {} };
  if (forced) return { preset: forced, mapping: presetMapping(header, forced, overrides, file, fits) };
  // Fields no preset reads (the eval-only label) decide nothing.
  const asked = (Object.keys(overrides) as Field[]).filter((field) => PRESETS.some((p) => p.columns[field] !== undefined));
  const texts = overrides.text === undefined ? clearTextColumns(header) : [];
  let best: { preset: Preset; mapping: ColumnMapping; score: number } | null = null;
  for (const preset of PRESETS) {
    const mapping = presetMapping(header, preset, overrides, file, fits);
    if (!preset.requires.every((group) => group.some((field) => mapping[field] !== undefined))) continue;
    if (preset.kind === 'contacts' && texts.length > 0 && !texts.some((i) => Object.values(mapping).includes(i))) continue;
    const honoured = asked.filter((field) => preset.columns[field] !== undefined).length;
    const read = (Object.keys(mapping) as Field[]).filter((field) => preset.columns[field] !== undefined).length;
    const score = honoured * 10_000 + read * 100 + preset.priority;
    if (!best || score > best.score) best = { preset, mapping, score };
  }
  if (!best) {
    throw new LayoutError(
      `${file}:1: cannot tell what kind of export this is from its header (${header.join(', ')}); ` +
        'name the text column with --map text=<Column> or pick a preset with --preset',
    );
  }
  return { preset: best.preset, mapping: best.mapping };
}

/**
 * Headers that name the customer's words and nothing else. A table with one of them is a file of texts: a contacts
 * preset, which reads no text, must not win it because its other columns (an id, a "created" date) look like a
 * contact's. (An orders export may keep a comment column and stay an orders export: its amounts matter more.)
 */
const CLEAR_TEXT = new Set(
  [
    'text', 'message', 'messages', 'comment', 'comments', 'content', 'body', 'feedback', 'verbatim', 'tweet', 'review', 'review text',
    'message text', 'message body', 'comment text', 'comment body', 'feedback text', 'tweet text', 'full text', 'post text',
    'review body', 'review content', 'kommentar', 'kommentare', 'kommentartext', 'nachricht', 'nachrichtentext', 'freitext',
    'inhalt', 'rückmeldung', 'beitragstext', 'bewertungstext', 'rezension', 'erfahrungsbericht',
  ].map(normaliseHeader),
);

function clearTextColumns(header: readonly string[]): number[] {
  return header.flatMap((h, i) => (CLEAR_TEXT.has(normaliseHeader(h)) ? [i] : []));
}

/** A preset's columns for a header: synonyms, then the user's --map, then what a bare "Id" is. */
function presetMapping(header: string[], preset: Preset, overrides: Overrides, file: string, fits: ColumnCheck): ColumnMapping {
  return settleBareId(header, applyOverrides(header, mapColumns(header, preset, fits), overrides, file), preset);
}

function columnValues(table: Table, index: number | undefined): string[] {
  if (index === undefined) return [];
  return table.rows.map((row) => row.fields[index]?.trim() ?? '').filter((value) => value !== '');
}

/** How a file's columns are read: its preset and mapping, the rating scale, and what its records are. */
interface Layout {
  preset: Preset;
  mapping: ColumnMapping;
  rating: FileIngest['rating'];
  recordKind: EventKind | null;
}

/** Detect the layout of a read table, warning about what the user should know of its columns. */
function readLayout(table: Table, options: IngestOptions, warnings: string[]): Layout {
  const ratings = ratingChecks(table);
  const kinds = (index: number) => isKindColumn(columnValues(table, index));
  const fits: ColumnCheck = (field, index) => (field === 'rating' ? ratings(index).ok : field === 'kind' ? kinds(index) : true);
  const { preset, mapping } = presetForTable(table, options, fits);
  warnings.push(...duplicateColumnWarnings(table.header, mapping, table.file));
  warnings.push(...unreadKindWarnings(table, preset, mapping, kinds));
  const rating = ratingColumn(table, mapping, ratings, warnings);
  warnings.push(...unreadRatingWarnings(table, mapping, ratings));
  if (preset.kind === 'orders' && mapping.unitPrice === undefined && mapping.amount === undefined && table.rows.length > 0) {
    warnings.push(`${table.file}: no price or amount column; its orders count, and their value comes only from order lines in other files of the run (joined by order id)`);
  }
  const recordKind = preset.recordKind ? preset.recordKind(table.header, mapping, rating?.scale ?? null) : null;
  return { preset, mapping, rating, recordKind };
}

/** Facts decided once per column: how its dates are ordered and which decimal separator its numbers use. */
function columnFacts(table: Table, mapping: ColumnMapping, warnings: string[]): { dateOrders: FileIngest['dateOrders']; decimals: RowContext['decimals'] } {
  const dateOrders: FileIngest['dateOrders'] = {};
  for (const field of DATE_FIELDS) {
    const values = columnValues(table, mapping[field]);
    if (values.length > 0) dateOrders[field] = detectDateOrder(values);
  }
  const decimals: RowContext['decimals'] = {};
  for (const field of NUMBER_FIELDS) {
    const values = columnValues(table, mapping[field]);
    if (values.length === 0) continue;
    // Without a value that proves it, a ';'-file follows the German convention and any other the English one.
    const column = detectDecimalColumn(values, table.delimiter === ';' ? ',' : '.');
    decimals[field] = column.decimal;
    if (column.note) warnings.push(`${table.file}: column "${table.header[mapping[field]!]}": ${column.note}`);
  }
  return { dateOrders, decimals };
}

/** Read one export: decode, parse, detect its preset, map columns, normalise every row or reject it with a reason. */
export function ingestFile(bytes: Uint8Array, file: string, options: IngestOptions = {}): FileIngest {
  const table = readFileTable(bytes, file, { onProgress: options.onProgress });
  const reader = startIngest(table, options);
  // The layout is settled on the whole table; from here its rows are the reader's alone, let go batch by batch.
  const rows: (TableRow | undefined)[] = table.rows;
  table.rows = [];
  const tick = options.onProgress ? progressTicker(options.onProgress, { stage: 'read', unit: 'rows', total: rows.length, file }) : undefined;
  readLettingGo(reader, rows, tick);
  return reader.finish();
}

/**
 * The rows in batches, each let go once read, so that a file's rows as parsed and its records as read are never all
 * in memory at once (a million rows: ~0.45 GB of the first beside ~1 GB of the second). A listener hears how many
 * are read.
 */
function readLettingGo(reader: FileReader, rows: (TableRow | undefined)[], tick: ((done: number) => void) | undefined): void {
  const batch = PROGRESS_EVERY * 4;
  for (let start = 0; start < rows.length; start += batch) {
    const end = Math.min(start + batch, rows.length);
    const taken = rows.slice(start, end) as TableRow[];
    rows.fill(undefined, start, end);
    reader.readRows(taken);
    tick?.(end);
  }
}

/**
 * A file being read: its layout settled on `table` (preset, mapping, date orders, decimals, rating scale), its rows
 * normalised batch by batch into `result`. ingestFile reads all rows at once; the streaming reader (ingest/stream.ts)
 * settles the layout on the file's first part and hands the later rows over as they come.
 */
export interface FileReader {
  result: FileIngest;
  /** Normalise `rows` (in input order, after every row given before) into `result`. */
  readRows(rows: readonly TableRow[]): void;
  /** Lenient warnings, rejections in line order, row counts: call once, after the last rows. */
  finish(): FileIngest;
}

/** Settle a file's layout on `table` and make the reader of its rows (no row read yet; see FileReader). */
export function startIngest(table: Table, options: IngestOptions = {}): FileReader {
  const file = table.file;
  const warnings: string[] = [];
  if (table.headerLine === 0) warnings.push(`${file}: empty file, nothing to read`);
  else if (table.rows.length === 0 && table.rejected.length === 0) warnings.push(`${file}: only a header, no rows to read`);

  const { preset, mapping, rating, recordKind } = readLayout(table, options, warnings);
  const { dateOrders, decimals } = columnFacts(table, mapping, warnings);
  const lenientNotes: LenientNote[] = [];
  const ctx: RowContext = {
    file,
    kind: preset.kind,
    // A survey was answered where the brand asked it, not on a review site.
    channel: recordKind === 'survey' && preset.channel === 'review' ? 'survey' : preset.channel,
    dateOrders: Object.fromEntries(Object.entries(dateOrders).map(([field, info]) => [field, info.order])),
    decimals,
    brandHandles: options.brandHandles ?? new Set(),
    placeholders: new Placeholders(options.placeholders),
    shared: sharedStrings(),
    sharedWho: sharedIdentities(),
    rating: rating?.scale,
    recordKind: recordKind ?? undefined,
    lenient: options.lenient === true,
    onLenient: (note) => lenientNotes.push(note),
    header: table.header,
  };

  const result: FileIngest = {
    file,
    encoding: table.encoding,
    delimiter: table.delimiter,
    preset,
    header: table.header,
    mapping,
    dateOrders,
    rating,
    recordKind,
    rows: { read: table.rejected.length, used: 0, rejected: 0 },
    contacts: [],
    events: [],
    contextEvents: [],
    rejected: [...table.rejected],
    warnings,
    used: [],
  };
  const state: RowState = { previous: undefined };
  return {
    result,
    readRows: (rows) => {
      result.rows.read += rows.length;
      readRows(rows, table.file, { preset, mapping }, ctx, lenientNotes, options.keepFields === true, result, state);
    },
    finish: () => {
      // Said first: a file's stray bytes are known only once it is read to its end.
      if (table.fallbackLines.length > 0) warnings.unshift(`${file}: ${fallbackLinesWarning(table.fallbackLines)}`);
      warnings.push(...lenientWarnings(lenientNotes, table.header, file));
      result.rejected.sort((a, b) => a.line - b.line);
      result.rows.rejected = result.rejected.length;
      result.rows.used = result.rows.read - result.rejected.length;
      return result;
    },
  };
}

/** What reading a row may need of the row before it (a preset's refine step). */
interface RowState {
  previous: MappedRow | undefined;
}

/** A used row's cells when they are not kept: one empty list for every row (a million rows, a million fewer arrays). */
const NO_FIELDS: readonly string[] = Object.freeze([]);

/** Normalise every row into the result, or reject it with its reason. */
function readRows(
  rows: readonly TableRow[],
  file: string,
  layout: Pick<Layout, 'preset' | 'mapping'>,
  ctx: RowContext,
  lenientNotes: LenientNote[],
  keepFields: boolean,
  result: FileIngest,
  state: RowState,
): void {
  const { preset, mapping } = layout;
  for (const row of rows) {
    const notesBefore = lenientNotes.length;
    try {
      const mapped = preset.refine ? preset.refine(mapRow(row, mapping), state.previous) : mapRow(row, mapping);
      state.previous = mapped;
      const normalised = normaliseRow(mapped, ctx);
      result.contacts.push(...normalised.contacts);
      result.events.push(...normalised.events);
      result.contextEvents.push(...normalised.contextEvents);
      const keyed = normalised.events.some((e) => e.who.crmId || e.who.altId || e.who.email || e.who.handle);
      const written = normalised.events.some((e) => e.kind !== 'order' && e.text);
      result.used.push({ line: row.line, fields: keepFields ? row.fields : NO_FIELDS, events: normalised.events, ...(keyed && !written ? {} : { raw: ownText(row.raw) }) });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      // The row is rejected with its reason; what lenient reading let pass on it no longer matters.
      lenientNotes.length = notesBefore;
      result.rejected.push({ file, line: row.line, column: error.column, reason: error.message, raw: ownText(row.raw) });
    }
  }
}

/**
 * The preset for a read table. A file with nothing to read (no header, or no records after it) cannot be told by a
 * header that fits nothing: it is recorded as generic rather than stopping the run.
 */
function presetForTable(table: Table, options: IngestOptions, fits: ColumnCheck): { preset: Preset; mapping: ColumnMapping } {
  const nothingToRead = table.rows.length === 0 && table.rejected.length === 0;
  try {
    return choosePreset(table.header, table.file, options, fits);
  } catch (error) {
    if (nothingToRead && error instanceof LayoutError) return { preset: messages, mapping: {} };
    throw error;
  }
}

/** Whether each column could be a rating, decided from its header and values once, when first asked. */
function ratingChecks(table: Table): (index: number) => RatingColumn {
  const cache = new Map<number, RatingColumn>();
  return (index) => {
    let check = cache.get(index);
    if (!check) {
      check = detectRatingColumn(table.header[index] ?? '', table.rows.map((row) => row.fields[index] ?? ''));
      cache.set(index, check);
    }
    return check;
  };
}

/**
 * The rating column's scale. A column the user named with --map rating=… is read even when its values fit no
 * scale: each value is then checked against the scale its header suggests, and the rows that do not fit are
 * rejected with the reason.
 */
function ratingColumn(table: Table, mapping: ColumnMapping, ratings: (index: number) => RatingColumn, warnings: string[]): FileIngest['rating'] {
  const index = mapping.rating;
  if (index === undefined) return null;
  const column = table.header[index] ?? '';
  const check = ratings(index);
  if (check.ok) return { column, scale: check.scale };
  const scale = headerScale(column);
  warnings.push(`${table.file}: column "${column}" is read as the rating, but ${check.reason}; values off the ${SCALES[scale].name} scale are rejected`);
  return { column, scale };
}

/** Columns named like a rating whose values are no rating, so they were not read as one: the user should know. */
function unreadRatingWarnings(table: Table, mapping: ColumnMapping, ratings: (index: number) => RatingColumn): string[] {
  const names = new Set(SYNONYMS.rating.map(normaliseHeader));
  const used = new Set(Object.values(mapping));
  return table.header.flatMap((header, index) => {
    if (used.has(index) || !names.has(normaliseHeader(header))) return [];
    const check = ratings(index);
    return check.ok ? [] : [`${table.file}: column "${header}" is named like a rating, but ${check.reason}; it is not read as one`];
  });
}

/** A column named like a record kind ("Type", "Typ") whose values name no kind, so the preset did not read it. */
function unreadKindWarnings(table: Table, preset: Preset, mapping: ColumnMapping, kinds: (index: number) => boolean): string[] {
  if (preset.columns.kind === undefined || mapping.kind !== undefined) return [];
  const names = new Set(preset.columns.kind.map(normaliseHeader));
  return table.header.flatMap((header, index) => {
    if (!names.has(normaliseHeader(header)) || Object.values(mapping).includes(index) || kinds(index)) return [];
    const example = columnValues(table, index)[0];
    if (example === undefined) return [];
    return [`${table.file}: column "${header}" is named like a record kind, but its values are none (e.g. "${example}"); it is not read as the rows' kind (name it with --map kind=<Column> if it is one)`];
  });
}

/** How many line numbers a warning lists before it only counts the rest. */
const LISTED_LINES = 10;

function fallbackLinesWarning(lines: number[]): string {
  const listed = lines.slice(0, LISTED_LINES).join(', ');
  const more = lines.length > LISTED_LINES ? ` and ${lines.length - LISTED_LINES} more` : '';
  return lines.length === 1
    ? `line ${listed} is not valid UTF-8; its stray bytes read as Windows-1252`
    : `lines ${listed}${more} are not valid UTF-8; their stray bytes read as Windows-1252`;
}

/**
 * Columns whose names are the same once normalised ("E-Mail" and "Email"): a name maps to its first column, so the
 * user should know the others are not read as that field (or, rarely, are read as another field that shares the name).
 */
export function duplicateColumnWarnings(header: string[], mapping: ColumnMapping, file: string): string[] {
  const fieldOf = new Map(Object.entries(mapping).map(([field, index]) => [index, field]));
  const byName = new Map<string, number[]>();
  header.forEach((cell, i) => {
    const key = normaliseHeader(cell);
    if (key === '') return; // unnamed columns (trailing delimiters) are not duplicates of each other
    byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  const warnings: string[] = [];
  for (const indexes of byName.values()) {
    if (indexes.length < 2) continue;
    const names = [...new Set(indexes.map((i) => header[i]!))];
    const times = indexes.length === 2 ? 'twice' : `${indexes.length} times`;
    const spelled = names.length > 1 ? `: ${names.map((n) => `"${n}"`).join(', ')}` : '';
    const alsoRead = indexes.slice(1).filter((i) => fieldOf.has(i)).map((i) => `column ${i + 1} is read as ${fieldOf.get(i)}`);
    const outcome = alsoRead.length > 0 ? alsoRead.join(', ') : 'the first is used';
    warnings.push(`${file}: column "${names[0]}" appears ${times} (columns ${listNumbers(indexes.map((i) => i + 1))}${spelled}); ${outcome}`);
  }
  return warnings;
}

function listNumbers(numbers: number[]): string {
  return numbers.length <= 2 ? numbers.join(' and ') : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** How many values left empty per column a warning names one by one. */
const LISTED_LENIENT = 5;

/** One warning per value lenient reading left empty, the first few per column, then a count of the rest. */
function lenientWarnings(notes: LenientNote[], header: string[], file: string): string[] {
  const warnings: string[] = [];
  const perColumn = new Map<string, number>();
  for (const note of notes) {
    const column = note.column === undefined ? note.field : `"${header[note.column - 1] ?? note.field}"`;
    const seen = (perColumn.get(column) ?? 0) + 1;
    perColumn.set(column, seen);
    if (seen <= LISTED_LENIENT) {
      warnings.push(`${file}:${note.line}${note.column === undefined ? '' : `:${note.column}`}: column ${column}: ${note.reason}; read as empty`);
    }
  }
  for (const [column, seen] of perColumn) {
    if (seen > LISTED_LENIENT) warnings.push(`${file}: ${seen - LISTED_LENIENT} more unreadable values in column ${column} read as empty`);
  }
  return warnings;
}
