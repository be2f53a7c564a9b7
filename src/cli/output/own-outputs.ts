import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { MANIFEST, readManifest } from './manifest.js';
import { placesOf, shownOf } from './places.js';

/** The real path of a file, or null when there is none (ingest reports a missing input itself). */
function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

const inside = (folder: string, path: string) => path.startsWith(folder + sep);

/**
 * The first line of thick's own tables and profiles, each as it always starts: found where no manifest says so (an
 * output folder from before the manifest, a customers.csv copied beside the exports), a customers.csv would otherwise
 * be read as a contacts export and every customer counted twice.
 */
const OWN_HEADERS: readonly [RegExp, string][] = [
  [/^file,line,column,reason,raw\r?$/, 'rejected.csv'],
  [/^rank,id,name,slug,stage,attention,/, 'customers.csv'],
  [/^\{"id":.*"slug":.*"stage":/, 'profiles.jsonl'],
  [/^\{"thick":"state"/, 'thick-state.json'],
];

/** The first line of a file (its first 4 KB at most, a byte-order mark aside), or null when it cannot be read. */
function firstLine(path: string): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(4096);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    return text.replace(/^\uFEFF/, '').split('\n')[0]!;
  } catch {
    return null; // a folder or an unreadable file: ingest says what is wrong with it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Which of thick's outputs a file is by its first line, or null. */
function ownOutputByHeader(path: string): string | null {
  const line = firstLine(path);
  return line === null ? null : (OWN_HEADERS.find(([header]) => header.test(line))?.[1] ?? null);
}

/** Why a file is thick's own output in the output folder `out` (by the manifest, or left by a killed run), or null. */
function ownOutputIn(out: string, shown: string, manifest: ReturnType<typeof readManifest>, real: string): string | null {
  const { staging, backup } = placesOf(out);
  const rel = relative(out, real);
  if (inside(staging, real) || inside(backup, real)) return `left by an interrupted thick run beside ${shown}`;
  if (inside(out, real) && rel === MANIFEST) return "thick's list of the files it wrote";
  if (inside(out, real) && !isAbsolute(rel) && manifest?.has(rel.split(sep).join('/'))) return `thick's own output (listed in ${join(shown, MANIFEST)})`;
  return null;
}

/**
 * The inputs less thick's own outputs. With -o the input folder and a glob, a second run would otherwise read its
 * own rejected.csv (or profiles.jsonl, customers.csv: anything the manifest lists) as data; those, the manifest,
 * anything an interrupted run left beside the folder, and any file that starts as thick's tables do (where no
 * manifest lists it) are skipped, each with a warning that names it.
 */
export function withoutOwnOutputs(files: readonly string[], outArg: string): { inputs: string[]; skipped: string[] } {
  const out = realOrNull(outArg);
  const shown = shownOf(outArg);
  const manifest = out ? readManifest(out, shown) : null;
  const inputs: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const real = realOrNull(file);
    const byHeader = real ? ownOutputByHeader(real) : null;
    const why = real && out ? ownOutputIn(out, shown, manifest, real) : null;
    if (why) skipped.push(`${file}: ${why}; not read as input`);
    else if (byHeader) skipped.push(`${file}: thick's own output (it starts as every ${byHeader} thick writes); not read as input`);
    else inputs.push(file);
  }
  return { inputs, skipped };
}
