import { describe, expect, it } from 'vitest';
import { countBreaks, FILE_PIECES, notStreamable, openInput, readFileTable, RecordsInPieces, settledRecords, tableParts, type Pieces } from './stream.js';
import { readTable, type Table } from './table.js';

/** The bytes in chunks of `size`, as a file or pipe hands them over. */
async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Every row and rejection of a streamed read, and the table facts, gathered over its parts. */
async function streamed(bytes: Uint8Array, chunk: number, sample: number): Promise<Pick<Table, 'header' | 'headerLine' | 'rows' | 'rejected' | 'delimiter' | 'encoding' | 'fallbackLines'>> {
  const opened = await openInput(inChunks(bytes, chunk), sample);
  let first: Table | null = null;
  const rows: Table['rows'] = [];
  const rejected: Table['rejected'] = [];
  for await (const part of tableParts(opened, 'in.csv')) {
    first ??= part;
    rows.push(...part.rows);
    rejected.push(...part.rejected);
  }
  const { header, headerLine, delimiter, encoding, fallbackLines } = first!;
  return { header, headerLine, delimiter, encoding, fallbackLines, rows, rejected };
}

const whole = (bytes: Uint8Array) => {
  const { header, headerLine, delimiter, encoding, fallbackLines, rows, rejected } = readTable(bytes, 'in.csv');
  return { header, headerLine, delimiter, encoding, fallbackLines, rows, rejected: [...rejected].sort((a, b) => a.line - b.line) };
};

// Invented rows with everything a record boundary can hide: quoted line breaks, CRLF and lone CR, "" escapes, a
// quote that is text, a row with a field too many, blank lines, and a quote that never closes near the end.
const MESSY = [
  'id;name;text',
  '1;Anna Beispiel;"Hallo,\r\nzweite Zeile; mit Semikolon"',
  '2;Bo;"Er sagte ""danke"""',
  '',
  '3;Cleo;"Hi" she said',
  '4;Dana;zu;viele',
  '5;Emil;ganz normal\r6;Fritz;alter Mac-Zeilenumbruch',
  ';;',
  '7;Greta;"über',
  'drei',
  'Zeilen"',
  ...Array.from({ length: 40 }, (_, i) => `${10 + i};Person ${i};Text Nummer ${i} mit Umlaut ä`),
  '99;Hugo;"offen und nie geschlossen',
  '100;Ida;danach',
].join('\n');

describe('tableParts: a table read as its bytes arrive', () => {
  it('gives the rows, rejections and line numbers of a whole read, whatever the chunk and sample sizes', async () => {
    const bytes = Buffer.from(MESSY, 'utf8');
    const expected = whole(bytes);
    expect(expected.rejected.map((r) => r.line)).toEqual([7, 54]);
    for (const chunk of [1, 2, 3, 7, 64, 1000, bytes.length]) {
      for (const sample of [1, 50, 300]) {
        const got = await streamed(bytes, chunk, sample);
        expect({ ...got, rejected: [...got.rejected].sort((a, b) => a.line - b.line) }, `chunk ${chunk}, sample ${sample}`).toEqual(expected);
      }
    }
  });

  it('reads stray bytes of a UTF-8 file as Windows-1252 and names their lines, as a whole read does', async () => {
    const lines = ['id,text', '1,schön', '2,ok'];
    const bytes = Buffer.concat([Buffer.from(`${lines.join('\n')}\n3,gr`), Buffer.from([0xfc]), Buffer.from('n\n4,ende\n')]);
    const expected = whole(bytes);
    expect(expected.fallbackLines).toEqual([4]);
    expect(await streamed(bytes, 5, 10)).toEqual(expected);
  });

  it('keeps the BOM out of the header and says the encoding', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('text\nhallo\n')]);
    expect(await streamed(bytes, 2, 4)).toEqual(whole(bytes));
  });
});

describe('readFileTable: a large file read a piece at a time', () => {
  const table = (bytes: Uint8Array, pieces: Partial<Pieces>) => {
    const { header, headerLine, delimiter, encoding, fallbackLines, rows, rejected } = readFileTable(bytes, 'in.csv', {}, { ...FILE_PIECES, from: 0, ...pieces });
    return { header, headerLine, delimiter, encoding, fallbackLines, rows, rejected: [...rejected].sort((a, b) => a.line - b.line) };
  };

  it('gives the rows, rejections and line numbers of a whole read, whatever the piece size', () => {
    for (const bytes of [Buffer.from(MESSY), Buffer.from(`\ufeff${MESSY}`)]) {
      const expected = whole(bytes);
      expect(expected.rows.length).toBeGreaterThan(40);
      for (const size of [1, 2, 3, 7, 64, 1000, bytes.length]) expect(table(bytes, { bytes: size }), `${size} bytes a piece`).toEqual(expected);
    }
  });

  it('reads a file too long for one string in pieces, in UTF-8 with stray bytes or in Windows-1252, as a whole read does', () => {
    const stray = Buffer.concat([Buffer.from('id,text\n1,schön\n2,gr'), Buffer.from([0xfc]), Buffer.from('n\n3,ende\n')]);
    const windows1252 = Buffer.from('id;text\n1;schön\n2;Grüße\n', 'latin1');
    for (const bytes of [stray, windows1252]) {
      const expected = whole(bytes);
      expect(table(bytes, { bytes: 4, longestText: bytes.length })).toEqual(expected);
    }
    expect(whole(stray).fallbackLines).toEqual([3]);
    expect(whole(windows1252).encoding).toBe('windows-1252');
  });

  it('rejects a quote still open after the longest text and reads on after its line, as a whole read does at the end', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 2},row ${i + 2}`);
    const bytes = Buffer.from(['id,text', '1,"never closed', ...rows, ''].join('\n'));
    const expected = whole(bytes);
    expect(expected.rejected).toMatchObject([{ line: 2, column: 3 }]);
    expect(expected.rows.length).toBe(40);
    expect(table(bytes, { bytes: 16, longestText: 64 })).toEqual(expected);
  });

  it('refuses a UTF-16 file too long for one string, saying what to do', () => {
    const bytes = Buffer.from('\ufeffid,text\n1,hallo\n', 'utf16le');
    expect(table(bytes, { longestText: 100 })).toEqual(whole(bytes));
    expect(() => table(bytes, { longestText: 10 })).toThrow('in.csv: 0 MB in UTF-16LE is too long to read as one text; save it as UTF-8, which thick reads in pieces');
  });
});

describe('RecordsInPieces: a quote that stays open', () => {
  // The record starts on line 2; its second field opens a quote on line 3.
  const lines = ['id,text,more', '1,"two', 'lines","opens and never closes', ...Array.from({ length: 30 }, (_, i) => `${i + 2},line ${i + 2}`)];
  const wholeRecords = (text: string) => settledRecords(text, ',', 1, true).records;
  const inPieces = (pieces: string[], longestText: number) => {
    const reader = new RecordsInPieces(',', longestText);
    const early = pieces.flatMap((piece) => reader.add(piece));
    return { early, all: [...early, ...reader.end()] };
  };

  it('is given up on once it has waited the longest text, with the records a whole read gives', () => {
    const pieces = lines.map((line) => `${line}\n`);
    const expected = wholeRecords(pieces.join(''));
    expect(expected[1]).toMatchObject({ kind: 'unterminated', line: 2, quoteLine: 3, quoteColumn: 8 });
    const { early, all } = inPieces(pieces, 100);
    expect(all).toEqual(expected);
    // Rejected while reading, not held with the rest of the file until its end.
    expect(early.map((r) => r.line)).toContain(2);
    expect(early.length).toBeGreaterThan(20);
  });

  it('is read whole when it closes before that, however long it waited', () => {
    const closing = [...lines.slice(0, 12), 'closes here",x', ...lines.slice(13)].map((line) => `${line}\n`);
    const expected = wholeRecords(closing.join(''));
    expect(expected[1]).toMatchObject({ kind: 'fields', line: 2, lastLine: 13 });
    expect(inPieces(closing, 10_000).all).toEqual(expected);
  });

  it('is read whole when it closes within the longest text, though the piece that closes it would not fit beside it', () => {
    const pieces = ['id,text\n1,plain\n2,"legit\n', `${'two-line field'.padEnd(40, '.')}"\n3,three\n4,four\n5,five\n`, '6,six\n'];
    const expected = wholeRecords(pieces.join(''));
    expect(expected.map((r) => r.kind)).toEqual(['fields', 'fields', 'fields', 'fields', 'fields', 'fields', 'fields']);
    // The open record waits 11 characters, and closes 42 later: within 55, though its piece is 66 long.
    expect(inPieces(pieces, 55).all).toEqual(expected);
  });
});

describe('settledRecords', () => {
  it('keeps the last record back until a line break ends it, and a quote still open with all after it', () => {
    expect(settledRecords('a,b\nc,d', ',', 1, false)).toMatchObject({ records: [{ line: 1, fields: ['a', 'b'] }], rest: 'c,d', restLine: 2 });
    expect(settledRecords('a,b\n"c\nd,e\nf\n', ',', 10, false)).toMatchObject({ records: [{ line: 10 }], rest: '"c\nd,e\nf\n', restLine: 11 });
    expect(settledRecords('a,b\n"c\nd,e\nf\n', ',', 10, true).records.map((r) => r.line)).toEqual([10, 11, 12, 13]);
  });
});

describe('notStreamable', () => {
  it('streams UTF-8 text and says why UTF-16, Windows-1252 and binary files are read whole', () => {
    expect(notStreamable(Buffer.from('text\nschön\n'))).toBeNull();
    expect(notStreamable(Buffer.from('\ufefftext\nschön\n'))).toBeNull();
    expect(notStreamable(Buffer.from('\ufefftext\nhi\n', 'utf16le'))).toBe('it is in UTF-16, not UTF-8');
    expect(notStreamable(Buffer.from('text\nsch\xf6n\n', 'latin1'))).toBe('it is in Windows-1252, not UTF-8');
    expect(notStreamable(Buffer.concat([Buffer.from('text\nschön\n'), Buffer.from('sch\xf6n\n', 'latin1')]))).toBe('its first part has bytes that are not UTF-8');
    expect(notStreamable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a]))).toBe('it is not a text table');
  });
});

describe('countBreaks', () => {
  it('counts LF, CRLF and a lone CR once each', () => {
    expect(countBreaks(Buffer.from('a\nb\r\nc\rd'))).toBe(3);
  });
});
