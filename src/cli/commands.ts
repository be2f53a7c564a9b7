// The commands: what each is called, what it reads, its help text, and the run function it hands plain flags to.
// Their options are in cli-options.ts.

// Each run function is imported when its command runs: `thick --version` and `--help` load none of them (nor zod,
// the pipeline or the report renderers they bring), so they answer in about the time Node takes to start.
import type { AnalyzeFlags, IngestFlags } from './analyze.js';
import type { AnnotateFlags } from './annotate.js';
import type { CommandName } from './cli-options.js';
import type { EvalFlags } from './eval.js';
import type { MergeFlags } from './merge.js';
import type { TrainFlags } from './train.js';

export interface CommandSpec {
  name: CommandName;
  alias?: string;
  description: string;
  /**
   * `files`: any number, from the command line or else the config file's `inputs`; `one`: exactly one file;
   * `folders`: one or more, from the command line only (the config file's inputs are exports, not these).
   */
  reads: { kind: 'files' | 'one' | 'folders'; name: string; description: string } | null;
  /** Said when a command that reads files is given none (and the config file lists no `inputs`). */
  noInputs?: string;
  helpAfter: string;
  run(files: string[], flags: Record<string, unknown>): Promise<number> | number;
}

const INPUT_HELP = `
Input files are CSV/TSV exports (any of , ; tab |, UTF-8/UTF-16/Windows-1252). thick recognises contacts, orders,
tickets, social comments and conversations, reviews and survey answers (with their ratings and the brand's replies),
analyst notes and generic text tables from their header, in English or German.`;

const CONFIG_HELP = `
Every option can also come from thick.config.yaml (or .yml, .json, or a "thick" key in package.json), found from
here upward, or from --config <file>; some from THICK_* variables. Flags win over variables, variables over the file.
\`thick config\` shows what a run would use and where each value comes from.`;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'analyze',
    alias: 'analyse',
    description: 'read exports, annotate them and write one report per customer plus an index',
    reads: { kind: 'files', name: 'files', description: 'input exports (CSV/TSV; default: the config file\'s inputs)' },
    noInputs: 'name the exports to read, e.g. thick analyze exports/*.csv -o reports (or list them under `inputs:` in thick.config.yaml)',
    helpAfter: `${INPUT_HELP}
${CONFIG_HELP}

Examples:
  $ thick analyze fixtures/demo/*.csv --brand nordlicht.kaffee --brand nordlichtkaffee -o reports
  $ thick analyze contacts.csv orders.csv --json -o out > summary.json
  $ thick analyze tickets.csv --map text=Beschreibung --lang de -o berichte
  $ thick analyze exports/*.csv --format both -o reports   # index.html and customers/*.html beside the .md
  $ thick analyze exports/*.csv --strict -o reports   # exit 1 if any row is rejected
  $ thick analyze exports/*.csv --redact -o shareable  # pseudonyms, no e-mails, phones, addresses …
  $ thick analyze exports/*.csv --handout --top 5 --lang de -o workshop  # handout.md/.html, every file pseudonymised
  $ thick analyze exports/*.csv --shard 2/3 -o shard-2   # one machine's part; then thick merge shard-* -o reports
  $ thick analyze   # inputs, out, brand, … from thick.config.yaml`,
    run: async (files, flags) => (await import('./analyze.js')).runAnalyze(files, flags as unknown as AnalyzeFlags),
  },
  {
    name: 'merge',
    description: 'write the outputs of a run split with analyze --shard i/n from its shard folders, as one run writes them',
    reads: { kind: 'folders', name: 'shards', description: 'the shard folders, one per shard (written by thick analyze … --shard i/n -o <dir>)' },
    helpAfter: `
The shards must be of one run: the same inputs (by size and SHA-256), the same options, and each of the n shards
once. --fail-on and --strict are checked here, over the whole run; "Since last run" compares with the state in -o.

Examples:
  $ thick analyze exports/*.csv --shard 1/3 -o shard-1   # on three machines, 1/3, 2/3 and 3/3
  $ thick merge shard-1 shard-2 shard-3 -o reports
  $ thick merge shards/* --fail-on unanswered>0 --json -o reports > summary.json`,
    run: async (folders, flags) => (await import('./merge.js')).runMerge(folders, flags as unknown as MergeFlags),
  },
  {
    name: 'annotate',
    description: 'write one annotated JSON line (or CSV row) per input row: language, sentiment, codes',
    reads: { kind: 'files', name: 'files', description: "input files with a text column (default: the config file's inputs)" },
    noInputs: 'name the files to annotate, e.g. thick annotate feedback.csv -o feedback.jsonl (or list them under `inputs:` in thick.config.yaml)',
    helpAfter: `
Only a text column is required; it is found by its header (text, message, comment, Kommentar, …) or by --map.
Without -o the JSON lines go to stdout.

Examples:
  $ thick annotate fixtures/demo/social.csv -o social.jsonl
  $ thick annotate survey.csv --map text=Antwort -o survey.csv.jsonl
  $ thick annotate feedback.csv | head`,
    run: async (files, flags) => (await import('./annotate.js')).runAnnotate(files, flags as unknown as AnnotateFlags),
  },
  {
    name: 'inspect',
    description: 'show how thick reads each file (encoding, delimiter, preset, columns, dates, problems) without writing reports',
    reads: { kind: 'files', name: 'files', description: "input exports (default: the config file's inputs)" },
    noInputs: 'name the files to inspect, e.g. thick inspect exports/*.csv (or list them under `inputs:` in thick.config.yaml)',
    helpAfter: `
Examples:
  $ thick inspect fixtures/demo/*.csv
  $ thick inspect export.csv --json | jq '.[0].mapping'`,
    run: async (files, flags) => (await import('./inspect.js')).runInspect(files, flags as unknown as IngestFlags & { json?: boolean }),
  },
  {
    name: 'eval',
    alias: 'evaluate',
    description: "compare thick's sentiment with labelled texts: accuracy, macro-F1, per-class figures, kappa, confusion matrix",
    reads: { kind: 'one', name: 'labeled', description: 'CSV/TSV with a text column and a label column (negative/neutral/positive, neg/neu/pos, -1/0/1, negativ/positiv)' },
    helpAfter: `
The text column is found by its header (text, message, Kommentar, …), the label column by label, sentiment, polarity
or Stimmung; --map text=<Column> and --map label=<Column> name them by hand. Rows without text or with an unknown
label are rejected with the reason and counted.

Examples:
  $ thick eval fixtures/labeled/feedback-en.csv
  $ thick eval umfrage.csv --map text=Antwort,label=Bewertung --json
  $ thick eval holdout.csv --model model.json`,
    run: async (files, flags) => (await import('./eval.js')).runEval(files[0]!, flags as unknown as EvalFlags),
  },
  {
    name: 'train',
    description: 'train a sentiment model on labelled texts, write it, and print its cross-validated figures',
    reads: { kind: 'one', name: 'labeled', description: 'CSV/TSV with a text column and a label column (as for thick eval)' },
    helpAfter: `
The model learns from the words of the labelled texts and from the built-in analyser's score, so a few hundred
rows already help. Use it with --model on analyze, annotate and eval.

Examples:
  $ thick train fixtures/labeled/feedback-de.csv -o model.json
  $ thick train tickets-labelled.csv --map text=Beschreibung,label=Stimmung --folds 10 -o model.json
  $ thick analyze exports/*.csv --model model.json -o reports`,
    run: async (files, flags) => (await import('./train.js')).runTrain(files[0]!, flags as unknown as TrainFlags),
  },
  {
    name: 'codebook',
    description: 'print the active codebook (default, or extended/replaced by --codebook)',
    reads: null,
    helpAfter: `
Examples:
  $ thick codebook
  $ thick codebook --codebook my-codes.yaml --json`,
    run: async (_files, flags) => (await import('./codebook.js')).runCodebook(flags),
  },
];
