import { describe, expect, it } from 'vitest';
import { readRecords, readTable } from './table.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (s: string, options?: Parameters<typeof readTable>[2]) => readTable(utf8(s), 'in.csv', options);
const lines = (t: ReturnType<typeof read>) => t.rows.map((r) => [r.line, ...r.fields]);

describe('readTable: shape', () => {
  it('reads header and rows with 1-based physical lines', () => {
    const t = read('id,name\n1,Anna\n2,Ben\n');
    expect(t).toMatchObject({ file: 'in.csv', encoding: 'utf-8', delimiter: ',', header: ['id', 'name'], headerLine: 1 });
    expect(lines(t)).toEqual([
      [2, '1', 'Anna'],
      [3, '2', 'Ben'],
    ]);
    expect(t.rejected).toEqual([]);
  });

  it('trims header cells but keeps data fields as written', () => {
    const t = read(' id , name \n 1 , Anna \n');
    expect(t.header).toEqual(['id', 'name']);
    expect(t.rows[0]!.fields).toEqual([' 1 ', ' Anna ']);
  });

  it('handles CRLF, LF and lone CR line breaks alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const t = read(['a;b', '1;2', '3;4'].join(eol) + eol);
      expect(lines(t)).toEqual([
        [2, '1', '2'],
        [3, '3', '4'],
      ]);
    }
  });

  it('reads a last record without a final line break', () => {
    expect(lines(read('a,b\n1,2'))).toEqual([[2, '1', '2']]);
  });

  it('skips blank lines and trailing empty lines without shifting line numbers', () => {
    const t = read('\n\na,b\n\n1,2\n   \n3,4\n\n\n');
    expect(t.headerLine).toBe(3);
    expect(lines(t)).toEqual([
      [5, '1', '2'],
      [7, '3', '4'],
    ]);
    expect(t.rejected).toEqual([]);
  });

  it("treats Excel's all-empty rows (;;;) as blank, not as records", () => {
    const t = read('a;b;c\n1;2;3\n;;\n;;;;;\n4;5;6\n');
    expect(lines(t)).toEqual([
      [2, '1', '2', '3'],
      [5, '4', '5', '6'],
    ]);
    expect(t.rejected).toEqual([]);
  });

  it('returns zero rows for an empty file and for a header-only file', () => {
    expect(read('')).toMatchObject({ header: [], headerLine: 0, rows: [], rejected: [] });
    expect(read('\r\n\r\n')).toMatchObject({ header: [], headerLine: 0, rows: [] });
    expect(read('id;name\r\n')).toMatchObject({ header: ['id', 'name'], headerLine: 1, rows: [], rejected: [] });
    expect(readTable(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]), 'bom.csv')).toMatchObject({ header: [], headerLine: 0, rows: [] });
  });
});

describe('readTable: quoting', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const t = read('id,text,n\n1,"Hallo, ""Welt""",x\n2,"zwei\r\nZeilen\nund mehr",y\n3,"",z\n');
    expect(lines(t)).toEqual([
      [2, '1', 'Hallo, "Welt"', 'x'],
      [3, '2', 'zwei\r\nZeilen\nund mehr', 'y'],
      [6, '3', '', 'z'],
    ]);
  });

  it('keeps the original record text as raw, line breaks inside quotes included', () => {
    const t = read('a,b\r\n1,"x\r\ny"\r\n');
    expect(t.rows[0]!.raw).toBe('1,"x\r\ny"');
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(read('a,b\n1,5" screen\n').rows[0]!.fields).toEqual(['1', '5" screen']);
  });

  it('reads a field with text after its closing quote as plain text (naive writers)', () => {
    expect(read('a,b,c\n1,"Hi" she said,3\n').rows[0]!.fields).toEqual(['1', '"Hi" she said', '3']);
  });

  it('ignores spaces between a closing quote and the delimiter', () => {
    expect(read('a,b\n"x" ,"y"  \n').rows[0]!.fields).toEqual(['x', 'y']);
  });

  it('does not let a stray quote swallow the following lines', () => {
    const t = read('a,b\n1,"stray\n2,3\n4,"x"\n5,6\n');
    expect(lines(t)).toEqual([
      [2, '1', '"stray'],
      [3, '2', '3'],
      [4, '4', 'x'],
      [5, '5', '6'],
    ]);
  });

  it('rejects a record whose quote never closes, names line and column, and reads on', () => {
    const t = read('id,text\n1,ok\n2,"never closed\n3,fine\n4,also fine\n');
    expect(lines(t)).toEqual([
      [2, '1', 'ok'],
      [4, '3', 'fine'],
      [5, '4', 'also fine'],
    ]);
    expect(t.rejected).toEqual([
      {
        file: 'in.csv',
        line: 3,
        column: 3,
        reason: 'unterminated quote: the quoted field opened at line 3, column 3 is never closed',
        raw: '2,"never closed',
      },
    ]);
  });

  it('reports the quote line when an unterminated quote is on a later line of its record', () => {
    const t = read('a,b,c\n1,"two\nlines","open\n2,3,4\n');
    expect(t.rejected).toMatchObject([{ line: 2, column: 8, reason: expect.stringContaining("line 3, column 8") }]);
    expect(t.rejected[0]!.raw).toBe('1,"two\nlines","open');
    expect(lines(t)).toEqual([[4, '2', '3', '4']]);
  });

  it('throws naming file, line and column when the header itself has an unclosed quote', () => {
    expect(() => read('id,"name\n1,2\n')).toThrow('in.csv: line 1, column 4: unterminated quote in the header row');
  });
});

describe('readTable: field counts', () => {
  it('rejects rows with too many or too few fields, with line and reason, and reads on', () => {
    const header = 'a;b;c;d;e;f;g;h;i';
    const t = read(`${header}\n1;2;3;4;5;6;7;8;9\n1;2;3;4;5;6;7;8;9;10;11\n1;2;3\nx;2;3;4;5;6;7;8;9\n`);
    expect(t.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(t.rejected).toEqual([
      // The column (field number) of the first field too many, or of the first one missing.
      { file: 'in.csv', line: 3, column: 10, reason: 'expected 9 fields, found 11', raw: '1;2;3;4;5;6;7;8;9;10;11' },
      { file: 'in.csv', line: 4, column: 4, reason: 'expected 9 fields, found 3', raw: '1;2;3' },
    ]);
  });

  it('hints at a stray quote when a wrong-sized record spans several lines', () => {
    const t = read('a,b\n1,"stray\n2,3\n4,",5\n6,7\n');
    expect(t.rejected).toHaveLength(1);
    expect(t.rejected[0]!.line).toBe(2);
    expect(t.rejected[0]!.reason).toBe(
      'expected 2 fields, found 3 (the record runs from line 2 to 4: is the quote at line 2, column 3 meant to be closed earlier?)',
    );
    expect(lines(t)).toEqual([[5, '6', '7']]);
  });

  it('accepts a trailing delimiter: extra fields that are all empty are dropped', () => {
    const t = read('a,b\n1,2,\n3,4, ,\n5,6,x\n');
    expect(lines(t)).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
    ]);
    expect(t.rejected.map((r) => r.line)).toEqual([4]);
  });

  it('pads a short row only where the missing columns have no header name', () => {
    const t = read('a,b,,\n1,2\n3\n');
    expect(t.header).toEqual(['a', 'b', '', '']);
    expect(lines(t)).toEqual([[2, '1', '2', '', '']]);
    expect(t.rejected).toMatchObject([{ line: 3, reason: 'expected 4 fields, found 1' }]);
  });

  it('pads every short row with padShortRows', () => {
    const t = read('a,b,c\n1,2\n3\n', { padShortRows: true });
    expect(lines(t)).toEqual([
      [2, '1', '2', ''],
      [3, '3', '', ''],
    ]);
  });

  it('reads a one-column file whole per line: commas, semicolons and pipes in the text are text', () => {
    const t = read('Feedback\nhello, there, friend\n"quoted, with ""quotes""\nand a line break"\nja; nein | vielleicht\n');
    expect(t).toMatchObject({ delimiter: 'none', header: ['Feedback'], rejected: [] });
    expect(lines(t)).toEqual([
      [2, 'hello, there, friend'],
      [3, 'quoted, with "quotes"\nand a line break'],
      [5, 'ja; nein | vielleicht'],
    ]);
  });

  it('uses a given delimiter instead of sniffing', () => {
    const t = read('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(t.delimiter).toBe(',');
    expect(t.header).toEqual(['a;b', 'c']);
  });
});

describe('readTable: encodings and non-tables', () => {
  it('reads a Windows-1252 ;-file (German Excel) and reports encoding and delimiter', () => {
    const bytes = new Uint8Array([...'Name;Ort\r\nM'].map((c) => c.charCodeAt(0)).concat([0xfc], [...'ller;K'].map((c) => c.charCodeAt(0)), [0xf6, 0x6c, 0x6e]));
    const t = readTable(bytes, 'kunden.csv');
    expect(t).toMatchObject({ encoding: 'windows-1252', delimiter: ';', header: ['Name', 'Ort'] });
    expect(t.rows[0]!.fields).toEqual(['Müller', 'Köln']);
  });

  it('reads UTF-16 LE with BOM (Excel "Unicode text", tab-separated)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('id\ttext\r\n1\tGrüße\r\n', 'utf16le')]);
    const t = readTable(bytes, 'u.txt');
    expect(t).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', header: ['id', 'text'] });
    expect(t.rows[0]!.fields).toEqual(['1', 'Grüße']);
  });

  it('reads a UTF-8 file with a stray Windows-1252 byte as UTF-8 and names the line', () => {
    const bytes = new Uint8Array([...utf8('id,text\n1,Grüße\n2,5 '), 0x80, ...utf8('\n')]);
    const t = readTable(bytes, 'm.csv');
    expect(t).toMatchObject({ encoding: 'utf-8', fallbackLines: [3] });
    expect(lines(t)).toEqual([
      [2, '1', 'Grüße'],
      [3, '2', '5 €'],
    ]);
    expect(read('a,b\n1,2\n').fallbackLines).toEqual([]);
  });

  it('does not treat a BOM as part of the first header cell', () => {
    const t = readTable(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,name\n')]), 'b.csv');
    expect(t.header).toEqual(['id', 'name']);
    expect(t.encoding).toBe('utf-8-bom');
  });

  it('throws naming the file for an .xlsx workbook', () => {
    expect(() => readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'orders.xlsx')).toThrow(
      /^orders\.xlsx: not a text table \(a ZIP archive/,
    );
  });

  it('throws naming the file for other binary content', () => {
    const bytes = new Uint8Array(512).map((_, i) => (i * 37) % 256);
    expect(() => readTable(bytes, 'photo.jpg')).toThrow(/^photo\.jpg: not a text table/);
  });
});

describe('readRecords', () => {
  it('yields blank records too, each with its start line', () => {
    const records = [...readRecords('a\n\n"b\nc"\nd', ',')];
    expect(records.map((r) => [r.line, r.kind === 'fields' ? r.fields : null])).toEqual([
      [1, ['a']],
      [2, ['']],
      [3, ['b\nc']],
      [5, ['d']],
    ]);
  });
});
