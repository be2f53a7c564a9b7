import { readSync } from 'node:fs';
import { isatty } from 'node:tty';
import { UsageError } from './options.js';

/** `-` as an input file: standard input (clig.dev). */
export const STDIN_ARG = '-';
/** How standard input is named in messages, summaries, rejected.csv and reports: no file can be mistaken for it. */
export const STDIN_NAME = '<stdin>';

export const isStdin = (file: string): boolean => file === STDIN_ARG;

/** The name an input goes by in everything thick prints or writes. */
export const inputName = (file: string): string => (isStdin(file) ? STDIN_NAME : file);

/** Where standard input is read from, and whether a person types it; a test passes a file's descriptor. */
export interface StdinSource {
  fd: number;
  isTTY: boolean;
  /** Told once, before a terminal's stdin is read, so `thick analyze -` does not wait in silence. */
  hint(message: string): void;
}

// isatty, not process.stdin.isTTY: creating process.stdin would switch a terminal's fd to non-blocking mode.
const processStdin = (): StdinSource => ({
  fd: 0,
  isTTY: isatty(0),
  hint: (message) => process.stderr.write(`${message}\n`),
});

/** Standard input as read by this process: it can be read only once, and eval reads its file twice. */
let read: Uint8Array | undefined;

const END_KEY = process.platform === 'win32' ? 'Ctrl-Z then Enter' : 'Ctrl-D';

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Every byte of `fd` up to its end. A loop rather than readFileSync: a stdin its parent left non-blocking answers
 * EAGAIN while the writer is slow, and readFileSync would drop what it had read by then; here we wait and go on.
 */
function readAll(fd: number): Uint8Array {
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause(10);
        continue;
      }
      if (code === 'EOF') break; // a Windows console's end of input
      throw error;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks);
}

/** Standard input, whole, as bytes: encoding and delimiter are detected on it as on a file. */
export function readStdin(source: StdinSource = processStdin()): Uint8Array {
  if (read) return read;
  if (source.isTTY) hintTerminal(source);
  read = readAll(source.fd);
  return read;
}

/** Told before a terminal's stdin is read, so `thick analyze -` does not wait in silence. */
export function hintTerminal(source: StdinSource = processStdin()): void {
  if (source.isTTY) source.hint(`thick: reading standard input (-); end with ${END_KEY}`);
}

/** Forget what was read (tests read several sources in one process). */
export function forgetStdin(): void {
  read = undefined;
}

/** Standard input can be read once: `-` named twice is a usage error, not an empty second file. */
export function checkStdinOnce(files: readonly string[]): void {
  if (files.filter(isStdin).length > 1) throw new UsageError(`${STDIN_ARG}: standard input is named more than once; it can be read only once`);
}
