import { describe, expect, it } from 'vitest';
import { UsageError } from './options.js';
import { parseWhen, parseWindowFlags, resolveWindow } from './window.js';

const at = (iso: string): Date => new Date(iso);
/** The reference date of the tests: the latest record, mid-afternoon on a Wednesday. */
const REFERENCE = at('2026-01-07T15:30:00Z');

describe('parseWhen', () => {
  it('reads days and weeks as whole days', () => {
    expect(parseWhen('--since', '7d')).toEqual({ kind: 'span', days: 7, text: '7d' });
    expect(parseWhen('--since', '4w')).toEqual({ kind: 'span', days: 28, text: '4w' });
    expect(parseWhen('--since', ' 2 W ')).toEqual({ kind: 'span', days: 14, text: '2 W' });
    expect(parseWhen('--until', '0d')).toEqual({ kind: 'span', days: 0, text: '0d' });
  });

  it('reads a bare day as a day, and a time as an instant', () => {
    expect(parseWhen('--until', '2026-01-31')).toMatchObject({ kind: 'date', date: at('2026-01-31T00:00:00Z'), bareDay: true });
    expect(parseWhen('--until', '31.01.2026')).toMatchObject({ kind: 'date', date: at('2026-01-31T00:00:00Z'), bareDay: true });
    expect(parseWhen('--until', '2026-01-31T12:00:00Z')).toMatchObject({ kind: 'date', date: at('2026-01-31T12:00:00Z'), bareDay: false });
    // Midnight written out is an instant the user chose, not a whole day.
    expect(parseWhen('--until', '2026-01-31T00:00:00Z')).toMatchObject({ bareDay: false });
  });

  it('refuses months, years, unknown units, empty values and impossible dates, with an example', () => {
    const cases: [string, RegExp][] = [
      ['3m', /months and years are uneven/],
      ['1y', /months and years are uneven/],
      ['2 months', /months and years are uneven/],
      ['7h', /unknown unit "h"/],
      ['', /empty/],
      ['2026-02-30', /2026-02-30/],
      ['next week', /expected days, weeks or a date/],
    ];
    for (const [value, why] of cases) {
      expect(() => parseWhen('--since', value), value).toThrow(UsageError);
      expect(() => parseWhen('--since', value), value).toThrow(why);
      expect(() => parseWhen('--since', value), value).toThrow('e.g. --since 7d, --since 4w or --since 2026-01-01');
    }
    expect(() => parseWhen('--until', 'soon')).toThrow('e.g. --until 1d, --until 2w or --until 2026-01-31');
  });

  it('refuses a window of no days, but takes --until 0d as the reference day', () => {
    expect(() => parseWhen('--since', '0d')).toThrow('a window of no days holds nothing');
    expect(() => parseWhen('--since', '0w')).toThrow(UsageError);
  });
});

describe('resolveWindow', () => {
  const resolve = (since: string | undefined, until: string | undefined, reference: Date | null = REFERENCE) =>
    resolveWindow(parseWindowFlags({ ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}) }), reference);

  it('counts --since 7d as the seven days up to the reference date, today included', () => {
    expect(resolve('7d', undefined)).toEqual({ since: at('2026-01-01T00:00:00.000Z') });
    expect(resolve('1d', undefined)).toEqual({ since: at('2026-01-07T00:00:00.000Z') });
    expect(resolve('2w', undefined)).toEqual({ since: at('2025-12-25T00:00:00.000Z') });
  });

  it('counts --until back from the reference date to the end of that day, and --since back from --until', () => {
    expect(resolve(undefined, '0d')).toEqual({ until: at('2026-01-07T23:59:59.999Z') });
    expect(resolve(undefined, '1d')).toEqual({ until: at('2026-01-06T23:59:59.999Z') });
    // The seven whole days before the reference day.
    expect(resolve('7d', '1d')).toEqual({ since: at('2025-12-31T00:00:00.000Z'), until: at('2026-01-06T23:59:59.999Z') });
    expect(resolve('1w', '2025-12-31')).toEqual({ since: at('2025-12-25T00:00:00.000Z'), until: at('2025-12-31T23:59:59.999Z') });
  });

  it('takes a bare day for --until as its end, a time as itself, and --since as the start of its day', () => {
    expect(resolve('2026-01-01', '2026-01-31')).toEqual({ since: at('2026-01-01T00:00:00.000Z'), until: at('2026-01-31T23:59:59.999Z') });
    expect(resolve(undefined, '2026-01-31T12:00:00Z')).toEqual({ until: at('2026-01-31T12:00:00.000Z') });
    expect(resolve('2026-01-31', '2026-01-31')).toEqual({ since: at('2026-01-31T00:00:00.000Z'), until: at('2026-01-31T23:59:59.999Z') });
  });

  it("refuses a --since after the user's own --as-of without --until; after the data's last record it is an empty window", () => {
    const flags = parseWindowFlags({ since: '2026-02-01' });
    expect(() => resolveWindow(flags, at('2026-01-31T00:00:00Z'), at('2026-01-31T00:00:00Z'))).toThrow(/--since 2026-02-01 .* is after --as-of 2026-01-31, where the window ends without --until/);
    expect(resolveWindow(parseWindowFlags({ since: '2026-01-31' }), at('2026-01-31T00:00:00Z'), at('2026-01-31T00:00:00Z'))).toEqual({ since: at('2026-01-31T00:00:00.000Z') });
    expect(resolveWindow(flags, at('2026-01-31T00:00:00Z'))).toEqual({ since: at('2026-02-01T00:00:00.000Z') });
  });

  it('needs no reference date for two dates', () => {
    expect(resolve('2026-01-01', '2026-01-31', null)).toEqual({ since: at('2026-01-01T00:00:00.000Z'), until: at('2026-01-31T23:59:59.999Z') });
    expect(resolve(undefined, undefined, null)).toEqual({});
  });

  it('refuses a window that ends before it starts, before any file is read when both ends are dates', () => {
    expect(() => parseWindowFlags({ since: '2026-02-01', until: '2026-01-31' })).toThrow(UsageError);
    expect(() => parseWindowFlags({ since: '2026-02-01', until: '2026-01-31' })).toThrow(/is after --until 2026-01-31 .*: the window ends before it starts; e\.g\. --since 2026-01-01 --until 2026-01-31/);
    // A date after a span's end shows only once the reference date is known.
    expect(() => resolve('2026-01-07', '1d')).toThrow('the window ends before it starts');
  });

  it('refuses a span of more days than any export spans, as a usage error and not a crash', () => {
    expect(() => parseWhen('--since', '99999999d')).toThrow(UsageError);
    expect(() => parseWhen('--since', '99999999d')).toThrow(/^--since "99999999d": more than 1000000 days .* back; for everything, leave it out/);
    expect(() => parseWhen('--until', '200000w')).toThrow(/^--until "200000w": more than 1000000 days/);
    // The longest span taken still resolves, with the three periods before it that the index compares it with.
    const { since } = resolve('1000000d', undefined);
    expect(Number.isNaN(new Date(since!.getTime() - 3 * 1_000_000 * 86_400_000).getTime())).toBe(false);
  });

  it('refuses a span when no record has a date, naming the way out', () => {
    expect(() => resolve('7d', undefined, null)).toThrow(UsageError);
    expect(() => resolve('7d', undefined, null)).toThrow('--since 7d: counts back from the reference date, and no record of the run has a date; give --as-of');
    expect(() => resolve(undefined, '1d', null)).toThrow('--until 1d: counts back');
  });
});
