import { describe, expect, it } from 'vitest';
import { byCodePoint } from './collation.js';

describe('byCodePoint', () => {
  it('sorts by code point, not by locale: capitals before small letters, umlauts after z', () => {
    expect(['ä', 'b', 'B', 'a', 'Z', 'z', 'Ö'].sort(byCodePoint)).toEqual(['B', 'Z', 'a', 'b', 'z', 'Ö', 'ä']);
  });

  it('puts characters beyond U+FFFF after U+E000–U+FFFF, as code points order them (UTF-16 units would not)', () => {
    const emoji = '\u{1F600}'; // U+1F600, a surrogate pair
    const fullWidthA = '\uFF21'; // U+FF21
    expect(emoji < fullWidthA).toBe(true); // what `<` says: by UTF-16 unit
    expect(byCodePoint(emoji, fullWidthA)).toBeGreaterThan(0);
    expect(byCodePoint(fullWidthA, emoji)).toBeLessThan(0);
    expect([emoji, fullWidthA, 'a', '\u{10000}'].sort(byCodePoint)).toEqual(['a', fullWidthA, '\u{10000}', emoji]);
  });

  it('orders a prefix first and equal strings as equal', () => {
    expect(byCodePoint('Kim', 'Kimberly')).toBeLessThan(0);
    expect(byCodePoint('Kimberly', 'Kim')).toBeGreaterThan(0);
    expect(byCodePoint('Kim', 'Kim')).toBe(0);
    expect(byCodePoint('', 'a')).toBeLessThan(0);
  });

  it('agrees with sorting the strings as arrays of code points', () => {
    const words = ['zebra', 'Äpfel', 'äpfel', '\u{1F34E}', '\uE000', '\uFFFD', 'a\u{1F34E}', 'a\uFFFD', 'ß', 'ss', ''];
    const byPoints = (a: string, b: string): number => {
      const x = [...a].map((c) => c.codePointAt(0)!);
      const y = [...b].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    expect([...words].sort(byCodePoint)).toEqual([...words].sort(byPoints));
  });
});
