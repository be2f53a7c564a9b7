// A run in parts: the run is read, linked and settled once (pipeline.ts prepareRun), then its customers are
// annotated, profiled and drawn a part at a time, by the same hash as --shard. The records of the parts still to come
// wait in a temporary file. Each part leaves only what the run's outputs fold (a row per customer, their said
// records, their page with the blind-spot slot open, spilled to the same file) and lets its records and profiles go;
// the outputs are then written as `thick merge` writes shards (write.ts foldedRun). So a run holds one part's records
// at a time instead of all of them, and writes the same bytes as a run in one part (test/parts.test.ts).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { profileRunPart, takeParts, type PreparedRun, type RunPart } from '../pipeline.js';
import { foldedRows } from '../profile/row.js';
import type { CodeInfo } from '../report/codes.js';
import type { ReportLang } from '../report/i18n.js';
import { progressTicker, type OnProgress, type Progress } from '../progress.js';
import { PART_RECORDS } from './defaults.js';
import { shardOf } from './shard.js';
import { customerPagesWithSlot, foldedRun, type FoldedCustomer, type ReportedRun, type ReportFormat, type SlottedPages } from './write.js';

/**
 * How many parts a run of `records` records and `customers` customers is annotated in: --parts, else one per
 * PART_RECORDS; never more than it has customers (a part without any changes nothing), never fewer than one.
 */
export const partsFor = (records: number, customers: number, asked?: number): number => Math.max(1, Math.min(asked ?? Math.ceil(records / PART_RECORDS), customers));

/**
 * What a run in parts keeps in a temporary file rather than in memory: the records of the parts still to come, and
 * the pages drawn with their slot open until the run writes them. Each is read back by its place in the file. The
 * file is removed from its folder as soon as it is open (the run reads and writes it through its handle), so a run
 * that is killed or runs out of memory leaves nothing behind; where the system refuses that, it is removed on close.
 * (A TMPDIR in memory, tmpfs, keeps them in memory after all.)
 */
export class RunSpill {
  private readonly dir = mkdtempSync(join(tmpdir(), 'thick-parts-'));
  private readonly fd = openSync(join(this.dir, 'spill'), 'w+');
  private readonly removed = removeNow(this.dir);
  private size = 0;

  /** Keep a part's pages, one after the other; returns, for each, how to read it back. */
  keep(pages: readonly SlottedPages[]): (() => SlottedPages)[] {
    return pages.map((page) => {
      const read = this.put(Buffer.from(JSON.stringify(page)));
      return () => JSON.parse(read().toString('utf8')) as SlottedPages;
    });
  }

  /**
   * Keep records until their turn (a part's records, or a file's rows while the run is linked); returns how to read
   * them back, as they were (structured clone keeps their dates, fields set to undefined, their order, and one object
   * referred to twice, e.g. an event and its row, as one).
   */
  keepRecords<T>(records: T): () => T {
    const read = this.put(serialize(records));
    return () => deserialize(read()) as T;
  }

  /** Append `bytes`; returns the reader of where they lie (a reader that held the bytes would keep them all in memory). */
  private put(bytes: Buffer): () => Buffer {
    const start = this.size;
    const length = bytes.length;
    for (let done = 0; done < length; ) done += writeSync(this.fd, bytes, done, length - done, start + done);
    this.size += length;
    return () => this.read(start, length);
  }

  private read(start: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const read = readSync(this.fd, bytes, done, length - done, start + done);
      if (read === 0) throw new Error(`the run's temporary file ended at ${start + done} bytes, before what it holds there`);
      done += read;
    }
    return bytes;
  }

  /** Close the file (and remove it, if it could not be removed at once); what it holds must all be read by then. */
  close(): void {
    closeSync(this.fd);
    if (!this.removed) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Remove the spill's folder and the file in it while the file is open; false where the system does not allow it. */
function removeNow(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * One line of progress for annotating over every part (each part's count added to the parts' before it, against
 * the run's total) rather than a line per part; profiling a part is folded into that pace and told once at the end.
 */
function partsProgress(onProgress: OnProgress | undefined, events: number): { part: (before: number) => OnProgress | undefined } {
  if (!onProgress) return { part: () => undefined };
  return {
    part: (before) => (progress: Progress) => {
      if (progress.stage === 'annotate' && progress.unit === 'events') onProgress({ ...progress, done: before + progress.done, total: events });
    },
  };
}

export interface PartsDrawing {
  codes: ReadonlyMap<string, CodeInfo>;
  lang: ReportLang;
  format?: ReportFormat;
}

/**
 * A prepared run annotated, profiled and drawn in `parts` parts, one after the other, the records of the parts still
 * to come and each customer's page spilled to `spill`: the run as its outputs are written (write.ts foldedRun), byte
 * for byte as in one part.
 */
export function analyseInParts(prepared: PreparedRun, parts: number, drawing: PartsDrawing, spill: RunSpill, onProgress?: OnProgress): ReportedRun {
  const partOf = new Map(prepared.customerKeys.map((key) => [key, shardOf(key, parts)]));
  const order = new Map(prepared.customerKeys.map((key, i) => [key, i]));
  const queue = spilledParts(takeParts(prepared, parts, (key) => partOf.get(key) ?? 0), spill, onProgress);
  const progress = partsProgress(
    onProgress,
    queue.reduce((n, part) => n + part.records, 0),
  );
  const folded: FoldedCustomer[] = [];
  let annotated = 0;
  for (let next = queue.shift(); next; next = queue.shift()) annotated += foldPart(prepared, next.take(), { order, drawing, spill, onProgress: progress.part(annotated) }, folded);
  onProgress?.({ stage: 'profile', unit: 'customers', done: folded.length, total: folded.length });
  return foldedRun(prepared, folded);
}

/**
 * One part annotated, profiled and drawn, its customers as the fold keeps them added to `folded`; returns how many
 * records it annotated. A function of its own so that the part's records and profiles are gone once it returns (a
 * loop's locals can outlive their turn, and the last part's would then stay through the writing).
 */
function foldPart(prepared: PreparedRun, part: RunPart, how: { order: ReadonlyMap<string, number>; drawing: PartsDrawing; spill: RunSpill; onProgress: OnProgress | undefined }, folded: FoldedCustomer[]): number {
  const { profiled, events } = profileRunPart(prepared, part, how.onProgress);
  const pages = how.spill.keep(profiled.map((subject) => customerPagesWithSlot(subject, how.drawing.codes, how.drawing)));
  // Written out, not spread with the page added: that would give every customer's object a hidden class of its own.
  foldedRows(profiled, how.order, prepared.outline.window).forEach(({ order, row, said }, i) => folded.push({ order, row, said, page: pages[i]! }));
  return events.length;
}

/** A part waiting its turn: how many records it has, and how to take them (once). */
interface WaitingPart {
  records: number;
  take: () => RunPart;
}

/**
 * The parts in their order, every part's records but the first's spilled until its turn: once they are, the run holds
 * no record but the part's being annotated (at a million records, ~0.7 GB of linked records no longer wait in memory).
 */
function spilledParts(parts: RunPart[], spill: RunSpill, onProgress: OnProgress | undefined): WaitingPart[] {
  const later = parts.slice(1).reduce((n, part) => n + part.events.length, 0);
  // A part at a time (~0.5 s per 100,000 records), so the line moves while the parts are set aside.
  const tick = later > 0 ? progressTicker(onProgress, { stage: 'spill', unit: 'records', total: later }, 1) : () => {};
  let spilled = 0;
  return parts.map((part, i) => {
    if (i === 0) return { records: part.events.length, take: () => part };
    const read = spill.keepRecords(part.events);
    const { customers, events } = part;
    part.events = [];
    tick((spilled += events.length));
    return { records: events.length, take: () => ({ customers, events: read() }) };
  });
}
