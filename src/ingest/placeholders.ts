// Author names that identify nobody. Review sites and app stores write them for every author who hides their name
// ("Ein Google-Nutzer" on 98 % of one app's Play Store reviews), shops for guests ("Kunde", "Gast"). Joining rows
// by such a name would merge strangers into one customer, so a row by a placeholder author is a customer of its
// own (see link.ts), and the name is kept only to label it. The same goes for the values exports write into an id
// or e-mail column for nobody ("N/A", "0", "-", "keine@angabe.de").

/** Written in NFC and compared case-insensitively with runs of spaces collapsed (placeholderKey). */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  // German
  'Kunde', 'Kundin', 'Ein Kunde', 'Eine Kundin', 'Kunde/in', 'Kund*in', 'Gast', 'Gastkunde', 'Nutzer', 'Nutzerin', 'Benutzer',
  'Ein Nutzer', 'Eine Nutzerin', 'Ein Google-Nutzer', 'Eine Google-Nutzerin', 'Google-Nutzer', 'Anonym', 'Anonymer Nutzer',
  'Anonymer Benutzer', 'Anonymer Kunde', 'Unbekannt', 'Verifizierter Käufer', 'Verifizierte Käuferin', 'Käufer', 'Käuferin',
  'Gelöschter Nutzer', 'Privatperson', 'Keine Angabe', 'k.A.',
  // English
  'Customer', 'A Customer', 'Guest', 'User', 'A User', 'A Google user', 'Google user', 'Amazon Customer', 'Anonymous',
  'Anonymous User', 'Anonymous Customer', 'Anon', 'Unknown', 'Unknown User', 'Verified Buyer', 'Verified Customer',
  'Verified Purchaser', 'Verified Reviewer', 'Buyer', 'Reviewer', 'Deleted User', '[deleted]',
  // What spreadsheets and databases write for "no value", in a name, id or e-mail column alike
  'N/A', '#N/A', 'n.a.', 'NA', 'None', 'null', 'nil', 'undefined', 'NaN', '-', '--', '–', '?', '(none)', '(blank)', 'keine',
  'k. A.', 'ohne',
];

/** Ids that stand for nobody: zeros ("0", "000", "0.0") and -1, as databases write a missing reference. */
const NOBODY_ID = /^(?:0+(?:[.,]0+)?|-1)$/;

/** The local part of an e-mail address that says there is none: "keine@…", "noreply@…", "n/a@…". */
const NOBODY_MAILBOX = /^(?:n\/?a|none|null|keine|keine-?angabe|unknown|unbekannt|no-?e?-?mail|no-?reply|do-?not-?reply|donotreply)$/;

/** The form placeholders are compared in: NFC, lower case, single spaces, trimmed. */
export function placeholderKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}

/** A set of placeholder names: the defaults plus the user's own (--placeholder, repeatable). */
export class Placeholders {
  private readonly keys: ReadonlySet<string>;

  constructor(extra: readonly string[] = []) {
    this.keys = new Set([...DEFAULT_PLACEHOLDERS, ...extra].map(placeholderKey));
  }

  /** Whether `name` is a placeholder that must never join records. */
  has(name: string): boolean {
    return this.keys.has(placeholderKey(name));
  }

  /**
   * Whether a value in an id or e-mail column identifies nobody: a placeholder ("N/A", "-", "unknown", a name on the
   * list), an id of zeros or -1, or an address like keine@angabe.de. Joining by it would merge strangers.
   */
  isNobodyKey(value: string): boolean {
    const key = placeholderKey(value);
    if (this.keys.has(key) || NOBODY_ID.test(key)) return true;
    const at = key.lastIndexOf('@');
    return at > 0 && NOBODY_MAILBOX.test(key.slice(0, at));
  }
}
