import { beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, runThick, tempDir } from './helpers.js';
import { leaks, REDACT_BRAND, REDACT_FILES } from './redact-fixtures.js';

describe('thick analyze --redact on exports full of personal data', () => {
  let out: string;
  let stdout: string;
  let stderr: string;
  let files: Record<string, string>;

  beforeAll(async () => {
    out = tempDir();
    const run = await runThick(['analyze', ...REDACT_FILES, ...REDACT_BRAND, '--redact', '--format', 'both', '--json', '-o', out]);
    expect(run.code).toBe(0);
    ({ stdout, stderr } = run);
    files = filesUnder(out);
  });

  it('writes the usual files, HTML pages and rejected.csv among them', () => {
    expect(Object.keys(files).sort()).toEqual(expect.arrayContaining(['index.md', 'index.html', 'profiles.jsonl', 'rejected.csv']));
    expect(Object.keys(files).filter((f) => f.startsWith('customers/') && f.endsWith('.md'))).toHaveLength(4);
    expect(Object.keys(files).filter((f) => f.startsWith('customers/') && f.endsWith('.html'))).toHaveLength(4);
  });

  it('leaves no planted name, address, e-mail, phone, IBAN, handle or link in any file, in stdout or stderr', () => {
    const found = Object.fromEntries(
      Object.entries({ ...files, stdout, stderr })
        .map(([name, text]): [string, string[]] => [name, leaks(text)])
        .filter(([, list]) => list.length > 0),
    );
    expect(found).toEqual({});
  });

  it('names report files by pseudonym and keeps no id in profiles.jsonl', () => {
    for (const name of Object.keys(files).filter((f) => f.startsWith('customers/'))) expect(name).toMatch(/^customers\/person-[2-9bcdfghjkmnpqrstvwxz]{4}\.(?:md|html)$/);
    const profiles = files['profiles.jsonl']!.trim().split('\n').map((line) => JSON.parse(line));
    for (const p of profiles) {
      expect(p.id).toMatch(/^[2-9BCDFGHJKMNPQRSTVWXZ]{4}$/);
      expect(p.name).toBe(`Person ${p.id}`);
      expect(p.identity.crmId).toBe('[id]');
      expect(p.identity.emails).toEqual(['[e-mail]']);
    }
  });

  it('keeps the figures and what is no personal data: counts, dates, prices, order numbers, the brand', () => {
    const summary = JSON.parse(stdout);
    expect(summary.rows).toEqual({ read: 16, used: 15, rejected: 1 });
    expect(summary.customers).toBe(4);
    const reports = Object.entries(files).filter(([f]) => f.startsWith('customers/') && f.endsWith('.md')).map(([, text]) => text).join('\n');
    // Markdown escapes ("service\\@elbtee…") aside.
    const text = reports.replace(/\\(.)/g, '$1');
    for (const kept of ['24,90 €', 'EK-4471', '28.04.2024', '12.03.2024 um 14:30', '1.299,00 €', 'Version 2.3.1', 'Order 112-3456789-1234567', '@elbtee', 'service@elbtee.example']) {
      expect(text).toContain(kept);
    }
  });

  it('shows what was there, masked: the quotes still read', () => {
    const reports = Object.entries(files).filter(([f]) => f.startsWith('customers/') && f.endsWith('.md')).map(([, text]) => text).join('\n');
    expect(reports).toMatch(/auf mein Konto \\\[IBAN\\\]\. Rückfragen gern unter \\\[phone\\\]\. Gruß Person [2-9A-Z]{4}/);
    expect(reports).toContain('Die Lieferung an \\[address\\] kam nie an. Ruft mich an: \\[phone\\] oder schreibt an \\[e-mail\\].');
    expect(reports).toMatch(/Sehr geehrter Herr Person [2-9A-Z]{4}, wir melden uns per DM/);
    expect(reports).toMatch(/\d{4}-\d{2}-\d{2}, Analyst [AB]: Person [2-9A-Z]{4} angerufen \(\\\[phone\\\]\)/);
    expect(files['rejected.csv']).toContain('"created: impossible date ""31.02.2024"" (February 2024 has 29 days)","[text],[text],[e-mail],[phone],31.02.2024,[text],[text],"');
  });
});

describe('thick analyze --handout on exports full of personal data', () => {
  let out: string;
  let run: { code: number | null; stdout: string; stderr: string };
  let files: Record<string, string>;

  beforeAll(async () => {
    out = tempDir();
    // German, Markdown pages only: the handout is written as Markdown and HTML whatever --format says.
    run = await runThick(['analyze', ...REDACT_FILES, ...REDACT_BRAND, '--handout', '--top', '3', '--lang', 'de', '--json', '-o', out]);
    files = filesUnder(out);
  });

  it('writes handout.md and handout.html beside the usual files', () => {
    expect(run.code).toBe(0);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['handout.md', 'handout.html', 'index.md', 'customers.csv', 'profiles.jsonl', 'rejected.csv']));
  });

  it('leaves no planted personal data in any file of the run, in the summary or on stderr', () => {
    const found = Object.fromEntries(
      Object.entries({ ...files, stdout: run.stdout, stderr: run.stderr })
        .map(([name, text]): [string, string[]] => [name, leaks(text)])
        .filter(([, list]) => list.length > 0),
    );
    expect(found).toEqual({});
  });

  it('opens with what is masked, shows the highlights, then three portraits under pseudonyms', () => {
    const handout = files['handout.md']!;
    expect(handout).toMatch(/^# Workshop-Handout\n\n\*Pseudonymisiert: /);
    expect(handout).toContain('## Die Auswertung in Zahlen');
    expect(handout).toContain('## Beziehungsphasen');
    const portraits = [...handout.matchAll(/^### (\d)\. Person [2-9BCDFGHJKMNPQRSTVWXZ]{4}$/gm)].map((m) => m[1]);
    expect(portraits).toEqual(['1', '2', '3']);
    expect(handout.match(/^\*\*Wer:\*\* Person /gm)).toHaveLength(3);
    expect(handout.match(/^\*\*Als Nächstes:\*\* /gm)).toHaveLength(3);
    // The HTML handout is the same page: the same portraits, charts as SVG, nothing that runs.
    const html = files['handout.html']!;
    expect(html.match(/<h3>\d\. Person [2-9BCDFGHJKMNPQRSTVWXZ]{4}<\/h3>/g)).toHaveLength(3);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
  });

  it('is a usage error to ask for --top without --handout, or for no portraits', async () => {
    expect((await runThick(['analyze', ...REDACT_FILES, '--top', '3', '-o', tempDir()])).code).toBe(2);
    expect((await runThick(['analyze', ...REDACT_FILES, '--handout', '--top', '0', '-o', tempDir()])).code).toBe(2);
  });
});
