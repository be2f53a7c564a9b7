#!/usr/bin/env node
// Guard for the rule "data/ and real/ are for measuring only": lists every line of the project's own text (src,
// test, fixtures, codebooks, eval, scripts, README) that shares a run of six words with a file in ../shared/real or
// ../shared/data (or $THICK_SHARED_REAL / $THICK_SHARED_DATA). Common phrases ("I've been on hold for an") show up
// too; read the list, rewrite what was copied. Skips with a message when neither folder is there.
//
//   node scripts/check-shared-overlap.js          # six words
//   node scripts/check-shared-overlap.js 5        # five
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = [process.env.THICK_SHARED_REAL ?? join(root, '..', 'shared', 'real'), process.env.THICK_SHARED_DATA ?? join(root, '..', 'shared', 'data')].filter(existsSync);
const size = Number(process.argv[2] ?? 6);
if (shared.length === 0) {
  console.log('skipped: neither ../shared/real nor ../shared/data is here');
  process.exit(0);
}

const words = (text) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
const runs = (list) => list.slice(0, Math.max(0, list.length - size + 1)).map((_, i) => list.slice(i, i + size).join(' '));

function* filesUnder(path, keep) {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    if (keep(path)) yield path;
    return;
  }
  for (const name of readdirSync(path)) if (name !== 'node_modules' && !name.startsWith('.')) yield* filesUnder(join(path, name), keep);
}

const theirs = new Set();
for (const folder of shared) {
  for (const file of filesUnder(folder, (p) => /\.(csv|tsv|txt|jsonl?)$/i.test(p))) for (const run of runs(words(readFileSync(file, 'utf8')))) theirs.add(run);
}

const ours = ['src', 'test', 'fixtures', 'codebooks', 'eval', 'scripts', 'README.md'].flatMap((p) => [...filesUnder(join(root, p), () => true)]);
let found = 0;
for (const file of ours) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const shared = runs(words(line)).find((run) => theirs.has(run));
      if (!shared) return;
      found++;
      console.log(`${relative(root, file)}:${i + 1}: "${shared}"`);
    });
}
console.log(`${found} line(s) share a run of ${size} words with ${shared.join(' and ')}`);
