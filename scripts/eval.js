#!/usr/bin/env node
// `npm run eval`: thick's text analysis measured against the labeled sets in ../shared/data (or $THICK_SHARED_DATA)
// and against our own code labels of real texts in ../shared/real (or $THICK_SHARED_REAL): language accuracy,
// sentiment agreement, code precision/recall, throughput.
// Each part skips with a message when the data is absent. `npm run eval` builds first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const parts = ['eval-language.js', 'eval-sentiment.js', 'eval-codes.js', 'eval-codes-real.js', 'check-shared-overlap.js', 'bench.js'];
let failed = 0;
for (const part of parts) {
  console.log(`\n=== ${part.replace(/\.js$/, '')} ===`);
  const run = spawnSync(process.execPath, [fileURLToPath(new URL(part, import.meta.url)), ...(part === 'bench.js' ? ['50000'] : [])], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
