import { describe, expect, it } from 'vitest';
import { bucketUnit, chartMarkdown, timeBuckets, type MeansChart, type TimelineChart } from './charts.js';

const d = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

describe('timeBuckets', () => {
  it('keeps months for up to two years', () => {
    const buckets = timeBuckets([d('2023-01-05'), d('2024-12-20')]);
    expect(buckets.unit).toBe('month');
    expect(buckets.labels).toHaveLength(24);
    expect(buckets.indexOf(d('2024-12-01'))).toBe(23);
  });

  it('switches to quarters past two years, to years past six, and to spans of years past 24', () => {
    const quarters = timeBuckets([d('2020-02-01'), d('2024-11-30')]);
    expect(quarters.unit).toBe('quarter');
    expect(quarters.labels[0]).toBe('2020-Q1');
    expect(quarters.labels.at(-1)).toBe('2024-Q4');
    expect(quarters.indexOf(d('2020-04-01'))).toBe(1);
    const years = timeBuckets([d('2001-01-01'), d('2024-06-01')]);
    expect(years.unit).toBe('year');
    expect(years.labels).toHaveLength(24);
    expect(years.indexOf(d('2024-01-01'))).toBe(23);
    // 1970 to 2025 is 56 years: five-year spans, aligned on years ending in 0 and 5.
    const spans = timeBuckets([d('1970-01-01'), d('2025-06-01')]);
    expect(spans.unit).toBe('years');
    expect(spans.labels).toEqual(['1970–1974', '1975–1979', '1980–1984', '1985–1989', '1990–1994', '1995–1999', '2000–2004', '2005–2009', '2010–2014', '2015–2019', '2020–2024', '2025–2029']);
    expect(spans.indexOf(d('2024-12-31'))).toBe(10);
  });

  it('bounds the buckets however far apart two dates are (--dates can make 0001 and 9999 real)', () => {
    const far = timeBuckets([d('0001-01-01'), d('2024-05-01'), d('9999-12-31')]);
    expect(far.labels.length).toBeLessThanOrEqual(24);
    expect(far.labels[0]).toBe('0000–0499');
    expect(far.labels.at(-1)).toBe('9500–9999');
    expect(far.indexOf(d('2024-05-01'))).toBe(4);
    expect(timeBuckets([d('0001-01-01'), d('1999-12-31')], 24).labels).toHaveLength(20);
    expect(bucketUnit(0, 275_760 * 12)).toBe('years');
    expect(bucketUnit(2000 * 12, 2001 * 12)).toBe('month');
    // The years of the first centuries keep four digits, as ISO writes them.
    expect(timeBuckets([d('0001-01-01'), d('0001-03-01')]).labels).toEqual(['0001-01', '0001-02', '0001-03']);
  });
});

describe('chartMarkdown', () => {
  it('draws a timeline with its sparkline, highlighted counts and notes kept inside the code block', () => {
    const chart: TimelineChart = {
      kind: 'timeline',
      title: 'Timeline',
      unit: 'month',
      highlightLabel: 'complaints',
      buckets: [
        { label: '2024-01', value: 1, highlight: 0, notes: [] },
        { label: '2024-02', value: 0, highlight: 0, notes: [] },
        { label: '2024-03', value: 2, highlight: 1, notes: ['strike ``` ends (notes.csv:2)'] },
      ],
    };
    const lines = chartMarkdown(chart);
    expect(lines[0]).toBe('Timeline: `2024-01 ▄ █ 2024-03`');
    expect(lines.slice(2)).toEqual([
      '```text',
      '2024-01  ██████······   1',
      '2024-02  ············   0',
      "2024-03  ████████████   2  complaints: 1  ◆ strike ''' ends (notes.csv:2)",
      '```',
    ]);
  });

  it('draws bars with their labels padded to one column, and nothing for no rows', () => {
    expect(chartMarkdown({ kind: 'bars', rows: [{ label: 'email', value: 2 }, { label: 'instagram', value: 1 }] })).toEqual([
      '```text',
      'email        ████████████████████ 2',
      'instagram    ██████████·········· 1',
      '```',
    ]);
    expect(chartMarkdown({ kind: 'bars', rows: [] })).toEqual([]);
  });

  it('writes a means chart\'s labels in full, however long, with each series in a column of its own', () => {
    const chart: MeansChart = {
      kind: 'means',
      periods: ['04.2025', '05.2025'],
      series: [
        { label: 'Tonalität der eigenen Worte (−1 … +1)', min: -1, max: 1, points: [{ mean: -0.5, n: 3, text: '-0,50' }, null] },
        { label: 'Bewertung (% der besten Bewertung)', min: 0, max: 100, points: [{ mean: 100, n: 12, text: '100 %' }, { mean: 0, n: 1, text: '0 %' }] },
      ],
    };
    const [header, april, may] = chartMarkdown(chart).slice(1, -1);
    expect(header).toBe('         Tonalität der eigenen Worte (−1 … +1)  Bewertung (% der besten Bewertung)');
    // Each series starts where its label starts: the first column is widened to its label, the second follows it.
    const second = header!.indexOf('Bewertung');
    expect(april).toBe(`04.2025  ····●··········  -0,50 n=3${' '.repeat(11)}  ··············●  100 % n=12`);
    expect(may!.slice(0, second)).toBe(`05.2025  ${' '.repeat(15)}      —${' '.repeat(15)}  `);
    expect(may!.slice(second)).toBe('●··············    0 % n=1');
  });
});
