import { describe, expect, it } from 'vitest';
import { Brand } from './brand.js';
import { findAddressedNames } from './salutations.js';
import { applySpans } from './spans.js';

const mask = (text: string, brand = new Brand()): string => applySpans(text, findAddressedNames(text, brand), () => '[name]');

describe('names after a title or a greeting', () => {
  it.each([
    ['Hallo Herr Meier, danke', 'Hallo Herr [name], danke'],
    ['Sehr geehrte Frau Dr. Schulz-Brandt,', 'Sehr geehrte Frau Dr. [name],'],
    ['Dear Mrs. Smith and Mr Jones.', 'Dear Mrs. [name] and Mr [name].'],
    ['Hallo Michael,\nwir bedauern', 'Hallo [name],\nwir bedauern'],
    ['Hi Anna Berg!', 'Hi [name]!'],
    ['Liebe Jana: danke', 'Liebe [name]: danke'],
    ['Hallo Herr Meier Sie haben recht', 'Hallo Herr [name] Sie haben recht'],
  ])('masks %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each(['Hallo Team, Hallo zusammen!', 'Liebe Grüße, Lieber Kundenservice,', 'Sehr geehrte Damen und Herren,', 'Hi there, Hello Everyone!', 'Hallo Michael wie geht es'])(
    'leaves %j alone',
    (text) => {
      expect(mask(text)).toBe(text);
    },
  );

  it("leaves the brand's name alone", () => {
    expect(mask('Hi Delta, my bag is lost', new Brand(['Delta']))).toBe('Hi Delta, my bag is lost');
    expect(mask('Hello Amazon!', new Brand(['AmazonHelp']))).toBe('Hello Amazon!');
  });
});

describe('names addressed at a sentence’s end or signing off', () => {
  it.each([
    ["We're sorry for the wait today, Rocky. Please DM us.", "We're sorry for the wait today, [name]. Please DM us."],
    ['Hi, Mike! We post content as received.', 'Hi, [name]! We post content as received.'],
    ['Thanks, Paula!', 'Thanks, [name]!'],
    ['Glad you like it ^Tabby', 'Glad you like it ^[name]'],
    ['Wir melden uns. – Jan', 'Wir melden uns. – [name]'],
  ])('masks %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each(['We ship from Berlin, Germany.', 'Baker Street, London.', 'Thanks, Team!', 'Acme, Inc.', 'Coca-Cola'])('leaves %j alone', (text) => {
    expect(mask(text)).toBe(text);
  });
});
