import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, isMostlyUtf8, sampleFieldCounts, sniffDelimiter } from './sniff.js';

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

  it('reads a mostly-UTF-8 file line by line, naming the lines read as Windows-1252', () => {
    // Line 3 has a stray Windows-1252 "€" (0x80) pasted into an otherwise UTF-8 file.
    const bytes = new Uint8Array([...utf8('id;text\n1;Grüße\n2;nur 5 '), 0x80, ...utf8('\n3;schön\n')]);
    expect(decode(bytes)).toEqual({ text: 'id;text\n1;Grüße\n2;nur 5 €\n3;schön\n', encoding: 'utf-8', fallbackLines: [3] });
  });

  it('counts lines as the table reader does (CRLF, LF and a lone CR)', () => {
    const bytes = new Uint8Array([...utf8('ä\r\nb\rc'), 0xfc, ...utf8('\nd'), 0x84, ...utf8('\r\nö')]);
    expect(decode(bytes)).toEqual({ text: 'ä\r\nb\rcü\nd„\r\nö', encoding: 'utf-8', fallbackLines: [3, 4] });
  });

  it('keeps reading a Windows-1252 file whole when only a chance byte pair is valid UTF-8', () => {
    // "Gruß…" is DF 85: a valid UTF-8 pair by chance, but on the same line as the invalid "ü" (FC).
    const bytes = new Uint8Array([0x47, 0x72, 0xfc, 0x6e, 0x20, 0x47, 0x72, 0x75, 0xdf, 0x85]);
    expect(decode(bytes)).toEqual({ text: 'Grün Gruß…', encoding: 'windows-1252' });
    // Mostly invalid: plain Windows-1252 even though one line would be valid UTF-8.
    const twoLines = new Uint8Array([0xdf, 0x85, 0x0a, 0xfc, 0xe4, 0xf6]);
    expect(decode(twoLines)).toEqual({ text: 'ß…\nüäö', encoding: 'windows-1252' });
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

  it('reads a file as one column when no candidate splits the header', () => {
    expect(sniffDelimiter('text\nhello\nworld\n')).toBe('none');
    expect(sniffDelimiter('Feedback\nhello, there, friend\nja; nein | vielleicht\n')).toBe('none');
  });

  it('falls back to , for a text without any record', () => {
    expect(sniffDelimiter('')).toBe(',');
    expect(sniffDelimiter('\n  \r\n')).toBe(',');
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

describe('isMostlyUtf8', () => {
  it('needs a valid multi-byte sequence and no more invalid bytes than valid sequences', () => {
    expect(isMostlyUtf8(utf8('plain ascii'))).toBe(false);
    expect(isMostlyUtf8(new Uint8Array([...utf8('Grüße '), 0x80]))).toBe(true);
    expect(isMostlyUtf8(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80]))).toBe(false);
    // Overlong encodings and surrogates are not valid UTF-8.
    expect(isMostlyUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(false);
    expect(isMostlyUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false);
  });
});

describe('decode: mixed encodings (property)', () => {
  // Windows-1252 lines: every non-ASCII character is followed by an ASCII one, so each such line is invalid UTF-8.
  const CP1252: Record<string, number> = { ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf, '€': 0x80, '„': 0x84, '“': 0x93 };
  const word = fc.constantFrom('a', 'Kunde', '12,50', ' ', ';');
  const special = fc.constantFrom(...Object.keys(CP1252));
  const utf8Line = fc.array(fc.oneof(word, special, fc.constantFrom('😀', '中')), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
  const cp1252Line = fc
    .array(fc.tuple(special, word), { minLength: 1, maxLength: 3 })
    .map((pairs) => pairs.map(([s, w]) => s + w).join(''));
  const line = fc.oneof(
    utf8Line.map((text) => ({ text, bytes: utf8(text), fallback: false })),
    cp1252Line.map((text) => ({ text, bytes: Uint8Array.from([...text].map((c) => CP1252[c] ?? c.charCodeAt(0))), fallback: true })),
  );

  it('reads every line back and names exactly the Windows-1252 ones, once the file is mostly UTF-8', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const parts = lines.flatMap((l, i) => (i === 0 ? [l.bytes] : [utf8(eol), l.bytes]));
        const bytes = new Uint8Array(parts.flatMap((p) => [...p]));
        const fallback = lines.flatMap((l, i) => (l.fallback ? [i + 1] : []));
        const utf8Text = lines.some((l) => !l.fallback && /[^\x00-\x7f]/.test(l.text));
        fc.pre(fallback.length > 0 && utf8Text && isMostlyUtf8(bytes));
        expect(decode(bytes)).toEqual({ text: lines.map((l) => l.text).join(eol), encoding: 'utf-8', fallbackLines: fallback });
      }),
      { numRuns: 300 },
    );
  });
});
