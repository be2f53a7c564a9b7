import { span } from '../span.js';

// Plain-text charts that survive Markdown viewers, terminals and printers alike.

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A horizontal bar of `width` cells for value/max, e.g. "██████····". */
export function bar(value: number, max: number, width = 20): string {
  const filled = max > 0 ? Math.round((Math.max(0, value) / max) * width) : 0;
  return '█'.repeat(filled) + '·'.repeat(width - filled);
}

/** A one-line sparkline of counts, one block per bucket. */
export function sparkline(counts: readonly number[]): string {
  const max = span(counts)?.max ?? 0;
  return counts.map((n) => (n === 0 ? ' ' : BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((n / max) * (BLOCKS.length - 1)))])).join('');
}

/** Count dates per calendar month (UTC) from the first to the last month, gaps included. */
export function monthlyCounts(dates: readonly Date[]): { months: string[]; counts: number[] } {
  if (dates.length === 0) return { months: [], counts: [] };
  const keys = dates.map((d) => d.getUTCFullYear() * 12 + d.getUTCMonth());
  const { min: first, max: last } = span(keys)!;
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const key of keys) counts[key - first]! += 1;
  const months = counts.map((_, i) => {
    const key = first + i;
    return `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, '0')}`;
  });
  return { months, counts };
}
