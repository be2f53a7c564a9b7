import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../test-support.js';
import { runAnalyze } from './analyze.js';
import { terminal, type TerminalContext } from './terminal.js';
import type { Progress } from '../progress.js';
import { progressTicker } from '../progress.js';
import { formatCount, formatDuration, formatLeft, formatRate, progressRenderer, RATE_WINDOW_MS, RateMeter, REDRAW_MS } from './progress.js';

/** A renderer on a clock the test moves, with every line it drew and kept. */
function watched() {
  let clock = 0;
  const drawn: string[] = [];
  const kept: string[] = [];
  const renderer = progressRenderer({ draw: (line) => drawn.push(line), persist: (line) => kept.push(line) }, () => clock);
  return { renderer, drawn, kept, at: (ms: number) => void (clock = ms) };
}

describe('progress formatting', () => {
  it('groups counts by thousands, the same in every locale', () => {
    expect([0, 7, 999, 1000, 412_000, 1_000_000, 1234.6].map(formatCount)).toEqual(['0', '7', '999', '1,000', '412,000', '1,000,000', '1,235']);
  });

  it('says rates in three significant digits, bytes as MB/s', () => {
    expect(formatRate(52_345.6, 'events')).toBe('52,300/s');
    expect(formatRate(7.26, 'files')).toBe('7/s');
    expect(formatRate(0, 'rows')).toBe('0/s');
    expect(formatRate(12_345_678, 'bytes')).toBe('12.3 MB/s');
  });

  it('says durations in the unit a person reads them in', () => {
    expect([0.42, 9.94, 11.4, 60, 125, 3600, 3725].map(formatDuration)).toEqual(['0.4 s', '9.9 s', '11 s', '1 min', '2 min 5 s', '1 h', '1 h 2 min']);
  });

  it('rounds time left up to whole seconds, never to nothing', () => {
    expect(formatLeft(0.2)).toBe('about 1 s left');
    expect(formatLeft(10.1)).toBe('about 11 s left');
    expect(formatLeft(150)).toBe('about 2 min 30 s left');
  });
});

describe('RateMeter', () => {
  it('has no rate before two samples, then the pace over the window', () => {
    const meter = new RateMeter();
    meter.sample(0, 0);
    expect(meter.perSecond()).toBeNull();
    meter.sample(500, 1000);
    expect(meter.perSecond()).toBe(2000);
  });

  it('forgets a slow start once it is out of the window, and says no time left until then', () => {
    const meter = new RateMeter();
    // The first 100 items take a second (warming up); then 1,000 items every 100 ms.
    meter.sample(0, 0);
    meter.sample(1000, 100);
    let done = 100;
    for (let at = 1100; at < 1000 + RATE_WINDOW_MS; at += 100) meter.sample(at, (done += 1000));
    expect(meter.secondsLeft(done, 1_000_000)).toBeNull();
    for (let at = 1000 + RATE_WINDOW_MS; at <= 2000 + RATE_WINDOW_MS; at += 100) meter.sample(at, (done += 1000));
    expect(meter.perSecond()).toBe(10_000);
    expect(meter.secondsLeft(done, 1_000_000)).toBeCloseTo((1_000_000 - done) / 10_000);
    expect(meter.secondsLeft(1_000_000, 1_000_000)).toBeNull();
  });

  it('says no time left while nothing moves', () => {
    const meter = new RateMeter();
    for (let at = 0; at <= 5000; at += 100) meter.sample(at, 10);
    expect(meter.perSecond()).toBe(0);
    expect(meter.secondsLeft(10, 100)).toBeNull();
  });
});

describe('progressRenderer', () => {
  const annotate = (done: number): Progress => ({ stage: 'annotate', unit: 'events', done, total: 1_000_000 });

  it('draws a stage at once, then at most once per REDRAW_MS however often it hears', () => {
    const { renderer, drawn, at } = watched();
    for (let ms = 0; ms < 1000; ms += 5) {
      at(ms);
      renderer.report(annotate(ms * 10));
    }
    expect(drawn).toHaveLength(1000 / REDRAW_MS);
    expect(drawn[0]).toBe('annotating  0 / 1,000,000 events  0%');
  });

  it('shows count, share, smoothed rate and time left once there is enough to estimate', () => {
    const { renderer, drawn, at } = watched();
    // 50,000 events a second for 8 seconds.
    for (let ms = 0; ms <= 8000; ms += 100) {
      at(ms);
      renderer.report(annotate(ms * 50));
    }
    expect(drawn[1]).toBe('annotating  5,000 / 1,000,000 events  0%  50,000/s');
    expect(drawn.at(-1)).toBe('annotating  400,000 / 1,000,000 events  40%  50,000/s  about 12 s left');
  });

  it('draws the complete count at once, and keeps a final line with count and time when the next stage starts', () => {
    const { renderer, drawn, kept, at } = watched();
    at(1000);
    renderer.report({ stage: 'profile', unit: 'customers', done: 0, total: 300 });
    at(1010);
    renderer.report({ stage: 'profile', unit: 'customers', done: 300, total: 300 });
    expect(drawn.at(-1)).toBe('profiling  300 / 300 customers  100%  30,000/s');
    expect(kept).toEqual([]);
    at(5000);
    renderer.report({ stage: 'write', unit: 'files', done: 0, total: 302 });
    expect(kept).toEqual(['profiled 300 customers in 0.0 s']);
    expect(drawn.at(-1)).toBe('writing  0 / 302 files  0%');
  });

  it('reads a file in bytes, then rows, and ends it with both', () => {
    const { renderer, drawn, kept, at } = watched();
    const file = 'exports/a\x1b.csv';
    at(0);
    renderer.report({ stage: 'read', unit: 'bytes', done: 0, total: 15_452_942, file });
    at(40);
    renderer.report({ stage: 'read', unit: 'bytes', done: 15_452_942, total: 15_452_942, file });
    at(50);
    renderer.report({ stage: 'read', unit: 'rows', done: 0, total: 100_000, file });
    expect(drawn).toEqual([
      'reading exports/a␛.csv  0.0 / 15.5 MB  0%',
      'reading exports/a␛.csv  15.5 / 15.5 MB  100%  386.3 MB/s',
      'reading exports/a␛.csv  0 / 100,000 rows  0%',
    ]);
    at(2100);
    renderer.report({ stage: 'read', unit: 'rows', done: 100_000, total: 100_000, file });
    renderer.end();
    expect(kept).toEqual(['read exports/a␛.csv: 100,000 rows, 15.5 MB in 2.1 s (47,600/s)']);
    renderer.end();
    expect(kept).toHaveLength(1);
  });

  it('gives each file read its own line, and says nothing of a stage dropped by an error', () => {
    const { renderer, kept } = watched();
    for (const file of ['a.csv', 'b.csv']) renderer.report({ stage: 'read', unit: 'rows', done: 0, total: 1, file });
    expect(kept).toEqual(['read a.csv: 0 rows in 0.0 s']);
    renderer.drop();
    renderer.end();
    expect(kept).toHaveLength(1);
  });
});

describe('progressTicker', () => {
  it('reports the start, every so many items and the last one; nothing at all without a listener', () => {
    const heard: number[] = [];
    const tick = progressTicker((p) => heard.push(p.done), { stage: 'annotate', unit: 'events', total: 10 }, 4);
    for (let i = 1; i <= 10; i++) tick(i);
    expect(heard).toEqual([0, 4, 8, 10]);
    expect(() => progressTicker(undefined, { stage: 'annotate', unit: 'events', total: 10 })(3)).not.toThrow();
  });
});

describe('a run of thick analyze', () => {
  afterEach(() => vi.restoreAllMocks());

  // Invented customers of an invented shop, in the layout `npm run gen` writes.
  const EXPORT = [
    'customer_id,timestamp,channel,direction,amount,text',
    'k1,2025-03-01T10:00:00Z,email,inbound,,"Wo bleibt meine Bestellung? Ich warte seit einer Woche."',
    'k1,2025-03-02T09:00:00Z,shop,inbound,24.90,',
    'k2,2025-03-03T11:00:00Z,chat,inbound,,"Thanks, the grinder works great."',
  ].join('\n');

  /** A stream that keeps what is written, a terminal 100 columns wide when `isTTY`. */
  function stream(isTTY: boolean) {
    const chunks: string[] = [];
    const fake = {
      isTTY,
      columns: isTTY ? 100 : undefined,
      write: (chunk: unknown) => (chunks.push(String(chunk)), true),
      cursorTo: () => (chunks.push('\r'), true),
      moveCursor: () => true,
      clearLine: () => true,
    };
    // Escape codes out, and each redraw of the spinner's line on a line of its own.
    const lines = () => chunks.join('').replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '').split(/[\r\n]+/).filter((line) => line.trim() !== '');
    return { fake: fake as unknown as NodeJS.WriteStream, lines };
  }

  async function run(context: Partial<TerminalContext>, quiet = false) {
    const dir = mkdtempSync(join(tmpdir(), 'thick-progress-'));
    writeFileSync(join(dir, 'shop.csv'), EXPORT);
    captureOutput();
    const { fake, lines } = stream(context.isTTY ?? false);
    const term = terminal(quiet, { isTTY: false, columns: undefined, quiet, ...context, env: { TERM: 'xterm-256color', ...context.env } }, { stream: fake });
    const code = await runAnalyze([join(dir, 'shop.csv')], { out: join(dir, 'out'), map: [], brand: [], lang: 'en', quiet }, term);
    return { code, lines: lines(), term };
  }

  it('shows each stage on a terminal as it runs, then its count and time', async () => {
    const { code, lines } = await run({ isTTY: true, columns: 100 });
    expect(code).toBe(0);
    for (const live of [/reading .*shop\.csv {2}0\.0 \/ 0\.0 MB {2}0%$/, /reading .*shop\.csv {2}3 \/ 3 rows {2}100%/, /annotating {2}3 \/ 3 events {2}100%/, /profiling {2}2 \/ 2 customers {2}100%/, /writing {2}\d+ \/ \d+ files {2}100%/]) {
      expect(lines.some((line) => live.test(line)), `${live}\n${lines.join('\n')}`).toBe(true);
    }
    const kept = lines.filter((line) => line.startsWith('✔ '));
    expect(kept.map((line) => line.replace(/ in \d+\.\d s.*$/, ''))).toEqual([
      expect.stringMatching(/^✔ read .*shop\.csv: 3 rows, 0\.0 MB$/),
      '✔ annotated 3 events',
      '✔ profiled 2 customers',
      expect.stringMatching(/^✔ rendered and wrote \d+ files$/),
      expect.stringMatching(/^✔ 2 reports in /),
    ]);
  });

  it('keeps the THICK_TIMINGS=1 lines the benchmark reads as they were', async () => {
    const { lines } = await run({ isTTY: true, columns: 100, env: { THICK_TIMINGS: '1' } });
    const marks = lines.flatMap((line) => /^timing \d+\.\d{3} (.*)$/.exec(line)?.[1] ?? []);
    expect(marks.map((m) => m.replace(/ \S*shop\.csv$| to \S+$/, ''))).toEqual(['reading', 'annotating and profiling', 'writing reports', 'done']);
  });

  it.each([
    ['a pipe', { isTTY: false }, false],
    ['a TTY in CI', { isTTY: true, columns: 100, env: { CI: 'true' } }, false],
    ['a TTY with -q', { isTTY: true, columns: 100 }, true],
  ] as const)('shows no progress on %s', async (_, context, quiet) => {
    const { code, lines, term } = await run(context, quiet);
    expect(code).toBe(0);
    expect(term.progress).toBeUndefined();
    expect(lines.filter((line) => /reading|annotat|profil|render|writing|wrote|✔ read/.test(line))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('✔'))).toEqual(quiet ? [] : [expect.stringMatching(/^✔ 2 reports in .*3 rows read/)]);
  });
});

describe('the redact stage', () => {
  it('shows masking live, customers then events, and keeps one line with both counts', () => {
    const { renderer, drawn, kept, at } = watched();
    renderer.report({ stage: 'redact', unit: 'customers', done: 0, total: 10 });
    at(50);
    renderer.report({ stage: 'redact', unit: 'customers', done: 10, total: 10 });
    renderer.report({ stage: 'redact', unit: 'events', done: 0, total: 40 });
    at(1250);
    renderer.report({ stage: 'redact', unit: 'events', done: 40, total: 40 });
    renderer.end();
    expect(drawn[0]).toBe('masking personal data  0 / 10 customers  0%');
    expect(drawn.at(-1)).toMatch(/^masking personal data {2}40 \/ 40 events {2}100%/);
    expect(kept).toEqual(['masked the personal data of 10 customers and 40 events in 1.3 s']);
  });
});
