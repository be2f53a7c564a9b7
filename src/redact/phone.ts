// Phone numbers as people write them: international ("+49 170 1234567", "+44 (0)20 7946 0958", "0049 30 123456",
// "+1 (555) 123-4567"), German national ("030 12345678", "0170/1234567", "(089) 12 34 56", "0171-234 56 78") and
// North American ("(555) 123-4567", "555-123-4567"). What must stay is what looks alike: dates ("03/12/2024",
// "01.03.2024"), times, prices, version numbers, and order or customer numbers named as such ("Bestellnummer
// 0123 4567 89"). So a number counts as a phone only when it starts like one (+, 00, 0, or an area code in
// brackets), has as many digits as a phone has, and is not a date, a decimal or a time.
import type { Span } from './spans.js';

/** Digits with the separators phones are written with: space, slash, dash, dot, brackets. */
const RUN = /(?<![\p{L}\p{N}_#.,:/+\-–])(?:\+|\(\s*[+0]|0)[\d()\/ .\-–]*\d/gu;
const NORTH_AMERICAN = /(?<![\p{L}\p{N}_#.,:/+\-–])(?:\(\d{3}\)\s?|\d{3}[.\-])\d{3}[.\-]\d{4}(?![\p{N}]|[.,:]\d)/gu;

/** A longer gap than this between digits ends the number: "030 123456   2 Stück" is two things. */
const GAP = /[ /.\-–()]{4,}|\s{2,}/;
/** A date at the start: "01/03/2024", "1.3.24", "2024-03-01". */
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})(?!\d)/;

/** Words right before a number that make it a phone number, whatever else is near. */
const PHONE_CUE = /(?:(?:tel|telefon|phone|fon|mobil|handy|cell|fax|whats ?app|rufnummer)\w*\.?(?:[ -]?(?:nr|nummer|number|no)\.?)?|anruf\w*|ruf\w* (?:mich |uns )?(?:an|unter)|call\w*(?: me| us)?(?: at| on)?|erreichbar unter|unter)\s*[:.]?\s*$/iu;
/** Words right before a number that make it a reference of another kind: order, invoice, customer number … */
const REFERENCE_CUE = /(?:bestell\w*|auftrag\w*|order\w*|rechnung\w*|invoice|ticket\w*|case|vorgang\w*|sendung\w*|tracking\w*|paket\w*|kunden\w*|vertrag\w*|zähler\w*|konto\w*|account|referen\w*|aktenzeichen|plz|postleitzahl|nr\.?|no\.?|nummer|number|#)\s*[:.]?\s*#?\s*$/iu;

const digitCount = (value: string): number => value.replace(/\D/g, '').length;

/** The number as far as it goes before a long gap, without separators at its end. */
function cutAtGap(run: string): string {
  const gap = GAP.exec(run);
  return (gap ? run.slice(0, gap.index) : run).replace(/[^\d)]+$/, '');
}

/** Whether a candidate (cut, as written) has the shape of a phone number. */
export function phoneShaped(candidate: string): boolean {
  const digits = digitCount(candidate);
  const international = /^(?:\+|\(\s*\+|00)/.test(candidate);
  if (international) return digits >= 8 && digits <= 17;
  // National: a dot is a date's or a price's, not a German phone number's.
  if (candidate.includes('.') || DATE.test(candidate.replace(/^\(/, ''))) return false;
  return digits >= 9 && digits <= 13;
}

/** Whether what stands right after the number makes it part of something else: "…12:30", "…,50 €", "…5%". */
const continues = (text: string, end: number): boolean => /^(?:[.,:]\d|\d|\s?%)/.test(text.slice(end, end + 3));

function decidedByContext(text: string, start: number): 'phone' | 'other' | null {
  const before = text.slice(Math.max(0, start - 30), start);
  if (PHONE_CUE.test(before)) return 'phone';
  if (REFERENCE_CUE.test(before)) return 'other';
  return null;
}

/** Every phone number in a text. */
export function findPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(RUN)) {
    const candidate = cutAtGap(match[0]);
    const end = match.index + candidate.length;
    if (continues(text, end)) continue;
    const context = decidedByContext(text, match.index);
    if (context === 'other' || !phoneShaped(candidate)) continue;
    spans.push({ start: match.index, end, kind: 'phone' });
  }
  for (const match of text.matchAll(NORTH_AMERICAN)) {
    if (decidedByContext(text, match.index) !== 'other') spans.push({ start: match.index, end: match.index + match[0].length, kind: 'phone' });
  }
  return spans;
}
