// The edge of "what changed since last run": the previous run's state is read from the output folder before the new
// output replaces it (profile/state.ts says what it holds, profile/changes.ts compares two).
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from './errno.js';
import { isSystemError } from './output/attempt.js';
import { readManifest, sha256 } from './output/manifest.js';
import { outPlaces } from './output/places.js';
import { diffStates, withheldGone, type Changes } from '../profile/changes.js';
import { COMPARE_PASSES, parseState, sameData, STATE_FILE, type RunState } from '../profile/state.js';
import { noPasses, passesWhenBegun, passTicker, type OnProgress, type Passes } from '../progress.js';

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
 * thick: a first run, with a warning. `passes` hears the state parsed and checked (parseState), when there is one.
 */
export function readPreviousState(outArg: string, passes: Passes = noPasses): PreviousState {
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
  const read = parseState(bytes.toString('utf8'), passes);
  if (!read.ok) return { state: null, changes: null, warning: `${shown}: ${read.reason}; ${notCompared}` };
  return { state: read.state, changes: read.changes };
}

/**
 * What changed since the previous run into `out`, read before the new output replaces it: null on a first run (a
 * warning when a state was there but cannot be compared with). A rerun over the same data (a retried CI job) says
 * what the first try said, and writes the same bytes. Reading and comparing takes most of a second at 100k
 * customers: the stage compare reports it, in passes over the run's customers (COMPARE_PASSES), and only when there
 * is a previous state to read.
 */
export function changesSince(out: string, state: RunState, redacted: boolean, onProgress?: OnProgress): { changes: Changes | null; warning?: string } {
  const customers = Object.keys(state.customers).length;
  const passes = passesWhenBegun(() => passTicker(onProgress, { stage: 'compare', unit: 'customers', total: customers }, COMPARE_PASSES));
  const previous = readPreviousState(out, passes);
  const warning = previous.warning !== undefined ? { warning: previous.warning } : {};
  if (!previous.state) return { changes: null, ...warning };
  if (sameData(previous.state, state, passes.next(customers))) {
    passes.next(0); // no changes to tell: the stage is done
    return { changes: previous.changes, ...warning };
  }
  return { changes: withheldGone(diffStates(previous.state, state, passes.next(customers)), redacted), ...warning };
}
