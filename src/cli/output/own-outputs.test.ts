import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutOwnOutputs } from './own-outputs.js';
import { writeOutput } from './safe-write.js';

describe("thick's own outputs as inputs", () => {
  it('are skipped when the manifest lists them, with the manifest and leftovers of an interrupted run, each named', () => {
    const ws = mkdtempSync(join(tmpdir(), 'thick-own-'));
    const exports = join(ws, 'exports');
    mkdirSync(exports);
    writeFileSync(join(exports, 'kontakte.csv'), 'Customer ID,Name\n7,Ida Imker\n');
    writeOutput(exports, [
      { path: 'index.md', content: '# Kunden\n' },
      { path: 'profiles.jsonl', content: '{"id":"7"}\n' },
      { path: 'rejected.csv', content: '\uFEFFfile,line,column,reason,raw\n' },
    ]);
    // A user's file named like an output, outside the manifest, is data; a link to thick's output is thick's output.
    writeFileSync(join(exports, 'customers.csv'), 'Customer ID,Name\n8,Jan Jansen\n');
    symlinkSync(join(exports, 'rejected.csv'), join(ws, 'abgelehnt.csv'));
    mkdirSync(join(ws, '.exports.thick-new'));
    writeFileSync(join(ws, '.exports.thick-new', 'rejected.csv'), '');
    const given = ['kontakte.csv', 'rejected.csv', 'profiles.jsonl', '.thick-manifest.json', 'customers.csv'].map((f) => join(exports, f));
    const { inputs, skipped } = withoutOwnOutputs([...given, join(ws, 'abgelehnt.csv'), join(ws, '.exports.thick-new', 'rejected.csv')], exports);
    expect(inputs).toEqual([join(exports, 'kontakte.csv'), join(exports, 'customers.csv')]);
    const listed = `; not read as input`;
    expect(skipped).toEqual([
      `${join(exports, 'rejected.csv')}: thick's own output (listed in ${join(exports, '.thick-manifest.json')})${listed}`,
      `${join(exports, 'profiles.jsonl')}: thick's own output (listed in ${join(exports, '.thick-manifest.json')})${listed}`,
      `${join(exports, '.thick-manifest.json')}: thick's list of the files it wrote${listed}`,
      `${join(ws, 'abgelehnt.csv')}: thick's own output (listed in ${join(exports, '.thick-manifest.json')})${listed}`,
      `${join(ws, '.exports.thick-new', 'rejected.csv')}: left by an interrupted thick run beside ${exports}${listed}`,
    ]);
  });

  it('are skipped by their first line where no manifest lists them: an older output folder, a copy beside the exports', () => {
    const ws = mkdtempSync(join(tmpdir(), 'thick-own-'));
    const files = {
      'kontakte.csv': 'Customer ID,Name\n7,Ida Imker\n',
      'customers.csv': '\uFEFFrank,id,name,slug,stage,attention,first_contact\n1,7,Ida Imker,7-ida-imker,stranger,0,\n',
      'rejected.csv': '\uFEFFfile,line,column,reason,raw\r\nkontakte.csv,3,,no name,x\r\n',
      'profiles.jsonl': '{"id":"7","slug":"7-ida-imker","name":"Ida Imker","stage":"stranger"}\n',
      // Columns a user may well name so: data.
      'abgelehnt.csv': 'file,line,column,reason,raw,comment\nx.csv,1,,?,?,mine\n',
      'rangliste.csv': 'rank,id,name\n1,7,Ida\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(ws, name), text);
    const given = Object.keys(files).map((f) => join(ws, f));
    const { inputs, skipped } = withoutOwnOutputs(given, join(ws, 'out'));
    expect(inputs).toEqual([join(ws, 'kontakte.csv'), join(ws, 'abgelehnt.csv'), join(ws, 'rangliste.csv')]);
    expect(skipped).toEqual(['customers.csv', 'rejected.csv', 'profiles.jsonl'].map((f) => `${join(ws, f)}: thick's own output (it starts as every ${f} thick writes); not read as input`));
  });

  it('are none while the output folder does not exist', () => {
    const ws = mkdtempSync(join(tmpdir(), 'thick-own-'));
    expect(withoutOwnOutputs(['a.csv', 'b.csv'], join(ws, 'out'))).toEqual({ inputs: ['a.csv', 'b.csv'], skipped: [] });
  });
});
