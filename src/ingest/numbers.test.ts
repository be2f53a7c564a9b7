import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimalColumn, detectDecimalSeparator, parseNumber } from './numbers.js';

const value = (text: string, decimal?: ',' | '.') => {
  const r = parseNumber(text, decimal);
  return r.ok ? r.value : `error: ${r.reason}`;
};

describe('parseNumber: formats', () => {
  it.each([
    ['42', 42],
    ['1.234,56 €', 1234.56],
    ['1,234.56', 1234.56],
    ['-12,5', -12.5],
    ['12.50 EUR', 12.5],
    ['€ 12,90', 12.9],
    ['€12.90', 12.9],
    ['$1,200', 1200],
    ['US$ 1,200.50', 1200.5],
    ['£3.20', 3.2],
    ['CHF 30.-', 30],
    ['30,–', 30],
    ['+7,5', 7.5],
    ['(12.50)', -12.5],
    ['(€ 1.200,00)', -1200],
    ['12,50-', -12.5],
    ['1.234,50-', -1234.5],
    ['-€12.50', -12.5],
    ['€ -12,50', -12.5],
    ['\u221212,5', -12.5],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234\u202f567', 1234567],
    ['1\u2009234.5', 1234.5],
    ['1 234 567,89 €', 1234567.89],
    ["1'234.50", 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567.8', 1234567.8],
    ['0,5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['0.123', 0.123],
    ['1234.567', 1234.567],
    ['12,3456', 12.3456],
    ['1.5E+3', 1500],
    ['1,5E-2', 0.015],
    ['  99  ', 99],
    ['-0,00', 0],
  ])('%s → %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('returns 0, not -0, for a negative zero', () => {
    expect(Object.is(value('(0.00)'), 0)).toBe(true);
  });
});

describe('parseNumber: ambiguous "1,234" / "1.234"', () => {
  it('without a hint reads a single separator before exactly 3 digits as thousands', () => {
    expect(value('1,234')).toBe(1234);
    expect(value('1.234')).toBe(1234);
    expect(value('-12.500')).toBe(-12500);
  });

  it('follows the decimal hint', () => {
    expect(value('1,234', ',')).toBe(1.234);
    expect(value('1,234', '.')).toBe(1234);
    expect(value('1.234', '.')).toBe(1.234);
    expect(value('1.234', ',')).toBe(1234);
  });

  it('lets the shape win over the hint when only one reading exists', () => {
    expect(value('12,5', '.')).toBe(12.5);
    expect(value('1,234.5', ',')).toBe(1234.5);
    expect(value('1.234.567', '.')).toBe(1234567);
    expect(value('0,123', '.')).toBe(0.123);
  });
});

describe('parseNumber: errors', () => {
  it.each([
    ['abc', 'not a number: "abc"'],
    ['12abc', 'not a number: "12abc"'],
    ['1.23.4', 'not a number: "1.23.4" (misplaced thousands separator)'],
    ['12,34,5', 'not a number: "12,34,5" (misplaced thousands separator)'],
    ['1.234,5,6', 'not a number: "1.234,5,6" (more than one decimal separator)'],
    ['1,2.3,4', 'not a number: "1,2.3,4" (more than one decimal separator)'],
    ['1,2.345', 'not a number: "1,2.345" (misplaced thousands separator)'],
    ['--5', 'not a number: "--5" (more than one sign)'],
    ['(-5)', 'not a number: "(-5)" (more than one sign)'],
    ['€', 'not a number: "€"'],
    ['1 2', 'not a number: "1 2"'],
    ['12-34', 'not a number: "12-34"'],
    [',', 'not a number: ","'],
  ])('%s', (text, reason) => {
    expect(parseNumber(text)).toEqual({ ok: false, reason });
  });

  it('says "empty" for an empty or blank value', () => {
    expect(parseNumber('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseNumber(' \t')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('detectDecimalSeparator', () => {
  it('finds , in a German column and . in an English one', () => {
    expect(detectDecimalSeparator(['12,50', '1.234,00', '3', ''])).toBe(',');
    expect(detectDecimalSeparator(['12.50', '1,234.00', '3'])).toBe('.');
  });

  it('takes a repeated separator as thousands, so the other one is the decimal', () => {
    expect(detectDecimalSeparator(['1.234.567'])).toBe(',');
    expect(detectDecimalSeparator(['1,234,567'])).toBe('.');
  });

  it('is settled by one clear value among ambiguous ones', () => {
    // "1.234" alone could be either; "0,5" proves the column is German.
    expect(detectDecimalColumn(['1.234', '2.500', '0,5'])).toEqual({ decimal: ',', ambiguous: false, note: null });
  });

  it('uses the fallback, marked ambiguous, when only "1,234"-like values exist', () => {
    expect(detectDecimalColumn(['1,234', '2,500'])).toEqual({
      decimal: '.',
      ambiguous: true,
      note: `decimal separator not provable: 2 value(s) like "1,234" read either way; assuming '.'`,
    });
    expect(detectDecimalSeparator(['1.234'], ',')).toBe(',');
  });

  it('is not ambiguous for whole numbers (the separator does not matter)', () => {
    expect(detectDecimalColumn(['1', '20', '300', 'n/a'], ',')).toEqual({ decimal: ',', ambiguous: false, note: null });
  });

  it('lets the majority win when values contradict each other, and says so', () => {
    const col = detectDecimalColumn(['1,5', '2,5', '3.5']);
    expect(col).toMatchObject({ decimal: ',', ambiguous: true });
    expect(col.note).toBe(`decimal separator contradicts itself: 2 value(s) use ',', 1 use '.'; reading ','`);
  });

  it('reads currency-decorated values', () => {
    expect(detectDecimalSeparator(['€ 12,90', '(3,10)', '5,00-'])).toBe(',');
  });
});

describe('parseNumber: round trip (property)', () => {
  /** Format an amount with cents the way a German or an English export would. */
  function format(cents: number, decimal: ',' | '.', grouped: boolean): string {
    const sign = cents < 0 ? '-' : '';
    const abs = Math.abs(cents);
    const whole = String(Math.floor(abs / 100));
    const frac = String(abs % 100).padStart(2, '0');
    const group = decimal === ',' ? '.' : ',';
    const body = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
    return `${sign}${body}${decimal}${frac}`;
  }

  it('reads back every amount formatted with either convention, with or without grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.constantFrom<',' | '.'>(',', '.'), fc.boolean(), (cents, decimal, grouped) => {
        const text = format(cents, decimal, grouped);
        const expected = cents / 100 === 0 ? 0 : cents / 100;
        expect(parseNumber(text, decimal)).toEqual({ ok: true, value: expected });
        // Two decimals are never ambiguous: the hint is not even needed.
        expect(parseNumber(text)).toEqual({ ok: true, value: expected });
      }),
      { numRuns: 300 },
    );
  });

  it('reads back whole numbers grouped in thousands when told the decimal separator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom<',' | '.'>(',', '.'), (n, decimal) => {
        const group = decimal === ',' ? '.' : ',';
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group);
        expect(parseNumber(text, decimal)).toEqual({ ok: true, value: n });
      }),
      { numRuns: 300 },
    );
  });
});
