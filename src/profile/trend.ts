// The run over time: records, tone and ratings by month, the themes of each month, and what changed in the latest
// complete month against the three before it. Months are UTC calendar months, counted back from the run's reference
// date (never the wall clock), so a rerun gives the same figures.
import { byCodePoint } from '../collation.js';
import { span } from '../span.js';
import type { SaidRecord } from './themes.js';
import { exactSum } from '../sum.js';

/** A mean with the number of values it is taken over. */
export interface Mean {
  mean: number;
  n: number;
}

export interface Period {
  /** "YYYY-MM"; for the period before the window, the first month it holds. */
  month: string;
  /** For the period before the window: the last month it holds (the one before the window starts). */
  until?: string;
  /** Records with words (the customers' own and analysts' notes). */
  records: number;
  /** The tone thick reads in the customers' own words (languages it reads), -1 … +1. */
  tone: Mean | null;
  /** Ratings on the run's common scale. */
  rating: Mean | null;
  /** Records per theme code. */
  codes: Record<string, number>;
}

export interface Timeline {
  /** Everything dated before the window, as one period; null when nothing is. */
  earlier: Period | null;
  /** One period per month of the window, oldest first, the reference date's month last (it may be incomplete). */
  months: Period[];
  /** Records dated after the reference date's month (an --as-of before the data's end): not in any period. */
  later: number;
  undated: number;
}

/** How many months the timeline shows one by one; anything older is one period, so the index stays a few screens. */
export const WINDOW_MONTHS = 24;
/** The latest complete month is compared with this many months before it. */
export const BEFORE_MONTHS = 3;

const monthIndex = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();
export const monthKey = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

interface Sums {
  records: number;
  tone: number[];
  rating: number[];
  codes: Map<string, number>;
}

const emptySums = (): Sums => ({ records: 0, tone: [], rating: [], codes: new Map() });

function add(sums: Sums, record: SaidRecord): void {
  if (record.hasWords) sums.records += 1;
  if (record.tone !== null) sums.tone.push(record.tone);
  if (record.rating !== null) sums.rating.push(record.rating);
  for (const code of record.codes) sums.codes.set(code, (sums.codes.get(code) ?? 0) + 1);
}

/** The mean, its sum rounded once (sum.ts): the same whatever order the values come in. */
export const meanOf = (values: readonly number[]): Mean | null => (values.length === 0 ? null : { mean: exactSum(values) / values.length, n: values.length });

function periodOf(month: string, sums: Sums): Period {
  const codes = Object.fromEntries([...sums.codes].sort(([a], [b]) => byCodePoint(a, b)));
  return { month, records: sums.records, tone: meanOf(sums.tone), rating: meanOf(sums.rating), codes };
}

/** The said records by month, over at most WINDOW_MONTHS months up to the reference date's month. */
export function timeline(records: readonly SaidRecord[], asOf: Date): Timeline {
  const last = monthIndex(asOf);
  // The window starts at the first month with a record, when that is less than WINDOW_MONTHS back.
  const firstDated = span(records.filter((r) => r.at).map((r) => monthIndex(r.at!)))?.min ?? last;
  const first = Math.min(last, Math.max(last - WINDOW_MONTHS + 1, firstDated));
  const months = Array.from({ length: last - first + 1 }, emptySums);
  const earlier = emptySums();
  let earliest = Infinity;
  let later = 0;
  let undated = 0;
  for (const record of records) {
    if (!record.at) undated += 1;
    else {
      const index = monthIndex(record.at);
      if (index > last) later += 1;
      else if (index >= first) add(months[index - first]!, record);
      else {
        add(earlier, record);
        earliest = Math.min(earliest, index);
      }
    }
  }
  const before = earliest === Infinity ? null : { ...periodOf(monthKey(earliest), earlier), until: monthKey(first - 1) };
  return { earlier: before, months: months.map((sums, i) => periodOf(monthKey(first + i), sums)), later, undated };
}

/** A theme whose share of the records with words changed clearly between the latest complete month and the months before. */
export interface ThemeChange {
  code: string;
  latest: { n: number; of: number };
  before: { n: number; of: number };
  direction: 'up' | 'down';
  /** The two-proportion z statistic: which way and how far the share moved (changes are listed by it). */
  z: number;
  /** Fisher's exact two-sided p: the change is called only below CLEAR_P. */
  p: number;
}

/** A mean in the latest complete month against the months before; `direction` only where the difference is clear. */
export interface MeanChange {
  latest: Mean;
  before: Mean;
  direction: 'up' | 'down' | 'steady';
}

export interface RecentChange {
  /** The latest complete month: the one before the reference date's month (with a window: the month it starts in). */
  month: string;
  /**
   * With --since, the window against as many periods of its length before it as months are compared otherwise
   * (BEFORE_MONTHS): ISO days, both ends included. `from` and `until` then name the months those periods touch.
   */
  window?: { since: string; until: string; beforeFrom: string; beforeUntil: string };
  /** The months it is compared with. */
  from: string;
  until: string;
  records: { latest: number; before: number };
  rising: ThemeChange[];
  falling: ThemeChange[];
  /** Null when either side has fewer than two values. */
  tone: MeanChange | null;
  rating: MeanChange | null;
}

/** |t| at or above this is a clear change of a mean (the usual two-sided 5 % level). */
export const CLEAR = 1.96;
/** A theme's change is clear when Fisher's exact two-sided p is below this (the usual 5 % level). */
export const CLEAR_P = 0.05;
/** A theme needs this many records in both periods together before its change is called. */
const MIN_THEME_RECORDS = 3;

/** The latest complete month against the BEFORE_MONTHS months before it. */
export function recentChange(records: readonly SaidRecord[], asOf: Date): RecentChange {
  const month = monthIndex(asOf) - 1;
  const latest = emptySums();
  const before = emptySums();
  for (const record of records) {
    if (!record.at) continue;
    const index = monthIndex(record.at);
    if (index === month) add(latest, record);
    else if (index < month && index >= month - BEFORE_MONTHS) add(before, record);
  }
  const changes = themeChanges(latest, before);
  return {
    month: monthKey(month),
    from: monthKey(month - BEFORE_MONTHS),
    until: monthKey(month - 1),
    records: { latest: latest.records, before: before.records },
    rising: changes.filter((c) => c.direction === 'up'),
    falling: changes.filter((c) => c.direction === 'down'),
    tone: meanChange(latest.tone, before.tone),
    rating: meanChange(latest.rating, before.rating),
  };
}

const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

/**
 * The window [since, until] against the BEFORE_MONTHS periods of its length right before it: a week against the three
 * weeks before, as a month is compared with the three months before. Its length is counted in whole days.
 */
export function windowChange(records: readonly SaidRecord[], since: Date, until: Date): RecentChange {
  const DAY = 86_400_000;
  const start = since.getTime();
  const end = until.getTime();
  const length = Math.max(1, Math.ceil((end + 1 - start) / DAY)) * DAY;
  const beforeStart = start - BEFORE_MONTHS * length;
  const latest = emptySums();
  const before = emptySums();
  for (const record of records) {
    const at = record.at?.getTime();
    if (at === undefined) continue;
    if (at >= start && at <= end) add(latest, record);
    else if (at < start && at >= beforeStart) add(before, record);
  }
  const changes = themeChanges(latest, before);
  return {
    month: monthKey(monthIndex(since)),
    from: monthKey(monthIndex(new Date(beforeStart))),
    until: monthKey(monthIndex(new Date(start - 1))),
    window: { since: isoDay(start), until: isoDay(end), beforeFrom: isoDay(beforeStart), beforeUntil: isoDay(start - 1) },
    records: { latest: latest.records, before: before.records },
    rising: changes.filter((c) => c.direction === 'up'),
    falling: changes.filter((c) => c.direction === 'down'),
    tone: meanChange(latest.tone, before.tone),
    rating: meanChange(latest.rating, before.rating),
  };
}

function themeChanges(latest: Sums, before: Sums): ThemeChange[] {
  if (latest.records === 0 || before.records === 0) return [];
  const codes = new Set([...latest.codes.keys(), ...before.codes.keys()]);
  const changes: ThemeChange[] = [];
  for (const code of codes) {
    const a = { n: latest.codes.get(code) ?? 0, of: latest.records };
    const b = { n: before.codes.get(code) ?? 0, of: before.records };
    if (a.n + b.n < MIN_THEME_RECORDS) continue;
    // The z test's normal approximation fails on a handful of records (5 of 61 against 5 of 207 gives z = 2.09, "clear",
    // where the exact p is 0.051): whether a change is clear is asked of the exact test; z only says which way it went.
    const p = fisherExactP(a, b);
    const z = twoProportionZ(a, b);
    if (p < CLEAR_P && z !== 0) changes.push({ code, latest: a, before: b, direction: z > 0 ? 'up' : 'down', z, p });
  }
  return changes.sort((x, y) => x.p - y.p || Math.abs(y.z) - Math.abs(x.z) || byCodePoint(x.code, y.code));
}

/** ln(n!) for n ≥ 0, summed once up to the largest n asked so far. */
const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials.push(logFactorials[k - 1]! + Math.log(k));
  return logFactorials[n]!;
}

/**
 * Fisher's exact test, two-sided, of a 2×2 table: a.n of a.of against b.n of b.of. The p is the probability, with the
 * margins fixed, of every table no more likely than the one seen (the usual two-sided rule).
 */
export function fisherExactP(a: { n: number; of: number }, b: { n: number; of: number }): number {
  const total = a.of + b.of;
  const withTheme = a.n + b.n;
  const logP = (x: number): number =>
    logFactorial(a.of) + logFactorial(b.of) + logFactorial(withTheme) + logFactorial(total - withTheme) -
    logFactorial(total) - logFactorial(x) - logFactorial(a.of - x) - logFactorial(withTheme - x) - logFactorial(b.of - withTheme + x);
  const seen = logP(a.n);
  let p = 0;
  for (let x = Math.max(0, withTheme - b.of); x <= Math.min(a.of, withTheme); x++) {
    const here = logP(x);
    // A relative tolerance, so tables as likely as the one seen count despite rounding.
    if (here <= seen + 1e-7) p += Math.exp(here);
  }
  return Math.min(1, p);
}

/** The two-proportion z statistic with a pooled proportion; 0 when it cannot be told (no variation at all). */
export function twoProportionZ(a: { n: number; of: number }, b: { n: number; of: number }): number {
  const pooled = (a.n + b.n) / (a.of + b.of);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.of + 1 / b.of));
  return se === 0 ? 0 : (a.n / a.of - b.n / b.of) / se;
}

const variance = (values: readonly number[], mean: number): number => exactSum(values.map((x) => (x - mean) ** 2)) / (values.length - 1);

/** Two means compared by Welch's t: up or down when |t| ≥ CLEAR, else steady. Null with fewer than two values on a side. */
export function meanChange(latest: readonly number[], before: readonly number[]): MeanChange | null {
  const a = meanOf(latest);
  const b = meanOf(before);
  if (!a || !b || a.n < 2 || b.n < 2) return null;
  const se = Math.sqrt(variance(latest, a.mean) / a.n + variance(before, b.mean) / b.n);
  const t = se === 0 ? (a.mean === b.mean ? 0 : Math.sign(a.mean - b.mean) * Infinity) : (a.mean - b.mean) / se;
  return { latest: a, before: b, direction: t >= CLEAR ? 'up' : t <= -CLEAR ? 'down' : 'steady' };
}
