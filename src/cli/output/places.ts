import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { DataError } from '../pipeline.js';
import { attempt, entryExists } from './attempt.js';

/**
 * Where a run's output goes, and the hidden siblings it is built and swapped through. The siblings sit in the
 * output folder's own parent, so they are on its file system and a rename moves a whole folder at once.
 */
export interface OutPlaces {
  /** The output folder as the user named it (-o), for messages. */
  shown: string;
  /** Its real path: a symlinked -o (or a symlink on the way to it) is resolved once, here. */
  out: string;
  parent: string;
  /** Where the new output is built: `.<name>.thick-new`. */
  staging: string;
  /** Where the previous output waits while the new one is swapped in: `.<name>.thick-old`. */
  backup: string;
  /** What a swap under way has moved and will remove, so a later run can finish or undo it: `.<name>.thick-commit.json`. */
  journal: string;
  /** Which process is writing this output now: `.<name>.thick-lock`. */
  lock: string;
}

/** -o as the user wrote it, less a trailing slash, for messages. */
export const shownOf = (outArg: string): string => (outArg.length > 1 ? outArg.replace(/\/+$/, '') : outArg);

/** The places of an output folder given by its real path. */
export function placesOf(out: string, shown = out): OutPlaces {
  const parent = dirname(out);
  const sibling = (what: string) => join(parent, `.${basename(out)}.thick-${what}`);
  return { shown, out, parent, staging: sibling('new'), backup: sibling('old'), journal: sibling('commit.json'), lock: sibling('lock') };
}

/**
 * Resolve -o. A missing folder's parent is created (unless `createParent` is false, for the check before the
 * analysis). A symlink given as -o is followed once, to the folder it names, which is then replaced as a whole while
 * the link itself stays as it is; symlinks inside the output folder are never followed (survey.ts). A folder thick
 * cannot swap stops the run before anything is written: a mount point (a rename cannot move it), and the folder the
 * command runs in (the shell would be left in a removed folder).
 */
export function outPlaces(outArg: string, createParent = true): OutPlaces {
  const shown = shownOf(outArg);
  const out = realOutFolder(outArg, shown, createParent);
  const places = placesOf(out, shown);
  if (out === places.parent) throw new DataError(`${shown}: thick cannot replace the root folder; give a folder inside it for -o`);
  if (entryExists(out) && statSync(out).dev !== statSync(places.parent).dev) {
    throw new DataError(`${shown}: is a mount point, and thick swaps its output folder in whole by renaming it, which a mount point does not allow; give a folder inside it, e.g. -o ${join(shown, 'reports')}`);
  }
  const here = process.cwd();
  if (here === out || here.startsWith(out + sep)) {
    throw new DataError(`${shown}: is the folder this command runs in, and thick replaces its output folder as a whole (your shell would be left in a removed folder); run it from ${places.parent} or choose another -o`);
  }
  return places;
}

function realOutFolder(outArg: string, shown: string, createParent: boolean): string {
  if (!entryExists(outArg)) {
    const absolute = resolve(outArg);
    let ancestor = dirname(absolute);
    while (!entryExists(ancestor)) ancestor = dirname(ancestor);
    if (!attempt(ancestor, 'look at the folder', () => statSync(ancestor).isDirectory())) throw new DataError(`${shown}: cannot be created, because ${ancestor} is a file, not a folder`);
    if (!createParent) return absolute;
    attempt(dirname(absolute), 'create the folder', () => mkdirSync(dirname(absolute), { recursive: true }));
    return join(realpathSync(dirname(absolute)), basename(absolute));
  }
  const real = attempt(shown, 'resolve the output folder', () => {
    try {
      return realpathSync(outArg);
    } catch (error) {
      if (lstatSync(outArg).isSymbolicLink()) throw new DataError(`${shown}: is a symbolic link to a folder that does not exist; create that folder or remove the link`);
      throw error;
    }
  });
  if (!statSync(real).isDirectory()) throw new DataError(`${shown}: is a file, not a folder; give a folder for -o`);
  return real;
}
