// The one order of a customer's records. Records at the same time are ordered by what they are and say (kind,
// direction, words, rating), and only then by file and line, so the result depends neither on the order the files
// were named on the command line nor on the order of rows within a file: swapping two inputs or sorting an export
// must not flip a stage, a trend, the attention score or the quote a report shows. Strings compare by code point,
// never by locale, so every machine sorts alike.
import { byCodePoint } from '../collation.js';
import type { Event } from '../model.js';

/**
 * Records that tie on what a judgement sorts them by, in an order of their own: kind, direction, words and rating,
 * then (for records alike in all of these) file and line.
 */
export function byRecord(a: Pick<Event, 'kind' | 'direction' | 'text' | 'rating' | 'source'>, b: Pick<Event, 'kind' | 'direction' | 'text' | 'rating' | 'source'>): number {
  return (
    byCodePoint(a.kind, b.kind) ||
    byCodePoint(a.direction, b.direction) ||
    byCodePoint(a.text ?? '', b.text ?? '') ||
    (a.rating?.value ?? -1) - (b.rating?.value ?? -1) ||
    byCodePoint(a.source.file, b.source.file) ||
    a.source.line - b.source.line
  );
}

/** Oldest first, undated last; records at the same time by byRecord. */
export function chronological(a: Event, b: Event): number {
  return (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity) || byRecord(a, b);
}

/** An object's entries sorted by key, by code point: the order profiles.jsonl writes counts in. */
export function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodePoint(a, b)));
}
