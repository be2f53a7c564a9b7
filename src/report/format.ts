import type { Event, Source } from '../model.js';
import { channelName, type ReportLang } from './i18n.js';

/** Punctuation that forms Markdown wherever it stands: emphasis, links and images, code, tables, strike-through. */
const MARKUP_ANYWHERE = /[\\`*_[\]|~]/g;
/** What opens a block at the start of a line: a heading, a list item, a setext underline (">" is an entity already). */
const BLOCK_MARK = /^[#+\-=]/;
/** An ordered list item: "1." or "1)". */
const ORDINAL = /^(\d+)([.)])/;

/**
 * Data as Markdown text: every character that could form markup is escaped, nothing else changes. `<` and `>` become
 * entities (no HTML tag, comment or autolink can form, and "<br />" shows as written), an `&` that would start an
 * entity is escaped itself ("&gt;" stays visible as typed; a lone "&" stays readable), and \ ` * _ [ ] | ~ are
 * backslash-escaped, so `![](…)`, `[x](…)`, `*a*`, `__a__` and a text of `******` stay text and `|` cannot end a
 * table cell. For a fragment inside a line; `inline` also guards the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKUP_ANYWHERE, '\\$&');
}

/** The first `n` UTF-16 units of a text, one fewer when the cut would split an emoji's surrogate pair. */
function wholeCharacters(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** Text on one line, cut at `max` characters with an ellipsis: for data a drawing escapes itself (charts). */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${wholeCharacters(flat, max - 1).replace(/\s+\S*$/, '')}…` : flat;
}

/**
 * One line of text, safe inside a Markdown table cell, list item or blockquote, cut at `max` characters: customer
 * text stays text (escapeMarkdown), and a leading #, +, -, = or "1." / "1)" cannot make a heading, a list or a rule.
 */
export function inline(text: string, max = 280): string {
  return escapeMarkdown(clip(text, max)).replace(BLOCK_MARK, '\\$&').replace(ORDINAL, '$1\\$2');
}

/** Data of any length as one line of Markdown text, never cut: names, ids, labels, sentences that carry data. */
export const mdText = (value: string): string => inline(value, Infinity);

/** A heading's text: inline, and no "#" run at its end can be read as the heading's closing sequence ("Kim #"). */
export const heading = (value: string): string => inline(value, 200).replace(/(^|\s)(#+)$/, '$1\\$2');

/**
 * A code id (`pain.waiting`) in a code span; an id written by someone else that is not a plain id (it holds a
 * backtick, spaces or markup) is shown as escaped text instead, so it cannot close the span.
 */
export const codeSpan = (id: string): string => (/^[\w.:/-]+$/.test(id) ? `\`${id}\`` : mdText(id));

/** Text inside a fenced code block: one line, and no run of backticks or tildes that could close the fence. */
export const codeText = (value: string, max = 280): string => {
  const flat = value.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${wholeCharacters(flat, max - 1)}…` : flat;
  return cut.replace(/`/g, "'").replace(/~(?=~)/g, '~ ');
};

/** file:line of a record, escaped: a file name is data too. */
export const cite = (source: Source): string => `${escapeMarkdown(source.file)}:${source.line}`;

/** file:line as written, for a code block, where escapes would show. */
export const citeInCode = (source: Source): string => codeText(`${source.file}:${source.line}`);

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
  return `${day(event.at)}, ${escapeMarkdown(channelName(event.channel, lang))}, ${cite(event.source)}`;
}
