import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const DEMO = readdirSync(join(ROOT, 'fixtures/demo'))
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => `fixtures/demo/${f}`);
export const BRAND = ['--brand', 'nordlicht.kaffee', '--brand', 'nordlichtkaffee'];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (bin/thick.js → dist/) the way a user does, from the project root. */
export function thick(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/thick.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'thick-test-'));
