// CSV as thick writes it (customers.csv, rejected.csv, annotate -o x.csv): spreadsheet-safe cells, a BOM.
import { visible } from './format.js';

/** A cell a spreadsheet would run as a formula: it starts with = + - @ or a tab (control characters are shown first). */
const FORMULA_START = /^[=+\-@\t]/;
/**
 * A formula after a semicolon: Excel in a German (or any ";") locale splits a comma file at ";" too, where quotes
 * do not protect a field that does not start with one, so "x;=cmd" would arrive as a cell "=cmd".
 */
const FORMULA_AFTER_SEMICOLON = /;(\s*)(?=[=+\-@])/g;
/** A plain number ("-30", "+4.5", "1,5") is no formula and stays a number for R, pandas and Excel. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Customer text as a cell's data: control characters shown as visible characters (report/format.ts `visible`: C0 as
 * Unicode control pictures, "␛" for ESC, "␀" for NUL; DEL as "␡"; C1 as U+FFFD), since `cat customers.csv` would run
 * an ESC sequence or a C1 CSI in the terminal and a spreadsheet import stops at a NUL. A line break stays one (the cell
 * is quoted), CR LF as LF like the file's own; a lone CR, which writes over the line in a terminal, is shown ("␍").
 */
const cellText = (raw: string): string => visible(raw.replace(/\r\n/g, '\n').replace(/\r/g, '\u240d'));

/**
 * One CSV cell. Customer text is data, never markup: control characters are shown (cellText); a cell that starts like
 * a formula (`=cmd|' /C calc'!A0`, `@SUM(…)`) gets a leading single quote, as OWASP advises against CSV injection, so
 * Excel and LibreOffice show it instead of running it; so does a formula after a ";", and a cell holding ";" is
 * quoted. Numbers stay numbers.
 */
export function csvCell(value: string | number | undefined | null): string {
  const raw = value === undefined || value === null ? '' : String(value);
  if (typeof value === 'number' || PLAIN_NUMBER.test(raw)) return raw;
  const guarded = cellText(raw).replace(FORMULA_AFTER_SEMICOLON, ";$1'");
  const text = FORMULA_START.test(guarded) ? `'${guarded}` : guarded;
  return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file of rows: UTF-8 with a byte-order mark, so Excel reads umlauts and accents as written. */
export function csvFile(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
