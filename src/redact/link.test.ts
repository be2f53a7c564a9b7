import { describe, expect, it } from 'vitest';
import { Brand } from './brand.js';
import { findLinks } from './link.js';
import { applySpans } from './spans.js';

const mask = (text: string, brand = new Brand()): string => applySpans(text, findLinks(text, brand), () => '[link]');

describe('links', () => {
  it.each([
    ['Foto: https://t.co/AbC123xyz.', 'Foto: [link].'],
    ['mein Profil instagram.com/anna.k und facebook.com', 'mein Profil [link] und [link]'],
    ['see https://example.org/users/anna-berg?ref=mail', 'see [link]'],
    ['Bestellung: https://shop.example/order?email=anna%40example.org', 'Bestellung: [link]'],
    ['kurz: bit.ly/3xYzAb', 'kurz: [link]'],
    ['(https://de.wikipedia.org/wiki/Kaffee_(Getränk))', '([link])'],
    ['Profil https://www.linkedin.com', 'Profil [link]'],
    ['blog at kim.github.io', 'blog at [link]'],
  ])('masks %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each(['gekauft bei www.dm.de und amazon.com', 'https://example.org/', 'z.B. im Laden, d.h. vor Ort', 'Version 2.3.1', 'tickets.csv:12'])('leaves %j alone', (text) => {
    expect(mask(text)).toBe(text);
  });

  it("keeps the brand's own pages unless a query could carry someone's data", () => {
    const brand = new Brand(['eon']);
    expect(mask('Infos: https://www.eon.de/de/pk/service.html und https://www.eon.de/login?user=anna', brand)).toBe('Infos: https://www.eon.de/de/pk/service.html und [link]');
  });
});

describe('product pages', () => {
  it('stay when a shop links a product by its catalogue number, and nothing else follows', () => {
    expect(mask('<a href="http://www.amazon.com/gp/product/B000OUOYH6">')).toBe('<a href="http://www.amazon.com/gp/product/B000OUOYH6">');
    expect(mask('http://www.amazon.com/gp/product/B000OUOYH6?tag=anna-21')).toBe('[link]');
  });
});
