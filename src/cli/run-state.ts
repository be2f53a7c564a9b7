// The edge of "what changed since last run": the previous run's state is read from the output folder before the new
// output replaces it (profile/state.ts says what it holds, profile/changes.ts compares two).
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from './errno.js';
import { isSystemError } from './output/attempt.js';
import { readManifest, sha256 } from './output/manifest.js';
import { outPlaces } from './output/places.js';
import type { Changes } from '../profile/changes.js';
import { parseState, STATE_FILE, type RunState } from '../profile/state.js';

/** The previous run's state, or null for a first run, with a warning when a state was there but cannot be compared. */
export interface PreviousState {
  state: RunState | null;
  /** What the previous run found since the run before it. */
  changes: Changes | null;
  warning?: string;
}

const notCompared = 'this run compares with nothing and counts as a first run';

/**
 * The state the previous run left in the output folder. Only a state thick listed in its manifest, unchanged since,
 * is read: a file of that name the user wrote or edited is theirs, and the write stops and names it. No folder, no
 * manifest or no state (also one deleted by hand): a first run, silently. A state that cannot be read, is damaged or is of another version of
 * thick: a first run, with a warning.
 */
export function readPreviousState(outArg: string): PreviousState {
  const places = outPlaces(outArg, false);
  const shown = join(places.shown, STATE_FILE);
  const manifest = readManifest(places.out, places.shown);
  if (!manifest?.has(STATE_FILE)) return { state: null, changes: null };
  let bytes: Buffer;
  try {
    if (lstatSync(join(places.out, STATE_FILE)).isSymbolicLink()) return { state: null, changes: null, warning: `${shown}: is a symbolic link, not the state thick wrote; ${notCompared}` };
    bytes = readFileSync(join(places.out, STATE_FILE));
  } catch (error) {
    // Deleted by hand: the user asked for a fresh start.
    if (isSystemError(error) && error.code === 'ENOENT') return { state: null, changes: null };
    return { state: null, changes: null, warning: `${shown}: cannot read the previous run's state (${describeError(error)}); ${notCompared}` };
  }
  if (sha256(bytes) !== manifest.get(STATE_FILE)) return { state: null, changes: null };
  const read = parseState(bytes.toString('utf8'));
  if (!read.ok) return { state: null, changes: null, warning: `${shown}: ${read.reason}; ${notCompared}` };
  return { state: read.state, changes: read.changes };
}
