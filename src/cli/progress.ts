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
  secondsLeft(done: number, total: number): number | null {
    const rate = this.perSecond();
    if (rate === null || rate <= 0 || done >= total || this.samples[0]!.at === this.first) return null;
    return (total - done) / rate;
  }
}

/** What the live line of a stage knows. */
export interface StageState {
  stage: ProgressStage;
  file?: string;
  unit: ProgressUnit;
  done: number;
  total: number;
  /** When the stage's first report came, and its latest (ms, of the clock given). */
  startedAt: number;
  lastAt: number;
  meter: RateMeter;
  /** The latest count of each unit the stage reported (reading counts bytes, then rows). */
  counts: Partial<Record<ProgressUnit, { done: number; total: number }>>;
}

function doing(state: Pick<StageState, 'stage' | 'unit' | 'file'>): string {
  if (state.stage === 'read') return `reading ${visible(state.file ?? '')}`.trimEnd();
  if (state.stage === 'annotate') return 'annotating';
  if (state.stage === 'profile') return 'profiling';
  if (state.stage === 'redact') return 'masking personal data';
  return 'writing'; // pages are rendered as they are written, one count for both
}

/** "412,000 / 1,000,000 events  41%", or "62.1 / 154.0 MB  40%". */
function counted(unit: ProgressUnit, done: number, total: number): string {
  const share = total > 0 ? `  ${Math.floor((done / total) * 100)}%` : '';
  if (unit === 'bytes') return `${formatMegabytes(done)} / ${formatMegabytes(total)} MB${share}`;
  return `${formatCount(done)} / ${formatCount(total)} ${unit}${share}`;
}

/** `annotating  412,000 / 1,000,000 events  41%  52,300/s  about 11 s left` */
export function liveLine(state: StageState): string {
  const parts = [doing(state), counted(state.unit, state.done, state.total)];
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
      return `read ${visible(state.file ?? '')}: ${formatCount(count('rows'))} rows${bytes !== undefined ? `, ${formatMegabytes(bytes)} MB` : ''} ${took}${rate(count('rows'), 'rows')}`;
    }
    case 'annotate':
      return `annotated ${formatCount(count('events'))} events ${took}${rate(count('events'), 'events')}`;
    case 'profile':
      return `profiled ${formatCount(count('customers'))} customers ${took}${rate(count('customers'), 'customers')}`;
    case 'redact':
      return `masked the personal data of ${formatCount(count('customers'))} customers and ${formatCount(count('events'))} events ${took}`;
    case 'write':
      return `rendered and wrote ${formatCount(count('files'))} files ${took}${rate(count('files'), 'files')}`;
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
 * Turns the stages' reports into lines: the live line redrawn at most every REDRAW_MS, and at once when a stage or
 * its unit starts and when its count is complete; the final line when the stage ends.
 */
export function progressRenderer(view: ProgressView, now: () => number): ProgressRenderer {
  let live: (StageState & { drawnAt: number }) | null = null;
  const end = (): void => {
    if (live) view.persist(finalLine(live));
    live = null;
  };
  const report = ({ stage, unit, done, total, file }: Progress): void => {
    const at = now();
    if (live && (live.stage !== stage || live.file !== file)) end();
    let due = false;
    if (!live) {
      live = { stage, file, unit, done, total, startedAt: at, lastAt: at, meter: new RateMeter(), counts: {}, drawnAt: at };
      due = true;
    } else if (live.unit !== unit) {
      live.meter = new RateMeter();
      due = true;
    }
    Object.assign(live, { unit, done, total, lastAt: at });
    live.counts[unit] = { done, total };
    if (due || done >= total || at - live.drawnAt >= REDRAW_MS) {
      live.meter.sample(at, done);
      live.drawnAt = at;
      view.draw(liveLine(live));
    }
  };
  return { report, end, drop: () => void (live = null) };
}
