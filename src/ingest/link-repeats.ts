// Records that say the same thing twice (Linked.duplicates): found by linking once every record has its customer.
import { byCodePoint } from '../collation.js';
import type { LinkRecord } from './link-record.js';

/**
 * Written records that repeat another of the same customer word for word (see Linked.duplicates). The one kept is
 * the same whatever the row order: the first by product, then file and line.
 */
export function repeatedRecords(linked: readonly LinkRecord[], tick: (done: number) => void): Map<string, string> {
  // Records are gathered by the digest of their words first, which each holds already, and told apart by the rest
  // of what makes a repeat only where a digest is shared: a key string of its own for every record cost ~230 bytes a
  // record at linking's peak.
  const byWords = new Map<string, LinkRecord | LinkRecord[]>();
  let done = 0;
  for (const record of linked) {
    tick(++done);
    const words = record.words;
    if (!words || record.customerKey === null || record.kind === 'order' || record.kind === 'note') continue;
    const seen = byWords.get(words);
    if (seen === undefined) byWords.set(words, record);
    else if (Array.isArray(seen)) seen.push(record);
    else byWords.set(words, [seen, record]);
  }
  const repeats = new Map<string, string>();
  for (const same of byWords.values()) {
    if (!Array.isArray(same)) continue;
    for (const group of groupBy(same, repeatKey)) {
      if (group.length < 2) continue;
      const [kept, ...others] = [...group].sort(
        (a, b) => byCodePoint(a.product ?? '', b.product ?? '') || byCodePoint(a.source.file, b.source.file) || a.source.line - b.source.line,
      );
      for (const other of others) repeats.set(other.id, `repeats ${kept!.source.file}:${kept!.source.line} word for word (same customer, kind and time)`);
    }
  }
  return repeats;
}

/**
 * What two records with the same words must share besides to be one: customer, kind, direction, time and rating.
 * A review or survey answer listed twice is one verdict, whatever ids the export gave each listing; two tickets or
 * posts with ids of their own are two contacts even when their words and day are the same.
 */
function repeatKey(record: LinkRecord): string {
  const listing = record.kind === 'review' || record.kind === 'survey' ? '' : (record.messageId ?? '');
  return [record.customerKey, record.kind, record.direction, record.at?.toISOString() ?? '', record.rating ?? '', listing].join('\u0000');
}

/** The records in groups of equal key, each group in the records' order. */
function groupBy(records: readonly LinkRecord[], key: (record: LinkRecord) => string): LinkRecord[][] {
  const groups = new Map<string, LinkRecord[]>();
  for (const record of records) {
    const k = key(record);
    const group = groups.get(k);
    if (group) group.push(record);
    else groups.set(k, [record]);
  }
  return [...groups.values()];
}
