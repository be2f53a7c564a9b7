import { afterEach, describe, expect, it, vi } from 'vitest';
import { terminal, terminalMode, type TerminalContext } from './terminal.js';

describe('terminal messages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('show control characters from data as visible symbols, so a cell cannot drive the terminal', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const term = terminal();
    term.warn('analyst code "\x1b[2Jx" in notes.csv:3');
    term.error('bad\x07 file');
    term.info('read \x1b]0;title\x07.csv');
    expect(written.join('')).not.toMatch(/[\x07\x1b]/);
    expect(written.join('')).toContain('analyst code "␛[2Jx"');
  });

  it('are plain, without a spinner, where the context says no person is at a terminal', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const term = terminal(false, { isTTY: true, env: { TERM: 'dumb' }, columns: 80, quiet: false });
    expect(term.spinner).toBeNull();
    term.step('reading a.csv');
    term.warn('a.csv: odd');
    term.done('1 report');
    expect(written.join('')).toBe('warning: a.csv: odd\n✔ 1 report\n');
  });

  it('mark when each stage starts with THICK_TIMINGS=1, and only then, even with -q', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const pipe = { isTTY: false, columns: undefined, quiet: true };
    terminal(true, { ...pipe, env: {} }).step('reading a.csv');
    expect(written).toEqual([]);
    const term = terminal(true, { ...pipe, env: { THICK_TIMINGS: '1' } });
    term.step('reading a\x1b.csv');
    term.done('1 report');
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^timing \d+\.\d{3} reading a␛\.csv\n$/);
    expect(written[1]).toMatch(/^timing \d+\.\d{3} done\n$/);
  });
});

describe('terminalMode: colour and spinner only for a person at a terminal', () => {
  const person: TerminalContext = { isTTY: true, env: { TERM: 'xterm-256color' }, columns: 120, quiet: false };
  const mode = (change: Partial<TerminalContext>, env: Record<string, string | undefined> = {}) =>
    terminalMode({ ...person, ...change, env: { ...person.env, ...env } });

  it('gives a person at a terminal basic colour and a spinner', () => {
    expect(mode({})).toEqual({ colour: 1, spinner: true });
  });

  it('gives a pipe or a file neither', () => {
    expect(mode({ isTTY: false, columns: undefined })).toEqual({ colour: 0, spinner: false });
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }],
    ['FORCE_COLOR=false', { FORCE_COLOR: 'false' }],
  ])('turns colour and the spinner off with %s', (_, env) => {
    expect(mode({}, env)).toEqual({ colour: 0, spinner: false });
  });

  it('ignores an empty NO_COLOR, as no-color.org says', () => {
    expect(mode({}, { NO_COLOR: '' })).toEqual({ colour: 1, spinner: true });
  });

  it('gives TERM=dumb no colour and no spinner, so no cursor codes at all', () => {
    expect(mode({}, { TERM: 'dumb' })).toEqual({ colour: 0, spinner: false });
  });

  it('lets every off-switch win over FORCE_COLOR', () => {
    expect(mode({}, { TERM: 'dumb', FORCE_COLOR: '3' }).colour).toBe(0);
    expect(mode({}, { NO_COLOR: '1', FORCE_COLOR: '1' }).colour).toBe(0);
  });

  it('forces colour on a non-TTY with FORCE_COLOR=1/2/3 (or empty, true), but never a spinner', () => {
    const pipe = { isTTY: false, columns: undefined };
    expect(mode(pipe, { FORCE_COLOR: '1' })).toEqual({ colour: 1, spinner: false });
    expect(mode(pipe, { FORCE_COLOR: '2' })).toEqual({ colour: 2, spinner: false });
    expect(mode(pipe, { FORCE_COLOR: '3' })).toEqual({ colour: 3, spinner: false });
    expect(mode(pipe, { FORCE_COLOR: '9' }).colour).toBe(3);
    expect(mode(pipe, { FORCE_COLOR: '' }).colour).toBe(1);
    expect(mode(pipe, { FORCE_COLOR: 'true' }).colour).toBe(1);
    expect(mode(pipe, { FORCE_COLOR: 'yes' }).colour).toBe(0); // not a value chalk knows: the TTY decides
  });

  it('keeps the spinner away from -q/--json, a terminal without a width, and CI', () => {
    expect(mode({ quiet: true })).toEqual({ colour: 1, spinner: false });
    expect(mode({ columns: 0 }).spinner).toBe(false);
    expect(mode({ columns: undefined }).spinner).toBe(false);
    expect(mode({}, { CI: 'true' }).spinner).toBe(false);
    expect(mode({}, { CI: 'false' }).spinner).toBe(true);
  });
});

describe('terminal progress lines', () => {
  const person: TerminalContext = { isTTY: true, env: { TERM: 'xterm-256color' }, columns: 40, quiet: false };
  function fakeTTY() {
    const written: string[] = [];
    // Colours out (the lines are what is tested here), cursor codes kept.
    const stream = { isTTY: true, columns: 40, write: (chunk: unknown) => (written.push(String(chunk).replace(/\x1b\[\d+m/g, '')), true), cursorTo: () => true, moveCursor: () => true, clearLine: () => true };
    return { stream: stream as unknown as NodeJS.WriteStream, written };
  }

  it('draw in place, clipped to the width, and step aside for a message written meanwhile', () => {
    const { stream, written } = fakeTTY();
    const term = terminal(false, person, { stream, now: () => 0 });
    term.progress!({ stage: 'annotate', unit: 'events', done: 5, total: 1_000_000 });
    expect(written).toEqual(['\rannotating  5 / 1,000,000 events  0%\x1b[K']);
    term.progress!({ stage: 'read', unit: 'rows', done: 0, total: 10, file: 'a-rather-long-folder-name/and-a-long-file.csv' });
    const clipped = written.at(-1)!;
    expect(clipped).toBe('\rreading a-rather-long-folder-name/and-…\x1b[K');
    written.length = 0;
    term.warn('a.csv: odd');
    expect(written).toEqual(['\r\x1b[K', 'warning: a.csv: odd\n', clipped]);
  });

  it('keep a final line per stage, and the live line is gone after it', () => {
    const { stream, written } = fakeTTY();
    const term = terminal(false, person, { stream, now: () => 0 });
    term.progress!({ stage: 'profile', unit: 'customers', done: 3, total: 3 });
    written.length = 0;
    term.done('3 reports');
    expect(written).toEqual(['\r\x1b[K', '✔ profiled 3 customers in 0.0 s\n', '✔ 3 reports\n']);
  });
});
