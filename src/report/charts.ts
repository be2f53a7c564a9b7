import { span } from '../span.js';
import { codeText } from './format.js';

// Charts are structures first: the Markdown page draws them as plain-text charts that survive Markdown viewers,
// terminals and printers alike; the HTML page draws the same structure as SVG. Labels and notes hold data as
// written (unescaped): each drawing escapes them for the format it lands in.

/** Horizontal bars, one row per label: channels of a customer, stages of a run. */
export interface BarChart {
  kind: 'bars';
  rows: { label: string; value: number }[];
}

/** Counts per time bucket, with a highlighted part of each count (e.g. complaints) and notes (e.g. world events). */
export interface TimelineChart {
  kind: 'timeline';
  /** What the chart shows, in the reader's language ("Timeline"). */
  title: string;
  unit: BucketUnit;
  buckets: { label: string; value: number; highlight: number; notes: string[] }[];
  /** What the highlighted part is ("complaints"); shown only in buckets that have some. */
  highlightLabel: string;
}

/**
 * Means per period on a fixed range (the tone of words −1 … +1, a rating scale), each with the number of values it is
 * taken over, so a reader sees a mean of two next to a mean of two hundred for what it is. A period without values has
 * no point.
 */
export interface MeansChart {
  kind: 'means';
  /** Period labels, oldest first ("2024-05"; "2019-03 – 2023-04" for everything before the months shown one by one). */
  periods: string[];
  series: MeansSeries[];
}

export interface MeansSeries {
  /** What the series is, with its range, in the reader's language ("tone (−1 … +1)"). */
  label: string;
  min: number;
  max: number;
  /** One per period: the mean, how many values, and the mean as the reader's language writes it. */
  points: ({ mean: number; n: number; text: string } | null)[];
}

export type Chart = BarChart | TimelineChart | MeansChart;

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A horizontal bar of `width` cells for value/max, e.g. "██████····". */
export function bar(value: number, max: number, width = 20): string {
  const filled = max > 0 ? Math.round((Math.max(0, value) / max) * width) : 0;
  return '█'.repeat(filled) + '·'.repeat(width - filled);
}

/** A one-line sparkline of counts, one block per bucket. */
export function sparkline(counts: readonly number[]): string {
  const max = span(counts)?.max ?? 0;
  return counts.map((n) => (n === 0 ? ' ' : BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((n / max) * (BLOCKS.length - 1)))])).join('');
}

export type BucketUnit = 'month' | 'quarter' | 'year' | 'years';

/**
 * Months per bucket, finest first: a month, a quarter, a year, then spans of years for a history longer than a
 * timeline's rows (dates far apart are real when the user widens --dates: 1900 to 2024, or a typo kept as 0001).
 */
const SIZES = [1, 3, 12, ...[2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000].map((years) => years * 12)];

const bucketCount = (firstMonth: number, lastMonth: number, size: number): number => Math.floor(lastMonth / size) - Math.floor(firstMonth / size) + 1;

/** The months per bucket that keep a timeline to at most `max` buckets: months for two years, quarters for six, years, then spans of years. */
function bucketMonths(firstMonth: number, lastMonth: number, max: number): number {
  return SIZES.find((size) => bucketCount(firstMonth, lastMonth, size) <= max) ?? SIZES.at(-1)!;
}

const unitOf = (size: number): BucketUnit => (size === 1 ? 'month' : size === 3 ? 'quarter' : size === 12 ? 'year' : 'years');

/**
 * The finest unit that keeps a timeline to at most `max` buckets, so a report stays a few screens long however far
 * apart a customer's first and last contact are: months for two years, quarters for six, years for `max` years, and
 * spans of years (2, 5, 10, 20, 50 … years) beyond.
 */
export function bucketUnit(firstMonth: number, lastMonth: number, max = 24): BucketUnit {
  return unitOf(bucketMonths(firstMonth, lastMonth, max));
}

/** A date's month number since year 0 (UTC): year × 12 + month. */
const monthNumber = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/** A year as ISO writes it, with four digits at least: "0001", "2024". */
const yearText = (year: number): string => (year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0'));

function bucketLabel(bucket: number, size: number): string {
  const firstMonth = bucket * size;
  const year = Math.floor(firstMonth / 12);
  if (size > 12) return `${yearText(year)}–${yearText(year + size / 12 - 1)}`;
  if (size === 12) return yearText(year);
  if (size === 3) return `${yearText(year)}-Q${(firstMonth - year * 12) / 3 + 1}`;
  return `${yearText(year)}-${String(firstMonth - year * 12 + 1).padStart(2, '0')}`;
}

/** Time buckets over a set of dates: their unit, labels from the first to the last bucket (gaps included), and where a date falls. */
export interface Buckets {
  unit: BucketUnit;
  labels: string[];
  /** The index of a date's bucket in `labels`. */
  indexOf(date: Date): number;
}

export function timeBuckets(dates: readonly Date[], max = 24): Buckets {
  if (dates.length === 0) return { unit: 'month', labels: [], indexOf: () => -1 };
  const { min, max: last } = span(dates.map(monthNumber))!;
  const size = bucketMonths(min, last, max);
  const first = Math.floor(min / size);
  const labels = Array.from({ length: bucketCount(min, last, size) }, (_, i) => bucketLabel(first + i, size));
  return { unit: unitOf(size), labels, indexOf: (date) => Math.floor(monthNumber(date) / size) - first };
}

/** Count dates per calendar month (UTC) from the first to the last month, gaps included. */
export function monthlyCounts(dates: readonly Date[]): { months: string[]; counts: number[] } {
  const buckets = timeBuckets(dates, Infinity);
  const counts = new Array<number>(buckets.labels.length).fill(0);
  for (const date of dates) counts[buckets.indexOf(date)]! += 1;
  return { months: buckets.labels, counts };
}

/** Bars as text lines: label padded to a column, bar, value. Labels are data: kept from closing the code block. */
function barLines(chart: BarChart): string[] {
  const max = span(chart.rows.map((r) => r.value))?.max ?? 0;
  const width = Math.max(12, ...chart.rows.map((r) => codeText(r.label).length));
  return chart.rows.map((r) => `${codeText(r.label).padEnd(width)} ${bar(r.value, max)} ${r.value}`);
}

function timelineLines(chart: TimelineChart): string[] {
  const max = span(chart.buckets.map((b) => b.value))?.max ?? 0;
  const width = Math.max(...chart.buckets.map((b) => b.label.length));
  return chart.buckets.map((b) => {
    const highlight = b.highlight > 0 ? `  ${chart.highlightLabel}: ${b.highlight}` : '';
    const notes = b.notes.map((n) => `◆ ${codeText(n)}`).join(' ');
    return `${b.label.padEnd(width)}  ${bar(b.value, max, 12)} ${String(b.value).padStart(3)}${highlight}${notes ? `  ${notes}` : ''}`.trimEnd();
  });
}

/** How wide the track of a mean is, in characters. */
const TRACK = 15;

/** A mean's place on its range as a marker on a dotted track, its figure and n: "······●········  -0.12 n=80". */
function meanCell(point: MeansSeries['points'][number], series: MeansSeries, figure: number): string {
  if (!point) return `${' '.repeat(TRACK)}  ${'—'.padStart(figure)}${' '.repeat(7)}`;
  const share = (Math.min(series.max, Math.max(series.min, point.mean)) - series.min) / (series.max - series.min || 1);
  const at = Math.round(share * (TRACK - 1));
  return `${'·'.repeat(at)}●${'·'.repeat(TRACK - 1 - at)}  ${point.text.padStart(figure)} ${`n=${point.n}`.padEnd(6)}`;
}

function meansLines(chart: MeansChart): string[] {
  const width = Math.max(0, ...chart.periods.map((p) => p.length));
  const figure = Math.max(1, ...chart.series.flatMap((s) => s.points.map((p) => p?.text.length ?? 1)));
  // A column is as wide as its series' label: the label names the range ("(−1 … +1)") and is never cut short.
  const columns = chart.series.map((s) => Math.max(TRACK + 2 + figure + 7, codeText(s.label).length));
  const header = `${' '.repeat(width)}  ${chart.series.map((s, k) => codeText(s.label).padEnd(columns[k]!)).join('  ')}`.trimEnd();
  const rows = chart.periods.map((period, i) => `${period.padEnd(width)}  ${chart.series.map((s, k) => meanCell(s.points[i] ?? null, s, figure).padEnd(columns[k]!)).join('  ')}`.trimEnd());
  return [header, ...rows];
}

/** A chart as Markdown: a plain-text drawing in a fenced block (a timeline gets its sparkline line first). */
export function chartMarkdown(chart: Chart): string[] {
  if (chart.kind === 'bars') return chart.rows.length === 0 ? [] : ['```text', ...barLines(chart), '```'];
  if (chart.kind === 'means') return chart.periods.length === 0 ? [] : ['```text', ...meansLines(chart), '```'];
  if (chart.buckets.length === 0) return [];
  const counts = chart.buckets.map((b) => b.value);
  const summary = `${chart.title}: \`${chart.buckets[0]!.label} ${sparkline(counts)} ${chart.buckets.at(-1)!.label}\``;
  return [summary, '', '```text', ...timelineLines(chart), '```'];
}
