import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, runThick, tempDir } from './helpers.js';

// scripts/gen.js, the benchmark's export generator (npm run gen), run as a user runs it.

function gen(args: string[]): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/gen.js'), ...args], { encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

function generated(events: number, seed: number, extra: string[] = []): Buffer {
  const out = join(tempDir(), 'events.csv');
  const run = gen(['--events', String(events), '--out', out, '--seed', String(seed), ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(out);
}

interface Row {
  customer_id: string;
  timestamp: string;
  channel: string;
  direction: string;
  amount: string;
  text: string;
  message_id: string;
  in_reply_to: string;
  type: string;
  order_id: string;
}
const rowsOf = (bytes: Buffer): Row[] => parse(bytes, { columns: true }) as Row[];

describe('npm run gen', () => {
  it('writes the same bytes for the same seed and different ones for another seed', () => {
    const first = generated(3000, 7);
    expect(generated(3000, 7).equals(first)).toBe(true);
    expect(generated(3000, 8).equals(first)).toBe(false);
  });

  it('writes exactly the events asked for, of the customers asked for, with ids that are unique', () => {
    const rows = rowsOf(generated(2500, 3, ['--customers', '100']));
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(100);
    const messageIds = rows.map((r) => r.message_id).filter(Boolean);
    expect(new Set(messageIds).size).toBe(messageIds.length);
  });

  it('writes varied texts in German and English over several channels and about two years', () => {
    const rows = rowsOf(generated(4000, 11));
    const texts = rows.filter((r) => r.type === 'message' && r.direction === 'inbound').map((r) => r.text);
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.9);
    expect(texts.some((t) => /\b(ich|bitte|leider)\b/i.test(t))).toBe(true);
    expect(texts.some((t) => /\b(please|would|my)\b/i.test(t))).toBe(true);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['email', 'chat', 'instagram', 'facebook', 'phone', 'shop']));
    const years = new Set(rows.map((r) => r.timestamp.slice(0, 4)));
    expect(years.has('2024') && years.has('2025')).toBe(true);
    expect(rows.some((r) => r.type === 'return' && Number(r.amount) < 0)).toBe(true);
  });

  it('links every reply to the message it answers, as thick reads it', async () => {
    const dir = tempDir();
    const file = join(dir, 'events.csv');
    expect(gen(['--events', '2000', '--out', file, '--seed', '9']).code).toBe(0);
    const run = await runThick(['annotate', file, '-o', join(dir, 'annotated.jsonl')]);
    expect(run.code, run.stderr).toBe(0);
    const records = readFileSync(join(dir, 'annotated.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(2000);
    const asked = new Map(records.filter((r) => r.direction === 'inbound' && r.messageId).map((r) => [r.messageId, r]));
    const replies = records.filter((r) => r.direction === 'outbound');
    expect(replies.length).toBeGreaterThan(200);
    for (const reply of replies) {
      const message = asked.get(reply.replyTo);
      expect(message, `reply at line ${reply.source.line}`).toBeDefined();
      expect(message.customer).toEqual(reply.customer);
      expect(Date.parse(reply.at)).toBeGreaterThan(Date.parse(message.at));
    }
  });

  it('refuses a missing --out or a count that is no whole number, naming the flag', () => {
    expect(gen(['--events', '10'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--out') });
    expect(gen(['--events', 'ten', '--out', join(tempDir(), 'x.csv')])).toMatchObject({ code: 2, stderr: expect.stringContaining('--events') });
  });

  it('is read by thick with nothing rejected: replies linked, orders and returns counted, texts annotated', async () => {
    const dir = tempDir();
    const file = join(dir, 'events.csv');
    expect(gen(['--events', '2000', '--out', file, '--seed', '5']).code).toBe(0);
    const rows = rowsOf(readFileSync(file));
    const run = await runThick(['analyze', file, '-o', join(dir, 'reports')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('2000 rows read, 2000 used, 0 rejected');

    const profiles = readFileSync(join(dir, 'reports', 'profiles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const sum = (f: (p: any) => number) => profiles.reduce((total, p) => total + f(p), 0);
    const count = (f: (r: Row) => boolean) => rows.filter(f).length;
    // Every reply answers a message of its customer on its channel, so each counts as an answer.
    expect(sum((p) => p.dialog.answered)).toBe(count((r) => r.direction === 'outbound'));
    expect(sum((p) => p.dialog.inbound)).toBe(count((r) => r.type === 'message' && r.direction === 'inbound'));
    // Returns count against revenue but are no orders of their own.
    expect(sum((p) => p.orders.count)).toBe(count((r) => r.type === 'order'));
    const revenue = rows.filter((r) => r.amount !== '').reduce((total, r) => total + Number(r.amount), 0);
    expect(sum((p) => p.orders.revenue)).toBeCloseTo(revenue, 1);
    // Every customer message got a sentiment score.
    expect(sum((p) => p.sentiment.n)).toBe(count((r) => r.type === 'message' && r.direction === 'inbound'));
  });
});
