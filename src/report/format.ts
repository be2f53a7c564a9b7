import type { Event, Source } from '../model.js';

/** One line of text, safe inside a Markdown table cell or blockquote. */
export function inline(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : flat;
  return cut.replace(/\|/g, '\\|');
}

export const cite = (source: Source): string => `${source.file}:${source.line}`;

export const day = (date: Date | null | undefined): string => (date ? date.toISOString().slice(0, 10) : '—');

export const dayOf = (iso: string | null): string => (iso ? iso.slice(0, 10) : '—');

export function money(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

export function minutes(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (value < 120) return `${Math.round(value)} ${unit}`;
  if (value < 2880) return `${(value / 60).toFixed(1)} h`;
  return `${(value / 1440).toFixed(1)} d`;
}

/** "2024-05-03, email, tickets.csv:12" */
export function provenance(event: Event): string {
  return `${day(event.at)}, ${event.channel}, ${cite(event.source)}`;
}
