#!/usr/bin/env node
// Measures thick's built-in sentiment analyser against the labelled samples in shared/data
// (non-commercial data: measured here, never shipped). Build first: `npx tsc -p .`.
//
//   node scripts/eval-sentiment.js            # both files
//   node scripts/eval-sentiment.js --errors 20  # also print 20 misclassified rows per file
//
// The data folder is ../shared/data next to the repository, or $THICK_SHARED_DATA.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { scoreSentiment } from '../dist/annotate/sentiment.js';
import { agreement } from '../dist/annotate/agreement.js';
import { loadLexicons } from '../dist/cli/resources.js';

// The annotators read no files: their lexicons are loaded here and provided, as the CLI does.
loadLexicons();

const LABELS = ['negative', 'neutral', 'positive'];
const SETS = [
  { file: 'airline-tweets-tune.csv', lang: 'en', name: 'English: airline tweets' },
  { file: 'germeval2017-dev-tune.csv', lang: 'de', name: 'German: GermEval 2017 (Deutsche Bahn)' },
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.THICK_SHARED_DATA ?? join(root, '..', 'shared', 'data');
const errorsArg = process.argv.indexOf('--errors');
const showErrors = errorsArg >= 0 ? Number(process.argv[errorsArg + 1] ?? 20) : 0;

if (!existsSync(dataDir)) {
  console.log(`eval-sentiment: skipped, no labelled data at ${dataDir} (set THICK_SHARED_DATA to measure).`);
  process.exit(0);
}

const pct = (x) => x.toFixed(3);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

for (const set of SETS) {
  const path = join(dataDir, set.file);
  if (!existsSync(path)) {
    console.log(`\n${set.name}: skipped, ${path} not found.`);
    continue;
  }
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true, relax_quotes: true });
  const gold = [];
  const predicted = [];
  const errors = [];
  for (const row of rows) {
    if (!LABELS.includes(row.label)) continue;
    const s = scoreSentiment(row.text ?? '', set.lang);
    gold.push(row.label);
    predicted.push(s.label);
    if (s.label !== row.label && errors.length < showErrors) errors.push({ gold: row.label, s, text: row.text });
  }
  const a = agreement(gold, predicted, LABELS);

  console.log(`\n${set.name} (${set.file})`);
  console.log(`  n ${a.n}   accuracy ${pct(a.accuracy)}   macro-F1 ${pct(a.macroF1)}   kappa ${pct(a.kappa)}`);
  console.log(`  ${pad('class', 10)}${lpad('precision', 10)}${lpad('recall', 8)}${lpad('F1', 7)}${lpad('support', 9)}`);
  for (const label of LABELS) {
    const c = a.perClass[label];
    console.log(`  ${pad(label, 10)}${lpad(pct(c.precision), 10)}${lpad(pct(c.recall), 8)}${lpad(pct(c.f1), 7)}${lpad(c.support, 9)}`);
  }
  console.log(`  confusion (rows gold, columns predicted)`);
  console.log(`  ${pad('', 10)}${a.confusion.labels.map((l) => lpad(l, 10)).join('')}`);
  a.confusion.matrix.forEach((row, i) => {
    console.log(`  ${pad(a.confusion.labels[i], 10)}${row.map((v) => lpad(v, 10)).join('')}`);
  });
  for (const e of errors) {
    console.log(`  ✗ gold ${e.gold}, got ${e.s.label} ${e.s.score.toFixed(2)}: ${e.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}
