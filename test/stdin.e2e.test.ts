// `-` as an input file: standard input, read as a file is (encoding, delimiter, rejected rows) and named <stdin>. In
// process, standard input given as bytes; the binary reading a real pipe is in binary.e2e.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runThick, tempDir } from './helpers.js';

describe('- as an input file: standard input', () => {
  // Windows-1252 and semicolons, one row with a field too many: detection and rejection work as on a file.
  const cp1252 = Buffer.from('Name;Kommentar\nIda Imker;Die Mühle kam kaputt an, ärgerlich\nJan Jansen;zu;viele\nUte Ufer;Schöner Kaffee, danke\n', 'latin1');

  it('is read by analyze, named <stdin> in the summary and rejected.csv', async () => {
    const out = join(tempDir(), 'reports');
    const result = await runThick(['analyze', '-', '--json', '-o', out], { stdin: cp1252 });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.files).toEqual([expect.objectContaining({ file: '<stdin>', encoding: 'windows-1252', delimiter: ';' })]);
    expect(summary.rows).toEqual({ read: 3, used: 2, rejected: 1 });
    expect(readFileSync(join(out, 'rejected.csv'), 'utf8')).toContain('<stdin>,3,3,');
  });

  it('is read by annotate and inspect', async () => {
    const annotated = await runThick(['annotate', '-', '-o', '-'], { stdin: cp1252 });
    const inspected = await runThick(['inspect', '-', '--json'], { stdin: cp1252 });
    expect(annotated.code).toBe(0);
    const lines = annotated.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.source)).toEqual([2, 3, 4].map((line) => ({ file: '<stdin>', line })));
    expect(lines[0].text).toBe('Die Mühle kam kaputt an, ärgerlich');
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.stdout)[0]).toMatchObject({ file: '<stdin>', encoding: 'windows-1252', rows: { read: 3, used: 2, rejected: 1 } });
  });
});
