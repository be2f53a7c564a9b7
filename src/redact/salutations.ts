// Names nobody listed: the name after a form of address ("Frau Meier", "Herr Dr. Schulz", "Mr. Smith"), the name a
// greeting opens with ("Hallo Michael,", "Hi, Mike!"), the name a sentence ends by addressing ("We're sorry, Rocky.")
// and the name a reply is signed with ("… ^ Tabby", "– Jan"). Support replies call the customer by the name their
// account shows, which the export itself withholds ("Ein Google-Nutzer", a numeric author id). The title, greeting
// or comma stays, the name goes.
import type { Brand } from './brand.js';
import type { Span } from './spans.js';

const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?`;
const TITLED = new RegExp(String.raw`(?<![\p{L}])(?:Herrn?|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|Miss|Mister)\s+(?:(?:Dr|Prof)\.?\s+)?(${NAME}(?:\s+${NAME})?)`, 'gu');
const GREETING = String.raw`(?:Hallo|Hello|Hi|Hey|Dear|Liebe|Lieber|Liebes|Moin|Servus|Grüß Gott|Guten Tag|Guten Morgen|Guten Abend|Sehr geehrte|Sehr geehrter)`;
const GREETED = new RegExp(String.raw`(?<![\p{L}])${GREETING},?\s+(${NAME}(?:\s+${NAME})?)(?=\s*(?:[,!.:;]|$))`, 'gmu');
/** ", Rocky." at a sentence's end: the word before the comma tells an address from a list ("Berlin, Germany."). */
const VOCATIVE = new RegExp(String.raw`([\p{L}\p{N}]+)[!?]?,\s+(${NAME})(?=\s*[.!?](?:\s|$))`, 'gmu');
/** A signature at the very end: "… ^Tabby", "– Jan", "*Kim". */
const SIGNED = new RegExp(String.raw`(?:^|[\s.!?)])[-–—~^*]\s?(${NAME})\s*$`, 'gu');
/** Words a sentence may start with before it addresses someone: "Thanks, Paula!". */
const OPENERS = new Set('Thanks Thank Hi Hey Hello Sorry Congrats Congratulations Welcome Cheers Yes No Okay Ok Sure Danke Hallo Gerne Ja Nein Okay Bye Tschüss Glückwunsch'.split(' '));

/** Words after a title or greeting that are no one's name (a title after a greeting: TITLED takes the name after it). */
const NOBODY = new Set(
  (
    'Herr Herrn Frau Mr Mrs Ms Miss Mister Dr Prof ' +
    'Grüße Gruß Grüsse Team Zusammen Leute Alle Allerseits Community Support Service Kundenservice Kundendienst Damen Herren Freunde Kunde Kundin ' +
    'Kunden Nutzer Nutzerin Nutzerinnen Google Google-Nutzer Entwickler Mitarbeiter Welt Leser Leserin Sie Ihnen Ihr Ihre Dank Vielen Danke Wir Ich Es ' +
    'Everyone Everybody All There Folks Guys Friends Admin Sir Madam Customer Customers User Users Reader Readers World Developer Developers Devs Staff ' +
    'Thanks Thank Please Bitte Morgen Abend Tag Mahlzeit Crew Mannschaft Macher Macherinnen Röster Rösterei Kollegen Kolleginnen Fans Followers ' +
    'Inc Ltd Co Corp GmbH AG Team Yes No Ok Okay Cheers Bye Tschüss Today Tomorrow Tonight Heute Morgen'
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

/** A name a sentence ends by addressing, unless the word before the comma is a name of its own ("Berlin, Germany."). */
function vocatives(text: string, brand: Brand): Span[] {
  return [...text.matchAll(VOCATIVE)].flatMap((match) => {
    const before = match[1]!;
    if (/^\p{Lu}/u.test(before) && !OPENERS.has(before)) return [];
    const name = match[2]!;
    if (NOBODY.has(name) || brand.inName(name)) return [];
    const start = match.index + match[0].length - name.length;
    return [{ start, end: start + name.length, kind: 'name' as const }];
  });
}

/** Every name after a title, opening a greeting, addressed at a sentence's end or signing off, unless it is a word
 * like "Team" or part of the brand's name. */
export function findAddressedNames(text: string, brand: Brand): Span[] {
  const spans: Span[] = [];
  for (const pattern of [TITLED, GREETED, SIGNED]) {
    for (const match of text.matchAll(pattern)) {
      const span = nameSpan(match, brand);
      if (span) spans.push(span);
    }
  }
  return [...spans, ...vocatives(text, brand)];
}
