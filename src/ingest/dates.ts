// Dates as exports write them. Every result is an instant in UTC: a value without an offset is
// read as UTC wall time, so the output is the same on every machine whatever its TZ.
// Impossible dates are errors with a reason, never silently rolled over (31.04. is not 01.05.).

import type { Parsed } from '../model.js';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface DateColumn {
  order: DateOrder;
  /** True when no value proves the order and it was assumed (or values contradict each other). */
  ambiguous: boolean;
  /** A sentence for warnings when ambiguous; null otherwise. */
  note: string | null;
}

// Numeric dates: 2024-01-31, 31.01.2024, 1/31/24, 2024/01/31, each with an optional time, 12-hour
// clock marker and offset. The separator must be the same twice.
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?`;
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:(?:t|\s+|,\s*)${TIME})?$`, 'i');
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
// Twitter API v1: "Wed Oct 11 06:55:44 +0000 2017".
const TWITTER = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([+-]\d{4})\s+(\d{4})$/i;
// Month names: "11 Oct 2017", "Wed, 11 Oct 2017 06:55:44 +0000" (e-mail), "11. Oktober 2017 10:00".
const DAY_MONTH_NAME = new RegExp(String.raw`^(?:[a-z]{2,}\.?,?\s+)?(\d{1,2})\.?\s+([a-zä]{3,})\.?\s+(\d{4})(?:,?\s+${TIME})?$`, 'i');
// "Oct 11, 2017", "October 11, 2017 10:00 AM".
const MONTH_NAME_DAY = new RegExp(String.raw`^(?:[a-z]{2,},?\s+)?([a-zä]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+${TIME})?$`, 'i');

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// English and German month names and their usual abbreviations.
const MONTHS: Record<string, number> = {};
[
  ['january', 'jan', 'januar', 'jänner', 'jän'],
  ['february', 'feb', 'februar', 'feber'],
  ['march', 'mar', 'märz', 'maerz', 'mär', 'mrz'],
  ['april', 'apr'],
  ['may', 'mai'],
  ['june', 'jun', 'juni'],
  ['july', 'jul', 'juli'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct', 'oktober', 'okt'],
  ['november', 'nov'],
  ['december', 'dec', 'dezember', 'dez'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** Excel day 25569 is 1970-01-01 (its day 0 is 1899-12-30, because of the 1900 leap-year bug). */
const EXCEL_UNIX_EPOCH = 25569;
const DAY_MS = 86_400_000;
/** Serial numbers read as Excel dates: about 1954-10-04 … 2119-01-10. Outside, a number is not a date. */
const EXCEL_MIN = 20000;
const EXCEL_MAX = 80000;

/**
 * Parse one date or date-time. Formats: ISO 8601 (T or space, optional seconds/fraction, Z or
 * ±hh[:mm] offsets); D.M.YYYY, D.M.YY, D/M/YYYY, M/D/YY, YYYY/MM/DD, each with H:mm[:ss] and
 * optional AM/PM; YYYYMMDD; Twitter's "Wed Oct 11 06:55:44 +0000 2017"; month names in English
 * or German; Unix seconds (9–10 digits) or milliseconds (12–13 digits); Excel serial days (20000–80000).
 *
 * `order` says how to read numeric dates like 03/04/2024 (see detectDateOrder). Without it, a
 * value that proves its own order (a first part above 12 is a day) is read that way, otherwise
 * '/' means month/day (US) and '.' or '-' day/month (Europe). Two-digit years follow Excel:
 * 00–29 → 2000–2029, 30–99 → 1930–1999.
 */
export function parseDate(value: string, order?: DateOrder): Parsed<Date> {
  const v = value.trim();
  if (v === '') return { ok: false, reason: 'empty' };
  const result = parseNumericDate(v, order) ?? parseCompact(v) ?? parseTwitter(v) ?? parseMonthName(v) ?? parseSerial(v);
  return result ?? { ok: false, reason: `not a date: "${v}"` };
}

/**
 * Decide per column whether numeric dates are day/month or month/day. A value whose first part is
 * above 12 proves DMY, one whose second part is above 12 proves MDY. Without proof the column is
 * `ambiguous` and reads as MDY when most values use '/', else DMY. When values contradict each
 * other the majority wins and the column is ambiguous. Columns of year-first values (ISO) are YMD.
 */
export function detectDateOrder(values: string[]): DateColumn {
  let dmy = 0;
  let mdy = 0;
  let dayMonth = 0;
  let slashes = 0;
  let dmyExample = '';
  let mdyExample = '';
  let example = '';
  for (const raw of values) {
    const v = raw.trim();
    const m = NUMERIC_DATE.exec(v);
    // Only day/month/year values count: year-first ones prove nothing, "1.2.3" is no date.
    if (!m || m[1]!.length > 2 || (m[4]!.length !== 2 && m[4]!.length !== 4)) continue;
    dayMonth++;
    example ||= v;
    if (m[2] === '/') slashes++;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) {
      dmy++;
      dmyExample ||= v;
    } else if (b > 12 && b <= 31 && a >= 1 && a <= 12) {
      mdy++;
      mdyExample ||= v;
    }
  }
  if (dayMonth === 0) return { order: 'YMD', ambiguous: false, note: null };
  const fallback: DateOrder = slashes * 2 > dayMonth ? 'MDY' : 'DMY';
  if (dmy > 0 && mdy === 0) return { order: 'DMY', ambiguous: false, note: null };
  if (mdy > 0 && dmy === 0) return { order: 'MDY', ambiguous: false, note: null };
  if (dmy > 0 && mdy > 0) {
    const order: DateOrder = dmy > mdy ? 'DMY' : mdy > dmy ? 'MDY' : fallback;
    return {
      order,
      ambiguous: true,
      note:
        `date order contradicts itself: ${dmy} value(s) only fit day/month (e.g. "${dmyExample}"), ` +
        `${mdy} only month/day (e.g. "${mdyExample}"); reading ${describe(order)}`,
    };
  }
  return {
    order: fallback,
    ambiguous: true,
    note: `date order not provable: none of ${dayMonth} value(s) has a day above 12 (e.g. "${example}"); assuming ${describe(fallback)}`,
  };
}

function describe(order: DateOrder): string {
  return order === 'DMY' ? 'day before month' : order === 'MDY' ? 'month before day (US)' : 'year first';
}

function parseNumericDate(v: string, order: DateOrder | undefined): Parsed<Date> | null {
  const m = NUMERIC_DATE.exec(v);
  if (!m) return null;
  const [, p1 = '', sep = '', p2 = '', p3 = ''] = m;
  let year: number;
  let month: number;
  let day: number;
  if (p1.length === 4) {
    if (p3.length > 2) return null;
    [year, month, day] = [Number(p1), Number(p2), Number(p3)];
  } else {
    if (p1.length > 2 || (p3.length !== 2 && p3.length !== 4)) return null;
    year = p3.length === 2 ? twoDigitYear(Number(p3)) : Number(p3);
    const a = Number(p1);
    const b = Number(p2);
    const dayFirst = order === 'DMY' || (order !== 'MDY' && (a > 12 || (b <= 12 && sep !== '/')));
    [day, month] = dayFirst ? [a, b] : [b, a];
  }
  return build(v, year, month, day, timeOf(m, 5));
}

function parseCompact(v: string): Parsed<Date> | null {
  const m = COMPACT_DATE.exec(v);
  if (!m) return null;
  const year = Number(m[1]);
  // Outside this range an 8-digit number is more likely an id than a date.
  if (year < 1900 || year > 2199) return null;
  return build(v, year, Number(m[2]), Number(m[3]), null);
}

function parseTwitter(v: string): Parsed<Date> | null {
  const m = TWITTER.exec(v);
  if (!m) return null;
  const month = MONTHS[m[1]!.toLowerCase()];
  if (month === undefined) return null;
  return build(v, Number(m[7]), month, Number(m[2]), {
    hour: Number(m[3]),
    minute: Number(m[4]),
    second: Number(m[5]),
    ms: 0,
    meridiem: null,
    offset: m[6]!,
  });
}

function parseMonthName(v: string): Parsed<Date> | null {
  let m = DAY_MONTH_NAME.exec(v);
  let day: string | undefined;
  let name: string | undefined;
  if (m) [day, name] = [m[1], m[2]];
  else {
    m = MONTH_NAME_DAY.exec(v);
    if (!m) return null;
    [name, day] = [m[1], m[2]];
  }
  const month = MONTHS[name!.toLowerCase()];
  if (month === undefined) return null;
  return build(v, Number(m[3]), month, Number(day), timeOf(m, 4));
}

function parseSerial(v: string): Parsed<Date> | null {
  // Unix seconds: 9 digits reach back to 1973 (Amazon's oldest reviews, 1999, are 9 digits), 10 to 2286.
  if (/^\d{9,10}(?:\.\d{1,6})?$/.test(v)) return { ok: true, value: new Date(Math.round(Number(v) * 1000)) };
  if (/^\d{12,13}$/.test(v)) return { ok: true, value: new Date(Number(v)) };
  if (/^\d{5}(?:\.\d+)?$/.test(v)) {
    const serial = Number(v);
    if (serial < EXCEL_MIN || serial > EXCEL_MAX) return null;
    return { ok: true, value: new Date(Math.round((serial - EXCEL_UNIX_EPOCH) * DAY_MS)) };
  }
  return null;
}

interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  ms: number;
  meridiem: 'am' | 'pm' | null;
  offset: string | null;
}

/** The time groups of TIME, starting at match index `at`; null when the value has no time. */
function timeOf(m: RegExpExecArray, at: number): TimeParts | null {
  if (m[at] === undefined) return null;
  const fraction = m[at + 3];
  const meridiem = m[at + 4]?.toLowerCase().replace(/\./g, '');
  return {
    hour: Number(m[at]),
    minute: Number(m[at + 1]),
    second: m[at + 2] === undefined ? 0 : Number(m[at + 2]),
    ms: fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000),
    meridiem: meridiem === 'am' || meridiem === 'pm' ? meridiem : null,
    offset: m[at + 5] ?? null,
  };
}

function twoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Check every part (no rollover) and make the UTC instant. */
function build(original: string, year: number, month: number, day: number, time: TimeParts | null): Parsed<Date> {
  const impossibleDate = (why: string): Parsed<Date> => ({ ok: false, reason: `impossible date "${original}" (${why})` });
  const impossibleTime = (why: string): Parsed<Date> => ({ ok: false, reason: `impossible time "${original}" (${why})` });
  if (month < 1 || month > 12) return impossibleDate(`there is no month ${month}`);
  const days = daysInMonth(year, month);
  if (day < 1) return impossibleDate(`there is no day ${day}`);
  if (day > days) {
    const name = MONTH_NAMES[month - 1]!;
    return impossibleDate(month === 2 ? `${name} ${year} has ${days} days` : `${name} has ${days} days`);
  }
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offsetMinutes = 0;
  if (time) {
    ({ hour, minute, second, ms } = time);
    if (time.meridiem) {
      if (hour < 1 || hour > 12) return impossibleTime(`hour ${hour} on a 12-hour clock`);
      hour = (hour % 12) + (time.meridiem === 'pm' ? 12 : 0);
    }
    if (hour > 23) return impossibleTime(`there is no hour ${hour}`);
    if (minute > 59) return impossibleTime(`there is no minute ${minute}`);
    if (second > 59) return impossibleTime(`there is no second ${second}`);
    if (time.offset) {
      const offset = parseOffset(time.offset);
      if (offset === null) return impossibleTime(`offset ${time.offset} is out of range`);
      offsetMinutes = offset;
    }
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  const instant = date.getTime() - offsetMinutes * 60_000;
  // Years beyond what Date can hold (±275 760) are the only way to get here.
  if (!Number.isFinite(instant)) return impossibleDate('out of range');
  return { ok: true, value: new Date(instant) };
}

/** Minutes east of UTC for Z/UTC/GMT, ±hh, ±hhmm, ±hh:mm; null beyond ±14:00 or 59 minutes. */
function parseOffset(text: string): number | null {
  if (/^(z|utc|gmt)$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
