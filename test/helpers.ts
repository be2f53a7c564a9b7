import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Run the built CLI (bin/thick.js → dist/) the way a user does, from the project root (or `cwd`). */
export function thick(args: string[], env: Record<string, string> = {}, cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/thick.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'thick-test-'));

/** Every file under a folder, by its path relative to it, as text. */
export function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(files, filesUnder(path, `${prefix}${name}/`));
    else files[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return files;
}
