// Two runs of the same input give the same bytes (Markdown and HTML pages, profiles.jsonl, rejected.csv, the
// summary): run again, with the files named in another order, with the rows of every file shuffled, and under a
// Swedish locale in the Chatham Islands' time zone (UTC+12:45/+13:45) against LANG=C in UTC. A shuffled row has
// another line number, so the shuffled run's `file:line` references are mapped back to the original lines before its
// bytes are compared; nothing else is normalised. These runs spawn the built binary: a process takes its locale (ICU's
// default) when it starts, so another locale needs another process.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runThick, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'fixtures/determinism');
const FILES = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv')).sort();
const C_LOCALE = { LANG: 'C', TZ: 'UTC' };
const SWEDISH = { LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8', TZ: 'Pacific/Chatham' };

interface Output {
  files: Map<string, Buffer>;
  stdout: string;
}

/** Run the built CLI in `cwd` on exports/<files> with the given locale, writing to `out`; every file it wrote. */
function analyze(cwd: string, files: readonly string[], env: Record<string, string>, out: string): Output {
  const base = { ...process.env };
  delete base.LC_ALL;
  delete base.LC_CTYPE;
  delete base.LANGUAGE;
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/thick.js'), 'analyze', ...files.map((f) => `exports/${f}`), '--brand', 'bryggeriet', '--format', 'both', '--json', '-o', out], {
    cwd,
    encoding: 'utf8',
    env: { ...base, NO_COLOR: '1', ...env },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const files_ = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files_.set(relative(join(cwd, out), path), readFileSync(path));
    }
  };
  walk(join(cwd, out));
  return { files: files_, stdout: run.stdout };
}

/** A fixed shuffle (a seeded Fisher–Yates), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Copy the fixtures to a folder of their own, each file's rows shuffled (its header stays first). Returns, per file,
 * the original line of each new line. The fixtures hold one record per line, so a line is a row.
 */
function writeShuffled(dir: string): Map<string, Map<number, number>> {
  mkdirSync(join(dir, 'exports'));
  const lineMaps = new Map<string, Map<number, number>>();
  FILES.forEach((file, k) => {
    const [header, ...rows] = readFileSync(join(FIXTURES, file), 'utf8').trimEnd().split('\n');
    const order = shuffled(rows.map((_, i) => i), 7 + k);
    writeFileSync(join(dir, 'exports', file), [header, ...order.map((i) => rows[i])].join('\n') + '\n');
    lineMaps.set(file, new Map(order.map((original, at) => [at + 2, original + 2])));
  });
  return lineMaps;
}

/** The shuffled run's bytes with every `exports/<file>:<line>` (and rejected.csv's file,line) back on the original line. */
function unshuffle(text: string, lineMaps: Map<string, Map<number, number>>): string {
  const back = (file: string, line: string) => String(lineMaps.get(file)?.get(Number(line)) ?? `?${line}`);
  return text
    .replace(/exports\/([\w.-]+\.csv):(\d+)/g, (_, file: string, line: string) => `exports/${file}:${back(file, line)}`)
    .replace(/^exports\/([\w.-]+\.csv),(\d+),/gm, (_, file: string, line: string) => `exports/${file},${back(file, line)},`);
}

/** rejected.csv lists rows by line, so in the shuffled run its rows come in another order: compare them as a set. */
const rowsOf = (csv: string): string[] => csv.split('\n').sort();

/** The manifest of what thick wrote, with each file's SHA-256. */
const MANIFEST = '.thick-manifest.json';
const manifestOf = (output: Output) => JSON.parse(output.files.get(MANIFEST)!.toString('utf8')) as { files: { path: string; sha256: string }[] };
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('byte-identical output (fixtures/determinism)', () => {
  let first: Output;
  const others: Record<string, Output> = {};
  let lineMaps: Map<string, Map<number, number>>;
  const folders: string[] = [];

  beforeAll(() => {
    const plain = tempDir();
    folders.push(plain);
    cpSync(FIXTURES, join(plain, 'exports'), { recursive: true });
    first = analyze(plain, FILES, C_LOCALE, 'out-1');
    others.again = analyze(plain, FILES, SWEDISH, 'out-2');
    others.reordered = analyze(plain, [...FILES].reverse(), SWEDISH, 'out-3');
    const mixed = tempDir();
    folders.push(mixed);
    lineMaps = writeShuffled(mixed);
    others.shuffled = analyze(mixed, shuffled(FILES, 3), SWEDISH, 'out-4');
  }, 60_000);

  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('writes the same files with the same bytes again, under sv_SE in Pacific/Chatham as under C in UTC', () => {
    expect([...others.again!.files.keys()]).toEqual([...first.files.keys()]);
    for (const [name, bytes] of first.files) expect(others.again!.files.get(name)!.equals(bytes), name).toBe(true);
    expect(others.again!.stdout.replace('out-2', 'out-1')).toBe(first.stdout);
  });

  it('writes the same bytes with the files named in another order', () => {
    expect([...others.reordered!.files.keys()]).toEqual([...first.files.keys()]);
    for (const [name, bytes] of first.files) expect(others.reordered!.files.get(name)!.equals(bytes), name).toBe(true);
  });

  it('writes the same bytes, line references aside, with every file\'s rows shuffled and the files in another order', () => {
    const shuffledRun = others.shuffled!;
    expect([...shuffledRun.files.keys()]).toEqual([...first.files.keys()]);
    for (const [name, bytes] of first.files) {
      // The manifest holds each file's hash, so it differs as the files' line references do: it must list the same
      // files, each with the hash of what the shuffled run wrote.
      if (name === MANIFEST) continue;
      const mapped = unshuffle(shuffledRun.files.get(name)!.toString('utf8'), lineMaps);
      if (name === 'rejected.csv') expect(rowsOf(mapped)).toEqual(rowsOf(bytes.toString('utf8')));
      else expect(mapped, name).toBe(bytes.toString('utf8'));
    }
    const listed = manifestOf(shuffledRun).files;
    expect(listed.map((f) => f.path)).toEqual(manifestOf(first).files.map((f) => f.path));
    for (const { path, sha256: hash } of listed) expect(hash, path).toBe(sha256(shuffledRun.files.get(path)!));
  });

  it('gives case-differing, same-named and reserved-name customers portable slugs of their own', () => {
    const pages = [...first.files.keys()].filter((f) => f.startsWith('customers/')).map((f) => f.slice('customers/'.length));
    const reports = pages.filter((f) => f.endsWith('.md'));
    // --format both: each report also as HTML, under the same slug.
    expect(pages.filter((f) => f.endsWith('.html'))).toEqual(reports.map((f) => f.replace(/\.md$/, '.html')));
    expect(reports).toEqual([
      'asa-o-example-se-asa-oberg.md',
      'con-customer.md',
      'j-7-jonas-ek.md',
      'j-8-jonas-ek.md',
      'jonas-ek-2.md',
      'jonas-ek.md',
      'k-1-kim-berg-2.md',
      'k-1-kim-berg.md',
      'lpt1-txt.md',
      'nul-customer.md',
      't-9-tove-lind.md',
    ]);
    // Unique also where case is folded (macOS, Windows).
    expect(new Set(reports.map((r) => r.toLowerCase())).size).toBe(reports.length);
    const profiles = first.files.get('profiles.jsonl')!.toString('utf8').trim().split('\n').map((line) => JSON.parse(line));
    const slugOf = Object.fromEntries(profiles.map((p) => [p.id, p.slug]));
    // Slugs go by key in code point order: "K-1" before "k-1", "jonas.ek" before "jonas_ek".
    expect([slugOf['K-1'], slugOf['k-1'], slugOf['jonas.ek'], slugOf['jonas_ek'], slugOf['Con'], slugOf['NUL']]).toEqual([
      'k-1-kim-berg',
      'k-1-kim-berg-2',
      'jonas-ek',
      'jonas-ek-2',
      'con-customer',
      'nul-customer',
    ]);
    const nameOf = Object.fromEntries(profiles.map((p) => [p.id, p.name]));
    // The contact's name beats the tickets'; a tie between two spellings goes to the latest record's.
    expect(nameOf['k-1']).toBe('Kim Berg');
    expect(nameOf['asa.o@example.se']).toBe('Asa Oberg');
  });

  it('keeps the dates 0001 and 9999 out of every span, so their customer\'s report stays a few screens long', () => {
    const profiles = first.files.get('profiles.jsonl')!.toString('utf8').trim().split('\n').map((line) => JSON.parse(line));
    const tove = profiles.find((p) => p.id === 'T-9');
    expect([tove.firstContact, tove.lastContact]).toEqual(['2024-04-01T12:00:00.000Z', '2024-04-05T00:00:00.000Z']);
    const report = first.files.get('customers/t-9-tove-lind.md')!.toString('utf8');
    expect(report.split('\n').length).toBeLessThan(200);
    expect(report.length).toBeLessThan(20_000);
    expect(report).not.toMatch(/\b(0001|9999)-\d\d/);
    const summary = JSON.parse(first.stdout) as { warnings: string[]; rows: { read: number; used: number; rejected: number } };
    expect(summary.warnings).toContain(
      'exports/tickets.csv: column "Created At": 2 implausible dates (before 1970 or more than a year after the reference date 2024-04-20; plausible: 1970-01-01 to 2025-04-20), read as unknown and kept out of every span: lines 4 (0001-01-01), 5 (9999-12-31); if they are real, widen the window with --dates FROM..UNTIL',
    );
    // Both rows are still used: only their dates are unknown.
    expect(summary.rows).toEqual({ read: 31, used: 29, rejected: 2 });
  });

  it('keeps a report a few screens long when --dates makes 0001 and 9999 real: the timeline takes spans of years', async () => {
    const out = join(tempDir(), 'wide');
    const run = await runThick(['analyze', ...FILES.map((f) => join(FIXTURES, f)), '--brand', 'bryggeriet', '--dates', '0001-01-01..9999-12-31', '--format', 'both', '-q', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const report = readFileSync(join(out, 'customers/t-9-tove-lind.md'), 'utf8');
    expect(report).toMatch(/^0000–0499 +█+·* +1\b/m);
    expect(report).toMatch(/^9500–9999 +█+·* +1\b/m);
    expect(report.split('\n').length).toBeLessThan(200);
    expect(readFileSync(join(out, 'customers/t-9-tove-lind.html'), 'utf8').length).toBeLessThan(60_000);
  });

  it('rejects the order lines whose value no number can hold, naming the columns, and prints no "Infinity"', () => {
    const rejected = first.files.get('rejected.csv')!.toString('utf8');
    expect(rejected).toContain('exports/orders.csv,4,5,"unitPrice: ""1e308"" in column ""Unit Price"" is beyond ±1,000,000,000,000');
    expect(rejected).toContain('exports/orders.csv,5,5,"unitPrice: quantity × unit price (""10000000"" × ""1000000"" in columns ""Quantity"" and ""Unit Price"") is beyond');
    for (const [name, bytes] of first.files) expect(bytes.toString('utf8'), name).not.toMatch(/Infinity|NaN/);
  });
});
