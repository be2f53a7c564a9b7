// Street addresses. German: a street name ending in a street word ("Musterstraße 12", "Hauptstr. 5a",
// "Karl-Marx-Allee 90"), a street word after a name ("Berliner Straße 12", "Alter Markt 3"), or a preposition and a
// name ("Am Markt 3", "An der Alster 12"); English: number first ("221B Baker Street", "12 Elm St."). A postcode and
// town right after the street go with it ("…, 20095 Hamburg"). What looks alike but is none stays: a count after a
// word ("Rückweg 2 Stunden", "Am Ende 2 Sterne", "Im Januar 3 mal"), a year ("Im Jahr 2023").
import type { Span } from './spans.js';

const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
/** "12", "12a", "12 a", "12-14", "5/7": a house number, never a year (at most three digits and a letter). */
const HOUSE = String.raw`\d{1,3}(?:\s?[a-zA-Z](?![\p{L}]))?(?:\s?[-/]\s?\d{1,3}(?:\s?[a-zA-Z](?![\p{L}]))?)?`;
/** What follows a house number: no further digits, no decimal, no unit that makes it a count. */
const UNITS = String.raw`(?:stunden|std|tage?n?|wochen?|monate?n?|jahre?n?|minuten|min|sekunden|sek|mal|x|euro|eur|cent|ct|kg|g|km|m|cm|mm|l|ml|h|uhr|stück|stk|sterne?n?|punkte?|prozent|pakete?|packungen|flaschen|tassen|dosen|bestellungen|hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|times|stars?|points?|items?|pcs|boxes|bags|cups|cans|bottles|packs?|oz|lbs?|dollars?|bucks)`;
const AFTER = String.raw`(?![\p{N}]|[.,]\d)`;
/** A unit right after the number makes it a count, not a house number; any case ("2 Stunden", "3 Mal"). */
const COUNT = new RegExp(String.raw`^\s*(?:%|€|\$|£|${UNITS}(?![\p{L}]))`, 'iu');
/** ", 20095 Hamburg", " 80331 München" */
const TOWN = String.raw`(?:,?\s*\d{5}\s+${NAME}(?:[ -](?:am|an der|im|in|ob der|bei|\/)[ -]?${NAME})?)?`;

const STREET_END = String.raw`(?:[Ss]tra(?:ß|ss)e|[Ss]tr\.|[Ww]eg|[Gg]asse|[Aa]llee|[Pp]latz|[Rr]ing|[Dd]amm|[Uu]fer|[Cc]haussee|[Pp]fad|[Ss]teig|[Ss]tieg|[Gg]raben|[Ww]all|[Kk]amp|[Tt]wiete|[Pp]romenade|[Zz]eile)`;
const STREET_WORD = String.raw`(?:Stra(?:ß|ss)e|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Chaussee|Pfad|Steig|Markt|Graben|Wall|Kamp|Twiete|Promenade)`;
const GERMAN_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}\p{M}-]*?${STREET_END}|${NAME}\s+${STREET_WORD})(?:(?<=\.)\s*|\s+)${HOUSE})${AFTER}${TOWN}`,
  'gu',
);

const PREPOSITION = String.raw`(?:Am|An der|An den|Auf der|Auf dem|Auf den|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Hinter dem|Vor dem|Beim|Alt)`;
const PREPOSITIONAL = new RegExp(String.raw`(?<![\p{L}\p{N}])(${PREPOSITION}\s+(${NAME}(?:\s+${NAME})?)\s+${HOUSE})${AFTER}${TOWN}`, 'gu');
/** Names after "Am", "Im" … that are times, amounts or things, not streets: "Im Jahr 2", "Am Ende 2 Sterne". */
const NOT_STREETS = new Set(
  (
    'Anfang Ende Jahr Jahre Monat Tag Tage Woche Wochenende Moment Augenblick Schnitt Durchschnitt Grunde Prinzip Vergleich Rahmen Laufe Voraus ' +
    'Nachhinein Allgemeinen Großen Ganzen Endeffekt Internet Netz Shop Laden Supermarkt Warenkorb Konto Vertrag Telefon Chat Paket Karton Sommer Winter ' +
    'Herbst Frühjahr Frühling Januar Februar März April Mai Juni Juli August September Oktober November Dezember Montag Dienstag Mittwoch Donnerstag ' +
    'Freitag Samstag Sonnabend Sonntag Morgen Abend Mittag Vormittag Nachmittag Schluss Stück Moment Test Vorjahr Jahresvergleich Zeitraum Alter Preis'
  ).split(' '),
);

const STREET_SUFFIX = String.raw`(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Way|Court|Ct\.?|Place|Pl\.?|Square|Sq\.?|Terrace|Close|Crescent|Parkway|Pkwy\.?|Highway|Hwy\.?|Row|Mews|Gardens)`;
const ENGLISH_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?\s+(?:${NAME}\.?\s+){1,3}${STREET_SUFFIX}(?![\p{L}])(?:,?\s+(?:Apt\.?|Apartment|Suite|Unit|Flat|#)\s*[\p{L}\p{N}-]+)?`,
  'gu',
);

/** Every street address in a text. */
export function findAddresses(text: string): Span[] {
  const spans: Span[] = [];
  const add = (match: RegExpMatchArray) => spans.push({ start: match.index!, end: match.index! + match[0].length, kind: 'address' });
  // Group 1 ends with the house number: what follows it tells a count from an address.
  const isCount = (match: RegExpMatchArray) => COUNT.test(text.slice(match.index! + match[1]!.length));
  for (const match of text.matchAll(GERMAN_STREET)) if (!isCount(match)) add(match);
  for (const match of text.matchAll(PREPOSITIONAL)) {
    // "Vor dem Wechsel 20 Überweisungen": a number before a noun counts it; a house number ends the street.
    const noun = match[0].length === match[1]!.length && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(match.index! + match[0].length));
    if (!isCount(match) && !noun && !match[2]!.split(/\s+/).some((word) => NOT_STREETS.has(word))) add(match);
  }
  for (const match of text.matchAll(ENGLISH_STREET)) add(match);
  return spans;
}
