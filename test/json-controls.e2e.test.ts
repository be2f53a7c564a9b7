// Every JSON thick writes shows a customer's control characters as data: JSON.stringify escapes only C0, so DEL, the
// C1 controls (U+009B is a terminal's CSI) and U+2028 reached profiles.jsonl, annotate's lines, the --json summaries
// and the shard files raw, and a `cat` of them drove the terminal. Each output here must hold none of them raw and
// parse back to the customer's very text.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runThick, tempDir } from './helpers.js';

/** Text a terminal would obey: ESC sequences, DEL, NEL (U+0085), CSI (U+009B), and the line separator U+2028. */
const HOSTILE = 'Hallo \x1b[31mrot\x1b[0m \x7f \u0085 \u009b2J \u2028 ende, wo bleibt meine Lieferung?';
const NAME = 'Anna \x1b[2J\u0085\u009b Berg';
/** A file name is data too: it reaches every summary and every record's source. */
const FILE = 'in\x1b[2J\u0085\x7f\u009b\u2028.csv';
/** What no JSON thick writes may hold raw (C0 but the line breaks of indented JSON, DEL, C1, U+2028/U+2029). */
const RAW_CONTROL = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/;

function hostileExport(dir: string): string {
  const rows = ['Customer ID,Name,Date,Message', `K1,"${NAME}",2024-01-09,"${HOSTILE}"`, `K1,"${NAME}","2024-99-99 \u0085\x7f",zweite Nachricht`];
  for (let i = 2; i < 40; i++) rows.push(`K${i},Kunde ${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},"Eine ganz normale Frage zur Lieferung meiner Bestellung, bitte."`);
  const path = join(dir, FILE);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

/** Every string anywhere in a parsed value. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(stringsIn) : [];

/** The JSON values of a text: one document, or one a line (jsonl). */
function parsed(text: string, lines: boolean): unknown[] {
  expect(text).not.toMatch(RAW_CONTROL);
  return lines ? text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown) : [JSON.parse(text) as unknown];
}

/** Whether some string of the values holds `wanted` exactly as the customer wrote it. */
const holds = (values: unknown[], wanted: string): boolean => values.flatMap(stringsIn).some((s) => s.includes(wanted));

describe('JSON outputs escape control characters and keep the text', () => {
  it('analyze: profiles.jsonl, thick-state.json and the --json summary', async () => {
    const dir = tempDir();
    const input = hostileExport(dir);
    const run = await runThick(['analyze', input, '-o', join(dir, 'out'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(holds(parsed(run.stdout, false), FILE)).toBe(true);
    expect(holds(parsed(readFileSync(join(dir, 'out/profiles.jsonl'), 'utf8'), true), NAME)).toBe(true);
    expect(holds(parsed(readFileSync(join(dir, 'out/thick-state.json'), 'utf8'), false), 'K1')).toBe(true);
    parsed(readFileSync(join(dir, 'out/.thick-manifest.json'), 'utf8'), false);
  });

  it('annotate: the JSON lines and the --json summary', async () => {
    const dir = tempDir();
    const input = hostileExport(dir);
    const run = await runThick(['annotate', input, '-o', join(dir, 'out.jsonl'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = parsed(run.stdout, false);
    expect(holds(summary, FILE)).toBe(true);
    const lines = parsed(readFileSync(join(dir, 'out.jsonl'), 'utf8'), true);
    expect(holds(lines, HOSTILE)).toBe(true);
    expect(holds(lines, FILE)).toBe(true);
  });

  it('a shard (records, pages, thick-shard.json, summary) and its merge (profiles.jsonl, summary)', async () => {
    const dir = tempDir();
    const input = hostileExport(dir);
    const shard = await runThick(['analyze', input, '--shard', '1/1', '-o', join(dir, 's1'), '--json']);
    expect(shard.code, shard.stderr).toBe(0);
    parsed(shard.stdout, false);
    const records = parsed(readFileSync(join(dir, 's1/customers.jsonl'), 'utf8'), true);
    expect(holds(records, HOSTILE)).toBe(true);
    expect(holds(records, NAME)).toBe(true);
    parsed(readFileSync(join(dir, 's1/pages.jsonl'), 'utf8'), true);
    expect(holds(parsed(readFileSync(join(dir, 's1/thick-shard.json'), 'utf8'), false), FILE)).toBe(true);
    const merge = await runThick(['merge', join(dir, 's1'), '-o', join(dir, 'merged'), '--json']);
    expect(merge.code, merge.stderr).toBe(0);
    expect(holds(parsed(merge.stdout, false), FILE)).toBe(true);
    expect(holds(parsed(readFileSync(join(dir, 'merged/profiles.jsonl'), 'utf8'), true), NAME)).toBe(true);
  });
});
