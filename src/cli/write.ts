import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rejection } from '../model.js';
import { byAttention } from '../profile/index.js';
import { say } from '../profile/wording.js';
import type { CodeInfo } from '../report/codes.js';
import { GENERATED_MARK, renderCustomerReport } from '../report/customer.js';
import type { ReportLang } from '../report/i18n.js';
import { customersCsv } from '../report/customers-csv.js';
import { renderIndex } from '../report/index-page.js';
import { describeError } from './errno.js';
import { DataError, type Analysis } from './pipeline.js';

/** A cell a spreadsheet would run as a formula: it starts with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-30", "+4.5", "1,5") is no formula and stays a number for R, pandas and Excel. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * One CSV cell. Customer text is data, never markup: a cell that starts like a formula (`=cmd|' /C calc'!A0`,
 * `@SUM(…)`) gets a leading single quote, as OWASP advises against CSV injection, so Excel and LibreOffice show it
 * instead of running it. Numbers stay numbers.
 */
export function csvCell(value: string | number | undefined | null): string {
  const raw = value === undefined || value === null ? '' : String(value);
  const text = typeof value !== 'number' && FORMULA_START.test(raw) && !PLAIN_NUMBER.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file of rows: UTF-8 with a byte-order mark, so Excel reads umlauts and accents as written. */
export function csvFile(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** A gap of the whole run in the --json summary: its key, its English wording, and how many customers it concerns. */
export interface RunGap {
  key: string;
  text: string;
  /** For a gap most customers share: how many of how many. */
  customers?: { n: number; of: number };
}

/** The gaps the index says once, for the --json summary (the same Analysis the index is written from). */
export function runGaps(analysis: Pick<Analysis, 'runBlindSpots'>): RunGap[] {
  return analysis.runBlindSpots.map((f) => ({
    key: f.key === 'commonGap' ? (f.value ?? f.key) : f.key,
    text: say(f, 'en'),
    ...(f.key === 'commonGap' ? { customers: { n: f.n ?? 0, of: f.of ?? 0 } } : {}),
  }));
}

export function rejectedCsv(rejections: readonly Rejection[]): string {
  return csvFile([['file', 'line', 'column', 'reason', 'raw'], ...rejections.map((r) => [r.file, r.line, r.column, r.reason, r.raw])]);
}

/**
 * Write index.md (its customer table limited to `indexTop`), customers/*.md, customers.csv, profiles.jsonl and
 * rejected.csv; stale files from an earlier run are removed.
 */
export function writeReports(outDir: string, analysis: Analysis, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang, indexTop?: number): number {
  const customersDir = join(outDir, 'customers');
  try {
    mkdirSync(customersDir, { recursive: true });
  } catch (error) {
    throw new DataError(`${outDir}: cannot write the reports there (${describeError(error)})`);
  }
  // Stale reports of customers no longer in the data go; anything thick did not write stays.
  for (const name of readdirSync(customersDir)) {
    const path = join(customersDir, name);
    if (name.endsWith('.md') && readFileSync(path, 'utf8').includes(GENERATED_MARK)) rmSync(path);
  }

  const sorted = [...analysis.profiled].sort(byAttention);
  for (const subject of sorted) {
    writeFileSync(join(customersDir, `${subject.profile.slug}.md`), renderCustomerReport(subject, { lang, codes, sharedGaps: analysis.sharedGaps }));
  }
  const run = {
    files: analysis.ingests.map((i) => ({ file: i.file, preset: i.preset.id, rows: i.rows })),
    contextEvents: analysis.ingests.flatMap((i) => i.contextEvents),
    blindSpots: analysis.runBlindSpots,
    codes,
    top: indexTop,
  };
  writeFileSync(join(outDir, 'index.md'), renderIndex(sorted, run, lang));
  writeFileSync(join(outDir, 'customers.csv'), customersCsv(sorted, codes));
  writeFileSync(join(outDir, 'profiles.jsonl'), sorted.map((s) => JSON.stringify(s.profile)).join('\n') + (sorted.length ? '\n' : ''));
  const rejections = analysis.ingests.flatMap((i) => i.rejected);
  const rejectedPath = join(outDir, 'rejected.csv');
  if (rejections.length > 0) writeFileSync(rejectedPath, rejectedCsv(rejections));
  else rmSync(rejectedPath, { force: true });
  return sorted.length;
}
