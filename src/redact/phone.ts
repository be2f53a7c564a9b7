// Phone numbers as people write them: international ("+49 170 1234567", "+44 (0)20 7946 0958", "0049 30 123456",
// "+1 (555) 123-4567"), German national ("030 12345678", "0170/1234567", "(089) 12 34 56", "0171-234 56 78") and
// North American ("(555) 123-4567", "555-123-4567"). What must stay is what looks alike: dates ("03/12/2024",
// "01.03.2024"), times, prices, version numbers, and order or customer numbers named as such ("Bestellnummer
// 0123 4567 89"). So a number counts as a phone only when it starts like one (+, 00, 0, or an area code in
// brackets), has as many digits as a phone has, and is not a date, a decimal or a time.
import type { Span } from './spans.js';

/**
 * Digits with the separators phones are written with: space, slash, dash, dot, brackets. Not after a letter, a digit
 * or a decimal comma ("3,0170"); after a comma that separates (a CSV cell, a list) it may start.
 */
const RUN = /(?<![\p{L}\p{N}_#.:/+\-–]|\d,)(?:\+|\(\s*[+0]|0)[\d()\/ .\-–]*\d/gu;
const NORTH_AMERICAN = /(?<![\p{L}\p{N}_#.:/+\-–]|\d,)(?:\(\d{3}\)\s?|\d{3}[.\-])\d{3}[.\-]\d{4}(?![\p{N}]|[.,:]\d)/gu;

/** A longer gap than this between digits ends the number: "030 123456   2 Stück" is two things. */
const GAP = /[ /.\-–()]{4,}|\s{2,}/;
/** A date at the start: "01/03/2024", "1.3.24", "2024-03-01". */
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})(?!\d)/;

/** Words right before a number that make it a phone number, whatever else is near. */
const PHONE_CUE = /(?<![\p{L}])(?:(?:tel|telefon|phone|fon|mobil|handy|cell|fax|whats ?app|rufnummer)\w*\.?(?:[ -]?(?:nr|nummer|number|no)\.?)?|anruf\w*|ruf\w* (?:mich |uns )?(?:an|unter)|call\w*(?: me| us)?(?: at| on)?|erreichbar unter|unter)\s*[:.]?\s*$/iu;
/**
 * Words right before a number that make it a reference of another kind: order, invoice, customer number … A bare
 * "Nummer" says nothing either way ("meine Nummer 0176…").
 */
const REFERENCE_CUE = /(?<![\p{L}])(?:bestell\w*|auftrag\w*|order\w*|rechnung\w*|invoice|ticket\w*|case|vorgang\w*|sendung\w*|tracking\w*|paket\w*|kunden\w*|vertrag\w*|zähler\w*|konto\w*|account|referen\w*|aktenzeichen|plz|postleitzahl|nr\.?|no\.?|#)\s*[:.]?\s*#?\s*$/iu;

const digitCount = (value: string): number => value.replace(/\D/g, '').length;

/** The number as far as it goes before a long gap, without separators at its end. */
function cutAtGap(run: string): string {
  const gap = GAP.exec(run);
  return (gap ? run.slice(0, gap.index) : run).replace(/[^\d)]+$/, '');
}

/**
 * Service numbers are a company's, not a person's: German 0800, 0180x, 0900, 0137/0138 (also after +49 or 0049), the
 * free 0800 of other countries, Japan's 0120.
 */
const SERVICE = /^(?:\+49|0049)?0?(?:800|180|900|13[78]|120)/;
/** North American toll-free area codes: a company's line. */
const TOLL_FREE = /^\(?8(?:00|88|77|66|55|44|33)/;

/** Whether a candidate (cut, as written) has the shape of a person's phone number. */
export function phoneShaped(candidate: string): boolean {
  if (SERVICE.test(candidate.replace(/[^\d+]/g, ''))) return false;
  // A date first: "0001-01-01" (an implausible date a warning quotes) starts with 00 like an international number.
  if (DATE.test(candidate.replace(/^\(/, ''))) return false;
  const digits = digitCount(candidate);
  const international = /^(?:\+|\(\s*\+|00)/.test(candidate);
  if (international) return digits >= 8 && digits <= 17;
  // National: a dot is a date's or a price's, not a German phone number's.
  if (candidate.includes('.')) return false;
  return digits >= 9 && digits <= 13;
}

/**
 * Whether what stands right after the number makes it part of something else: "…12:30", "…,50 €", "…5%". A comma
 * before a date or a longer number separates ("0157 5550111,31.02.2024" in a CSV row).
 */
const continues = (text: string, end: number): boolean => /^(?:[.:]\d|,\d{1,2}(?![\d.])|\d|\s?%)/.test(text.slice(end, end + 4));

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
    const cut = cutAtGap(match[0]);
    // "(0171 5550123)": the bracket that opens a number only when it also closes in it.
    const candidate = cut.startsWith('(') && !cut.includes(')') ? cut.slice(1) : cut;
    const start = match.index + cut.length - candidate.length;
    const end = start + candidate.length;
    if (continues(text, end)) continue;
    const context = decidedByContext(text, start);
    if (context === 'other' || !phoneShaped(candidate)) continue;
    spans.push({ start, end, kind: 'phone' });
  }
  for (const match of text.matchAll(NORTH_AMERICAN)) {
    if (decidedByContext(text, match.index) !== 'other' && !TOLL_FREE.test(match[0])) spans.push({ start: match.index, end: match.index + match[0].length, kind: 'phone' });
  }
  return spans;
}
