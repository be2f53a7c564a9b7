import type { Contact, ContextEvent, Event, Rejection } from '../model.js';
import { detectDateOrder, type DateOrder } from './dates.js';
import { applyOverrides, mapColumns, mapRow, MappingError, type ColumnMapping, type Overrides } from './mapping.js';
import { normaliseRow, RowError, type RowContext } from './normalise.js';
import { detectDecimalSeparator } from './numbers.js';
import type { Field, MappedRow, Preset } from './preset.js';
import { PRESETS, presetById } from './presets/index.js';
import { readTable, type Table } from './table.js';
import type { Delimiter, Encoding } from './sniff.js';

export { MappingError } from './mapping.js';

export interface IngestOptions {
  overrides?: Overrides;
  /** Force a preset by id instead of detecting it from the header. */
  preset?: string;
  brandHandles?: ReadonlySet<string>;
}

export interface FileIngest {
  file: string;
  encoding: Encoding;
  delimiter: Delimiter;
  preset: Preset;
  header: string[];
  mapping: ColumnMapping;
  dateOrders: Partial<Record<Field, { order: DateOrder; ambiguous: boolean; note: string | null }>>;
  rows: { read: number; used: number; rejected: number };
  contacts: Contact[];
  events: Event[];
  contextEvents: ContextEvent[];
  rejected: Rejection[];
  /** Things the user should know that did not cost a row (ambiguous dates, duplicate headers …), each naming the file. */
  warnings: string[];
  /** Line of every used row, in input order, with the events it produced (for `thick annotate`). */
  used: { line: number; fields: string[]; events: Event[] }[];
}

const DATE_FIELDS: Field[] = ['date', 'created', 'until', 'firstReplyAt'];
const NUMBER_FIELDS: Field[] = ['quantity', 'unitPrice', 'amount', 'firstReplyMinutes'];

/** Pick the preset (forced, or the one explaining most of the header once overrides are applied). */
export function choosePreset(header: string[], file: string, options: IngestOptions): { preset: Preset; mapping: ColumnMapping } {
  const overrides = options.overrides ?? {};
  if (options.preset) {
    const preset = presetById(options.preset);
    if (!preset) throw new MappingError(`unknown preset "${options.preset}"; known presets: ${PRESETS.map((p) => p.id).join(', ')}`);
    return { preset, mapping: applyOverrides(header, mapColumns(header, preset), overrides, file) };
  }
  let best: { preset: Preset; mapping: ColumnMapping; score: number } | null = null;
  for (const preset of PRESETS) {
    const mapping = applyOverrides(header, mapColumns(header, preset), overrides, file);
    if (!preset.requires.every((group) => group.some((field) => mapping[field] !== undefined))) continue;
    const score = Object.keys(mapping).length * 100 + preset.priority;
    if (!best || score > best.score) best = { preset, mapping, score };
  }
  if (!best) {
    throw new MappingError(
      `${file}:1: cannot tell what kind of export this is from its header (${header.join(', ')}); ` +
        'name the text column with --map text=<Column> or pick a preset with --preset',
    );
  }
  return { preset: best.preset, mapping: best.mapping };
}

function columnValues(table: Table, index: number | undefined): string[] {
  if (index === undefined) return [];
  return table.rows.map((row) => row.fields[index]?.trim() ?? '').filter((value) => value !== '');
}

/** Read one export: decode, parse, detect its preset, map columns, normalise every row or reject it with a reason. */
export function ingestFile(bytes: Uint8Array, file: string, options: IngestOptions = {}): FileIngest {
  const table = readTable(bytes, file);
  const { preset, mapping } = choosePreset(table.header, file, options);

  const dateOrders: FileIngest['dateOrders'] = {};
  for (const field of DATE_FIELDS) {
    const values = columnValues(table, mapping[field]);
    if (values.length > 0) dateOrders[field] = detectDateOrder(values);
  }
  const decimals: RowContext['decimals'] = {};
  for (const field of NUMBER_FIELDS) {
    const values = columnValues(table, mapping[field]);
    if (values.length > 0) decimals[field] = detectDecimalSeparator(values, table.delimiter === ';' ? ',' : '.');
  }
  const ctx: RowContext = {
    file,
    kind: preset.kind,
    channel: preset.channel,
    dateOrders: Object.fromEntries(Object.entries(dateOrders).map(([field, info]) => [field, info.order])),
    decimals,
    brandHandles: options.brandHandles ?? new Set(),
  };

  const result: FileIngest = {
    file,
    encoding: table.encoding,
    delimiter: table.delimiter,
    preset,
    header: table.header,
    mapping,
    dateOrders,
    rows: { read: table.rows.length + table.rejected.length, used: 0, rejected: 0 },
    contacts: [],
    events: [],
    contextEvents: [],
    rejected: [...table.rejected],
    warnings: [],
    used: [],
  };
  let previous: MappedRow | undefined;
  for (const row of table.rows) {
    try {
      const mapped = preset.refine ? preset.refine(mapRow(row, mapping), previous) : mapRow(row, mapping);
      previous = mapped;
      const normalised = normaliseRow(mapped, ctx);
      result.contacts.push(...normalised.contacts);
      result.events.push(...normalised.events);
      result.contextEvents.push(...normalised.contextEvents);
      result.used.push({ line: row.line, fields: row.fields, events: normalised.events });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      result.rejected.push({ file, line: row.line, column: error.column, reason: error.message, raw: row.raw });
    }
  }
  result.rejected.sort((a, b) => a.line - b.line);
  result.rows.rejected = result.rejected.length;
  result.rows.used = result.rows.read - result.rows.rejected;
  return result;
}
