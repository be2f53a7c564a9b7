// `thick analyze --shard i/n` and `thick merge`, in process: n shards merged write what one unsharded run writes,
// byte for byte (pages, index, customers.csv, profiles.jsonl, thick-state.json, rejected.csv, the --json summary),
// and shards that are not of one run are refused. One smoke test runs the built binary.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { PAGES_FILE, RECORDS_FILE, SHARD_VERSION, shardOf } from '../src/cli/shard.js';
import { captureOutput } from '../src/test-support.js';
import { BRAND, bytesUnder, DEMO, filesUnder, ROOT, sharedGapsExport, summaryOf, tempDir, thick } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureOutput();
  const code = await main(['node', 'thick', ...args], { cwd: ROOT, env: { NO_COLOR: '1' } });
  vi.restoreAllMocks();
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** One unsharded run and n shards merged, each into its own folder of `root`; both must succeed. */
async function bothWays(inputs: string[], count: number, root = tempDir(), flags: string[] = []) {
  const one = await run(['analyze', ...inputs, ...flags, '--json', '-o', join(root, 'one')]);
  expect(one.code, one.stderr).toBe(0);
  const shards: string[] = [];
  for (let i = 1; i <= count; i++) {
    const dir = join(root, `shard-${i}`);
    const shard = await run(['analyze', ...inputs, ...flags, '--shard', `${i}/${count}`, '--json', '-o', dir]);
    expect(shard.code, shard.stderr).toBe(0);
    shards.push(dir);
  }
  const merged = await run(['merge', ...shards, '--json', '-o', join(root, 'merged')]);
  expect(merged.code, merged.stderr).toBe(0);
  return { root, one, merged, shards };
}

async function expectSame(inputs: string[], count: number, flags: string[] = []) {
  const { root, one, merged } = await bothWays(inputs, count, tempDir(), flags);
  const written = bytesUnder(join(root, 'one'));
  expect(Object.keys(written).length).toBeGreaterThan(4);
  expect(bytesUnder(join(root, 'merged'))).toEqual(written);
  expect(summaryOf(merged.stdout)).toEqual(summaryOf(one.stdout));
  return { root, one, written };
}

const demo = DEMO.map((f) => join(ROOT, f));

/** Record a shard file's new size and SHA-256 in its manifest, as if the shard had written it so. */
function reseal(dir: string, file: string): void {
  const path = join(dir, 'thick-shard.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { data: { file: string; bytes: number; sha256: string }[] };
  const bytes = readFileSync(join(dir, file));
  manifest.data = manifest.data.map((entry) => (entry.file === file ? { file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } : entry));
  writeFileSync(path, JSON.stringify(manifest));
}

describe('n shards merged are one run, byte for byte', () => {
  it('on the demo, in 3 shards', async () => {
    const { written } = await expectSame(demo, 3, BRAND);
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['index.md', 'customers.csv', 'profiles.jsonl', 'thick-state.json']));
  });

  it('when most customers share gaps, one of which needs every shard\'s annotations', async () => {
    const input = sharedGapsExport(tempDir());
    const { one, written } = await expectSame([input], 3, ['--format', 'both', '--lang', 'de']);
    const lifted = (JSON.parse(one.stdout) as { blindSpots: { key: string }[] }).blindSpots.map((g) => g.key);
    // The premise: the pages leave these gaps to the index, so each page depends on the whole run.
    expect(lifted).toEqual(expect.arrayContaining(['otherLanguage', 'oneChannel']));
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['rejected.csv', 'index.html', 'customers/c1.html']));
    await expectSame([input], 1, ['--format', 'both', '--lang', 'de']);
  });

  it("fills the blind-spot slot of each shard's page, leaving out the gaps most of the run shares, and draws none again", async () => {
    const input = sharedGapsExport(tempDir());
    const { root, shards } = await bothWays([input], 2);
    // Mark every page the shards drew: each merged page carries the mark, so none was drawn again.
    const mark = '<!-- drawn by the shard -->\n';
    for (const dir of shards) {
      const file = join(dir, PAGES_FILE);
      const marked = readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => {
          if (!line) return line;
          const page = JSON.parse(line) as { md: { before: string; after: string } };
          return JSON.stringify({ ...page, md: { ...page.md, after: `${page.md.after}${mark}` } });
        });
      writeFileSync(file, marked.join('\n'));
      reseal(dir, PAGES_FILE);
    }
    expect((await run(['merge', ...shards, '-q', '-o', join(root, 'marked')])).code).toBe(0);
    const pages = filesUnder(join(root, 'marked'));
    const one = filesUnder(join(root, 'one'));
    // c1 has none of the gaps the run shares; c2 has one, which the shard could not know to leave out: both are the
    // unsharded run's pages, the mark aside.
    const c2 = one['profiles.jsonl']!.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; blindSpots: string[] }).find((p) => p.id === 'c2')!;
    expect(c2.blindSpots.filter((gap) => !one['customers/c2.md']!.includes(gap)).length).toBeGreaterThan(0);
    for (const page of ['customers/c1.md', 'customers/c2.md']) expect(pages[page]).toBe(`${one[page]}${mark}`);
  });

  it('on a generated export of 200 customers', async () => {
    const dir = tempDir();
    const file = join(dir, 'events.csv');
    const gen = spawnSync(process.execPath, [join(ROOT, 'scripts/gen.js'), '--events', '2000', '--out', file], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    await expectSame([file], 3, ['--since', '30d']);
  }, 60_000);

  it('when a shard holds no customer', async () => {
    const dir = tempDir();
    const file = join(dir, 'three.csv');
    writeFileSync(file, 'customer_id,timestamp,channel,direction,amount,text\na1,2024-05-01T10:00:00Z,email,inbound,,Where is my parcel?\nb2,2024-05-02T10:00:00Z,chat,inbound,,Thanks for the quick help!\nc3,2024-05-03T10:00:00Z,email,inbound,20,\n');
    // Three customers in four shards: one shard at least is empty.
    const shards = ['a1', 'b2', 'c3'].map((key) => shardOf(key, 4));
    expect(new Set(shards).size).toBeLessThan(4);
    await expectSame([file], 4);
  });

  it('with what changed since the last run into the output folder, and --fail-on decided at the merge', async () => {
    const root = tempDir();
    const first = [demo[0]!, demo[1]!];
    for (const out of ['one', 'merged']) expect((await run(['analyze', ...first, ...BRAND, '-q', '-o', join(root, out)])).code).toBe(0);
    const one = await run(['analyze', ...demo, ...BRAND, '--fail-on', 'unanswered>0', '--json', '-o', join(root, 'one')]);
    const shards = [1, 2].map((i) => join(root, `shard-${i}`));
    for (const [i, dir] of shards.entries()) expect((await run(['analyze', ...demo, ...BRAND, '--shard', `${i + 1}/2`, '-q', '-o', dir])).code).toBe(0);
    const merged = await run(['merge', ...shards, '--fail-on', 'unanswered>0', '--json', '-o', join(root, 'merged')]);
    expect(one.code).toBe(3);
    expect(merged.code).toBe(3);
    expect(merged.stderr).toBe(one.stderr);
    expect(summaryOf(merged.stdout)).toEqual(summaryOf(one.stdout));
    expect((JSON.parse(one.stdout) as { changes: unknown }).changes).not.toBeNull();
    expect(bytesUnder(join(root, 'merged'))).toEqual(bytesUnder(join(root, 'one')));
  });
});

describe('the shard a customer falls in', () => {
  it('is the first four bytes of SHA-256 of "thick-shard", NUL and their key, mod n, plus one, as the README says', () => {
    for (const key of ['a1', 'kim@example.org', 'mara_beispiel']) {
      const digest = createHash('sha256').update(`thick-shard\u0000${key}`).digest();
      for (const n of [1, 3, 7]) expect(shardOf(key, n)).toBe((digest.readUInt32BE(0) % n) + 1);
    }
  });

  it('splits a few hundred keys into about equal parts', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) counts[shardOf(`customer-${i}`, 4) - 1]! += 1;
    for (const n of counts) expect(n).toBeGreaterThan(70);
  });
});

describe('thick merge refuses shards that are not one run (exit 2)', () => {
  async function shardsOf(flags: (i: number) => string[], count = 2): Promise<string[]> {
    const root = tempDir();
    const dirs: string[] = [];
    for (let i = 1; i <= count; i++) {
      const dir = join(root, `s${i}`);
      const made = await run(['analyze', demo[0]!, demo[1]!, ...flags(i), '--shard', `${i}/${count}`, '-q', '-o', dir]);
      expect(made.code, made.stderr).toBe(0);
      dirs.push(dir);
    }
    return dirs;
  }
  const merge = async (dirs: string[]) => run(['merge', ...dirs, '-o', join(tempDir(), 'out')]);

  it('a missing shard, a shard given twice, a folder that is no shard', async () => {
    const [one, two] = await shardsOf(() => []);
    let result = await merge([one!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shard 2/2 missing; merge needs all 2 shards of the run');
    result = await merge([one!, two!, one!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`merge: ${one} and ${one} are the same shard folder`);
    // The same folder under another name, and through a symbolic link: both arguments named.
    const link = join(tempDir(), 'link-to-s1');
    symlinkSync(one!, link);
    for (const again of [`${one!}/./`, link]) {
      result = await merge([one!, two!, again]);
      expect(result.code, again).toBe(2);
      expect(result.stderr).toContain(`merge: ${one} and ${again} are the same shard folder (${realpathSync(one!)}); name each shard once`);
    }
    // Two folders that both hold shard 1/2 (a copy): the shard is given twice.
    const copy = join(tempDir(), 'copy-of-s1');
    cpSync(one!, copy, { recursive: true });
    result = await merge([one!, two!, copy]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`shard 1/2 is given twice (${one} and ${copy})`);
    const plain = tempDir();
    result = await merge([one!, plain]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${plain}: no thick-shard.json, so not a shard folder`);
    // -o naming one of the shards: refused before anything is written, and the shard is still whole.
    result = await run(['merge', one!, two!, '-o', `${one!}/.`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('which the merge would replace');
    expect(existsSync(join(one!, 'thick-shard.json'))).toBe(true);
  });

  it('shards of different options or inputs, or of different splits', async () => {
    const dirs = await shardsOf((i) => ['--lang', i === 1 ? 'en' : 'de']);
    let result = await merge(dirs);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the shards are not of one run: option lang is "en" in ${dirs[0]} and "de" in ${dirs[1]}`);
    const [a] = await shardsOf(() => [], 2);
    const [, b] = await shardsOf(() => [], 3);
    result = await merge([a!, b!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is shard 1/2');
    const copy = join(tempDir(), 'contacts.csv');
    writeFileSync(copy, readFileSync(demo[0]!));
    const s1 = join(tempDir(), 's1');
    const first = await run(['analyze', copy, '--shard', '1/2', '-q', '-o', s1]);
    writeFileSync(copy, `${readFileSync(copy, 'utf8')}\n`);
    const s2 = join(tempDir(), 's2');
    const second = await run(['analyze', copy, '--shard', '2/2', '-q', '-o', s2]);
    expect([first.code, second.code]).toEqual([0, 0]);
    result = await merge([s1, s2]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the shards are not of one run: .*contacts\.csv \(\d+ bytes, sha256 [0-9a-f]{12}…\); .*contacts\.csv \(\d+ bytes/);
  });

  it('shards written by two versions of thick', async () => {
    const [one, two] = await shardsOf(() => []);
    const manifest = join(two!, 'thick-shard.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"thickVersion":"[^"]*"/, '"thickVersion":"0.0.1"'));
    const result = await merge([one!, two!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`option thickVersion is "`);
    expect(result.stderr).toContain(`and "0.0.1" in ${two}`);
  });

  it('a shard file cut short or changed since the shard was written, naming the folder and the file', async () => {
    const [one, two] = await shardsOf(() => []);
    const records = join(two!, RECORDS_FILE);
    const whole = readFileSync(records);
    const out = join(tempDir(), 'out');
    // Cut short at a line's end, so every line left still reads: only the recorded size and hash can tell.
    writeFileSync(records, whole.subarray(0, whole.indexOf(10) + 1));
    let result = await run(['merge', one!, two!, '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`merge: ${two}: ${RECORDS_FILE} changed or truncated since the shard was written (${whole.indexOf(10) + 1} bytes`);
    expect(existsSync(out)).toBe(false);
    // The same size, one byte changed: a page edited after the shard was written.
    const pages = join(one!, PAGES_FILE);
    writeFileSync(records, whole);
    const page = readFileSync(pages, 'utf8');
    writeFileSync(pages, page.replace('Kontakt', 'Kontakx').replace('contact', 'contacx'));
    expect(readFileSync(pages, 'utf8')).not.toBe(page);
    result = await run(['merge', one!, two!, '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`merge: ${one}: ${PAGES_FILE} changed or truncated since the shard was written`);
    expect(existsSync(out)).toBe(false);
    writeFileSync(pages, page);
    expect((await run(['merge', one!, two!, '-q', '-o', out])).code).toBe(0);
  });

  it('a shard line thick cannot read, though its file is as recorded, is a data error naming the line', async () => {
    const [one, two] = await shardsOf(() => []);
    const records = join(two!, RECORDS_FILE);
    writeFileSync(records, `{"not a record"\n${readFileSync(records, 'utf8').split('\n').slice(1).join('\n')}`);
    reseal(two!, RECORDS_FILE);
    const result = await merge([one!, two!]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${records}:1: not a line thick wrote`);
  });

  it('a shard of another shard format version', async () => {
    const [one, two] = await shardsOf(() => []);
    const manifest = join(two!, 'thick-shard.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(`"version":${SHARD_VERSION},`, '"version":1,'));
    const result = await merge([one!, two!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${manifest}: written by another version of thick (shard version 1, this one reads ${SHARD_VERSION}); write the shards and merge them with one version`);
  });

  it('--shard with --redact or --handout, and a bad --shard', async () => {
    for (const flags of [['--shard', '1/2', '--redact'], ['--shard', '1/2', '--handout'], ['--shard', '0/3'], ['--shard', '4/3'], ['--shard', 'two']]) {
      const result = await run(['analyze', demo[0]!, ...flags, '-o', join(tempDir(), 'x')]);
      expect(result.code, flags.join(' ')).toBe(2);
    }
  });
});

describe('the built binary', () => {
  it('splits and merges the demo as the README shows', () => {
    const root = tempDir();
    const files = DEMO.slice(0, 3);
    for (const i of [1, 2]) expect(thick(['analyze', ...files, ...BRAND, '--shard', `${i}/2`, '-q', '-o', join(root, `s${i}`)]).code).toBe(0);
    const merged = thick(['merge', join(root, 's1'), join(root, 's2'), '-o', join(root, 'reports')]);
    expect(merged.code, merged.stderr).toBe(0);
    const pages = Object.keys(filesUnder(join(root, 'reports'))).filter((f) => f.startsWith('customers/'));
    expect(pages.length).toBeGreaterThan(1);
    expect(merged.stderr).toContain(`${pages.length} reports in `);
  });
});
