// The CLI as the table builds it, run in process with its own working directory and variables (main's context), so
// no test changes process.cwd() or process.env.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput, folderWith } from '../test-support.js';
import { COMMAND_NAMES, optionsOf } from './cli-options.js';
import { buildProgram, main } from './main.js';

const folder = folderWith;

const COMMENTS = 'Username,Comment,Date\nmara_beispiel,Wo bleibt mein Paket?,2024-05-02\nmara_beispiel,\"Danke, ist angekommen.\",2024-05-06\n';
const run = (cwd: string, args: string[], env: Record<string, string> = {}) => main(['node', 'thick', ...args], { cwd, env });

afterEach(() => vi.restoreAllMocks());

describe('the commands built from the option table', () => {
  const program = buildProgram({ cwd: '/', env: {} });
  const command = (name: string) => program.commands.find((c: Command) => c.name() === name)!;

  it('gives each command exactly the table\'s options, and keeps the aliases', () => {
    for (const name of COMMAND_NAMES) {
      const flags = command(name).options.map((o) => o.long);
      expect(flags).toEqual(optionsOf(name).map((o) => `--${o.long}`));
    }
    expect(command('analyze').aliases()).toEqual(['analyse']);
    expect(command('eval').aliases()).toEqual(['evaluate']);
  });
  it('says per command what -o is, and shows choices and defaults in the help', () => {
    expect(command('analyze').options.find((o) => o.long === '--out')!.flags).toBe('-o, --out <dir>');
    expect(command('train').options.find((o) => o.long === '--out')!.description).toBe('where to write the model (JSON)');
    expect(command('analyze').options.find((o) => o.long === '--lang')!.description).toBe('report language (choices: "en", "de", default: "en")');
  });
  it("says in thick config's help that its --json prints the settings, not a run summary, and whose -o is what", () => {
    expect(command('config').options.find((o) => o.long === '--json')!.description).toBe('print the settings as JSON on stdout');
    // thick config writes nothing: its -o is the shown command's, so its help says whose -o is what.
    expect(command('config').options.find((o) => o.long === '--out')!.description).toBe("the shown command's -o: analyze's report folder, annotate's output file (- for stdout), train's model file");
  });
  it('collects a repeated list flag in order', async () => {
    const io = captureOutput();
    expect(await run(folder(), ['config', 'analyze', '--json', '--fail-on', 'unanswered>0', '--fail-on', 'newly-at-risk>=3'])).toBe(0);
    expect(JSON.parse(io.stdout()).options['fail-on']).toEqual({ value: ['unanswered>0', 'newly-at-risk>=3'], from: '--fail-on' });
  });
});

describe('manners of option parsing', () => {
  it('names an unknown flag before a missing -o, with commander\'s suggestion', async () => {
    const io = captureOutput();
    expect(await run(folder(), ['analyze', '--bogus', 'x.csv'])).toBe(2);
    expect(io.stderr()).toContain("unknown option '--bogus'");
    expect(io.stderr()).not.toContain('required');
    expect(await run(folder(), ['analyze', '--brnd', 'x', 'x.csv'])).toBe(2);
    expect(io.stderr()).toContain('Did you mean --brand?');
  });
  it('refuses analyze -o - and -o \'\' before reading anything, and writes no folder named -', async () => {
    const cwd = folder({ 'c.csv': COMMENTS });
    const io = captureOutput();
    expect(await run(cwd, ['analyze', join(cwd, 'c.csv'), '-o', '-'])).toBe(2);
    expect(await run(cwd, ['analyze', join(cwd, 'c.csv'), '-o', ''])).toBe(2);
    expect(io.stderr()).toContain('error: --out "-": analyze writes a folder of reports, not a stream; name a folder, e.g. -o reports');
    expect(io.stderr()).toContain('error: --out "": expected a folder, e.g. -o reports');
    expect(existsSync(join(cwd, '-'))).toBe(false);
  });
  it('says what to do when no file is named and the config file lists no inputs', async () => {
    const io = captureOutput();
    expect(await run(folder(), ['inspect'])).toBe(2);
    expect(io.stderr()).toContain('inspect: no input files: name the files to inspect, e.g. thick inspect exports/*.csv');
  });
  it("leaves the config file's inputs alone where they are not read: a glob that matches nothing this week stops no other command", async () => {
    const root = folder({ 'thick.config.yaml': 'inputs: [exports/*.csv]\n', 'c.csv': COMMENTS });
    const io = captureOutput();
    expect(await run(root, ['codebook', '-q'])).toBe(0);
    expect(await run(root, ['inspect', join(root, 'c.csv'), '-q'])).toBe(0);
    expect(await run(root, ['config', 'eval'])).toBe(0);
    expect(io.stdout()).not.toMatch(/^ {2}inputs /m);
    expect(io.stderr()).toBe('');
    // Where they are the files to read, the pattern that matches nothing is named.
    expect(await run(root, ['inspect'])).toBe(2);
    expect(io.stderr()).toContain('thick.config.yaml: inputs: "exports/*.csv" matches no file');
  });
  it('writes annotate\'s JSON lines to stdout when -o is absent', async () => {
    const cwd = folder({ 'c.csv': COMMENTS });
    const io = captureOutput();
    expect(await run(cwd, ['annotate', join(cwd, 'c.csv')])).toBe(0);
    const lines = io.stdout().trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string });
    expect(lines.map((l) => l.text)).toEqual(['Wo bleibt mein Paket?', 'Danke, ist angekommen.']);
    expect(io.stderr()).toBe('');
  });
  it('says so when --json asks annotate for a summary its stdout, full of lines, cannot carry', async () => {
    const cwd = folder({ 'c.csv': COMMENTS });
    const io = captureOutput();
    expect(await run(cwd, ['annotate', join(cwd, 'c.csv'), '--json'])).toBe(0);
    expect(io.stdout().trimEnd().split('\n').map((l) => (JSON.parse(l) as { text: string }).text)).toEqual(['Wo bleibt mein Paket?', 'Danke, ist angekommen.']);
    expect(io.stderr()).toBe('warning: --json: the annotated lines go to stdout, so no run summary is printed; write them to a file with -o to get one\n');
  });
  it('keeps inspect and codebook silent on stderr with -q, errors aside', async () => {
    const cwd = folder({
      'c.csv': COMMENTS,
      'only.yaml': ['version: 1', 'replace: true', 'codes:', '  - id: pain.parking', '    category: pain', '    label: { en: Parking, de: Parken }', '    description: No place to park.', '    patterns: { words: [parking] }'].join('\n'),
    });
    const io = captureOutput();
    expect(await run(cwd, ['codebook', '--codebook', join(cwd, 'only.yaml'), '--json'])).toBe(0);
    expect(io.stderr()).toContain('the codebook has no "dialog.praise"');
    const quiet = captureOutput();
    expect(await run(cwd, ['codebook', '--codebook', join(cwd, 'only.yaml'), '-q'])).toBe(0);
    expect(await run(cwd, ['inspect', join(cwd, 'c.csv'), '-q'])).toBe(0);
    expect(quiet.stdout()).toContain('pain.parking');
    expect(quiet.stderr()).toBe('');
    expect(await run(cwd, ['inspect', join(cwd, 'missing.csv'), '-q'])).toBe(1);
    expect(quiet.stderr()).toMatch(/^error: .*missing\.csv/);
  });
});

describe('a run from the config file', () => {
  it('reads inputs, out and brand from thick.config.yaml in a parent folder, paths from the file\'s folder', async () => {
    const root = folder({ 'thick.config.yaml': 'inputs: [exports/*.csv]\nout: reports\nbrand: [Rösterei]\nlang: de\n', 'exports/c.csv': COMMENTS, 'work/.keep': '' });
    captureOutput();
    expect(await run(join(root, 'work'), ['analyze', '-q'])).toBe(0);
    expect(readFileSync(join(root, 'reports/index.md'), 'utf8')).toContain('mara_beispiel');
    expect(existsSync(join(root, 'work/reports'))).toBe(false);
    // Cited as typed from where thick runs, never as an absolute path (a home folder in every citation).
    expect(readFileSync(join(root, 'reports/index.md'), 'utf8')).not.toContain(`\`${root}`);
  });
  it('fails with exit 2 naming the file, key and value', async () => {
    const io = captureOutput();
    expect(await run(folder({ 'thick.config.yaml': 'lang: fr\n' }), ['analyze', 'x.csv', '-o', 'r'])).toBe(2);
    expect(io.stderr()).toContain('error: thick.config.yaml: lang: "fr": expected one of en, de');
  });
  it('says where a value came from when a check across options or against the codebook refuses it', async () => {
    const root = folder({ 'thick.config.yaml': 'since: 2026-02-01\nuntil: 2026-01-01\nout: r\n', 'c.csv': COMMENTS });
    const io = captureOutput();
    expect(await run(root, ['analyze', 'c.csv'])).toBe(2);
    expect(io.stderr()).toMatch(/the window ends before it starts; .* \(--since from thick\.config\.yaml: since; --until from thick\.config\.yaml: until\)\n/);
    expect(await run(root, ['analyze', 'c.csv', '--since', '2026-01-01', '--until', '2026-03-01'], { THICK_TOP: '3' })).toBe(2);
    expect(io.stderr()).toMatch(/--top sets how many portraits .* \(--top from THICK_TOP\)\n/);
    expect(await run(root, ['analyze', 'c.csv', '--since', '2026-01-01', '--until', '2026-03-01'], { THICK_FAIL_ON: 'pain.nosuch.new>1' })).toBe(2);
    expect(io.stderr()).toMatch(/--fail-on "pain\.nosuch\.new>1": unknown code [^]*\(--fail-on from THICK_FAIL_ON\)\n/);
  });
});

describe('thick config', () => {
  const root = folder({ 'thick.config.yaml': 'lang: de\nbrand: [file.brand]\nout: reports\nfolds: 10\n' });

  it('prints each setting of analyze with where it comes from', async () => {
    const io = captureOutput();
    expect(await run(root, ['config', '--brand', 'flag.brand'], { THICK_FORMAT: 'html' })).toBe(0);
    const lines = io.stdout().split('\n');
    expect(lines[0]).toBe(`thick analyze: config file ${join(root, 'thick.config.yaml')}`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  lang +de +← ${join(root, 'thick.config.yaml')}$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  out +${join(root, 'reports')} +← `)));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}format +html +← THICK_FORMAT$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}brand +flag\.brand +← --brand$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}index-top +100 +← default$/));
    expect(io.stdout()).not.toMatch(/folds/);
  });
  it('prints another command\'s settings as JSON', async () => {
    const io = captureOutput();
    expect(await run(root, ['config', 'train', '--json', '--seed', '3'])).toBe(0);
    const json = JSON.parse(io.stdout());
    expect(json).toMatchObject({ command: 'train', file: join(root, 'thick.config.yaml'), inputs: null });
    expect(json.options.folds).toEqual({ value: 10, from: join(root, 'thick.config.yaml') });
    expect(json.options.seed).toEqual({ value: 3, from: '--seed' });
    expect(json.options.quiet).toEqual({ value: null, from: 'default' });
  });
  it('refuses a flag the command does not take, and an unknown command', async () => {
    const io = captureOutput();
    expect(await run(root, ['config', 'codebook', '--lang', 'de'])).toBe(2);
    expect(io.stderr()).toContain('config codebook: codebook takes no --lang');
    expect(await run(root, ['config', 'report'])).toBe(2);
    expect(io.stderr()).toContain('config "report": expected one of analyze');
  });
});
