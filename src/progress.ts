/**
 * How far a run has got, for whoever wants to show it (the CLI draws it on a terminal: cli/progress.ts). The stages
 * stay pure: they only call a function they were given, every so many items, and never look at a clock or a stream.
 */

/**
 * The part of a run a report is about: ingest, link (dates screened, records joined to customers, each file's keys
 * told), spill (a run in parts: the records of the parts still to come written to the run's temporary file, seconds
 * at 1M), annotate, profile, redact (--redact, --handout: masking every record and profile takes longer than profiling
 * them), state (the run's state, which the next run compares with, built), compare (the previous run's state read and
 * compared with this one, when the output folder holds one), and the output: check (the previous output's files
 * hashed, to tell thick's from the user's), write, and remove (the previous output's files, once the new one is in
 * place: hashed again and unlinked, seconds at 100k on a busy disk).
 */
export type ProgressStage = 'read' | 'link' | 'spill' | 'annotate' | 'profile' | 'redact' | 'state' | 'compare' | 'check' | 'write' | 'remove';

/**
 * What a report counts. Reading counts bytes while it splits the file into records (how many rows there are is
 * known only at the end of that), then rows while it reads them; writing counts pages rendered, then files written;
 * annotating counts the codebook's codes compiled, then events.
 */
export type ProgressUnit = 'bytes' | 'rows' | 'records' | 'events' | 'customers' | 'files' | 'codes';

export interface Progress {
  stage: ProgressStage;
  unit: ProgressUnit;
  done: number;
  /** How many there are in all; null where that is known only at the end (thick annotate streaming a file). */
  total: number | null;
  /** The input being read (stage read; annotate in thick annotate), as messages name it. */
  file?: string;
  /**
   * What of the stage is under way, when that is not its whole count: one output file of the stage write that takes
   * a while to make (the index, customers.csv), or the figures profiling needs before its first profile; counted in
   * its own unit while the stage's count waits.
   */
  part?: string;
  /**
   * `done` is how far the stage is, in items' worth, not how many items are finished: the stage goes over its items in
   * several passes (passTicker), so the line says the share and the pace, never "n of them done".
   */
  share?: true;
}

export type OnProgress = (progress: Progress) => void;

/** How many items pass between two reports: rare enough to cost nothing, often enough for ~10 redraws a second. */
export const PROGRESS_EVERY = 256;

const noTick = (_done: number): void => {};

/**
 * A counter for one loop: reports `done` of `total` now (done 0, so the stage's start is known), then every `every`
 * items and at the last one. Without a listener it is a function that does nothing, so a run nobody watches pays
 * one call per item and no allocation.
 */
export function progressTicker(onProgress: OnProgress | undefined, what: Omit<Progress, 'done'>, every = PROGRESS_EVERY): (done: number) => void {
  if (!onProgress) return noTick;
  onProgress({ ...what, done: 0 });
  return (done) => {
    if (done % every === 0 || done === what.total) onProgress({ ...what, done });
  };
}

/** One pass over `total` items of a stage that makes several: its ticker, as progressTicker's. */
export interface Passes {
  /** Start the next pass, over `total` items, reported every `every` of them (a pass over a few slow items: 1). */
  next(total: number, every?: number): (done: number) => void;
}

/** Passes nobody hears: what a stage makes its passes with when no one watches. */
export const noPasses: Passes = { next: () => noTick };

/**
 * The passes of a stage that may find nothing to do (a first run has no previous state to compare with): `start`
 * makes them (a passTicker, which reports the stage's start) only when the first pass begins, so a run that skips
 * the stage shows no line for it.
 */
export function passesWhenBegun(start: () => Passes): Passes {
  let passes: Passes | null = null;
  return { next: (total, every) => (passes ??= start()).next(total, every) };
}

/**
 * A counter for a stage that goes over its items in several passes (linking: screen the dates, join, mark replies,
 * tell each file's keys), each too short for a line of its own and together seconds long. Each `next(total)` starts
 * the next of `passes` passes, and the stage reports how far it is over all of them as items' worth of `what.total`
 * (share: true). Every pass weighs the same: the passes are cut so that each takes a few tenths of a second at 100k,
 * so the share moves on at least that often, and it ends at the total with the last pass.
 */
export function passTicker(onProgress: OnProgress | undefined, what: Omit<Progress, 'done' | 'share' | 'total'> & { total: number }, passes: number, every = PROGRESS_EVERY): Passes {
  if (!onProgress) return noPasses;
  const report = (share: number) => onProgress({ ...what, share: true, done: Math.min(what.total, Math.floor(what.total * share)) });
  report(0);
  let pass = -1;
  return {
    next(total, often = every) {
      pass = Math.min(pass + 1, passes - 1);
      const started = pass;
      if (total === 0) report((started + 1) / passes);
      return (done) => {
        if (done % often === 0 || done === total) report((started + done / Math.max(1, total)) / passes);
      };
    },
  };
}
