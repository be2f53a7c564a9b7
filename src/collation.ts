// The one collation thick sorts strings by, in every stage: code point order, never the process locale, so every
// machine (and every LANG) sorts alike.

/** A UTF-16 unit's place in code point order: surrogates (characters beyond U+FFFF) after U+E000–U+FFFF. */
const rank = (unit: number): number => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);

/**
 * Compares strings by code point: the same on every machine, unlike localeCompare. JavaScript's `<` compares UTF-16
 * units, which puts an emoji (a surrogate pair) before U+E000–U+FFFF (private use, CJK compatibility, full-width
 * forms); ranking the first differing unit puts them in code point order.
 */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}
