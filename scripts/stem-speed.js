// Speed of thick's stemmers against natural's (a dev dependency, what stem() used before): 1M tokens, the words
// of the demo fixtures repeated, each stemmed without a cache; then stem() itself, with its cache, on the same
// tokens. `npm run build && node scripts/stem-speed.js`.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { porterStemEnglish } from '../dist/annotate/text/porter-en.js';
import { snowballStemGerman } from '../dist/annotate/text/snowball-de.js';
import { stem } from '../dist/annotate/text/stem.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const naturalEnglish = require('natural/lib/natural/stemmers/porter_stemmer.js');
const naturalGerman = require('natural/lib/natural/stemmers/porter_stemmer_de.js');

const demo = join(root, 'fixtures', 'demo');
const text = readdirSync(demo)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => readFileSync(join(demo, f), 'utf8'))
  .join(' ');
const words = [...text.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]);
const tokens = Array.from({ length: 1_000_000 }, (_, i) => words[i % words.length]);

function ms(stemmer) {
  const start = process.hrtime.bigint();
  for (const token of tokens) stemmer(token);
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`;
}

console.log(`1,000,000 tokens (${new Set(tokens).size} distinct words of fixtures/demo)`);
for (let round = 1; round <= 3; round++) {
  console.log(
    `round ${round}: English natural ${ms((w) => naturalEnglish.stem(w))}, thick ${ms(porterStemEnglish)}; ` +
      `German natural ${ms((w) => naturalGerman.stem(w))}, thick ${ms(snowballStemGerman)}; ` +
      `stem() cached: en ${ms((w) => stem(w, 'en'))}, de ${ms((w) => stem(w, 'de'))}`,
  );
}
