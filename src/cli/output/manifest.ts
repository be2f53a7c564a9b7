import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byCodePoint } from '../../collation.js';
import { DataError } from '../pipeline.js';
import { failure, isSystemError } from './attempt.js';
import { isPlainPath, type OutputFile } from './files.js';
import { jsonText } from '../../profile/record.js';

/**
 * The manifest: what thick wrote in the output folder, each file with the SHA-256 of its content. A file is thick's
 * (to replace or remove) only while the manifest lists it and its content still has that hash; a Markdown report
 * carries GENERATED_MARK too, but JSONL and CSV cannot, and a marker survives a user's edit or copy.
 */
export const MANIFEST = '.thick-manifest.json';

/** path → SHA-256 (hex) of what thick wrote there. */
export type Manifest = ReadonlyMap<string, string>;

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

/** The manifest of a list of files: sorted by path, one file a line, nothing that changes between runs. */
export function manifestText(files: readonly OutputFile[]): string {
  return manifestOf(files.map((f) => ({ path: f.path, sha256: sha256(f.content) })));
}

/** The manifest of files whose hashes were taken as they were written. */
export function manifestOf(written: readonly { path: string; sha256: string }[]): string {
  const lines = [...written]
    .sort((a, b) => byCodePoint(a.path, b.path))
    .map(({ path, sha256 }) => `    ${jsonText({ path, sha256 })}`);
  const about = 'The files thick wrote in this folder and the SHA-256 of each. thick replaces or removes a file only while it is listed here and unchanged.';
  return `{\n  "about": ${JSON.stringify(about)},\n  "files": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** The manifest of an output folder; null when it has none. One thick cannot read stops the run: it cannot tell its files from the user's. */
export function readManifest(out: string, shown: string): Manifest | null {
  const path = join(out, MANIFEST);
  const shownPath = join(shown, MANIFEST);
  let text: string;
  try {
    if (lstatSync(path).isSymbolicLink()) throw new DataError(`${shownPath}: is a symbolic link, not thick's list of its files; remove it, or move the folder's files away`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return null;
    throw failure(shownPath, "read thick's list of the files it wrote", error);
  }
  const files = parseManifest(text);
  if (!files) throw new DataError(`${shownPath}: is not a list of files thick wrote, so thick cannot tell its files from yours; restore it, or move the folder's files away`);
  return files;
}

function parseManifest(text: string): Map<string, string> | null {
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    if (!Array.isArray(parsed.files)) return null;
    const files = new Map<string, string>();
    for (const entry of parsed.files as { path?: unknown; sha256?: unknown }[]) {
      if (typeof entry?.path !== 'string' || typeof entry.sha256 !== 'string' || !isPlainPath(entry.path)) return null;
      files.set(entry.path, entry.sha256);
    }
    return files;
  } catch {
    return null;
  }
}

/** The SHA-256 of a regular file, read without following a symbolic link; null for anything else. */
export function hashOfFile(path: string): string | null {
  let fd: number;
  try {
    // O_NONBLOCK: a named pipe put where a report was must not hang the run.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (isSystemError(error) && ['ELOOP', 'ENOENT', 'ENOTDIR'].includes(error.code!)) return null;
    throw error;
  }
  try {
    return fstatSync(fd).isFile() ? sha256(readFileSync(fd)) : null;
  } finally {
    closeSync(fd);
  }
}
