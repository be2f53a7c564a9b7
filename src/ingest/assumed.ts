// A streamed file (ingest/stream.ts) settles each date column's order and each number column's decimal separator on
// its first part. When no value there proved it ("03/04/2024" reads either way), the choice is an assumption; a later
// value that proves the other reading would, read whole, have settled the column the other way. Such a row is
// rejected with the reason rather than read under an order its own value rules out.

import type { Rejection } from '../model.js';
import { detectDateOrder, type DateOrder } from './dates.js';
import { DATE_FIELDS, NUMBER_FIELDS, type FileIngest } from './index.js';
import { detectDecimalColumn, type DecimalSeparator } from './numbers.js';
import type { Table, TableRow } from './table.js';

/** A column whose reading the sample assumed: which column, what was assumed, and how a value proves a reading. */
export interface AssumedColumn {
  index: number;
  assumed: string;
  /** The reading a value proves, or null when it reads either way (or is no date or number at all). */
  proves: (value: string) => string | null;
  /** The reading in words, for the reason. */
  words: (reading: string) => string;
}

/** The reading a date proves on its own: a day above 12 in first or second place. */
function provenOrder(value: string): DateOrder | null {
  const column = detectDateOrder([value]);
  return !column.ambiguous && column.order !== 'YMD' ? column.order : null;
}

/** The decimal separator a number proves on its own ("12,5", "1.234,50"), whatever the file's convention. */
function provenDecimal(value: string): DecimalSeparator | null {
  const asComma = detectDecimalColumn([value], ',');
  const asDot = detectDecimalColumn([value], '.');
  return !asComma.ambiguous && asComma.decimal === asDot.decimal ? asComma.decimal : null;
}

const orderWords = (order: string): string => (order === 'DMY' ? 'day before month' : 'month before day');
const decimalWords = (decimal: string): string => `'${decimal}' as the decimal separator`;

/** The date and number columns of `ingest` whose reading no value of `sample` (the rows it was settled on) proved. */
export function assumedColumns(sample: Table, ingest: FileIngest): AssumedColumn[] {
  const proved = (index: number, proves: (value: string) => string | null): boolean => sample.rows.some((row) => proves(row.fields[index] ?? '') !== null);
  const columns: AssumedColumn[] = [];
  for (const field of DATE_FIELDS) {
    const index = ingest.mapping[field];
    const order = ingest.dateOrders[field]?.order;
    if (index === undefined || order === undefined || order === 'YMD' || proved(index, provenOrder)) continue;
    columns.push({ index, assumed: order, proves: provenOrder, words: orderWords });
  }
  for (const field of NUMBER_FIELDS) {
    const index = ingest.mapping[field];
    if (index === undefined || proved(index, provenDecimal)) continue;
    // As ingest/index.ts decides without proof: a ';' file follows the German convention, any other the English one.
    columns.push({ index, assumed: ingest.delimiter === ';' ? ',' : '.', proves: provenDecimal, words: decimalWords });
  }
  return columns;
}

/** Why `row` cannot be read as the sample assumed, or null when it can. */
export function contradiction(row: TableRow, columns: readonly AssumedColumn[], file: string, sampleSize: string): Rejection | null {
  for (const column of columns) {
    const value = row.fields[column.index]?.trim() ?? '';
    const proven = column.proves(value);
    if (proven === null || proven === column.assumed) continue;
    return {
      file,
      line: row.line,
      column: column.index + 1,
      reason:
        `"${value}" can only be read with ${column.words(proven)}, but no value in the first ${sampleSize} of the file settled ` +
        `this column, so it is read with ${column.words(column.assumed)}; in a whole read this value would settle it the other way`,
      raw: row.raw,
    };
  }
  return null;
}
