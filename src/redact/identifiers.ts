// Known identifiers written bare in a text: a customer's id, handle without its "@", or alias ("my account is
// kaffee_fan_84"). In customer text only what cannot be an ordinary word or figure is looked for: a mix of letters
// and digits, a word joined by "_" "." or "-", or a long number; "1001" or "bitterbohne" may be a count or a word
// there. thick's own messages (warnings, reasons) name customers by their ids, so there every known id is looked for
// except a short number, which may be a count of rows.
import { byCodePoint } from '../collation.js';
import type { Span } from './spans.js';

export type IdentifierScope = 'text' | 'message';

/** Whether an identifier is looked for in customer text (see the file's head). */
export function idLike(id: string): boolean {
  if (/^\d+$/.test(id)) return id.length >= 6;
  if (id.length < 4) return false;
  return (/\p{L}/u.test(id) && /\p{N}/u.test(id)) || /[\p{L}\p{N}][_.\-][\p{L}\p{N}]/u.test(id);
}

/** Whether an identifier is looked for in thick's messages: anything but a short number or a tiny string. */
const messageLike = (id: string): boolean => (/^\d+$/.test(id) ? id.length >= 6 : id.length >= 3);

/** A literal for a Unicode expression, where only syntax characters may be escaped ("-" may not). */
const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The characters an identifier found by lookup may hold; ids with others (a space, "+") are found by a pattern. */
const TOKEN = /[\p{L}\p{N}_.\-]+/gu;
const PLAIN_ID = /^[\p{L}\p{N}_.\-]+$/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const ALNUM = /[\p{L}\p{N}]/u;

/**
 * Known identifiers in texts. A run of thousands of customers has thousands of ids: one pattern alternating all of
 * them took 40 s on 3,000 Olist texts, so ids are looked up: each run of id characters in a text is cut where an id
 * may start or end (at its ends, and at a "." or "-" inside it) and the pieces are looked up in a map. An id may not
 * touch a letter, digit or "_" (nor follow "@": that is a handle), and may be followed by "." or "-" only at the end
 * of a sentence or word ("kim_84." but not "kim_84.de").
 */
export class Identifiers {
  private readonly scoped: Record<IdentifierScope, Set<string>>;
  private readonly patterns: Record<IdentifierScope, RegExp | null>;
  private readonly replacements = new Map<string, string>();

  /** `ids`: each identifier with what stands in for it; the first given wins when two customers share one. */
  constructor(ids: Iterable<[string, string]>) {
    for (const [id, replacement] of ids) {
      const key = id.trim().toLowerCase();
      if (key && !this.replacements.has(key)) this.replacements.set(key, replacement);
    }
    const all = [...this.replacements.keys()].sort((a, b) => b.length - a.length || byCodePoint(a, b));
    const plain = all.filter((id) => PLAIN_ID.test(id));
    const other = all.filter((id) => !PLAIN_ID.test(id));
    this.scoped = { text: new Set(plain.filter(idLike)), message: new Set(plain.filter(messageLike)) };
    this.patterns = { text: compile(other.filter(idLike)), message: compile(other.filter(messageLike)) };
  }

  find(text: string, scope: IdentifierScope): Span[] {
    const pattern = this.patterns[scope];
    const byPattern = pattern ? [...text.matchAll(pattern)].map((m) => this.span(m.index, m[0])) : [];
    const known = this.scoped[scope];
    if (known.size === 0) return byPattern;
    const found: Span[] = [];
    for (const run of text.matchAll(TOKEN)) found.push(...this.inRun(run[0], run.index, text, known));
    return [...byPattern, ...found].sort((a, b) => a.start - b.start);
  }

  /** The known ids in one run of id characters, leftmost first, the longest at each start, none overlapping. */
  private inRun(run: string, offset: number, text: string, known: ReadonlySet<string>): Span[] {
    if (offset > 0 && text[offset - 1] === '@') return [];
    const cuts = [...run.matchAll(/[.\-]/g)].map((m) => m.index);
    const starts = [0, ...cuts.map((i) => i + 1)].filter((i) => i < run.length);
    const ends = [...cuts.filter((i) => !ALNUM.test(run[i + 1] ?? '')), run.length].sort((a, b) => b - a);
    const spans: Span[] = [];
    let from = 0;
    for (const start of starts) {
      if (start < from || (start > 0 && WORD_CHAR.test(run[start - 1]!))) continue;
      const end = ends.find((e) => e > start && known.has(run.slice(start, e).toLowerCase()));
      if (end === undefined) continue;
      spans.push(this.span(offset + start, run.slice(start, end)));
      from = end;
    }
    return spans;
  }

  private span(start: number, match: string): Span {
    return { start, end: start + match.length, kind: 'id', replacement: this.replacements.get(match.toLowerCase()) };
  }
}

function compile(ids: readonly string[]): RegExp | null {
  if (ids.length === 0) return null;
  return new RegExp(String.raw`(?<![\p{L}\p{N}_@])(?:${ids.map(escape).join('|')})(?![\p{L}\p{N}_]|[.\-][\p{L}\p{N}])`, 'giu');
}
