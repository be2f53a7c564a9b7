// Personal data where an export keeps a segment rather than words: the channel ("Via") and product cells and the CRM
// stage, and the file's own name. They land in chart labels, segment tables, every quote's source, profiles.jsonl,
// customers.csv and the summary; in a handout run none may show. Invented people and exports, written here.
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAnalyze } from '../src/cli/analyze.js';
import { captureOutput } from '../src/test-support.js';
import { filesUnder, tempDir } from './helpers.js';

/** What must not show in any file: each planted once in a segment cell. */
const PLANTED = ['hedda.voss@postfach.example', 'Hedda Voss', '0176 5551234', '5551234', 'hedda_v', 'Brunnenweg 9', 'ole@postfach.example'];

function writeExports(dir: string): string[] {
  const files: Record<string, string> = {
    'kontakte.csv': ['Customer ID,Name,Email,Phone,Created,Stage,City', '9101,Hedda Voss,hedda.voss@postfach.example,0176 5551234,2024-01-10,VIP (Rückruf 0176 5551234),Celle', '9102,Ole Brandt,ole@postfach.example,,2024-01-11,customer,Celle'].join('\n'),
    'hedda.voss@postfach.example.csv': [
      'Ticket ID,Requester Email,Created At,Channel,Subject,Description,Status,Satisfaction',
      'T1,hedda.voss@postfach.example,2024-02-05T09:00:00Z,hedda.voss@postfach.example,Hilfe,Das Paket kam beschädigt an und niemand antwortet,open,bad',
      'T2,ole@postfach.example,2024-02-06T09:00:00Z,@hedda_v,Frage,Ich warte seit zwei Wochen auf meine Lieferung,open,bad',
      'T3,ole@postfach.example,2024-02-07T09:00:00Z,email,Danke,Danke für die schnelle Hilfe,solved,good',
    ].join('\n'),
    'ole@postfach.example.csv': [
      'Id,ProductId,UserId,ProfileName,HelpfulnessNumerator,HelpfulnessDenominator,Score,Time,Summary,Text',
      'r1,Geschenk für Hedda Voss (Brunnenweg 9),U7,Malte K.,0,0,1,1707480000,Schlecht,Kam kaputt an und schmeckt bitter',
      'r2,Espresso 500 g,U8,Frieda L.,0,0,5,1707490000,Super,Sehr lecker und schnell geliefert',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), `${text}\n`);
  return Object.keys(files).map((name) => join(dir, name));
}

/** The planted strings a text holds, Markdown's backslash escapes aside. */
const leaks = (text: string): string[] => PLANTED.filter((p) => text.replace(/\\(.)/g, '$1').includes(p));

afterEach(() => vi.restoreAllMocks());

describe('personal data in channel, product and CRM stage cells, and in file names', () => {
  let inputs: string[];
  beforeAll(() => {
    inputs = writeExports(tempDir());
  });

  async function run(flags: { handout?: boolean }): Promise<{ files: Record<string, string>; stdout: string; stderr: string }> {
    const out = join(tempDir(), 'out');
    const io = captureOutput();
    const code = await runAnalyze(inputs, { out, map: [], brand: [], lang: 'en', json: true, format: 'both', ...flags });
    expect(code, io.stderr()).toBe(0);
    return { files: filesUnder(out), stdout: io.stdout(), stderr: io.stderr() };
  }

  it('shows them in a run without masking (so the check below can fail)', async () => {
    const { files } = await run({});
    expect(leaks(files['index.md']!)).toEqual(expect.arrayContaining(['hedda.voss@postfach.example', 'hedda_v', 'Brunnenweg 9', '5551234']));
    expect(leaks(files['customers.csv']!)).toContain('hedda.voss@postfach.example');
    expect(leaks(files['index.md']!.split('\n')[2]!)).toEqual(['hedda.voss@postfach.example', 'ole@postfach.example']);
    const drawings = Object.entries(files).filter(([name]) => name.endsWith('.html')).flatMap(([, html]) => html.match(/<svg[\s\S]*?<\/svg>/g) ?? []);
    expect(leaks(drawings.join(''))).toEqual(expect.arrayContaining(['hedda.voss@postfach.example', 'hedda_v']));
  });

  it('warns, in a handout run, that the user’s own files the folder keeps are not pseudonymised, without naming them', async () => {
    const out = join(tempDir(), 'out');
    let io = captureOutput();
    expect(await runAnalyze(inputs, { out, map: [], brand: [], lang: 'en', quiet: true }), io.stderr()).toBe(0);
    // The user edits Hedda's report: thick keeps it, under its old name, when the next run writes pseudonyms.
    const report = readdirSync(join(out, 'customers')).find((f) => f.includes('hedda'))!;
    appendFileSync(join(out, 'customers', report), 'Rückruf am Montag\n');
    vi.restoreAllMocks();
    io = captureOutput();
    expect(await runAnalyze(inputs, { out, map: [], brand: [], lang: 'en', json: true, handout: true }), io.stderr()).toBe(0);
    expect(readdirSync(join(out, 'customers'))).toContain(report);
    const summary = JSON.parse(io.stdout()) as { warnings: string[] };
    expect(summary.warnings).toContain(`${out}: holds a file of yours that thick did not write and so did not pseudonymise (every file its .thick-manifest.json does not list); hand out the files thick wrote, not the whole folder`);
    expect(leaks(io.stdout() + io.stderr())).toEqual([]);
    expect(io.stdout() + io.stderr()).not.toContain(report);
  });

  it('leaves none of them in any file of a handout run: charts, segment tables, profiles.jsonl, customers.csv, the summary', async () => {
    const { files, stdout, stderr } = await run({ handout: true });
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['handout.md', 'handout.html', 'index.html', 'customers.csv', 'profiles.jsonl']));
    const found = Object.entries({ ...files, stdout, stderr })
      .map(([name, text]) => [name, leaks(text)] as const)
      .filter(([, list]) => list.length > 0);
    expect(Object.fromEntries(found)).toEqual({});
    // What was masked still reads as a channel of its own, counted where it was.
    const profiles = files['profiles.jsonl']!.trim().split('\n').map((line) => JSON.parse(line) as { channels: Record<string, number> });
    expect(profiles.map((p) => p.channels)).toEqual(expect.arrayContaining([{ '[e-mail]': 1 }, { '@[handle]': 1, email: 1 }]));
    // Each file keeps a name of its own (both e-mails mask alike), so a quote's source still points at one file.
    const summary = JSON.parse(stdout) as { files: { file: string; preset: string }[] };
    const names = summary.files.map((f) => f.file.slice(f.file.lastIndexOf('/') + 1));
    expect(new Set(names).size).toBe(3);
    expect(names).toEqual(['[e-mail]', 'kontakte.csv', '[e-mail] (2)']);
  });
});
