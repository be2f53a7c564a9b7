// Agreement of thick's stemmers with natural's (the stemmers the codebook's stem patterns and the trained model's
// features were made with) on every word of the measuring data in ../shared/data and ../shared/real (or
// $THICK_SHARED_DATA, $THICK_SHARED_REAL). Prints counts only, never a word: that data is for measuring.
// Needs natural, a dev dependency: `npm run build && node scripts/compare-stemmers.js`.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../dist/annotate/text/fold.js';
import { porterStemEnglish } from '../dist/annotate/text/porter-en.js';
import { snowballStemGerman } from '../dist/annotate/text/snowball-de.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const naturalEnglish = require('natural/lib/natural/stemmers/porter_stemmer.js');
const naturalGerman = require('natural/lib/natural/stemmers/porter_stemmer_de.js');

const folders = [
  process.env.THICK_SHARED_DATA ?? join(root, '..', 'shared', 'data'),
  process.env.THICK_SHARED_REAL ?? join(root, '..', 'shared', 'real'),
];

function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Each word as written (lower case) and folded, the two forms thick stems. */
function wordsOf(files) {
  const words = new Set();
  for (const file of files) {
    for (const [word] of readFileSync(file, 'utf8').toLowerCase().matchAll(/[\p{L}\p{N}'’-]+/gu)) {
      words.add(word);
      words.add(fold(word));
    }
  }
  return words;
}

function agreement(words, ours, theirs) {
  let differ = 0;
  for (const word of words) if (ours(word) !== theirs(word)) differ++;
  return `${words.size - differ} of ${words.size} agree (${(((words.size - differ) / words.size) * 100).toFixed(3)} %), ${differ} differ`;
}

for (const folder of folders) {
  if (!existsSync(folder)) {
    console.log(`compare-stemmers: skipped ${folder} (not found)`);
    continue;
  }
  const files = filesUnder(folder).filter((f) => /\.(csv|md|txt|json|jsonl)$/.test(f));
  const words = wordsOf(files);
  console.log(`${folder}: ${files.length} files, ${words.size} distinct words`);
  console.log(`  English: ${agreement(words, porterStemEnglish, (w) => naturalEnglish.stem(w))}`);
  console.log(`  German:  ${agreement(words, snowballStemGerman, (w) => naturalGerman.stem(w))}`);
}
