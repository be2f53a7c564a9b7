import { describe, expect, it } from 'vitest';
import { findAddresses } from './address.js';
import { applySpans } from './spans.js';

const mask = (text: string): string => applySpans(text, findAddresses(text), () => '[address]');

describe('street addresses', () => {
  it.each([
    ['Lieferung an Musterstraße 12, bitte', 'Lieferung an [address], bitte'],
    ['wohne Hauptstr. 5a seit Jahren', 'wohne [address] seit Jahren'],
    ['Hauptstr.5', '[address]'],
    ['Karl-Marx-Allee 90', '[address]'],
    ['Berliner Straße 12-14, 20095 Hamburg.', '[address].'],
    ['Am Markt 3 in Kiel', '[address] in Kiel'],
    ['An der Alster 12 b', '[address]'],
    ['Lindenweg 3, 24103 Kiel', '[address]'],
    ['ship to 221B Baker Street, London', 'ship to [address], London'],
    ['12 Elm St. Apt 4B', '[address]'],
    ['4 Privet Drive', '[address]'],
  ])('masks %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each([
    'Der Rückweg 2 Stunden, der Umweg 3 Tage',
    'Am Ende 2 Sterne',
    'Im Januar 3 mal bestellt',
    'Im Jahr 2023 und am Montag 12 Pakete',
    'Am Telefon 2 Mal vertröstet',
    'Parkplatz 2 Minuten entfernt',
    'I gave it 5 Stars',
    'drank 3 Dr Pepper',
    'bought 12 bags',
    'Straße gesperrt, 3 Tage',
  ])('leaves %j alone', (text) => {
    expect(mask(text)).toBe(text);
  });
});

describe('a number before a noun', () => {
  it('counts it: "Vor dem Wechsel 20 Überweisungen" is no address, "Am Markt 3 Kiel"… is one only with a postcode', () => {
    expect(mask('Vor dem Wechsel 20 Überweisungen')).toBe('Vor dem Wechsel 20 Überweisungen');
    expect(mask('Am Markt 3, 24103 Kiel')).toBe('[address]');
  });
});
