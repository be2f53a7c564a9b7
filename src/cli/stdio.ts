// A closed pipe is a reader that has read enough (`thick codebook | head -3`), not an error: clig.dev.

import { describeError } from './errno.js';

/** Streams whose reader has gone: what is written to them after that has nobody to read it. */
const gone = new WeakSet<NodeJS.EventEmitter>();
/** Streams that failed otherwise (a full disk behind `> file`): the output is lost, so the run must not end with 0. */
const failed = new WeakMap<NodeJS.EventEmitter, Error>();

/** Whether the reader of `stream` has gone (EPIPE, or the stream was torn down after it). */
export function readerGone(stream: NodeJS.WritableStream & { destroyed?: boolean }): boolean {
  return gone.has(stream) || stream.destroyed === true;
}

/**
 * Treat EPIPE on `stream` as its reader leaving: no stack trace, no exit code of its own, and every later write
 * (which Node reports as a "destroyed stream" error) is dropped too. The run goes on to its own end, so files it is
 * writing are finished and its exit code is the one it would have had (0 for a run that went well); a command that
 * only produces text for the stream (annotate to stdout) asks `readerGone` and stops. Any other error on the stream
 * ends the writing as well but is kept for `outputFailure`: thrown from this listener it would be an uncaught
 * exception, a Node stack trace instead of a message.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && !gone.has(stream)) failed.set(stream, error);
    gone.add(stream);
  });
}

/** The one line a stream's failure (other than its reader leaving) gets, e.g. `standard output: no space left …`. */
export function outputFailure(name: string, stream: NodeJS.WritableStream): string | null {
  const error = failed.get(stream);
  return error ? `${name}: ${describeError(error)}` : null;
}

/**
 * Write `text` and wait until the stream can take more, or its reader has gone. Resolves false when the reader is
 * gone, so a producer stops; the pause also lets Node deliver the EPIPE of a write that already failed.
 */
export async function writeOrStop(stream: NodeJS.WritableStream & { destroyed?: boolean }, text: string): Promise<boolean> {
  if (readerGone(stream)) return false;
  const ready = stream.write(text);
  await new Promise<void>((resolve) => {
    if (ready || readerGone(stream)) return setImmediate(resolve);
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
  return !readerGone(stream);
}
