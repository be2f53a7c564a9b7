import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from './csv.js';

describe('CSV cells and files', () => {
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
  });
});
