import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rejection } from '../model.js';
import { byAttention } from '../profile/index.js';
import { say } from '../profile/wording.js';
import type { CodeInfo } from '../report/codes.js';
import { customerPage, GENERATED_MARK, renderCustomerReport } from '../report/customer.js';
import { customersCsv } from '../report/customers-csv.js';
import { pageHtml } from '../report/html.js';
import type { ReportLang } from '../report/i18n.js';
import { indexPage, renderIndex, type IndexInputs } from '../report/index-page.js';
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

/** Which pages a run writes: Markdown (the default), HTML, or both side by side. */
export type ReportFormat = 'md' | 'html' | 'both';

/** A file of the run's output: its path inside the output folder and what it holds. */
export interface OutputFile {
  path: string;
  content: string;
}

/** The run's inputs as the index tells them, with the codes' names and how many customers it lists (--index-top). */
function indexInputs(analysis: Analysis, codes: ReadonlyMap<string, CodeInfo>, indexTop?: number): IndexInputs {
  return {
    files: analysis.ingests.map((i) => ({ file: i.file, preset: i.preset.id, rows: i.rows })),
    contextEvents: analysis.ingests.flatMap((i) => i.contextEvents),
    blindSpots: analysis.runBlindSpots,
    codes,
    top: indexTop,
  };
}

/**
 * The HTML pages of a run, the same pages as the Markdown: index.html and customers/<slug>.html, linked to each
 * other, each one file that opens offline.
 */
export function htmlPages(analysis: Analysis, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang, indexTop?: number): OutputFile[] {
  const sorted = [...analysis.profiled].sort(byAttention);
  return [
    { path: 'index.html', content: pageHtml(indexPage(sorted, indexInputs(analysis, codes, indexTop), lang), { lang }) },
    ...sorted.map((subject) => ({
      path: `customers/${subject.profile.slug}.html`,
      content: pageHtml(customerPage(subject, { lang, codes, sharedGaps: analysis.sharedGaps }), { lang }),
    })),
  ];
}

/** A file thick wrote (it carries the marker), so a rerun may replace or remove it. */
const ownFile = (path: string): boolean => readFileSync(path, 'utf8').includes(GENERATED_MARK);

/**
 * Write index.md and customers/*.md (and/or their .html pages, by `format`; the index lists the first `indexTop`
 * customers), customers.csv, profiles.jsonl and rejected.csv; stale reports from an earlier run (in either format)
 * are removed.
 */
export function writeReports(outDir: string, analysis: Analysis, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang, format: ReportFormat = 'md', indexTop?: number): number {
  const customersDir = join(outDir, 'customers');
  try {
    mkdirSync(customersDir, { recursive: true });
  } catch (error) {
    throw new DataError(`${outDir}: cannot write the reports there (${describeError(error)})`);
  }
  // Stale reports of customers no longer in the data go; anything thick did not write stays.
  for (const name of readdirSync(customersDir)) {
    const path = join(customersDir, name);
    if ((name.endsWith('.md') || name.endsWith('.html')) && ownFile(path)) rmSync(path);
  }
  const indexHtml = join(outDir, 'index.html');
  if (format === 'md' && existsSync(indexHtml) && ownFile(indexHtml)) rmSync(indexHtml);

  const sorted = [...analysis.profiled].sort(byAttention);
  if (format !== 'html') {
    for (const subject of sorted) {
      writeFileSync(join(customersDir, `${subject.profile.slug}.md`), renderCustomerReport(subject, { lang, codes, sharedGaps: analysis.sharedGaps }));
    }
    writeFileSync(join(outDir, 'index.md'), renderIndex(sorted, indexInputs(analysis, codes, indexTop), lang));
  }
  if (format !== 'md') for (const file of htmlPages(analysis, codes, lang, indexTop)) writeFileSync(join(outDir, file.path), file.content);
  writeFileSync(join(outDir, 'customers.csv'), customersCsv(sorted, codes));
  writeFileSync(join(outDir, 'profiles.jsonl'), sorted.map((s) => JSON.stringify(s.profile)).join('\n') + (sorted.length ? '\n' : ''));
  const rejections = analysis.ingests.flatMap((i) => i.rejected);
  const rejectedPath = join(outDir, 'rejected.csv');
  if (rejections.length > 0) writeFileSync(rejectedPath, rejectedCsv(rejections));
  else rmSync(rejectedPath, { force: true });
  return sorted.length;
}
