// A streamed file (ingest/stream.ts) settles each date column's order and each number column's decimal separator on
// its first part, where a whole read settles them on every row. A later value may prove the other reading:
// - a date column whose sample proved no order ("03/04/2024" reads either way) was read in an assumed order; a later
//   "13/05/2024" would, read whole, have settled it the other way;
// - a number column is read with the separator most of its values prove ("12,50" proves ','; "1,234" reads either
//   way), as a whole read does. A later value that proves the other one reads by its own shape, as in a whole read
//   ("1.234,56" is 1234.56 either way); only when the values so far would settle the column the other way (it had no
//   proof, or the other now has as many) would a whole read read the column's "1,234"s differently.
// Such a row is rejected with the reason rather than read under a reading its own value rules out. Every value is
// counted as a whole read counts it, so a streamed file warns of a column that contradicts itself as a whole read does.

import type { Rejection } from '../model.js';
import { ownText } from './text.js';
import { detectDateOrder, type DateOrder } from './dates.js';
import { DATE_FIELDS, NUMBER_FIELDS, type FileIngest } from './index.js';
import { countDecimal, decimalTally, decimalVerdict, type DecimalSeparator } from './numbers.js';
import type { Table, TableRow } from './table.js';

/** A column whose reading the sample settled, and how a later value is checked against it. */
export interface AssumedColumn {
  index: number;
  assumed: string;
  /** The reading a value proves (counted for the column), or null when it reads either way (or is no date or number). */
  proves: (value: string) => string | null;
  /** Why a value proving `proven` cannot be read as the sample settled; null when a whole read would read it alike. */
  conflict: (value: string, proven: string, sampleSize: string) => string | null;
  /** A number column's warning as a whole read of the values counted so far words it (and the sample's, to replace). */
  note?: () => { sample: string | null; whole: string | null };
}

/** The reading a date proves on its own: a day above 12 in first or second place. */
function provenOrder(value: string): DateOrder | null {
  const column = detectDateOrder([value]);
  return !column.ambiguous && column.order !== 'YMD' ? column.order : null;
}

const orderWords = (order: string): string => (order === 'DMY' ? 'day before month' : 'month before day');
const decimalWords = (decimal: string): string => `'${decimal}' as the decimal separator`;

/** The reason for a value that proves the other reading of a column no value of the sample settled. */
const unsettled = (words: (reading: string) => string, value: string, proven: string, assumed: string, sampleSize: string): string =>
  `"${value}" can only be read with ${words(proven)}, but no value in the first ${sampleSize} of the file settled ` +
  `this column, so it is read with ${words(assumed)}; in a whole read this value would settle it the other way`;

/** A date column the sample did not settle: any later date that proves the other order is rejected. */
function dateColumn(index: number, assumed: DateOrder): AssumedColumn {
  return { index, assumed, proves: provenOrder, conflict: (value, proven, size) => unsettled(orderWords, value, proven, assumed, size) };
}

/**
 * A number column, its values counted from the sample on. A value that proves the other separator is rejected once the
 * values so far would settle the column on it; before that it is read by its shape, and the column warned about.
 */
function numberColumn(sample: Table, index: number, fallback: DecimalSeparator, file: string): AssumedColumn {
  const tally = decimalTally();
  for (const row of sample.rows) countDecimal(tally, row.fields[index] ?? '');
  const settled = decimalVerdict(tally, fallback);
  const proofs = { ',': tally.comma, '.': tally.dot };
  const noteOf = (note: string | null) => (note === null ? null : `${file}: column "${sample.header[index]}": ${note}`);
  const sampleNote = noteOf(settled.note);
  return {
    index,
    assumed: settled.decimal,
    proves: (value) => countDecimal(tally, value),
    conflict: (value, proven, size) => {
      if (decimalVerdict(tally, fallback).decimal === settled.decimal) return null;
      if (proofs[','] + proofs['.'] === 0) return unsettled(decimalWords, value, proven, settled.decimal, size);
      return (
        `"${value}" can only be read with ${decimalWords(proven)}; the first ${size} of the file settled this column on ` +
        `${decimalWords(settled.decimal)}, but with this value ${proven === ',' ? tally.comma : tally.dot} of its values prove '${proven}' ` +
        `and ${proven === ',' ? tally.dot : tally.comma} '${settled.decimal}', so a whole read would settle it the other way`
      );
    },
    note: () => {
      const whole = decimalVerdict(tally, fallback);
      // Read with the sample's separator throughout; the rows that would have tipped it are rejected, each saying so.
      return { sample: sampleNote, whole: whole.decimal === settled.decimal ? noteOf(whole.note) : null };
    },
  };
}

/** The date columns of `ingest` whose order no value of `sample` (the rows it was settled on) proved, and every number column. */
export function assumedColumns(sample: Table, ingest: FileIngest): AssumedColumn[] {
  const columns: AssumedColumn[] = [];
  for (const field of DATE_FIELDS) {
    const index = ingest.mapping[field];
    const order = ingest.dateOrders[field]?.order;
    if (index === undefined || order === undefined || order === 'YMD' || sample.rows.some((row) => provenOrder(row.fields[index] ?? '') !== null)) continue;
    columns.push(dateColumn(index, order));
  }
  for (const field of NUMBER_FIELDS) {
    const index = ingest.mapping[field];
    // As ingest/index.ts decides without proof: a ';' file follows the German convention, any other the English one.
    if (index !== undefined) columns.push(numberColumn(sample, index, ingest.delimiter === ';' ? ',' : '.', ingest.file));
  }
  return columns;
}

/** Why `row` cannot be read as the sample settled, or null when it can; every column counts the row's value either way. */
export function contradiction(row: TableRow, columns: readonly AssumedColumn[], file: string, sampleSize: string): Rejection | null {
  let rejection: Rejection | null = null;
  for (const column of columns) {
    const value = row.fields[column.index]?.trim() ?? '';
    const proven = column.proves(value);
    if (rejection !== null || proven === null || proven === column.assumed) continue;
    const reason = column.conflict(value, proven, sampleSize);
    if (reason !== null) rejection = { file, line: row.line, column: column.index + 1, reason, raw: ownText(row.raw) };
  }
  return rejection;
}

/**
 * The file's warnings with each number column's note as a whole read of every value words it, in place of the note
 * its sample gave. Call after the last row and before the reader finishes: the column notes are then the warnings' tail.
 */
export function settleNotes(columns: readonly AssumedColumn[], warnings: string[]): void {
  const notes = columns.flatMap((column) => (column.note ? [column.note()] : []));
  for (const { sample } of notes) {
    const at = sample === null ? -1 : warnings.lastIndexOf(sample);
    if (at >= 0) warnings.splice(at, 1);
  }
  warnings.push(...notes.flatMap(({ whole }) => (whole === null ? [] : [whole])));
}
