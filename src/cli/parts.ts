// A run in parts: the run is read, linked and settled once (pipeline.ts prepareRun), then its customers are
// annotated, profiled and drawn a part at a time, by the same hash as --shard. Each part leaves only what the run's
// outputs fold (a row per customer, their said records, their page with the blind-spot slot open, spilled to a
// temporary file) and lets its annotated records and profiles go; the outputs are then written as `thick merge`
// writes shards (write.ts foldedRun). So a run holds one part's annotated records at a time instead of all of them,
// and writes the same bytes as a run in one part (test/parts.test.ts).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileRunPart, takeParts, type PreparedRun } from '../pipeline.js';
import { foldedRows } from '../profile/row.js';
import type { CodeInfo } from '../report/codes.js';
import type { ReportLang } from '../report/i18n.js';
import type { OnProgress, Progress } from '../progress.js';
import { PART_RECORDS } from './defaults.js';
import { shardOf } from './shard.js';
import { customerPagesWithSlot, foldedRun, type FoldedCustomer, type ReportedRun, type ReportFormat, type SlottedPages } from './write.js';

/**
 * How many parts a run of `records` records and `customers` customers is annotated in: --parts, else one per
 * PART_RECORDS; never more than it has customers (a part without any changes nothing), never fewer than one.
 */
export const partsFor = (records: number, customers: number, asked?: number): number => Math.max(1, Math.min(asked ?? Math.ceil(records / PART_RECORDS), customers));

/**
 * Pages drawn with their slot open, kept in a temporary file until the run writes them: a big run's pages are more
 * than its memory should hold. Each is read back by its place in the file when it is written. The file is removed
 * from its folder as soon as it is open (the run reads and writes it through its handle), so a run that is killed
 * or runs out of memory leaves nothing behind; where the system refuses that, it is removed on close.
 * (A TMPDIR in memory, tmpfs, keeps the pages in memory after all.)
 */
export class PageSpill {
  private readonly dir = mkdtempSync(join(tmpdir(), 'thick-parts-'));
  private readonly fd = openSync(join(this.dir, 'pages'), 'w+');
  private readonly removed = removeNow(this.dir);
  private size = 0;

  /** Keep a part's pages, one after the other; returns, for each, how to read it back. */
  keep(pages: readonly SlottedPages[]): (() => SlottedPages)[] {
    return pages.map((page) => {
      const start = this.size;
      const length = this.write(Buffer.from(JSON.stringify(page)), start);
      this.size += length;
      // Only where the page lies: a reader that held its bytes would keep every page in memory after all.
      return () => this.read(start, length);
    });
  }

  /** Write all of `bytes` at `start`; returns how many there were. */
  private write(bytes: Buffer, start: number): number {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, start + done);
    return bytes.length;
  }

  private read(start: number, length: number): SlottedPages {
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const read = readSync(this.fd, bytes, done, length - done, start + done);
      if (read === 0) throw new Error(`the temporary file of the run's pages ended at ${start + done} bytes, before a page it holds`);
      done += read;
    }
    return JSON.parse(bytes.toString('utf8')) as SlottedPages;
  }

  /** Close the file (and remove it, if it could not be removed at once); the run's pages must all be written by then. */
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
 * A prepared run annotated, profiled and drawn in `parts` parts, one after the other, each customer's page spilled
 * to `spill`: the run as its outputs are written (write.ts foldedRun), byte for byte as in one part.
 */
export function analyseInParts(prepared: PreparedRun, parts: number, drawing: PartsDrawing, spill: PageSpill, onProgress?: OnProgress): ReportedRun {
  const partOf = new Map(prepared.customerKeys.map((key) => [key, shardOf(key, parts)]));
  const order = new Map(prepared.customerKeys.map((key, i) => [key, i]));
  // The prepared run's records go to the parts, and each part's are let go once it is done (shift).
  const queue = takeParts(prepared, parts, (key) => partOf.get(key) ?? 0);
  const progress = partsProgress(
    onProgress,
    queue.reduce((n, part) => n + part.events.length, 0),
  );
  const folded: FoldedCustomer[] = [];
  let annotated = 0;
  for (let part = queue.shift(); part; part = queue.shift()) {
    const { profiled, events } = profileRunPart(prepared, part, progress.part(annotated));
    annotated += events.length;
    const pages = spill.keep(profiled.map((subject) => customerPagesWithSlot(subject, drawing.codes, drawing)));
    foldedRows(profiled, order, prepared.outline.window).forEach((customer, i) => folded.push({ ...customer, page: pages[i]! }));
  }
  onProgress?.({ stage: 'profile', unit: 'customers', done: folded.length, total: folded.length });
  return foldedRun(prepared, folded);
}
