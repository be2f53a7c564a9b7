// Every option of every command, declared once. The commander commands and their --help, the keys a config file may
// hold, the THICK_* environment variables and `thick config` are all read from this table, so an option cannot
// exist on the command line and be missing from the config file, or be described two ways.

import type { z } from 'zod';
import { DEFAULT_REPLY_HORIZON_DAYS } from '../profile/defaults.js';
import { DEFAULT_HANDOUT_TOP, DEFAULT_INDEX_TOP, PART_RECORDS } from './defaults.js';
import type { OptionChecks } from './option-checks.js';

export const COMMAND_NAMES = ['analyze', 'merge', 'annotate', 'inspect', 'eval', 'train', 'codebook'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** boolean: a switch; string/number/choice: one value; list: repeatable, every value kept in order. */
export type OptionType = 'boolean' | 'string' | 'number' | 'list' | 'choice';
export type OptionValue = boolean | string | number | string[];
/** How an option's value is checked, made from the checks in option-checks.ts (see CliOption's `schema`). */
export type OptionSchema = (check: OptionChecks) => z.ZodType;

export interface CliOption {
  /** The long flag without dashes; also the config file key and, upper-snaked, the THICK_* variable. */
  long: string;
  short?: string;
  /** The value's placeholder in --help, e.g. `<dir>`. */
  arg?: string;
  type: OptionType;
  choices?: readonly string[];
  default?: OptionValue;
  description: string;
  commands: readonly CommandName[];
  /** Where a command says something else about the option (what `-o` names differs per command). */
  per?: Partial<Record<CommandName, { description?: string; arg?: string; default?: OptionValue; schema?: OptionSchema; required?: string; flagOnly?: boolean }>>;
  /**
   * The value (one element, for a list) as it must be once merged; its messages start with "expected". Built from
   * option-checks.ts when a command runs, so that showing the table (--help) loads neither zod nor the parsers.
   */
  schema: OptionSchema;
  /** May come from a config file (every option but --config itself). */
  file: boolean;
  /** May come from THICK_<LONG_IN_UPPER_SNAKE>. */
  env: boolean;
  /** A path: relative in a config file, it is read from the config file's folder. */
  path?: boolean;
}

const INGEST: readonly CommandName[] = ['analyze', 'annotate', 'inspect', 'eval', 'train'];
const ALL: readonly CommandName[] = COMMAND_NAMES;
const CODEBOOK_HELP = 'extend (or with `replace: true`, replace) the default codebook';
const MODEL_HELP = 'sentiment model trained with `thick train` (default: the built-in analyser)';
const EXPERIMENTAL_HELP = 'also show codes the codebook marks experimental (measured too imprecise to show by default)';

export const CLI_OPTIONS: readonly CliOption[] = [
  {
    long: 'out', short: 'o', arg: '<file>', type: 'string', commands: ['analyze', 'merge', 'annotate', 'train'], file: true, env: true, path: true,
    // Shown as is only by `thick config`, which writes nothing: every command that writes says its own below.
    description: "the shown command's -o: analyze's report folder, annotate's output file (- for stdout), train's model file",
    schema: (c) => c.text('a path'),
    per: {
      analyze: {
        arg: '<dir>', description: 'output folder for index.md, customers/, customers.csv, profiles.jsonl, rejected.csv',
        required: 'name the folder for the reports, e.g. -o reports (or `out:` in thick.config.yaml)',
        schema: (c) => c.text('a folder, e.g. -o reports').refine((s) => s.trim() !== '-', { error: 'analyze writes a folder of reports, not a stream; name a folder, e.g. -o reports (--json prints the summary on stdout)' }),
      },
      merge: {
        arg: '<dir>', description: 'output folder for the whole run: index.md, customers/, customers.csv, profiles.jsonl, rejected.csv',
        required: 'name the folder for the merged reports, e.g. -o reports',
        schema: (c) => c.text('a folder, e.g. -o reports').refine((s) => s.trim() !== '-', { error: 'merge writes a folder of reports, not a stream; name a folder, e.g. -o reports' }),
      },
      // `out` in a config file or THICK_OUT names the report folder of the weekly job: annotate and train writing into
      // it would fail (a folder) or clobber it, so theirs comes from -o alone.
      annotate: { description: 'output file: .jsonl (default) or .csv; "-" or none for stdout (JSON lines)', default: '-', flagOnly: true },
      train: {
        description: 'where to write the model (JSON)',
        required: 'name the model file to write, e.g. -o model.json',
        flagOnly: true,
        schema: (c) => c.text('a file, e.g. -o model.json').refine((s) => s.trim() !== '-', { error: 'a model is written to a file, not to stdout; name one, e.g. -o model.json' }),
      },
    },
  },
  {
    long: 'json', type: 'boolean', commands: ALL, file: true, env: false, schema: (c) => c.flag,
    description: 'print the run summary as JSON on stdout (nothing else goes to stdout)',
    per: {
      annotate: { description: 'print the run summary as JSON on stdout (not with -o -)' },
      inspect: { description: 'print the findings as JSON on stdout' },
      eval: { description: 'print the figures as JSON on stdout' },
      train: { description: 'print the figures as JSON on stdout' },
      codebook: { description: 'print as JSON instead of YAML' },
    },
  },
  { long: 'strict', type: 'boolean', commands: ['analyze', 'merge'], file: true, env: false, schema: (c) => c.flag, description: 'exit with code 1 when any row was rejected' },
  { long: 'codebook', arg: '<file>', type: 'string', commands: ['analyze', 'annotate', 'codebook'], file: true, env: true, path: true, schema: (c) => c.text('a codebook file'), description: CODEBOOK_HELP },
  { long: 'lang', arg: '<lang>', type: 'choice', choices: ['en', 'de'], default: 'en', commands: ['analyze'], file: true, env: true, schema: (c) => c.oneOf(['en', 'de']), description: 'report language' },
  {
    long: 'format', arg: '<format>', type: 'choice', choices: ['md', 'html', 'both'], default: 'md', commands: ['analyze'], file: true, env: true, schema: (c) => c.oneOf(['md', 'html', 'both']),
    description: 'report pages as Markdown, HTML (self-contained, printable) or both',
  },
  { long: 'as-of', arg: '<date>', type: 'string', commands: ['analyze'], file: true, env: true, schema: (c) => c.readBy('a date like 2024-12-31', c.parseAsOf), description: 'reference date for recency (default: the latest event in the data, a lone far-off date aside)' },
  {
    long: 'dates', arg: '<from..until>', type: 'string', commands: ['analyze'], file: true, env: true, schema: (c) => c.readBy('FROM..UNTIL, e.g. 1900-01-01..2100-12-31', c.parseDateWindow),
    description: 'the plausible dates, e.g. 1900-01-01..2100-12-31 (default: 1970 to a year after the reference date); others are read as unknown',
  },
  { long: 'since', arg: '<when>', type: 'string', commands: ['analyze'], file: true, env: true, schema: (c) => c.readBy('a date or a span, e.g. 2026-01-01 or 7d', (value) => c.parseWhen('--since', value)), description: 'start of the window the run reports on: a date (2026-01-01) or a span back from the reference date (7d, 4w)' },
  { long: 'until', arg: '<when>', type: 'string', commands: ['analyze'], file: true, env: true, schema: (c) => c.readBy('a date or a span, e.g. 2026-01-31', (value) => c.parseWhen('--until', value)), description: 'end of the window the run reports on (default: the reference date)' },
  {
    long: 'reply-horizon', arg: '<days>', type: 'number', default: DEFAULT_REPLY_HORIZON_DAYS, commands: ['analyze'], file: true, env: true, schema: (c) => c.wholeNumber(1, 'days', '--reply-horizon 30'),
    description: 'an unanswered message older than this many days before the reference date is no longer "still open"',
  },
  {
    long: 'model', arg: '<file>', type: 'string', commands: ['analyze', 'annotate', 'eval'], file: true, env: true, path: true, schema: (c) => c.text('a model file'), description: MODEL_HELP,
    per: { eval: { description: 'measure a model trained with `thick train` instead of the built-in analyser' } },
  },
  { long: 'all-codes', type: 'boolean', commands: ['analyze', 'annotate'], file: true, env: false, schema: (c) => c.flag, description: EXPERIMENTAL_HELP },
  {
    long: 'index-top', arg: '<n>', type: 'number', default: DEFAULT_INDEX_TOP, commands: ['analyze'], file: true, env: true, schema: (c) => c.wholeNumber(1, 'customers', '--index-top 50'),
    description: 'how many customers index.md lists, who needs attention first; customers.csv has all',
  },
  {
    long: 'handout', type: 'boolean', commands: ['analyze'], file: true, env: false, schema: (c) => c.flag,
    description: "also write handout.md and handout.html (highlights and the top customers' portraits) and pseudonymise every file of the run as --redact does",
  },
  { long: 'top', arg: '<n>', type: 'number', commands: ['analyze'], file: true, env: true, schema: (c) => c.wholeNumber(1, 'portraits', '--top 5'), description: `with --handout: how many portraits it shows (default ${DEFAULT_HANDOUT_TOP})` },
  {
    long: 'redact', type: 'boolean', commands: ['analyze'], file: true, env: false, schema: (c) => c.flag,
    description: 'no personal data in any output: names become pseudonyms ("Person 7QMX"); e-mails, phones, IBANs, addresses, handles and personal links are masked in every text',
  },
  {
    long: 'fail-on', arg: '<rule>', type: 'list', default: [], commands: ['analyze', 'merge'], file: true, env: true, schema: (c) => c.text('a rule, e.g. unanswered>0').superRefine((rule, ctx) => {
      const problem = c.ruleProblem(rule);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    description: 'exit 3 when this rule holds, e.g. unanswered>0 (repeatable; everything is still written)',
  },
  {
    long: 'shard', arg: '<i/n>', type: 'string', commands: ['analyze'], file: false, env: true, schema: (c) => c.readBy('i/n, e.g. 2/3', c.parseShard),
    description: 'profile only shard i of n of the customers (by a hash of their key) and write a shard folder for `thick merge`',
  },
  {
    long: 'parts', arg: '<n>', type: 'number', commands: ['analyze'], file: true, env: true, schema: (c) => c.wholeNumber(1, 'parts', '--parts 8'),
    description: `annotate and profile the customers in n parts, one after the other, holding one part's records at a time (default: one part per ${PART_RECORDS.toLocaleString('en-US')} records; a --redact, --handout or --shard run is one part)`,
  },
  { long: 'folds', arg: '<k>', type: 'number', default: 5, commands: ['train'], file: true, env: true, schema: (c) => c.wholeNumber(2, 'folds', '--folds 5'), description: 'folds for cross-validation' },
  { long: 'seed', arg: '<n>', type: 'number', default: 1, commands: ['train'], file: true, env: true, schema: (c) => c.wholeNumber(0, '', '--seed 1'), description: 'seed for the fold split and the training order' },
  { long: 'map', arg: '<field=Column>', type: 'list', default: [], commands: INGEST, file: true, env: false, schema: (c) => c.readBy('field=Column', (value) => c.parseMapFlags([value])), description: 'map a column by hand, e.g. --map text=Kommentar (repeatable)' },
  { long: 'mapping', arg: '<file>', type: 'string', commands: INGEST, file: true, env: true, path: true, schema: (c) => c.text('a mapping file'), description: 'mapping file (JSON or YAML): { columns: { text: "Kommentar" }, preset: "social" }' },
  { long: 'preset', arg: '<id>', type: 'string', commands: INGEST, file: true, env: true, schema: (c) => c.text('a preset id').refine((id) => c.presetById(id) !== undefined, { error: `expected one of the presets: ${c.PRESET_IDS}` }), description: 'skip detection and read every file with this preset' },
  { long: 'brand', arg: '<handle>', type: 'list', default: [], commands: INGEST, file: true, env: true, schema: (c) => c.text('a handle'), description: "the brand's own social account; its posts count as replies (repeatable)" },
  {
    long: 'placeholder', arg: '<name>', type: 'list', default: [], commands: INGEST, file: true, env: true, schema: (c) => c.text('an author name that identifies nobody, e.g. --placeholder "Kunde"'),
    description: 'an author name that identifies nobody, like the built-in "Kunde" or "Ein Google-Nutzer" (repeatable)',
  },
  {
    long: 'quiet', short: 'q', type: 'boolean', commands: ALL, file: true, env: false, schema: (c) => c.flag, description: 'no progress or summary on stderr',
    per: {
      eval: { description: 'no progress or warnings on stderr' },
      train: { description: 'no progress or warnings on stderr' },
      inspect: { description: 'nothing on stderr but errors' },
      codebook: { description: 'no warnings on stderr, only errors' },
    },
  },
  {
    long: 'config', arg: '<file>', type: 'string', commands: ALL, file: false, env: true, schema: (c) => c.text('a config file'),
    description: 'read options from this file instead of looking for thick.config.yaml/.yml/.json or package.json "thick" upward from here',
  },
];

/** A key of a config file that is no option: the inputs to read when the command line names none. */
export const INPUTS_KEY = 'inputs';

/** The options a command takes, in table order. */
export const optionsOf = (command: CommandName): CliOption[] => CLI_OPTIONS.filter((option) => option.commands.includes(command));

export const optionNamed = (long: string): CliOption | undefined => CLI_OPTIONS.find((option) => option.long === long);

/** What the option is on this command: the table's entry with the command's own words, default and schema. */
export function optionFor(option: CliOption, command: CommandName) {
  const own = option.per?.[command] ?? {};
  return {
    description: own.description ?? option.description,
    arg: own.arg ?? option.arg,
    default: 'default' in own ? own.default : option.default,
    schema: own.schema ?? option.schema,
    required: own.required,
    flagOnly: own.flagOnly ?? false,
  };
}

/** `index-top` → `indexTop`: the key commander gives the value and the run functions read. */
export const camelKey = (long: string): string => long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** `fail-on` → `THICK_FAIL_ON`. */
export const envName = (long: string): string => `THICK_${long.toUpperCase().replace(/-/g, '_')}`;

/** The keys a config file may hold: every option marked `file`, and `inputs`. */
export const configKeys = (): string[] => [...CLI_OPTIONS.filter((option) => option.file).map((option) => option.long), INPUTS_KEY];
