// The weekly job, in process: two runs over two versions of invented exports (fixtures/weekly/week1, week2) into the
// same output folder. Between the weeks a customer was added (Dora), one turned at-risk after a broken grinder and a
// bad rating (Ben), a pain code no one had appeared, Ada's parcel question was answered, and Dora's is unanswered.
// The rows of week 2 are in another order than week 1's, as in real exports: conversations are matched by ticket id.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAnalyze, type AnalyzeFlags, type RunSummary } from '../src/cli/analyze.js';
import { main } from '../src/cli/main.js';
import { captureOutput } from '../src/test-support.js';
import { filesUnder, ROOT, tempDir } from './helpers.js';

const week = (n: 1 | 2): string[] => ['contacts.csv', 'tickets.csv'].map((f) => join(ROOT, `fixtures/weekly/week${n}`, f));

afterEach(() => vi.restoreAllMocks());

async function analyze(n: 1 | 2, out: string, flags: Partial<AnalyzeFlags> = {}): Promise<{ code: number; summary: RunSummary; stderr: string }> {
  const io = captureOutput();
  const code = await runAnalyze(week(n), { out, map: [], brand: [], lang: 'en', json: true, ...flags });
  vi.restoreAllMocks();
  return { code, summary: JSON.parse(io.stdout()) as RunSummary, stderr: io.stderr() };
}

/** What changed from week 1 to week 2, as the summary's `changes` says it. */
const WEEK2_CHANGES = {
  previous: { asOf: '2026-01-05', window: null, redacted: false, customers: 3 },
  thresholds: { tone: 0.25, toneMinN: 2, rating: 0.125 },
  newCustomers: ['C-04'],
  goneCustomers: [],
  stageChanges: [{ id: 'C-02', from: 'advocate', to: 'at-risk' }],
  toneUp: [],
  toneDown: [{ id: 'C-02', from: 0.8, to: 0.27 }],
  ratingUp: [],
  // Thumbs compare in percent of the best rating: two ups, then two ups and a down.
  ratingDown: [{ id: 'C-02', from: 100, to: 67 }],
  newPain: [{ id: 'C-02', codes: ['pain.damaged'] }],
  newPainCodes: ['pain.damaged'],
  newlyUnanswered: [{ id: 'C-04', n: 1 }],
  newlyAnswered: [{ id: 'C-01', n: 1 }],
};

describe('what changed since the last run', () => {
  it('a first run compares with nothing: changes null, the index says so, and no change alert fires', async () => {
    const out = join(tempDir(), 'out');
    const { code, summary } = await analyze(1, out, { failOn: ['newly-at-risk>0', 'new-customers>0'] });
    expect(code).toBe(0);
    expect(summary.changes).toBeNull();
    expect(summary.alerts).toEqual([
      { rule: 'newly-at-risk>0', value: 0, held: false },
      { rule: 'new-customers>0', value: 0, held: false },
    ]);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    expect(index).toContain('## Since last run\n\nNothing to compare with yet: this output folder holds no run over earlier data.');
    const manifest = JSON.parse(readFileSync(join(out, '.thick-manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toContain('thick-state.json');
  });

  it('the second week: the exact changes, named in the index, and exit 3 when a --fail-on rule holds', async () => {
    const out = join(tempDir(), 'out');
    expect((await analyze(1, out)).code).toBe(0);
    const { code, summary } = await analyze(2, out, { failOn: ['newly-at-risk>=1', 'unanswered>5', 'pain.damaged.new=1'], format: 'both' });
    expect(summary.changes).toEqual(WEEK2_CHANGES);
    expect(summary.alerts).toEqual([
      { rule: 'newly-at-risk>=1', value: 1, held: true },
      { rule: 'unanswered>5', value: 1, held: false },
      { rule: 'pain.damaged.new=1', value: 1, held: true },
    ]);
    expect(code).toBe(3);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    const section = index.slice(index.indexOf('## Since last run'), index.indexOf('## The run in figures'));
    expect(section).toContain('Compared with the previous run into this folder (reference date 2026-01-05, 3 customers).');
    expect(section).toContain('- **New customers**: 1 — [Dora Veit](customers/c-04-dora-veit.md)');
    expect(section).toContain('- **Stage changed**: 1 — [Ben Kurzweil](customers/c-02-ben-kurzweil.md) advocate → at-risk');
    expect(section).toContain('- **Rating down**: 1 — [Ben Kurzweil](customers/c-02-ben-kurzweil.md) 100% → 67%');
    expect(section).toContain('- **Pain points no customer had before**: 1 — Damaged goods');
    expect(section).toContain('- **Newly unanswered**: 1 conversation — [Dora Veit](customers/c-04-dora-veit.md) (1)');
    expect(section).toContain('- **Answered or settled since**: 1 conversation — [Ada Lindqvist](customers/c-01-ada-lindqvist.md) (1)');
    expect(section).not.toContain('no longer in the data');
    // The HTML index has the same section, linking the HTML reports.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<li><strong>New customers</strong>: 1 — <a href="customers/c-04-dora-veit.html">Dora Veit</a></li>');
  });

  it('says which rule fired and its value on stderr, even with -q, and still writes everything', async () => {
    const out = join(tempDir(), 'out');
    await analyze(1, out);
    const io = captureOutput();
    const code = await runAnalyze(week(2), { out, map: [], brand: [], lang: 'de', quiet: true, failOn: ['newly-unanswered>0'] });
    expect(code).toBe(3);
    expect(io.stderr()).toBe('alert: --fail-on newly-unanswered>0: holds (the value is 1)\n');
    expect(existsSync(join(out, 'customers/c-04-dora-veit.md'))).toBe(true);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('## Seit dem letzten Lauf\n\nVerglichen mit dem vorigen Lauf');
  });

  it('a rerun over the same data repeats what the first try found, byte for byte', async () => {
    const out = join(tempDir(), 'out');
    await analyze(1, out);
    const first = await analyze(2, out);
    const files = filesUnder(out);
    const again = await analyze(2, out);
    expect(again.summary.changes).toEqual(WEEK2_CHANGES);
    expect(again.summary).toEqual(first.summary);
    expect(filesUnder(out)).toEqual(files);
  });

  it('a redacted run compares with a plain one: the same changes, by pseudonyms, and no personal data in the state', async () => {
    const out = join(tempDir(), 'out');
    await analyze(1, out);
    const { summary } = await analyze(2, out, { redact: true });
    const changes = summary.changes!;
    expect(changes.previous.redacted).toBe(false);
    expect(changes.newCustomers).toHaveLength(1);
    expect(changes.newCustomers[0]).toMatch(/^[2-9A-Z]{4}$/);
    expect(changes.stageChanges).toEqual([{ id: expect.stringMatching(/^[2-9A-Z]{4}$/), from: 'advocate', to: 'at-risk' }]);
    expect(changes.newPainCodes).toEqual(['pain.damaged']);
    const files = filesUnder(out);
    const index = files['index.md']!;
    const section = index.slice(index.indexOf('## Since last run'), index.indexOf('## The run in figures'));
    expect(section).toContain(`[Person ${changes.newCustomers[0]}](customers/person-${changes.newCustomers[0]!.toLowerCase()}.md)`);
    for (const text of ['Ben', 'Kurzweil', 'Dora', 'example.org', 'C-02']) {
      expect(section).not.toContain(text);
      expect(files['thick-state.json']).not.toContain(text);
    }
  });

  it('keeps the window the previous run looked at, and compares the same customers', async () => {
    const out = join(tempDir(), 'out');
    await analyze(1, out, { since: '7d' });
    const { summary } = await analyze(2, out, { since: '7d' });
    expect(summary.changes!.previous.window).toEqual({ since: '2025-12-30T00:00:00.000Z' });
    expect({ ...summary.changes!, previous: null }).toEqual({ ...WEEK2_CHANGES, previous: null });
  });

  /** thick analyze on an input that does not exist, in a folder of its own, with `flags`: nothing may be read or written. */
  async function usage(flags: string[], config?: string): Promise<string> {
    const dir = tempDir();
    if (config) writeFileSync(join(dir, 'thick.config.yaml'), config);
    const io = captureOutput();
    expect(await main(['node', 'thick', 'analyze', join(dir, 'missing.csv'), '-o', join(dir, 'out'), ...flags], { cwd: dir, env: {} })).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    return io.stderr();
  }

  it('a malformed rule is a usage error (exit 2) before any input is read, with the grammar', async () => {
    expect(await usage(['--fail-on', 'newly-at-risk=>3'])).toBe('error: --fail-on "newly-at-risk=>3": expected a rule <metric><operator><number>, e.g. unanswered>0, newly-at-risk>=3 (operators > >= < <= = !=)\n');
  });

  it('an unknown metric or code is a usage error too, before any input is read, with the metrics there are', async () => {
    const stderr = await usage(['--fail-on', 'pain.wating.new>5']);
    expect(stderr).toContain('error: --fail-on "pain.wating.new>5": unknown code "pain.wating" (see thick codebook)');
    expect(stderr).toContain('metrics: customers, rejected, unanswered, new-customers');
  });

  it('a malformed rule in the config file names the file, the key and the value', async () => {
    expect(await usage([], "fail-on: ['unanswered >> 0']\n")).toMatch(/^error: thick\.config\.yaml: fail-on: "unanswered >> 0": expected a rule/);
  });
});

/** The weekly job's config file as the README shows it. */
function readmeConfig(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```yaml\n(# thick\.config\.yaml: the weekly job\n[\s\S]*?)```/.exec(readme);
  expect(block, 'the README shows the weekly config').not.toBeNull();
  return block![1]!;
}

describe("the README's weekly job", () => {
  it('runs its config twice over two weeks of exports: the exact changes, and exit 3 the second week', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'thick.config.yaml'), readmeConfig());
    const exportsOf = (n: 1 | 2) => {
      rmSync(join(root, 'exports'), { recursive: true, force: true });
      mkdirSync(join(root, 'exports'));
      for (const file of week(n)) copyFileSync(file, join(root, 'exports', file.split('/').at(-1)!));
    };
    const run = async () => {
      const io = captureOutput();
      const code = await main(['node', 'thick', 'analyze'], { cwd: root, env: {} });
      vi.restoreAllMocks();
      return { code, summary: JSON.parse(io.stdout()) as RunSummary };
    };
    exportsOf(1);
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.summary.changes).toBeNull();
    exportsOf(2);
    const second = await run();
    expect(second.summary.changes).toEqual(WEEK2_CHANGES);
    expect(second.summary.alerts).toEqual([
      { rule: 'newly-at-risk>=1', value: 1, held: true },
      { rule: 'newly-unanswered>0', value: 1, held: true },
    ]);
    expect(second.code).toBe(3);
    expect(existsSync(join(root, 'reports/customers/c-04-dora-veit.md'))).toBe(true);
  });
});
