import type { Event, Source } from '../model.js';
import { channelName, type ReportLang } from './i18n.js';

/**
 * One line of text, safe inside a Markdown table cell or blockquote: customer text stays text. `<` and `>` become
 * entities (no HTML tag, comment or autolink can form, and "<br />" shows as written), an `&` that would start an
 * entity is escaped itself ("&gt;" stays visible as typed; a lone "&" stays readable), and `|` cannot end a cell.
 */
export function inline(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : flat;
  return cut
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}

export const cite = (source: Source): string => `${source.file}:${source.line}`;

export const day = (date: Date | null | undefined): string => (date ? date.toISOString().slice(0, 10) : '—');

export const dayOf = (iso: string | null): string => (iso ? iso.slice(0, 10) : '—');

/**
 * A number as the reader's language writes it: German takes a decimal comma. No thousands separator in either
 * language, so "2412.20" becomes "2412,20" and never the ambiguous "2.412,20" next to English figures.
 * `digits` fixes the decimals; without it the number keeps its own (19.5, 18).
 */
export function num(value: number, lang: ReportLang, digits?: number): string {
  const text = digits === undefined ? String(value) : value.toFixed(digits);
  return lang === 'de' ? text.replace('.', ',') : text;
}

export function money(value: number | null, lang: ReportLang = 'en'): string {
  return value === null ? '—' : num(value, lang, 2);
}

const UNITS = { en: { minutes: 'min', hours: 'h', days: 'd' }, de: { minutes: 'Min.', hours: 'Std.', days: 'Tage' } } as const;

/** A duration in minutes, in the unit that reads best: "45 min", "13.6 h", "3.2 d" (German "13,6 Std.", "3,2 Tage"). */
export function minutes(value: number | null, lang: ReportLang = 'en'): string {
  if (value === null) return '—';
  const unit = UNITS[lang];
  if (value < 120) return `${Math.round(value)} ${unit.minutes}`;
  if (value < 2880) return `${num(value / 60, lang, 1)} ${unit.hours}`;
  return `${num(value / 1440, lang, 1)} ${unit.days}`;
}

/** A quotation in the reader's typography: “…” in English, „…“ in German. */
export function quote(text: string, lang: ReportLang): string {
  return lang === 'de' ? `„${text}“` : `“${text}”`;
}

/** "2024-05-03, email, tickets.csv:12" (German "2024-05-03, E-Mail, tickets.csv:12") */
export function provenance(event: Event, lang: ReportLang = 'en'): string {
  return `${day(event.at)}, ${channelName(event.channel, lang)}, ${cite(event.source)}`;
}
