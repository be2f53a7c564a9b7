// The overview that opens the index, drawn from profile/overview.ts: the run in figures, the stages, the themes
// across all customers (with their cost to the mean rating, by month, and by product, channel or CRM stage), the tone
// and rating by month, and what changed recently. Customer text (quotes, product names, CRM stages) is escaped here.
import { byCodePoint } from '../collation.js';
import type { RunOverview } from '../profile/overview.js';
import type { CommonScale } from '../profile/ratings.js';
import type { Theme } from '../profile/themes.js';
import type { MeanChange, Period, RecentChange } from '../profile/trend.js';
import type { WindowFacts } from '../profile/window.js';
import { kindName } from '../profile/wording.js';
import type { MeansChart } from './charts.js';
import { codeLabel, type CodeInfo } from './codes.js';
import { cite, codeSpan, day, dayOf, inline, mdText, num, percent, period, quote, sampleSize } from './format.js';
import { channelName, stageName, type ReportLang } from './i18n.js';
import { overviewWords, type OverviewWords } from './overview-words.js';
import type { Block } from './page.js';

/** What rendering the overview needs besides the overview itself. */
export interface OverviewContext {
  codes: ReadonlyMap<string, CodeInfo>;
  lang: ReportLang;
  asOf: Date;
  /** The run's time window (--since, --until): said in the figures when it has an end. */
  window?: WindowFacts;
}

interface Ctx extends OverviewContext {
  w: OverviewWords;
  scale: CommonScale | null;
}

/** At most this many themes in the table; every code has its column in customers.csv. */
export const THEMES_SHOWN = 15;
/** Themes by month shows the themes with the most records, as columns. */
const MONTH_THEMES = 6;

const scaleName = (ctx: Ctx): string => (ctx.scale ? ctx.w.scales[ctx.scale.unit] : '');

/** A rating on the common scale: two decimals, or whole percent. */
function rating(value: number, ctx: Ctx): string {
  return ctx.scale?.unit === 'percent' ? percent(Math.round(value), ctx.lang) : num(value, ctx.lang, 2);
}

/** A mean rating with the scale it is on ("3.41 (1–5 stars)"); percent says its unit by itself. */
const rated = (value: number, ctx: Ctx): string => (ctx.scale?.unit === 'percent' ? rating(value, ctx) : `${rating(value, ctx)} (${scaleName(ctx)})`);

/** A signed difference on the common scale: "+0.47", "-0.55"; one that rounds to nothing is "0.00", not "-0.00". */
function signed(value: number, ctx: Ctx): string {
  const percent = ctx.scale?.unit === 'percent';
  const rounded = percent ? Math.round(value * 10) / 10 : Math.round(value * 100) / 100;
  const text = percent ? num(Math.abs(rounded), ctx.lang) : num(Math.abs(rounded), ctx.lang, 2);
  return `${rounded > 0 ? '+' : rounded < 0 ? '-' : ''}${text}`;
}

/** A theme's impact is named among the costliest only when it rests on this many rated records. */
const COSTLY_MIN_RATED = 3;

const label = (code: string, ctx: Ctx): string => mdText(codeLabel(ctx.codes, code, ctx.lang));

function figuresSection(o: RunOverview, ctx: Ctx): Block[] {
  const { w, lang } = ctx;
  const f = o.figures;
  const own = Object.entries(f.own)
    .sort(([a, x], [b, y]) => y - x || byCodePoint(a, b))
    .map(([kind, n]) => kindName(kind, lang, n));
  const records = [
    own.join(', '),
    f.orders > 0 ? kindName('order', lang, f.orders) : '',
    f.notes > 0 ? w.notes(f.notes) : '',
    f.brand > 0 ? w.brand(f.brand) : '',
  ].filter(Boolean);
  const lines = [
    `- ${w.files(f.files, f.rows.read, f.rows.used, f.rows.rejected)}`,
    `- ${w.customers(f.customers, f.withWords, f.rating)}`,
    `- ${w.records}: ${records.join('; ') || w.noRecords}`,
  ];
  if (f.dates) lines.push(`- ${w.dates(dayOf(f.dates.first, lang), dayOf(f.dates.last, lang), day(ctx.asOf, lang))}`);
  const window = windowLine(ctx);
  if (window) lines.push(`- ${window}`);
  if (f.rated.mean && ctx.scale) {
    const scales = Object.entries(f.rated.byScale).map(([scale, n]) => `${w.scales[scale as keyof OverviewWords['scales']] ?? scale}: ${n}`).join(', ');
    lines.push(`- ${w.rated(f.rated.n, scales, rated(f.rated.mean.mean, ctx))}`);
  }
  return [`## ${w.figures}`, '', ...lines, ''];
}

/** Whole days from one ISO instant to another, a part day counting as one. */
const windowDays = (since: string, until: string): number => Math.max(1, Math.ceil((Date.parse(until) + 1 - Date.parse(since)) / 86_400_000));

/**
 * The window in words, when --since or --until gave it an end: its days, what lies in it, who was active or new in it,
 * and what --until left out (those rows are used, not rejected, so the line above does not show them).
 */
function windowLine(ctx: Ctx): string | null {
  const win = ctx.window;
  if (!win || (win.since === null && win.until === null)) return null;
  const { w, lang } = ctx;
  const end = win.until ?? ctx.asOf.toISOString();
  const range = !win.since ? w.upTo(dayOf(end, lang)) : end < win.since ? w.from(dayOf(win.since, lang)) : w.window(dayOf(win.since, lang), dayOf(end, lang), windowDays(win.since, end));
  const parts = [w.inWindow(win.records.inWindow, win.customers.active, win.customers.new)];
  if (win.records.before > 0) parts.push(w.beforeWindow(win.records.before));
  const { leftOut } = win;
  if (leftOut.records + leftOut.contacts > 0) parts.push(w.leftOut(leftOut.records, leftOut.contacts, leftOut.rows));
  return `${range}: ${parts.join('; ')}`;
}

function stagesSection(o: RunOverview, ctx: Ctx): Block[] {
  return [`## ${ctx.w.stages}`, '', { kind: 'bars', rows: o.stages.map((s) => ({ label: stageName(s.stage, ctx.lang), value: s.n })) }, ''];
}

/** One or two example quotes, short, each with its source. */
function examples(theme: Theme, ctx: Ctx): string {
  return theme.examples.map((e) => `${quote(inline(e.quote, 100), ctx.lang)} (${cite(e.source)})`).join(' · ') || '—';
}

function impactCell(theme: Theme, ctx: Ctx): string {
  const impact = theme.impact;
  if (!impact || impact.n === 0 || impact.impact === null) return '—';
  return `${signed(impact.impact, ctx)} (${sampleSize(impact.n, ctx.lang)})`;
}

/** The costliest themes for the rating (most negative impact) and the loudest (most customers), in one line. */
function costliestLine(themes: readonly Theme[], ctx: Ctx): string | null {
  const costly = themes
    .filter((t) => t.impact && t.impact.n >= COSTLY_MIN_RATED && t.impact.impact !== null && signed(t.impact.impact, ctx).startsWith('-'))
    .sort((a, b) => a.impact!.impact! - b.impact!.impact! || byCodePoint(a.code, b.code))
    .slice(0, 3);
  if (costly.length === 0) return null;
  const loudest = themes[0]!;
  return `${ctx.w.costliest}: ${costly.map((t) => `**${label(t.code, ctx)}** (${signed(t.impact!.impact!, ctx)})`).join(', ')}; ${ctx.w.loudest}: **${label(loudest.code, ctx)}** (${loudest.customers}).`;
}

/** The themes table with its costliest line and how impact is measured. */
function themesTable(o: RunOverview, ctx: Ctx, shown = THEMES_SHOWN): Block[] {
  const { w } = ctx;
  if (o.themes.length === 0) return [`## ${w.themes}`, '', w.noThemes, ''];
  const withRatings = ctx.scale !== null && o.figures.rated.mean !== null;
  const head = withRatings ? `| ${w.theme} | ${w.customers_} | ${w.records_} | ${w.impact} | ${w.example} |` : `| ${w.theme} | ${w.customers_} | ${w.records_} | ${w.example} |`;
  const align = withRatings ? '|---|---:|---:|---:|---|' : '|---|---:|---:|---|';
  const rows = o.themes.slice(0, shown).map((t) => {
    const cells = [`**${label(t.code, ctx)}** ${codeSpan(t.code)}`, String(t.customers), String(t.records), ...(withRatings ? [impactCell(t, ctx)] : []), examples(t, ctx)];
    return `| ${cells.join(' | ')} |`;
  });
  const lines: Block[] = [`## ${w.themes}`, '', head, align, ...rows, ''];
  if (o.themes.length > shown) lines.push(w.moreThemes(o.themes.length - shown), '');
  const costliest = withRatings ? costliestLine(o.themes, ctx) : null;
  if (costliest) lines.push(costliest, '');
  if (withRatings) {
    lines.push(`*${w.impactHow(o.figures.rated.n, rated(o.figures.rated.mean!.mean, ctx))}*`, '');
    if (ctx.scale!.unit === 'percent') lines.push(`*${w.percent}*`, '');
    else if (ctx.scale!.mapped > 0) lines.push(`*${w.mapped(ctx.scale!.mapped, scaleName(ctx))}*`, '');
  }
  return lines;
}

/** A month with nothing in it: no record, no tone, no rating. */
const empty = (p: Period): boolean => p.records === 0 && !p.tone && !p.rating && Object.keys(p.codes).length === 0;

/**
 * The periods of the timeline: the one before the window, then every month of it, a run of two or more empty months
 * as one row ("01.2016 – 07.2016"), so a run whose records gather in its last months is not read past twenty rows of
 * zeros.
 */
function periods(o: RunOverview, lang: ReportLang): { label: string; period: Period }[] {
  const { earlier, months } = o.timeline;
  const rows = earlier ? [{ label: `${period(earlier.month, lang)} – ${period(earlier.until ?? earlier.month, lang)}`, period: earlier }] : [];
  for (let i = 0; i < months.length; ) {
    let end = i;
    while (end < months.length && empty(months[end]!)) end += 1;
    if (end - i >= 2) {
      const last = months[end - 1]!.month;
      rows.push({ label: `${period(months[i]!.month, lang)} – ${period(last, lang)}`, period: { ...months[i]!, until: last } });
      i = end;
    } else {
      rows.push({ label: period(months[i]!.month, lang), period: months[i]! });
      i += 1;
    }
  }
  return rows;
}

function monthsSection(o: RunOverview, ctx: Ctx): Block[] {
  const rows = periods(o, ctx.lang);
  if (!rows.some((r) => r.period.records > 0)) return [];
  const top = o.themes.slice().sort((a, b) => b.records - a.records || byCodePoint(a.code, b.code)).slice(0, MONTH_THEMES).map((t) => t.code);
  const lines: Block[] = [
    `### ${ctx.w.byMonth}`,
    '',
    `| ${ctx.w.month} | ${ctx.w.withWords} | ${top.map((c) => label(c, ctx)).join(' | ')} |`,
    `|---|---:|${top.map(() => '---:|').join('')}`,
    ...rows.map(({ label: name, period }) => `| ${name} | ${period.records} | ${top.map((c) => period.codes[c] ?? 0).join(' | ')} |`),
    '',
  ];
  const { later, undated } = o.timeline;
  if (later + undated > 0) lines.push(ctx.w.outside(later, undated), '');
  const partial = partialMonth(o, ctx);
  if (partial) lines.push(`*${partial}*`, '');
  return lines;
}

function segmentsSection(o: RunOverview, ctx: Ctx): Block[] {
  const { w } = ctx;
  return o.segments.flatMap((segment) => {
    const note = segment.values > segment.rows.length ? ` (${w.topValues(segment.rows.length, segment.values)})` : '';
    return [
      `### ${w.segment[segment.dimension]}${note}`,
      '',
      `| ${w.value[segment.dimension]} | ${w.records_} | ${w.customers_} | ${w.meanRating} | ${w.frequent} |`,
      '|---|---:|---:|---:|---|',
      ...segment.rows.map((row) => {
        const mean = row.rating ? `${rating(row.rating.mean, ctx)} (${sampleSize(row.rating.n, ctx.lang)})` : '—';
        const themes = row.themes.map((t) => `${label(t.code, ctx)} ${t.n}`).join(', ') || '—';
        // A channel as the reports name it ("E-Mail", "Telefon" in German), not as the data keys it ("email").
        const value = segment.dimension === 'channel' ? channelName(row.value, ctx.lang) : row.value;
        return `| ${inline(value, 60)} | ${row.records} | ${row.customers} | ${mean} | ${themes} |`;
      }),
      '',
    ];
  });
}

/**
 * "12.2017 counts only up to the reference date, 03.12.2017" when the last month shown is cut short by it: a month of
 * three days beside full ones is no fall in tone or rating. Null when the reference date ends its month.
 */
function partialMonth(o: RunOverview, ctx: Ctx): string | null {
  const last = o.timeline.months.at(-1);
  const next = new Date(Date.UTC(ctx.asOf.getUTCFullYear(), ctx.asOf.getUTCMonth(), ctx.asOf.getUTCDate() + 1));
  if (!last || next.getUTCMonth() !== ctx.asOf.getUTCMonth()) return null;
  return ctx.w.partial(period(last.month, ctx.lang), day(ctx.asOf, ctx.lang));
}

function trendSection(o: RunOverview, ctx: Ctx): Block[] {
  const rows = periods(o, ctx.lang);
  if (rows.length === 0 || !rows.some((r) => r.period.tone || r.period.rating)) return [];
  const tone = { label: ctx.w.toneSeries, min: -1, max: 1, points: rows.map((r) => r.period.tone && { ...r.period.tone, text: num(r.period.tone.mean, ctx.lang, 2) }) };
  const series: MeansChart['series'] = [tone];
  if (ctx.scale) {
    const points = rows.map((r) => r.period.rating && { ...r.period.rating, text: rating(r.period.rating.mean, ctx) });
    series.push({ label: ctx.w.ratingSeries(scaleName(ctx)), min: ctx.scale.min, max: ctx.scale.max, points });
  }
  const partial = partialMonth(o, ctx);
  return [`## ${ctx.w.trend}`, '', { kind: 'means', periods: rows.map((r) => r.label), series }, '', `*${ctx.w.trendHow}${partial ? ` ${partial}` : ''}*`, ''];
}

/** A share in whole percent; one below 1 % but not nothing keeps a decimal ("0.2%", never "0%" for 2 of 1,255). */
function share(n: number, of: number, lang: ReportLang): string {
  const value = (n / of) * 100;
  return n > 0 && value < 0.95 ? percent(Math.max(0.1, Math.round(value * 10) / 10), lang, 1) : percent(Math.round(value), lang);
}

function meanLine(name: string, change: MeanChange | null, format: (v: number) => string, ctx: Ctx): string {
  if (!change) return `- ${name}: ${ctx.w.tooFew}.`;
  const { latest, before } = change;
  return `- ${name}: ${ctx.w.was(format(latest.mean), latest.n, format(before.mean), before.n)}: ${ctx.w.direction[change.direction]}.`;
}

function changesSection(change: RecentChange, ctx: Ctx): Block[] {
  const { w, lang } = ctx;
  const lines: Block[] = [`## ${w.changed}`, ''];
  const win = change.window;
  if (change.records.latest === 0) return [...lines, win ? w.nothingInWindow(dayOf(win.since, lang), dayOf(win.until, lang)) : w.nothingIn(period(change.month, lang)), ''];
  const compared = win
    ? w.comparedWindow(dayOf(win.since, lang), dayOf(win.until, lang), dayOf(win.beforeFrom, lang), dayOf(win.beforeUntil, lang), change.records.latest, change.records.before)
    : w.compared(period(change.month, lang), period(change.from, lang), period(change.until, lang), change.records.latest, change.records.before);
  lines.push(compared, '');
  const themes = [...change.rising.map((c) => ({ c, how: w.more })), ...change.falling.map((c) => ({ c, how: w.less }))];
  for (const { c, how } of themes.slice(0, 6)) {
    lines.push(`- ${how}: **${label(c.code, ctx)}**, ${w.share(share(c.latest.n, c.latest.of, lang), c.latest.n, c.latest.of, share(c.before.n, c.before.of, lang), c.before.n, c.before.of)}.`);
  }
  if (themes.length === 0) lines.push(`- ${w.noThemeChange}`);
  lines.push(meanLine(w.tone, change.tone, (v) => num(v, lang, 2), ctx));
  if (ctx.scale) lines.push(meanLine(w.rating, change.rating, (v) => rating(v, ctx), ctx));
  return [...lines, '', `*${w.changeHow}*`, ''];
}

/** The overview as blocks, for the top of the index. */
export function overviewBlocks(o: RunOverview, context: OverviewContext): Block[] {
  const ctx: Ctx = { ...context, w: overviewWords(context.lang), scale: o.scale };
  const themes = [...themesTable(o, ctx), ...monthsSection(o, ctx), ...segmentsSection(o, ctx)];
  return [...figuresSection(o, ctx), ...stagesSection(o, ctx), ...themes, ...trendSection(o, ctx), ...changesSection(o.recent, ctx)];
}

/** At most this many themes in a handout's table: a printed page, not a spreadsheet. */
export const HANDOUT_THEMES = 8;

/** The overview's highlights, for a handout: figures, stages, the main themes, the trend and what changed; no monthly or segment tables. */
export function overviewHighlights(o: RunOverview, context: OverviewContext): Block[] {
  const ctx: Ctx = { ...context, w: overviewWords(context.lang), scale: o.scale };
  return [...figuresSection(o, ctx), ...stagesSection(o, ctx), ...themesTable(o, ctx, HANDOUT_THEMES), ...trendSection(o, ctx), ...changesSection(o.recent, ctx)];
}
