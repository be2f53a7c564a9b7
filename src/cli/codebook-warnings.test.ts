// A user codebook that drops a code thick's judgements rely on is named by every command that loads it, not only
// by analyze: annotate and codebook used to drop activeCodebook's warnings.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../test-support.js';
import { runAnnotate } from './annotate.js';
import { runCodebook } from './codebook.js';

const dir = mkdtempSync(join(tmpdir(), 'thick-codebook-'));
const only = join(dir, 'only.yaml');
writeFileSync(
  only,
  ['version: 1', 'replace: true', 'codes:', '  - id: pain.parking', '    category: pain', '    label: { en: Parking, de: Parken }', '    description: No place to park.', '    patterns: { words: [parking] }'].join('\n'),
);
const input = join(dir, 'in.csv');
writeFileSync(input, 'text\nNo parking anywhere near the shop.\n');

afterEach(() => vi.restoreAllMocks());

describe('codebook warnings outside analyze', () => {
  it('thick annotate says what a replacing codebook drops, on stderr and in its --json summary', async () => {
    const io = captureOutput();
    const out = join(dir, 'out.jsonl');
    expect(await runAnnotate([input], { out, codebook: only, json: true, map: [], brand: [] })).toBe(0);
    const summary = JSON.parse(io.stdout()) as { warnings: string[] };
    expect(summary.warnings.some((w) => w.startsWith(`${only}: the codebook has no "dialog.praise"`))).toBe(true);
    expect(io.stderr()).toContain('the codebook has no "dialog.praise" (replace: true dropped the default)');
    expect(JSON.parse(readFileSync(out, 'utf8')).codes).toEqual(['pain.parking']);
  });

  it('thick codebook prints the codebook on stdout and the warnings on stderr', () => {
    const io = captureOutput();
    expect(runCodebook({ codebook: only, json: true })).toBe(0);
    expect(JSON.parse(io.stdout()).codes).toHaveLength(1);
    expect(io.stderr()).toContain('the codebook has no "dialog.praise"');
  });
});
