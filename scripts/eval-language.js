#!/usr/bin/env node
// Accuracy of detectLanguage on the labeled samples in shared/data (German GermEval 2017, English airline tweets).
// Usage: npx tsc -p . && node scripts/eval-language.js [--errors N]
// The data folder is <repo>/../shared/data, or $THICK_SHARED_DATA; without it the script skips (exit 0).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { detectLanguage } from '../dist/annotate/language.js';
import { loadLexicons } from '../dist/cli/resources.js';

// The annotators read no files: their lexicons are loaded here and provided, as the CLI does.
loadLexicons();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.THICK_SHARED_DATA ?? join(root, '..', 'shared', 'data');
const errorsArg = process.argv.indexOf('--errors');
const showErrors = errorsArg >= 0 ? Number(process.argv[errorsArg + 1] ?? 20) : 0;

const sets = [
  { file: 'germeval2017-dev-tune.csv', gold: 'de' },
  { file: 'airline-tweets-tune.csv', gold: 'en' },
];

if (!existsSync(dataDir)) {
  console.log(`eval-language: skipped, no data folder at ${dataDir} (set THICK_SHARED_DATA)`);
  process.exit(0);
}

for (const { file, gold } of sets) {
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    console.log(`eval-language: skipped ${file}, not found in ${dataDir}`);
    continue;
  }
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true });
  const got = { de: 0, en: 0, other: 0 };
  const errors = [];
  for (const row of rows) {
    const lang = detectLanguage(row.text ?? '');
    got[lang] += 1;
    if (lang !== gold) errors.push(`  [${lang}] ${String(row.text).replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  // Throughput after warm-up: the texts again, five times.
  const texts = rows.map((row) => row.text ?? '');
  const t0 = performance.now();
  for (let round = 0; round < 5; round++) for (const text of texts) detectLanguage(text);
  const ms = performance.now() - t0;
  const avgChars = Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
  const acc = got[gold] / rows.length;
  console.log(
    `${file}: accuracy ${(acc * 100).toFixed(1)}% (${got[gold]}/${rows.length}, gold ${gold}) ` +
      `→ de ${got.de}, en ${got.en}, other ${got.other}; ` +
      `${Math.round((5 * texts.length) / (ms / 1000)).toLocaleString('en')} texts/s (avg ${avgChars} chars)`,
  );
  if (showErrors > 0) console.log(errors.slice(0, showErrors).join('\n'));
}
