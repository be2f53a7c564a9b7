// Social handles: "@anna.k", "@kaffee_fan_84". The brand's own (--brand) stay. A handle's inner dots belong to it
// (Instagram's "@anna.k"), a final dot ends the sentence. An "@" after a letter is an e-mail address's (email.ts).
import type { Brand } from './brand.js';
import type { Span } from './spans.js';

const HANDLE = /(?<![\p{L}\p{N}_.@/\\])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?)/gu;

/** Every @handle in a text that is not the brand's. */
export function findHandles(text: string, brand: Brand): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(HANDLE)) {
    if (brand.isHandle(match[1]!)) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, kind: 'handle' });
  }
  return spans;
}
