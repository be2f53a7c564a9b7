import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeCodebook, unreadable } from './pipeline.js';

const tempFile = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'thick-pipeline-')), name);
  writeFileSync(path, text);
  return path;
};

describe('the codebook declaration check', () => {
  it('names which judgement loses what when replace: true drops a declared code', () => {
    const file = tempFile(
      'mine.yaml',
      [
        'version: 1',
        'replace: true',
        'codes:',
        '  - id: pain.parking',
        '    category: pain',
        '    label: { en: Parking, de: Parken }',
        '    description: Trouble finding a place to park at the shop.',
        '    patterns: { words: [parking] }',
      ].join('\n'),
    );
    const warnings: string[] = [];
    activeCodebook(file, warnings);
    const praise = warnings.find((w) => w.includes('"dialog.praise"'));
    expect(praise).toBe(
      `${file}: the codebook has no "dialog.praise" (replace: true dropped the default); without it thick loses the advocate stage ("praised the brand") and the opener that thanks for praise`,
    );
    expect(warnings.some((w) => w.includes('category longing') && w.includes('the opener that picks up a wish'))).toBe(true);
    expect(warnings.some((w) => w.includes('category pain'))).toBe(false);
  });

  it('says nothing when a codebook only extends the default', () => {
    const file = tempFile('extra.yaml', ['version: 1', 'codes:', '  - id: pain.parking', '    category: pain', '    label: { en: Parking, de: Parken }', '    description: Trouble parking.', '    patterns: { words: [parking] }'].join('\n'));
    const warnings: string[] = [];
    activeCodebook(file, warnings);
    expect(warnings).toEqual([]);
  });
});

describe('an input that cannot be read', () => {
  it('says so in words, naming the file: a folder, and a file past what Node reads at once', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    expect(unreadable('exports/', coded('EISDIR')).message).toBe('exports/: cannot read (is a folder, not a file); name its files, e.g. exports/*.csv');
    expect(unreadable('all.csv', coded('ERR_FS_FILE_TOO_LARGE')).message).toBe(
      'all.csv: cannot read (larger than the 2 GiB Node reads at once; split the export into several files, one run reads them all)',
    );
  });
});
