// Author names that identify nobody. Review sites and app stores write them for every author who hides their name
// ("Ein Google-Nutzer" on 98 % of one app's Play Store reviews), shops for guests ("Kunde", "Gast"). Joining rows
// by such a name would merge strangers into one customer, so a row by a placeholder author is a customer of its
// own (see link.ts), and the name is kept only to label it.

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
  'N/A', 'NA', 'None', 'null', '-', '–', '?',
];

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
}
