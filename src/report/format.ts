import type { Event, Source } from '../model.js';
import { channelName, dateText, type ReportLang } from './i18n.js';

/**
 * What forms Markdown inside a line, each matched where it would act, so it can be backslash-escaped (CommonMark
 * lets a backslash escape any ASCII punctuation, and every renderer shows the character alone):
 * - a backslash that would escape the character after it, or end the fragment (and so escape thick's own `]` or `|`);
 * - ` * [ ] | ~ < $ anywhere: code, emphasis, links and images, table cells, strike-through, raw HTML, comments and
 *   autolinks (all of which need a bare `<`), and the math of GitHub and VS Code;
 * - `(` after `]`: marked reads "\[x\](y)" inside a link text as a link (or, after "!", an image) all the same;
 * - `&` where it would start an entity ("&gt;" stays visible as typed; a lone "&" needs nothing); also before a word
 *   with "_" and a ";" ("&copyx_y;"): marked leaves that raw, and HTML reads its "&copy" as "©";
 * - `_` unless between two letters or digits, where it can neither open nor close emphasis (snake_case stays as is);
 * - the GFM autolink literals: the colon of "https://", the dot of "www." and the `@` of an e-mail address.
 */
const MARKUP = /\\(?=[!-/:-@[-`{-~]|$)|[`*[\]|~<$]|(?<=\])\(|&(?=#?[a-z0-9_]+(?:;|$))|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|:(?=\/\/)|(?<=www)\.|(?<=[\w.+-])@(?=[\w-]+\.[\w-])/giu;
/**
 * Whether a text might need anything of escapeMarkdown: a character MARKUP could match (`(` only after `]`, `:` only
 * before "//", `.` only after "www"), a line break or a control character. Most texts hold none of them and are
 * returned as they are without running MARKUP, whose lookbehinds make it slow on every character.
 */
const MAYBE_MARKUP = /[\0-\x08\n-\x1f\x7f-\x9f\\`*[\]|~<$&_@]|:\/\/|www\./i;
/** What opens a block at the start of a line: a heading, a quote, a list item, a setext underline. */
const BLOCK_MARK = /^[#>+\-=]/;
/** An ordered list item: "1." or "1)". */
const ORDINAL = /^(\d+)([.)])/;

/** Control characters but tab, CR and LF (which are whitespace to every reader): C0, DEL and C1. */
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

/**
 * Control characters as something a reader can see: C0 and DEL as their Unicode pictures ("␛" for ESC, "␀" for
 * NUL), C1 as U+FFFD. A report is also read raw in a terminal (`cat`, `less -R`), where an ESC from an export
 * would clear the screen or hide the lines after it. The terminal's messages use it too (cli/terminal.ts).
 */
export const visible = (text: string): string =>
  text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });

/**
 * Data as Markdown text: every character that could form markup is backslash-escaped where it would act, so the
 * raw Markdown reads as the customer wrote it ("5 > 3", "Tom & Jerry", "C:\temp", "kim_b") and every renderer (GFM
 * with raw HTML on, markdown-it, GitHub) shows exactly the text. No tag, comment, link, image, autolink, emphasis,
 * code or table cell can form. For a fragment inside a line: a line break in it becomes a space (a file name can
 * hold one), control characters become visible; `inline` also flattens other whitespace and guards the line's start.
 */
export function escapeMarkdown(text: string): string {
  return MAYBE_MARKUP.test(text) ? escapeInFull(text) : text;
}

/** escapeMarkdown without its shortcut: every line break, control character and MARKUP match. */
export const escapeInFull = (text: string): string => visible(text.replace(/\r\n?|\n/g, ' ')).replace(MARKUP, '\\$&');

/** The first `n` UTF-16 units of a text, one fewer when the cut would split an emoji's surrogate pair. */
function wholeCharacters(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** Whitespace clip changes: any but a space, two spaces, a space at either end. Without it, a text is flat already. */
const UNFLAT = /[^\S ]| {2}|^ | $/;

/** Text on one line, cut at `max` characters with an ellipsis: for data a drawing escapes itself (charts). */
export function clip(text: string, max: number): string {
  const flat = UNFLAT.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return flat.length > max ? `${wholeCharacters(flat, max - 1).replace(/\s+\S*$/, '')}…` : flat;
}

/**
 * One line of text, safe inside a Markdown table cell, list item or blockquote, cut at `max` characters: customer
 * text stays text (escapeMarkdown), and a leading #, +, -, = or "1." / "1)" cannot make a heading, a list or a rule.
 */
export function inline(text: string, max = 280): string {
  const escaped = escapeMarkdown(clip(text, max));
  return BLOCK_START.test(escaped) ? escaped.replace(BLOCK_MARK, '\\$&').replace(ORDINAL, '$1\\$2') : escaped;
}

/** What BLOCK_MARK or ORDINAL could match: a text starting otherwise needs neither. */
const BLOCK_START = /^[#>+\-=\d]/;

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
  return visible(cut).replace(/`/g, "'").replace(/~(?=~)/g, '~ ');
};

/** file:line of a record, escaped: a file name is data too. */
export const cite = (source: Source): string => `${escapeMarkdown(source.file)}:${source.line}`;

/** file:line as written, for a code block, where escapes would show. */
export const citeInCode = (source: Source): string => codeText(`${source.file}:${source.line}`);

/** A date's calendar day (UTC) as the reader writes it: "2024-05-03" in English, "03.05.2024" in German; "—" without. */
export const day = (date: Date | null | undefined, lang: ReportLang): string => (date ? dateText(date.toISOString().slice(0, 10), lang) : '—');

/** The calendar day of an ISO timestamp ("2024-05-03T08:00:00.000Z"), as `day` writes it. */
export const dayOf = (iso: string | null, lang: ReportLang): string => (iso ? dateText(iso.slice(0, 10), lang) : '—');

/**
 * A month, quarter or year as the charts and the profile key it ("2024-05", "2024-Q2", "2024"), as the reader writes it:
 * German "05.2024" and "Q2 2024". The keys stay ISO in the data, where they sort as text.
 */
export const period = (key: string, lang: ReportLang): string => dateText(key, lang);

/** German typography keeps a figure with its sign or unit on one line: "n = 3", "5 %", "40 Min." take no-break spaces. */
const NBSP = '\u00a0';

/** The number of data points behind a figure: "n = 3" (German with no-break spaces, so the line never breaks inside). */
export const sampleSize = (n: number, lang: ReportLang): string => (lang === 'de' ? `n${NBSP}=${NBSP}${n}` : `n = ${n}`);

/** A share in per cent: "12.5%" in English, "12,5 %" in German (DIN 5008: a space, here a no-break one, before %). */
export const percent = (value: number, lang: ReportLang, digits = 0): string => (lang === 'de' ? `${num(value, lang, digits)}${NBSP}%` : `${num(value, lang, digits)}%`);

/**
 * A number as the reader's language writes it: German takes a decimal comma. No thousands separator in either
 * language, so "2412.20" becomes "2412,20" and never the ambiguous "2.412,20" next to English figures.
 * `digits` fixes the decimals; without it the number keeps its own (19.5, 18).
 */
export function num(value: number, lang: ReportLang, digits?: number): string {
  // A value that rounds to nothing has no sign: "0.00", never "-0.00" (a tone of -0.001 is neutral, not negative).
  const text = (digits === undefined ? String(value) : value.toFixed(digits)).replace(/^-(?=0(?:\.0*)?$)/, '');
  return lang === 'de' ? text.replace('.', ',') : text;
}

export function money(value: number | null, lang: ReportLang = 'en'): string {
  return value === null ? '—' : num(value, lang, 2);
}

const UNITS = { en: { minutes: ' min', hours: ' h', days: ' d' }, de: { minutes: `${NBSP}Min.`, hours: `${NBSP}Std.`, days: `${NBSP}Tage` } } as const;

/** A duration in minutes, in the unit that reads best: "45 min", "13.6 h", "3.2 d" (German "13,6 Std.", "3,2 Tage", kept on one line). */
export function minutes(value: number | null, lang: ReportLang = 'en'): string {
  if (value === null) return '—';
  const unit = UNITS[lang];
  if (value < 120) return `${Math.round(value)}${unit.minutes}`;
  if (value < 2880) return `${num(value / 60, lang, 1)}${unit.hours}`;
  return `${num(value / 1440, lang, 1)}${unit.days}`;
}

/** A quotation in the reader's typography: “…” in English, „…“ in German. */
export function quote(text: string, lang: ReportLang): string {
  return lang === 'de' ? `„${text}“` : `“${text}”`;
}

/** "2024-05-03, email, tickets.csv:12" (German "03.05.2024, E-Mail, tickets.csv:12") */
export function provenance(event: Event, lang: ReportLang = 'en'): string {
  return `${day(event.at, lang)}, ${escapeMarkdown(channelName(event.channel, lang))}, ${cite(event.source)}`;
}
