import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../test-support.js';
import { runAnalyze } from './analyze.js';
import { terminal, type TerminalContext } from './terminal.js';
import type { Progress } from '../progress.js';
import { passesWhenBegun, passTicker, progressTicker } from '../progress.js';
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

describe('passTicker', () => {
  it('reports a stage of several passes as a share of its items, rising to the total with the last pass', () => {
    const heard: Progress[] = [];
    const passes = passTicker((p) => heard.push(p), { stage: 'link', unit: 'records', total: 100 }, 3, 5);
    const first = passes.next(10);
    for (let i = 1; i <= 10; i++) first(i);
    passes.next(1)(1);
    const last = passes.next(20);
    for (let i = 1; i <= 20; i++) last(i);
    const done = heard.map((p) => p.done);
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(100);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done).toEqual([0, 16, 33, 66, 75, 83, 91, 100]);
    expect(heard.every((p) => p.share === true && p.stage === 'link' && p.total === 100)).toBe(true);
  });

  it('passes the pass of no items at once, and reports a pass of few slow items at each', () => {
    const heard: number[] = [];
    const passes = passTicker((p) => heard.push(p.done), { stage: 'write', unit: 'customers', total: 40, part: 'the index' }, 3);
    passes.next(0);
    const slow = passes.next(2, 1);
    slow(1);
    slow(2);
    passes.next(1)(1);
    expect(heard).toEqual([0, 13, 20, 26, 40]);
    expect(() => passTicker(undefined, { stage: 'link', unit: 'records', total: 10 }, 2).next(5)(5)).not.toThrow();
  });

  it('begins a stage that may have nothing to do only with its first pass (passesWhenBegun)', () => {
    const heard: number[] = [];
    const begun = () => passTicker((p) => heard.push(p.done), { stage: 'compare', unit: 'customers', total: 10 }, 2);
    passesWhenBegun(begun);
    expect(heard).toEqual([]);
    const passes = passesWhenBegun(begun);
    passes.next(10)(10);
    passes.next(0);
    expect(heard).toEqual([0, 5, 10]);
  });
});

describe('the stages with no count of their own before', () => {
  it('says linking as the share of the records, with its pace, and keeps how many records it linked', () => {
    const { renderer, drawn, kept, at } = watched();
    for (let ms = 0; ms <= 2000; ms += 100) {
      at(ms);
      renderer.report({ stage: 'link', unit: 'records', done: ms * 50, total: 100_000, share: true });
    }
    renderer.end();
    expect(drawn[0]).toBe('linking  100,000 records  0%');
    expect(drawn[10]).toBe('linking  100,000 records  50%  50,000/s');
    expect(drawn.at(-1)).toBe('linking  100,000 records  100%  50,000/s');
    expect(kept).toEqual(['linked 100,000 records in 2.0 s (50,000/s)']);
  });

  it('shows a slow file of the write stage by its own count, then the count of files again, and ends with the files', () => {
    const { renderer, drawn, kept, at } = watched();
    renderer.report({ stage: 'write', unit: 'files', done: 0, total: 4 });
    renderer.report({ stage: 'write', unit: 'customers', done: 0, total: 2, part: 'the index', share: true });
    at(500);
    renderer.report({ stage: 'write', unit: 'customers', done: 1, total: 2, part: 'the index', share: true });
    renderer.report({ stage: 'write', unit: 'files', done: 1, total: 4 });
    renderer.report({ stage: 'write', unit: 'customers', done: 0, total: 2, part: 'customers.csv' });
    at(600);
    renderer.report({ stage: 'write', unit: 'files', done: 4, total: 4 });
    renderer.end();
    expect(drawn).toEqual([
      'writing  0 / 4 files  0%',
      'writing the index  2 customers  0%',
      'writing the index  2 customers  50%  2/s',
      'writing  1 / 4 files  25%',
      'writing customers.csv  0 / 2 customers  0%',
      'writing  4 / 4 files  100%',
    ]);
    expect(kept).toEqual(['rendered and wrote 4 files in 0.6 s (7/s)']);
  });

  it.each([
    ['state', 'customers', 'building the run state  5 / 10 customers  50%', 'built the run state of 10 customers in 1.0 s'],
    ['check', 'files', 'checking the previous output  5 / 10 files  50%', 'checked 10 files of the previous output in 1.0 s'],
    ['remove', 'files', 'removing the previous output  5 / 10 files  50%', 'removed 10 files of the previous output in 1.0 s (10/s)'],
    ['spill', 'records', 'setting the later parts aside  5 / 10 records  50%', 'set aside 10 records of later parts on disk in 1.0 s (10/s)'],
  ] as const)('says the stage %s live and when it ends', (stage, unit, live, final) => {
    const { renderer, drawn, kept, at } = watched();
    renderer.report({ stage, unit, done: 0, total: 10 });
    at(500);
    renderer.report({ stage, unit, done: 5, total: 10 });
    at(1000);
    renderer.report({ stage, unit, done: 10, total: 10 });
    renderer.end();
    expect(drawn[1]).toBe(`${live}  10/s`);
    expect(kept).toEqual([final]);
  });

  it('says the figures profiling needs first as a part of the stage, and keeps the customers profiled', () => {
    const { renderer, drawn, kept, at } = watched();
    renderer.report({ stage: 'profile', unit: 'customers', done: 0, total: 10 });
    renderer.report({ stage: 'profile', unit: 'customers', done: 10, total: 10, part: 'figures for RFM', share: true });
    at(200);
    renderer.report({ stage: 'profile', unit: 'customers', done: 10, total: 10 });
    renderer.end();
    expect(drawn.slice(0, 2)).toEqual(['profiling  0 / 10 customers  0%', 'profiling figures for RFM  10 customers  100%']);
    expect(kept).toEqual(['profiled 10 customers in 0.2 s (50/s)']);
  });

  it('says the codebook compiled as a part of annotating, and keeps the events annotated', () => {
    const { renderer, drawn, kept, at } = watched();
    renderer.report({ stage: 'annotate', unit: 'codes', done: 0, total: 34, part: 'the codebook' });
    at(100);
    renderer.report({ stage: 'annotate', unit: 'codes', done: 17, total: 34, part: 'the codebook' });
    renderer.report({ stage: 'annotate', unit: 'events', done: 0, total: 1000 });
    at(1100);
    renderer.report({ stage: 'annotate', unit: 'events', done: 1000, total: 1000 });
    renderer.end();
    expect(drawn.slice(0, 3)).toEqual(['compiling the codebook  0 / 34 codes  0%', 'compiling the codebook  17 / 34 codes  50%  170/s', 'annotating  0 / 1,000 events  0%']);
    expect(kept).toEqual(['annotated 1,000 events in 1.1 s (909/s)']);
  });

  it('keeps the codes compiled when a run in parts sets its later parts aside before it annotates', () => {
    const { renderer, kept, at } = watched();
    renderer.report({ stage: 'annotate', unit: 'codes', done: 0, total: 34, part: 'the codebook' });
    at(200);
    renderer.report({ stage: 'annotate', unit: 'codes', done: 34, total: 34, part: 'the codebook' });
    renderer.report({ stage: 'spill', unit: 'records', done: 0, total: 10 });
    at(1200);
    renderer.report({ stage: 'spill', unit: 'records', done: 10, total: 10 });
    renderer.report({ stage: 'annotate', unit: 'events', done: 0, total: 20 });
    at(2200);
    renderer.report({ stage: 'annotate', unit: 'events', done: 20, total: 20 });
    renderer.end();
    expect(kept).toEqual([
      "compiled the codebook's 34 codes in 0.2 s",
      'set aside 10 records of later parts on disk in 1.0 s (10/s)',
      'annotated 20 events in 1.0 s (20/s)',
    ]);
  });

  it('says comparing with the previous run as the share of this run\'s customers, and keeps how many it compared', () => {
    const { renderer, drawn, kept, at } = watched();
    renderer.report({ stage: 'compare', unit: 'customers', done: 0, total: 10, share: true });
    at(200);
    renderer.report({ stage: 'compare', unit: 'customers', done: 5, total: 10, share: true });
    at(300);
    renderer.report({ stage: 'compare', unit: 'customers', done: 10, total: 10, share: true });
    renderer.end();
    expect(drawn).toEqual(['comparing with the previous run  10 customers  0%', 'comparing with the previous run  10 customers  50%  25/s', 'comparing with the previous run  10 customers  100%  33/s']);
    expect(kept).toEqual(['compared 10 customers with the previous run in 0.3 s']);
  });

  it('streams thick annotate with a count and pace but no total, and keeps the rows of each input', () => {
    const { renderer, drawn, kept, at } = watched();
    for (let ms = 0; ms <= 1000; ms += 100) {
      at(ms);
      renderer.report({ stage: 'annotate', unit: 'rows', done: ms * 10, total: null, file: 'in\x1b.csv' });
    }
    renderer.report({ stage: 'annotate', unit: 'rows', done: 0, total: null, file: 'next.csv' });
    expect(drawn[0]).toBe('annotating in␛.csv  0 rows');
    expect(drawn[10]).toBe('annotating in␛.csv  10,000 rows  10,000/s');
    expect(drawn).toHaveLength(12);
    expect(kept).toEqual(['annotated 10,000 rows of in␛.csv in 1.0 s (10,000/s)']);
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

  async function run(context: Partial<TerminalContext>, quiet = false, dir = mkdtempSync(join(tmpdir(), 'thick-progress-'))) {
    writeFileSync(join(dir, 'shop.csv'), EXPORT);
    captureOutput();
    const { fake, lines } = stream(context.isTTY ?? false);
    const term = terminal(quiet, { isTTY: false, columns: undefined, quiet, ...context, env: { TERM: 'xterm-256color', ...context.env } }, { stream: fake });
    const code = await runAnalyze([join(dir, 'shop.csv')], { out: join(dir, 'out'), map: [], brand: [], lang: 'en', quiet }, term);
    return { code, lines: lines(), term, dir };
  }

  /** The final lines a run kept, without their times. */
  const keptLines = (lines: readonly string[]) => lines.filter((line) => line.startsWith('✔ ')).map((line) => line.replace(/ in \d+\.\d s.*$/, ''));

  it('shows each stage on a terminal as it runs, then its count and time', async () => {
    const { code, lines } = await run({ isTTY: true, columns: 100 });
    expect(code).toBe(0);
    for (const live of [
      /reading .*shop\.csv {2}0\.0 \/ 0\.0 MB {2}0%$/,
      /reading .*shop\.csv {2}3 \/ 3 rows {2}100%/,
      /linking {2}3 records {2}100%/,
      /compiling the codebook {2}0 \/ \d+ codes {2}0%/,
      /annotating {2}3 \/ 3 events {2}100%/,
      /profiling {2}2 \/ 2 customers {2}100%/,
      /building the run state {2}2 \/ 2 customers {2}100%/,
      /writing the index {2}2 customers {2}0%/,
      /writing customers\.csv {2}0 \/ 2 customers {2}0%/,
      /writing profiles\.jsonl {2}0 \/ 2 customers {2}0%/,
      /writing {2}\d+ \/ \d+ files {2}100%/,
    ]) {
      expect(lines.some((line) => live.test(line)), `${live}\n${lines.join('\n')}`).toBe(true);
    }
    expect(keptLines(lines)).toEqual([
      expect.stringMatching(/^✔ read .*shop\.csv: 3 rows, 0\.0 MB$/),
      '✔ linked 3 records',
      '✔ annotated 3 events',
      '✔ profiled 2 customers',
      '✔ built the run state of 2 customers',
      expect.stringMatching(/^✔ rendered and wrote \d+ files$/),
      expect.stringMatching(/^✔ 2 reports in /),
    ]);
  });

  it('compares with the previous run and checks its files before writing, and counts them as it removes them', async () => {
    const first = await run({ isTTY: true, columns: 100 });
    const { code, lines } = await run({ isTTY: true, columns: 100 }, false, first.dir);
    expect(code).toBe(0);
    const written = Number(/rendered and wrote (\d+) files/.exec(first.lines.join('\n'))![1]);
    expect(lines.some((line) => /^checking the previous output {2}0 \/ \d+ files {2}0%/.test(line)), lines.join('\n')).toBe(true);
    expect(lines.some((line) => /^removing the previous output {2}0 \/ \d+ files {2}0%/.test(line)), lines.join('\n')).toBe(true);
    // The previous run's state is read and compared with this one's: a stage of its own, a first run has none.
    expect(lines.some((line) => /^comparing with the previous run {2}2 customers {2}0%/.test(line)), lines.join('\n')).toBe(true);
    expect(keptLines(lines).slice(4)).toEqual([
      '✔ built the run state of 2 customers',
      '✔ compared 2 customers with the previous run',
      `✔ checked ${written} files of the previous output`,
      `✔ rendered and wrote ${written} files`,
      `✔ removed ${written} files of the previous output`,
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
