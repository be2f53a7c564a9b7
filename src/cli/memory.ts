// Past Node's heap limit a run stops with "JavaScript heap out of memory", after minutes of work and with nothing
// written. thick can say so at once instead: before reading, from the size of its inputs, and once they are read,
// from how many records, characters of text and customers they hold.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { totalmem } from 'node:os';
import type { FileIngest } from '../ingest/index.js';
import { estimateCustomers } from '../ingest/customer-estimate.js';

// Where a run's heap is largest, after a full collection (--trace-gc; docs/design/out-of-core-runs.md):
// - holding the run's records as read, through reading and linking: ~560 bytes a record and ~2.8 a character of
//   text (ingestAll's heap: 791 B a record of 81 characters, gen 100k; 1,764 B of 428, Amazon reviews; 1,105 B of
//   188, E.ON reviews), a little more while a piece of the file is in flight: 0.85 GB for 1M generated events,
//   8.3-8.5 GB for 10M;
// - the last part: one part's records annotated and profiled (PART_RECORDS of them, or the whole run in one part),
//   ~300 bytes a record and ~19 a character of text, as each text is held as read, as words and as quotes on the
//   page; beside what every part keeps for the outputs, ~4 KB a customer and ~0.4 KB a record (gen 100k in ten
//   parts: 8 KB a customer of ten records; Amazon reviews: 4.4 KB a customer of one). A run of one part, gen 100k:
//   199 MB (this estimate 215), Amazon reviews ten times over: 134 MB (estimate 195), E.ON: 59 MB (64).
// Code and lexicons ~30 MB.
const HELD_PER_RECORD = 600;
const HELD_PER_TEXT_CHARACTER = 3;
const PART_PER_RECORD = 300;
const PART_PER_TEXT_CHARACTER = 19;
const KEPT_PER_CUSTOMER = 4_000;
const KEPT_PER_RECORD = 400;
const BASE = 30_000_000;
/** Heap a byte of input takes once read, before its records are counted: gen 5.4, E.ON 4.3, Amazon reviews 3.5. */
const HELD_PER_INPUT_BYTE = 6;

export interface RunSize {
  records: number;
  /** Characters of text over every record. */
  textCharacters: number;
  /** About how many customers linking will make of the records (ingest/customer-estimate.ts). */
  customers: number;
}

/** How many records a run read, how much text they hold, and about how many customers linking will make of them. */
export function runSize(ingests: readonly Pick<FileIngest, 'events' | 'contacts'>[]): RunSize {
  let records = 0;
  let textCharacters = 0;
  for (const ingest of ingests) {
    records += ingest.events.length + ingest.contacts.length;
    for (const event of ingest.events) textCharacters += event.text?.length ?? 0;
  }
  return { records, textCharacters, customers: estimateCustomers(ingests) };
}

/**
 * The peak heap of a run of `size` annotated in `parts` parts: the larger of holding its records as read and its last
 * part (one part's share of its records, annotated, beside what the parts keep per customer for the outputs). A shard
 * reads every record but annotates only its `share` of them (--shard 2/4: a quarter).
 */
export function neededHeap({ records, textCharacters, customers }: RunSize, parts: number, share = 1): number {
  const held = records * HELD_PER_RECORD + textCharacters * HELD_PER_TEXT_CHARACTER;
  const part = ((records * PART_PER_RECORD + textCharacters * PART_PER_TEXT_CHARACTER) * share) / parts;
  const kept = parts > 1 ? customers * KEPT_PER_CUSTOMER + records * KEPT_PER_RECORD : 0;
  return BASE + Math.max(held, part + kept);
}

/** About the heap reading `bytes` of input takes, before anything is known of its records (a generous guess). */
export const heapToRead = (bytes: number): number => BASE + bytes * HELD_PER_INPUT_BYTE;

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
 * What to do when a run needs `needed` bytes of heap and Node gives it less: a higher limit where the machine has the
 * memory (about a quarter more than the estimate, rounded up to 512 MB), else smaller runs. Null when it fits.
 */
function roomAdvice(what: string, needed: number, room: MemoryRoom): string | null {
  if (needed <= room.heapLimit * 0.9) return null;
  const said = `${what} takes about ${amount(needed)} of memory at its peak and Node gives thick ${amount(room.heapLimit)}, so the run may stop with "JavaScript heap out of memory"`;
  const suggested = Math.ceil((needed * 1.25) / 2 ** 29) * 512;
  if (suggested * 2 ** 20 < room.machine * 0.85) return `${said}; give it more with NODE_OPTIONS=--max-old-space-size=${suggested} (this machine has ${amount(room.machine)})`;
  return `${said}, and this machine has ${amount(room.machine)}: analyse the export in smaller runs (fewer files, or a --since/--until window)`;
}

/**
 * A warning when a run of `size` in `parts` parts, annotating its `share` of the records, will likely not fit Node's
 * heap, with what to do; null when it fits, or when a warning before reading already `told` as much memory (a run
 * annotated whole can need more than reading it did: --redact, one big part).
 */
export function memoryWarning(size: RunSize, parts: number, room: MemoryRoom, { share = 1, told = 0 } = {}): string | null {
  const needed = neededHeap(size, parts, share);
  if (needed <= told) return null;
  return roomAdvice(`${size.records.toLocaleString('en-US')} records: analysing them`, needed, room);
}

/**
 * The same before reading, from the inputs' size alone: reading them could already pass the limit, and a run that
 * stops while reading never gets to count its records.
 */
export const readingWarning = (bytes: number, room: MemoryRoom): string | null => roomAdvice(`${amount(bytes)} of input: reading it`, heapToRead(bytes), room);

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
