import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from './csv.js';

describe('CSV cells and files', () => {
  it('neutralises cells a spreadsheet would run as a formula (OWASP), keeping numbers numbers', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('+49 170 555 0101')).toBe("'+49 170 555 0101");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tpadded')).toBe("'\tpadded");
    expect(csvCell('\rreturn')).toBe('\u240dreturn');
    expect(csvCell('=HYPERLINK("http://x.example","klick")')).toBe(`"'=HYPERLINK(""http://x.example"",""klick"")"`);
    expect(csvCell('\0=1+1')).toBe('\u2400=1+1');
    // German Excel splits at ";" as well: a formula after one is neutralised, and a cell with ";" is quoted.
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvCell('a; -1+2; @SUM(A1)')).toBe(`"a; '-1+2; '@SUM(A1)"`);
    expect(csvCell('Tee; Kaffee')).toBe('"Tee; Kaffee"');
    expect(csvCell('-30')).toBe('-30');
    expect(csvCell('+4.5')).toBe('+4.5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('Preis: =5 €')).toBe('Preis: =5 €');
  });

  it('shows the control characters of a hostile row, so no terminal or spreadsheet runs them, and keeps line breaks', () => {
    // ESC clears the screen, BEL rings, a lone CR writes over the line, DEL and the C1 CSI (U+009B) act in terminals.
    const hostile = ['Kim\x1b[2J\x1b[1;1H', 'ok\rFAKE', 'bell\x07 del\x7f csi\x9b31m', 'two\r\nlines\tand a tab', '\x1b]0;=cmd\x07'];
    const file = csvFile([['a', 'b', 'c', 'd', 'e'], hostile]);
    expect(file).toBe(`\uFEFFa,b,c,d,e\n"Kim\u241b[2J\u241b[1;1H",ok\u240dFAKE,bell\u2407 del\u2421 csi\ufffd31m,"two\nlines\tand a tab","\u241b]0;'=cmd\u2407"\n`);
    // No control character is left but the row's own line breaks, the one inside the quoted cell and the tab.
    expect(file.replace(/[\n\t]/g, '')).not.toMatch(/[\0-\x1f\x7f-\x9f]/);
    // The formula guard still holds once the controls are shown.
    expect(csvCell('\x07=1+1')).toBe('\u2407=1+1');
    expect(csvCell('x;\x1b=cmd')).toBe('"x;\u241b=cmd"');
    expect(csvCell('x;=cmd\x1b')).toBe(`"x;'=cmd\u241b"`);
  });

  it('writes UTF-8 with a byte-order mark, so Excel reads umlauts', () => {
    expect(csvFile([['name'], ['Jürgen Groß']])).toBe('\uFEFFname\nJürgen Groß\n');
  });
});
