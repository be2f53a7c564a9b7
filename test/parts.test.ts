// `thick analyze --parts n`, in process: a run annotated and profiled in n parts, one after the other, writes what the
// run in one part writes, byte for byte (pages, index, customers.csv, profiles.jsonl, thick-state.json, rejected.csv,
// the --json summary), also when each customer's page depends on the whole run's gaps and on a rerun that compares
// with the previous state; and it leaves no temporary file behind.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRAND, bytesUnder, DEMO, ROOT, runThick, sharedGapsExport, summaryOf, tempDir } from './helpers.js';

/** A temporary folder of the runs' own (TMPDIR), so that what they leave there is theirs alone. */
const TMP = tempDir();

/** One run in `parts` parts into `out`; it must succeed and leave nothing in its temporary folder. */
async function analyze(inputs: readonly string[], parts: number, out: string, flags: readonly string[] = []) {
  const run = await runThick(['analyze', ...inputs, ...flags, '--parts', String(parts), '--json', '-o', out], { env: { TMPDIR: TMP } });
  expect(run.code, run.stderr).toBe(0);
  expect(readdirSync(TMP).filter((name) => name.startsWith('thick-parts-'))).toEqual([]);
  return run;
}

/** The run in one part and in `parts` parts write the same bytes and say the same summary. */
async function expectSame(inputs: readonly string[], parts: number, flags: readonly string[] = []) {
  const root = tempDir();
  const one = await analyze(inputs, 1, join(root, 'one'), flags);
  const split = await analyze(inputs, parts, join(root, 'split'), flags);
  const written = bytesUnder(join(root, 'one'));
  expect(Object.keys(written).length).toBeGreaterThan(4);
  expect(bytesUnder(join(root, 'split'))).toEqual(written);
  expect(summaryOf(split.stdout)).toEqual(summaryOf(one.stdout));
  return { root, one, written };
}

describe('a run in parts is the run in one part, byte for byte', () => {
  it('on the demo, in 3 parts, and in as many as it has customers (40 asked)', async () => {
    const { written } = await expectSame(DEMO, 3, BRAND);
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['index.md', 'customers.csv', 'profiles.jsonl', 'thick-state.json']));
    await expectSame(DEMO, 40, BRAND);
  });

  it("when most customers share gaps, one of which needs every part's annotations", async () => {
    const input = sharedGapsExport(tempDir());
    const { one, written } = await expectSame([input], 3, ['--format', 'both', '--lang', 'de']);
    const lifted = (JSON.parse(one.stdout) as { blindSpots: { key: string }[] }).blindSpots.map((g) => g.key);
    // The premise: the pages leave these gaps to the index, so each page depends on the whole run.
    expect(lifted).toEqual(expect.arrayContaining(['otherLanguage', 'oneChannel']));
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['rejected.csv', 'index.html', 'customers/c1.html']));
  });

  it('on a rerun into the same folder, which compares with the previous state', async () => {
    const dir = tempDir();
    const file = join(dir, 'events.csv');
    const gen = spawnSync(process.execPath, [join(ROOT, 'scripts/gen.js'), '--events', '1500', '--out', file], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    const root = tempDir();
    for (const [out, parts] of [['one', 1], ['split', 4]] as const) {
      await analyze([file], parts, join(root, out), ['--since', '30d', '--until', '2025-06-01']);
      const again = await analyze([file], parts, join(root, out), ['--since', '30d']);
      expect((JSON.parse(again.stdout) as { changes: unknown }).changes).not.toBeNull();
    }
    expect(bytesUnder(join(root, 'split'))).toEqual(bytesUnder(join(root, 'one')));
  }, 60_000);

  it("keeps the run's order where an output depends on it: anonymous customers whose records are alike", async () => {
    // Rating-only reviews by a placeholder author on the same days: the state knows these customers by their record's
    // content, numbered in the order of the run (profile/state.ts), so parts must hand their customers back in it.
    const lines = ['Name;Datum;Sterne;Überschrift;Bewertung;Antwort des Unternehmens'];
    for (let i = 1; i <= 40; i++) lines.push(`Kunde;0${(i % 3) + 1}.02.2024;${(i % 2) + 4};;;`);
    const file = join(tempDir(), 'bewertungen.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { written } = await expectSame([file], 5);
    expect(Buffer.from(written['thick-state.json']!, 'base64').toString('utf8').split('\n').length).toBeGreaterThan(40);
  });

  it('says when --parts cannot split a run: --redact masks names across the whole run', async () => {
    const one = await analyze(DEMO, 1, join(tempDir(), 'one'), [...BRAND, '--redact']);
    const asked = await analyze(DEMO, 4, join(tempDir(), 'four'), [...BRAND, '--redact']);
    const warnings = (stdout: string) => (JSON.parse(stdout) as { warnings: string[] }).warnings;
    expect(warnings(asked.stdout)).toEqual(['--parts 4: a --redact run is analysed in one part (masking needs every customer\'s names at once)', ...warnings(one.stdout)]);
  });

  it('refuses a number of parts that is not a whole number, at least 1', async () => {
    const run = await runThick(['analyze', ...DEMO, '--parts', '0', '-o', join(tempDir(), 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--parts');
  });
});
