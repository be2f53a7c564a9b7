// clig.dev manners through the built binary: a reader that closes the pipe, an output that cannot be written, and no
// colour or cursor codes where no person (or TERM=dumb, NO_COLOR, FORCE_COLOR=0) is at the terminal: what only a real
// process with real pipes and a terminal shows. Spawned concurrently: few and fast; the rules themselves are
// unit-tested in src/cli/terminal.test.ts, stdin.test.ts and stdio.test.ts, `-` as standard input in stdin.e2e.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI asynchronously. `close` says which pipe the reader shuts: 'stdout' or 'stderr' before thick writes
 * anything (as `head` that has already read enough), 'stdout-after-first' once the first chunk arrived.
 */
function run(args: string[], { input, close, env = { ...process.env, NO_COLOR: '1' } }: { input?: string | Buffer; close?: 'stdout' | 'stderr' | 'stdout-after-first'; env?: NodeJS.ProcessEnv } = {}): Promise<Spawned> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/thick.js'), ...args], { cwd: ROOT, env });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  if (close === 'stdout') child.stdout.destroy();
  else if (close === 'stderr') child.stderr.destroy();
  if (close !== 'stdout') {
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      if (close === 'stdout-after-first') child.stdout.destroy();
    });
  }
  if (close !== 'stderr') child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin.on('error', () => {}); // a command that fails early need not read its input
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })));
}

describe('a reader that closes the pipe early (thick … | head)', () => {
  // One handler at the edge serves every command: a command's own output, commander's help, the launcher's version.
  it.concurrent.each([['codebook'], ['help', 'analyze'], ['--version']])('ends `thick %s` quietly with exit 0', async (...args) => {
    const result = await run(args, { close: 'stdout' });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.concurrent('ends analyze --json with exit 0 and the reports written: they were done before the summary', async () => {
    const out = join(tempDir(), 'reports');
    const result = await run(['analyze', 'fixtures/demo/contacts.csv', '--json', '-o', out], { close: 'stdout' });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('# ');
  });

  it.concurrent('stops annotate -o - at the first write nobody reads, exit 0, no stack trace', async () => {
    const dir = tempDir();
    const input = join(dir, 'many.csv');
    const texts = ['Die Lieferung kam zu spät', 'Great coffee, thanks', 'Nobody answers my mails'];
    writeFileSync(input, `Name,Comment\n${Array.from({ length: 1000 }, (_, i) => `Person ${i},${texts[i % 3]}\n`).join('')}`);
    const result = await run(['annotate', input, '-o', '-'], { close: 'stdout-after-first' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout.split('\n')[0]!).source).toEqual({ file: input, line: 2 });
  });

  it.concurrent('lets a run whose stderr reader left (2>&1 | head) finish its reports, exit 0', async () => {
    const out = join(tempDir(), 'reports');
    const result = await run(['analyze', 'fixtures/demo/contacts.csv', '-o', out], { close: 'stderr' });
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'index.md'))).toBe(true);
  });
});

describe('an output that cannot be written (stdout on a full disk)', () => {
  const full = existsSync('/dev/full');
  it.skipIf(!full).concurrent.each([['codebook'], ['annotate', 'fixtures/demo/social.csv'], ['--version']])('fails `thick %s > /dev/full` with exit 1 and one line, no stack trace', async (...args) => {
    const fd = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [join(ROOT, 'bin/thick.js'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    const err: Buffer[] = [];
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(Buffer.concat(err).toString('utf8')).toBe('error: standard output: no space left on the device\n');
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

/** This environment without any say on colour or CI, on an ordinary terminal type, plus `env`. */
function colourEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { NO_COLOR: _n, FORCE_COLOR: _f, CI: _c, ...rest } = process.env;
  return { ...rest, TERM: 'xterm', ...env };
}
const ESC = '\x1b';
const COLOUR = /\x1b\[(3\d|9\d|1|22|39)m/;

describe('colour and cursor codes at a real terminal (util-linux script)', () => {
  /** `thick <command>` in a pseudo-terminal 80 columns wide (so a spinner runs unless told not to); all it printed. */
  const atTerminal = (command: string, env: Record<string, string> = {}) => {
    const child = spawn('script', ['-qfec', `stty cols 80 rows 24; '${process.execPath}' bin/thick.js ${command}`, '/dev/null'], { cwd: ROOT, env: colourEnv(env) });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    return new Promise<string>((resolve) => child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8'))));
  };
  const analyze = () => `analyze fixtures/demo/contacts.csv -o '${join(tempDir(), 'reports')}'`;

  it.skipIf(!hasScript).concurrent('has colour and a spinner for a person (the control), none of either with TERM=dumb', async () => {
    const [person, dumb] = await Promise.all([atTerminal(analyze()), atTerminal(analyze(), { TERM: 'dumb' })]);
    expect(person).toMatch(COLOUR);
    expect(person).toContain(`${ESC}[?25l`); // ora hides the cursor while it spins
    expect(person).toContain('reports in');
    expect(dumb).toContain('reports in');
    expect(dumb).not.toContain(ESC);
  });

  // NO_COLOR and the other combinations: terminalMode's unit tests.
  it.skipIf(!hasScript).concurrent('has no colour and no spinner with FORCE_COLOR=0 or NO_COLOR', async () => {
    for (const output of await Promise.all([atTerminal(analyze(), { FORCE_COLOR: '0' }), atTerminal(analyze(), { NO_COLOR: '1' })])) {
      expect(output).toContain('reports in');
      expect(output).not.toMatch(COLOUR);
      expect(output).not.toContain(`${ESC}[?25l`);
    }
  });

  it.skipIf(!hasScript).concurrent("has none in inspect's text piped on (`thick inspect … | cat`), though stderr is the terminal", async () => {
    const output = await atTerminal('inspect fixtures/demo/social.csv | cat');
    expect(output).toContain('encoding');
    expect(output).not.toContain(ESC);
  });
});
