// Writing is safe: killed runs, a full disk, a read-only disk, no permission, -o the input folder, determinism.
// Inputs are generated here (invented people); the disk cases mount a small tmpfs, which needs root on Linux. The runs
// that are killed or change user spawn the built binary; the rest run in process.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runAnalyze } from '../src/cli/analyze.js';
import { byCodePoint } from '../src/collation.js';
import { captureOutput, folderSnapshot } from '../src/test-support.js';
import { ROOT, runThick, tempDir } from './helpers.js';

const FIRST = ['Ida', 'Jan', 'Mara', 'Olle', 'Pia', 'Rune', 'Tilde', 'Ugo', 'Wenke', 'Yara'];
const LAST = ['Imker', 'Jansen', 'Lorenz', 'Olsen', 'Petersen', 'Runge', 'Tamm', 'Ulrich', 'Wiese', 'Zander'];

/** An invented CRM export of `n` contacts, in `dir`; `city` makes two versions of it differ in every report. */
function contacts(dir: string, n: number, city: string): string[] {
  mkdirSync(dir, { recursive: true });
  const rows = Array.from({ length: n }, (_, i) => `${1000 + i},${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i},k${i}@example.org,${city},2024-0${1 + (i % 9)}-1${i % 9}`);
  writeFileSync(join(dir, 'kontakte.csv'), `Customer ID,Name,Email,City,Created\n${rows.join('\n')}\n`);
  return [join(dir, 'kontakte.csv')];
}

/** Whole: every file the manifest lists is there with its hash, and every link of the index resolves. Returns the reports. */
function reportsOfWhole(out: string): number {
  const manifest = JSON.parse(readFileSync(join(out, '.thick-manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
  for (const { path, sha256 } of manifest.files) expect(createHash('sha256').update(readFileSync(join(out, path))).digest('hex'), path).toBe(sha256);
  // Each report once: "Since last run" links some of the customers the list below it links too.
  const links = [...new Set([...readFileSync(join(out, 'index.md'), 'utf8').matchAll(/\]\((customers\/[^)]+\.md)\)/g)].map((m) => m[1]!))];
  for (const link of links) expect(existsSync(join(out, link)), link).toBe(true);
  return links.length;
}

/** Start the built CLI and SIGKILL it once `ready()` holds; resolves when it is gone, with how it ended. */
function killWhen(args: string[], ready: () => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/thick.js'), ...args], { cwd: ROOT, stdio: 'ignore' });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    const poll = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (ready()) child.kill('SIGKILL');
      else setTimeout(poll, 2);
    };
    poll();
  });
}

const count = (dir: string) => (existsSync(dir) ? readdirSync(dir).length : -1);

describe('a run killed while it writes', () => {
  it('leaves exactly the previous output, whole, at every moment tried; the next run cleans up and succeeds', async () => {
    const ws = tempDir();
    const out = join(ws, 'out');
    const before = contacts(join(ws, 'mai'), 100, 'Bremen');
    const after = contacts(join(ws, 'juni'), 600, 'Kiel');
    expect((await runThick(['analyze', ...before, '-o', out, '-q', '--index-top', '1000'])).code).toBe(0);
    expect(reportsOfWhole(out)).toBe(100);
    writeFileSync(join(out, 'customers', 'meine-notizen.md'), 'Rückruf Ida am Montag\n');
    const staged = join(ws, '.out.thick-new', 'customers');
    // Kill as soon as the new output is being built, and when about a third and two thirds of its reports are written.
    for (const written of [0, 200, 400]) {
      // On a loaded machine this poller can be starved until the run has built all it writes (or finished): such a
      // try proves nothing about a run killed while writing, so an old output is put back and the moment is tried
      // again, at most three times. A try that did die writing (the unfinished output is still there) must leave
      // the folder exactly as it was.
      let killedWriting = false;
      for (let attempt = 0; attempt < 3 && !killedWriting; attempt++) {
        const previous = folderSnapshot(out);
        const ended = await killWhen(['analyze', ...after, '-o', out, '-q', '--index-top', '1000'], () => count(staged) >= written);
        killedWriting = ended.signal === 'SIGKILL' && count(staged) >= written && count(staged) < 600;
        if (!killedWriting) {
          expect((await runThick(['analyze', ...before, '-o', out, '-q', '--index-top', '1000'])).code).toBe(0);
          continue;
        }
        expect(folderSnapshot(out)).toEqual(previous);
        expect(reportsOfWhole(out)).toBe(100);
      }
      expect(killedWriting, `no try at ${written} reports was killed while writing`).toBe(true);
    }
    const rerun = await runThick(['analyze', ...after, '-o', out, '-q', '--index-top', '1000']);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`${out}: removed the unfinished output of an interrupted run; the previous output was left as it was`);
    expect(reportsOfWhole(out)).toBe(600);
    expect(readFileSync(join(out, 'customers', 'meine-notizen.md'), 'utf8')).toBe('Rückruf Ida am Montag\n');
    expect(readdirSync(ws).sort(byCodePoint)).toEqual(['juni', 'mai', 'out']);
  });
});

/** Mount a tmpfs of `size` on a new folder; null where that is not possible (not root, not Linux). */
function tmpfs(size: string): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = tempDir();
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0 ? dir : null;
}
const mounted: string[] = [];
const mount = (size: string) => {
  const dir = tmpfs(size);
  if (dir) mounted.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of mounted) spawnSync('umount', [dir]);
});

const probe = tmpfs('64k');
if (probe) spawnSync('umount', [probe]);
const SKIP = probe ? '' : ' (skipped: mounting a small tmpfs needs root on Linux)';
if (!probe) console.warn(`write-safety: the full-disk, read-only and permission tests are skipped${SKIP}`);

/** An error as the CLI prints it: one line, exit 1, no stack trace. */
function expectOneLineError(run: { code: number | null; stderr: string }, line: string): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`error: ${line}\n`);
}

/** The output of a small run on a fresh tmpfs of `size`: the disk, a folder for inputs, the output folder, its snapshot. */
async function outputOnTmpfs(size: string): Promise<{ disk: string; ws: string; out: string; previous: Record<string, string> }> {
  const disk = mount(size)!;
  const ws = tempDir();
  const out = join(disk, 'out');
  expect((await runThick(['analyze', ...contacts(join(ws, 'mai'), 20, 'Bremen'), '-o', out, '-q'])).code).toBe(0);
  return { disk, ws, out, previous: folderSnapshot(out) };
}

describe.skipIf(!probe)(`errors on the disk${SKIP}`, () => {
  it('a full disk: exit 1 with the path and the cause, the previous output intact, nothing left beside it', async () => {
    const { disk, ws, out, previous } = await outputOnTmpfs('512k');
    const run = await runThick(['analyze', ...contacts(join(ws, 'juni'), 120, 'Kiel'), '-o', out, '-q']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^error: ${out}/[^ ]+: cannot write \\(no space left on the device\\); ${out} is unchanged\\n$`));
    expect(folderSnapshot(out)).toEqual(previous);
    expect(readdirSync(disk)).toEqual(['out']);
    expect((await runThick(['analyze', ...contacts(join(ws, 'juli'), 30, 'Kiel'), '-o', out, '-q'])).code).toBe(0);
    expect(reportsOfWhole(out)).toBe(30);
  });

  it('a read-only disk: exit 1 with the path and the cause, the previous output intact', async () => {
    const { disk, ws, out, previous } = await outputOnTmpfs('4m');
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    const run = await runThick(['analyze', ...contacts(join(ws, 'juni'), 30, 'Kiel'), '-o', out, '-q']);
    expectOneLineError(run, `${out}: cannot write the output (read-only file system; thick builds it beside the folder, in ${disk})`);
    expect(folderSnapshot(out)).toEqual(previous);
    expect(readdirSync(disk)).toEqual(['out']);
  });

  it('no permission (run as nobody): exit 1 with the path and the cause', () => {
    const ws = tempDir();
    chmodSync(ws, 0o755);
    const input = contacts(join(ws, 'mai'), 5, 'Bremen');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/thick.js'), 'analyze', ...input, '-o', join(ws, 'out'), '-q'], { cwd: ROOT, encoding: 'utf8', uid: 65534, gid: 65534, env: { ...process.env, NO_COLOR: '1' } });
    expectOneLineError({ code: run.status, stderr: run.stderr }, `${join(ws, 'out')}: cannot write the output (permission denied; thick builds it beside the folder, in ${ws})`);
    expect(readdirSync(ws)).toEqual(['mai']);
  });

  it('a mount point as -o stops before the analysis, saying what to give instead', async () => {
    const disk = mount('64k')!;
    expectOneLineError(await runThick(['analyze', 'fixtures/demo/contacts.csv', '-o', disk, '-q']), `${disk}: is a mount point, and thick swaps its output folder in whole by renaming it, which a mount point does not allow; give a folder inside it, e.g. -o ${disk}/reports`);
  });
});

describe('-o that thick cannot use', () => {
  it('a file, or the folder the command runs in: exit 1 in one line, before the analysis', async () => {
    const ws = tempDir();
    const file = join(ws, 'bericht.md');
    writeFileSync(file, 'mine\n');
    expectOneLineError(await runThick(['analyze', 'fixtures/demo/contacts.csv', '-o', file]), `${file}: is a file, not a folder; give a folder for -o`);
    expectOneLineError(await runThick(['analyze', join(ROOT, 'fixtures/demo/contacts.csv'), '-o', '.'], { cwd: ws }), `.: is the folder this command runs in, and thick replaces its output folder as a whole (your shell would be left in a removed folder); run it from ${join(ws, '..').replace(/\/$/, '')} or choose another -o`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });
});

describe('-o the input folder, in process', () => {
  afterEach(() => vi.restoreAllMocks());
  const flags = (out: string) => ({ out, map: [], brand: [], lang: 'en' as const, json: true });

  it("never reads thick's own outputs back: the second run skips them, names them, and writes the same bytes", async () => {
    const dir = tempDir();
    contacts(dir, 4, 'Bremen');
    writeFileSync(join(dir, 'bestellungen.csv'), 'Order ID,Customer ID,Date,Quantity,Unit Price\nA1,1000,2024-03-01,2,9.50\nA2,1001,31.04.2024,1,5\n');
    const glob = () => readdirSync(dir).filter((f) => /\.(csv|jsonl)$/.test(f)).sort(byCodePoint).map((f) => join(dir, f));
    let io = captureOutput();
    expect(await runAnalyze(glob(), flags(dir))).toBe(0);
    const first = JSON.parse(io.stdout());
    const written = folderSnapshot(dir);
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['rejected.csv', 'profiles.jsonl', '.thick-manifest.json']));
    vi.restoreAllMocks();

    io = captureOutput();
    expect(glob()).toContain(join(dir, 'rejected.csv'));
    expect(await runAnalyze(glob(), flags(dir))).toBe(0);
    const second = JSON.parse(io.stdout());
    expect(second.rows).toEqual(first.rows);
    expect(second.files.map((f: { file: string }) => f.file)).toEqual([join(dir, 'bestellungen.csv'), join(dir, 'kontakte.csv')]);
    expect(second.warnings).toEqual(expect.arrayContaining([`${join(dir, 'profiles.jsonl')}: thick's own output (listed in ${join(dir, '.thick-manifest.json')}); not read as input`, `${join(dir, 'rejected.csv')}: thick's own output (listed in ${join(dir, '.thick-manifest.json')}); not read as input`]));
    expect(folderSnapshot(dir)).toEqual(written);
  });

  it("a run in another format removes the previous format's pages that thick wrote, and keeps the user's", async () => {
    const input = contacts(tempDir(), 3, 'Bremen');
    const out = join(tempDir(), 'out');
    captureOutput();
    expect(await runAnalyze(input, { ...flags(out), format: 'both' })).toBe(0);
    writeFileSync(join(out, 'customers', 'entwurf.html'), '<p>mein Entwurf</p>\n');
    expect(Object.keys(folderSnapshot(out)).filter((p) => p.endsWith('.html'))).toHaveLength(5);
    expect(await runAnalyze(input, flags(out))).toBe(0);
    expect(Object.keys(folderSnapshot(out)).filter((p) => p.endsWith('.html'))).toEqual(['customers/entwurf.html']);
    expect(reportsOfWhole(out)).toBe(3);
  });

  it('two runs on the same input write byte-identical folders, manifest included', async () => {
    const input = contacts(tempDir(), 12, 'Bremen');
    const [a, b] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
    captureOutput();
    expect(await runAnalyze(input, flags(a))).toBe(0);
    expect(await runAnalyze(input, flags(b))).toBe(0);
    expect(folderSnapshot(b)).toEqual(folderSnapshot(a));
    expect(reportsOfWhole(a)).toBe(12);
  });
});
