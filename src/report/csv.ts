// CSV as thick writes it (customers.csv, rejected.csv, annotate -o x.csv): spreadsheet-safe cells, a BOM.

/** A cell a spreadsheet would run as a formula: it starts with = + - @, a tab, a carriage return or a NUL. */
const FORMULA_START = /^[=+\-@\t\r\0]/;
/**
 * A formula after a semicolon: Excel in a German (or any ";") locale splits a comma file at ";" too, where quotes
 * do not protect a field that does not start with one, so "x;=cmd" would arrive as a cell "=cmd".
 */
const FORMULA_AFTER_SEMICOLON = /;(\s*)(?=[=+\-@\0])/g;
/** A plain number ("-30", "+4.5", "1,5") is no formula and stays a number for R, pandas and Excel. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * One CSV cell. Customer text is data, never markup: a cell that starts like a formula (`=cmd|' /C calc'!A0`,
 * `@SUM(…)`) gets a leading single quote, as OWASP advises against CSV injection, so Excel and LibreOffice show it
 * instead of running it; so does a formula after a ";", and a cell holding ";" is quoted. Numbers stay numbers.
 */
export function csvCell(value: string | number | undefined | null): string {
  const raw = value === undefined || value === null ? '' : String(value);
  if (typeof value === 'number' || PLAIN_NUMBER.test(raw)) return raw;
  const guarded = raw.replace(FORMULA_AFTER_SEMICOLON, ";$1'");
  const text = FORMULA_START.test(guarded) ? `'${guarded}` : guarded;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file of rows: UTF-8 with a byte-order mark, so Excel reads umlauts and accents as written. */
export function csvFile(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
