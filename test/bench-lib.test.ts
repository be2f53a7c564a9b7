import { describe, expect, it } from 'vitest';

// scripts/bench-lib.js: the untimed parts of `npm run bench` (its arguments, what it reads from the child processes,
// the rows of bench/results.md). No figure is timed here; wall time belongs to the benchmark, never to a test.

interface Stage {
  stage: string;
  seconds: number;
}
interface BenchLib {
  parseBenchArgs(argv: string[]): { sizes: number[]; texts: number; startupRuns: number; record: boolean; quick: boolean };
  peakRssBytes(report: string): number;
  stageSeconds(stderr: string, totalSeconds: number): Stage[];
  resultsRow(figures: Record<string, unknown>): string;
  RESULTS_HEADER: string;
}
const lib = (await import('../scripts/bench-lib.js' as string)) as BenchLib;

describe('npm run bench arguments', () => {
  it('default to 100,000 and 1,000,000 events, recorded', () => {
    expect(lib.parseBenchArgs([])).toEqual({ sizes: [100_000, 1_000_000], texts: 100_000, startupRuns: 20, record: true, quick: false });
  });

  it('take sizes as a comma list, underscores allowed', () => {
    expect(lib.parseBenchArgs(['--sizes', '100_000,2000']).sizes).toEqual([100_000, 2000]);
  });

  it('make --quick a small smoke run that records nothing, whose sizes --sizes can still set', () => {
    expect(lib.parseBenchArgs(['--quick'])).toEqual({ sizes: [10_000], texts: 10_000, startupRuns: 3, record: false, quick: true });
    expect(lib.parseBenchArgs(['--sizes', '500', '--quick']).sizes).toEqual([500]);
    expect(lib.parseBenchArgs(['--no-record']).record).toBe(false);
  });

  it('refuse what they do not know, naming it', () => {
    expect(() => lib.parseBenchArgs(['--sizes', '100,x'])).toThrow('--sizes takes positive whole numbers, got "x"');
    expect(() => lib.parseBenchArgs(['--sizes', '0'])).toThrow('got "0"');
    expect(() => lib.parseBenchArgs(['--sizes'])).toThrow('--sizes needs a value');
    expect(() => lib.parseBenchArgs(['500000'])).toThrow('unknown argument "500000"');
  });
});

describe('what the benchmark reads from its child processes', () => {
  it('finds the peak RSS in a /usr/bin/time -v report, and says so when it is missing', () => {
    expect(lib.peakRssBytes('\tUser time (seconds): 1.00\n\tMaximum resident set size (kbytes): 144364\n')).toBe(144364 * 1024);
    expect(() => lib.peakRssBytes('Command terminated by signal 9')).toThrow('no "Maximum resident set size"');
  });

  it('splits a run into stages from its THICK_TIMINGS lines, every file read counting as one "read"', () => {
    const stderr = ['timing 0.900 reading a.csv', 'warning: a.csv: odd', 'timing 1.000 reading b.csv', 'timing 1.500 annotating and profiling', 'timing 4.000 writing reports to out', 'timing 5.000 done', '✔ 2 reports'].join('\n');
    const stages = lib.stageSeconds(stderr, 5.25).map((s) => ({ stage: s.stage, seconds: Number(s.seconds.toFixed(3)) }));
    expect(stages).toEqual([
      { stage: 'start', seconds: 0.9 }, { stage: 'read', seconds: 0.6 }, { stage: 'annotate+profile', seconds: 2.5 },
      { stage: 'write', seconds: 1 }, { stage: 'exit', seconds: 0.25 },
    ]);
    expect(lib.stageSeconds('no timing lines', 3)).toEqual([]);
  });
});

describe('bench/results.md', () => {
  it('gets one row per size whose cells match the header, ratio and rates derived from the measured figures', () => {
    const row = lib.resultsRow({
      date: '2026-12-01 06:00', commit: 'abc1234', machine: '2 cores, 24 GiB, Node 20.20.2, load 1.0', events: 100_000, fileBytes: 15_000_000,
      rows: 100_000, bareSeconds: 0.5, analyzeSeconds: 10, peakRssBytes: 495_000_000,
      stages: [{ stage: 'start', seconds: 0.84 }, { stage: 'read', seconds: 1.26 }],
    });
    expect(row).toBe('| 2026-12-01 06:00 | abc1234 | 2 cores, 24 GiB, Node 20.20.2, load 1.0 | 100,000 | 15.0 | 0.50 | 10.00 | 20.0× | 10,000 | 1.50 | 495 | start 0.8 · read 1.3 |\n');
    const headerCells = lib.RESULTS_HEADER.trimEnd().split('\n').at(-2)!.split('|').length;
    expect(row.trimEnd().split('|').length).toBe(headerCells);
    expect(lib.RESULTS_HEADER).toContain('1.5×');
    expect(lib.RESULTS_HEADER).toContain('600 MB');
  });
});

describe('a failed analyze run in bench/results.md', () => {
  it('says how and when it ended instead of a ratio or rate it never reached', () => {
    const row = lib.resultsRow({
      date: '2026-12-01 06:00', commit: 'abc1234', machine: '2 cores', events: 1_000_000, fileBytes: 155_000_000, rows: 1_000_000,
      bareSeconds: 3.6, analyzeSeconds: 412.5, peakRssBytes: 4_300_000_000, stages: [{ stage: 'start', seconds: 0.6 }], failed: 'out of memory, exit 134',
    });
    expect(row).toBe('| 2026-12-01 06:00 | abc1234 | 2 cores | 1,000,000 | 155.0 | 3.60 | failed after 412.5 (out of memory, exit 134) | – | – | – | 4,300 | start 0.6 |\n');
  });
});
