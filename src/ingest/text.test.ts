import { describe, expect, it } from 'vitest';
import { customerText, decodeMarkup, joinedId, titleAndBody } from './text.js';

describe('decodeMarkup', () => {
  it('decodes named, decimal and hex entities and <br> line breaks, so quotes read as written', () => {
    expect(decodeMarkup('Tea &amp; cake &gt; coffee')).toBe('Tea & cake > coffee');
    expect(decodeMarkup('The &#34;best before&#34; date &#x2013; gone')).toBe('The "best before" date – gone');
    expect(decodeMarkup('Gr&uuml;&szlig;e<br />Zweite Zeile<br>dritte<BR/>vierte')).toBe('Grüße\nZweite Zeile\ndritte\nvierte');
    expect(decodeMarkup('80&deg;C, 5&nbsp;min')).toBe('80°C, 5\u00a0min');
  });

  it('decodes once: what the author typed as an entity stays one', () => {
    expect(decodeMarkup('write &amp;gt; for >')).toBe('write &gt; for >');
  });

  it('leaves what is no entity alone: a bare ampersand, unknown names, hearts, impossible code points', () => {
    expect(decodeMarkup('AT&T <3 R&D &nosuch; &#0; &#xD800; &#1114112;')).toBe('AT&T <3 R&D &nosuch; &#0; &#xD800; &#1114112;');
  });
});

describe('customerText and titleAndBody', () => {
  it('trims decoded text and treats an empty cell as no text', () => {
    expect(customerText('  Hallo&nbsp;<br />  ')).toBe('Hallo');
    expect(customerText('<br />')).toBeUndefined();
    expect(customerText(undefined)).toBeUndefined();
  });

  it('puts a review title before its body, once', () => {
    expect(titleAndBody('Lovely first flush', 'Bright and floral.')).toBe('Lovely first flush. Bright and floral.');
    expect(titleAndBody('Nie wieder!', 'Kaputt.')).toBe('Nie wieder! Kaputt.');
    expect(titleAndBody('MT lindo', 'MT lindo')).toBe('MT lindo');
    expect(titleAndBody(undefined, 'only body')).toBe('only body');
    expect(titleAndBody('only title', undefined)).toBe('only title');
  });
});

describe('joinedId', () => {
  it('gives the id back character for character, composed or not', () => {
    const decomposed = 'Bewertungen-U\u0308bersicht.csv';
    for (const id of [`exports/orders.csv:${1234}`, `${decomposed}:${12}`, `twitter:${'\ud83d'}x${99}`, `ticket:${'e\u0301'}`]) {
      expect(joinedId(id)).toBe(id);
      expect(joinedId(id).length).toBe(id.length);
    }
  });
});
