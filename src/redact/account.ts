// Customer, contract and account numbers named as such ("Kundennummer 123456789", "Vertragskonto: 4000 1234 56",
// "account no. A-10023"): they identify the person at the company as surely as a name. The label stays, the number
// goes. Order, invoice and tracking numbers identify an order, not a person, and stay (phone.ts leaves them too).
import type { Span } from './spans.js';

const NUMBER_WORD = String.raw`(?:nummer|nr\.?|number|no\.?|id|#)`;
/** "Kundennummer", "customer no."; an account ("Vertragskonto", "Kundenkonto") needs no number word. */
const LABEL = String.raw`(?:(?:kunden|vertrags|zähler|mitglieds|versicherten|konto|customer|account|member(?:ship)?|contract|meter|loyalty|card)[\s-]?${NUMBER_WORD}|(?:vertrags|kunden)konto(?:[\s-]?${NUMBER_WORD})?)`;
const ACCOUNT = new RegExp(String.raw`(?<![\p{L}])${LABEL}\s*[:.]?\s*#?\s*([\p{L}]{0,3}[\s-]?\d[\d\s-]{2,}\d)(?![\p{N}])`, 'giu');

/** Every number after a customer, contract or account label: the number, not the label. */
export function findAccounts(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(ACCOUNT)) {
    const number = match[1]!.trimEnd();
    const start = match.index + match[0].length - match[1]!.length;
    spans.push({ start, end: start + number.length, kind: 'account' });
  }
  return spans;
}
