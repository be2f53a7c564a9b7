import { describe, expect, it } from 'vitest';
import { assumedColumns, contradiction, settleNotes } from './assumed.js';
import { ingestFile } from './index.js';
import { readTable } from './table.js';

/** The assumed columns of an invented sample, and the rejection (if any) of a later row. */
function check(sample: string, later: string) {
  const bytes = Buffer.from(sample);
  const table = readTable(bytes, 'in.csv');
  const columns = assumedColumns(table, ingestFile(bytes, 'in.csv', { lenient: true }));
  const row = readTable(Buffer.from(`${sample.split('\n')[0]}\n${later}\n`), 'in.csv').rows[0]!;
  return { columns: columns.map((c) => [c.index, c.assumed]), rejection: contradiction({ ...row, line: 99 }, columns, 'in.csv', '1 MiB') };
}

describe('assumedColumns and contradiction', () => {
  it('rejects a later date that proves the other order when the sample proved none, naming line and column', () => {
    const { columns, rejection } = check('text,date\nhallo,03/04/2024\nna,05/06/2024', 'spät,13/05/2024');
    expect(columns).toEqual([[1, 'MDY']]);
    expect(rejection).toMatchObject({ file: 'in.csv', line: 99, column: 2, raw: 'spät,13/05/2024' });
    expect(rejection?.reason).toBe(
      '"13/05/2024" can only be read with day before month, but no value in the first 1 MiB of the file settled this column, so it is read with month before day; in a whole read this value would settle it the other way',
    );
  });

  it('lets dates through that fit the assumed order or read either way, and assumes nothing the sample proved', () => {
    expect(check('text,date\nhallo,03/04/2024', 'ok,05/13/2024').rejection).toBeNull();
    expect(check('text,date\nhallo,03/04/2024', 'ok,07/08/2024').rejection).toBeNull();
    expect(check('text,date\nhallo,23/04/2024', 'ok,05/13/2024').columns).toEqual([]);
  });

  it('rejects a later amount that proves the other decimal separator', () => {
    const { columns, rejection } = check('text,amount\nhallo,1\nna,2', 'spät,"12,50"');
    expect(columns).toEqual([[1, '.']]);
    expect(rejection).toMatchObject({ column: 2 });
    expect(rejection?.reason).toContain(`"12,50" can only be read with ',' as the decimal separator`);
  });

  it("reads a later amount that proves the other separator by its shape while the sample's proof still outweighs it", () => {
    const proved = check('text,amount\nhallo,1.5\nna,2.5', 'spät,"1.234,56"');
    expect(proved.columns).toEqual([[1, '.']]);
    expect(proved.rejection).toBeNull();
  });

  it('rejects a later amount once the values so far would settle the column on the other separator', () => {
    const bytes = Buffer.from('text,amount\nhallo,1.5\n');
    const sample = readTable(bytes, 'in.csv');
    const columns = assumedColumns(sample, ingestFile(bytes, 'in.csv', { lenient: true }));
    const later = readTable(Buffer.from('text,amount\na,"2,5"\nb,"3,5"\nc,4.5\n'), 'in.csv').rows;
    const rejections = later.map((row) => contradiction(row, columns, 'in.csv', '1 MiB'));
    // 1.5 and 2,5: a tie, which the fallback '.' settles as the sample did; 3,5 tips it; 4.5 fits the sample's reading.
    expect(rejections.map((r) => r?.line ?? null)).toEqual([null, 3, null]);
    expect(rejections[1]?.reason).toBe(
      `"3,5" can only be read with ',' as the decimal separator; the first 1 MiB of the file settled this column on '.' as the decimal separator, but with this value 2 of its values prove ',' and 1 '.', so a whole read would settle it the other way`,
    );
  });

  it("words the column's warning as a whole read of every value counted does, in place of the sample's", () => {
    const bytes = Buffer.from('text,amount\nhallo,1.5\nna,"1,234"\n');
    const sample = readTable(bytes, 'in.csv');
    const ingest = ingestFile(bytes, 'in.csv', { lenient: true });
    const columns = assumedColumns(sample, ingest);
    for (const row of readTable(Buffer.from('text,amount\nx,"1.234,56"\ny,2.5\n'), 'in.csv').rows) contradiction(row, columns, 'in.csv', '1 MiB');
    const warnings = ['earlier', ...ingest.warnings];
    settleNotes(columns, warnings);
    const whole = ingestFile(Buffer.from('text,amount\nhallo,1.5\nna,"1,234"\nx,"1.234,56"\ny,2.5\n'), 'in.csv', { lenient: true });
    expect(warnings).toEqual(['earlier', ...whole.warnings]);
    expect(whole.warnings).toEqual([`in.csv: column "amount": decimal separator contradicts itself: 1 value(s) use ',', 2 use '.'; reading '.'`]);
  });
});
