import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../annotate/codebook.js';
import { byCodePoint } from '../collation.js';
import { ingestFile } from '../ingest/index.js';
import { analyse, codeInfo } from './pipeline.js';
import { csvCell, csvFile, rejectedCsv, runFiles } from './write.js';

describe('CSV outputs', () => {
  it('neutralises cells a spreadsheet would run as a formula (OWASP), keeping numbers numbers', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('+49 170 555 0101')).toBe("'+49 170 555 0101");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tpadded')).toBe("'\tpadded");
    expect(csvCell('\rreturn')).toBe(`"'\rreturn"`);
    expect(csvCell('=HYPERLINK("http://x.example","klick")')).toBe(`"'=HYPERLINK(""http://x.example"",""klick"")"`);
    expect(csvCell('\0=1+1')).toBe("'\0=1+1");
    // German Excel splits at ";" as well: a formula after one is neutralised, and a cell with ";" is quoted.
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvCell('a; -1+2; @SUM(A1)')).toBe(`"a; '-1+2; '@SUM(A1)"`);
    expect(csvCell('Tee; Kaffee')).toBe('"Tee; Kaffee"');
    expect(csvCell('-30')).toBe('-30');
    expect(csvCell('+4.5')).toBe('+4.5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('Preis: =5 €')).toBe('Preis: =5 €');
  });

  it('writes UTF-8 with a byte-order mark, so Excel reads umlauts', () => {
    expect(csvFile([['name'], ['Jürgen Groß']])).toBe('\uFEFFname\nJürgen Groß\n');
    const rejected = rejectedCsv([{ file: 'bestellungen.csv', line: 3, column: 2, reason: 'no customer', raw: '=1+1,Müller' }]);
    expect(rejected).toBe('\uFEFFfile,line,column,reason,raw\nbestellungen.csv,3,2,no customer,"\'=1+1,Müller"\n');
  });
});

describe("the run's files", () => {
  const contacts = 'Customer ID,Name,Email\n21,Lene Lund,lene@example.org\n22,Mats Moor,mats@example.org\n';
  const run = (orders: string) => {
    const read = [ingestFile(Buffer.from(contacts), 'kontakte.csv'), ingestFile(Buffer.from(orders), 'bestellungen.csv')];
    const analysis = analyse(read, { codebook: defaultCodebook() });
    return runFiles(analysis, codeInfo(defaultCodebook()), { lang: 'en' });
  };

  it('are the index, one report per customer and the profiles, each once; rejected.csv only when a row was rejected', () => {
    const clean = run('Order ID,Customer ID,Date,Quantity,Unit Price\nB1,21,2024-03-01,1,4.50\n');
    expect(clean.map((f) => f.path).sort(byCodePoint)).toEqual(['customers.csv', 'customers/21-lene-lund.md', 'customers/22-mats-moor.md', 'index.md', 'profiles.jsonl']);
    expect(clean.find((f) => f.path === 'index.md')!.content).toContain('(customers/21-lene-lund.md)');
    expect(String(clean.find((f) => f.path === 'profiles.jsonl')!.content).split('\n')).toHaveLength(3); // two lines, each ending in a line break
    const rejecting = run('Order ID,Customer ID,Date,Quantity,Unit Price\nB1,21,2024-03-01,1,4.50\nB2,21,31.04.2024,1,2\n');
    expect(rejecting.map((f) => f.path).at(-1)).toBe('rejected.csv');
    expect(String(rejecting.at(-1)!.content)).toMatch(/^\uFEFFfile,line,column,reason,raw\nbestellungen\.csv,3,/);
  });
});
