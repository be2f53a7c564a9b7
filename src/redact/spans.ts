// What a detector reports: a stretch of text that holds personal data, and what stands in for it. Detectors run on
// the original text independently; overlapping finds are merged, so a stretch two detectors each see part of is
// masked as a whole and nothing of it shows.

/**
 * The kinds of personal data masked in text, most telling first (the label of a merged stretch is the first's).
 * `text`: words withheld as a whole, where nobody can tell a name from other words (a rejected row's cells).
 */
export const MASK_KINDS = ['link', 'email', 'iban', 'account', 'phone', 'address', 'handle', 'name', 'id', 'text'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

export interface Span {
  start: number;
  end: number;
  kind: MaskKind;
  /** What replaces the stretch; without it, the kind's placeholder ("[phone]"). */
  replacement?: string;
}

const rank = (kind: MaskKind): number => MASK_KINDS.indexOf(kind);

/** Overlapping or touching-inside spans merged into one, labelled by the most telling kind among them. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (!last || span.start >= last.end) {
      merged.push({ ...span });
      continue;
    }
    if (span.end > last.end) last.end = span.end;
    if (rank(span.kind) < rank(last.kind)) {
      last.kind = span.kind;
      last.replacement = span.replacement;
    }
  }
  return merged;
}

/** The text with every span replaced; `placeholder` says what stands in for a span that brings no replacement. */
export function applySpans(text: string, spans: readonly Span[], placeholder: (kind: MaskKind) => string): string {
  if (spans.length === 0) return text;
  let out = '';
  let from = 0;
  for (const span of mergeSpans(spans)) {
    out += text.slice(from, span.start) + (span.replacement ?? placeholder(span.kind));
    from = span.end;
  }
  return out + text.slice(from);
}

/** Every match of a global expression that `keep` accepts, as a span. */
export function spansOf(text: string, pattern: RegExp, kind: MaskKind, keep: (match: RegExpExecArray) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    if (keep(match)) spans.push({ start: match.index, end: match.index + match[0].length, kind });
  }
  return spans;
}
