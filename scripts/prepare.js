#!/usr/bin/env node
// npm runs `prepare` after `npm ci` / `npm install` in a checkout of thick (never when a user installs the packed
// package: that ships dist/ built). It builds dist/ with TypeScript, a dev dependency. `npm ci --omit=dev` in a
// checkout has no TypeScript, and failing the whole install there (exit 127) helps nobody: say what to do instead.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.warn('thick: TypeScript is not installed (--omit=dev), so dist/ was not built; run `npm ci` to build, or install the packed package (`npm pack`)');
  process.exit(0);
}
const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
process.exit(build.status ?? 1);
