import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeError } from '../errno.js';
import { DataError } from '../pipeline.js';
import { attempt, entryExists, isSystemError } from './attempt.js';
import { settle, stepFailure, swapSteps, type Journal } from './commit.js';
import { checkFileList, type OutputFile } from './files.js';
import { takeLock } from './lock.js';
import { MANIFEST, manifestText, readManifest } from './manifest.js';
import { outPlaces, type OutPlaces } from './places.js';
import { surveyOutput, type Survey } from './survey.js';
import { progressTicker, type OnProgress } from '../../progress.js';

/** How many of the user's files a conflict message names before it counts the rest. */
const NAMED = 5;

/**
 * Write a run's files into the output folder safely: built beside it, then swapped in whole (commit.ts says why a
 * kill at any moment leaves one whole output). Only files thick wrote, by the manifest and their hash, are replaced or
 * removed; the user's files, folders and symlinks in the output folder survive as they are, and a link is never
 * followed. When the new output needs a name a user's entry has, nothing is changed and the run stops naming it.
 * Errors (disk full, read-only, permission) come as one line naming the path and the cause; the previous output stays
 * and the unfinished one is removed. Returns what the user should know.
 */
export function writeOutput(outArg: string, files: readonly OutputFile[]): string[] {
  return writeOutputKeeping(outArg, files).warnings;
}

/** writeOutput, also saying which of the user's entries the output folder kept (paths relative to it, as found). */
export function writeOutputKeeping(outArg: string, files: readonly OutputFile[], onProgress?: OnProgress): { warnings: string[]; kept: string[] } {
  checkFileList(files, [MANIFEST]);
  const places = outPlaces(outArg);
  const release = takeLock(places);
  try {
    const warnings = attempt(places.shown, 'finish what an interrupted run left beside it', () => settle(places));
    const journal = buildAside(places, files, onProgress);
    return { warnings: [...warnings, ...swap(places, journal)], kept: journal.carry };
  } finally {
    release();
  }
}

/**
 * Survey the output folder and build the new output in full beside it, changing nothing in the output folder; a
 * conflict with a user's entry stops here. Returns the journal of the swap that puts it in place.
 */
export function buildAside(places: OutPlaces, files: readonly OutputFile[], onProgress?: OnProgress): Journal {
  const survey = attempt(places.shown, 'look through the output folder', () => surveyOutput(places.out, readManifest(places.out, places.shown), files.map((f) => f.path)));
  if (survey.conflicts.length > 0) throw conflictError(places, survey.conflicts);
  build(places, files, survey, onProgress);
  return { hadOutput: survey.hadOutput, carry: survey.carry, own: survey.own, containers: survey.containers };
}

function conflictError(places: OutPlaces, conflicts: readonly string[]): DataError {
  const named = conflicts.slice(0, NAMED).map((c) => join(places.shown, c));
  const more = conflicts.length > NAMED ? ` and ${conflicts.length - NAMED} more` : '';
  return new DataError(
    `${places.shown}: thick changed nothing, because the new output needs names that hold files it did not write or that were changed since: ${named.join(', ')}${more}. Move or rename them (or choose another -o), then run again`,
  );
}

/** The new output, built in full in the staging folder; on any failure the staging folder goes and the output folder is as it was. */
function build(places: OutPlaces, files: readonly OutputFile[], survey: Survey, onProgress?: OnProgress): void {
  const unchanged = survey.hadOutput ? `; ${places.shown} is unchanged` : '; nothing was written';
  attempt(places.staging, 'create the folder the new output is built in', () => mkdirSync(places.staging));
  let writing = places.staging;
  const all = [...files, { path: MANIFEST, content: manifestText(files) }];
  const tick = progressTicker(onProgress, { stage: 'write', unit: 'files', total: all.length }, 32);
  try {
    for (const [done, file] of all.entries()) {
      writing = join(places.shown, file.path);
      mkdirSync(dirname(join(places.staging, file.path)), { recursive: true });
      // wx: the staging folder is new and thick's alone, so nothing there can be a link to follow or a file to replace.
      writeFileSync(join(places.staging, file.path), file.content, { flag: 'wx' });
      tick(done + 1);
    }
    writing = places.staging;
    for (const path of survey.carry) mkdirSync(dirname(join(places.staging, path)), { recursive: true });
    keepModes(places, survey);
  } catch (error) {
    rmSync(places.staging, { recursive: true, force: true });
    if (!isSystemError(error)) throw error;
    throw new DataError(`${writing}: cannot write (${describeError(error)})${unchanged}`);
  }
}

/** The new folders get the modes (and, where allowed, owners) of the folders they replace. */
function keepModes(places: OutPlaces, survey: Survey): void {
  for (const [path, { mode, uid, gid }] of survey.modes) {
    const folder = path ? join(places.staging, path) : places.staging;
    if (!entryExists(folder)) continue;
    chmodSync(folder, mode);
    try {
      chownSync(folder, uid, gid);
    } catch (error) {
      if (!isSystemError(error) || error.code !== 'EPERM') throw error;
    }
  }
}

/** Run the swap's steps; a failure before the new output is in place puts everything back and stops the run. */
function swap(places: OutPlaces, journal: Journal): string[] {
  const warnings: string[] = [];
  for (const step of swapSteps(places, journal)) {
    try {
      warnings.push(...(step.run() ?? []));
    } catch (error) {
      if (!isSystemError(error)) throw error;
      if (step.committed) return [...warnings, `${stepFailure(places, step, error)}; the new output is in place, and the next run finishes the rest`];
      let undone = `; ${places.shown} is unchanged`;
      try {
        settle(places);
      } catch (undo) {
        undone = `; undoing it failed too (${undo instanceof DataError ? undo.message : describeError(undo)}), and the next run into ${places.shown} tries again`;
      }
      throw new DataError(`${stepFailure(places, step, error)}${undone}`);
    }
  }
  return warnings;
}
