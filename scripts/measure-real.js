#!/usr/bin/env node
// `npm run measure`: scripts/report-shares.js on the demo and on each real export in ../shared/real (or
// $THICK_SHARED_REAL): identity, record kinds, dialog, mean rating per stage, opener and blind-spot template shares,
// the index's top 10. Skips a set whose files are absent. Build first (`npm run measure` does).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const real = process.env.THICK_SHARED_REAL ?? join(root, '..', 'shared', 'real');
const demo = ['contacts', 'notes', 'orders', 'social', 'tickets'].map((f) => join(root, 'fixtures', 'demo', `${f}.csv`));
const olist = ['customers', 'orders', 'order_items', 'order_reviews'].map((f) => join(real, 'olist-3000', `olist_${f}_dataset.csv`));
const SETS = [
  { name: 'demo', files: demo, args: ['--brand', 'nordlicht.kaffee', '--brand', 'nordlichtkaffee'] },
  { name: 'Customer Support on Twitter', files: [join(real, 'twcs-conversations-3453.csv')], args: [] },
  { name: 'Amazon fine food reviews', files: [join(real, 'amazon-fine-food-1963.csv')], args: [] },
  { name: 'E.ON app reviews', files: [join(real, 'eon-playstore-reviews-de-5180.csv')], args: [] },
  { name: 'Olist (four files)', files: olist, args: [] },
];

let failed = 0;
for (const set of SETS) {
  console.log(`\n=== ${set.name} ===`);
  if (!set.files.every(existsSync)) {
    console.log(`skipped: ${set.files.filter((f) => !existsSync(f)).join(', ')} not found`);
    continue;
  }
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'report-shares.js'), ...set.files, ...set.args, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
