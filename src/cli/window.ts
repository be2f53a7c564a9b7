// --since and --until: the time window of a run, as a weekly job names it ("--since 7d") or a person does
// ("--since 2026-01-01 --until 2026-01-31"). Parsing happens before any file is read, so a malformed value stops
// the run at once (exit 2); spans are resolved once the data's reference date is known, never from the wall clock,
// so a rerun over the same exports gives the same window. The pipeline only ever sees the resolved Dates.
import { parseDate } from '../ingest/dates.js';
import { UsageError } from './options.js';

const DAY = 86_400_000;

/** A span counted back in whole days ("7d", "4w"), or a date (a bare day, or a day with a time). */
export type When = { kind: 'span'; days: number; text: string } | { kind: 'date'; date: Date; bareDay: boolean; text: string };

export type WindowFlag = '--since' | '--until';

const EXAMPLES: Record<WindowFlag, string> = {
  '--since': 'e.g. --since 7d, --since 4w or --since 2026-01-01',
  '--until': 'e.g. --until 1d, --until 2w or --until 2026-01-31',
};

/**
 * Months are refused rather than guessed: "3m" reads as minutes to some and months to others, and a month is 28 to
 * 31 days, so "1m" back from 31 March has no single answer. Days, weeks or a date say the same thing exactly.
 */
const MONTHS_OR_YEARS = /^\d+\s*(m|mo|mon|month|months|y|yr|year|years)$/i;
const SPAN = /^(\d+)\s*(d|w)$/i;
const MAX_SPAN_DAYS = 1_000_000;

/** One value of --since or --until; a usage error (with an example) when it is neither a span nor a date. */
export function parseWhen(flag: WindowFlag, value: string): When {
  const text = value.trim();
  const usage = (why: string) => new UsageError(`${flag} ${JSON.stringify(value)}: ${why}; expected days, weeks or a date, ${EXAMPLES[flag]}`);
  if (text === '') throw usage('empty');
  if (MONTHS_OR_YEARS.test(text)) throw usage('months and years are uneven (28 to 366 days), so thick does not count in them: say the days or weeks (30d, 13w) or the date');
  const span = SPAN.exec(text);
  if (span) {
    const days = Number(span[1]) * (span[2]!.toLowerCase() === 'w' ? 7 : 1);
    // "--since 0d" would be a window of no day at all; "--until 0d" is the reference day itself.
    if (flag === '--since' && days < 1) throw usage('a window of no days holds nothing');
    // "99999999d" would reach past the last instant a Date holds once the window and the periods it is compared with
    // are counted back: a crash with a stack trace. No export spans anywhere near a million days (some 2700 years).
    if (days > MAX_SPAN_DAYS) throw usage(`more than ${MAX_SPAN_DAYS} days (some 2700 years) back; for everything, leave it out`);
    return { kind: 'span', days, text };
  }
  if (/^\d+\s*[a-z]+$/i.test(text)) throw usage(`unknown unit "${text.replace(/^\d+\s*/, '')}"`);
  const parsed = parseDate(text);
  if (!parsed.ok) throw usage(parsed.reason);
  const midnight = parsed.value.getUTCHours() === 0 && parsed.value.getUTCMinutes() === 0 && parsed.value.getUTCSeconds() === 0 && parsed.value.getUTCMilliseconds() === 0;
  return { kind: 'date', date: parsed.value, bareDay: !/\d:\d/.test(text) && midnight, text };
}

/** What the user asked for: each end may be absent. */
export interface WindowFlags {
  since?: When;
  until?: When;
}

/** --since and --until as given (strings from commander or a config file), checked before any file is read. */
export function parseWindowFlags(flags: { since?: string; until?: string }): WindowFlags {
  const since = flags.since === undefined ? undefined : parseWhen('--since', flags.since);
  const until = flags.until === undefined ? undefined : parseWhen('--until', flags.until);
  const window = { ...(since ? { since } : {}), ...(until ? { until } : {}) };
  // Two dates can be checked now; a span needs the data's reference date (resolveWindow checks it then).
  if (since?.kind === 'date' && until?.kind === 'date') resolveWindow(window, null);
  return window;
}

/** The window as instants: `since` is its first, `until` its last (both included); either may be open. */
export interface ResolvedWindow {
  since?: Date;
  until?: Date;
}

const startOfDay = (t: number): number => Math.floor(t / DAY) * DAY;
const endOfDay = (t: number): number => startOfDay(t) + DAY - 1;

/**
 * The window's ends as instants, against the reference date (--as-of, else the latest plausible record date):
 * - --until as a span ("1d") is the end of the UTC day that many days before the reference date; a bare day is the
 *   end of that day; a date with a time is that instant.
 * - --since as a span ("7d") is the start of the UTC day that many days back, counting the day --until ends in (or the
 *   reference date's day) as the first: "--since 7d --until 1d" is the seven whole days before the reference day.
 *   A date is that instant (a bare day: its start).
 * A window that ends before it starts is a usage error. `reference` may be null only when neither end is a span.
 * Without --until the window ends at the reference date: when that is the user's own --as-of, a --since after it is
 * the same contradiction; when it is the data's latest record, a --since after it is an empty week, said, not refused.
 */
export function resolveWindow(flags: WindowFlags, reference: Date | null, asOf?: Date): ResolvedWindow {
  const needsReference = flags.since?.kind === 'span' || flags.until?.kind === 'span';
  if (needsReference && !reference) {
    const flag = flags.until?.kind === 'span' ? `--until ${flags.until.text}` : `--since ${flags.since!.text}`;
    throw new UsageError(`${flag}: counts back from the reference date, and no record of the run has a date; give --as-of, or a date, ${EXAMPLES[flag.startsWith('--until') ? '--until' : '--since']}`);
  }
  const until = flags.until && resolveUntil(flags.until, reference);
  const since = flags.since && resolveSince(flags.since, until ?? reference);
  if (since && until && since > until) {
    throw new UsageError(
      `--since ${flags.since!.text} (${since.toISOString()}) is after --until ${flags.until!.text} (${until.toISOString()}): the window ends before it starts; e.g. --since 2026-01-01 --until 2026-01-31, or --since 7d --until 1d`,
    );
  }
  if (since && !until && asOf && since.getTime() > endOfDay(asOf.getTime())) {
    throw new UsageError(
      `--since ${flags.since!.text} (${since.toISOString()}) is after --as-of ${asOf.toISOString().slice(0, 10)}, where the window ends without --until: the window ends before it starts; e.g. --since 2026-01-01 --as-of 2026-01-31`,
    );
  }
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

function resolveUntil(when: When, reference: Date | null): Date {
  if (when.kind === 'span') return new Date(endOfDay(reference!.getTime()) - when.days * DAY);
  return when.bareDay ? new Date(when.date.getTime() + DAY - 1) : when.date;
}

function resolveSince(when: When, end: Date | null): Date {
  if (when.kind === 'span') return new Date(startOfDay(end!.getTime()) - (when.days - 1) * DAY);
  return when.date;
}
