import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseDate, type DateOrder } from './dates.js';

/** The ISO string of a parsed date, or the reason it failed. */
function iso(value: string, order?: DateOrder): string {
  const r = parseDate(value, order);
  return r.ok ? r.value.toISOString() : `error: ${r.reason}`;
}

describe('parseDate: ISO 8601', () => {
  it.each([
    ['2024-03-01', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T08:00', '2024-03-01T08:00:00.000Z'],
    ['2024-03-01T08:00:05', '2024-03-01T08:00:05.000Z'],
    ['2024-03-01T08:00:05.123Z', '2024-03-01T08:00:05.123Z'],
    ['2024-03-01T08:00:05.5Z', '2024-03-01T08:00:05.500Z'],
    ['2024-03-01 08:00:05', '2024-03-01T08:00:05.000Z'],
    ['2024-03-01T08:00:05+02:00', '2024-03-01T06:00:05.000Z'],
    ['2024-03-01T08:00+0530', '2024-03-01T02:30:00.000Z'],
    ['2024-03-01T01:00:00-05', '2024-03-01T06:00:00.000Z'],
    ['2024-03-01t08:00:00z', '2024-03-01T08:00:00.000Z'],
    ['2015-02-24 11:35:52 -0800', '2015-02-24T19:35:52.000Z'],
    ['2024-03-01 08:00:00 UTC', '2024-03-01T08:00:00.000Z'],
    ['  2024-03-01  ', '2024-03-01T00:00:00.000Z'],
  ])('%s → %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });
});

describe('parseDate: day/month formats', () => {
  it.each([
    ['31.01.2024', '2024-01-31T00:00:00.000Z'],
    ['31.01.2024 14:05', '2024-01-31T14:05:00.000Z'],
    ['31.01.2024 14:05:09', '2024-01-31T14:05:09.000Z'],
    ['1.2.24', '2024-02-01T00:00:00.000Z'],
    ['1.2.95', '1995-02-01T00:00:00.000Z'],
    ['01.02.2024, 9:30', '2024-02-01T09:30:00.000Z'],
    ['13/1/2024', '2024-01-13T00:00:00.000Z'],
    ['25/12/2023 18:00', '2023-12-25T18:00:00.000Z'],
    ['2024/01/31', '2024-01-31T00:00:00.000Z'],
    ['2024.01.31', '2024-01-31T00:00:00.000Z'],
    ['20240131', '2024-01-31T00:00:00.000Z'],
  ])('%s → %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it('reads two-digit years like Excel: 00–29 → 20xx, 30–99 → 19xx', () => {
    expect(iso('1.1.29')).toBe('2029-01-01T00:00:00.000Z');
    expect(iso('1.1.30')).toBe('1930-01-01T00:00:00.000Z');
  });
});

describe('parseDate: month/day (US) formats', () => {
  it.each([
    ['1/13/24 9:05', '2024-01-13T09:05:00.000Z'],
    ['2/27/2016 16:40', '2016-02-27T16:40:00.000Z'],
    ['12/1/2010 8:26', '2010-12-01T08:26:00.000Z'],
    ['3/4/24 9:05 PM', '2024-03-04T21:05:00.000Z'],
    ['3/4/24 12:15 AM', '2024-03-04T00:15:00.000Z'],
    ['3/4/24 12:15 p.m.', '2024-03-04T12:15:00.000Z'],
  ])('%s → %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });
});

describe('parseDate: order', () => {
  it('follows the given order for values that could be read both ways', () => {
    expect(iso('03/04/2024', 'DMY')).toBe('2024-04-03T00:00:00.000Z');
    expect(iso('03/04/2024', 'MDY')).toBe('2024-03-04T00:00:00.000Z');
    expect(iso('03.04.2024', 'MDY')).toBe('2024-03-04T00:00:00.000Z');
  });

  it('without an order: / reads month first, . and - day first, unless a part proves otherwise', () => {
    expect(iso('03/04/2024')).toBe('2024-03-04T00:00:00.000Z');
    expect(iso('03.04.2024')).toBe('2024-04-03T00:00:00.000Z');
    expect(iso('03-04-2024')).toBe('2024-04-03T00:00:00.000Z');
    expect(iso('13/04/2024')).toBe('2024-04-13T00:00:00.000Z');
    expect(iso('04.13.2024')).toBe('2024-04-13T00:00:00.000Z');
  });

  it('reports a value that contradicts the given order instead of guessing', () => {
    expect(iso('13/04/2024', 'MDY')).toBe('error: impossible date "13/04/2024" (there is no month 13)');
  });

  it('ignores a YMD order for values that are not year-first', () => {
    expect(iso('13/04/2024', 'YMD')).toBe('2024-04-13T00:00:00.000Z');
  });
});

describe('parseDate: other formats', () => {
  it("reads Twitter's created_at", () => {
    expect(iso('Wed Oct 11 06:55:44 +0000 2017')).toBe('2017-10-11T06:55:44.000Z');
    expect(iso('Tue Oct 31 22:10:47 +0200 2017')).toBe('2017-10-31T20:10:47.000Z');
  });

  it('reads e-mail dates and month names in English and German', () => {
    expect(iso('Wed, 11 Oct 2017 06:55:44 +0000')).toBe('2017-10-11T06:55:44.000Z');
    expect(iso('11 Oct 2017')).toBe('2017-10-11T00:00:00.000Z');
    expect(iso('Oct 11, 2017 10:00 PM')).toBe('2017-10-11T22:00:00.000Z');
    expect(iso('October 11, 2017')).toBe('2017-10-11T00:00:00.000Z');
    expect(iso('11. Oktober 2017')).toBe('2017-10-11T00:00:00.000Z');
    expect(iso('3. März 2024 14:00')).toBe('2024-03-03T14:00:00.000Z');
    expect(iso('1. Dez. 2023')).toBe('2023-12-01T00:00:00.000Z');
  });

  it('reads Unix seconds (10 digits) and milliseconds (13 digits)', () => {
    expect(iso('1507704944')).toBe('2017-10-11T06:55:44.000Z');
    expect(iso('1507704944.25')).toBe('2017-10-11T06:55:44.250Z');
    expect(iso('1507704944123')).toBe('2017-10-11T06:55:44.123Z');
  });

  it('reads nine-digit Unix seconds (before September 2001) like ten-digit ones', () => {
    expect(iso('939945600')).toBe('1999-10-15T00:00:00.000Z');
    expect(iso('999999999')).toBe('2001-09-09T01:46:39.000Z');
    expect(iso('939945600000')).toBe('1999-10-15T00:00:00.000Z');
    // Eight digits stay a compact date or nothing.
    expect(iso('20240131')).toBe('2024-01-31T00:00:00.000Z');
    expect(iso('12345678')).toBe('error: not a date: "12345678"');
  });

  it('reads Excel serial days in the plausible range only', () => {
    expect(iso('45292')).toBe('2024-01-01T00:00:00.000Z');
    expect(iso('45292.5')).toBe('2024-01-01T12:00:00.000Z');
    expect(iso('45292.75')).toBe('2024-01-01T18:00:00.000Z');
    expect(iso('25569')).toBe('1970-01-01T00:00:00.000Z');
    expect(iso('19999')).toBe('error: not a date: "19999"');
    expect(iso('80001')).toBe('error: not a date: "80001"');
    expect(iso('12345')).toBe('error: not a date: "12345"');
  });

  it('gives the same instant whatever the machine time zone (no offset = UTC)', () => {
    const r = parseDate('31.12.2024 23:30');
    expect(r.ok && r.value.getTime()).toBe(Date.UTC(2024, 11, 31, 23, 30));
  });
});

describe('parseDate: errors', () => {
  it.each([
    ['31.04.2024', 'impossible date "31.04.2024" (April has 30 days)'],
    ['29.02.2023', 'impossible date "29.02.2023" (February 2023 has 28 days)'],
    ['30.02.2024', 'impossible date "30.02.2024" (February 2024 has 29 days)'],
    ['13/13/2024', 'impossible date "13/13/2024" (there is no month 13)'],
    ['2024-00-10', 'impossible date "2024-00-10" (there is no month 0)'],
    ['00.01.2024', 'impossible date "00.01.2024" (there is no day 0)'],
    ['2024-06-31T10:00:00Z', 'impossible date "2024-06-31T10:00:00Z" (June has 30 days)'],
    ['2024-01-01 25:00', 'impossible time "2024-01-01 25:00" (there is no hour 25)'],
    ['01.01.2024 10:60', 'impossible time "01.01.2024 10:60" (there is no minute 60)'],
    ['01.01.2024 10:00:61', 'impossible time "01.01.2024 10:00:61" (there is no second 61)'],
    ['1/1/24 13:00 PM', 'impossible time "1/1/24 13:00 PM" (hour 13 on a 12-hour clock)'],
    ['2024-01-01T10:00+15:00', 'impossible time "2024-01-01T10:00+15:00" (offset +15:00 is out of range)'],
    ['Wed Feb 30 06:55:44 +0000 2017', 'impossible date "Wed Feb 30 06:55:44 +0000 2017" (February 2017 has 28 days)'],
  ])('%s', (value, reason) => {
    expect(parseDate(value)).toEqual({ ok: false, reason });
  });

  it('accepts 29 February in leap years, including 2000 but not 1900', () => {
    expect(iso('29.02.2024')).toBe('2024-02-29T00:00:00.000Z');
    expect(iso('29.02.2000')).toBe('2000-02-29T00:00:00.000Z');
    expect(iso('29.02.1900')).toBe('error: impossible date "29.02.1900" (February 1900 has 28 days)');
  });

  it('says "empty" for an empty or blank value', () => {
    expect(parseDate('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseDate('   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['yesterday', '2024-13', '12:00', '1.2.345', '31.01.2024 noon', 'Foo 11, 2017', '12345678', '12345678901'])(
    'rejects %s as not a date',
    (value) => {
      expect(parseDate(value)).toEqual({ ok: false, reason: `not a date: "${value}"` });
    },
  );
});

describe('detectDateOrder', () => {
  it('is proven DMY by a first part above 12', () => {
    expect(detectDateOrder(['01/02/2024', '03/04/2024', '25/04/2024'])).toEqual({ order: 'DMY', ambiguous: false, note: null });
  });

  it('is proven MDY by a second part above 12', () => {
    expect(detectDateOrder(['1/2/24 9:00', '12/31/24 10:00'])).toEqual({ order: 'MDY', ambiguous: false, note: null });
  });

  it('is ambiguous without proof: / → MDY, . → DMY, with a note', () => {
    const slash = detectDateOrder(['01/02/2024', '03/04/2024', '']);
    expect(slash).toMatchObject({ order: 'MDY', ambiguous: true });
    expect(slash.note).toBe(
      'date order not provable: none of 2 value(s) has a day above 12 (e.g. "01/02/2024"); assuming month before day (US)',
    );
    expect(detectDateOrder(['01.02.2024', '03.04.24'])).toMatchObject({ order: 'DMY', ambiguous: true });
    expect(detectDateOrder(['01-02-2024'])).toMatchObject({ order: 'DMY', ambiguous: true });
  });

  it('lets the majority win when values contradict each other, and says so', () => {
    const col = detectDateOrder(['13/01/2024', '14/01/2024', '01/15/2024']);
    expect(col.order).toBe('DMY');
    expect(col.ambiguous).toBe(true);
    expect(col.note).toContain('2 value(s) only fit day/month (e.g. "13/01/2024"), 1 only month/day (e.g. "01/15/2024")');
  });

  it('is YMD and not ambiguous for ISO and other year-first or named formats', () => {
    expect(detectDateOrder(['2024-01-02', '2024/03/04 10:00', 'Wed Oct 11 06:55:44 +0000 2017'])).toEqual({
      order: 'YMD',
      ambiguous: false,
      note: null,
    });
    expect(detectDateOrder([])).toEqual({ order: 'YMD', ambiguous: false, note: null });
  });

  it('ignores year-first values in a day/month column', () => {
    expect(detectDateOrder(['2024-01-02', '13.01.2024'])).toEqual({ order: 'DMY', ambiguous: false, note: null });
  });

  it('ignores values that are not dates at all', () => {
    expect(detectDateOrder(['1.2.3', '13.1.2', 'n/a'])).toEqual({ order: 'YMD', ambiguous: false, note: null });
  });

  it('does not count values that fit no order as proof', () => {
    expect(detectDateOrder(['13/13/2024', '01/02/2024'])).toMatchObject({ order: 'MDY', ambiguous: true });
  });
});

describe('parseDate: round trip (property)', () => {
  const instant = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');

  it('reads back every valid date written as ISO, German, US and UK', () => {
    fc.assert(
      fc.property(instant, (d) => {
        const [y, mo, day, h, mi, s] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
        const whole = Date.UTC(y, mo - 1, day, h, mi, s);
        const cases: Array<[string, DateOrder | undefined, number]> = [
          [d.toISOString(), undefined, d.getTime()],
          [`${pad(day)}.${pad(mo)}.${y} ${pad(h)}:${pad(mi)}:${pad(s)}`, undefined, whole],
          [`${mo}/${day}/${y} ${h}:${pad(mi)}:${pad(s)}`, 'MDY', whole],
          [`${day}/${mo}/${y}`, 'DMY', Date.UTC(y, mo - 1, day)],
        ];
        for (const [text, order, expected] of cases) {
          const r = parseDate(text, order);
          expect(r.ok && r.value.getTime(), text).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
