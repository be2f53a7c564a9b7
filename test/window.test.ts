// --since and --until, in-process: what a window keeps out, what it makes "recent" and "new", that no row is lost or
// rejected for lying after it, and that a window which changes nothing changes no output.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeWindow, runAnalyze, type AnalyzeFlags, type RunSummary } from '../src/cli/analyze.js';
import { captureOutput } from '../src/test-support.js';
import { BRAND, DEMO, filesUnder, ROOT, tempDir } from './helpers.js';

// Invented customers of an invented shop; the latest record is 2026-01-12.
const CONTACTS = [
  'Customer ID,Name,Email,Phone,Created,Stage,City,Instagram,Twitter',
  'C1,Ana Lind,ana@example.org,,2025-06-01,customer,Kiel,,',
  'C2,Ben Ostrow,ben@example.org,,2025-06-02,customer,Lübeck,,',
  'C3,Cleo Marten,cleo@example.org,,2026-01-06,lead,Husum,,',
  'C4,Dora Feld,dora@example.org,,2026-01-09,lead,Eutin,,',
].join('\n');
const TICKETS = [
  'Ticket ID,Requester Email,Created At,Channel,Subject,Description,Status,First Reply At',
  'T1,ana@example.org,2025-12-01T09:00:00Z,email,Lieferung,"Meine Bestellung ist seit zwei Wochen nicht angekommen, ich warte immer noch.",solved,2025-12-01T11:00:00Z',
  'T2,ben@example.org,2025-12-10T09:00:00Z,email,Lieferung,"Seit drei Wochen warte ich auf meine Lieferung, das ist ärgerlich.",solved,2025-12-10T12:00:00Z',
  'T3,ana@example.org,2026-01-05T10:00:00Z,email,Wieder,"Schon wieder warte ich seit Tagen auf die Lieferung, langsam reicht es.",solved,2026-01-05T12:00:00Z',
  // Asked inside the window, answered after it: as of the window's end, it waits for a reply.
  'T4,cleo@example.org,2026-01-06T08:00:00Z,email,Frage,"Hallo, liefert ihr auch nach Husum? Danke!",open,2026-01-08T09:00:00Z',
  'T5,ana@example.org,2026-01-10T10:00:00Z,email,Danke,"Jetzt ist alles da, vielen Dank für die Hilfe!",solved,2026-01-10T11:00:00Z',
  'T6,dora@example.org,2026-01-12T10:00:00Z,email,Frage,"Gibt es den Kaffee auch entkoffeiniert?",open,',
].join('\n');

function exports(): string[] {
  const dir = tempDir();
  writeFileSync(join(dir, 'contacts.csv'), CONTACTS);
  writeFileSync(join(dir, 'tickets.csv'), TICKETS);
  return [join(dir, 'contacts.csv'), join(dir, 'tickets.csv')];
}

interface Profile {
  id: string;
  attentionReasons: string[];
  dialog: { unanswered: number; answered: number };
  lastContact: string;
}

async function run(files: string[], flags: Partial<AnalyzeFlags>): Promise<{ code: number; summary: RunSummary; files: Record<string, string>; profiles: Record<string, Profile> }> {
  const out = join(tempDir(), 'out');
  const io = captureOutput();
  const code = await runAnalyze(files, { out, map: [], brand: [], lang: 'en', json: true, ...flags });
  vi.restoreAllMocks();
  const written = filesUnder(out);
  const profiles = Object.fromEntries(
    written['profiles.jsonl']!
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Profile)
      .map((p) => [p.id, p]),
  );
  return { code, summary: JSON.parse(io.stdout()) as RunSummary, files: written, profiles };
}

afterEach(() => vi.restoreAllMocks());

describe('a run with --until', () => {
  it('leaves later records out of every profile, and customers who only come later out of the run', async () => {
    const files = exports();
    const all = await run(files, {});
    const cut = await run(files, { until: '2026-01-07' });
    expect(Object.keys(all.profiles).sort()).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(Object.keys(cut.profiles).sort()).toEqual(['C1', 'C2', 'C3']);
    expect(all.profiles['C1']!.lastContact).toBe('2026-01-10T11:00:00.000Z');
    expect(cut.profiles['C1']!.lastContact).toBe('2026-01-05T12:00:00.000Z');
    // Cleo's question was answered on 8 January: as of 7 January it was not.
    expect(all.profiles['C3']!.dialog).toMatchObject({ answered: 1, unanswered: 0 });
    expect(cut.profiles['C3']!.dialog).toMatchObject({ answered: 0, unanswered: 1 });
    expect(cut.summary.window).toMatchObject({ since: null, until: '2026-01-07T23:59:59.999Z', asOf: '2026-01-07T23:59:59.999Z' });
  });

  it('keeps read = used + rejected: rows after it are counted, not rejected, so --strict passes', async () => {
    const { code, summary, files } = await run(exports(), { until: '2026-01-07', strict: true });
    expect(code).toBe(0);
    expect(summary.rows).toEqual({ read: 10, used: 10, rejected: 0 });
    for (const file of summary.files) expect(file.rows.read).toBe(file.rows.used + file.rows.rejected);
    expect(files['rejected.csv'] ?? '').not.toContain('T5');
    // T5 and its reply, T6, and the reply to T4; Dora's contact; the rows of T5, T6 and Dora (T4's row stays).
    expect(summary.window.leftOut).toEqual({ records: 4, contacts: 1, rows: 3 });
    expect(files['index.md']).toContain('4 records and 1 CRM contact dated after its end left out of this run (3 rows wholly after it: read and counted as used, not rejected)');
  });

  it('is the reference date unless --as-of is given', async () => {
    const files = exports();
    const cut = await run(files, { until: '2026-01-07' });
    expect(cut.summary.window.asOf).toBe('2026-01-07T23:59:59.999Z');
    // The profiles measure from it too: the index says so (the latest record kept is from 6 January).
    expect(cut.files['index.md']).toContain('Dated from 2025-12-01 to 2026-01-06; reference date 2026-01-07');
    expect((await run(files, { until: '2026-01-07', asOf: '2026-01-06' })).summary.window.asOf).toBe('2026-01-06T00:00:00.000Z');
    expect((await run(files, {})).summary.window.asOf).toBe('2026-01-12T10:00:00.000Z');
  });
});

describe('a run with --since', () => {
  it('makes "recent" the window: a complaint before it no longer raises attention as recent', async () => {
    const files = exports();
    const plain = await run(files, { until: '2026-01-07' });
    const week = await run(files, { since: '7d', until: '2026-01-07' });
    expect(plain.profiles['C2']!.attentionReasons).toContain('1 recent complaint');
    expect(week.profiles['C2']!.attentionReasons).not.toContain('1 recent complaint');
    expect(plain.profiles['C1']!.attentionReasons).toContain('2 recent complaints');
    expect(week.profiles['C1']!.attentionReasons).toContain('1 recent complaint');
  });

  it('counts the records in it, before it, and who was active or new in it', async () => {
    const { summary, files } = await run(exports(), { since: '7d', until: '2026-01-07' });
    expect(summary.window).toEqual({
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-01-07T23:59:59.999Z',
      asOf: '2026-01-07T23:59:59.999Z',
      // T3 and its reply, T4; T1 and T2 with their replies.
      records: { inWindow: 3, before: 4, undated: 0 },
      leftOut: { records: 4, contacts: 1, rows: 3 },
      // Ana and Cleo wrote in the window; Cleo for the first time.
      customers: { active: 2, new: 1 },
    });
    const index = files['index.md']!;
    expect(index).toContain('- Window 2026-01-01 to 2026-01-07 (7 days): 3 records in it, from 2 customers, 1 of them new (first contact in the window); 4 earlier records inform the profiles but are not recent;');
    expect(index).toContain('The window, 2026-01-01 to 2026-01-07, against 2025-12-11 – 2025-12-31: 2 records with words, against 0 in the three periods of its length before it.');
  });

  it('says the window in German', async () => {
    const { files } = await run(exports(), { since: '1w', until: '2026-01-07', lang: 'de' });
    const index = files['index.md']!;
    expect(index).toContain('- Zeitraum 01.01.2026 bis 07.01.2026 (7 Tage): 3 Einträge darin, von 2 Kundinnen und Kunden, davon 1 neu (erster Kontakt im Zeitraum);');
    expect(index).toContain('Der Zeitraum 01.01.2026 bis 07.01.2026 gegen 11.12.2025 – 31.12.2025: 2 Einträge mit Text, gegen 0 in den drei gleich langen Zeiträumen davor.');
  });

  it('stops a window that ends before it starts as a usage error before anything is written', async () => {
    const out = join(tempDir(), 'out');
    await expect(runAnalyze(exports(), { out, map: [], brand: [], lang: 'en', since: '2026-01-07', until: '2w' })).rejects.toThrow(/the window ends before it starts/);
  });
});

describe('the demo without a window', () => {
  const demo = DEMO.map((f) => join(ROOT, f));
  const brand = BRAND.filter((_, i) => i % 2 === 1);

  it('has an open window in the summary and says none in the index', async () => {
    const { summary, files } = await run(demo, { brand });
    expect(summary.window).toMatchObject({ since: null, until: null, asOf: '2024-11-14T19:05:00.000Z', leftOut: { records: 0, contacts: 0, rows: 0 }, customers: { new: null } });
    expect(files['index.md']).not.toMatch(/Window|Up to /);
    expect(files['index.md']).toContain('2024-10, the latest complete month, against 2024-07 – 2024-09');
  });

  it('writes the same bytes with --until at the data’s last instant (nothing cut, the same reference date) but for the window line', async () => {
    const plain = await run(demo, { brand });
    const until = await run(demo, { brand, until: '2024-11-14T19:05:00Z' });
    expect(until.summary.window.leftOut).toEqual({ records: 0, contacts: 0, rows: 0 });
    const withoutWindowLine = (index: string) => index.replace(/^- Up to .*\n/m, '');
    expect(until.files['index.md']).toMatch(/^- Up to 2024-11-14: 220 records in it, from 25 customers$/m);
    expect(withoutWindowLine(until.files['index.md']!)).toBe(plain.files['index.md']);
    // The manifest holds index.md's checksum; the state the next run compares with records the window it was given.
    const windowed = ['index.md', '.thick-manifest.json', 'thick-state.json'];
    for (const name of Object.keys(plain.files).filter((n) => !windowed.includes(n))) expect(until.files[name], name).toBe(plain.files[name]);
    expect(until.files['thick-state.json']).toBe(plain.files['thick-state.json']!.replace('"window":null', '"window":{"until":"2024-11-14T19:05:00.000Z"}'));
  });
});

describe('describeWindow', () => {
  it('says the window on stderr only when it has an end', async () => {
    const { summary } = await run(exports(), { since: '7d', until: '2026-01-07' });
    expect(describeWindow(summary.window)).toBe('window 2026-01-01 to 2026-01-07: 3 records from 2 customers, 1 new; after it, left out: 4 records, 1 contact (3 rows, counted as used)');
    expect(describeWindow((await run(exports(), {})).summary.window)).toBeNull();
  });
});

describe('a window after the data', () => {
  it('is empty, not an error: the index and a warning say so', async () => {
    const { code, summary, files } = await run(exports(), { since: '2026-02-01' });
    expect(code).toBe(0);
    expect(summary.window).toMatchObject({ records: { inWindow: 0 }, customers: { active: 0, new: 0 } });
    expect(summary.warnings).toContain("the window from 2026-02-01 holds no record of the run's customers: nothing in it is recent or new");
    expect(files['index.md']).toContain('- From 2026-02-01, after the reference date: 0 records in it, from 0 customers, 0 of them new');
    expect(files['index.md']).toContain('No records with words in the window, 2026-02-01 to 2026-02-01: nothing to compare.');
  });
});
