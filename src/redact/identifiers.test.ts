import { describe, expect, it } from 'vitest';
import { Identifiers } from './identifiers.js';

const ids = new Identifiers([
  ['kaffee_fan_84', 'ID-A'],
  ['kaffee_fan', 'ID-B'],
  ['0004164d20a9e969af783496f3408652', 'ID-C'],
  ['K-1001', 'ID-D'],
  ['Kim Berg 7', 'ID-E'],
  ['1001', 'ID-F'],
]);
const found = (text: string, scope: 'text' | 'message' = 'text') => ids.find(text, scope).map((s) => [text.slice(s.start, s.end), s.replacement]);

describe('known identifiers in a text', () => {
  it('finds an id written bare, whatever its case, the longest where two start alike', () => {
    expect(found('mein Konto ist Kaffee_Fan_84, bitte prüfen')).toEqual([['Kaffee_Fan_84', 'ID-A']]);
    expect(found('und kaffee_fan auch')).toEqual([['kaffee_fan', 'ID-B']]);
    expect(found('order of 0004164d20a9e969af783496f3408652.')).toEqual([['0004164d20a9e969af783496f3408652', 'ID-C']]);
  });

  it('takes an id at the end of a sentence or after a dash, not inside a longer word, address or handle', () => {
    expect(found('Kundennr. k-1001.')).toEqual([['k-1001', 'ID-D']]);
    expect(found('siehe x-K-1001')).toEqual([['K-1001', 'ID-D']]);
    expect(found('kaffee_fan_845 und kaffee_fan_84.de und @kaffee_fan_84 und kaffee_fan_84x')).toEqual([]);
  });

  it('finds ids with other characters by pattern, and short numbers only in thick\u2019s messages', () => {
    expect(found('das war Kim Berg 7 gestern')).toEqual([['Kim Berg 7', 'ID-E']]);
    expect(found('1001 Zeilen')).toEqual([]);
    expect(found('Kunde kaffee_fan_84 hat 2 Zeilen', 'message')).toEqual([['kaffee_fan_84', 'ID-A']]);
  });

  it('finds one id among thousands in a long text', () => {
    const many = new Identifiers(Array.from({ length: 5000 }, (_, i): [string, string] => [`${i.toString(16).padStart(8, '0')}deadbeef${i}`, `ID-${i}`]));
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(2000) + '00000fa0deadbeef4000';
    const spans = many.find(text, 'text');
    expect(spans.map((s) => s.replacement)).toEqual(['ID-4000']);
  });
});
