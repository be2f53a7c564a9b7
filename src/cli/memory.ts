// A run holds every record of its inputs at once (ingested, linked, annotated, profiled), so memory grows with the
// input. Past Node's heap limit a run stops with "JavaScript heap out of memory", after minutes of work and with
// nothing written. Once the inputs are read, thick knows how many records there are and can say so at once instead.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { totalmem } from 'node:os';
import type { FileIngest } from '../ingest/index.js';

/**
 * The peak heap a run needs, from what it read, fitted to the smallest --max-old-space-size each run finishes with:
 * 66 MB for 20,000 generated events of 82 characters of text on average, 192 MB for 19,630 review events of 428
 * characters (Amazon fine food reviews, each customer ten times over), ~220 MB for 100,000 generated events. Text is
 * what costs: each is held as read, as its row, as words and as quotes on the page, ~19 bytes a character; a record
 * itself ~300 bytes; code and lexicons ~30 MB.
 */
const PER_RECORD = 300;
const PER_TEXT_CHARACTER = 19;
const BASE = 30_000_000;

export interface RunSize {
  records: number;
  /** Characters of text over every record. */
  textCharacters: number;
}

/** How many records a run read, and how much text they hold. */
export function runSize(ingests: readonly Pick<FileIngest, 'events' | 'contacts'>[]): RunSize {
  let records = 0;
  let textCharacters = 0;
  for (const ingest of ingests) {
    records += ingest.events.length + ingest.contacts.length;
    for (const event of ingest.events) textCharacters += event.text?.length ?? 0;
  }
  return { records, textCharacters };
}

export const neededHeap = ({ records, textCharacters }: RunSize): number => BASE + records * PER_RECORD + textCharacters * PER_TEXT_CHARACTER;

/** What the machine and Node allow: the heap limit, and the machine's memory (what a higher limit could use). */
export interface MemoryRoom {
  /** The heap Node lets the old generation (the records) fill: --max-old-space-size. */
  heapLimit: number;
  machine: number;
}

/** Node's heap limit counts the young generation too (48 MiB on 64-bit Node 20); what a run's records fill is the rest. */
const YOUNG_GENERATION = 48 * 2 ** 20;

export const memoryRoom = (): MemoryRoom => ({ heapLimit: getHeapStatistics().heap_size_limit - YOUNG_GENERATION, machine: totalmem() });

const amount = (bytes: number): string => (bytes < 1e9 ? `${Math.round(bytes / 1e6)} MB` : `${(bytes / 1e9).toFixed(1)} GB`);

/**
 * A warning when the run will likely not fit Node's heap, with what to do: a higher limit where the machine has the
 * memory (about a quarter more than the estimate, rounded up to 512 MB), else smaller runs. Null when it fits.
 */
export function memoryWarning(size: RunSize, room: MemoryRoom): string | null {
  const needed = neededHeap(size);
  if (needed <= room.heapLimit * 0.9) return null;
  const said = `${size.records.toLocaleString('en-US')} records: analysing them takes about ${amount(needed)} of memory at its peak and Node gives thick ${amount(room.heapLimit)}, so the run may stop with "JavaScript heap out of memory"`;
  const suggested = Math.ceil((needed * 1.25) / 2 ** 29) * 512;
  if (suggested * 2 ** 20 < room.machine * 0.85) return `${said}; give it more with NODE_OPTIONS=--max-old-space-size=${suggested} (this machine has ${amount(room.machine)})`;
  return `${said}, and this machine has ${amount(room.machine)}: analyse the export in smaller runs (fewer files, or a --since/--until window)`;
}

/**
 * How far V8 lets the heap grow past what a full collection left alive before it collects again, in per cent.
 * V8's default lets a heap that keeps growing double, and more: a run of 100k events left ~200 MB alive and had taken
 * ~600 MB of the machine by its end. A run builds its records once and keeps most of them to the end, so collecting
 * a little sooner frees little each time but caps the garbage held beside them: at 20 % a 100k run peaked at 405 MB
 * instead of 598 MB, 1M at 2.7 GB instead of 3.0 GB, in about the same CPU time (npm run bench: bench/results.md).
 */
export const HEAP_GROWING_PERCENT = 20;

/**
 * The V8 flag for thick's heap growth, or null when the user gave node their own (`node --heap-growing-percent=50
 * bin/thick.js …`; NODE_OPTIONS does not take the flag).
 */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return null;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/** Let the heap grow by HEAP_GROWING_PERCENT between full collections, unless the user chose otherwise. */
export function tightenHeapGrowth(): void {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
