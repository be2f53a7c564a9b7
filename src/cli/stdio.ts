// A closed pipe is a reader that has read enough (`thick codebook | head -3`), not an error: clig.dev.

/** Streams whose reader has gone: what is written to them after that has nobody to read it. */
const gone = new WeakSet<NodeJS.EventEmitter>();

/** Whether the reader of `stream` has gone (EPIPE, or the stream was torn down after it). */
export function readerGone(stream: NodeJS.WritableStream & { destroyed?: boolean }): boolean {
  return gone.has(stream) || stream.destroyed === true;
}

/**
 * Treat EPIPE on `stream` as its reader leaving: no stack trace, no exit code of its own, and every later write
 * (which Node reports as a "destroyed stream" error) is dropped too. The run goes on to its own end, so files it is
 * writing are finished and its exit code is the one it would have had (0 for a run that went well); a command that
 * only produces text for the stream (annotate to stdout) asks `readerGone` and stops. Any other error on the stream
 * is thrown as before.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || gone.has(stream)) {
      gone.add(stream);
      return;
    }
    throw error;
  });
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
