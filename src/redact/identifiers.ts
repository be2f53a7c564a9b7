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

export class Identifiers {
  private readonly patterns: Record<IdentifierScope, RegExp | null>;
  private readonly replacements = new Map<string, string>();

  /** `ids`: each identifier with what stands in for it; the first given wins when two customers share one. */
  constructor(ids: Iterable<[string, string]>) {
    for (const [id, replacement] of ids) {
      const key = id.trim().toLowerCase();
      if (key && !this.replacements.has(key)) this.replacements.set(key, replacement);
    }
    const all = [...this.replacements.keys()].sort((a, b) => b.length - a.length || byCodePoint(a, b));
    this.patterns = { text: compile(all.filter(idLike)), message: compile(all.filter(messageLike)) };
  }

  find(text: string, scope: IdentifierScope): Span[] {
    const pattern = this.patterns[scope];
    if (!pattern) return [];
    return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'id' as const, replacement: this.replacements.get(m[0].toLowerCase()) }));
  }
}

function compile(ids: readonly string[]): RegExp | null {
  if (ids.length === 0) return null;
  return new RegExp(String.raw`(?<![\p{L}\p{N}_@])(?:${ids.map(escape).join('|')})(?![\p{L}\p{N}_]|[.\-][\p{L}\p{N}])`, 'giu');
}
