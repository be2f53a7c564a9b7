// The settings of one run: each option of the command from its default, the config file, a THICK_* variable or a
// flag (later wins), checked by the table's zod schema at this edge, so the run functions get plain typed flags and
// know nothing of where they came from.

import { isAbsolute, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { byCodePoint } from '../collation.js';
import { normaliseHandle } from '../ingest/normalise.js';
import { camelKey, CLI_OPTIONS, configKeys, envName, INPUTS_KEY, optionFor, optionsOf, type CliOption, type CommandName, type OptionValue } from './cli-options.js';
import { findConfig, type ConfigFile } from './config-file.js';
import { OPTION_CHECKS } from './option-checks.js';
import { UsageError } from './options.js';
import { isStdin } from './stdin.js';

/** Where the run looks: passed in rather than read from `process`, so a test can give its own. */
export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
}

export type Source = { kind: 'default' } | { kind: 'file'; file: ConfigFile } | { kind: 'env'; name: string } | { kind: 'flag' };

export interface Setting {
  option: CliOption;
  value: OptionValue | undefined;
  source: Source;
}

export interface Settings {
  command: CommandName;
  file: ConfigFile | null;
  /** Every option the command takes (--config aside), in table order. */
  settings: Setting[];
  /** The config file's `inputs`, expanded; null when it has none. */
  inputs: string[] | null;
}

/** How a message names where a value came from: the file and key, the variable, or the flag. */
export function sourceName(source: Source, long: string): string {
  switch (source.kind) {
    case 'file':
      return source.file.shown;
    case 'env':
      return source.name;
    case 'flag':
      return `--${long}`;
    default:
      return 'default';
  }
}

function problem(source: Source, long: string, value: unknown, message: string): UsageError {
  const shown = JSON.stringify(value) ?? String(value);
  if (source.kind === 'flag') return new UsageError(`--${long} ${shown}: ${message}`);
  const where = source.kind === 'file' ? `${source.file.shown}: ${long}` : sourceName(source, long);
  return new UsageError(`${where}: ${shown}: ${message}`);
}

/** The value a layer gives, as the option's type has it (a list from a variable is comma-separated). */
function fromEnv(option: CliOption, raw: string): OptionValue {
  return option.type === 'list' ? raw.split(',').map((part) => part.trim()).filter((part) => part !== '') : raw;
}

/** Check one value against the option's schema; a list element by element, so the message quotes the bad one. */
function checked(option: CliOption, command: CommandName, value: unknown, source: Source): OptionValue {
  const schema = optionFor(option, command).schema(OPTION_CHECKS);
  if (option.type === 'list') {
    // A single value is a list of one (`brand: shop`), a number too: `placeholder: 0` is a value exports use.
    const list = typeof value === 'string' || typeof value === 'number' ? [value] : value;
    if (!Array.isArray(list)) throw problem(source, option.long, value, 'expected a list of values');
    return list.map((element) => {
      const result = schema.safeParse(typeof element === 'number' ? String(element) : element);
      if (!result.success) throw problem(source, option.long, element, result.error.issues[0]!.message);
      return result.data as string;
    });
  }
  // A config file may say `seed: 1` or `since: 7` where a flag would be text: numbers are read as their text.
  const input = typeof value === 'number' && option.type !== 'number' && option.type !== 'boolean' ? String(value) : value;
  const result = schema.safeParse(input);
  if (!result.success) throw problem(source, option.long, value, result.error.issues[0]!.message);
  return result.data as OptionValue;
}

/** A path in a config file is read from the file's folder, not from wherever thick runs. */
function fromFile(option: CliOption, value: OptionValue, file: ConfigFile): OptionValue {
  if (!option.path || typeof value !== 'string' || value === '-') return value;
  return resolve(file.dir, value);
}

/** The option's value from the highest layer that gives one: flag > environment > config file > default. */
function settle(option: CliOption, command: CommandName, flags: Record<string, unknown>, file: ConfigFile | null, env: Context['env']): Setting {
  const flag = flags[camelKey(option.long)];
  if (flag !== undefined) return { option, value: checked(option, command, flag, { kind: 'flag' }), source: { kind: 'flag' } };
  const name = envName(option.long);
  const flagOnly = optionFor(option, command).flagOnly === true;
  const raw = option.env && !flagOnly ? env[name] : undefined;
  // An empty variable counts as unset: CI often passes `THICK_X: ${{ vars.X }}` for a variable nobody defined.
  if (raw !== undefined && raw !== '') {
    const source: Source = { kind: 'env', name };
    return { option, value: checked(option, command, fromEnv(option, raw), source), source };
  }
  if (file && option.file && !flagOnly && Object.hasOwn(file.values, option.long)) {
    const source: Source = { kind: 'file', file };
    return { option, value: fromFile(option, checked(option, command, file.values[option.long], source), file), source };
  }
  const fallback = optionFor(option, command).default;
  return { option, value: Array.isArray(fallback) ? [...fallback] : fallback, source: { kind: 'default' } };
}

/** Edit distance, for "did you mean" on a mistyped key. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/** The known key a mistyped one most likely meant (`brands` → `brand`, `indexTop` → `index-top`), if any. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const bare = (k: string) => k.toLowerCase().replace(/[-_]/g, '');
  const same = known.find((k) => bare(k) === bare(key));
  if (same) return same;
  const scored = known.map((k) => ({ k, d: distance(bare(key), bare(k)) })).filter(({ d }) => d <= Math.max(1, Math.floor(key.length / 4)));
  return scored.sort((a, b) => a.d - b.d || byCodePoint(a.k, b.k))[0]?.k;
}

/** Every key of the file must be an option some command takes, or `inputs`. */
function checkKeys(file: ConfigFile): void {
  const known = configKeys();
  for (const key of Object.keys(file.values)) {
    if (known.includes(key)) continue;
    const near = nearestKey(key, known);
    const why = CLI_OPTIONS.some((o) => o.long === key) ? 'cannot be set in a config file' : 'is no option of thick';
    throw new UsageError(`${file.shown}: ${key}: ${why}${near ? `; did you mean ${near}?` : ''} (keys: ${known.join(', ')})`);
  }
}

/** The config file's `inputs`: paths and globs read from its folder, each glob matching at least one file. */
function typedFrom(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || isAbsolute(rel) ? path : rel;
}

function expandInputs(file: ConfigFile): string[] | null {
  if (!Object.hasOwn(file.values, INPUTS_KEY)) return null;
  const raw = file.values[INPUTS_KEY];
  const patterns = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(patterns) || patterns.length === 0 || !patterns.every((p) => typeof p === 'string' && p.trim() !== '')) {
    throw new UsageError(`${file.shown}: ${INPUTS_KEY}: ${JSON.stringify(raw)}: expected file paths or globs, e.g. inputs: [exports/*.csv]`);
  }
  const found = patterns.flatMap((pattern: string) => {
    // `-` is standard input, as on the command line: no path to read from the file's folder.
    if (isStdin(pattern)) return [pattern];
    if (!isDynamicPattern(pattern)) return [resolve(file.dir, pattern)];
    const matches = globSync(pattern, { cwd: file.dir, absolute: true, onlyFiles: true, expandDirectories: false }).sort(byCodePoint);
    if (matches.length === 0) throw new UsageError(`${file.shown}: ${INPUTS_KEY}: "${pattern}" matches no file (read from ${file.dir})`);
    return matches;
  });
  // Named relative to where the process runs, as the user would type them, also from a folder below the config file's
  // ("../exports/c.csv"): reports cite these names, and an absolute path would put the home folder (a user name) in
  // every citation. The run opens them from there.
  return [...new Set(found)].map((path) => (isStdin(path) ? path : typedFrom(process.cwd(), path)));
}

/**
 * The settings of a run of `command`: config file found (or named), each option settled and checked. The file's
 * `inputs` are expanded only when `readsInputs` (a command that reads files, and none named on the command line): a
 * glob that matches nothing this week must not stop `thick codebook` or `thick analyze today.csv`.
 */
export function settingsFor(command: CommandName, flags: Record<string, unknown>, context: Context, readsInputs = true): Settings {
  const named = typeof flags.config === 'string' ? flags.config : context.env.THICK_CONFIG || undefined;
  if (named !== undefined && named.trim() === '') throw new UsageError('--config "": expected a config file, e.g. --config thick.config.yaml');
  const file = findConfig(context.cwd, named);
  if (file) checkKeys(file);
  const settings = optionsOf(command)
    .filter((option) => option.long !== 'config')
    .map((option) => settle(option, command, flags, file, context.env));
  return { command, file, settings, inputs: file && readsInputs ? expandInputs(file) : null };
}

/** What a run cannot do without (-o for analyze and train), from whichever layer; `thick config` shows it unset. */
export function checkRequired(settings: Settings): void {
  for (const { option, value } of settings.settings) {
    const required = optionFor(option, settings.command).required;
    if (required && value === undefined) throw new UsageError(`${settings.command}: ${option.short ? `-${option.short}/` : ''}--${option.long} is required: ${required}`);
  }
}

/**
 * The plain flags a run function takes, under commander's keys. Numbers go as their text: the run functions still
 * parse --index-top and friends themselves (already checked here), as they did before the table.
 */
export function runFlags(settings: Settings): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  for (const { option, value } of settings.settings) {
    if (value === undefined) continue;
    const key = camelKey(option.long);
    if (option.long === 'brand') flags[key] = (value as string[]).map(normaliseHandle);
    else flags[key] = typeof value === 'number' ? String(value) : value;
  }
  return flags;
}

/**
 * Checks that need two options or the codebook (--since after --until, --top without --handout, an unknown code in
 * --fail-on) run with the run and word their message by flag. When that flag's value came from the config file or a
 * variable, the message says so, or the user hunts for a flag they never typed.
 */
export function withSources(error: UsageError, settings: Settings): UsageError {
  const from = settings.settings
    .filter((s) => s.source.kind === 'file' || s.source.kind === 'env')
    .filter((s) => new RegExp(`(^|[^\\w-])--${s.option.long}(?![\\w-])`).test(error.message))
    .map((s) => `--${s.option.long} from ${s.source.kind === 'file' ? `${sourceName(s.source, s.option.long)}: ${s.option.long}` : sourceName(s.source, s.option.long)}`);
  return from.length === 0 ? error : new UsageError(`${error.message} (${from.join('; ')})`);
}
