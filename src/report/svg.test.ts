import { describe, expect, it } from 'vitest';
import { parseXml, xmlElements, xmlText, type XmlElement } from '../../test/markup.js';
import type { BarChart, MeansChart, TimelineChart } from './charts.js';
import { barsSvg, chartSvg, escapeXml, timelineNotes, timelineSvg, valueScale } from './svg.js';

const HOSTILE = `<script>alert("x")</script> & 'quoted' "double" ]]> <!--`;

const timeline = (buckets: TimelineChart['buckets']): TimelineChart => ({ kind: 'timeline', title: 'Timeline', unit: 'month', highlightLabel: 'complaints', buckets });
const bucket = (label: string, value: number, highlight = 0, notes: string[] = []) => ({ label, value, highlight, notes });

const rects = (svg: XmlElement): XmlElement[] => xmlElements(svg).filter((e) => e.name === 'rect');
const num = (e: XmlElement, name: string): number => Number(e.attributes[name]);
/** The columns of a timeline: its light rects with an outline (the legend swatch is dark). */
const columns = (svg: XmlElement): XmlElement[] => rects(svg).filter((r) => r.attributes.stroke !== undefined);

describe('escapeXml', () => {
  it('escapes markup characters and both quotes, and replaces characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    // Tab, line breaks and whole emoji stay.
    expect(escapeXml('a\tb\nc ☕ 😀')).toBe('a\tb\nc ☕ 😀');
  });
});

describe('valueScale', () => {
  it('rounds the axis up to a round step, never below a step of 1 (charts count things)', () => {
    expect(valueScale(0)).toEqual({ top: 1, step: 1 });
    expect(valueScale(1)).toEqual({ top: 1, step: 1 });
    expect(valueScale(3)).toEqual({ top: 3, step: 1 });
    expect(valueScale(17)).toEqual({ top: 20, step: 5 });
    expect(valueScale(40)).toEqual({ top: 40, step: 10 });
    expect(valueScale(1234)).toEqual({ top: 1500, step: 500 });
    expect(valueScale(Number.NaN)).toEqual({ top: 1, step: 1 });
    expect(valueScale(-5)).toEqual({ top: 1, step: 1 });
  });
});

describe('barsSvg', () => {
  const chart: BarChart = { kind: 'bars', rows: [{ label: 'email', value: 10 }, { label: 'shop', value: 5 }, { label: 'phone', value: 0 }] };

  it('draws bars in proportion to their values, the longest across the plot, none for zero', () => {
    const svg = parseXml(barsSvg(chart, 'c1'));
    const bars = rects(svg);
    expect(bars).toHaveLength(2);
    expect(num(bars[1]!, 'width')).toBeCloseTo(num(bars[0]!, 'width') / 2, 0);
    // Each row says its figure as text, the zero row too.
    expect(xmlElements(svg).filter((e) => e.name === 'text').map((t) => t.text)).toEqual(['email', '10', 'shop', '5', 'phone', '0']);
    const [x, , width] = svg.attributes.viewBox!.split(' ').map(Number);
    expect(num(bars[0]!, 'x') + num(bars[0]!, 'width')).toBeLessThanOrEqual(x! + width!);
  });

  it('leaves room for a long label left of its bar, so the drawing does not cut it', () => {
    const svg = parseXml(barsSvg({ kind: 'bars', rows: [{ label: 'Noch fremd', value: 3 }, { label: 'Stammkundschaft', value: 1 }] }, 'c1'));
    const label = xmlElements(svg).find((e) => e.name === 'text' && e.text === 'Stammkundschaft')!;
    // Anchored at its end: the label starts at x minus its width, which DejaVu Sans at 12 px makes 114.
    expect(num(label, 'x')).toBeGreaterThanOrEqual(114);
  });

  it('keeps a tiny value visible and an all-zero chart empty', () => {
    const tiny = rects(parseXml(barsSvg({ kind: 'bars', rows: [{ label: 'a', value: 100000 }, { label: 'b', value: 1 }] }, 'c1')));
    expect(num(tiny[1]!, 'width')).toBeGreaterThanOrEqual(1);
    expect(rects(parseXml(barsSvg({ kind: 'bars', rows: [{ label: 'a', value: 0 }] }, 'c1')))).toHaveLength(0);
  });

  it('escapes labels: a label with <, &, quotes and a CDATA end is text, and its full wording is in the title', () => {
    const source = barsSvg({ kind: 'bars', rows: [{ label: HOSTILE, value: 3 }] }, 'c1');
    const svg = parseXml(source);
    expect(xmlElements(svg).map((e) => e.name)).not.toContain('script');
    const title = xmlElements(svg).find((e) => e.name === 'title')!;
    expect(title.text).toContain(HOSTILE);
    // The drawn label is cut to fit, at whole characters.
    const label = xmlElements(svg).find((e) => e.name === 'text')!.text;
    expect(label.endsWith('…')).toBe(true);
    expect(HOSTILE.startsWith(label.slice(0, -1))).toBe(true);
    expect(source).not.toContain('<script');
  });

  it('names itself for screen readers: role img, labelled by its title', () => {
    const svg = parseXml(barsSvg(chart, 'chart-7'));
    expect(svg.attributes.role).toBe('img');
    expect(svg.attributes['aria-labelledby']).toBe('chart-7-title');
    expect(xmlElements(svg).find((e) => e.attributes.id === 'chart-7-title')?.text).toBe('email: 10; shop: 5; phone: 0');
  });
});

describe('timelineSvg', () => {
  it('draws one column per bucket on a round axis, its highlighted part dark at its foot', () => {
    const svg = parseXml(timelineSvg(timeline([bucket('2024-01', 4, 1), bucket('2024-02', 0), bucket('2024-03', 8, 8)]), 't'));
    const cols = columns(svg);
    expect(cols).toHaveLength(2);
    expect(num(cols[1]!, 'height')).toBeCloseTo(2 * num(cols[0]!, 'height'), 0);
    const dark = rects(svg).filter((r) => r.attributes.stroke === undefined);
    // Two highlighted parts and the legend's swatch.
    expect(dark).toHaveLength(3);
    expect(num(dark[0]!, 'height')).toBeCloseTo(num(cols[0]!, 'height') / 4, 0);
    expect(num(dark[0]!, 'y') + num(dark[0]!, 'height')).toBeCloseTo(num(cols[0]!, 'y') + num(cols[0]!, 'height'), 0);
    expect(xmlText(svg)).toContain('complaints');
    // Axis 0, 2, 4, 6, 8: the largest count is the top of the axis.
    const ticks = xmlElements(svg).filter((e) => e.name === 'text' && e.attributes['text-anchor'] === 'end').map((e) => e.text);
    expect(ticks).toEqual(['0', '2', '4', '6', '8']);
  });

  it('draws a single bucket, and an all-zero timeline as an empty axis from 0 to 1 without a legend', () => {
    const one = parseXml(timelineSvg(timeline([bucket('2024-05', 1)]), 't'));
    expect(columns(one)).toHaveLength(1);
    expect(xmlText(one)).toContain('2024-05');
    const zero = parseXml(timelineSvg(timeline([bucket('2024-05', 0), bucket('2024-06', 0)]), 't'));
    expect(rects(zero)).toHaveLength(0);
    expect(xmlText(zero)).not.toContain('complaints');
    expect(xmlElements(zero).filter((e) => e.name === 'text' && e.attributes['text-anchor'] === 'end').map((e) => e.text)).toEqual(['0', '1']);
  });

  it('labels only every n-th of many buckets, so labels never overlap, and every column keeps its bucket in its title', () => {
    const years = Array.from({ length: 56 }, (_, i) => bucket(String(1970 + i), i % 7));
    const svg = parseXml(timelineSvg({ ...timeline(years), unit: 'year' }, 't'));
    const labels = xmlElements(svg).filter((e) => e.name === 'text' && /^\d{4}$/.test(e.text) && e.attributes['text-anchor'] === 'middle');
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.length).toBeLessThan(56);
    const xs = labels.map((l) => num(l, 'x'));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(4 * 7);
    const titles = svg.children.filter((g) => g.name === 'g').map((g) => g.children.find((c) => c.name === 'title')!.text);
    expect(titles).toHaveLength(56);
    expect(titles[55]).toBe('2025: 6');
  });

  it('marks notes ◆1, ◆2 in bucket order, escapes them and the labels, and describes every bucket', () => {
    const chart = timeline([bucket('2024-01', 2, 0, [HOSTILE]), bucket('2024-02 <b>', 1, 1, ['strike', 'price rise'])]);
    const source = timelineSvg(chart, 't');
    const svg = parseXml(source);
    expect(source).not.toContain('<b>');
    expect(xmlElements(svg).map((e) => e.name)).not.toContain('b');
    expect(timelineNotes(chart)).toEqual([
      { mark: 1, bucket: '2024-01', note: HOSTILE },
      { mark: 2, bucket: '2024-02 <b>', note: 'strike' },
      { mark: 3, bucket: '2024-02 <b>', note: 'price rise' },
    ]);
    expect(xmlElements(svg).filter((e) => e.name === 'text').map((e) => e.text)).toContain('◆2 ◆3');
    expect(xmlElements(svg).find((e) => e.attributes.id === 't-desc')!.text).toBe('2024-01: 2 ◆1; 2024-02 <b>: 1, complaints 1 ◆2 ◆3');
    expect(svg.attributes['aria-labelledby']).toBe('t-title t-desc');
  });

  it('draws no figure that is not finite and no negative column (a negative count is said as it is)', () => {
    const svg = parseXml(timelineSvg(timeline([bucket('a', Number.POSITIVE_INFINITY), bucket('b', -3), bucket('c', 2)]), 't'));
    expect(xmlText(svg)).not.toMatch(/Infinity|NaN/);
    expect(xmlElements(svg).find((e) => e.attributes.id === 't-desc')!.text).toBe('a: —; b: -3; c: 2');
    expect(columns(svg)).toHaveLength(1);
    expect(xmlElements(svg).every((e) => Object.values(e.attributes).every((v) => !/NaN|Infinity/.test(v)))).toBe(true);
  });
});

describe('chartSvg', () => {
  it('refuses an id that could break out of its attribute', () => {
    expect(() => chartSvg({ kind: 'bars', rows: [] }, 'x" onload="y')).toThrow(/not an id/);
    expect(parseXml(chartSvg({ kind: 'bars', rows: [] }, 'chart-1')).name).toBe('svg');
  });
});

describe('meansSvg', () => {
  const chart: MeansChart = {
    kind: 'means',
    periods: ['2024-01', '2024-02', '2024-03'],
    series: [
      { label: HOSTILE, min: -1, max: 1, points: [{ mean: -1, n: 4, text: '-1.00' }, null, { mean: 1, n: 1, text: '1.00' }] },
      { label: 'rating (1–5 stars)', min: 1, max: 5, points: [{ mean: 2, n: 4, text: '2.00' }, { mean: 4, n: 4, text: '4.00' }, { mean: 5, n: 2, text: '5.00' }] },
    ],
  };
  const svg = parseXml(chartSvg(chart, 'trend'));
  const circles = xmlElements(svg).filter((e) => e.name === 'circle');
  const lines = xmlElements(svg).filter((e) => e.name === 'line' && e.attributes['stroke-width'] === '1.5');

  it('draws a dot per mean, none where a period has no values, and joins only neighbours that both have one', () => {
    expect(circles).toHaveLength(5);
    // The tone series has a gap in 2024-02: no line across it; the rating series joins 3 dots with 2 lines.
    expect(lines).toHaveLength(2);
  });

  it('puts the lowest value at the bottom of its panel and the highest at the top, and sizes a dot by its n', () => {
    const [low, high] = circles;
    expect(num(low!, 'cy')).toBeGreaterThan(num(high!, 'cy'));
    expect(num(low!, 'r')).toBeGreaterThan(num(high!, 'r'));
  });

  it('keeps the last period\'s label inside the drawing', () => {
    const periods = Array.from({ length: 25 }, (_, i) => `${String((i % 12) + 1).padStart(2, '0')}.${2023 + Math.floor(i / 12)}`);
    const long = parseXml(chartSvg({ kind: 'means', periods, series: [{ label: 'Tonalität', min: -1, max: 1, points: periods.map(() => ({ mean: 0, n: 3, text: '0,00' })) }] }, 'trend'));
    const width = Number(long.attributes.viewBox!.split(' ')[2]);
    const last = xmlElements(long).filter((e) => e.name === 'text' && e.text === periods.at(-1))[0]!;
    // Centred on its x: half its width (six digits of at most 8.5 units and a dot) must fit before the edge.
    expect(num(last, 'x') + (6 * 8.5 + 4.5) / 2).toBeLessThanOrEqual(width);
  });

  it('says each mean with its n in the dot’s title, and escapes the labels', () => {
    const titles = xmlElements(svg).filter((e) => e.name === 'title').map(xmlText);
    expect(titles).toContain('2024-02: 4.00 (n=4)');
    expect(xmlText(xmlElements(svg).find((e) => e.name === 'desc')!)).toContain('2024-02: —');
    expect(chartSvg(chart, 'trend')).not.toContain('<script>');
  });
});
