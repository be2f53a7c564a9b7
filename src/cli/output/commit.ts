// The swap, and the recovery of a swap that a killed run left half done.
//
// Why a kill at any moment leaves a whole output: the new output is built in full in a hidden sibling folder
// (.<out>.thick-new) while the output folder is not touched. Then the swap, each step one rename(2) or removal, which
// the kernel does whole or not at all:
//   1. the journal (what the swap moves and removes) is written inside the new folder, then renamed beside it;
//   2. the output folder is renamed to .<out>.thick-old            ← from here on the new output counts
//   3. the new folder is renamed to the output folder's name;
//   4. the user's entries are moved from .<out>.thick-old into it, one rename each;
//   5. thick's own files of the previous run are removed from .<out>.thick-old (only those, by manifest and hash);
//   6. the journal is removed.
// Killed before 2, the output folder is exactly as it was; between 2 and 3 (two system calls) the previous output
// is whole in .<out>.thick-old and the new one whole in .<out>.thick-new; from 3 on, the output folder holds the new
// output complete (the new index never links a file of the user's: a name the new output needs is never the user's).
// No moment mixes the two outputs. The next run (settle, below) reads the journal and goes back to the previous output
// before 2, or forward to the new one from 2 on, moving the rest of the user's entries; without a journal, a
// leftover new folder holds nothing but thick's files and is deleted.
//
// The guarantee is against a process that dies (SIGKILL, a crash, Ctrl-C, running out of memory). thick does not
// fsync each file, which would cost seconds on a large run; after a power cut the file system's own ordering decides.
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { byCodePoint } from '../../collation.js';
import { describeError } from '../errno.js';
import { DataError } from '../pipeline.js';
import { entryExists, isSystemError } from './attempt.js';
import { isPlainPath } from './files.js';
import { hashOfFile, MANIFEST } from './manifest.js';
import type { OutPlaces } from './places.js';
import type { OwnFile } from './survey.js';
import { PROGRESS_EVERY, progressTicker, type OnProgress } from '../../progress.js';

/** What a swap moves and removes, written before it moves anything. */
export interface Journal {
  /** Whether there was an output folder to set aside. */
  hadOutput: boolean;
  /** The user's entries, moved from the previous output into the new one. */
  carry: string[];
  /** thick's files of the previous output, removed after the swap while their hash still matches. */
  own: OwnFile[];
  /** Folders thick's files live in, removed from the previous output when empty. */
  containers: string[];
}

/** One step of the swap; `committed` once the new output is in place, so failing there no longer undoes anything. */
export interface SwapStep {
  what: string;
  committed: boolean;
  run: () => string[] | void;
}

/** The swap as steps, each one rename or removal, in the order above. */
export function swapSteps(places: OutPlaces, journal: Journal, onProgress?: OnProgress): SwapStep[] {
  return [
    { what: 'write the journal of the swap', committed: false, run: () => writeJournal(places, journal) },
    ...(journal.hadOutput ? [{ what: 'set the previous output aside', committed: false, run: () => renameSync(places.out, places.backup) }] : []),
    { what: 'put the new output in place', committed: false, run: () => putInPlace(places, journal) },
    ...journal.carry.map((path) => ({ what: `move ${join(places.shown, path)} into the new output`, committed: true, run: () => carryOver(places, path) })),
    { what: 'remove the previous output', committed: true, run: () => removePrevious(places, journal, onProgress) },
    { what: 'remove the journal of the swap', committed: true, run: () => unlinkSync(places.journal) },
  ];
}

/** The new folder takes the output folder's name; if that fails, the previous output takes it back, so nothing is lost. */
function putInPlace(places: OutPlaces, journal: Journal): void {
  try {
    renameSync(places.staging, places.out);
  } catch (error) {
    if (journal.hadOutput) renameSync(places.backup, places.out);
    throw error;
  }
}

/** Move one of the user's entries from the previous output into the new one (again harmless: a moved one is skipped). */
function carryOver(places: OutPlaces, path: string): string[] {
  const from = join(places.backup, path);
  if (!entryExists(from)) return [];
  const to = join(places.out, path);
  if (entryExists(to)) return [`${from}: kept there, because ${to} exists now`];
  renameSync(from, to);
  return [];
}

/** Write the journal whole or not at all: in full inside the new folder (which a killed run's successor deletes), synced, then renamed beside it. */
function writeJournal(places: OutPlaces, journal: Journal): void {
  const draft = join(places.staging, '.thick-commit.json');
  const fd = openSync(draft, 'wx');
  try {
    writeSync(fd, `${JSON.stringify(journal)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(draft, places.journal);
}

function readJournal(places: OutPlaces): Journal | null {
  let text: string;
  try {
    text = readFileSync(places.journal, 'utf8');
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return null;
    throw error;
  }
  try {
    const journal = JSON.parse(text) as Journal;
    const paths = [...journal.carry, ...journal.own.map((f) => f.path), ...journal.containers];
    if (typeof journal.hadOutput === 'boolean' && paths.every((p) => typeof p === 'string' && isPlainPath(p))) return journal;
  } catch {
    // said below
  }
  throw new DataError(`${places.journal}: the journal of an interrupted run cannot be read, so thick cannot tell which files beside ${places.shown} are yours; look through ${places.staging} and ${places.backup}, move what is yours into ${places.shown}, then remove the journal`);
}

/**
 * Settle what a killed (or failed) run left beside the output folder, so the folder holds one whole output again:
 * back to the previous output when the swap had not passed its turning point, forward to the new one when it had.
 * Returns what the user should know.
 */
export function settle(places: OutPlaces): string[] {
  const journal = readJournal(places);
  const [staged, previous, current] = [places.staging, places.backup, places.out].map(entryExists);
  if (!journal) {
    // Only a swap sets the previous output aside, and only after its journal is written: without one, that folder is
    // not thick's to judge.
    if (previous) throw new DataError(`${places.backup}: is there without the journal that says what in it is thick's; move what is yours into ${places.shown}, remove it, then run again`);
    // A build that never began its swap: the new folder holds nothing but files thick was writing.
    if (!staged) return [];
    rmSync(places.staging, { recursive: true, force: true });
    return [`${places.shown}: removed the unfinished output of an interrupted run; the previous output was left as it was`];
  }
  const warnings: string[] = [];
  if (previous) {
    // Past the turning point: forward to the new output.
    if (staged && current) throw new DataError(`${places.shown}: an interrupted run left ${places.staging} and ${places.backup}, and ${places.shown} exists again; move what is yours out of the two, remove them and ${places.journal}, then run again`);
    if (staged) renameSync(places.staging, places.out);
    warnings.push(`${places.shown}: finished the swap of an interrupted run`);
    for (const path of journal.carry) warnings.push(...carryOver(places, path));
    warnings.push(...removePrevious(places, journal));
  } else if (staged) {
    // Before it: the output folder is as it was, and the new folder holds only thick's files.
    if (!current && journal.hadOutput) throw new DataError(`${places.shown}: is gone, and an interrupted run left ${places.staging}; look through it, remove it and ${places.journal}, then run again`);
    rmSync(places.staging, { recursive: true, force: true });
    warnings.push(`${places.shown}: undid the unfinished swap of an interrupted run; the previous output was left as it was`);
  }
  unlinkSync(places.journal);
  return warnings;
}

/**
 * Remove the previous output from the folder it was set aside in: thick's files whose content still has the hash
 * the survey found (a file the user changed during the run stays), then the empty folders. Anything else there (a
 * file the user saved during the swap) is moved into the output folder where its name is free, else kept, and said.
 */
function removePrevious(places: OutPlaces, journal: Journal, onProgress?: OnProgress): string[] {
  const { backup } = places;
  if (!entryExists(backup)) return [];
  // Each file is read (its hash) and unlinked: 8 s for 10,000 files on a busy disk, so the stage remove counts them.
  const tick = progressTicker(onProgress, { stage: 'remove', unit: 'files', total: journal.own.length }, PROGRESS_EVERY / 4);
  journal.own.forEach((file, i) => {
    if (hashOfFile(join(backup, file.path)) === file.sha256) unlinkSync(join(backup, file.path));
    tick(i + 1);
  });
  if (hashOfFile(join(backup, MANIFEST)) !== null) unlinkSync(join(backup, MANIFEST));
  const folders = [...journal.containers].sort((a, b) => byCodePoint(b, a)); // deepest first
  const removeEmpty = () => [...folders.map((f) => join(backup, f)), backup].forEach(removeIfEmpty);
  removeEmpty();
  if (!entryExists(backup)) return [];
  for (const path of leftovers(backup, new Set(journal.containers))) {
    const home = join(places.out, path);
    if (!entryExists(home) && entryExists(dirname(home))) renameSync(join(backup, path), home);
  }
  removeEmpty();
  return entryExists(backup) ? [`${backup}: kept, because it holds files thick did not write whose names are taken in ${places.shown}; look through it and remove it`] : [];
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch (error) {
    if (!isSystemError(error) || !['ENOENT', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(error.code!)) throw error;
  }
}

/** The entries left in a folder, going into the containers only. */
function leftovers(root: string, containers: ReadonlySet<string>, rel = ''): string[] {
  return readdirSync(rel ? join(root, rel) : root)
    .sort(byCodePoint)
    .flatMap((name) => {
      const path = rel ? `${rel}/${name}` : name;
      return containers.has(path) && lstatSync(join(root, path)).isDirectory() ? leftovers(root, containers, path) : [path];
    });
}

/** A failed step in words, for the one line the CLI prints. */
export function stepFailure(places: OutPlaces, step: SwapStep, error: unknown): string {
  return `${places.shown}: cannot ${step.what} (${describeError(error)})`;
}
