// The quote that shows a hit to a reader: the matched words with a little context, cut at word boundaries.

const QUOTE_CONTEXT = 40;

/**
 * The last quotes made, by text, span and context: a record's codes often show the same words (a complaint and the
 * answer it needs quote the same sentence), and one string for them all is half the quotes' memory on a big run.
 */
const recent: { text: string; start: number; end: number; context: number; quote: string }[] = [];
const RECENT = 8;

/** The span [start, end) with about QUOTE_CONTEXT characters either side, cut at word boundaries. */
export function quoteAround(text: string, start: number, end: number, context = QUOTE_CONTEXT): string {
  const made = recent.find((q) => q.text === text && q.start === start && q.end === end && q.context === context);
  if (made) return made.quote;
  const quote = cutQuote(text, start, end, context);
  if (recent.unshift({ text, start, end, context, quote }) > RECENT) recent.pop();
  return quote;
}

function cutQuote(text: string, start: number, end: number, context: number): string {
  if (text.slice(start, end).trim() === '') {
    start = 0;
    end = text.length;
  }
  let from = Math.max(0, start - context);
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    from = space >= 0 ? from + space + 1 : start;
  }
  let to = Math.min(text.length, end + context);
  if (to < text.length) {
    const tail = text.slice(end, to);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'), tail.lastIndexOf('\t'));
    to = space >= 0 ? end + space : end;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
