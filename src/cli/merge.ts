// `thick merge <shard folders…> -o <dir>`: the outputs of a run split with `thick analyze --shard i/n` (shard.ts),
// written from its shards' customer rows exactly as the unsharded run writes them: the rows are read back in
// the run's order, the figures that need every customer (the gaps most of the run shares, the window) are settled
// by the same function the unsharded run settles them with, and then the same reportRun writes every page, the
// index, customers.csv, profiles.jsonl and the state, and checks --fail-on and --strict. A customer's page is the
// shard's, its blind-spot slot filled with their gaps but those most of the run shares; none is drawn again. So n
// shards merged are one run, byte for byte (test/shard.test.ts). Shards of different runs, a missing or a doubled
// shard are refused.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseData } from '../profile/record.js';
import type { ReportLang } from '../report/i18n.js';
import { failOnRules, parseIndexTop, reportRun } from './analyze.js';
import { describeError } from './errno.js';
import { DataError, UsageError } from './errors.js';
import { outPlaces } from './output/places.js';
import { fingerprint, PAGES_FILE, RECORDS_FILE, SHARD_FILE, SHARD_VERSION, type ShardCustomer, type ShardManifest } from './shard.js';
import { terminal } from './terminal.js';
import { tightenHeapGrowth } from './memory.js';
import { foldedRun, type ReportFormat, type SlottedPages } from './write.js';

export interface MergeFlags {
  out: string;
  json?: boolean;
  quiet?: boolean;
  strict?: boolean;
  failOn?: string[];
}

/** A shard folder as given, with its manifest. */
interface ShardFolder {
  dir: string;
  manifest: ShardManifest;
}

function readManifest(dir: string): ShardFolder {
  const path = join(dir, SHARD_FILE);
  if (!existsSync(path)) throw new UsageError(`${dir}: no ${SHARD_FILE}, so not a shard folder (write one with thick analyze … --shard i/n -o ${dir})`);
  let manifest: ShardManifest;
  try {
    manifest = parseData(readFileSync(path, 'utf8')) as ShardManifest;
  } catch (error) {
    throw new DataError(`${path}: cannot read it as a shard's manifest (${error instanceof SyntaxError ? 'not valid JSON' : describeError(error)})`);
  }
  if (manifest?.thick !== 'shard') throw new UsageError(`${path}: not a shard manifest thick wrote`);
  if (manifest.version !== SHARD_VERSION) throw new UsageError(`${path}: written by another version of thick (shard version ${String(manifest.version)}, this one reads ${SHARD_VERSION}); write the shards and merge them with one version`);
  return { dir, manifest };
}

const shown = (value: unknown): string => JSON.stringify(value ?? null);
const inputText = (i: ShardManifest['inputs'][number]): string => `${i.file} (${i.bytes} bytes, sha256 ${i.sha256.slice(0, 12)}…)`;

/** Why two shards are not of one run: their split, an option or an input; null when they are. */
function difference(a: ShardFolder, b: ShardFolder): string | null {
  const [x, y] = [a.manifest, b.manifest];
  if (x.shard.count !== y.shard.count) return `${a.dir} is shard ${x.shard.index}/${x.shard.count}, ${b.dir} is shard ${y.shard.index}/${y.shard.count}`;
  for (const key of new Set([...Object.keys(x.options), ...Object.keys(y.options)])) {
    if (shown(x.options[key]) !== shown(y.options[key])) return `option ${key} is ${shown(x.options[key])} in ${a.dir} and ${shown(y.options[key])} in ${b.dir}`;
  }
  const inputs = (m: ShardManifest) => m.inputs.map(inputText).join(', ');
  if (inputs(x) !== inputs(y)) return `${a.dir} read ${inputs(x)}; ${b.dir} read ${inputs(y)}`;
  return null;
}

/** The shards of one run, each once and none missing, by index; anything else is a usage error (exit 2). */
export function checkShards(folders: readonly ShardFolder[]): ShardFolder[] {
  const [first] = folders;
  if (!first) throw new UsageError('merge: name the shard folders to merge, e.g. thick merge shard-1 shard-2 shard-3 -o reports');
  for (const other of folders.slice(1)) {
    const why = difference(first, other);
    if (why) throw new UsageError(`merge: the shards are not of one run: ${why}`);
  }
  const count = first.manifest.shard.count;
  const byIndex = new Map<number, ShardFolder>();
  for (const folder of folders) {
    const twin = byIndex.get(folder.manifest.shard.index);
    if (twin) throw new UsageError(`merge: shard ${folder.manifest.shard.index}/${count} is given twice (${twin.dir} and ${folder.dir})`);
    byIndex.set(folder.manifest.shard.index, folder);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new UsageError(`merge: shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing; merge needs all ${count} shards of the run`);
  return [...byIndex.values()].sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
}

/** Each line of a file of a shard as text, read from bytes: a big shard holds more than one string may. */
function* lines(bytes: Buffer): Generator<string> {
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(10, start);
    const stop = end === -1 ? bytes.length : end;
    yield bytes.toString('utf8', start, stop);
    start = stop + 1;
  }
}

/**
 * A file of a shard folder as the shard wrote it: its size and SHA-256 must be those thick-shard.json recorded, else
 * the merge stops (exit 2) before it writes anything. A shard copied between machines can arrive cut short or be
 * edited, and a merge of it would write a run that never happened, which no later step could tell.
 */
function shardFileBytes({ dir, manifest }: ShardFolder, file: string): Buffer {
  const path = join(dir, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DataError(`${path}: cannot read (${describeError(error)})`);
  }
  const written = manifest.data.find((entry) => entry.file === file);
  const found = fingerprint(file, bytes);
  if (written?.bytes !== found.bytes || written.sha256 !== found.sha256) {
    const was = written ? `${written.bytes} bytes, sha256 ${written.sha256.slice(0, 12)}…` : 'nothing';
    throw new UsageError(`merge: ${dir}: ${file} changed or truncated since the shard was written (${found.bytes} bytes, sha256 ${found.sha256.slice(0, 12)}…; ${SHARD_FILE} says ${was}); write the shard again`);
  }
  return bytes;
}

/** The lines of a shard's file, each read by `read`; a line thick cannot read is a data error naming it. */
function readLines<T>(shard: ShardFolder, file: string, read: (text: string) => T): T[] {
  const { dir, manifest } = shard;
  const path = join(dir, file);
  const bytes = shardFileBytes(shard, file);
  const values: T[] = [];
  let line = 0;
  for (const text of lines(bytes)) {
    line += 1;
    try {
      values.push(read(text));
    } catch (error) {
      throw new DataError(`${path}:${line}: not a line thick wrote (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (values.length !== manifest.customers) throw new DataError(`${path}: ${values.length} lines, and ${SHARD_FILE} says ${manifest.customers} customers: the shard folder is incomplete; write it again`);
  return values;
}

/** A line of customers.jsonl read back; anything but a shard's customer is refused. */
function shardCustomer(text: string): ShardCustomer {
  const line = parseData(text) as Partial<ShardCustomer> | null;
  if (typeof line?.order !== 'number' || typeof line.row?.profile !== 'object' || !Array.isArray(line.said?.said)) throw new Error('not a customer row');
  return line as ShardCustomer;
}

/** A shard's customers, each with their place in the run and their page as the shard drew it, its slot open. */
function readShard(shard: ShardFolder): (ShardCustomer & { page: SlottedPages })[] {
  const customers = readLines(shard, RECORDS_FILE, shardCustomer);
  const pages = readLines(shard, PAGES_FILE, (text) => JSON.parse(text) as SlottedPages);
  return customers.map((customer, i) => ({ ...customer, page: pages[i]! }));
}

/** A folder on disk as one key, so "s1", "./s1" and a link to it are the same folder. */
function samePlace(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/**
 * The same folder named twice ("s1" and "./s1/", or a link to it) is refused by what it is on disk, not by the shard
 * index it holds: the message then says it is one folder, not two shards that claim one index.
 */
function refuseSameFolderTwice(dirs: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const place = samePlace(dir);
    const first = seen.get(place);
    if (first !== undefined) throw new UsageError(`merge: ${first} and ${dir} are the same shard folder (${place}); name each shard once`);
    seen.set(place, dir);
  }
}

/** The merge replaces -o's contents: were -o a shard folder, the shard it reads would be gone after the merge. */
function refuseShardAsOutput(dirs: readonly string[], out: string): void {
  const clash = dirs.find((dir) => samePlace(dir) === samePlace(out));
  if (clash) throw new UsageError(`merge: -o ${out} is the shard folder ${clash}, which the merge would replace; write the merge to another folder`);
}

export async function runMerge(dirs: string[], flags: MergeFlags): Promise<number> {
  const started = performance.now();
  tightenHeapGrowth(); // a merge holds every customer of the run, as one run does
  const term = terminal(flags.quiet || flags.json);
  outPlaces(flags.out, false); // an -o thick cannot write to stops the merge now, not after reading every shard
  refuseShardAsOutput(dirs, flags.out);
  refuseSameFolderTwice(dirs);
  const shards = checkShards(dirs.map(readManifest));
  const run = shards[0]!.manifest.run;
  const rules = failOnRules(flags.failOn, run.codeKinds);
  // In the run's order, as one unsharded run profiles its customers: the outputs that keep an order keep this one.
  // The customers read are handed over, not kept here: their said records are let go once the index has them.
  const merged = foldedRun(
    { warnings: [...run.warnings], outline: run.outline, ingests: run.files, identities: run.identities },
    shards.flatMap((shard) => {
      term.step(`reading ${shard.dir}`);
      return readShard(shard).map(({ page, ...customer }) => ({ ...customer, page: () => page }));
    }),
  );
  const output = { lang: run.lang as ReportLang, format: run.format as ReportFormat, indexTop: parseIndexTop(run.indexTop ?? undefined), redacted: false };
  return reportRun(merged, { flags, term, rules, codes: new Map(run.codes.map((code) => [code.id, code])), output, started });
}
