import type { ContextEvent } from '../model.js';
import { byAttention, type ProfiledCustomer } from '../profile/index.js';
import { contextKey, type CustomerRow } from '../profile/row.js';
import { cite, codeSpan, day, dayOf, inline, mdText, money, num } from './format.js';
import { andMore, labels, stageName, type ReportLang } from './i18n.js';
import type { Block } from './page.js';
import { overviewOf, type OverviewInputs, type RunOverview } from '../profile/overview.js';
import { noPasses, type Passes } from '../progress.js';
import type { WindowFacts } from '../profile/window.js';
import type { CodeInfo } from './codes.js';
import { overviewWords } from './overview-words.js';
import { overviewBlocks } from './run-overview.js';
import { ratingText, say, type Finding } from '../profile/wording.js';
import { sinceLastRunBlocks, type SinceLastRun } from './since-last-run.js';

/** What the index says about the run's inputs (not profile/evidence.ts RunFacts, which is what the judgements know). */
export interface IndexInputs {
  files: { file: string; preset: string; rows: { read: number; used: number; rejected: number } }[];
  contextEvents: readonly ContextEvent[];
  /** Gaps that hold for every customer of the run (profile/judgements.ts runBlindSpots): said here, once. */
  blindSpots?: readonly Finding[];
  /** The codebook's codes, for the themes' names; without them, themes are named by their ids. */
  codes?: ReadonlyMap<string, CodeInfo>;
  /** How many customers the index lists (--index-top); the rest are in customers.csv. Default: all. */
  top?: number;
  /** What changed since the previous run into the output folder; without it, the index has no such section. */
  sinceLastRun?: SinceLastRun;
  /** The run's time window (--since, --until): said in the figures, and what changed is the window's change. */
  window?: WindowFacts;
  /** The run as a whole (runOverview). */
  overview: RunOverview;
}

/** The reference date a run's pages measure from: its customers' (one for all), else the epoch for a run of none. */
export const runAsOf = (customers: readonly Pick<CustomerRow, 'asOf'>[]): Date => customers[0]?.asOf ?? new Date(0);

/**
 * The run as a whole, as the index and the handout show it: figures, stages, themes, months and what changed
 * recently, or in the window when it has a start. `passes` hears its OVERVIEW_PASSES passes (seconds at 100k).
 */
export function runOverview(inputs: (passes: Passes) => OverviewInputs, run: { files: IndexInputs['files']; window?: WindowFacts; asOf: Date }, passes: Passes = noPasses): RunOverview {
  return overviewOf(inputs(passes), run.files, run.asOf, changeWindow(run.window, run.asOf), passes);
}

/** The window "what changed" compares, when it has a start: up to --until, else up to the reference date. */
export function changeWindow(window: WindowFacts | undefined, asOf: Date): { since: Date; until: Date } | undefined {
  if (!window?.since) return undefined;
  const since = new Date(window.since);
  // Open at the end, the window runs to the reference date; one that starts after it holds only its first day.
  return { since, until: window.until ? new Date(window.until) : asOf > since ? asOf : since };
}

/** The latest rating; without one (ratings of the same time that disagree), their mean, said as such. */
function ratingCell(rating: ProfiledCustomer['profile']['rating'], lang: ReportLang): string {
  if (!rating) return '—';
  if (rating.latest !== null) return ratingText({ value: rating.latest, scale: rating.scale }, lang);
  return `${labels(lang).mean} ${ratingText({ value: Math.round(rating.mean * 10) / 10, scale: rating.scale }, lang)}`;
}

/** The index as blocks: every customer, who needs attention first, each linked to their report. */
export function indexPage(customers: readonly CustomerRow[], run: IndexInputs, lang: ReportLang): Block[] {
  const l = labels(lang);
  const sorted = [...customers].sort(byAttention);
  const lines: Block[] = [`# ${overviewWords(lang).title}`, ''];
  const read = run.files.reduce((sum, f) => sum + f.rows.read, 0);
  const rejected = run.files.reduce((sum, f) => sum + f.rows.rejected, 0);
  lines.push(`${l.generated} ${run.files.map((f) => `${codeSpan(f.file)} (${f.preset})`).join(', ')}: ${read} ${l.rowsRead}, ${rejected} ${l.rejected}.`, '');
  // A weekly reader's first question, so it comes first.
  if (run.sinceLastRun) lines.push(...sinceLastRunBlocks(run.sinceLastRun, lang));
  // The run as a whole first: figures, stages, themes, months, what changed; then who needs attention first.
  lines.push(...overviewBlocks(run.overview, { codes: run.codes ?? new Map(), lang, asOf: runAsOf(sorted), window: run.window }));
  if (run.blindSpots && run.blindSpots.length > 0) {
    lines.push(`## ${l.runBlindSpots}`, '', ...run.blindSpots.map((f) => `- ${mdText(say(f, lang))}`), '');
  }
  lines.push(...customersSection(sorted, run.top ?? sorted.length, lang));
  lines.push(...contextSection(sorted, run.contextEvents, lang));
  return lines;
}

/**
 * Who needs attention first: the first `top` customers, each linked to their report; the rest are in customers.csv.
 * Rating, orders and revenue have a column only where some customer of the run has one: a run of tweets would print
 * three columns of dashes.
 */
function customersSection(sorted: readonly CustomerRow[], top: number, lang: ReportLang): Block[] {
  const l = labels(lang);
  const shown = sorted.slice(0, Math.max(0, top));
  const rated = sorted.some((s) => s.profile.rating !== null);
  const ordered = sorted.some((s) => s.profile.orders.count !== null);
  const columns: { head: string; align: string; cell: (s: CustomerRow) => string }[] = [
    { head: l.unanswered, align: '---:', cell: (s) => String(s.profile.dialog.unanswered) },
    { head: l.sentiment, align: '---:', cell: (s) => (s.profile.sentiment.mean === null ? '—' : num(s.profile.sentiment.mean, lang, 2)) },
    ...(rated ? [{ head: l.rating, align: '---', cell: (s: CustomerRow) => ratingCell(s.profile.rating, lang) }] : []),
    ...(ordered
      ? [
          { head: l.orders, align: '---:', cell: (s: CustomerRow) => String(s.profile.orders.count ?? '—') },
          { head: l.revenue, align: '---:', cell: (s: CustomerRow) => money(s.profile.orders.revenue, lang) },
        ]
      : []),
    { head: l.lastContact, align: '---', cell: (s) => dayOf(s.profile.lastContact, lang) },
  ];
  const lines: Block[] = [`## ${l.indexTitle}`, ''];
  lines.push(`| # | ${l.customer} | ${l.stage} | ${l.attention} | ${l.why} | ${columns.map((c) => c.head).join(' | ')} |`, `|---:|---|---|---:|---|${columns.map((c) => `${c.align}|`).join('')}`);
  shown.forEach((subject, i) => {
    const { profile, findings } = subject;
    const name = inline(profile.name ?? profile.id, 60);
    const why = findings.attention.map((f) => say(f, lang)).join(', ');
    // Two decimals always, so the column reads as one figure per row ("8,70" beside "25,96", not "8,7").
    const cells = [String(i + 1), `[${name}](customers/${profile.slug}.md)`, stageName(profile.stage, lang), num(profile.attention, lang, 2), inline(why, 80) || '—', ...columns.map((c) => c.cell(subject))];
    lines.push(`| ${cells.join(' | ')} |`);
  });

  const w = overviewWords(lang);
  lines.push('', shown.length < sorted.length ? w.shown(shown.length, sorted.length) : w.all, '');
  return lines;
}

/** At most this many customers are named beside a world event in the index. */
const NAMES_LISTED = 10;

/** The world events of the run (context notes), each with the customers whose records fall in its window. */
function contextSection(sorted: readonly CustomerRow[], contextEvents: readonly ContextEvent[], lang: ReportLang): Block[] {
  const l = labels(lang);
  const lines: Block[] = [];
  if (contextEvents.length > 0) {
    lines.push(`## ${l.worldEventsIndex}`, '');
    const touches = sorted.map((customer) => new Set(customer.contexts));
    for (const context of contextEvents) {
      const key = contextKey(context.source);
      const touched = sorted.filter((_, i) => touches[i]!.has(key));
      // The first few who need attention most, linked; a world event can touch thousands of customers.
      const links = touched.slice(0, NAMES_LISTED).map((s) => `[${inline(s.profile.name ?? s.profile.id, 40)}](customers/${s.profile.slug}.md)`);
      if (touched.length > NAMES_LISTED) links.push(andMore(touched.length - NAMES_LISTED, lang));
      const names = links.join(', ');
      lines.push(`- ${day(context.from, lang)} – ${day(context.until, lang)}: ${inline(context.note, 200)} (${cite(context.source)}) — ${touched.length} ${touched.length === 1 ? l.customerOne : l.customerMany}${names ? `: ${names}` : ''}`);
    }
  }
  return lines;
}
