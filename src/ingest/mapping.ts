import { FIELD_NAMES, FIELDS, normaliseHeader, VENDOR_PRIORITY, type Field, type MappedRow, type Preset } from './preset.js';
import type { TableRow } from './table.js';

/** Which column (0-based index) feeds which field. */
export type ColumnMapping = Partial<Record<Field, number>>;

/** Hand-made overrides: field → column header as written in the file. */
export type Overrides = Partial<Record<Field, string>>;

/** A mistake in what the user asked for (--map, --preset): a usage error. */
export class MappingError extends Error {
  override name = 'MappingError';
}

/** A file whose header fits no preset: a problem with the data, not with the command line. */
export class LayoutError extends Error {
  override name = 'LayoutError';
}

/** Whether a column's values allow it to be read as a field (a "Bewertung" of words is no rating). */
export type ColumnCheck = (field: Field, index: number) => boolean;

/**
 * Map a header to a preset's fields: for each field, its synonyms in order, the first unclaimed matching column
 * that `fits` allows.
 */
export function mapColumns(header: string[], preset: Preset, fits: ColumnCheck = () => true): ColumnMapping {
  const normalised = header.map(normaliseHeader);
  const claimed = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const [field, names] of Object.entries(preset.columns) as [Field, string[]][]) {
    for (const name of names) {
      const index = normalised.findIndex((h, i) => h === normaliseHeader(name) && !claimed.has(i) && fits(field, i));
      if (index >= 0) {
        mapping[field] = index;
        claimed.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** Apply --map / mapping-file overrides on top of a detected mapping; unknown fields or columns are usage errors. */
export function applyOverrides(header: string[], mapping: ColumnMapping, overrides: Overrides, file: string): ColumnMapping {
  const result: ColumnMapping = { ...mapping };
  const normalised = header.map(normaliseHeader);
  for (const [field, column] of Object.entries(overrides) as [Field, string][]) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw new MappingError(`${file}: --map ${field}=${column}: unknown field "${field}"; known fields: ${FIELD_NAMES.join(', ')}`);
    }
    const exact = header.indexOf(column);
    const index = exact >= 0 ? exact : normalised.indexOf(normaliseHeader(column));
    if (index < 0) {
      throw new MappingError(`${file}: --map ${field}=${column}: no column "${column}"; columns are: ${header.join(', ')}`);
    }
    for (const [other, i] of Object.entries(result) as [Field, number][]) if (i === index) delete result[other];
    result[field] = index;
  }
  return result;
}

/** Fields that name a person on an event row; a bare "Id" beside one of them is the record's own id. */
const PERSON_FIELDS: Field[] = ['crmId', 'email', 'handle'];

/**
 * Decide what an unclaimed bare "Id" column is. In a contacts export it is the person. In an export of events it
 * is the record (review, message, order) when another column names the person (Amazon's `Id` beside `UserId`): a
 * column unique per row must not split one person into a customer per record. With no person column at all it
 * stays the only key there is (the run summary warns when it is unique per row).
 */
export function settleBareId(header: string[], mapping: ColumnMapping, preset: Preset): ColumnMapping {
  // A vendor preset names its own "Id" (Zendesk's ticket, Instagram's comment) or has none.
  if (preset.priority >= VENDOR_PRIORITY) return mapping;
  const taken = new Set(Object.values(mapping));
  const index = header.findIndex((h, i) => normaliseHeader(h) === 'id' && !taken.has(i));
  if (index < 0) return mapping;
  const person = PERSON_FIELDS.some((field) => mapping[field] !== undefined);
  const record: Field = preset.kind === 'orders' ? 'orderId' : 'messageId';
  if (preset.kind === 'notes') return mapping; // a note's id names the note, never a customer
  const field: Field = preset.kind === 'contacts' || !person ? 'crmId' : record;
  if (preset.columns[field] === undefined || mapping[field] !== undefined) return mapping;
  return { ...mapping, [field]: index };
}

/** The cells of one table row, by field. */
export function mapRow(row: TableRow, mapping: ColumnMapping): MappedRow {
  const cells: MappedRow['cells'] = {};
  const columns: MappedRow['columns'] = {};
  for (const [field, index] of Object.entries(mapping) as [Field, number][]) {
    const value = row.fields[index];
    if (value !== undefined && value.trim() !== '') cells[field] = value.trim();
    columns[field] = index + 1;
  }
  return { line: row.line, raw: row.raw, cells, columns };
}
