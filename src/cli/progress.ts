/**
 * Progress on a terminal: one live line per stage with counts, rate and time left, and a final line per stage with
 * its count and time. The pipeline is synchronous, so no timer fires while a stage runs: the stages' own reports
 * (src/progress.ts) drive the redraws, at most one per REDRAW_MS. terminal.ts decides whether anyone is watching
 * (a TTY, no CI, not -q or --json) and draws the lines; everything here is pure but for the clock it is given.
 */
import type { Progress, ProgressStage, ProgressUnit } from '../progress.js';
import { visible } from '../report/format.js';

/** At most ~10 redraws a second: more only costs time and flickers. */
export const REDRAW_MS = 100;
/** The rate is the pace over about this long: long enough to be steady, short enough to follow a change of pace. */
export const RATE_WINDOW_MS = 3000;

/** 1234567 → "1,234,567": the same on every machine, whatever its locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Megabytes as file sizes are told (10^6 bytes), one decimal. */
export function formatMegabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** Three significant digits: a rate that changes in its last digits every redraw cannot be read. */
function significant(n: number): number {
  if (n <= 0) return 0;
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / scale) * scale;
}

/** Items per second as "52,300/s"; bytes as "12.3 MB/s". */
export function formatRate(perSecond: number, unit: ProgressUnit): string {
  return unit === 'bytes' ? `${formatMegabytes(perSecond)} MB/s` : `${formatCount(significant(perSecond))}/s`;
}

/** A stage's time: "0.4 s", "11 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min${whole % 60 ? ` ${whole % 60} s` : ''}`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** Time left, in whole seconds (never "0 s" while work remains). */
export function formatLeft(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  return `about ${whole < 60 ? `${whole} s` : formatDuration(whole)} left`;
}

/**
 * A smoothed rate: the pace over the last RATE_WINDOW_MS, from the samples the redraws take. A window rather than a
 * moving average started at the first sample: a stage's first items are slow (code warms up, an index page is
 * rendered first), and a window forgets them entirely within seconds, where an average would drag them along.
 */
export class RateMeter {
  private readonly samples: { at: number; done: number }[] = [];
  private first: number | null = null;

  sample(at: number, done: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && at <= last.at) {
      last.done = done;
      return;
    }
    this.samples.push({ at, done });
    this.first ??= at;
    // Keep the window at least RATE_WINDOW_MS long: drop the oldest sample while the next one still spans it.
    while (this.samples.length > 2 && at - this.samples[1]!.at >= RATE_WINDOW_MS) this.samples.shift();
  }

  /** Items per second over the window, or null before two samples apart in time. */
  perSecond(): number | null {
    if (this.samples.length < 2) return null;
    const oldest = this.samples[0]!;
    const latest = this.samples[this.samples.length - 1]!;
    return ((latest.done - oldest.done) / (latest.at - oldest.at)) * 1000;
  }

  /**
   * Seconds until `total`, or null while there is too little to go on: no time left is said while the window still
   * reaches back to the stage's start (its first, slow moments would make it wildly long), nor when nothing moves.
   */
  secondsLeft(done: number, total: number | null): number | null {
    const rate = this.perSecond();
    if (total === null || rate === null || rate <= 0 || done >= total || this.samples[0]!.at === this.first) return null;
    return (total - done) / rate;
  }
}

/** What the live line of a stage knows. */
export interface StageState {
  stage: ProgressStage;
  file?: string;
  /** What of the stage is under way (Progress.part), and whether its count is a share of several passes. */
  part?: string;
  share?: true;
  unit: ProgressUnit;
  done: number;
  total: number | null;
  /** When the stage's first report came, and its latest (ms, of the clock given). */
  startedAt: number;
  lastAt: number;
  meter: RateMeter;
  /** The latest count of each unit the stage reported (reading counts bytes, then rows). */
  counts: Partial<Record<ProgressUnit, { done: number; total: number | null }>>;
}

function doing(state: Pick<StageState, 'stage' | 'unit' | 'file' | 'part'>): string {
  switch (state.stage) {
    case 'read':
      return `reading ${visible(state.file ?? '')}`.trimEnd();
    case 'link':
      return 'linking';
    case 'spill':
      return 'setting the later parts aside';
    case 'annotate':
      // The codebook is compiled first (its codes counted); thick annotate names the input it streams, analyze
      // annotates the whole run.
      if (state.part) return `compiling ${visible(state.part)}`;
      return state.file !== undefined ? `annotating ${visible(state.file)}` : 'annotating';
    case 'profile':
      return state.part ? `profiling ${visible(state.part)}` : 'profiling';
    case 'redact':
      return 'masking personal data';
    case 'state':
      return 'building the run state';
    case 'compare':
      return 'comparing with the previous run';
    case 'check':
      return 'checking the previous output';
    case 'write':
      // Pages are rendered as they are written, one count for both; a file that takes a while says its own count.
      return state.part ? `writing ${visible(state.part)}` : 'writing';
    case 'remove':
      return 'removing the previous output';
  }
}

/**
 * "412,000 / 1,000,000 events  41%", or "62.1 / 154.0 MB  40%"; a count of several passes (share) is no count of
 * items done, so it says the items and the share: "100,000 records  41%".
 */
function counted({ unit, done, total, share: passes }: Pick<StageState, 'unit' | 'done' | 'total' | 'share'>): string {
  // No total yet (a stream): the count alone, "41,000 rows".
  if (total === null) return unit === 'bytes' ? `${formatMegabytes(done)} MB` : `${formatCount(done)} ${unit}`;
  const share = total > 0 ? `  ${Math.floor((done / total) * 100)}%` : '';
  if (passes) return `${formatCount(total)} ${unit}${share}`;
  if (unit === 'bytes') return `${formatMegabytes(done)} / ${formatMegabytes(total)} MB${share}`;
  return `${formatCount(done)} / ${formatCount(total)} ${unit}${share}`;
}

/** `annotating  412,000 / 1,000,000 events  41%  52,300/s  about 11 s left` */
export function liveLine(state: StageState): string {
  const parts = [doing(state), counted(state)];
  const rate = state.meter.perSecond();
  if (rate !== null) parts.push(formatRate(rate, state.unit));
  const left = state.meter.secondsLeft(state.done, state.total);
  if (left !== null) parts.push(formatLeft(left));
  return parts.join('  ');
}

/** `annotated 1,000,000 events in 19 s (52,100/s)`: what the stage did and how long it took. */
export function finalLine(state: StageState): string {
  const seconds = (state.lastAt - state.startedAt) / 1000;
  const count = (unit: ProgressUnit): number => state.counts[unit]?.done ?? 0;
  const rate = (n: number, unit: ProgressUnit): string => (seconds >= 0.1 && n > 0 ? ` (${formatRate(n / seconds, unit)})` : '');
  const took = `in ${formatDuration(seconds)}`;
  switch (state.stage) {
    case 'read': {
      const bytes = state.counts.bytes?.total;
      return `read ${visible(state.file ?? '')}: ${formatCount(count('rows'))} rows${bytes !== undefined && bytes !== null ? `, ${formatMegabytes(bytes)} MB` : ''} ${took}${rate(count('rows'), 'rows')}`;
    }
    case 'link':
      return `linked ${formatCount(count('records'))} records ${took}${rate(count('records'), 'records')}`;
    case 'spill':
      return `set aside ${formatCount(count('records'))} records of later parts on disk ${took}${rate(count('records'), 'records')}`;
    case 'annotate': {
      // A run in parts compiles the codebook, then sets the later parts aside (stage spill) before it annotates.
      if (!state.counts.rows && !state.counts.events && state.counts.codes) return `compiled the codebook's ${formatCount(count('codes'))} codes ${took}`;
      // analyze annotates the run's events; thick annotate the rows of an input.
      const unit = state.counts.rows ? 'rows' : 'events';
      const of = state.file !== undefined ? ` of ${visible(state.file)}` : '';
      return `annotated ${formatCount(count(unit))} ${unit}${of} ${took}${rate(count(unit), unit)}`;
    }
    case 'profile':
      return `profiled ${formatCount(count('customers'))} customers ${took}${rate(count('customers'), 'customers')}`;
    case 'redact':
      return `masked the personal data of ${formatCount(count('customers'))} customers and ${formatCount(count('events'))} events ${took}`;
    case 'state':
      return `built the run state of ${formatCount(count('customers'))} customers ${took}`;
    case 'compare':
      return `compared ${formatCount(count('customers'))} customers with the previous run ${took}`;
    case 'check':
      return `checked ${formatCount(count('files'))} files of the previous output ${took}`;
    case 'write':
      return `rendered and wrote ${formatCount(count('files'))} files ${took}${rate(count('files'), 'files')}`;
    case 'remove':
      return `removed ${formatCount(count('files'))} files of the previous output ${took}${rate(count('files'), 'files')}`;
  }
}

/** Where the lines go: the live line, redrawn in place, and a stage's final line, kept. */
export interface ProgressView {
  draw(line: string): void;
  persist(line: string): void;
}

export interface ProgressRenderer {
  report(progress: Progress): void;
  /** The stage in progress is over: say its final line (a report of another stage ends it too). */
  end(): void;
  /** The run stopped (an error): forget the stage in progress, with no final line, since it did not finish. */
  drop(): void;
}

/**
 * Turns the stages' reports into lines: the live line redrawn at most every REDRAW_MS, and at once when a stage, its
 * unit or its part starts and when its count is complete; the final line when the stage ends.
 */
export function progressRenderer(view: ProgressView, now: () => number): ProgressRenderer {
  let live: (StageState & { drawnAt: number }) | null = null;
  const end = (): void => {
    if (live) view.persist(finalLine(live));
    live = null;
  };
  const report = ({ stage, unit, done, total, file, part, share }: Progress): void => {
    const at = now();
    if (live && (live.stage !== stage || live.file !== file)) end();
    let due = false;
    if (!live) {
      live = { stage, file, unit, done, total, startedAt: at, lastAt: at, meter: new RateMeter(), counts: {}, drawnAt: at };
      due = true;
    } else if (live.unit !== unit || live.part !== part) {
      // Another count of the same stage (bytes then rows; a file's own count amid the count of files): a pace of its own.
      live.meter = new RateMeter();
      due = true;
    }
    Object.assign(live, { unit, part, share, done, total, lastAt: at });
    live.counts[unit] = { done, total };
    if (due || (total !== null && done >= total) || at - live.drawnAt >= REDRAW_MS) {
      live.meter.sample(at, done);
      live.drawnAt = at;
      view.draw(liveLine(live));
    }
  };
  return { report, end, drop: () => void (live = null) };
}
