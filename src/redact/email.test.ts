import { describe, expect, it } from 'vitest';
import { Brand } from './brand.js';
import { findEmails } from './email.js';
import { applySpans } from './spans.js';

const mask = (text: string, brand = new Brand()): string => applySpans(text, findEmails(text, brand), () => '[e-mail]');

describe('e-mail addresses', () => {
  it.each([
    ['Schreib an anna.berg@example.org!', 'Schreib an [e-mail]!'],
    ['jürgen.müller@beispiel-mail.de', '[e-mail]'],
    ['(kim+shop@mail.example.co.uk)', '([e-mail])'],
    ['anna (at) example (dot) de', '[e-mail]'],
    ['anna[at]example.de und ben{at}example.org', '[e-mail] und [e-mail]'],
    ['anna at example dot de', '[e-mail]'],
  ])('masks %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each(['look at amazon.com', 'Treffen @ 5 Uhr', 'wir sind @home', 'a@b', 'Preis: 5@2€'])('leaves %j alone', (text) => {
    expect(mask(text)).toBe(text);
  });

  it("keeps the brand's own addresses", () => {
    const brand = new Brand(['nordlichtkaffee']);
    expect(mask('Schreibt an service@nordlicht-kaffee.de oder anna@example.org', brand)).toBe('Schreibt an service@nordlicht-kaffee.de oder [e-mail]');
  });
});

describe('an address at a sentence’s end', () => {
  it('ends before the next sentence when no space follows the dot', () => {
    expect(mask('an anna@example.de.Gern geschehen')).toBe('an [e-mail].Gern geschehen');
    expect(mask('write to service@eon.de.Gern', new Brand(['eon']))).toBe('write to service@eon.de.Gern');
  });
});

describe('a spelled-out address', () => {
  it('is one only in lower case: "only at Target dot com" is a shop', () => {
    expect(mask('only at Target dot com at 7 AM')).toBe('only at Target dot com at 7 AM');
  });
});
