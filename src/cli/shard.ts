// `thick analyze … --shard i/n`: one of n machines profiles the customers of shard i and writes them to a shard
// folder; `thick merge` (merge.ts) writes the whole run's outputs from the n folders. Every shard reads and links
// every input (cheap), so all that the run shares (the reference date, RFM, slugs, what the run holds, the
// warnings) is the same in each; only its own customers are annotated, profiled and drawn (the expensive part). The
// shard folder holds their rows (profile/row.ts: what the run's outputs read of a customer, no records) with what the
// index overview folds of them, their pages drawn with a slot where the list of
// their blind spots goes (which needs the gaps most of the whole run shares, so the merge fills it in), and the run's
// own data in thick-shard.json, which also names the shard, the options and the inputs (size and
// SHA-256), so a merge refuses shards of different runs, and the size and SHA-256 of each file it wrote beside it, so
// a merge refuses a shard whose files were changed or cut short after it was written (copied over a network, say).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Codebook } from '../annotate/codebook.js';
import { codeInfo, type ProfiledPart, type ReportedFile, type RunOutline } from '../pipeline.js';
import type { FileIdentity } from '../ingest/identity.js';
import { dataText, jsonText } from '../profile/record.js';
import { foldedRows, type FoldedRow } from '../profile/row.js';
import type { CodeKind } from '../profile/signals.js';
import type { CodeInfo } from '../report/codes.js';
import type { AnalyzeFlags } from './analyze.js';
import { UsageError } from './errors.js';
import { parseShard, type Shard } from './options.js';
import { sha256 } from './output/manifest.js';
import { writeOutput } from './output/safe-write.js';
import { customerPagesWithSlot } from './write.js';
import { inputName, isStdin } from './stdin.js';
import type { terminal } from './terminal.js';

export const SHARD_FILE = 'thick-shard.json';
export const RECORDS_FILE = 'customers.jsonl';
/** Each customer's page drawn with a slot for their blind spots (write.ts SlottedPages), a line each, as customers.jsonl. */
export const PAGES_FILE = 'pages.jsonl';
/**
 * Bumped when a shard folder's meaning changes: a merge reads only shards of its own version.
 * 2: thick-shard.json holds the size and SHA-256 of customers.jsonl and pages.jsonl (`data`).
 * 3: pages.jsonl holds each page as the text before and after its blind-spot list, which the merge fills in.
 * 4: customers.jsonl holds customer rows (ShardCustomer), not whole profiled customers with their records.
 */
export const SHARD_VERSION = 4;

/** A line of customers.jsonl: a customer's row, what the index overview folds of them, and their place in the run. */
export type ShardCustomer = FoldedRow;

export type { Shard };

/**
 * The shard a customer falls in: the first four bytes of SHA-256 of their linking key (after linking, so all their
 * rows from every file go with them), as an unsigned number, mod n, plus one. Stable across machines, row orders
 * and file orders; about n equal parts of any run of some hundred customers.
 */
export function shardOf(customerKey: string, count: number): number {
  const digest = createHash('sha256').update(`thick-shard\u0000${customerKey}`).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export const inShard =
  ({ index, count }: Shard) =>
  (customerKey: string): boolean =>
    shardOf(customerKey, count) === index;

/**
 * --shard with --redact or --handout is refused (exit 2) rather than half done: both mask names across the whole
 * run, which no shard sees profiled. --fail-on and --strict are checked by `thick merge`, which takes them (a config
 * file's rules serve both commands); a shard says it leaves them.
 */
export function shardFlag(flags: AnalyzeFlags): Shard {
  const shard = parseShard(flags.shard!);
  if (flags.redact || flags.handout) throw new UsageError(`--shard: ${flags.redact ? '--redact' : '--handout'} masks names across the whole run, which no shard sees; run it unsharded`);
  return shard;
}

/** What a shard leaves to the merge, said beside its own warnings. */
function leftToMerge(flags: AnalyzeFlags): string[] {
  const left = [...(flags.failOn?.length ? ['--fail-on'] : []), ...(flags.strict ? ['--strict'] : [])];
  return left.length > 0 ? [`--shard: ${left.join(' and ')} ${left.length === 1 ? 'is' : 'are'} checked by thick merge, over the whole run; give ${left.length === 1 ? 'it' : 'them'} there`] : [];
}

/** A file by name, size and SHA-256: an input as the shards must agree on it, or a file of the shard folder. */
export interface FileFingerprint {
  file: string;
  bytes: number;
  sha256: string;
}

export type ShardInput = FileFingerprint;

/** What a shard folder's thick-shard.json holds. */
export interface ShardManifest {
  thick: 'shard';
  version: number;
  shard: Shard;
  /** The analyze options that shape the outputs, as given; files (codebook, model, mapping) by their SHA-256. */
  options: Record<string, unknown>;
  inputs: ShardInput[];
  /** The files the merge reads beside this one (customers.jsonl, pages.jsonl), as they were written. */
  data: FileFingerprint[];
  /** Customers in this shard (lines of customers.jsonl), and in the whole run. */
  customers: number;
  runCustomers: number;
  /** What the run's outputs need beside the customers: the same in every shard of a run. */
  run: ShardRun;
}

export interface ShardRun {
  files: ReportedFile[];
  identities: FileIdentity[];
  /** Every warning of the run but those a merge adds (the window's, the state's, the writer's). */
  warnings: string[];
  outline: RunOutline;
  /** The codebook's codes as judgements read them (profile/signals.ts) and as reports name them. */
  codeKinds: CodeKind[];
  codes: CodeInfo[];
  lang: string;
  format: string;
  indexTop: string | null;
}

export const fingerprint = (file: string, bytes: Uint8Array): FileFingerprint => ({ file, bytes: bytes.length, sha256: sha256(bytes) });
const fileHash = (path: string | undefined): string | null => (path === undefined ? null : sha256(readFileSync(path)));

/** thick's own version: shards of two versions may read, annotate or judge differently, so they are not one run. */
function thickVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The options every shard of a run must share; a file option by its content, since paths differ between machines. */
export function shardOptions(flags: AnalyzeFlags): Record<string, unknown> {
  return {
    thickVersion: thickVersion(),
    map: flags.map,
    mapping: fileHash(flags.mapping),
    preset: flags.preset ?? null,
    brand: flags.brand,
    placeholder: flags.placeholder ?? [],
    codebook: fileHash(flags.codebook),
    model: fileHash(flags.model),
    lang: flags.lang,
    format: flags.format ?? 'md',
    indexTop: flags.indexTop ?? null,
    asOf: flags.asOf ?? null,
    dates: flags.dates ?? null,
    since: flags.since ?? null,
    until: flags.until ?? null,
    replyHorizon: flags.replyHorizon ?? null,
    allCodes: Boolean(flags.allCodes),
  };
}

/** Each input by name, size and hash; standard input cannot be read again, and every shard must read the same. */
function shardInputs(inputs: readonly string[]): ShardInput[] {
  return inputs.map((file) => {
    if (isStdin(file)) throw new UsageError('--shard: every shard must read the same inputs; name files, not - (standard input)');
    return fingerprint(inputName(file), readFileSync(file));
  });
}

const reportedFile = ({ file, encoding, delimiter, preset, rows, rating, contextEvents, rejected }: ReportedFile): ReportedFile => ({ file, encoding, delimiter, preset: { id: preset.id }, rows, rating, contextEvents, rejected });

/** The customers' pages with their blind-spot slot open (write.ts customerPagesWithSlot), a line of JSON each. */
function pagesOf(part: ProfiledPart, codes: ReadonlyMap<string, CodeInfo>, flags: AnalyzeFlags): Buffer {
  return Buffer.concat(part.profiled.map((subject) => Buffer.from(`${jsonText(customerPagesWithSlot(subject, codes, { lang: flags.lang, format: flags.format }))}\n`)));
}

/** The customers' rows, a line each, each with their place in the order the run found them, for the merge. */
function rowsOf(part: ProfiledPart): Buffer {
  const order = new Map(part.customerKeys.map((key, i) => [key, i]));
  // A buffer, not one string: a shard of a big run holds more text than a string may.
  return Buffer.concat(foldedRows(part.profiled, order, part.outline.window).map((line) => Buffer.from(`${dataText(line)}\n`)));
}

export interface ShardContext {
  shard: Shard;
  flags: AnalyzeFlags;
  inputs: readonly string[];
  codebook: Codebook;
  started: number;
  term: ReturnType<typeof terminal>;
}

/** Write a shard's folder (through the safe writer, as every output of thick) and say what it holds; exit 0. */
export function writeShard(out: string, part: ProfiledPart, ctx: ShardContext): number {
  const { shard, flags, codebook } = ctx;
  const codes = codeInfo(codebook);
  const data = [
    { path: RECORDS_FILE, content: rowsOf(part) },
    { path: PAGES_FILE, content: pagesOf(part, codes, flags) },
  ];
  const manifest: ShardManifest = {
    thick: 'shard',
    version: SHARD_VERSION,
    shard,
    options: shardOptions(flags),
    inputs: shardInputs(ctx.inputs),
    data: data.map(({ path, content }) => fingerprint(path, content)),
    customers: part.profiled.length,
    runCustomers: part.customerKeys.length,
    run: {
      files: part.ingests.map(reportedFile),
      identities: part.identities,
      warnings: part.warnings,
      outline: part.outline,
      codeKinds: codebook.codes.map(({ id, category, label }) => ({ id, category, ...(label ? { label } : {}) })),
      codes: [...codes.values()],
      lang: flags.lang,
      format: flags.format ?? 'md',
      indexTop: flags.indexTop ?? null,
    },
  };
  const warnings = writeOutput(out, [{ path: SHARD_FILE, content: `${dataText(manifest)}\n` }, ...data]);
  const said = { shard: `${shard.index}/${shard.count}`, customers: part.profiled.length, runCustomers: part.customerKeys.length, out, warnings: [...part.warnings, ...warnings, ...leftToMerge(flags)] };
  if (flags.json) process.stdout.write(`${jsonText(said, 2)}\n`);
  else {
    const seconds = (Math.round(performance.now() - ctx.started) / 1000).toFixed(1);
    ctx.term.done(`shard ${said.shard}: ${said.customers} of ${said.runCustomers} customers in ${out}/ for thick merge (${seconds} s)`);
    for (const warning of said.warnings) ctx.term.warn(warning);
  }
  return 0;
}
