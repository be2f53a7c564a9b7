import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeError } from '../errno.js';
import { DataError } from '../pipeline.js';
import { attempt, entryExists, isSystemError } from './attempt.js';
import { settle, stepFailure, swapSteps, type Journal } from './commit.js';
import { checkFileList, planOf, type OutputFile, type OutputPlan } from './files.js';
import { takeLock } from './lock.js';
import { MANIFEST, manifestOf, readManifest, sha256 } from './manifest.js';
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
export function writeOutput(outArg: string, files: readonly OutputFile[] | OutputPlan): string[] {
  return writeOutputKeeping(outArg, files).warnings;
}

/** writeOutput, also saying which of the user's entries the output folder kept (paths relative to it, as found). */
export function writeOutputKeeping(outArg: string, output: readonly OutputFile[] | OutputPlan, onProgress?: OnProgress): { warnings: string[]; kept: string[] } {
  const plan = asPlan(output);
  checkFileList(plan.paths, [MANIFEST]);
  const places = outPlaces(outArg);
  const release = takeLock(places);
  try {
    const warnings = attempt(places.shown, 'finish what an interrupted run left beside it', () => settle(places));
    const journal = buildAside(places, plan, onProgress);
    return { warnings: [...warnings, ...swap(places, journal, onProgress)], kept: journal.carry };
  } finally {
    release();
  }
}

/**
 * Survey the output folder and build the new output in full beside it, changing nothing in the output folder; a
 * conflict with a user's entry stops here. Returns the journal of the swap that puts it in place.
 */
export function buildAside(places: OutPlaces, output: readonly OutputFile[] | OutputPlan, onProgress?: OnProgress): Journal {
  const plan = asPlan(output);
  const survey = attempt(places.shown, 'look through the output folder', () => surveyOutput(places.out, readManifest(places.out, places.shown), plan.paths, onProgress));
  if (survey.conflicts.length > 0) throw conflictError(places, survey.conflicts);
  build(places, plan, survey, onProgress);
  return { hadOutput: survey.hadOutput, carry: survey.carry, own: survey.own, containers: survey.containers };
}

function conflictError(places: OutPlaces, conflicts: readonly string[]): DataError {
  const named = conflicts.slice(0, NAMED).map((c) => join(places.shown, c));
  const more = conflicts.length > NAMED ? ` and ${conflicts.length - NAMED} more` : '';
  return new DataError(
    `${places.shown}: thick changed nothing, because the new output needs names that hold files it did not write or that were changed since: ${named.join(', ')}${more}. Move or rename them (or choose another -o), then run again`,
  );
}

const asPlan = (output: readonly OutputFile[] | OutputPlan): OutputPlan => ('paths' in output ? output : planOf(output));

/**
 * The new output, built in full in the staging folder, each file made, written and hashed in turn and then let go;
 * on any failure the staging folder goes and the output folder is as it was.
 */
function build(places: OutPlaces, plan: OutputPlan, survey: Survey, onProgress?: OnProgress): void {
  const unchanged = survey.hadOutput ? `; ${places.shown} is unchanged` : '; nothing was written';
  attempt(places.staging, 'create the folder the new output is built in', () => mkdirSync(places.staging));
  let writing = places.staging;
  // Pages are rendered as they are written (the plan's files are made one by one), so one count tells both. Every
  // file reports: the last few (customers.csv, profiles.jsonl, the handout) take a second each at 100k events, and
  // the renderer draws at most every REDRAW_MS anyway.
  const tick = progressTicker(onProgress, { stage: 'write', unit: 'files', total: plan.paths.length }, 1);
  try {
    const put = stagingWriter(places.staging, (path) => (writing = join(places.shown, path)));
    const written: { path: string; sha256: string }[] = [];
    for (const file of plan.files()) {
      const listed = plan.paths[written.length];
      if (file.path !== listed) throw new Error(`output file ${JSON.stringify(file.path)} comes where the plan lists ${JSON.stringify(listed)}`);
      written.push({ path: file.path, sha256: put(file) });
      tick(written.length);
    }
    if (written.length !== plan.paths.length) throw new Error(`the plan lists ${plan.paths.length} output files, but ${written.length} were made`);
    put({ path: MANIFEST, content: manifestOf(written) });
    writing = places.staging;
    for (const path of survey.carry) mkdirSync(dirname(join(places.staging, path)), { recursive: true });
    keepModes(places, survey);
  } catch (error) {
    rmSync(places.staging, { recursive: true, force: true });
    if (!isSystemError(error)) throw error;
    throw new DataError(`${writing}: cannot write (${describeError(error)})${unchanged}`);
  }
}

/**
 * Writes one file into the staging folder and returns the SHA-256 of what it wrote: the content is encoded once, for
 * the hash and the write alike, and each folder is made once, not once per file. `onPath` hears which file is being
 * written, for the error message.
 */
function stagingWriter(staging: string, onPath: (path: string) => void): (file: OutputFile) => string {
  const made = new Set<string>();
  return ({ path, content }) => {
    onPath(path);
    const folder = dirname(path);
    if (folder !== '.' && !made.has(folder)) {
      mkdirSync(join(staging, folder), { recursive: true });
      made.add(folder);
    }
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    // wx: the staging folder is new and thick's alone, so nothing there can be a link to follow or a file to replace.
    writeFileSync(join(staging, path), bytes, { flag: 'wx' });
    return sha256(bytes);
  };
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
function swap(places: OutPlaces, journal: Journal, onProgress?: OnProgress): string[] {
  const warnings: string[] = [];
  for (const step of swapSteps(places, journal, onProgress)) {
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
