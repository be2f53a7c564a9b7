/**
 * How far a run has got, for whoever wants to show it (the CLI draws it on a terminal: cli/progress.ts). The stages
 * stay pure: they only call a function they were given, every so many items, and never look at a clock or a stream.
 */

/**
 * The part of a run a report is about: ingest, annotate, profile, redact (--redact, --handout: masking every record
 * and profile takes longer than profiling them), and writing the outputs.
 */
export type ProgressStage = 'read' | 'annotate' | 'profile' | 'redact' | 'write';

/**
 * What a report counts. Reading counts bytes while it splits the file into records (how many rows there are is
 * known only at the end of that), then rows while it reads them; writing counts pages rendered, then files written.
 */
export type ProgressUnit = 'bytes' | 'rows' | 'events' | 'customers' | 'files';

export interface Progress {
  stage: ProgressStage;
  unit: ProgressUnit;
  done: number;
  total: number;
  /** The input being read (stage read only), as messages name it. */
  file?: string;
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
