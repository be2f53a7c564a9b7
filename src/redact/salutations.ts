// Names nobody listed: the name after a form of address ("Frau Meier", "Herr Dr. Schulz", "Mr. Smith") and the name a
// greeting opens with ("Hallo Michael,", "Dear Ann!"). App-store replies greet the reviewer by the name their
// account shows, which the export itself withholds ("Ein Google-Nutzer"). The title or greeting stays, the name goes.
import type { Brand } from './brand.js';
import type { Span } from './spans.js';

const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?`;
const TITLED = new RegExp(String.raw`(?<![\p{L}])(?:Herrn?|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|Miss|Mister)\s+(?:(?:Dr|Prof)\.?\s+)?(${NAME}(?:\s+${NAME})?)`, 'gu');
const GREETING = String.raw`(?:Hallo|Hello|Hi|Hey|Dear|Liebe|Lieber|Liebes|Moin|Servus|Grüß Gott|Guten Tag|Guten Morgen|Guten Abend|Sehr geehrte|Sehr geehrter)`;
const GREETED = new RegExp(String.raw`(?<![\p{L}])${GREETING}\s+(${NAME}(?:\s+${NAME})?)(?=\s*(?:[,!.:;]|$))`, 'gmu');

/** Words after a title or greeting that are no one's name. */
const NOBODY = new Set(
  (
    'Grüße Gruß Grüsse Team Zusammen Leute Alle Allerseits Community Support Service Kundenservice Kundendienst Damen Herren Freunde Kunde Kundin ' +
    'Kunden Nutzer Nutzerin Nutzerinnen Google Google-Nutzer Entwickler Mitarbeiter Welt Leser Leserin Sie Ihnen Ihr Ihre Dank Vielen Danke Wir Ich Es ' +
    'Everyone Everybody All There Folks Guys Friends Admin Sir Madam Customer Customers User Users Reader Readers World Developer Developers Devs Staff ' +
    'Thanks Thank Please Bitte Morgen Abend Tag Mahlzeit Crew Mannschaft Macher Macherinnen Röster Rösterei Kollegen Kolleginnen Fans Followers'
  ).split(' '),
);

/** A found name, cut to the words that can be a name: the second word goes when it is a common word ("Meier Sie"). */
function nameSpan(match: RegExpMatchArray, brand: Brand): Span | null {
  const words = match[1]!.split(/\s+/);
  if (NOBODY.has(words[0]!) || brand.inName(words[0]!)) return null;
  const kept = words.length > 1 && (NOBODY.has(words[1]!) || brand.inName(words[1]!)) ? words[0]! : match[1]!;
  const start = match.index! + match[0].length - match[1]!.length;
  return { start, end: start + kept.length, kind: 'name' };
}

/** Every name after a title or opening a greeting, unless it is a word like "Team" or part of the brand's name. */
export function findAddressedNames(text: string, brand: Brand): Span[] {
  const spans: Span[] = [];
  for (const pattern of [TITLED, GREETED]) {
    for (const match of text.matchAll(pattern)) {
      const span = nameSpan(match, brand);
      if (span) spans.push(span);
    }
  }
  return spans;
}
