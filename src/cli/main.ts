import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { camelKey, CLI_OPTIONS, COMMAND_NAMES, optionFor, optionsOf, type CliOption, type CommandName } from './cli-options.js';
import { COMMANDS, type CommandSpec } from './commands.js';
import { describeError } from './errno.js';
import { DataError, UsageError } from './errors.js';
import type { Context } from './settings.js';

// Only commander and the tables of commands and options load up front: what --version and --help need. The settings
// (zod), the run functions (the pipeline) and the terminal (chalk, ora) are imported when a command runs or fails.

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * The help line's tail, in commander's own words. Commander is given no default and no choices: it would apply the
 * default itself (hiding whether the file or a variable should win) and check choices with its own message.
 */
function helpSuffix(option: CliOption, fallback: unknown): string {
  const parts: string[] = [];
  if (option.choices) parts.push(`choices: ${option.choices.map((c) => JSON.stringify(c)).join(', ')}`);
  if ((option.type === 'choice' || option.type === 'number') && fallback !== undefined) parts.push(`default: ${JSON.stringify(fallback)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** The table's entry as a commander option of this command: flags and help text only; values are checked later. */
function commanderOption(option: CliOption, command: CommandName | null): Option {
  const own = command ? optionFor(option, command) : { description: option.description, arg: option.arg, default: option.default };
  const flags = `${option.short ? `-${option.short}, ` : ''}--${option.long}${own.arg ? ` ${own.arg}` : ''}`;
  const made = new Option(flags, `${own.description}${helpSuffix(option, own.default)}`);
  return option.type === 'list' ? made.argParser(collect) : made;
}

/** The files a run reads: those on the command line, else the config file's `inputs`, else a usage error. */
function inputsOf(spec: CommandSpec, given: string[], inputs: string[] | null): string[] {
  if (spec.reads?.kind !== 'files' || given.length > 0) return given;
  if (inputs) return inputs;
  throw new UsageError(`${spec.name}: no input files: ${spec.noInputs}`);
}

function addCommand(program: Command, spec: CommandSpec, context: Context, done: (code: number) => void): void {
  const command = program.command(spec.name).description(spec.description);
  if (spec.alias) command.alias(spec.alias);
  const argument = { files: `[${spec.reads?.name}...]`, folders: `<${spec.reads?.name}...>`, one: `<${spec.reads?.name}>` };
  if (spec.reads) command.argument(argument[spec.reads.kind], spec.reads.description);
  for (const option of optionsOf(spec.name)) command.addOption(commanderOption(option, spec.name));
  command.addHelpText('after', spec.helpAfter).action(async (...args: unknown[]) => {
    const { checkRequired, runFlags, settingsFor, withSources } = await import('./settings.js');
    const flags = (args.at(-1) as Command).opts();
    const given = spec.reads ? [args[0] as string | string[]].flat() : [];
    const settings = settingsFor(spec.name, flags, context, spec.reads?.kind === 'files' && given.length === 0);
    checkRequired(settings);
    // Read here, once a command runs, so that --version and --help never load them.
    (await import('./resources.js')).loadLexicons();
    try {
      done(await spec.run(inputsOf(spec, given, settings.inputs), runFlags(settings)));
    } catch (error) {
      throw error instanceof UsageError ? withSources(error, settings) : error;
    }
  });
}

/** `thick config [command]`: takes every option, so that what flags would change shows too. */
function addConfigCommand(program: Command, context: Context, done: (code: number) => void): void {
  const command = program
    .command('config')
    .description('print the settings a command would run with (default analyze) and where each comes from: default, config file, THICK_* variable or flag')
    .argument('[command]', `one of ${COMMAND_NAMES.join(', ')}`, 'analyze');
  // Its own --json prints the settings; every other option reads as it does on the commands that take it.
  for (const option of CLI_OPTIONS) command.addOption(option.long === 'json' ? new Option('--json', 'print the settings as JSON on stdout') : commanderOption(option, null));
  command
    .addHelpText(
      'after',
      `
--json prints the settings as JSON; every other option is taken as the command's would be, to show what it changes.

Examples:
  $ thick config
  $ thick config train --json
  $ THICK_LANG=de thick config analyze --brand nordlicht.kaffee`,
    )
    .action(async (name: string, options: Record<string, unknown>) => {
      const [{ settingsFor }, { runConfig }] = await Promise.all([import('./settings.js'), import('./config-command.js')]);
      const spec = COMMANDS.find((c) => c.name === name || c.alias === name);
      if (!spec) throw new UsageError(`config ${JSON.stringify(name)}: expected one of ${COMMAND_NAMES.join(', ')}`);
      const { json, ...flags } = options;
      const takes = new Set(optionsOf(spec.name).map((option) => camelKey(option.long)));
      const foreign = CLI_OPTIONS.filter((option) => flags[camelKey(option.long)] !== undefined && !takes.has(camelKey(option.long)));
      if (foreign.length) throw new UsageError(`config ${spec.name}: ${spec.name} takes no ${foreign.map((option) => `--${option.long}`).join(', ')}`);
      done(runConfig(settingsFor(spec.name, flags, context, spec.reads?.kind === 'files'), json === true));
    });
}

export function buildProgram(context: Context, done: (code: number) => void = () => {}): Command {
  const program = new Command('thick')
    .description('Turn exported CRM and social-media data into thick data: one Markdown insight report per customer.')
    .version(version(), '-V, --version')
    .showHelpAfterError('(run thick --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  for (const spec of COMMANDS) addCommand(program, spec, context, done);
  addConfigCommand(program, context, done);

  program.addHelpText(
    'after',
    `
Examples:
  $ thick analyze fixtures/demo/*.csv --brand nordlicht.kaffee --brand nordlichtkaffee -o reports
  $ thick inspect export.csv
  $ thick annotate feedback.csv -o feedback.jsonl
  $ thick eval labelled.csv
  $ thick config   # the settings from thick.config.yaml, THICK_* variables and flags

Run thick <command> --help for a command's options and more examples.`,
  );
  return program;
}

/**
 * Run the CLI; resolves to the exit code (0 ok, 1 data or runtime error, 2 usage error, 3 a --fail-on rule held). `context` is where the
 * config file is looked for and which variables are read: the process's own unless a test gives others.
 */
export async function main(argv: string[], context: Context = { cwd: process.cwd(), env: process.env }): Promise<number> {
  let code = 0;
  const program = buildProgram(context, (result) => {
    code = result;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    return await exitCodeOf(error);
  }
}

/** The one line an error gets on stderr (no stack trace but for a bug), and its exit code. */
async function exitCodeOf(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  const term = (await import('./terminal.js')).terminal();
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
