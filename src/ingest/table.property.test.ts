// Property: whatever the content, delimiter, quoting, line endings and encoding, readTable returns
// every good record exactly once, with its fields and physical line, and every broken record in
// `rejected` with its line. The tables are generated and serialised here, independently of the reader.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252, isMostlyUtf8, type Delimiter, type Encoding } from './sniff.js';
import { readTable } from './table.js';

// Field content: letters, umlauts, non-Latin-1 text, every delimiter, quotes and every line break.
const FIELD_UNITS = ['a', 'Z', '7', ' ', 'ä', 'Ö', 'ß', 'é', '€', '„', '“', '—', '中', '😀', ',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r'];
// Header names never contain a delimiter or quote: real headers don't, and it keeps sniffing decidable.
const NAME_START = ['a', 'b', 'K', 'ü', 'N'];
const NAME_UNITS = ['a', 'z', 'ä', 'ß', '_', '1', ' ', '-'];
// Lines that follow an unclosed quote must not contain a quote (or it would close there).
const SAFE_UNITS = ['a', 'b', 'ü', '1', ' ', '€'];

const text = (units: string[], maxLength: number) => fc.array(fc.constantFrom(...units), { maxLength }).map((a) => a.join(''));
/** Windows-1252 cannot hold 中 or 😀; a case written in it draws its text from the rest. */
const fieldFor = (encoding: Encoding) => text(encoding === 'windows-1252' ? FIELD_UNITS.filter((u) => u !== '中' && u !== '😀') : FIELD_UNITS, 6);
const name = fc.tuple(fc.constantFrom(...NAME_START), text(NAME_UNITS, 6)).map(([a, b]) => a + b);
const safeField = fc.tuple(fc.constantFrom('x', 'y', 'ö'), text(SAFE_UNITS, 5)).map(([a, b]) => a + b);

type Item = { kind: 'good'; fields: string[] } | { kind: 'bad'; fields: string[] } | { kind: 'blank'; text: string };

function items(columns: number, field: fc.Arbitrary<string>): fc.Arbitrary<Item[]> {
  const good = fc.array(field, { minLength: columns, maxLength: columns }).map((fields): Item => ({ kind: 'good', fields }));
  // Too many fields, the last one not empty (empty extras are a trailing delimiter, which is accepted).
  const tooMany = fc
    .tuple(fc.array(field, { minLength: columns, maxLength: columns + 2 }), safeField)
    .map(([fields, last]): Item => ({ kind: 'bad', fields: [...fields, last] }));
  // Too few fields, the first one not empty (a record of empty fields is blank, not a record).
  const tooFew = fc
    .tuple(safeField, fc.array(field, { maxLength: columns - 2 }))
    .map(([first, rest]): Item => ({ kind: 'bad', fields: [first, ...rest] }));
  const blank = fc.constantFrom('', '  ').map((t): Item => ({ kind: 'blank', text: t }));
  return fc.array(
    fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: tooMany }, { weight: 1, arbitrary: tooFew }, { weight: 1, arbitrary: blank }),
    { maxLength: 10 },
  );
}

const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'];

/** Optionally, a last record whose quote never closes, followed by a few plain records. */
const unclosedTail = (columns: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.record({
        at: fc.nat({ max: columns - 1 }),
        fields: fc.array(safeField, { minLength: columns, maxLength: columns }),
        after: fc.array(fc.array(safeField, { minLength: columns, maxLength: columns }), { maxLength: 3 }),
      }),
    },
  );

const tableCase = fc.tuple(fc.integer({ min: 2, max: 5 }), fc.constantFrom(...ENCODINGS)).chain(([columns, encoding]) =>
  fc.record({
    encoding: fc.constant(encoding),
    header: fc.array(name, { minLength: columns, maxLength: columns }),
    items: items(columns, fieldFor(encoding)),
    delimiter: fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
    quoteAll: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    leadingBlankLines: fc.integer({ min: 0, max: 2 }),
    trailingLineBreaks: fc.integer({ min: 0, max: 3 }),
    unclosed: unclosedTail(columns),
  }),
);

type Case = typeof tableCase extends fc.Arbitrary<infer T> ? T : never;

function quote(value: string, delimiter: Delimiter, quoteAll: boolean): string {
  const needed = value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
  return quoteAll || needed ? `"${value.replaceAll('"', '""')}"` : value;
}

const lineBreaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;
const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

interface Expected {
  text: string;
  headerLine: number;
  rows: Array<{ line: number; fields: string[]; raw: string }>;
  rejected: Array<{ line: number; reason: string; raw: string; column?: number }>;
}

/** Serialise the case and work out, independently of the reader, what it must return. */
function serialise(c: Case): Expected {
  const records: string[] = [];
  const expected: Expected = { text: '', headerLine: 0, rows: [], rejected: [] };
  let line = 1;
  const add = (record: string) => {
    records.push(record);
    const start = line;
    line += 1 + lineBreaks(record);
    return start;
  };
  const join = (fields: string[]) => fields.map((f) => quote(f, c.delimiter, c.quoteAll)).join(c.delimiter);

  for (let i = 0; i < c.leadingBlankLines; i++) add('');
  expected.headerLine = add(join(c.header));
  for (const item of c.items) {
    if (item.kind === 'blank') {
      add(item.text);
      continue;
    }
    const raw = join(item.fields);
    const start = add(raw);
    if (item.kind === 'good' && !isBlank(item.fields)) expected.rows.push({ line: start, fields: item.fields, raw });
    if (item.kind === 'bad') {
      // The column (field number) of the first field too many, or of the first one missing.
      const n = c.header.length;
      const column = item.fields.length > n ? n + 1 : item.fields.length + 1;
      expected.rejected.push({ line: start, column, reason: `expected ${n} fields, found ${item.fields.length}`, raw });
    }
  }
  if (c.unclosed) {
    const fields = c.unclosed.fields.map((f, i) => (i === c.unclosed!.at ? `"${f}` : f));
    const raw = fields.join(c.delimiter);
    const column = fields.slice(0, c.unclosed.at).reduce((n, f) => n + f.length + 1, 0) + 1;
    const start = add(raw);
    expected.rejected.push({
      line: start,
      column,
      reason: `unterminated quote: the quoted field opened at line ${start}, column ${column} is never closed`,
      raw,
    });
    for (const after of c.unclosed.after) {
      const plain = after.join(c.delimiter);
      expected.rows.push({ line: add(plain), fields: after, raw: plain });
    }
  }
  expected.text = records.join(c.eol) + c.eol.repeat(c.trailingLineBreaks);
  return expected;
}

// Windows-1252 encoder built from the decoder's table (the table itself is unit-tested in sniff.test.ts).
const WINDOWS_1252 = new Map<string, number>();
for (let b = 0; b < 256; b++) WINDOWS_1252.set(b < 0x80 ? String.fromCharCode(b) : decodeWindows1252(Uint8Array.of(b)), b);

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The file's bytes and the encoding readTable must report. */
function encode(text: string, wanted: Encoding): { bytes: Uint8Array; encoding: Encoding } {
  const utf8 = new TextEncoder().encode(text);
  switch (wanted) {
    case 'utf-8':
      return { bytes: utf8, encoding: 'utf-8' };
    case 'utf-8-bom':
      return { bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), encoding: 'utf-8-bom' };
    case 'utf-16le':
      return { bytes: new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), encoding: 'utf-16le' };
    case 'utf-16be':
      return { bytes: new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]), encoding: 'utf-16be' };
    case 'windows-1252': {
      const codes = [...text].map((ch) => WINDOWS_1252.get(ch));
      if (codes.some((b) => b === undefined)) return { bytes: utf8, encoding: 'utf-8' }; // e.g. 😀, 中
      const bytes = Uint8Array.from(codes as number[]);
      // Pure ASCII is also valid UTF-8 and decodes the same; other byte runs that happen to be
      // valid UTF-8 ("ä€€") are inherently ambiguous, and so is a file with as many of them as bytes
      // that are not (read as UTF-8 with a few stray bytes), so such a case is written as UTF-8 instead.
      if (isUtf8(bytes) || isMostlyUtf8(bytes)) return { bytes: codes.every((b) => b! < 0x80) ? bytes : utf8, encoding: 'utf-8' };
      return { bytes, encoding: 'windows-1252' };
    }
  }
}

describe('readTable (property)', () => {
  it('returns every good record once with its fields and line, and every broken one in rejected', () => {
    fc.assert(
      fc.property(tableCase, (c) => {
        const expected = serialise(c);
        const { bytes, encoding } = encode(expected.text, c.encoding);
        const table = readTable(bytes, 'gen.csv');

        expect(table.encoding).toBe(encoding);
        expect(table.delimiter).toBe(c.delimiter);
        expect(table.header).toEqual(c.header.map((h) => h.trim()));
        expect(table.headerLine).toBe(expected.headerLine);
        expect(table.rows).toEqual(expected.rows);
        // A wrong-sized record that spans lines carries a hint about a stray quote; check it, then compare without it.
        const hint = / \(the record runs from line (\d+) to (\d+): is the quote at line \d+, column \d+ meant to be closed earlier\?\)$/;
        for (const r of table.rejected) {
          const m = hint.exec(r.reason);
          const spans = lineBreaks(r.raw) > 0 && r.reason.startsWith('expected');
          expect(m !== null, r.reason).toBe(spans);
          if (m) expect([Number(m[1]), Number(m[2])]).toEqual([r.line, r.line + lineBreaks(r.raw)]);
        }
        const rejected = table.rejected.map((r) => ({ ...r, reason: r.reason.replace(hint, '') }));
        expect(rejected).toEqual(expected.rejected.map((r) => ({ file: 'gen.csv', ...r })));
        // Never lost, never duplicated: each non-blank record is in exactly one of the two lists.
        const lines = [...table.rows.map((r) => r.line), ...table.rejected.map((r) => r.line)];
        expect(new Set(lines).size).toBe(lines.length);
        expect(lines.length).toBe(expected.rows.length + expected.rejected.length);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the same table from every encoding it can be written in', () => {
    fc.assert(
      fc.property(tableCase, (c) => {
        const { text } = serialise(c);
        const tables = (['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as const).map((e) => readTable(encode(text, e).bytes, 'x.csv'));
        for (const t of tables.slice(1)) {
          expect({ ...t, encoding: null }).toEqual({ ...tables[0]!, encoding: null });
        }
      }),
      { numRuns: 100 },
    );
  });
});
