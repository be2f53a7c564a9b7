// The weekly job, in process: two runs over two versions of invented exports (fixtures/weekly/week1, week2) into the
// same output folder. Between the weeks a customer was added (Dora), one turned at-risk after a broken grinder and a
// bad rating (Ben), a pain code no one had appeared, Ada's parcel question was answered, and Dora's is unanswered.
// The rows of week 2 are in another order than week 1's, as in real exports: conversations are matched by ticket id.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
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
    const { code, summary } = await analyze(1, out, { failOn: ['newly-at-risk>0', 'new-customers>0', 'stage-changes<1'] });
    expect(code).toBe(0);
    expect(summary.changes).toBeNull();
    expect(summary.alerts).toEqual([
      { rule: 'newly-at-risk>0', value: null, held: false },
      { rule: 'new-customers>0', value: null, held: false },
      { rule: 'stage-changes<1', value: null, held: false },
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

  it('with --json the fired rule is still said on stderr: a CI job that sends the summary to a file shows why it failed', async () => {
    const out = join(tempDir(), 'out');
    await analyze(1, out);
    const { code, stderr } = await analyze(2, out, { quiet: true, failOn: ['newly-at-risk>=1', 'unanswered>5'] });
    expect(code).toBe(3);
    // Only the rule that held, as without --json; stdout stays the summary alone (analyze() parsed it).
    expect(stderr).toBe('alert: --fail-on newly-at-risk>=1: holds (the value is 1)\n');
  });

  it('--strict with rows rejected comes before an alert (exit 1), and with --json stderr says both reasons', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    await analyze(1, out);
    // Week 2's tickets and one row that cannot be read (a date that is none).
    const tickets = join(dir, 'tickets.csv');
    writeFileSync(tickets, `${readFileSync(week(2)[1]!, 'utf8')}T-107,dora.veit@example.org,no date,email,Hello,"Hello there",open,,\n`);
    const io = captureOutput();
    const code = await runAnalyze([week(2)[0]!, tickets], { out, map: [], brand: [], lang: 'en', json: true, quiet: true, strict: true, failOn: ['newly-at-risk>=1'] });
    vi.restoreAllMocks();
    expect(code).toBe(1);
    const summary = JSON.parse(io.stdout()) as RunSummary;
    expect(summary.rows.rejected).toBe(1);
    expect(summary.alerts).toEqual([{ rule: 'newly-at-risk>=1', value: 1, held: true }]);
    expect(io.stderr()).toContain('alert: --fail-on newly-at-risk>=1: holds (the value is 1)\n');
    expect(io.stderr()).toMatch(/--strict: 1 row rejected \(see .*rejected\.csv\)/);
    expect(existsSync(join(out, 'customers/c-04-dora-veit.md'))).toBe(true);
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

  /** Two runs into one folder over files written here: the second run's changes. */
  async function twoRuns(first: Record<string, string>, second: Record<string, string>): Promise<RunSummary['changes']> {
    const dir = tempDir();
    const write = (week: string, files: Record<string, string>) => Object.entries(files).map(([name, text]) => {
      mkdirSync(join(dir, week), { recursive: true });
      writeFileSync(join(dir, week, name), text);
      return join(dir, week, name);
    });
    const run = async (files: string[]) => {
      const io = captureOutput();
      await runAnalyze(files, { out: join(dir, 'out'), map: [], brand: [], lang: 'en', json: true });
      vi.restoreAllMocks();
      return (JSON.parse(io.stdout()) as RunSummary).changes;
    };
    await run(write('week1', first));
    return run(write('week2', second));
  }

  const NOTHING_CHANGED = { newCustomers: [], goneCustomers: [], stageChanges: [], toneUp: [], toneDown: [], ratingUp: [], ratingDown: [], newPain: [], newPainCodes: [], newlyUnanswered: [], newlyAnswered: [] };

  it('an export without ticket ids: the same rows in another order are the same conversations, not new ones', async () => {
    const head = 'Requester Email,Created At,Channel,Subject,Description,Status,First Reply At\n';
    const rows = [
      'ida.holm@example.org,2026-02-02T09:00:00Z,email,Parcel,"Where is my parcel? Still waiting.",open,',
      'ida.holm@example.org,2026-02-03T10:00:00Z,email,Thanks,"Thank you, the beans are lovely.",solved,2026-02-03T11:00:00Z',
      'jon.berg@example.org,2026-02-04T08:00:00Z,chat,Question,"Do you ship to Norway?",open,',
    ];
    const later = 'kai.lund@example.org,2026-02-06T08:00:00Z,email,Invoice,"Can I get an invoice?",open,';
    const changes = await twoRuns({ 'tickets.csv': head + rows.join('\n') + '\n' }, { 'tickets.csv': head + [later, ...[...rows].reverse()].join('\n') + '\n' });
    expect(changes).toMatchObject({ ...NOTHING_CHANGED, newCustomers: ['kai.lund@example.org'], newlyUnanswered: [{ id: 'kai.lund@example.org', n: 1 }] });
  });

  it('anonymous reviews without ids (a newest-first export that grew at the top): one new customer, nobody else moved', async () => {
    const head = 'Autor,Bewertung,Text,Datum\n';
    const old = ['Kunde,5,Sehr guter Kaffee,2026-02-02', 'Kunde,1,Das Paket kam nie an,2026-02-03', 'Gast,4,Gut,2026-02-04'];
    const changes = await twoRuns({ 'bewertungen.csv': head + old.join('\n') + '\n' }, { 'bewertungen.csv': head + ['Kunde,2,Viel zu spät geliefert,2026-02-09', ...old].join('\n') + '\n' });
    expect(changes!.newCustomers).toHaveLength(1);
    expect({ ...changes, newCustomers: [], newPain: [], newPainCodes: [] }).toMatchObject(NOTHING_CHANGED);
    expect(changes!.newPainCodes).toEqual(['pain.waiting']);
    expect(changes!.newPain).toEqual([{ id: changes!.newCustomers[0], codes: ['pain.waiting'] }]);
  });

  it('keeps the window the previous run looked at, and compares the same customers', async () => {
    const out = join(tempDir(), 'out');
    await analyze(1, out, { since: '7d' });
    const { summary } = await analyze(2, out, { since: '7d' });
    expect(summary.changes!.previous.window).toEqual({ since: '2025-12-30T00:00:00.000Z' });
    expect({ ...summary.changes!, previous: null }).toEqual({ ...WEEK2_CHANGES, previous: null });
  });

  /** thick analyze on an input that does not exist, in a folder of its own, with `flags`: nothing may be read or written. */
  async function usage(flags: string[], config?: string, env: Record<string, string> = {}): Promise<string> {
    const dir = tempDir();
    if (config) writeFileSync(join(dir, 'thick.config.yaml'), config);
    const io = captureOutput();
    expect(await main(['node', 'thick', 'analyze', join(dir, 'missing.csv'), '-o', join(dir, 'out'), ...flags], { cwd: dir, env })).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    return io.stderr();
  }

  it('a malformed rule is a usage error (exit 2) before any input is read, with the grammar', async () => {
    expect(await usage(['--fail-on', 'newly-at-risk=>3'])).toBe("error: --fail-on \"newly-at-risk=>3\": expected a rule <metric><operator><number>, e.g. unanswered>0, newly-at-risk>=3 (operators > >= < <= = !=); in a shell, quote it: --fail-on 'unanswered>0' (unquoted, > and < are redirections)\n");
    // The likeliest first mistake: the shell took ">0" as a redirection, and thick got the metric alone.
    expect(await usage(['--fail-on', 'unanswered'])).toContain("quote it: --fail-on 'unanswered>0'");
  });

  it('an unknown metric or code is a usage error too, before any input is read, with the metrics there are', async () => {
    const stderr = await usage(['--fail-on', 'pain.wating.new>5']);
    expect(stderr).toContain('error: --fail-on "pain.wating.new>5": unknown code "pain.wating" (see thick codebook)');
    expect(stderr).toContain('metrics: customers, rejected, unanswered, still-open, new-customers');
  });

  it('a malformed rule in the config file names the file, the key and the value', async () => {
    expect(await usage([], "fail-on: ['unanswered >> 0']\n")).toMatch(/^error: thick\.config\.yaml: fail-on: "unanswered >> 0": expected a rule/);
  });

  it('so does a rule on a metric thick does not know, in the config file or THICK_FAIL_ON: not "--fail-on", which the user never typed', async () => {
    const fromFile = await usage([], "fail-on: ['newly-at-risk>=1', 'unanswerd>0']\n");
    expect(fromFile).toMatch(/^error: thick\.config\.yaml: fail-on: "unanswerd>0": expected a rule on a metric thick knows: unknown metric "unanswerd"/);
    expect(fromFile).toContain('newly-<stage>');
    expect(await usage([], undefined, { THICK_FAIL_ON: 'newly-vip>0' })).toMatch(/^error: THICK_FAIL_ON: "newly-vip>0": expected a rule on a metric thick knows: unknown stage "vip"/);
    // A code is checked against the codebook, which the run may take from the file too: later, by the rule itself.
    expect(await usage([], "fail-on: ['pain.wating.new>0']\n")).toContain('unknown code "pain.wating"');
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

interface WorkflowStep {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

/** The weekly GitHub Actions workflow as the README shows it, parsed. */
function readmeWorkflow(): { on: { schedule: { cron: string }[] }; permissions: Record<string, string>; jobs: Record<string, { steps: WorkflowStep[] }> } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```yaml\n(# \.github\/workflows\/thick-weekly\.yml: the weekly job\n[\s\S]*?)```/.exec(readme);
  expect(block, 'the README shows the weekly workflow').not.toBeNull();
  return parseYaml(block![1]!) as ReturnType<typeof readmeWorkflow>;
}

describe("the README's weekly workflow (what can be checked without GitHub)", () => {
  const workflow = readmeWorkflow();
  const config = parseYaml(readmeConfig()) as { out: string; json: boolean };
  const steps = Object.values(workflow.jobs)[0]!.steps;
  const at = (find: (s: WorkflowStep) => boolean): number => steps.findIndex(find);
  const thick = at((s) => /\bthick\b/.test(s.run ?? '') && !/gh /.test(s.run ?? ''));
  const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));

  it('runs every Monday', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '0 6 * * 1' }]);
  });

  it('runs the config file as it is: no files and no flags on the command line, the JSON summary into a file', () => {
    expect(steps[thick]!.run!.trim()).toBe('npx thick analyze > summary.json');
    expect(config.json).toBe(true);
    // thick is installed from the repository's package.json before it runs: npx alone would ask the npm registry.
    expect(at((s) => s.run?.trim() === 'npm ci')).toBeGreaterThan(-1);
    expect(at((s) => s.run?.trim() === 'npm ci')).toBeLessThan(thick);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
  });

  it("uploads the config's output folder even when thick fails, hidden files (the manifest) included", () => {
    expect(upload, 'an upload-artifact step').toBeDefined();
    expect(upload!.if).toBe('always()');
    expect(String(upload!.with!.path).replace(/\/$/, '')).toBe(config.out);
    // Without .thick-manifest.json the next run would take thick's own files for the user's and stop (exit 1).
    expect(upload!.with!['include-hidden-files']).toBe(true);
  });

  it('gets the previous output folder back before thick runs, from the artifact it uploads (not a cache)', () => {
    const restore = at((s) => /gh run download/.test(s.run ?? ''));
    expect(restore).toBeGreaterThan(-1);
    expect(restore).toBeLessThan(thick);
    const run = steps[restore]!.run!;
    expect(run).toContain(`--name ${String(upload!.with!.name)}`);
    expect(run).toContain(`name=${String(upload!.with!.name)}&`);
    expect(run).toContain(`--dir ${config.out}`);
    expect(workflow.permissions.actions).toBe('read');
    // actions/cache saves only when the job succeeds: after an alert (exit 3) the state would not move on.
    expect(steps.some((s) => s.uses?.startsWith('actions/cache'))).toBe(false);
  });
});

describe("the README's weekly workflow, two Mondays with GitHub played by a stub", () => {
  const workflow = readmeWorkflow();
  const steps = Object.values(workflow.jobs)[0]!.steps;
  const restore = steps.find((s) => /gh run download/.test(s.run ?? ''))!.run!;

  /** A checkout: the README's config and one week's exports. */
  function checkout(n: 1 | 2): string {
    const root = tempDir();
    writeFileSync(join(root, 'thick.config.yaml'), readmeConfig());
    mkdirSync(join(root, 'exports'));
    for (const file of week(n)) copyFileSync(file, join(root, 'exports', file.split('/').at(-1)!));
    return root;
  }

  /**
   * The restore step's own script, run by bash in `root` with a `gh` that answers the artifact query with `run` and
   * unpacks `artifact` (a folder) for `gh run download`. Returns the arguments gh run download got, if any.
   */
  function restoreStep(root: string, run: string, artifact: string): string | null {
    const stub = tempDir();
    const log = join(stub, 'download-args');
    writeFileSync(join(stub, 'gh'), `#!/bin/sh\nif [ "$1" = api ]; then echo "${run}"; exit 0; fi\necho "$@" > "${log}"\nmkdir -p "$7" && cp -R "${artifact}/." "$7/"\n`, { mode: 0o755 });
    const done = spawnSync('bash', ['-e', '-c', restore], { cwd: root, env: { ...process.env, PATH: `${stub}:${process.env.PATH}`, GITHUB_REPOSITORY: 'team/exports' }, encoding: 'utf8' });
    expect(done.status, done.stderr).toBe(0);
    return existsSync(log) ? readFileSync(log, 'utf8').trim() : null;
  }

  async function thick(root: string): Promise<{ code: number; summary: RunSummary }> {
    const io = captureOutput();
    const code = await main(['node', 'thick', 'analyze'], { cwd: root, env: {} });
    vi.restoreAllMocks();
    return { code, summary: JSON.parse(io.stdout()) as RunSummary };
  }

  it('the first Monday finds no artifact; the second gets it back, hidden files and all, and says what changed', async () => {
    const first = checkout(1);
    expect(restoreStep(first, '', '/nonexistent')).toBeNull();
    expect(existsSync(join(first, 'reports'))).toBe(false);
    expect((await thick(first)).code).toBe(0);
    // upload-artifact with include-hidden-files: the folder as it is.
    const artifact = tempDir();
    cpSync(join(first, 'reports'), artifact, { recursive: true });

    const second = checkout(2);
    expect(restoreStep(second, '4711', artifact)).toBe('run download 4711 --name thick-reports --dir reports');
    const { code, summary } = await thick(second);
    expect(summary.changes).toEqual(WEEK2_CHANGES);
    expect(code).toBe(3);
  });

  it('an artifact without its hidden files (upload-artifact leaves them out by default) makes the next run stop', async () => {
    const first = checkout(1);
    await thick(first);
    const artifact = tempDir();
    cpSync(join(first, 'reports'), artifact, { recursive: true, filter: (path) => !path.split('/').at(-1)!.startsWith('.') });
    expect(existsSync(join(artifact, 'thick-state.json'))).toBe(true);
    const second = checkout(2);
    restoreStep(second, '4711', artifact);
    const io = captureOutput();
    expect(await main(['node', 'thick', 'analyze'], { cwd: second, env: {} })).toBe(1);
    vi.restoreAllMocks();
    expect(io.stderr()).toContain('not written by thick');
  });
});
