// The masking of one text: every detector runs on the text as written, their finds are merged (spans.ts), and each
// stretch is replaced by its placeholder or, for a known person, their pseudonym. Three ways to mask, by whose
// words a string holds:
// - text: what customers, the brand and analysts wrote (messages, reviews, replies, notes, quotes);
// - message: what thick wrote about the data (warnings, reasons): it names customers by id and quotes their names;
// - withheld: a rejected row as read, or a value quoted from one: any cell may be a name nobody knows, so every word
//   goes, and what is left (numbers, dates, the kinds of data masked) still shows where the row went wrong.
import { findAccounts } from './account.js';
import { findAddresses } from './address.js';
import type { Brand } from './brand.js';
import { findEmails } from './email.js';
import { findHandles } from './handle.js';
import { findIbans } from './iban.js';
import type { Identifiers } from './identifiers.js';
import { placeholderFor, type RedactLang } from './labels.js';
import { findLinks } from './link.js';
import type { NameIndex } from './names.js';
import { findPhones } from './phone.js';
import { findAddressedNames } from './salutations.js';
import { applySpans, mergeSpans, type MaskKind, type Span } from './spans.js';

export interface MaskerParts {
  lang: RedactLang;
  brand: Brand;
  /** Names looked for in every text: full names of customers, analysts' names. */
  names: NameIndex;
  /** Names looked for in one customer's texts only: the parts of their names, a one-word name. */
  ownNames: (owner: string) => NameIndex | null;
  identifiers: Identifiers;
  /** Every name and id a message may quote ("the name \"Anna\""), folded, with what stands in for it. */
  quoted: ReadonlyMap<string, string>;
}

const WORDS = /\p{L}[\p{L}\p{M}\p{N}'’.\- ]*[\p{L}\p{M}\p{N}]|\p{L}/gu;
const QUOTED = /"([^"\n]{1,300})"/gu;

/** Counts of what was masked, by kind: for a run's figures. */
export type MaskCounts = Partial<Record<MaskKind, number>>;

export class Masker {
  readonly counts: MaskCounts = {};
  private readonly placeholder: (kind: MaskKind) => string;
  private readonly done = new Map<string, string>();

  constructor(private readonly parts: MaskerParts) {
    this.placeholder = placeholderFor(parts.lang);
  }

  /** Personal data found in a text, as spans; `owner`: the customer whose record holds the text. */
  find(text: string, owner: string | null = null, scope: 'text' | 'message' = 'text'): Span[] {
    const { brand, names, ownNames, identifiers } = this.parts;
    const own = owner === null ? null : ownNames(owner);
    return [
      ...findLinks(text, brand),
      ...findEmails(text, brand),
      ...findIbans(text),
      ...findAccounts(text),
      ...findPhones(text),
      ...findAddresses(text),
      ...findHandles(text, brand),
      // A customer's own name first: where both find it, their pseudonym beats "[name]".
      ...(own?.find(text) ?? []),
      ...names.find(text),
      ...identifiers.find(text, scope),
      ...findAddressedNames(text, brand),
    ];
  }

  /**
   * Words someone wrote, with what in them is personal masked. A run holds each text several times (as read, as
   * annotated, as quoted): it is masked once, and counted once.
   */
  text(value: string, owner: string | null = null): string {
    const key = `${owner ?? ''}\u0000${value}`;
    let masked = this.done.get(key);
    if (masked === undefined) this.done.set(key, (masked = this.apply(value, this.find(value, owner))));
    return masked;
  }

  textOrNull(value: string | null | undefined, owner: string | null = null): string | null {
    return value === null || value === undefined ? null : this.text(value, owner);
  }

  /** A message of thick's: as text, plus every known id, and a known name or id in quotes. */
  message(value: string): string {
    const quoted = [...value.matchAll(QUOTED)].flatMap((m) => {
      const replacement = this.parts.quoted.get(foldQuoted(m[1]!));
      return replacement === undefined ? [] : [{ start: m.index + 1, end: m.index + 1 + m[1]!.length, kind: 'name' as const, replacement }];
    });
    return this.apply(value, [...this.find(value, null, 'message'), ...quoted]);
  }

  /** A rejected row as read: every word withheld, see the file's head. */
  withheld(value: string): string {
    return this.apply(value, [...this.find(value), ...wordSpans(value, 0, value.length)]);
  }

  /** A reason for a rejected row: a message whose quoted values ("not a date: \"Anna\"") are withheld. */
  reason(value: string): string {
    const inQuotes = [...value.matchAll(QUOTED)].flatMap((m) => wordSpans(value, m.index + 1, m.index + 1 + m[1]!.length));
    return this.apply(value, [...this.find(value, null, 'message'), ...inQuotes]);
  }

  private apply(value: string, spans: readonly Span[]): string {
    const merged = joinRepeats(value, mergeSpans(spans));
    for (const span of merged) this.counts[span.kind] = (this.counts[span.kind] ?? 0) + 1;
    return applySpans(value, merged, this.placeholder);
  }
}

/** How a quoted name or id is compared: case, spacing and Unicode form aside. */
export const foldQuoted = (value: string): string => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Neighbouring finds of one person are one: "Jens Hansen" found as "Jens" and "Hansen" reads "Person 7QMX" once. */
function joinRepeats(text: string, spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    const same = last && last.replacement !== undefined && last.replacement === span.replacement && /^[\s,.\-]*$/.test(text.slice(last.end, span.start));
    if (same) last.end = span.end;
    else joined.push({ ...span });
  }
  return joined;
}

function wordSpans(text: string, from: number, to: number): Span[] {
  return [...text.slice(from, to).matchAll(WORDS)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length, kind: 'text' as const }));
}
