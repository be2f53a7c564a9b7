// In process, from another working folder: a config file found from the working directory, a THICK_* variable and a
// flag, each winning over the one before. (binary.e2e.test.ts runs the built binary from such a folder.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runThick, tempDir } from './helpers.js';

describe('thick with a config file', () => {
  it('merges file < THICK_* < flags and says where each value came from', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'thick.config.yaml'), 'lang: de\nformat: html\nindex-top: 20\nbrand: [file.brand]\n');
    mkdirSync(join(root, 'sub'));
    const run = await runThick(['config', '--json', '--index-top', '5'], { env: { THICK_FORMAT: 'both' }, cwd: join(root, 'sub') });
    expect(run.code).toBe(0);
    const { options } = JSON.parse(run.stdout) as { options: Record<string, { value: unknown; from: string }> };
    expect(options.lang).toEqual({ value: 'de', from: join(root, 'thick.config.yaml') });
    expect(options.format).toEqual({ value: 'both', from: 'THICK_FORMAT' });
    expect(options['index-top']).toEqual({ value: 5, from: '--index-top' });
    expect(options.brand).toEqual({ value: ['file.brand'], from: join(root, 'thick.config.yaml') });
  });

  it('runs analyze from the config file alone, and exits 2 on a bad key', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'exports'));
    writeFileSync(join(root, 'exports/comments.csv'), 'Username,Comment,Date\nolli_muster,Wann kommt meine Bestellung?,2024-03-04\n');
    writeFileSync(join(root, 'thick.config.json'), JSON.stringify({ inputs: ['exports/*.csv'], out: 'reports', quiet: true }));
    const run = await runThick(['analyze'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(root, 'reports/index.md'), 'utf8')).toContain('olli_muster');
    writeFileSync(join(root, 'thick.config.json'), JSON.stringify({ brands: ['x'] }));
    const bad = await runThick(['analyze', '-o', 'r'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('thick.config.json: brands: is no option of thick; did you mean brand?');
  });
});
