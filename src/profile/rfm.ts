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
  return values.map((value) => {
    // Mid-rank of this value among ties, as a fraction of n.
    const below = sorted.findIndex((v) => v === value);
    const last = sorted.lastIndexOf(value);
    const midRank = (below + last + 2) / 2; // 1-based
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
