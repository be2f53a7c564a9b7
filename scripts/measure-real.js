#!/usr/bin/env node
// `npm run measure`: scripts/report-shares.js on the demo and on each real export in ../shared/real (or
// $THICK_SHARED_REAL): identity, record kinds, dialog, mean rating per stage, opener and blind-spot template shares,
// the index's top 10. Skips a set whose files are absent. Build first (`npm run measure` does).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETS } from './real-sets.js';

let failed = 0;
for (const set of SETS) {
  console.log(`\n=== ${set.name} ===`);
  if (!set.files.every(existsSync)) {
    console.log(`skipped: ${set.files.filter((f) => !existsSync(f)).join(', ')} not found`);
    continue;
  }
  const run = spawnSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'report-shares.js'), ...set.files, ...set.args, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
