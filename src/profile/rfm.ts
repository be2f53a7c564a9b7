import type { Profile } from '../model.js';

export interface OrderSummary {
  key: string;
  /** Days since the last order, as of the run's reference date; null when no order has a date. */
  recencyDays: number | null;
  frequency: number;
  monetary: number;
}

/**
 * Score 1–5 by rank among the customers who ordered: equal values share a score, so the scores say
 * "top fifth" honestly even with ties. `higherIsBetter` false for recency (fewer days is better).
 */
export function quintileScores(values: readonly number[], higherIsBetter: boolean): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => (higherIsBetter ? a - b : b - a));
  // First and last position of each value in rank order, in one pass: a search per value made this quadratic
  // (a minute of a million-event run before the first profile).
  const ranks = new Map<number, { first: number; last: number }>();
  sorted.forEach((value, i) => {
    const seen = ranks.get(value);
    if (seen) seen.last = i;
    else ranks.set(value, { first: i, last: i });
  });
  return values.map((value) => {
    const { first, last } = ranks.get(value)!;
    const midRank = (first + last + 2) / 2; // mid-rank of this value among ties, 1-based
    return Math.min(5, Math.max(1, Math.ceil((midRank / n) * 5)));
  });
}

/** RFM scores for every customer with at least one order; others get null. */
export function rfmScores(orders: readonly OrderSummary[]): Map<string, NonNullable<Profile['rfm']>> {
  const buyers = orders.filter((o) => o.frequency > 0);
  const dated = buyers.filter((o) => o.recencyDays !== null);
  const recency = quintileScores(dated.map((o) => o.recencyDays!), false);
  const recencyByKey = new Map(dated.map((o, i) => [o.key, recency[i]!]));
  const frequency = quintileScores(buyers.map((o) => o.frequency), true);
  const monetary = quintileScores(buyers.map((o) => o.monetary), true);
  return new Map(
    buyers.map((o, i) => [o.key, { recency: recencyByKey.get(o.key) ?? 1, frequency: frequency[i]!, monetary: monetary[i]! }]),
  );
}
