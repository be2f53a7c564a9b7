// Records that say the same thing twice (Linked.duplicates): found by linking once every record has its customer.
import { byCodePoint } from '../collation.js';
import type { LinkRecord } from './link-record.js';

/**
 * Written records that repeat another of the same customer word for word (see Linked.duplicates). The one kept is
 * the same whatever the row order: the first by product, then file and line.
 */
export function repeatedRecords(linked: readonly LinkRecord[], tick: (done: number) => void): Map<string, string> {
  const groups = new Map<string, LinkRecord[]>();
  let done = 0;
  for (const event of linked) {
    tick(++done);
    const words = event.words;
    if (!words || event.customerKey === null || event.kind === 'order' || event.kind === 'note') continue;
    // A review or survey answer listed twice is one verdict, whatever ids the export gave each listing; two tickets or
    // posts with ids of their own are two contacts even when their words and day are the same.
    const listing = event.kind === 'review' || event.kind === 'survey' ? '' : (event.messageId ?? '');
    const key = [event.customerKey, event.kind, event.direction, event.at?.toISOString() ?? '', event.rating ?? '', listing, words].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const repeats = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [kept, ...others] = [...group].sort(
      (a, b) => byCodePoint(a.product ?? '', b.product ?? '') || byCodePoint(a.source.file, b.source.file) || a.source.line - b.source.line,
    );
    for (const other of others) repeats.set(other.id, `repeats ${kept!.source.file}:${kept!.source.line} word for word (same customer, kind and time)`);
  }
  return repeats;
}
