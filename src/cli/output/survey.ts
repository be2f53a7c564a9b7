import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { byCodePoint } from '../../collation.js';
import { GENERATED_MARK } from '../../report/customer.js';
import { entryExists } from './attempt.js';
import { foldersOf } from './files.js';
import { hashOfFile, MANIFEST, type Manifest } from './manifest.js';
import { PROGRESS_EVERY, progressTicker, type OnProgress } from '../../progress.js';

/** A file thick wrote and may remove: its path in the output folder and the hash it had when thick checked it. */
export interface OwnFile {
  path: string;
  sha256: string;
}

/** A folder's mode and owner, given to the folder that replaces it. */
export interface FolderMode {
  mode: number;
  uid: number;
  gid: number;
}

/** What is in the output folder before a run replaces it, entry by entry: thick's, or the user's. */
export interface Survey {
  hadOutput: boolean;
  /** thick's files of the previous run, unchanged since: these, and only these, are removed. */
  own: OwnFile[];
  /** The user's entries (files, folders, symlinks, each as a whole), moved into the new output as they are. */
  carry: string[];
  /** Folders thick's files live in (before or after): rebuilt in the new output, the user's entries in them carried one by one. */
  containers: string[];
  /** The user's entries the new output cannot live beside, each with why; any of them stops the run. */
  conflicts: string[];
  /** The modes of the output folder ('') and of its containers as they were. */
  modes: Map<string, FolderMode>;
}

/**
 * Survey the output folder without following any symbolic link. A file is thick's only when the manifest lists it and
 * its content still has the listed hash; everything else is the user's and survives the swap. A user's entry at a
 * name the new output needs is a conflict: thick stops before changing anything rather than replace it.
 */
export function surveyOutput(out: string, manifest: Manifest | null, newPaths: readonly string[], onProgress?: OnProgress): Survey {
  const survey: Survey = { hadOutput: entryExists(out), own: [], carry: [], containers: [], conflicts: [], modes: new Map() };
  if (!survey.hadOutput) return survey;
  // Hashing the previous run's files takes a second at 100k events: the stage check counts the files the manifest lists.
  const tick = manifest && manifest.size > 0 ? progressTicker(onProgress, { stage: 'check', unit: 'files', total: manifest.size }, PROGRESS_EVERY / 4) : () => {};
  let checked = 0;
  const newFolders = new Set(newPaths.flatMap(foldersOf));
  const needed = new Set([...newPaths, ...newFolders]);
  const containers = new Set([...newPaths, ...(manifest?.keys() ?? [])].flatMap(foldersOf));
  survey.containers = [...containers].sort(byCodePoint);
  const outDev = lstatSync(out).dev;
  const visit = (rel: string, stat: Stats): void => {
    survey.modes.set(rel, { mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid });
    for (const name of readdirSync(rel ? join(out, rel) : out).sort(byCodePoint)) {
      const path = rel ? `${rel}/${name}` : name;
      if (path === MANIFEST) continue; // the previous run's manifest: the new one replaces it
      const entry = lstatSync(join(out, path));
      if (containers.has(path) && entry.isDirectory() && entry.dev === outDev) {
        visit(path, entry);
        continue;
      }
      const listed = manifest?.get(path);
      if (listed !== undefined) tick(++checked);
      if (listed !== undefined && entry.isFile() && hashOfFile(join(out, path)) === listed) {
        survey.own.push({ path, sha256: listed });
        continue;
      }
      survey.carry.push(path);
      const why = needed.has(path) ? whyNotThicks(join(out, path), entry, listed, manifest === null, newFolders.has(path)) : entry.dev !== outDev ? 'a mount point, which thick cannot move into the new output' : null;
      if (why) survey.conflicts.push(`${path} (${why})`);
    }
  };
  visit('', lstatSync(out));
  // Files the manifest lists that are gone were checked too: there was nothing to hash.
  if (manifest) tick(manifest.size);
  return survey;
}

/** Why an entry at a name the new output needs is not thick's to replace, in words for the error message. */
function whyNotThicks(path: string, entry: Stats, listed: string | undefined, noManifest: boolean, folderNeeded: boolean): string {
  if (entry.isSymbolicLink()) return `a symbolic link to ${readlinkSync(path)}; thick never writes through a link`;
  if (folderNeeded) return entry.isDirectory() ? 'a mount point, which thick cannot replace' : 'not a folder, where thick writes a folder';
  if (entry.isDirectory()) return 'a folder, where thick writes a file';
  if (listed !== undefined) return entry.isFile() ? 'changed since thick wrote it' : 'not a regular file';
  if (noManifest && entry.isFile() && readFileSync(path, 'utf8').includes(GENERATED_MARK)) return 'written by an earlier thick that kept no list of its files, so it may have been edited';
  return 'not written by thick';
}
