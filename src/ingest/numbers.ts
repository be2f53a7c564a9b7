// Amounts as people and exports write them: "1.234,56 €", "$1,200", "(12.50)", "12,50-".
// The shape of a value decides whenever it can ("1,234.5", "12,5", "1.234.567"); the decimal hint
// (a column's separator, from detectDecimalSeparator) decides only the truly ambiguous
// "1,234" / "1.234".

import type { Parsed } from '../model.js';

export type DecimalSeparator = ',' | '.';

export interface DecimalColumn {
  decimal: DecimalSeparator;
  /** True when some values could be read either way and no value settled it. */
  ambiguous: boolean;
  /** A sentence for warnings when ambiguous or contradictory; null otherwise. */
  note: string | null;
}

const CURRENCY = String.raw`(?:US\$|€|\$|£|¥|₹|CHF|EUR|USD|GBP|JPY|SFr\.|Fr\.)`;
const CURRENCY_PREFIX = new RegExp(String.raw`^${CURRENCY}\s*`, 'i');
const CURRENCY_SUFFIX = new RegExp(String.raw`\s*${CURRENCY}$`, 'i');
/** Thousands grouped by spaces (incl. no-break and thin spaces) or apostrophes (Swiss). */
const GROUPED_BY_SPACE = /^\d{1,3}(?:[ \u00a0\u202f\u2009'\u2019]\d{3})+(?:[.,]\d*)?$/;
const GROUP_MARK = /[ \u00a0\u202f\u2009'\u2019]/g;
const EXPONENT = /^(\d+)(?:[.,](\d+))?e([+-]?\d+)$/i;
const MINUS = /^[-\u2212]/;

/** A value stripped of currency, sign and group spaces: digits with at most '.' and ','. */
interface Prepared {
  digits: string;
  negative: boolean;
}

/**
 * Parse an amount. Accepts currency symbols or codes before or after (€ $ £ ¥ ₹ CHF EUR USD GBP
 * JPY Fr.), a leading + or -, accounting parentheses "(12.50)" and a trailing minus "12,50-"
 * (SAP) as negative, Swiss "30.-", thousands grouped by '.', ',', spaces, no-break or thin
 * spaces, or apostrophes, and exponents "1.5E+3".
 *
 * Separators: two different ones → the last is the decimal; one repeated → thousands; one once
 * → decimal unless it is followed by exactly three digits after a 1–3 digit non-zero integer part
 * ("1,234"), which is ambiguous: then `decimal` decides, and without it the separator is read as
 * thousands (1,234 → 1234; exports rarely write three decimals on an amount).
 */
export function parseNumber(value: string, decimal?: DecimalSeparator): Parsed<number> {
  const original = value.trim();
  if (original === '') return { ok: false, reason: 'empty' };
  const fail = (why?: string): Parsed<number> => ({
    ok: false,
    reason: `not a number: "${original}"${why ? ` (${why})` : ''}`,
  });
  const prepared = prepare(original);
  if (typeof prepared === 'string') return fail(prepared);
  const { digits, negative } = prepared;

  let n: number;
  const exp = EXPONENT.exec(digits);
  if (exp) {
    n = Number(`${exp[1]}.${exp[2] ?? '0'}e${exp[3]}`);
  } else {
    const read = readSeparators(digits, decimal);
    if (typeof read === 'string') return fail(read);
    n = read;
  }
  if (!Number.isFinite(n)) return fail('too large for any number');
  return { ok: true, value: negative && n !== 0 ? -n : n };
}

/**
 * Decide a column's decimal separator from its values. Settling values: both separators
 * present ("1.234,5" → ','), one repeated ("1.234.567" → ','), or one not followed by exactly
 * three digits ("12,5" → ','). The majority of settling values wins. Without any, `fallback`
 * (pass ',' for a ';'-delimited German export) — marked ambiguous if any value was "1,234"-like.
 */
export function detectDecimalSeparator(values: string[], fallback: DecimalSeparator = '.'): DecimalSeparator {
  return detectDecimalColumn(values, fallback).decimal;
}

/** detectDecimalSeparator with its evidence, for warnings. */
export function detectDecimalColumn(values: string[], fallback: DecimalSeparator = '.'): DecimalColumn {
  const tally = decimalTally();
  for (const value of values) countDecimal(tally, value);
  return decimalVerdict(tally, fallback);
}

/** What a column's values so far say of its decimal separator: a streamed file keeps counting past its first part. */
export interface DecimalTally {
  comma: number;
  dot: number;
  /** Values that read either way ("1,234"), and the first of them, for the warning. */
  ambiguous: number;
  example: string;
}

export const decimalTally = (): DecimalTally => ({ comma: 0, dot: 0, ambiguous: 0, example: '' });

/** Count one value's evidence into `tally`; what it proves on its own (',' or '.'), or null. */
export function countDecimal(tally: DecimalTally, raw: string): DecimalSeparator | null {
  const v = raw.trim();
  if (v === '') return null;
  const prepared = prepare(v);
  if (typeof prepared === 'string' || EXPONENT.test(prepared.digits)) return null;
  const evidence = decimalEvidence(prepared.digits);
  if (evidence === ',') tally.comma++;
  else if (evidence === '.') tally.dot++;
  else if (evidence === 'ambiguous') {
    tally.ambiguous++;
    tally.example ||= v;
  }
  return evidence === 'ambiguous' ? null : evidence;
}

/** The separator the counted values settle (the majority of those that prove one; `fallback` without any), with the note. */
export function decimalVerdict({ comma, dot, ambiguous, example }: DecimalTally, fallback: DecimalSeparator): DecimalColumn {
  if (comma === 0 && dot === 0) {
    return ambiguous === 0
      ? { decimal: fallback, ambiguous: false, note: null }
      : {
          decimal: fallback,
          ambiguous: true,
          note: `decimal separator not provable: ${ambiguous} value(s) like "${example}" read either way; assuming '${fallback}'`,
        };
  }
  const decimal: DecimalSeparator = comma > dot ? ',' : dot > comma ? '.' : fallback;
  if (comma > 0 && dot > 0) {
    return {
      decimal,
      ambiguous: true,
      note: `decimal separator contradicts itself: ${comma} value(s) use ',', ${dot} use '.'; reading '${decimal}'`,
    };
  }
  return { decimal, ambiguous: false, note: null };
}

/** Strip currency, signs and group spaces; a reason string when the value cannot be a number. */
function prepare(original: string): Prepared | string {
  let s = original;
  let signs = 0;
  let negative = false;
  let cents = false;
  for (let changed = true; changed; ) {
    changed = false;
    const before = s;
    s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '').trim();
    if (s.startsWith('(') && s.endsWith(')')) {
      s = s.slice(1, -1).trim();
      signs++;
      negative = true;
    } else if (MINUS.test(s)) {
      s = s.slice(1).trim();
      signs++;
      negative = true;
    } else if (s.startsWith('+')) {
      s = s.slice(1).trim();
      signs++;
    } else if (/\d[.,][-\u2013]$/.test(s) && !cents) {
      // Swiss "30.-": a round amount, the dash stands for zero cents.
      s = s.slice(0, -2);
      cents = true;
    } else if (/\d\s?-$/.test(s)) {
      // SAP writes negatives with a trailing minus: "12,50-".
      s = s.slice(0, -1).trim();
      signs++;
      negative = true;
    }
    changed = s !== before;
  }
  if (signs > 1) return 'more than one sign';
  if (GROUPED_BY_SPACE.test(s)) s = s.replace(GROUP_MARK, '');
  if (EXPONENT.test(s)) return { digits: s, negative };
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return '';
  return { digits: s, negative };
}

/** The number from digits with '.'/',' separators, or a reason. */
function readSeparators(s: string, decimal: DecimalSeparator | undefined): number | string {
  const dots = count(s, '.');
  const commas = count(s, ',');
  if (dots === 0 && commas === 0) return Number(s);
  let decimalMark: DecimalSeparator | null;
  if (dots > 0 && commas > 0) {
    decimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    if (count(s, decimalMark) > 1) return 'more than one decimal separator';
  } else {
    const sep: DecimalSeparator = dots > 0 ? '.' : ',';
    if (dots + commas > 1) decimalMark = null;
    else {
      const evidence = decimalEvidence(s);
      decimalMark = evidence === 'ambiguous' ? (decimal === sep ? sep : null) : sep;
    }
  }
  const [intPart = '', fraction] = decimalMark === null ? [s] : s.split(decimalMark);
  const groupMark = decimalMark === ',' ? '.' : decimalMark === '.' ? ',' : dots > 0 ? '.' : ',';
  if (intPart.includes(groupMark) && !/^\d{1,3}(?:[.,]\d{3})+$/.test(intPart)) return 'misplaced thousands separator';
  if (fraction !== undefined && /[.,]/.test(fraction)) return 'misplaced thousands separator';
  const whole = intPart.split(groupMark).join('');
  return Number(`${whole || '0'}.${fraction || '0'}`);
}

/**
 * What one value's separators say about the decimal separator: the separator itself, or
 * 'ambiguous' for "1,234"-like values, or null when there is no separator (integers).
 */
function decimalEvidence(s: string): DecimalSeparator | 'ambiguous' | null {
  const dots = count(s, '.');
  const commas = count(s, ',');
  if (dots > 0 && commas > 0) return s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  if (dots === 0 && commas === 0) return null;
  const sep: DecimalSeparator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return sep === '.' ? ',' : '.';
  const [intPart = '', fraction = ''] = s.split(sep);
  const couldBeThousands = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(intPart);
  return couldBeThousands ? 'ambiguous' : sep;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
