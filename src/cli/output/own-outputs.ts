import { realpathSync } from 'node:fs';
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
 * The inputs less thick's own outputs. With -o the input folder and a glob, a second run would otherwise read its
 * own rejected.csv (or profiles.jsonl, customers.csv: anything the manifest lists) as data; those, the manifest, and
 * anything an interrupted run left beside the folder are skipped, each with a warning that names it.
 */
export function withoutOwnOutputs(files: readonly string[], outArg: string): { inputs: string[]; skipped: string[] } {
  const out = realOrNull(outArg);
  if (!out) return { inputs: [...files], skipped: [] };
  const shown = shownOf(outArg);
  const manifest = readManifest(out, shown);
  const { staging, backup } = placesOf(out);
  const inputs: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const real = realOrNull(file);
    const rel = real ? relative(out, real) : '';
    if (real && (inside(staging, real) || inside(backup, real))) skipped.push(`${file}: left by an interrupted thick run beside ${shown}; not read as input`);
    else if (real && inside(out, real) && rel === MANIFEST) skipped.push(`${file}: thick's list of the files it wrote; not read as input`);
    else if (real && inside(out, real) && !isAbsolute(rel) && manifest?.has(rel.split(sep).join('/'))) {
      skipped.push(`${file}: thick's own output (listed in ${join(shown, MANIFEST)}); not read as input`);
    } else inputs.push(file);
  }
  return { inputs, skipped };
}
