import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../test-support.js';
import { runAnnotate } from './annotate.js';

const dir = mkdtempSync(join(tmpdir(), 'thick-annotate-'));

afterEach(() => vi.restoreAllMocks());

describe('thick annotate on a table with a "text" column', () => {
  it('annotates the texts without --map (no contacts export, no false "no text column" warning)', async () => {
    const input = join(dir, 'labelled.csv');
    writeFileSync(input, 'id,text,label,reason,airline,created\n31,@FlyNord the seat was broken and nobody helped,negative,Seat,FlyNord,3/11/2023 14:20\n32,@FlyNord lovely crew today,positive,,FlyNord,3/11/2023 15:05\n');
    const out = join(dir, 'labelled.jsonl');
    const io = captureOutput();
    expect(await runAnnotate([input], { out, map: [], brand: [] })).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string; text: string | null });
    expect(rows.map((r) => [r.kind, r.text])).toEqual([
      ['message', '@FlyNord the seat was broken and nobody helped'],
      ['message', '@FlyNord lovely crew today'],
    ]);
    expect(io.stderr()).not.toContain('no text column');
  });
});
