// E-mail addresses, also written to dodge spam bots ("anna (at) example (dot) de", "anna[at]example.de"). The text
// kernel's tokenizer knows ASCII addresses only, which is enough to read a text but not to mask one: "jürgen@
// müller.de" must go as a whole.
import type { Brand } from './brand.js';
import type { Span } from './spans.js';

const LOCAL = String.raw`[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
/** A top-level domain is written in one case: in "eon.de.Gern" the next sentence starts after "de". */
const TLD = String.raw`(?:\p{Ll}{2,}|\p{Lu}{2,})`;
const DOMAIN = String.raw`(?:${LABEL}\.)+${TLD}`;
const BEFORE = String.raw`(?<![\p{L}\p{N}_%+.-])`;

const PLAIN = new RegExp(String.raw`${BEFORE}${LOCAL}@(${DOMAIN})(?![\p{L}\p{N}])`, 'gu');

const AT = String.raw`\s*[([{]\s*(?:at|ät)\s*[)\]}]\s*`;
const DOT = String.raw`(?:\s*[([{]\s*(?:dot|punkt)\s*[)\]}]\s*|\.)`;
const WORDY_DOT = String.raw`\s+(?:dot|punkt)\s+`;
/** "anna (at) example (dot) de", "anna[at]example.de" */
const BRACKETED = new RegExp(String.raw`${BEFORE}${LOCAL}${AT}(${LABEL}(?:${DOT}${LABEL})*${DOT}${TLD})(?![\p{L}\p{N}])`, 'giu');
/**
 * "anna at example dot de": only with the spelled-out dot and in lower case, since "look at amazon.com" and "only at
 * Target dot com" are no addresses.
 */
const LOWER_LABEL = String.raw`[\p{Ll}\p{N}](?:[\p{Ll}\p{N}-]*[\p{Ll}\p{N}])?`;
const SPELLED = new RegExp(
  String.raw`${BEFORE}[\p{Ll}\p{N}_%+-]+(?:\.[\p{Ll}\p{N}_%+-]+)*\s+(?:at|ät)\s+(${LOWER_LABEL}(?:${WORDY_DOT}${LOWER_LABEL})*${WORDY_DOT}\p{Ll}{2,})(?![\p{L}\p{N}])`,
  'gu',
);

const domainOf = (written: string): string => written.replace(/\s*[([{]\s*(?:dot|punkt)\s*[)\]}]\s*|\s+(?:dot|punkt)\s+/giu, '.');

/** Every e-mail address in a text, except the brand's own. */
export function findEmails(text: string, brand: Brand): Span[] {
  const spans: Span[] = [];
  for (const pattern of [PLAIN, BRACKETED, SPELLED]) {
    for (const match of text.matchAll(pattern)) {
      if (brand.isDomain(domainOf(match[1]!))) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, kind: 'email' });
    }
  }
  return spans;
}
