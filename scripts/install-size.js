#!/usr/bin/env node
// What a user's production install of thick weighs: the package as `npm pack` builds it, installed with
// `npm install --omit=dev` into an empty folder (what `npm install -g thick` or a project dependency does), measured
// as the bytes on disk of that node_modules, and the largest packages in it. Needs the npm registry.
//
//   npm run build && node scripts/install-size.js
//
// A figure for a person to read (issue 10's target: at most 20 MB), never a test: it depends on the registry.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Bytes on disk below `path` (allocated blocks, as `du` counts them), links not followed. */
function diskBytes(path) {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.blocks * 512;
  return readdirSync(path).reduce((sum, name) => sum + diskBytes(join(path, name)), stat.blocks * 512);
}

/** Every package folder in node_modules (scoped ones as "@scope/name") with its bytes on disk. */
function packages(modules) {
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((sub) => `${name}/${sub}`) : [name]))
    .map((name) => ({ name, bytes: diskBytes(join(modules, name)) }))
    .sort((a, b) => b.bytes - a.bytes);
}

const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'thick-install-'));
try {
  const tarball = npm(['pack', '--silent', '--pack-destination', dir], ROOT).trim().split('\n').at(-1);
  writeFileSync(join(dir, 'package.json'), '{"name":"install-size","private":true}\n');
  npm(['install', '--omit=dev', '--no-audit', '--no-fund', join(dir, tarball)], dir);
  const modules = join(dir, 'node_modules');
  const all = packages(modules);
  console.log(`production install: ${MB(diskBytes(modules))} in ${all.length} packages (tarball ${MB(statSync(join(dir, tarball)).size)})`);
  for (const { name, bytes } of all.slice(0, 6)) console.log(`  ${name.padEnd(28)} ${MB(bytes)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
