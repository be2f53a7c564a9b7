import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from './main.js';
import { loadMappingFile, parseDateWindow, parseMapFlags, parsePlaceholders, UsageError } from './options.js';

const write = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'thick-opt-')), name);
  writeFileSync(path, text);
  return path;
};

describe('parseMapFlags', () => {
  it('reads repeated and comma-joined field=Column pairs', () => {
    expect(parseMapFlags(['text=Kommentar', 'email=E-Mail,date=Datum'])).toEqual({ text: 'Kommentar', email: 'E-Mail', date: 'Datum' });
  });
  it('reads the old field name satisfaction as rating, in flags and mapping files', () => {
    expect(parseMapFlags(['satisfaction=Score'])).toEqual({ rating: 'Score' });
    expect(loadMappingFile(write('m.yaml', 'columns:\n  satisfaction: Sterne\n'))).toEqual({ columns: { rating: 'Sterne' } });
  });
  it('keeps "=" inside a column name', () => {
    expect(parseMapFlags(['text=a=b'])).toEqual({ text: 'a=b' });
  });
  it('rejects unknown fields and malformed pairs with a usable message', () => {
    expect(() => parseMapFlags(['txt=Kommentar'])).toThrow(/--map txt=Kommentar: unknown field "txt"; known fields: crmId, email/);
    expect(() => parseMapFlags(['text'])).toThrow(UsageError);
  });
});

describe('loadMappingFile', () => {
  it('reads YAML and JSON', () => {
    expect(loadMappingFile(write('m.yaml', 'columns:\n  text: Kommentar\npreset: social\n'))).toEqual({ columns: { text: 'Kommentar' }, preset: 'social' });
    expect(loadMappingFile(write('m.json', '{"columns": {"email": "Mail"}}'))).toEqual({ columns: { email: 'Mail' } });
  });
  it('points at the bad key', () => {
    const path = write('bad.yaml', 'columns:\n  txt: Kommentar\n');
    expect(() => loadMappingFile(path)).toThrow(`${path}: columns: Unrecognized key: "txt"; known fields: crmId, email`);
    expect(() => loadMappingFile(write('bad2.yaml', 'colums: {}\n'))).toThrow(/Unrecognized key.*colums/i);
  });
  it('names a file that is not valid YAML or JSON', () => {
    expect(() => loadMappingFile(write('m.json', '{'))).toThrow(/m\.json: not valid JSON/);
  });
  it('refuses a YAML tag it does not know instead of reading it as text', () => {
    expect(() => loadMappingFile(write('tag.yaml', 'columns: { text: !!js/function "Kommentar" }\n'))).toThrow(/tag\.yaml: not valid YAML: Unresolved tag/);
  });
});

describe('--placeholder', () => {
  it('takes author names, and refuses an empty or blank one as a usage error (exit 2)', async () => {
    expect(parsePlaceholders(['Kunde', 'Ein Google-Nutzer'])).toEqual(['Kunde', 'Ein Google-Nutzer']);
    expect(() => parsePlaceholders([''])).toThrow('--placeholder "": expected an author name that identifies nobody');
    expect(() => parsePlaceholders(['Gast', '  '])).toThrow(UsageError);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const csv = write('reviews.csv', 'Name,Kommentar\nKunde,Gut\n');
      expect(await main(['node', 'thick', 'inspect', csv, '--placeholder', ''])).toBe(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('--placeholder ""');
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('--dates', () => {
  const iso = (window: { from?: Date; until?: Date }) => ({ from: window.from?.toISOString(), until: window.until?.toISOString() });

  it('takes FROM..UNTIL, either end open, a day as the whole day', () => {
    expect(iso(parseDateWindow('1900-01-01..2100-12-31'))).toEqual({ from: '1900-01-01T00:00:00.000Z', until: '2100-12-31T23:59:59.999Z' });
    expect(iso(parseDateWindow('1900-01-01..'))).toEqual({ from: '1900-01-01T00:00:00.000Z', until: undefined });
    expect(iso(parseDateWindow(' ..31.12.2030 '))).toEqual({ from: undefined, until: '2030-12-31T23:59:59.999Z' });
    expect(iso(parseDateWindow('2020-01-01..2020-06-30T12:00:00Z'))).toEqual({ from: '2020-01-01T00:00:00.000Z', until: '2020-06-30T12:00:00.000Z' });
  });

  it('refuses a malformed window as a usage error (exit 2), saying what is wrong', async () => {
    expect(() => parseDateWindow('1900-01-01')).toThrow('--dates "1900-01-01": no ".." between the two dates; expected FROM..UNTIL');
    expect(() => parseDateWindow('..')).toThrow(/neither end given/);
    expect(() => parseDateWindow('1900-13-01..2000-01-01')).toThrow(/from: impossible date "1900-13-01" \(there is no month 13\)/);
    expect(() => parseDateWindow('2000-01-01..soon')).toThrow(/until: not a date: "soon"/);
    expect(() => parseDateWindow('2000-01-01..1999-12-31')).toThrow(/the window ends before it starts/);
    expect(() => parseDateWindow('1..2..3')).toThrow(UsageError);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const csv = write('tickets.csv', 'Email,Date,Text\na@example.org,2024-01-01,Hallo\n');
      expect(await main(['node', 'thick', 'analyze', csv, '-o', join(tmpdir(), 'thick-never-written'), '--dates', '2100-01-01..1900-01-01'])).toBe(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('--dates "2100-01-01..1900-01-01": the window ends before it starts');
    } finally {
      stderr.mockRestore();
    }
  });
});
