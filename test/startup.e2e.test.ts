// What `thick --version` and `--help` load, through the built binary: the launcher alone for the version, commander
// and the tables of commands and options for help, nothing else. Not how long they take (a timed test fails on a busy machine and proves nothing): which
// modules load is what decides the time, and it does not vary. `node scripts/startup.js` measures the time itself.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

/** A module hook that names every module Node loads, one `loaded <url>` line on stderr each. */
function loadTracer(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'hooks.mjs'), `import { writeSync } from 'node:fs';\nexport async function load(url, context, next) {\n  writeSync(2, 'loaded ' + url + '\\n');\n  return next(url, context);\n}\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  return pathToFileURL(join(dir, 'register.mjs')).href;
}

/** The modules of thick and of its dependencies that `thick <args>` loads, as paths from the project root. */
function loadedBy(args: string[], tracer: string): string[] {
  const run = spawnSync(process.execPath, ['--import', tracer, join(ROOT, 'bin/thick.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status, run.stderr).toBe(0);
  const root = pathToFileURL(ROOT).href.replace(/\/?$/, '/');
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith(`loaded ${root}`))
    .map((line) => line.slice(`loaded ${root}`.length));
}

/** `node_modules/commander/esm.mjs` → `commander` (and `@scope/name` for a scoped package). */
const packageOf = (path: string): string => path.split('node_modules/').at(-1)!.split('/').slice(0, path.includes('node_modules/@') ? 2 : 1).join('/');

describe('what thick loads before it answers', () => {
  const tracer = loadTracer();

  it.each([[['--version']], [['-V']]])('thick %j loads nothing but the launcher: it answers from package.json', (args) => {
    expect(loadedBy(args, tracer)).toEqual(['bin/thick.js']);
  });

  it.each([[['--help']], [['analyze', '--help']], [['config', '--help']], [['--version', 'analyze']]])('thick %j loads commander and the command and option tables only', (args) => {
    const loaded = loadedBy(args, tracer);
    expect(loaded).toContain('dist/cli/cli-options.js');
    expect([...new Set(loaded.filter((path) => path.includes('node_modules/')).map(packageOf))]).toEqual(['commander']);
    // No stage, no renderer, no settings (zod), no terminal (chalk, ora): those load when a command runs.
    const own = loaded.filter((path) => path.startsWith('dist/'));
    expect(own.filter((path) => !path.startsWith('dist/cli/') && !path.endsWith('/defaults.js'))).toEqual([]);
    expect(own.filter((path) => /\/(settings|options|option-checks|terminal|pipeline|analyze)\.js$/.test(path))).toEqual([]);
  });

  it('the tracer sees what a command that runs loads', () => {
    // Proves the test above could fail: a real run loads zod and the pipeline through the same hook.
    const loaded = loadedBy(['codebook', '--json'], tracer);
    expect(loaded.some((path) => path.includes('node_modules/zod/'))).toBe(true);
    expect(loaded).toContain('dist/cli/settings.js');
  });
});
