// IBANs, with or without the usual groups of four ("DE89 3704 0044 0532 0130 00"). Only an IBAN whose check digits
// hold (ISO 13616, mod 97) is masked: an order or tracking number that merely starts with two letters and two
// digits stays readable.
import type { Span } from './spans.js';

/** Two letters, two check digits, then 11 to 30 letters or digits, single spaces allowed between them. */
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![\p{L}\p{N}])/gu;

/** Whether an IBAN (spaces removed) has a plausible length and valid check digits. */
export function isIban(value: string): boolean {
  const iban = value.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * Every valid IBAN in a text. A candidate may run on into the next words ("DE89 3704 … 00 BITTE"), so it is cut
 * back, a group at a time, to the longest stretch that validates.
 */
export function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = match[0];
    const cuts = [candidate.length, ...[...candidate.matchAll(/ /g)].map((space) => space.index)].sort((a, b) => b - a);
    const end = cuts.find((cut) => isIban(candidate.slice(0, cut)));
    if (end !== undefined) spans.push({ start: match.index, end: match.index + end, kind: 'iban' });
  }
  return spans;
}
