// Smoke tests of the built binary (bin/thick.js → dist/), as a user runs it: the version and help, a full analysis of
// the demo, exit codes 0 to 3, standard input, a config file found from the working folder, colour forced by a variable.
// Each also runs in process (runThick, which the other end-to-end tests use) and must give the same exit code, the
// same stdout and stderr and the same files: what those tests see is what the binary does.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRAND, DEMO, filesUnder, ROOT, runThick, tempDir, thick, type Run, type RunOptions } from './helpers.js';

/**
 * The run's output with `dir` written as <dir> (the binary and the in-process run write to folders of their own), the
 * run's time in the summary line as <s>, and without Node's own start-up warnings (a process has them, a call not).
 */
const comparable = (run: Run, dir: string): Run => {
  const text = (stream: string) =>
    stream
      .replaceAll(dir, '<dir>')
      .replace(/(rejected; )\d+(\.\d+)? s\)/g, '$1<s>)')
      .replace(/^\(node:\d+\) Warning: .*\n(\(Use `node --trace-warnings .*\n)?/gm, '');
  return { code: run.code, stdout: text(run.stdout), stderr: text(run.stderr) };
};

/**
 * `args` run by the binary and in process, each in a fresh folder (`<dir>` in args stands for it); both runs' exit
 * code, stdout and stderr (with the folder as <dir>) and every file written in the folder.
 */
async function both(args: string[], options: RunOptions & { setUp?: (dir: string) => void } = {}) {
  const runs = [];
  for (const inProcess of [false, true]) {
    const dir = tempDir();
    options.setUp?.(dir);
    const argv = args.map((arg) => arg.replaceAll('<dir>', dir));
    const cwd = options.cwd?.replaceAll('<dir>', dir);
    const run = inProcess ? await runThick(argv, { ...options, cwd }) : thick(argv, options.env, cwd, options.stdin);
    runs.push({ run: comparable(run, dir), files: filesUnder(dir) });
  }
  const [binary, inProcess] = runs as [{ run: Run; files: Record<string, string> }, { run: Run; files: Record<string, string> }];
  return { binary, inProcess };
}

describe('the built binary, and the same run in process', () => {
  it('prints the version of package.json and the help', async () => {
    const version = await both(['--version']);
    expect(version.binary.run).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`, stderr: '' });
    expect(version.inProcess.run).toEqual(version.binary.run);
    const help = await both(['analyze', '--help']);
    expect(help.binary.run.code).toBe(0);
    expect(help.binary.run.stdout).toMatch(/^Usage: thick analyze\|analyse \[options\] \[files\.\.\.\]\n[\s\S]*Examples:\n\s+\$ thick analyze /);
    expect(help.inProcess.run).toEqual(help.binary.run);
  });

  it('analyses the demo: the JSON summary alone on stdout, the same bytes in every file, exit 3 as --fail-on asks', async () => {
    const { binary, inProcess } = await both(['analyze', ...DEMO, ...BRAND, '--format', 'both', '--json', '--fail-on', 'unanswered>0', '-o', '<dir>/out']);
    expect(binary.run.code).toBe(3);
    expect(binary.run.stderr).toMatch(/^alert: --fail-on unanswered>0: holds \(the value is \d+\)\n$/);
    expect(JSON.parse(binary.run.stdout)).toMatchObject({ rows: { read: 216, used: 216, rejected: 0 }, customers: 25, reports: 25 });
    expect(Object.keys(binary.files).filter((path) => path.startsWith('out/customers/'))).toHaveLength(50);
    expect(inProcess.run).toEqual(binary.run);
    expect(Object.keys(inProcess.files)).toEqual(Object.keys(binary.files));
    for (const [path, text] of Object.entries(binary.files)) expect(inProcess.files[path], path).toBe(text);
  });

  it('exits 1 on bad data and 2 on a usage error, with one line on stderr', async () => {
    const missing = await both(['analyze', 'no/such.csv', '-o', '<dir>/out']);
    expect(missing.binary.run).toEqual({ code: 1, stdout: '', stderr: 'error: no/such.csv: cannot read (no such file or folder)\n' });
    expect(missing.inProcess.run).toEqual(missing.binary.run);
    for (const usage of [['analyze', DEMO[0]!], ['analyze', DEMO[0]!, '-o', '<dir>/out', '--bogus']]) {
      const run = await both(usage);
      expect(run.binary.run.code, usage.join(' ')).toBe(2);
      expect(run.binary.run.stderr, usage.join(' ')).toMatch(/^error: /);
      expect(run.inProcess.run, usage.join(' ')).toEqual(run.binary.run);
    }
  });

  it('reads standard input (-) as a file named <stdin>', async () => {
    const stdin = 'Username,Comment,Date\nolli_muster,Wann kommt meine Bestellung?,2024-03-04\n';
    const { binary, inProcess } = await both(['annotate', '-', '-o', '-'], { stdin });
    expect(binary.run.code).toBe(0);
    expect(JSON.parse(binary.run.stdout.trim())).toMatchObject({ source: { file: '<stdin>', line: 2 }, text: 'Wann kommt meine Bestellung?' });
    expect(inProcess.run).toEqual(binary.run);
  });

  it('finds the config file from the working folder and takes THICK_* variables', async () => {
    const setUp = (dir: string) => {
      writeFileSync(join(dir, 'thick.config.yaml'), 'lang: de\ninputs: [exports/*.csv]\nout: reports\n');
      mkdirSync(join(dir, 'exports'));
      writeFileSync(join(dir, 'exports/comments.csv'), 'Username,Comment,Date\nolli_muster,Wann kommt meine Bestellung?,2024-03-04\n');
    };
    const { binary, inProcess } = await both(['analyze'], { cwd: '<dir>', env: { THICK_FORMAT: 'both' }, setUp });
    expect(binary.run.code, binary.run.stderr).toBe(0);
    expect(binary.run.stderr).toContain('1 rows read, 1 used, 0 rejected');
    expect(Object.keys(binary.files)).toContain('reports/index.html');
    expect(inProcess.run).toEqual(binary.run);
    expect(inProcess.files).toEqual(binary.files);
  });

  it('colours its errors when FORCE_COLOR asks, though no terminal is there', async () => {
    const { binary, inProcess } = await both(['analyze', 'no/such.csv', '-o', '<dir>/out'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(binary.run.stderr).toMatch(/^\u001b\[31merror: no\/such\.csv/);
    expect(inProcess.run).toEqual(binary.run);
  });
});
