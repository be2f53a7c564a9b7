import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { endQuietlyOnClosedPipe, outputFailure, readerGone, writeOrStop } from './stdio.js';

/** A stream whose reader leaves after `accepts` writes: each later write fails with EPIPE, as a closed pipe does. */
function pipeClosingAfter(accepts: number): Writable & { received: string[] } {
  const received: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      if (received.length >= accepts) return callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      received.push(String(chunk));
      callback();
    },
  });
  return Object.assign(stream, { received });
}

describe('a closed pipe', () => {
  it('ends the writing, quietly: the EPIPE and the writes after it raise nothing', async () => {
    const stream = pipeClosingAfter(1);
    endQuietlyOnClosedPipe(stream);
    let written = 0;
    for (const line of ['a\n', 'b\n', 'c\n', 'd\n']) {
      if (!(await writeOrStop(stream, line))) break;
      written++;
    }
    expect(stream.received).toEqual(['a\n']);
    expect(written).toBe(1); // the producer stopped at the first write that found no reader
    expect(readerGone(stream)).toBe(true);
    expect(() => stream.write('e\n')).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('is the only error it forgives: another (a full disk) ends the writing too, and the run then fails with one line', () => {
    const stream = new Writable();
    endQuietlyOnClosedPipe(stream);
    const listeners = stream.listeners('error');
    expect(listeners).toHaveLength(1);
    expect(outputFailure('standard output', stream)).toBeNull();
    // Thrown from an error listener it was an uncaught exception: a Node stack trace instead of a message.
    expect(() => (listeners[0] as (e: Error) => void)(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).not.toThrow();
    expect(readerGone(stream)).toBe(true);
    expect(outputFailure('standard output', stream)).toBe('standard output: no space left on the device');
  });

  it('lets a producer go on while the reader reads', async () => {
    const stream = pipeClosingAfter(10);
    endQuietlyOnClosedPipe(stream);
    expect(await writeOrStop(stream, 'a\n')).toBe(true);
    expect(readerGone(stream)).toBe(false);
  });
});
