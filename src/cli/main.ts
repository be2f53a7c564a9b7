import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { normaliseHandle } from '../ingest/normalise.js';
import { DEFAULT_HANDOUT_TOP, DEFAULT_INDEX_TOP, runAnalyze } from './analyze.js';
import { runAnnotate } from './annotate.js';
import { runCodebook } from './codebook.js';
import { describeError } from './errno.js';
import { runEval } from './eval.js';
import { runInspect } from './inspect.js';
import { UsageError } from './options.js';
import { DataError } from './pipeline.js';
import { terminal } from './terminal.js';
import { runTrain } from './train.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const INPUT_HELP = `
Input files are CSV/TSV exports (any of , ; tab |, UTF-8/UTF-16/Windows-1252). thick recognises contacts, orders,
tickets, social comments and conversations, reviews and survey answers (with their ratings and the brand's replies),
analyst notes and generic text tables from their header, in English or German.`;

function ingestOptions(command: Command): Command {
  return command
    .option('--map <field=Column>', 'map a column by hand, e.g. --map text=Kommentar (repeatable)', collect, [])
    .option('--mapping <file>', 'mapping file (JSON or YAML): { columns: { text: "Kommentar" }, preset: "social" }')
    .option('--preset <id>', 'skip detection and read every file with this preset')
    .option('--brand <handle>', "the brand's own social account; its posts count as replies (repeatable)", collect, [])
    .option('--placeholder <name>', 'an author name that identifies nobody, like the built-in "Kunde" or "Ein Google-Nutzer" (repeatable)', collect, []);
}

/** `thick analyze`: exports in, one report per customer and an index out. */
function addAnalyzeCommand(program: Command): void {
  ingestOptions(
    program
      .command('analyze')
      .alias('analyse')
      .description('read exports, annotate them and write one report per customer plus an index')
      .argument('<files...>', 'input exports (CSV/TSV)')
      .requiredOption('-o, --out <dir>', 'output folder for index.md, customers/, customers.csv, profiles.jsonl, rejected.csv')
      .option('--json', 'print the run summary as JSON on stdout (nothing else goes to stdout)')
      .option('--strict', 'exit with code 1 when any row was rejected')
      .option('--codebook <file>', 'extend (or with `replace: true`, replace) the default codebook')
      .addOption(new Option('--lang <lang>', 'report language').choices(['en', 'de']).default('en'))
      .addOption(new Option('--format <format>', 'report pages as Markdown, HTML (self-contained, printable) or both').choices(['md', 'html', 'both']).default('md'))
      .option('--as-of <date>', 'reference date for recency (default: the latest event in the data, a lone far-off date aside)')
      .option('--since <when>', 'the window starts: 7d, 4w (whole days back, counting the day --until ends in) or a date; "recent" and "new" mean in the window')
      .option('--until <when>', 'the window ends: 1d, 2w (back from the reference date) or a date (a bare day: its end); later records take no part')
      .option('--dates <from..until>', 'the plausible dates, e.g. 1900-01-01..2100-12-31 (default: 1970 to a year after the reference date); others are read as unknown')
      .option('--reply-horizon <days>', 'an unanswered message older than this many days before the reference date is no longer "still open" (default 30)')
      .option('--model <file>', 'sentiment model trained with `thick train` (default: the built-in analyser)')
      .option('--all-codes', 'also show codes the codebook marks experimental (measured too imprecise to show by default)')
      .option('--index-top <n>', `how many customers index.md lists, who needs attention first (default ${DEFAULT_INDEX_TOP}); customers.csv has all`)
      .option('--handout', 'also write handout.md and handout.html (highlights and the top customers\' portraits) and pseudonymise every file of the run as --redact does')
      .option('--top <n>', `with --handout: how many portraits it shows (default ${DEFAULT_HANDOUT_TOP})`)
      .option('--redact', 'no personal data in any output: names become pseudonyms ("Person 7QMX"); e-mails, phones, IBANs, addresses, handles and personal links are masked in every text')
      .option('-q, --quiet', 'no progress or summary on stderr')
      .option('--fail-on <rule>', 'exit 3 when a rule holds, e.g. unanswered>0, newly-at-risk>=3, pain.waiting.new>5 (repeatable; see README)', collect, []),
  )
    .addHelpText(
      'after',
      `${INPUT_HELP}

Examples:
  $ thick analyze fixtures/demo/*.csv --brand nordlicht.kaffee --brand nordlichtkaffee -o reports
  $ thick analyze contacts.csv orders.csv --json -o out > summary.json
  $ thick analyze tickets.csv --map text=Beschreibung --lang de -o berichte
  $ thick analyze exports/*.csv --format both -o reports   # index.html and customers/*.html beside the .md
  $ thick analyze exports/*.csv --strict -o reports   # exit 1 if any row is rejected
  $ thick analyze exports/*.csv --redact -o shareable  # pseudonyms, no e-mails, phones, addresses …
  $ thick analyze exports/*.csv --handout --top 5 --lang de -o workshop  # handout.md/.html, every file pseudonymised`,
    )
    .action(async (files: string[], options) => {
      process.exitCode = await runAnalyze(files, { ...options, brand: options.brand.map(normaliseHandle) });
    });
}

/** `thick annotate`: one annotated line or row per input row. */
function addAnnotateCommand(program: Command): void {
  ingestOptions(
    program
      .command('annotate')
      .description('write one annotated JSON line (or CSV row) per input row: language, sentiment, codes')
      .argument('<files...>', 'input files with a text column')
      .requiredOption('-o, --out <file>', 'output file: .jsonl (default) or .csv; "-" for stdout (JSON lines)')
      .option('--codebook <file>', 'extend (or with `replace: true`, replace) the default codebook')
      .option('--json', 'print the run summary as JSON on stdout (not with -o -)')
      .option('--model <file>', 'sentiment model trained with `thick train` (default: the built-in analyser)')
      .option('--all-codes', 'also show codes the codebook marks experimental (measured too imprecise to show by default)')
      .option('-q, --quiet', 'no progress or summary on stderr'),
  )
    .addHelpText(
      'after',
      `
Only a text column is required; it is found by its header (text, message, comment, Kommentar, …) or by --map.

Examples:
  $ thick annotate fixtures/demo/social.csv -o social.jsonl
  $ thick annotate survey.csv --map text=Antwort -o survey.csv.jsonl
  $ thick annotate feedback.csv -o - | head`,
    )
    .action(async (files: string[], options) => {
      process.exitCode = await runAnnotate(files, { ...options, brand: options.brand.map(normaliseHandle) });
    });
}

/** `thick inspect`: how each file is read, without writing anything. */
function addInspectCommand(program: Command): void {
  ingestOptions(
    program
      .command('inspect')
      .description('show how thick reads each file (encoding, delimiter, preset, columns, dates, problems) without writing reports')
      .argument('<files...>', 'input exports')
      .option('--json', 'print the findings as JSON on stdout'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ thick inspect fixtures/demo/*.csv
  $ thick inspect export.csv --json | jq '.[0].mapping'`,
    )
    .action(async (files: string[], options) => {
      process.exitCode = await runInspect(files, { ...options, brand: options.brand.map(normaliseHandle) });
    });
}

/** `thick eval`: thick's sentiment against labelled texts. */
function addEvalCommand(program: Command): void {
  ingestOptions(
    program
      .command('eval')
      .alias('evaluate')
      .description("compare thick's sentiment with labelled texts: accuracy, macro-F1, per-class figures, kappa, confusion matrix")
      .argument('<labeled>', 'CSV/TSV with a text column and a label column (negative/neutral/positive, neg/neu/pos, -1/0/1, negativ/positiv)')
      .option('--model <file>', 'measure a model trained with `thick train` instead of the built-in analyser')
      .option('--json', 'print the figures as JSON on stdout')
      .option('-q, --quiet', 'no progress or warnings on stderr'),
  )
    .addHelpText(
      'after',
      `
The text column is found by its header (text, message, Kommentar, …), the label column by label, sentiment, polarity
or Stimmung; --map text=<Column> and --map label=<Column> name them by hand. Rows without text or with an unknown
label are rejected with the reason and counted.

Examples:
  $ thick eval fixtures/labeled/feedback-en.csv
  $ thick eval umfrage.csv --map text=Antwort,label=Bewertung --json
  $ thick eval holdout.csv --model model.json`,
    )
    .action(async (file: string, options) => {
      process.exitCode = await runEval(file, { ...options, brand: options.brand.map(normaliseHandle) });
    });
}

/** `thick train`: a sentiment model from labelled texts. */
function addTrainCommand(program: Command): void {
  ingestOptions(
    program
      .command('train')
      .description('train a sentiment model on labelled texts, write it, and print its cross-validated figures')
      .argument('<labeled>', 'CSV/TSV with a text column and a label column (as for thick eval)')
      .requiredOption('-o, --out <file>', 'where to write the model (JSON)')
      .option('--folds <k>', 'folds for cross-validation', '5')
      .option('--seed <n>', 'seed for the fold split and the training order', '1')
      .option('--json', 'print the figures as JSON on stdout')
      .option('-q, --quiet', 'no progress or warnings on stderr'),
  )
    .addHelpText(
      'after',
      `
The model learns from the words of the labelled texts and from the built-in analyser's score, so a few hundred
rows already help. Use it with --model on analyze, annotate and eval.

Examples:
  $ thick train fixtures/labeled/feedback-de.csv -o model.json
  $ thick train tickets-labelled.csv --map text=Beschreibung,label=Stimmung --folds 10 -o model.json
  $ thick analyze exports/*.csv --model model.json -o reports`,
    )
    .action(async (file: string, options) => {
      process.exitCode = await runTrain(file, { ...options, brand: options.brand.map(normaliseHandle) });
    });
}

/** `thick codebook`: the active codebook. */
function addCodebookCommand(program: Command): void {
  program
    .command('codebook')
    .description('print the active codebook (default, or extended/replaced by --codebook)')
    .option('--codebook <file>', 'extend (or with `replace: true`, replace) the default codebook')
    .option('--json', 'print as JSON instead of YAML')
    .addHelpText(
      'after',
      `
Examples:
  $ thick codebook
  $ thick codebook --codebook my-codes.yaml --json`,
    )
    .action((options) => {
      process.exitCode = runCodebook(options);
    });
}

export function buildProgram(): Command {
  const program = new Command('thick')
    .description('Turn exported CRM and social-media data into thick data: one Markdown insight report per customer.')
    .version(version(), '-V, --version')
    .showHelpAfterError('(run thick --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  addAnalyzeCommand(program);
  addAnnotateCommand(program);
  addInspectCommand(program);
  addEvalCommand(program);
  addTrainCommand(program);
  addCodebookCommand(program);

  program.addHelpText(
    'after',
    `
Examples:
  $ thick analyze fixtures/demo/*.csv --brand nordlicht.kaffee --brand nordlichtkaffee -o reports
  $ thick inspect export.csv
  $ thick annotate feedback.csv -o feedback.jsonl
  $ thick eval labelled.csv

Run thick <command> --help for a command's options and more examples.`,
  );
  return program;
}

/** Run the CLI; resolves to the exit code (0 ok, 1 data or runtime error, 2 usage error, 3 a --fail-on rule held). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    const term = terminal();
    if (error instanceof UsageError || (error instanceof Error && error.name === 'MappingError')) {
      term.error(error.message);
      return 2;
    }
    if (error instanceof DataError) {
      term.error(error.message);
      return 1;
    }
    // A system error no step turned into words (EACCES on the way to a path, say) still gets one line, no stack trace.
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') {
      const { path, code } = error as NodeJS.ErrnoException;
      term.error(`${path ?? (error as NodeJS.ErrnoException).syscall ?? code}: ${describeError(error)}`);
      return 1;
    }
    term.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}
