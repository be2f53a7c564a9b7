import { span } from '../span.js';
import type { BarChart, Chart, MeansChart, MeansSeries, TimelineChart } from './charts.js';
import { clip } from './format.js';

// The HTML page draws thick's charts as inline SVG written here: no script, no external reference, no font to load.
// Every label is data and is XML-escaped where it lands. Values are told by length and by printed numbers, and the
// highlighted part of a column by a dark fill beside a light one with an outline, so a chart reads in greyscale print
// and without colour vision. Each chart is an image with a <title> (and a timeline a <desc>) saying its figures, and
// each bar or column has a <title> of its own, for screen readers and as a tooltip.

/**
 * Text for XML or HTML, in element content and in quoted attributes alike: & < > " ' become references, and
 * characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so a label
 * with a stray control character cannot make the drawing ill-formed.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Width of a drawing in user units (bars need less room than a timeline); the page scales it down on narrow screens. */
const WIDTH = 640;
const BARS_WIDTH = 480;
const FONT_SIZE = 12;
/** A rough width of one character at FONT_SIZE, for laying out labels without measuring fonts. */
const CHAR = 7;
/** Labels longer than this are cut in the drawing; the full text is in the row's <title>. */
const LABEL_CHARS = 32;
/** A bucket's label under its column ("2024-Q3" and the like) is cut sooner. */
const TICK_CHARS = 12;
const INK = '#222';
const LIGHT = '#c8c8c8';
const DARK = '#333';
const GRID = '#e0e0e0';

/** A coordinate with one decimal at most: no exponent notation, identical output on every run. */
const at = (x: number): string => String(Math.round(x * 10) / 10);

/** A count as drawn: finite and not negative (a bar cannot be shorter than nothing). */
const drawn = (value: number): number => (Number.isFinite(value) ? Math.max(0, value) : 0);

/** A count as printed: a figure that is not finite is not shown as one. */
const figure = (value: number): string => (Number.isFinite(value) ? String(value) : '—');

/**
 * The top of a value axis and its tick step: a round step (1, 2 or 5 × a power of ten, at least 1 because the charts
 * count things) giving about four ticks, and the first multiple of it at or above the largest value. An empty or
 * all-zero chart gets an axis from 0 to 1.
 */
export function valueScale(max: number): { top: number; step: number } {
  const largest = drawn(max);
  if (largest === 0) return { top: 1, step: 1 };
  const rough = largest / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].find((f) => f * power >= rough) ?? 10) * power);
  return { top: Math.ceil(largest / step) * step, step };
}

/**
 * The opening tag of a chart with its accessible name (and description, when there is more to say than the name):
 * its size, and the font all its text shares.
 */
function svgOpen(id: string, width: number, height: number, title: string, desc?: string): string {
  const labelledBy = desc === undefined ? `${id}-title` : `${id}-title ${id}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${at(height)}" width="${width}" height="${at(height)}" ` +
      `role="img" aria-labelledby="${labelledBy}" font-family="system-ui, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="${FONT_SIZE}" fill="${INK}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>${desc === undefined ? '' : `<desc id="${id}-desc">${escapeXml(desc)}</desc>`}`,
  ].join('\n');
}

const text = (x: number, y: number, content: string, attributes = ''): string =>
  `<text x="${at(x)}" y="${at(y)}"${attributes ? ` ${attributes}` : ''}>${escapeXml(content)}</text>`;

const rect = (x: number, y: number, width: number, height: number, attributes: string): string =>
  `<rect x="${at(x)}" y="${at(y)}" width="${at(width)}" height="${at(height)}" ${attributes}/>`;

const ROW = 22;
const BAR = 14;

/** Horizontal bars: label, bar, figure, one row each; the longest bar spans the plot. */
/**
 * A generous width of a label at FONT_SIZE, for the room it gets left of its bar: wide letters (m, w, capitals) count
 * more than narrow ones, so "Stammkundschaft" in a wide fallback font (DejaVu Sans draws it 114 units wide) is not cut
 * at the drawing's edge, as an even 7 per character cut it.
 */
function labelWidthOf(label: string): number {
  let width = 0;
  for (const ch of label) width += /[mwMW@%]/.test(ch) ? 12 : /[A-Z0-9]/.test(ch) ? 8.5 : /[ijlItf.,:;'|!\s]/.test(ch) ? 4.5 : 7.5;
  return width;
}

/** A period's label under its column or dot, moved in from the edge where centring it would cut it (the last month). */
function tick(centre: number, y: number, label: string): string {
  const shown = clip(label, TICK_CHARS);
  const half = labelWidthOf(shown) / 2;
  return text(Math.min(WIDTH - 2 - half, Math.max(2 + half, centre)), y, shown, 'text-anchor="middle"');
}

export function barsSvg(chart: BarChart, id: string): string {
  const labels = chart.rows.map((r) => clip(r.label, LABEL_CHARS));
  const labelWidth = Math.ceil(Math.max(60, ...labels.map(labelWidthOf))) + 12;
  const valueWidth = Math.max(3, ...chart.rows.map((r) => figure(r.value).length)) * CHAR + 8;
  const plot = BARS_WIDTH - labelWidth - valueWidth;
  const max = span(chart.rows.map((r) => drawn(r.value)))?.max ?? 0;
  const height = chart.rows.length * ROW + 8;
  const summary = chart.rows.map((r) => `${clip(r.label, 200)}: ${figure(r.value)}`).join('; ');
  const rows = chart.rows.map((row, i) => {
    const y = 4 + i * ROW;
    const value = drawn(row.value);
    // A value above zero always shows as at least a sliver, however small next to the largest.
    const length = max > 0 && value > 0 ? Math.max(1, (value / max) * plot) : 0;
    return [
      `<g><title>${escapeXml(`${clip(row.label, 200)}: ${figure(row.value)}`)}</title>`,
      text(labelWidth - 8, y + BAR - 2, labels[i]!, 'text-anchor="end"'),
      length > 0 ? rect(labelWidth, y + (ROW - BAR) / 2 - 2, length, BAR, `fill="${DARK}"`) : '',
      text(labelWidth + length + 4, y + BAR - 2, figure(row.value)),
      '</g>',
    ].join('');
  });
  return [svgOpen(id, BARS_WIDTH, height, summary), ...rows, '</svg>'].join('\n');
}

/** A timeline's notes, numbered in the order of their buckets: the drawing marks a bucket "◆1", the caption says what 1 is. */
export function timelineNotes(chart: TimelineChart): { mark: number; bucket: string; note: string }[] {
  return chart.buckets.flatMap((b) => b.notes.map((note) => ({ bucket: b.label, note }))).map((n, i) => ({ mark: i + 1, ...n }));
}

/** Room for the value axis on the left, and above the plot for figures and note marks. */
const AXIS = 40;
const TOP = 34;
const PLOT = 150;
const BELOW = 22;
/** The legend names the dark part of a column (the light part is the count the axis measures). */
const LEGEND = 22;

/** Each bucket's ◆ marks ("◆2 ◆3"), numbered as timelineNotes numbers the notes. */
function noteMarks(chart: TimelineChart): string[] {
  let mark = 0;
  return chart.buckets.map((b) => b.notes.map(() => `◆${++mark}`).join(' '));
}

/** A bucket in words: "2024-02: 3, complaints 1 ◆2", for its column's title and the chart's description. */
function bucketSays(chart: TimelineChart, bucket: TimelineChart['buckets'][number], marks: string): string {
  const highlight = drawn(bucket.highlight) > 0 ? `, ${chart.highlightLabel} ${figure(bucket.highlight)}` : '';
  return `${bucket.label}: ${figure(bucket.value)}${highlight}${marks ? ` ${marks}` : ''}`;
}

/** Gridlines and figures of the value axis. */
function valueAxis(top: number, step: number): string[] {
  const lines: string[] = [];
  for (let tick = 0; tick <= top; tick += step) {
    const y = TOP + PLOT - (tick / top) * PLOT;
    lines.push(`<line x1="${AXIS}" y1="${at(y)}" x2="${WIDTH}" y2="${at(y)}" stroke="${tick === 0 ? INK : GRID}" stroke-width="1"/>`);
    lines.push(text(AXIS - 6, y + 4, String(tick), 'text-anchor="end"'));
  }
  return lines;
}

/**
 * Columns of counts per time bucket, oldest left: the count as a light column with an outline, its highlighted part
 * (complaints) dark at its foot, the figure above it, and ◆ marks for the notes the caption lists. With many buckets,
 * every n-th bucket is labelled so labels never overlap; each column's <title> names its bucket and figures.
 */
export function timelineSvg(chart: TimelineChart, id: string): string {
  const n = chart.buckets.length;
  const { top, step } = valueScale(span(chart.buckets.map((b) => drawn(b.value)))?.max ?? 0);
  const slot = (WIDTH - AXIS - 8) / Math.max(1, n);
  const column = Math.min(slot * 0.75, 48);
  const labelEvery = Math.ceil((Math.max(0, ...chart.buckets.map((b) => Math.min(TICK_CHARS, [...b.label].length))) * CHAR + 8) / slot);
  const showFigures = slot >= 4 * CHAR;
  const highlighted = chart.buckets.some((b) => drawn(b.highlight) > 0);
  const height = TOP + PLOT + BELOW + (highlighted ? LEGEND : 0);
  const marks = noteMarks(chart);
  const desc = chart.buckets.map((b, i) => bucketSays(chart, b, marks[i]!)).join('; ');
  const parts = [svgOpen(id, WIDTH, height, chart.title, desc), ...valueAxis(top, step)];
  chart.buckets.forEach((bucket, i) => {
    const centre = AXIS + 4 + slot * (i + 0.5);
    const value = Math.min(drawn(bucket.value), top);
    const highlight = Math.min(drawn(bucket.highlight), value);
    const h = (value / top) * PLOT;
    const hh = (highlight / top) * PLOT;
    parts.push(`<g><title>${escapeXml(bucketSays(chart, bucket, marks[i]!))}</title>`);
    if (h > 0) parts.push(rect(centre - column / 2, TOP + PLOT - h, column, h, `fill="${LIGHT}" stroke="${INK}" stroke-width="1"`));
    if (hh > 0) parts.push(rect(centre - column / 2, TOP + PLOT - hh, column, hh, `fill="${DARK}"`));
    if (showFigures && bucket.value > 0) parts.push(text(centre, TOP + PLOT - h - 4, figure(bucket.value), 'text-anchor="middle"'));
    if (marks[i]) parts.push(text(centre, TOP + PLOT - h - (showFigures ? 18 : 4), marks[i]!, 'text-anchor="middle" font-size="10"'));
    if (i % labelEvery === 0) parts.push(tick(centre, TOP + PLOT + 16, bucket.label));
    parts.push('</g>');
  });
  if (highlighted) {
    const y = TOP + PLOT + BELOW + 4;
    parts.push(rect(AXIS, y, 12, 12, `fill="${DARK}"`), text(AXIS + 18, y + 10, clip(chart.highlightLabel, LABEL_CHARS)));
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** Height of one series' panel in a means chart, and the room under the last one for the period labels. */
const PANEL = 110;
const PANEL_GAP = 30;

/** A point in words: "2024-05: 0.12 (n=80)". */
const pointSays = (period: string, point: MeansSeries['points'][number]): string => `${period}: ${point ? `${point.text} (n=${figure(point.n)})` : '—'}`;

/**
 * One series of a means chart: its range as an axis (lowest, middle, highest value), the means as dots joined where
 * neighbouring periods both have one, each dot sized by how many values the mean is taken over (a mean of two draws
 * small), and its figure and n in the dot's <title>.
 */
function meansPanel(series: MeansSeries, periods: readonly string[], top: number, slot: number): string[] {
  const range = series.max - series.min || 1;
  const y = (value: number) => top + PANEL - ((Math.min(series.max, Math.max(series.min, value)) - series.min) / range) * PANEL;
  const x = (i: number) => AXIS + 4 + slot * (i + 0.5);
  const most = Math.max(1, ...series.points.map((p) => (p ? drawn(p.n) : 0)));
  const parts = [text(AXIS, top - 8, clip(series.label, 80))];
  for (const value of [series.min, (series.min + series.max) / 2, series.max]) {
    parts.push(`<line x1="${AXIS}" y1="${at(y(value))}" x2="${WIDTH}" y2="${at(y(value))}" stroke="${value === series.min ? INK : GRID}" stroke-width="1"/>`);
    parts.push(text(AXIS - 6, y(value) + 4, String(Math.round(value * 100) / 100), 'text-anchor="end"'));
  }
  series.points.forEach((point, i) => {
    const next = series.points[i + 1];
    if (point && next && Number.isFinite(point.mean) && Number.isFinite(next.mean)) {
      parts.push(`<line x1="${at(x(i))}" y1="${at(y(point.mean))}" x2="${at(x(i + 1))}" y2="${at(y(next.mean))}" stroke="${DARK}" stroke-width="1.5"/>`);
    }
  });
  series.points.forEach((point, i) => {
    if (!point || !Number.isFinite(point.mean)) return;
    const r = 2 + 3 * Math.sqrt(drawn(point.n) / most);
    parts.push(`<g><title>${escapeXml(pointSays(periods[i] ?? '', point))}</title><circle cx="${at(x(i))}" cy="${at(y(point.mean))}" r="${at(r)}" fill="${DARK}"/></g>`);
  });
  return parts;
}

/** Means per period, one panel per series stacked, the periods along the bottom (every n-th labelled so none overlap). */
export function meansSvg(chart: MeansChart, id: string): string {
  const n = chart.periods.length;
  const slot = (WIDTH - AXIS - 8) / Math.max(1, n);
  const labelEvery = Math.ceil((Math.max(0, ...chart.periods.map((p) => Math.min(TICK_CHARS, [...p].length))) * CHAR + 8) / slot);
  const height = chart.series.length * (PANEL + PANEL_GAP) + BELOW;
  const title = chart.series.map((s) => s.label).join('; ');
  const desc = chart.series.map((s) => `${s.label}: ${chart.periods.map((p, i) => pointSays(p, s.points[i] ?? null)).join('; ')}`).join('. ');
  const parts = [svgOpen(id, WIDTH, height, title, desc)];
  chart.series.forEach((series, k) => parts.push(...meansPanel(series, chart.periods, PANEL_GAP - 8 + k * (PANEL + PANEL_GAP), slot)));
  const bottom = chart.series.length * (PANEL + PANEL_GAP) - 8;
  chart.periods.forEach((period, i) => {
    if (i % labelEvery === 0) parts.push(tick(AXIS + 4 + slot * (i + 0.5), bottom + 16, period));
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** A chart as SVG; `id` (unique in its page) ties the chart's title and description to it. */
export function chartSvg(chart: Chart, id: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`chartSvg: ${JSON.stringify(id)} is not an id`);
  if (chart.kind === 'means') return meansSvg(chart, id);
  return chart.kind === 'bars' ? barsSvg(chart, id) : timelineSvg(chart, id);
}
