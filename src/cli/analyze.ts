import { statSync } from 'node:fs';
import type { FileIdentity } from '../ingest/identity.js';
import type { FileIngest, IngestOptions } from '../ingest/index.js';
import type { Overrides } from '../ingest/mapping.js';
import { DEFAULT_HANDOUT_TOP, DEFAULT_INDEX_TOP } from './defaults.js';
import { describeIdentity } from './identity-text.js';
import { loadMappingFile, parseAsOf, parseDateWindow, parseMapFlags, parsePlaceholders, UsageError } from './options.js';
import { redactAnalysis } from '../redact/index.js';
import { withoutOwnOutputs } from './output/own-outputs.js';
import { isStdin } from './stdin.js';
import { outPlaces } from './output/places.js';
import { plausibleWindow } from '../ingest/plausible.js';
import type { WindowFacts } from '../profile/window.js';
import { parseWindowFlags, resolveWindow } from './window.js';
import { analysePrepared, codeInfo, prepareRun, profiledPart, type AnalyseOptions, type PreparedRun, type ReportedFile } from '../pipeline.js';
import { analyseInParts, RunSpill, partsFor, type PartsDrawing } from './parts.js';
import { activeCodebook, activeModel, DataError, distinctInputs, ingestAll } from './pipeline.js';
import { terminal, type Terminal } from './terminal.js';
import { visible } from '../report/format.js';
import { reportedRun, runGaps, writeReports, type OutputOptions, type ReportedRun, type ReportFormat, type RunGap, type RunStateOutput } from './write.js';
import { checkRules, parseFailOn, type Alert, type Measures } from './fail-on.js';
import { changesSince } from './run-state.js';
import type { Changes } from '../profile/changes.js';
import { signalsFor, type CodeKind } from '../profile/signals.js';
import type { CodeInfo } from '../report/codes.js';
import { inShard, shardFlag, writeShard } from './shard.js';
import { foldState } from '../profile/state.js';
import { runAsOf } from '../report/index-page.js';
import { jsonText } from '../profile/record.js';
import type { OnProgress } from '../progress.js';
import { heapToRead, memoryRoom, memoryWarning, readingWarning, runSize, tightenHeapGrowth } from './memory.js';

export interface IngestFlags {
  map: string[];
  mapping?: string;
  preset?: string;
  brand: string[];
  /** Author names that identify nobody, beyond the built-in list (--placeholder, repeatable). */
  placeholder?: string[];
}

export interface AnalyzeFlags extends IngestFlags {
  out: string;
  json?: boolean;
  strict?: boolean;
  codebook?: string;
  lang: 'en' | 'de';
  asOf?: string;
  /** --dates FROM..UNTIL: the plausible dates. */
  dates?: string;
  /** --since, --until: the run's time window (cli/window.ts), a span ("7d", "4w") or a date. */
  since?: string;
  until?: string;
  model?: string;
  quiet?: boolean;
  replyHorizon?: string;
  allCodes?: boolean;
  /** Which pages to write: md (default), html or both. */
  format?: ReportFormat;
  /** --index-top: how many customers index.md lists. */
  indexTop?: string;
  /** Mask personal data in every output (src/redact). */
  redact?: boolean;
  /** --handout: write handout.md and handout.html, and redact the whole run. */
  handout?: boolean;
  /** --top: how many portraits the handout shows. */
  top?: string;
  /** --fail-on rules, as given, in order (repeatable); parsed where the rules are checked (fail-on.ts): exit 3 when one holds. */
  failOn?: string[];
  /** --shard i/n: profile only the customers of shard i of n and write them for `thick merge` (cli/shard.ts). */
  shard?: string;
  /** --parts n: annotate and profile the customers in n parts, one after the other (cli/parts.ts). */
  parts?: string;
}

/** One file in the run summary: how it was read, and who its rows were found to be. */
export interface FileSummary extends Omit<FileIdentity, 'file'> {
  file: string;
  encoding: string;
  delimiter: string;
  preset: string;
  rows: { read: number; used: number; rejected: number };
  /** The rating column and its scale, when the file has one. */
  rating: { column: string; scale: string } | null;
}

export interface RunSummary {
  rows: { read: number; used: number; rejected: number };
  customers: number;
  reports: number;
  warnings: string[];
  files: FileSummary[];
  contextEvents: number;
  /** What the whole run cannot see, as the index says it once (runGaps in write.ts). */
  blindSpots: RunGap[];
  /** The time window (--since, --until) and the reference date, with what lies in, before and after it. */
  window: WindowFacts;
  out: string;
  /** What changed since the previous run into -o (profile/changes.ts); null on a first run. */
  changes: Changes | null;
  /** Every --fail-on rule with its value and whether it held. */
  alerts: Alert[];
}

/** A file's summary entry: the contract's fields first, then key, customers, records by kind and joins. */
export function fileSummary(ingest: ReportedFile, identity: FileIdentity): FileSummary {
  const { file: _file, ...rest } = identity;
  return { file: ingest.file, encoding: ingest.encoding, delimiter: ingest.delimiter, preset: ingest.preset.id, rows: ingest.rows, rating: ingest.rating, ...rest };
}

/** --map flags win over the mapping file; both are checked before any file is read. */
export function ingestOptionsFrom(flags: IngestFlags) {
  const file = flags.mapping ? loadMappingFile(flags.mapping) : { columns: undefined, preset: undefined };
  const overrides: Overrides = { ...(file.columns ?? {}), ...parseMapFlags(flags.map) };
  return { overrides, preset: flags.preset ?? file.preset, brandHandles: new Set(flags.brand), placeholders: parsePlaceholders(flags.placeholder ?? []) };
}

/** --reply-horizon: whole days, at least 1. */
export function parseReplyHorizon(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value.trim());
  if (!Number.isInteger(days) || days < 1) throw new UsageError(`--reply-horizon ${JSON.stringify(value)}: expected a whole number of days, at least 1, e.g. --reply-horizon 30`);
  return days;
}

export { DEFAULT_HANDOUT_TOP, DEFAULT_INDEX_TOP };

/** --index-top: a whole number, at least 1. */
export function parseIndexTop(value: string | undefined): number {
  if (value === undefined) return DEFAULT_INDEX_TOP;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--index-top ${JSON.stringify(value)}: expected a whole number of customers, at least 1, e.g. --index-top 50`);
  return n;
}

/** --top N with --handout: a whole number, at least 1; --top alone is a usage error, it would silently do nothing. */
export function parseHandoutTop(handout: boolean | undefined, value: string | undefined): number | undefined {
  if (!handout) {
    if (value !== undefined) throw new UsageError('--top sets how many portraits the handout shows: use it with --handout (for the index, see --index-top)');
    return undefined;
  }
  if (value === undefined) return DEFAULT_HANDOUT_TOP;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--top ${JSON.stringify(value)}: expected a whole number of portraits, at least 1, e.g. --top 5`);
  return n;
}

/** The window in one line on stderr, when --since or --until gave it an end: what is in it and what was left out. */
export function describeWindow(window: WindowFacts): string | null {
  if (window.since === null && window.until === null) return null;
  const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '…');
  const { leftOut } = window;
  const n = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`;
  const later = leftOut.records + leftOut.contacts > 0 ? `; after it, left out: ${n(leftOut.records, 'record')}, ${n(leftOut.contacts, 'contact')} (${n(leftOut.rows, 'row')}, counted as used)` : '';
  const newcomers = window.customers.new === null ? '' : `, ${window.customers.new} new`;
  return `window ${day(window.since)} to ${day(window.until ?? window.asOf)}: ${n(window.records.inWindow, 'record')} from ${n(window.customers.active, 'customer')}${newcomers}${later}`;
}

/** `term`: where messages and progress go (tests hand in a terminal over a stream of their own). */
export async function runAnalyze(files: string[], flags: AnalyzeFlags, term: Terminal = terminal(flags.quiet || flags.json)): Promise<number> {
  const started = performance.now();
  // Here at the edge, for the whole process: a run's heap is mostly its records, kept to the end (memory.ts).
  tightenHeapGrowth();
  const shard = flags.shard !== undefined ? shardFlag(flags) : null;
  const options = ingestOptionsFrom(flags);
  const asOf = flags.asOf !== undefined ? parseAsOf(flags.asOf) : undefined;
  const dates = flags.dates !== undefined ? parseDateWindow(flags.dates) : undefined;
  const windowFlags = parseWindowFlags(flags);
  const replyHorizonDays = parseReplyHorizon(flags.replyHorizon);
  const indexTop = parseIndexTop(flags.indexTop);
  const handoutTop = parseHandoutTop(flags.handout, flags.top);
  const codebookWarnings: string[] = [];
  const codebook = activeCodebook(flags.codebook, codebookWarnings);
  const model = activeModel(flags.model);
  const rules = failOnRules(flags.failOn, codebook.codes);
  outPlaces(flags.out, false); // an -o thick cannot write to stops the run now, not after the analysis
  // thick's own outputs (rejected.csv and the like, when -o is the input folder) are never read back as input.
  const { inputs, skipped } = withoutOwnOutputs(files, flags.out);
  if (inputs.length === 0) throw new DataError(`every input is thick's own output in ${flags.out} (${files.join(', ')}); name the exports to read`);
  const settings = { codebook, asOf, dates, model, brandHandles: options.brandHandles, replyHorizonDays, allCodes: flags.allCodes, onProgress: term.progress };
  const redact = Boolean(flags.redact || flags.handout);
  const parts = parseParts(flags.parts);
  const onePart = shard ? '--shard' : redact ? (flags.handout ? '--handout' : '--redact') : null;
  const partsOf = (records: number, customers: number): number => (onePart ? 1 : partsFor(records, customers, parts));
  const read = { inputs, options, term, windowFlags, settings, partsOf, annotatedShare: shard ? 1 / shard.count : 1 };
  // --parts from a config file is kept for the runs it can split; said, not refused, where it cannot.
  if (parts !== undefined && parts > 1 && onePart) codebookWarnings.push(`--parts ${parts}: a ${onePart} run is analysed in one part${shard ? '' : ' (masking needs every customer\'s names at once)'}`);
  if (shard) {
    const part = readAndAnalyse(read, (take, analyseOptions) => profiledPart(prepareRun(take(), analyseOptions), inShard(shard), analyseOptions.onProgress));
    part.warnings.unshift(...skipped, ...codebookWarnings);
    term.step(`writing shard ${shard.index}/${shard.count} to ${flags.out}`);
    return writeShard(flags.out, part, { shard, flags, inputs, codebook, started, term });
  }
  const codes = codeInfo(codebook);
  const spill = new LazySpill();
  try {
    const how: RunShape = { redact, parts, drawing: { codes, lang: flags.lang, format: flags.format }, brandHandles: options.brandHandles, spill };
    const run = readAndAnalyse(read, (take, analyseOptions) => analysedRun(take, analyseOptions, how));
    run.warnings.unshift(...skipped, ...codebookWarnings);
    return reportRun(run, { flags, term, rules, codes, output: { lang: flags.lang, format: flags.format, indexTop, handoutTop, redacted: redact }, started });
  } finally {
    spill.close();
  }
}

/** --parts: a whole number, at least 1. */
export function parseParts(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--parts ${JSON.stringify(value)}: expected a whole number of parts, at least 1, e.g. --parts 8`);
  return n;
}

/** How a run is analysed beyond its settings: redacted or not, in how many parts (--parts), and how parts draw pages. */
interface RunShape {
  redact: boolean;
  parts: number | undefined;
  drawing: PartsDrawing;
  brandHandles: ReadonlySet<string>;
  spill: LazySpill;
}

/** A spill made only when a run is split in parts, and removed at the end whether or not one was made. */
class LazySpill {
  private made: RunSpill | null = null;
  get = (): RunSpill => (this.made ??= new RunSpill());
  close = (): void => this.made?.close();
}

/**
 * The run as its outputs are written. A big run is annotated and profiled in parts (parts.ts), so that only one
 * part's records are held at a time (the others wait on disk); a redacted run is analysed whole, since masking needs
 * every customer's names at once (src/redact). Redacted before anything is written or printed: reports, profiles,
 * rejected.csv, the summary, stderr. A handout run is redacted whole: one unmasked legend or CSV cell beside a masked
 * handout would defeat it.
 */
function analysedRun(take: () => FileIngest[], options: AnalyseOptions, how: RunShape): ReportedRun {
  const prepared = preparedRun(take, options, how);
  const parts = how.redact ? 1 : partsFor(prepared.linked.events.length, prepared.linked.customers.length, how.parts);
  if (parts > 1) return analyseInParts(prepared, parts, how.drawing, how.spill.get(), options.onProgress);
  const analysed = analysePrepared(prepared, options.onProgress);
  const shown = how.redact ? redactAnalysis(analysed, { lang: how.drawing.lang, brandHandles: how.brandHandles, onProgress: options.onProgress }) : analysed;
  return reportedRun(analysed, shown);
}

/**
 * The run prepared from its files, which nothing else holds from here on (their records, linked, would otherwise stay
 * alive through every part). A run big enough for parts has its records wait in the parts' file while it is linked.
 */
function preparedRun(take: () => FileIngest[], options: AnalyseOptions, how: RunShape): PreparedRun {
  const files = take();
  const records = files.reduce((n, file) => n + file.events.length, 0);
  const aside = partsFor(records, Number.POSITIVE_INFINITY, how.parts) > 1 ? how.spill.get() : undefined;
  return prepareRun(files, { ...options, aside });
}

/** What reading a run's inputs takes: the files, how to read them, the terminal, --since/--until, the analysis settings. */
interface ReadSettings {
  inputs: readonly string[];
  options: IngestOptions;
  term: Terminal;
  windowFlags: ReturnType<typeof parseWindowFlags>;
  settings: Omit<AnalyseOptions, 'window'>;
  /** How many parts a run of so many records and customers is analysed in (memory.ts estimates its peak from it). */
  partsOf: (records: number, customers: number) => number;
  /** The share of the records a run annotates: a shard's, 1/n; else all. */
  annotatedShare: number;
}

/**
 * The inputs' size on disk, in bytes, each file once however often it is named (it is read once); standard input and
 * what cannot be read count nothing (reading says why).
 */
function inputBytes(inputs: readonly string[]): number {
  let bytes = 0;
  for (const { file: input } of distinctInputs(inputs)) {
    if (isStdin(input)) continue;
    try {
      bytes += statSync(input).size;
    } catch {
      // Reading the file names the problem with its path; an estimate has nothing to add.
    }
  }
  return bytes;
}

/**
 * Read the inputs and analyse them with `analyseWith`, which takes the files as read (their rows and ingested
 * records) with `take()`, once: nothing else holds them then, so they can be freed as soon as linking has made its
 * records, before any is annotated (a local or a parameter stays alive as long as its frame: hence a function that
 * hands them over rather than an argument).
 */
function readAndAnalyse<T>(read: ReadSettings, analyseWith: (take: () => FileIngest[], options: AnalyseOptions) => T): T {
  const { inputs, options, term, windowFlags, settings } = read;
  // Said now, before the long part, not as a crash minutes later: before reading when the inputs' size alone says it.
  const room = memoryRoom();
  const bytes = inputBytes(inputs);
  const tooBigToRead = readingWarning(bytes, room);
  if (tooBigToRead) term.warn(tooBigToRead);
  let ingests: FileIngest[] | null = ingestAll(inputs, { ...options, onProgress: term.progress }, (file) => term.step(`reading ${file}`));
  const size = runSize(ingests);
  const told = tooBigToRead ? heapToRead(bytes) : 0;
  const tooBig = memoryWarning(size, read.partsOf(size.records, size.customers), room, { share: read.annotatedShare, told });
  if (tooBig) term.warn(tooBig);
  term.step('annotating and profiling');
  // A span ("7d") counts back from the reference date the data gives, so the window is known only once it is read.
  const window = resolveWindow(windowFlags, plausibleWindow(ingests, { asOf: settings.asOf, dates: settings.dates }).reference, settings.asOf);
  const take = (): FileIngest[] => {
    const taken = ingests;
    if (!taken) throw new Error('the files of a run are taken once');
    ingests = null;
    return taken;
  };
  return analyseWith(take, { ...settings, window });
}

/** How a run's outputs are written and told: the flags that say so, and what was settled before the analysis. */
export interface ReportContext {
  flags: Pick<AnalyzeFlags, 'out' | 'json' | 'strict'>;
  term: ReturnType<typeof terminal>;
  rules: ReturnType<typeof parseFailOn>;
  codes: ReadonlyMap<string, CodeInfo>;
  output: Omit<OutputOptions, 'runState'>;
  started: number;
}

/**
 * The rest of a run once its customers are profiled, for one run and for a merge of shards (cli/merge.ts) alike:
 * what changed since the last run into -o, every output written, the summary and the alerts; returns the exit code.
 * `analysis` is the run as written (redacted, or not); its rows' state drafts are of the customers as profiled.
 */
export function reportRun(analysis: ReportedRun, { flags, term, rules, codes, output, started }: ReportContext): number {
  const runState = sinceLastRun(flags.out, analysis, Boolean(output.redacted), term.progress);
  term.step(`writing reports to ${flags.out}`);
  const { reports, warnings: writeWarnings } = writeReports(flags.out, analysis, codes, { ...output, runState, onProgress: term.progress });
  analysis.warnings.push(...writeWarnings);

  // The files as linking left them: rows that joined no customer are rejected rows now.
  const files_ = analysis.ingests.map((ingest, i) => fileSummary(ingest, analysis.identities[i]!));
  const total = files_.reduce((sum, f) => ({ read: sum.read + f.rows.read, used: sum.used + f.rows.used, rejected: sum.rejected + f.rows.rejected }), { read: 0, used: 0, rejected: 0 });
  const seconds = Math.round(performance.now() - started) / 1000;
  const contextEvents = analysis.ingests.reduce((n, i) => n + i.contextEvents.length, 0);
  // No timing in the JSON: the summary of the same input must be the same every run (CI diffs it).
  const alerts = checkRules(rules, measuresOf(analysis, total.rejected, runState));
  const summary: RunSummary = { rows: total, customers: analysis.customers.length, reports, warnings: analysis.warnings, files: files_, contextEvents, blindSpots: runGaps(analysis), window: analysis.window, out: flags.out, changes: runState.changes, alerts };

  if (flags.json) process.stdout.write(`${jsonText(summary, 2)}\n`);
  else {
    term.done(`${reports} reports in ${flags.out}/ (${total.read} rows read, ${total.used} used, ${total.rejected} rejected; ${seconds.toFixed(1)} s)`);
    const window = describeWindow(analysis.window);
    if (window) term.info(`  ${window}`);
    for (const identity of analysis.identities) term.info(`  ${describeIdentity(identity)}`);
    for (const warning of analysis.warnings) term.warn(warning);
  }
  const fired = alerts.filter((a) => a.held);
  // An alert is the reason for exit 3, so it is said even with -q, and with --json too: stdout then carries the
  // summary alone, often into a file (the README's CI job), and the job's log must still say why it failed.
  for (const alert of fired) process.stderr.write(`alert: ${visible(`--fail-on ${alert.rule}: holds (the value is ${alert.value})`)}\n`);
  if (flags.strict && total.rejected > 0) {
    // Said with --json too, as an alert is: stdout is the summary alone, and the log must say why the run failed.
    term.error(`--strict: ${total.rejected} row${total.rejected === 1 ? '' : 's'} rejected (see ${flags.out}/rejected.csv)`);
    return 1;
  }
  return fired.length > 0 ? 3 : 0;
}

/** The --fail-on rules, checked against the codebook's codes and its pain codes before any input is read. */
export function failOnRules(rules: readonly string[] | undefined, codeKinds: readonly CodeKind[]) {
  const signals = signalsFor(codeKinds);
  const codes = new Set(codeKinds.map((c) => c.id));
  return parseFailOn(rules, codes, new Set([...codes].filter((code) => signals.is('pain', code))));
}

/**
 * This run's state and what changed since the previous run into `out`, read before the new output replaces it.
 * Each customer's state draft is made from the customer as profiled (customers are hashed by their keys, so a
 * redacted run compares with a plain one) and names them by the id the outputs give them (pseudonyms when redacted).
 */
function sinceLastRun(out: string, shown: ReportedRun, redacted: boolean, onProgress?: OnProgress): RunStateOutput {
  const drafted = shown.customers.map((customer) => ({ draft: customer.state, id: customer.profile.id }));
  const { since, until, asOf } = shown.window;
  const window = since !== null || until !== null ? { ...(since !== null ? { since } : {}), ...(until !== null ? { until } : {}) } : null;
  const { state, collisions } = foldState(drafted, { asOf: asOf !== null ? new Date(asOf) : runAsOf(shown.customers), window, redacted, onProgress });
  if (collisions.length > 0) shown.warnings.push(`${collisions.length} customer${collisions.length === 1 ? ' shares' : 's share'} a state key with another (${collisions.join(', ')}); their changes since the last run are not told apart`);
  const { changes, warning } = changesSince(out, state, redacted, onProgress);
  if (warning) shown.warnings.push(warning);
  return { state, changes };
}

/** What the --fail-on rules measure: the run's figures, its state and the changes. */
function measuresOf(analysis: ReportedRun, rejected: number, { state, changes }: RunStateOutput): Measures {
  const stages: Record<string, number> = {};
  const codes: Record<string, number> = {};
  let stillOpen = 0;
  for (const { profile } of analysis.customers) {
    stages[profile.stage] = (stages[profile.stage] ?? 0) + 1;
    stillOpen += profile.dialog.stillOpen ?? 0;
    for (const code of Object.keys(profile.codes)) codes[code] = (codes[code] ?? 0) + 1;
  }
  return { customers: analysis.customers.length, rejected, stillOpen, stages, codes, state, changes };
}
