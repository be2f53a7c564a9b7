// Smoke tests through the built binary: a config file found from the working directory, a THICK_* variable and a
// flag, each winning over the one before.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, thick } from './helpers.js';

describe('thick with a config file', () => {
  it('merges file < THICK_* < flags and says where each value came from', () => {
    const root = tempDir();
    writeFileSync(join(root, 'thick.config.yaml'), 'lang: de\nformat: html\nindex-top: 20\nbrand: [file.brand]\n');
    mkdirSync(join(root, 'sub'));
    const run = thick(['config', '--json', '--index-top', '5'], { THICK_FORMAT: 'both' }, join(root, 'sub'));
    expect(run.code).toBe(0);
    const { options } = JSON.parse(run.stdout) as { options: Record<string, { value: unknown; from: string }> };
    expect(options.lang).toEqual({ value: 'de', from: join(root, 'thick.config.yaml') });
    expect(options.format).toEqual({ value: 'both', from: 'THICK_FORMAT' });
    expect(options['index-top']).toEqual({ value: 5, from: '--index-top' });
    expect(options.brand).toEqual({ value: ['file.brand'], from: join(root, 'thick.config.yaml') });
  });

  it('runs analyze from the config file alone, and exits 2 on a bad key', () => {
    const root = tempDir();
    mkdirSync(join(root, 'exports'));
    writeFileSync(join(root, 'exports/comments.csv'), 'Username,Comment,Date\nolli_muster,Wann kommt meine Bestellung?,2024-03-04\n');
    writeFileSync(join(root, 'thick.config.json'), JSON.stringify({ inputs: ['exports/*.csv'], out: 'reports', quiet: true }));
    const run = thick(['analyze'], {}, root);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(root, 'reports/index.md'), 'utf8')).toContain('olli_muster');
    writeFileSync(join(root, 'thick.config.json'), JSON.stringify({ brands: ['x'] }));
    const bad = thick(['analyze', '-o', 'r'], {}, root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('thick.config.json: brands: is no option of thick; did you mean brand?');
  });
});
