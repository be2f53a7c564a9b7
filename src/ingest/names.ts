// Which of the names a customer was seen under is the one reports show. One rule, whatever the order of rows and
// files: the name on their CRM contact record; else the name their own records give most often; a tie goes to the
// name of the latest dated record among the tied, then to the first in code point order. A contacts export that
// lists one id twice under two names is settled by the same rule, with each record's created date as its date.

import { byCodePoint } from '../collation.js';

/** A name as one record gave it, with the record's date (null when it has none). */
export interface NameSeen {
  name: string;
  at: Date | null;
}

/** The most frequent name, then the one of the latest record, then the first by code point; null for none. */
export function commonestName(seen: readonly NameSeen[]): string | null {
  const tally = new Map<string, { n: number; latest: number }>();
  for (const { name, at } of seen) {
    const entry = tally.get(name) ?? { n: 0, latest: -Infinity };
    entry.n++;
    if (at && at.getTime() > entry.latest) entry.latest = at.getTime();
    tally.set(name, entry);
  }
  let best: { name: string; n: number; latest: number } | null = null;
  for (const [name, { n, latest }] of tally) {
    const better = !best || n > best.n || (n === best.n && (latest > best.latest || (latest === best.latest && byCodePoint(name, best.name) < 0)));
    if (better) best = { name, n, latest };
  }
  return best?.name ?? null;
}

/** The display name: the contact record's name first, else the commonest name on the customer's own records. */
export function displayName(contactNames: readonly NameSeen[], recordNames: readonly NameSeen[]): string | null {
  return commonestName(contactNames) ?? commonestName(recordNames);
}
