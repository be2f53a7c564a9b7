import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMappingFile, parseMapFlags, UsageError } from './options.js';

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
});
