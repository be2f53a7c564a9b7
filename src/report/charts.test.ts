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

  it('switches to quarters past two years and to years past six', () => {
    const quarters = timeBuckets([d('2020-02-01'), d('2024-11-30')]);
    expect(quarters.unit).toBe('quarter');
    expect(quarters.labels[0]).toBe('2020-Q1');
    expect(quarters.labels.at(-1)).toBe('2024-Q4');
    expect(quarters.indexOf(d('2020-04-01'))).toBe(1);
    const years = timeBuckets([d('1970-01-01'), d('2025-06-01')]);
    expect(years.unit).toBe('year');
    expect(years.labels).toHaveLength(56);
    expect(years.indexOf(d('2025-01-01'))).toBe(55);
  });

  it('bounds the buckets however far apart two dates are', () => {
    const far = timeBuckets([new Date(Date.UTC(1, 0, 1)), d('9999-12-31')]);
    expect(far.unit).toBe('year');
    // Years are the coarsest unit: the spread of plausible dates (1970 to a year past the reference) bounds them.
    expect(bucketUnit(0, 120_000)).toBe('year');
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
