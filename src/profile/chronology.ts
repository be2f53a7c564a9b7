// The one order of a customer's records. Records at the same time are ordered by file, then line, so the result
// does not depend on the order the files were named on the command line: swapping two inputs must not flip a
// stage, a trend or the attention score. Strings compare by code point, never by locale, so every machine sorts
// alike.
import type { Event } from '../model.js';

/** Compares strings by code point: the same on every machine, unlike localeCompare. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a record comes from, as an order: file, then line. */
export function bySource(a: Event, b: Event): number {
  return byCodePoint(a.source.file, b.source.file) || a.source.line - b.source.line;
}

/** Oldest first, undated last; records at the same time by file, then line. */
export function chronological(a: Event, b: Event): number {
  return (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity) || bySource(a, b);
}

/** Whether two records carry the same time (both undated counts as the same: neither is known to be later). */
export function sameTime(a: Event, b: Event): boolean {
  return (a.at?.getTime() ?? null) === (b.at?.getTime() ?? null);
}

/** An object's entries sorted by key, by code point: the order profiles.jsonl writes counts in. */
export function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodePoint(a, b)));
}
