import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_OPTIONS, COMMAND_NAMES, configKeys, envName, optionsOf } from './cli-options.js';
import { findConfig } from './config-file.js';
import { UsageError } from './options.js';
import { folderWith } from '../test-support.js';
import { checkRequired, nearestKey, runFlags, settingsFor, type Context } from './settings.js';

const folder = folderWith;

const at = (cwd: string, env: Context['env'] = {}): Context => ({ cwd, env });
const value = (settings: ReturnType<typeof settingsFor>, long: string) => settings.settings.find((s) => s.option.long === long)!;

describe('the option table', () => {
  it('declares each long flag once, and every short flag once', () => {
    const longs = CLI_OPTIONS.map((o) => o.long);
    expect(new Set(longs).size).toBe(longs.length);
    const shorts = CLI_OPTIONS.flatMap((o) => (o.short ? [o.short] : []));
    expect(new Set(shorts).size).toBe(shorts.length);
  });
  it('gives every command -q/--quiet and --json', () => {
    for (const command of COMMAND_NAMES) expect(optionsOf(command).map((o) => o.long)).toEqual(expect.arrayContaining(['quiet', 'json', 'config']));
  });
  it('names the variables in upper snake case', () => {
    expect(envName('fail-on')).toBe('THICK_FAIL_ON');
    expect(envName('lang')).toBe('THICK_LANG');
  });
  it('lets a config file hold every option but --config, plus inputs', () => {
    expect(configKeys()).toContain('fail-on');
    expect(configKeys()).toContain('inputs');
    expect(configKeys()).not.toContain('config');
  });
});

describe('finding the config file', () => {
  it('finds thick.config.yaml in a parent folder', () => {
    const root = folder({ 'thick.config.yaml': 'lang: de\n', 'a/b/.keep': '' });
    const found = findConfig(join(root, 'a/b'));
    expect(found?.path).toBe(join(root, 'thick.config.yaml'));
    expect(found?.values).toEqual({ lang: 'de' });
  });
  it('reads the "thick" key of package.json, and skips a package.json without one', () => {
    const root = folder({ 'package.json': JSON.stringify({ name: 'x', thick: { brand: ['shop'] } }), 'sub/package.json': '{"name":"sub"}' });
    expect(findConfig(join(root, 'sub'))?.values).toEqual({ brand: ['shop'] });
  });
  it('reads .yml and .json, and finds nothing where there is nothing', () => {
    expect(findConfig(folder({ 'thick.config.yml': 'out: r\n' }))?.values).toEqual({ out: 'r' });
    expect(findConfig(folder({ 'thick.config.json': '{"out":"r"}' }))?.values).toEqual({ out: 'r' });
    expect(findConfig(folder())).toBeNull();
  });
  it('takes the file --config names, without searching, and says when it cannot be read', () => {
    const root = folder({ 'thick.config.yaml': 'lang: de\n', 'other.yaml': 'lang: en\n' });
    expect(findConfig(root, 'other.yaml')?.values).toEqual({ lang: 'en' });
    expect(() => findConfig(root, 'missing.yaml')).toThrow(/missing\.yaml: cannot read config file \(ENOENT\)/);
    expect(() => findConfig(root, 'config.js')).toThrow(/config\.js: a config file is YAML/);
  });
  it('names the file when it is not valid YAML or JSON, or not a mapping', () => {
    expect(() => findConfig(folder({ 'thick.config.yaml': 'lang: [de\n' }))).toThrow(/^thick\.config\.yaml: not valid YAML/);
    expect(() => findConfig(folder({ 'thick.config.json': '{"lang":' }))).toThrow(/^thick\.config\.json: not valid JSON/);
    expect(() => findConfig(folder({ 'thick.config.yaml': '- de\n' }))).toThrow(/thick\.config\.yaml: expected keys and values/);
  });
  it('refuses a YAML tag it does not know, naming the file, instead of a Node warning and the bare value', () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      expect(() => findConfig(folder({ 'thick.config.yaml': 'brand: !!js/function "x"\n' }))).toThrow(/^thick\.config\.yaml: not valid YAML: Unresolved tag: tag:yaml\.org,2002:js\/function/);
      expect(() => findConfig(folder({ 'thick.config.yaml': 'a: &a [x]\nbrand: *a\n' }))).not.toThrow();
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });
  it('is found through THICK_CONFIG, and --config wins over it', () => {
    const root = folder({ 'a.yaml': 'lang: de\n', 'b.yaml': 'lang: en\nbrand: [b]\n' });
    expect(value(settingsFor('analyze', {}, at(root, { THICK_CONFIG: 'a.yaml' })), 'lang').value).toBe('de');
    expect(value(settingsFor('analyze', { config: 'b.yaml' }, at(root, { THICK_CONFIG: 'a.yaml' })), 'brand').value).toEqual(['b']);
  });
});

describe('precedence: default < config file < environment < flags', () => {
  const root = folder({ 'thick.config.yaml': 'lang: de\nformat: html\nindex-top: 20\nbrand: [file.one, file.two]\nfail-on: [unanswered>0]\n' });
  it('takes each option from the highest layer that sets it, and says which', () => {
    const settings = settingsFor('analyze', { format: 'both' }, at(root, { THICK_LANG: 'en', THICK_INDEX_TOP: '7' }));
    expect(value(settings, 'format')).toMatchObject({ value: 'both', source: { kind: 'flag' } });
    expect(value(settings, 'lang')).toMatchObject({ value: 'en', source: { kind: 'env', name: 'THICK_LANG' } });
    expect(value(settings, 'index-top')).toMatchObject({ value: 7, source: { kind: 'env' } });
    expect(value(settings, 'fail-on')).toMatchObject({ value: ['unanswered>0'], source: { kind: 'file' } });
    expect(value(settings, 'reply-horizon')).toMatchObject({ value: 30, source: { kind: 'default' } });
  });
  it('replaces a list as a whole: the file\'s by the variable\'s, both by the flags\'', () => {
    expect(value(settingsFor('analyze', {}, at(root)), 'brand').value).toEqual(['file.one', 'file.two']);
    expect(value(settingsFor('analyze', {}, at(root, { THICK_BRAND: 'env.one, env.two' })), 'brand').value).toEqual(['env.one', 'env.two']);
    expect(value(settingsFor('analyze', { brand: ['flag'] }, at(root, { THICK_BRAND: 'env.one' })), 'brand').value).toEqual(['flag']);
  });
  it('reads an empty variable as unset', () => {
    expect(value(settingsFor('analyze', {}, at(root, { THICK_LANG: '' })), 'lang').value).toBe('de');
  });
  it('uses the defaults when nothing else speaks', () => {
    const settings = settingsFor('train', { out: 'm.json' }, at(folder()));
    expect(value(settings, 'folds')).toMatchObject({ value: 5, source: { kind: 'default' } });
    expect(value(settingsFor('annotate', {}, at(folder())), 'out').value).toBe('-');
  });
  it('shows the figures a run falls back on as defaults, so thick config does not call them unset', () => {
    const settings = settingsFor('analyze', { out: 'r' }, at(folder()));
    expect(value(settings, 'index-top')).toMatchObject({ value: 100, source: { kind: 'default' } });
    expect(value(settings, 'reply-horizon')).toMatchObject({ value: 30, source: { kind: 'default' } });
    expect(runFlags(settings)).toMatchObject({ indexTop: '100', replyHorizon: '30' });
  });
  it('hands the run plain flags: since, until and fail-on as given, numbers as text, brands normalised', () => {
    const flags = runFlags(settingsFor('analyze', { since: '7d', until: '2026-01-31', failOn: ['unanswered>0', 'newly-at-risk>=3'], brand: ['@Shop'] }, at(root)));
    expect(flags).toMatchObject({ since: '7d', until: '2026-01-31', failOn: ['unanswered>0', 'newly-at-risk>=3'], indexTop: '20', brand: ['shop'], lang: 'de' });
  });
});

describe('checking the merged settings', () => {
  const fails = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error('expected a usage error');
  };
  it('names the file, key and value', () => {
    const root = folder({ 'thick.config.yaml': 'lang: fr\n' });
    expect(fails(() => settingsFor('analyze', {}, at(root)))).toBe('thick.config.yaml: lang: "fr": expected one of en, de');
    const deep = folder({ 'thick.config.yaml': 'index-top: 0\n', 'sub/.keep': '' });
    expect(fails(() => settingsFor('analyze', {}, at(join(deep, 'sub'))))).toBe(`${join(deep, 'thick.config.yaml')}: index-top: 0: expected a whole number of customers, at least 1, e.g. --index-top 50`);
  });
  it('names the variable or the flag and the value', () => {
    expect(fails(() => settingsFor('analyze', {}, at(folder(), { THICK_LANG: 'fr' })))).toBe('THICK_LANG: "fr": expected one of en, de');
    expect(fails(() => settingsFor('analyze', { indexTop: 'x' }, at(folder())))).toMatch(/^--index-top "x": expected a whole number/);
    expect(fails(() => settingsFor('analyze', { brand: [''] }, at(folder())))).toMatch(/^--brand "": expected a handle, not an empty value/);
  });
  it('names a bad element of a list, and a value of the wrong kind', () => {
    expect(fails(() => settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': 'brand: [ok, ""]\n' }))))).toBe('thick.config.yaml: brand: "": expected a handle, not an empty value');
    expect(fails(() => settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': 'strict: "yes"\n' }))))).toBe('thick.config.yaml: strict: "yes": expected true or false');
    expect(fails(() => settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': 'brand: {a: 1}\n' }))))).toMatch(/brand: \{"a":1\}: expected a list/);
  });
  it('checks a window, a date, a map or a preset from the file or a variable before anything is read, naming where it came from', () => {
    const file = (text: string) => fails(() => settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': text }))));
    expect(file('since: garbage\n')).toMatch(/^thick\.config\.yaml: since: "garbage": not a date: "garbage"; expected days, weeks or a date/);
    expect(file('since: 7\n')).toMatch(/^thick\.config\.yaml: since: 7: not a date/);
    expect(file('as-of: yesterday\n')).toMatch(/^thick\.config\.yaml: as-of: "yesterday": not a date/);
    expect(file('dates: x\n')).toMatch(/^thick\.config\.yaml: dates: "x": no "\.\." between the two dates/);
    expect(file('map: [text]\n')).toMatch(/^thick\.config\.yaml: map: "text": expected field=Column/);
    expect(file('preset: bogus\n')).toMatch(/^thick\.config\.yaml: preset: "bogus": expected one of the presets: .*\bgeneric\b/);
    expect(fails(() => settingsFor('analyze', {}, at(folder(), { THICK_UNTIL: '3m' })))).toMatch(/^THICK_UNTIL: "3m": months and years are uneven/);
    // A flag says it once, as the parsers always did.
    expect(fails(() => settingsFor('analyze', { since: 'garbage' }, at(folder())))).toBe(
      '--since "garbage": not a date: "garbage"; expected days, weeks or a date, e.g. --since 7d, --since 4w or --since 2026-01-01',
    );
    expect(() => settingsFor('analyze', { since: '7d', until: '2026-01-31', asOf: '31.01.2026', dates: '..2030-12-31', map: ['text=Kommentar'], preset: 'social' }, at(folder()))).not.toThrow();
  });
  it('takes a single value of a repeatable option as a list of one, a number as its text, as the README says', () => {
    const list = (text: string, long: string) => value(settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': text }))), long).value;
    expect(list('brand: shop\n', 'brand')).toEqual(['shop']);
    expect(list('placeholder: 0\n', 'placeholder')).toEqual(['0']);
    expect(list('placeholder: [0, Kunde]\n', 'placeholder')).toEqual(['0', 'Kunde']);
    expect(fails(() => settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': 'brand: true\n' }))))).toBe('thick.config.yaml: brand: true: expected a list of values');
  });
  it('refuses a key no command takes, with a near miss named', () => {
    expect(fails(() => settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': 'brands: [x]\n' })))) ).toMatch(/^thick\.config\.yaml: brands: is no option of thick; did you mean brand\?/);
    expect(fails(() => settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': 'config: other.yaml\n' }))))).toMatch(/config: cannot be set in a config file/);
    expect(nearestKey('indexTop', configKeys())).toBe('index-top');
    expect(nearestKey('colour', configKeys())).toBeUndefined();
  });
  it('ignores a key another command takes', () => {
    expect(() => settingsFor('analyze', { out: 'r' }, at(folder({ 'thick.config.yaml': 'folds: 10\n' })))).not.toThrow();
  });
  it('refuses -o - and an empty -o for analyze, and an empty out in the file, saying what to do', () => {
    expect(fails(() => settingsFor('analyze', { out: '-' }, at(folder())))).toMatch(/^--out "-": analyze writes a folder of reports, not a stream; name a folder, e\.g\. -o reports/);
    expect(fails(() => settingsFor('analyze', { out: '' }, at(folder())))).toMatch(/^--out "": expected a folder, e\.g\. -o reports/);
    expect(fails(() => settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': 'out: ""\n' }))))).toMatch(/^thick\.config\.yaml: out: "": expected a folder/);
    expect(fails(() => settingsFor('train', { out: '-' }, at(folder())))).toMatch(/a model is written to a file/);
  });
  it('requires -o for analyze (from a flag, a variable or the file) and for train (from the flag)', () => {
    expect(fails(() => checkRequired(settingsFor('analyze', {}, at(folder()))))).toMatch(/^analyze: -o\/--out is required: name the folder for the reports/);
    expect(fails(() => checkRequired(settingsFor('train', {}, at(folder()))))).toMatch(/^train: -o\/--out is required/);
    expect(value(settingsFor('analyze', {}, at(folder({ 'thick.config.yaml': 'out: r\n' }))), 'out').source.kind).toBe('file');
  });
  it("keeps the file's and THICK_OUT's report folder away from annotate and train, which write one file", () => {
    const config = folder({ 'thick.config.yaml': 'out: reports\n' });
    const annotateOut = value(settingsFor('annotate', {}, { cwd: config, env: { THICK_OUT: 'elsewhere' } }), 'out');
    expect(annotateOut).toMatchObject({ value: '-', source: { kind: 'default' } });
    expect(fails(() => checkRequired(settingsFor('train', {}, { cwd: config, env: { THICK_OUT: 'm.json' } })))).toMatch(/^train: -o\/--out is required/);
    expect(value(settingsFor('annotate', { out: 'a.jsonl' }, at(config)), 'out')).toMatchObject({ value: 'a.jsonl', source: { kind: 'flag' } });
  });
});

describe('paths and inputs in the config file', () => {
  it('reads relative paths from the config file\'s folder, not the working directory', () => {
    const root = folder({ 'thick.config.yaml': 'out: reports\ncodebook: codes/mine.yaml\nmodel: /abs/model.json\n', 'deep/er/.keep': '' });
    const settings = settingsFor('analyze', { mapping: 'm.yaml' }, at(join(root, 'deep/er')));
    expect(value(settings, 'out').value).toBe(join(root, 'reports'));
    expect(value(settings, 'codebook').value).toBe(join(root, 'codes/mine.yaml'));
    expect(value(settings, 'model').value).toBe('/abs/model.json');
    expect(value(settings, 'mapping').value).toBe('m.yaml'); // a flag's path stays as typed, for the working directory
  });
  it('expands globs from the config file\'s folder in code point order, and keeps plain paths', () => {
    const root = folder({ 'thick.config.yaml': 'inputs: ["exports/*.csv", notes.csv]\n', 'exports/b.csv': '', 'exports/Z.csv': '', 'exports/a.csv': '', 'exports/x.txt': '', 'sub/.keep': '' });
    const inputs = settingsFor('inspect', {}, at(join(root, 'sub'))).inputs!;
    expect(inputs.map((p) => relative(root, resolve(p)))).toEqual(['exports/Z.csv', 'exports/a.csv', 'exports/b.csv', 'notes.csv']);
  });
  it('keeps - in inputs as standard input, wherever thick runs (not a file named - in the config file\'s folder)', () => {
    const root = folder({ 'thick.config.yaml': 'inputs: ["-", a.csv]\n', 'a.csv': '', 'sub/.keep': '' });
    const inputs = settingsFor('analyze', { out: 'r' }, at(join(root, 'sub'))).inputs!;
    expect(inputs[0]).toBe('-');
    expect(relative(root, resolve(inputs[1]!))).toBe('a.csv');
  });
  it('names the file and the pattern when a glob matches nothing, and refuses inputs of the wrong kind', () => {
    const root = folder({ 'thick.config.yaml': 'inputs: [exports/*.csv]\n' });
    expect(() => settingsFor('inspect', {}, at(root))).toThrow(/^thick\.config\.yaml: inputs: "exports\/\*\.csv" matches no file/);
    expect(() => settingsFor('inspect', {}, at(folder({ 'thick.config.yaml': 'inputs: 3\n' })))).toThrow(/inputs: 3: expected file paths or globs/);
  });
});
