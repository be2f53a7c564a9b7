import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { DataError } from '../pipeline.js';
import { describeError } from '../errno.js';
import { attempt, isSystemError } from './attempt.js';
import type { OutPlaces } from './places.js';

interface Holder {
  pid: number;
  host: string;
}

function holderOf(lock: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host } : null;
  } catch {
    return null;
  }
}

/** Whether the process that took a lock still runs; one on another host cannot be asked, so it counts as running. */
function running(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return false; // this process writes one output at a time: a lock of its own is a leftover
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return isSystemError(error) && error.code === 'EPERM';
  }
}

/**
 * Take the output folder's lock, so two runs never build or swap the same output at once. A lock left by a run that
 * was killed (its process is gone) is taken over; the lock goes when the run ends, so none stays in the output.
 * Returns the function that releases it.
 */
export function takeLock(places: OutPlaces): () => void {
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`;
  try {
    writeFileSync(places.lock, mine, { flag: 'wx' });
  } catch (error) {
    if (!isSystemError(error) || error.code !== 'EEXIST') {
      if (!isSystemError(error)) throw error;
      throw new DataError(`${places.shown}: cannot write the output (${describeError(error)}; thick builds it beside the folder, in ${places.parent})`);
    }
    const holder = holderOf(places.lock);
    if (holder && running(holder)) {
      throw new DataError(`${places.shown}: another thick run (pid ${holder.pid} on ${holder.host}) is writing there; wait for it, or if none is running, remove ${places.lock}`);
    }
    attempt(places.lock, 'take over the lock of an interrupted run', () => {
      rmSync(places.lock, { force: true });
      writeFileSync(places.lock, mine, { flag: 'wx' });
    });
  }
  return () => rmSync(places.lock, { force: true });
}
