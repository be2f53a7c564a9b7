import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRAND, DEMO, runThick, tempDir } from './helpers.js';

interface Summary {
  rows: { read: number; used: number; rejected: number };
  customers: number;
  reports: number;
  warnings: string[];
  files: { file: string; encoding: string; delimiter: string; preset: string; rows: { read: number; used: number; rejected: number } }[];
  blindSpots: { key: string; text: string; customers?: { n: number; of: number } }[];
}

describe('thick analyze on the demo data', () => {
  let out: string;
  let summary: Summary;
  let stdout: string;
  let profiles: Record<string, any>[];

  beforeAll(async () => {
    out = tempDir();
    const run = await runThick(['analyze', ...DEMO, ...BRAND, '-o', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    stdout = run.stdout;
    summary = JSON.parse(run.stdout);
    profiles = readFileSync(join(out, 'profiles.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  });

  it('prints nothing but the JSON summary on stdout, and read = used + rejected per file and in total', async () => {
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(summary.files.map((f) => f.preset).sort()).toEqual(['contacts', 'notes', 'orders', 'social', 'tickets']);
    for (const file of summary.files) expect(file.rows.read).toBe(file.rows.used + file.rows.rejected);
    expect(summary.rows.read).toBe(summary.rows.used + summary.rows.rejected);
    expect(summary.rows.read).toBe(summary.files.reduce((n, f) => n + f.rows.read, 0));
    // Data records, not physical lines: tickets.csv has quoted multi-line descriptions.
    expect(summary.files.find((f) => f.file.endsWith('tickets.csv'))!.rows.read).toBe(36);
    expect(summary.files.find((f) => f.file.endsWith('orders.csv'))!.delimiter).toBe(';');
    expect(summary.rows).toEqual({ read: 216, used: 216, rejected: 0 });
  });

  it('says per file which column keys the customers and how many records of each kind it holds', () => {
    const files = Object.fromEntries((summary.files as unknown as { file: string; key: unknown; customers: number; records: unknown; brandRecords: number }[]).map((f) => [f.file.split('/').pop(), f]));
    expect(files['contacts.csv']).toMatchObject({ key: { field: 'crmId', column: 'Customer ID' }, customers: 22 });
    expect(files['orders.csv']).toMatchObject({ key: { field: 'crmId', column: 'Kundennummer' }, customers: 17, records: { order: 90 } });
    expect(files['tickets.csv']).toMatchObject({ key: { field: 'email', column: 'Requester Email' }, records: { ticket: 36 }, brandRecords: 28 });
    expect(files['social.csv']).toMatchObject({ key: { field: 'handle', column: 'Username' }, records: { post: 30 }, brandRecords: 16 });
  });

  it('writes one report per customer, three of them for social handles no contact has', () => {
    expect(summary.customers).toBe(25);
    expect(summary.reports).toBe(25);
    expect(profiles).toHaveLength(25);
    const unlinked = profiles.filter((p) => !p.identity.linked).map((p) => p.id).sort();
    expect(unlinked).toEqual(['bitterbohne', 'dave.mcgrath.hh', 'kaffeeklatsch_sabine']);
    for (const p of profiles) expect(existsSync(join(out, 'customers', `${p.slug}.md`))).toBe(true);
    // Never a profile for the brand's own accounts.
    expect(profiles.map((p) => p.id)).not.toContain('nordlicht.kaffee');
    expect(profiles.map((p) => p.id)).not.toContain('nordlichtkaffee');
  });

  it('computes the known figures of fixtures/demo/README.md', () => {
    const byId = Object.fromEntries(profiles.map((p) => [p.id, p]));
    expect(byId['1002'].orders).toEqual({ count: 4, revenue: 85.4 });
    // His unanswered ticket is older than the 30-day reply horizon before the run's reference date: not still open.
    // His tweet tw-0013 (social.csv:34) speaks about the brand but not to it (no mention, no reply, no brand thread):
    // it expected no reply.
    expect(byId['1002'].dialog).toEqual({
      inbound: 7,
      outbound: 6,
      answered: 5,
      answeredTimeUnknown: 0,
      unanswered: 1,
      stillOpen: 0,
      settled: 0,
      noReplyNeeded: 0,
      noReplyExpected: 1,
      medianResponseMinutes: 815,
    });
    expect(byId['1003'].orders).toEqual({ count: 8, revenue: 2412.2 });
    expect(byId['1003'].dialog).toMatchObject({ inbound: 5, answered: 3, medianResponseMinutes: 122 });
    expect(byId['1004'].orders).toEqual({ count: 7, revenue: 137.7 });
    expect(byId['1004'].dialog).toMatchObject({ inbound: 4, answered: 4, unanswered: 0, medianResponseMinutes: 117.5 });
    expect(byId['1001'].orders).toEqual({ count: 11, revenue: 196.9 });
    // Her answer to another customer (social.csv:33) is not a message to the brand.
    expect(byId['1001'].dialog).toMatchObject({ inbound: 4, outbound: 4, answered: 4, unanswered: 0, noReplyNeeded: 0, noReplyExpected: 0, medianResponseMinutes: 141.5 });
  });

  it('follows the profile contract: nulls for unknowns, RFM 1–5, ISO dates', () => {
    for (const p of profiles) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'name', 'firstContact', 'lastContact', 'channels', 'orders', 'rfm', 'dialog', 'sentiment', 'codes', 'stage', 'blindSpots']));
      if (p.rfm) for (const score of Object.values(p.rfm) as number[]) expect(score).toBeGreaterThanOrEqual(1), expect(score).toBeLessThanOrEqual(5);
      if (p.firstContact) expect(p.firstContact).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(p.dialog.answered + p.dialog.unanswered + p.dialog.noReplyNeeded + p.dialog.noReplyExpected).toBe(p.dialog.inbound);
      expect(p.dialog.stillOpen).toBeLessThanOrEqual(p.dialog.unanswered);
    }
    const sabine = profiles.find((p) => p.id === 'kaffeeklatsch_sabine')!;
    expect(sabine.orders.revenue).toBeNull(); // a handle cannot be joined to orders: unknown, not 0
    expect(sabine.rfm).toBeNull();
    expect(sabine.blindSpots.join(' ')).toMatch(/Not linked to a CRM contact/);
    const frieda = profiles.find((p) => p.id === '1022')!;
    expect(frieda.sentiment).toEqual({ mean: null, n: 0 });
    expect(frieda.tone).toEqual({ mean: null, n: 0, fromRatings: 0 });
    expect(frieda.rating).toBeNull();
    expect(frieda.dialog.medianResponseMinutes).toBeNull();
  });

  it("shows a customer's quote with its file:line, revenue and answered count in the report", () => {
    const thomas = profiles.find((p) => p.id === '1002')!;
    const report = readFileSync(join(out, 'customers', `${thomas.slug}.md`), 'utf8');
    expect(report).toContain('# Thomas Krüger');
    expect(report).toMatch(/Ich bin seit 2023 Kunde und ehrlich gesagt ziemlich enttäuscht\.[^\n]*\n> — 2024-07-15, email, fixtures\/demo\/tickets\.csv:26/);
    expect(report).toContain('| 4 | 85.40 |');
    expect(report).toMatch(/\| 7 \| 6 \| 5 \| 1 \| 13\.6 h \|/);
    for (const heading of ['Who', 'Numbers', 'Voice', 'Themes', 'Dialog', 'Relationship', 'Context', 'Blind spots', 'Next conversation']) {
      expect(report).toMatch(new RegExp(`^## \\d\\. ${heading}$`, 'm'));
    }
    // Analyst notes are shown as such, with author and source.
    expect(report).toMatch(/Jonas Weber: Paketverlust im Streikzeitraum.*fixtures\/demo\/notes\.csv:10/);
    // The strike (a context event) is on his timeline, in the month of his three complaints (tickets.csv:20 and :23,
    // social.csv:19), and in his context section.
    expect(report).toMatch(/^2024-06 +█+·* +9 +complaints: 3 +◆ Warnstreik beim Paketdienstleister.*\(fixtures\/demo\/notes\.csv:2\)$/m);
    expect(report).toMatch(/\*\*What was happening at the time\*\*\n\n- Warnstreik beim Paketdienstleister.*fixtures\/demo\/notes\.csv:2/);
  });

  it('lists every customer in the index, sorted by attention, each linked to an existing report', () => {
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    const rows = [...index.matchAll(/^\| (\d+) \| \[([^\]]+)\]\(customers\/([^)]+\.md)\) \| [^|]+ \| ([\d.]+) \|/gm)];
    expect(rows).toHaveLength(25);
    const scores = rows.map((r) => Number(r[4]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const row of rows) expect(existsSync(join(out, 'customers', row[3]!))).toBe(true);
    expect(index).toContain('Warnstreik');
  });

  it('writes every customer to customers.csv, in the order of the index, with a byte-order mark', () => {
    const csv = readFileSync(join(out, 'customers.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\uFEFFrank,id,name,slug,stage,attention,/);
    expect(lines).toHaveLength(1 + profiles.length);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    const firstInIndex = /^\| 1 \| \[[^\]]+\]\(customers\/([^)]+)\.md\)/m.exec(index)![1];
    const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    expect(rows[0]!.slug).toBe(firstInIndex);
    expect(rows.find((r) => r.id === '1003')!.name).toBe('Hansen, Jens (Café Hafenliebe)');
  });

  it('opens the index with the run as a whole, then who needs attention first', () => {
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    expect(index.indexOf('## The run in figures')).toBeLessThan(index.indexOf('## Themes across all customers'));
    expect(index.indexOf('## What changed recently')).toBeLessThan(index.indexOf('## Customers, who needs attention first'));
    expect(index).toContain('- 25 customers: ');
  });

  it('writes no rejected.csv when nothing was rejected', () => {
    expect(existsSync(join(out, 'rejected.csv'))).toBe(false);
  });

  it('gives the same output when run again (deterministic for CI)', async () => {
    const again = tempDir();
    await runThick(['analyze', ...DEMO, ...BRAND, '-o', again, '--json']);
    expect(readFileSync(join(again, 'profiles.jsonl'), 'utf8')).toBe(readFileSync(join(out, 'profiles.jsonl'), 'utf8'));
    expect(readFileSync(join(again, 'index.md'), 'utf8')).toBe(readFileSync(join(out, 'index.md'), 'utf8'));
  });
});

describe('thick analyze with bad rows', () => {
  it('rejects them with file, line and reason, keeps the rest, and --strict turns them into exit 1', async () => {
    const dir = tempDir();
    const file = join(dir, 'orders.csv');
    writeFileSync(file, 'Order ID,Customer ID,Date,Quantity,Unit Price\nA1,7,2024-03-01,2,9.50\nA2,7,31.04.2024,1,5\nA3,8,2024-03-02,1\nA4,8,2024-03-03,1,abc\n');
    const run = await runThick(['analyze', file, '-o', join(dir, 'out'), '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.rows).toEqual({ read: 4, used: 1, rejected: 3 });
    // What the whole run cannot see is in the summary too, as the index says it.
    expect(summary.blindSpots).toContainEqual({ key: 'runNoNotes', text: expect.stringMatching(/^No analyst notes in this run/) });
    const rejected = readFileSync(join(dir, 'out', 'rejected.csv'), 'utf8').trimEnd().split('\n');
    // UTF-8 with a byte-order mark, so Excel shows umlauts in the raw rows as written.
    expect(rejected[0]).toBe('\uFEFFfile,line,column,reason,raw');
    expect(rejected[1]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')},3,3,.*impossible date.*31\\.04\\.2024`));
    expect(rejected[2]).toMatch(/,4,5,"expected 5 fields, found 4","A3,8,2024-03-02,1"$/);
    expect(rejected[3]).toMatch(/,5,5,.*not a number/);
    const strict = await runThick(['analyze', file, '-o', join(dir, 'out2'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict: 3 rows rejected/);
  });
});

describe('CLI manners', () => {
  it('exits 1 naming the file when an input is missing', async () => {
    const run = await runThick(['analyze', 'no/such.csv', '-o', tempDir()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no\/such\.csv: cannot read \(no such file or folder\)/);
    expect(run.stdout).toBe('');
    const folder = await runThick(['analyze', 'fixtures/demo', '-o', tempDir()]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('fixtures/demo: cannot read (is a folder, not a file); name its files, e.g. fixtures/demo/*.csv');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runThick(['analyze', DEMO[0]!])).code).toBe(2); // no -o
    expect((await runThick(['analyze', DEMO[0]!, '-o', tempDir(), '--bogus'])).code).toBe(2);
    const badMap = await runThick(['analyze', DEMO[0]!, '-o', tempDir(), '--map', 'text=Nope']);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toMatch(/--map text=Nope: no column "Nope"; columns are: Customer ID, Name/);
    const badHorizon = await runThick(['analyze', DEMO[0]!, '-o', tempDir(), '--reply-horizon', '0']);
    expect(badHorizon.code).toBe(2);
    expect(badHorizon.stderr).toMatch(/--reply-horizon "0": expected a whole number of days, at least 1/);
    const badTop = await runThick(['analyze', DEMO[0]!, '-o', tempDir(), '--index-top', 'all']);
    expect(badTop.code).toBe(2);
    expect(badTop.stderr).toMatch(/--index-top "all": expected a whole number of customers, at least 1/);
  });

  it('widens "still open" with --reply-horizon', async () => {
    const out = tempDir();
    expect((await runThick(['analyze', ...DEMO, ...BRAND, '-o', out, '--reply-horizon', '365', '--index-top', '5', '-q'])).code).toBe(0);
    const thomas = readFileSync(join(out, 'profiles.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).find((p) => p.id === '1002');
    expect(thomas.dialog).toMatchObject({ unanswered: 1, stillOpen: 1 });
    // The same run lists 5 customers in the index (--index-top) and all 25 in customers.csv.
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    expect([...index.matchAll(/^\| \d+ \| \[/gm)]).toHaveLength(5);
    expect(index).toContain('The first 5 of 25 customers; all of them, one row each, are in customers.csv.');
    expect(readFileSync(join(out, 'customers.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(26);
  });

  it('prints help with examples for every command, and the version', async () => {
    expect((await runThick(['--help'])).stdout).toMatch(/Examples:\n\s+\$ thick analyze /);
    for (const command of ['analyze', 'annotate', 'inspect', 'codebook', 'eval', 'train']) {
      const help = await runThick([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Examples:\n\s+\$ thick /);
    }
    const version = await runThick(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('uses no colour codes without a TTY, even when FORCE_COLOR is not set', async () => {
    const run = await runThick(['analyze', 'no/such.csv', '-o', tempDir()], { env: { NO_COLOR: '' } });
    expect(run.stderr).not.toMatch(/\u001b\[/);
  });
});
