import { describe, expect, it } from 'vitest';
import { decode, sampleFieldCounts, sniffDelimiter } from './sniff.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const body = Buffer.from(s, 'utf16le');
  if (endian === 'be') body.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? [...mark, ...body] : [...body]);
}

describe('decode', () => {
  it('reads plain UTF-8', () => {
    expect(decode(utf8('Name;Stadt\nJürgen;Köln'))).toEqual({ text: 'Name;Stadt\nJürgen;Köln', encoding: 'utf-8' });
  });

  it('strips the UTF-8 BOM and says it was there', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,name')]);
    expect(decode(bytes)).toEqual({ text: 'id,name', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with BOM (Excel "Unicode text"), BOM stripped', () => {
    const text = 'Kunde\tNotiz\n1\tGrüße 😀';
    expect(decode(utf16(text, 'le'))).toEqual({ text, encoding: 'utf-16le' });
    expect(decode(utf16(text, 'be'))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    const text = 'id,name\n1,Anna';
    expect(decode(utf16(text, 'le', false))).toEqual({ text, encoding: 'utf-16le' });
    expect(decode(utf16(text, 'be', false))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (German Excel)', () => {
    // "Müller;Straße;5 €" in Windows-1252: ü=FC, ß=DF, €=80
    const bytes = new Uint8Array([
      0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x3b, 0x35, 0x20, 0x80,
    ]);
    expect(decode(bytes)).toEqual({ text: 'Müller;Straße;5 €', encoding: 'windows-1252' });
  });

  it('maps Windows-1252 punctuation in 0x80–0x9F (not Latin-1 control characters)', () => {
    const bytes = new Uint8Array([0x84, 0x61, 0x93, 0x20, 0x94, 0x96, 0x80, 0x92, 0x85, 0x9f, 0xe4]);
    expect(decode(bytes)).toEqual({ text: '\u201ea\u201c \u201d\u2013\u20ac\u2019\u2026\u0178\u00e4', encoding: 'windows-1252' });
  });

  it('keeps a U+FEFF that is not at the start', () => {
    expect(decode(utf8('a\uFEFFb')).text).toBe('a\uFEFFb');
  });

  it('decodes an empty file as empty UTF-8', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('sniffDelimiter', () => {
  it('finds each of , ; tab |', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('is not fooled by commas in the text of a ;-file (German decimals, prose)', () => {
    const text = 'Kunde;Betrag;Notiz\n1;12,50;Hallo, wie geht es, gut?\n2;3,10;ja, nein\n3;1,00;ok\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('ignores delimiters inside quoted fields, including quoted line breaks', () => {
    const text = 'id,text\n1,"a;b;c;d"\n2,"x;\ny;z"\n3,"p;q"\n';
    expect(sniffDelimiter(text)).toBe(',');
  });

  it('prefers the candidate whose field count stays consistent with the header', () => {
    // ',' splits the header into 2 but the rows into 3 and 4; ';' gives 2 everywhere.
    const text = 'name, first;city\nMüller, Hans, Dr.;Köln\nMeier, Eva, Prof., em.;Bonn\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('falls back to , when no candidate splits the header', () => {
    expect(sniffDelimiter('text\nhello\nworld\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });

  it('skips leading blank lines to find the header', () => {
    expect(sniffDelimiter('\n\r\n  \na|b\n1|2\n')).toBe('|');
  });
});

describe('sampleFieldCounts', () => {
  it('counts fields per record, respecting quotes and CRLF', () => {
    expect(sampleFieldCounts('a,b\r\n"x,""y""",2\r\n\r\n1,2,3', ',', 10)).toEqual([2, 2, 3]);
  });

  it('stops after the limit', () => {
    expect(sampleFieldCounts('a\nb\nc\nd', ',', 2)).toEqual([1, 1]);
  });
});
