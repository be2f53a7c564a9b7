// The one collation thick sorts strings by, in every stage: code point order, never the process locale, so every
// machine (and every LANG) sorts alike.

/** Compares strings by code point: the same on every machine, unlike localeCompare. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
