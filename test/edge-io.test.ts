import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 10: the stages are pure. Files (lexicons, codebooks, models, inputs, reports) are read and written in src/cli
// and handed in; a stage that imports the file system would quietly undo that.
const ROOT = new URL('..', import.meta.url).pathname;
const STAGES = ['src/annotate', 'src/ingest', 'src/profile', 'src/report'];
const FS_IMPORT = /\bfrom\s+['"](?:node:)?fs(?:\/promises)?['"]|\brequire\(\s*['"](?:node:)?fs(?:\/promises)?['"]\s*\)|\bimport\(\s*['"](?:node:)?fs(?:\/promises)?['"]\s*\)/;

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('pipeline stages do no file I/O', () => {
  it('finds the stage sources it scans', () => {
    expect(sourcesUnder('src/annotate')).toContain('src/annotate/text/lexicon-file.ts');
  });

  it('no stage source and not src/pipeline.ts imports node:fs', () => {
    const files = [...STAGES.flatMap(sourcesUnder), 'src/pipeline.ts'];
    const offenders = files.filter((file) => FS_IMPORT.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the scan recognises the imports it forbids', () => {
    for (const line of ["import { readFileSync } from 'node:fs';", 'import fs from "fs";', "await import('node:fs/promises')"]) {
      expect(FS_IMPORT.test(line), line).toBe(true);
    }
    expect(FS_IMPORT.test("import { join } from 'node:path';")).toBe(false);
  });
});
