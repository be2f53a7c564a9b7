#!/usr/bin/env node
// How long thick takes to answer before any work: --version, --help and a command's --help, each run as a fresh
// process (what a user or a shell script pays), N times, median and 90th percentile in milliseconds.
//
//   node scripts/startup.js        # 20 runs each
//   node scripts/startup.js 50     # more
//
// Run after `npm run build`. A figure for a person to read, never a test: wall time on a shared machine varies.

import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/thick.js', import.meta.url));
const CASES = [['--version'], ['--help'], ['analyze', '--help']];

/** The `p`th percentile (0..1) of already sorted values, nearest rank. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** Wall time of one `node …` in ms; a failed run ends the benchmark, since its time would mean nothing. */
function timeOnce(nodeArgs) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, nodeArgs, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** Median and p90 of `runs` timed starts of `node <nodeArgs>`, after one untimed run (the file cache warms). */
function measure(nodeArgs, runs) {
  timeOnce(nodeArgs);
  const times = Array.from({ length: runs }, () => timeOnce(nodeArgs)).sort((a, b) => a - b);
  return `median ${percentile(times, 0.5).toFixed(0)} ms, p90 ${percentile(times, 0.9).toFixed(0)} ms`;
}

/**
 * The lines `npm run bench` and this script print: one per case, and first Node's own start (`node -e 0`), the floor
 * no change to thick can go below.
 */
export function startupLines(runs = 20) {
  return [
    // Other work on the machine slows every start alike: the load says how far to trust the figures.
    `startup, ${runs} runs each (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores):`,
    `  node -e 0 (the floor): ${measure(['-e', '0'], runs)}`,
    ...CASES.map((args) => `  thick ${args.join(' ')}: ${measure([BIN, ...args], runs)}`),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 20);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`startup: the run count must be a positive integer, got "${process.argv[2]}"`);
    process.exit(2);
  }
  for (const line of startupLines(runs)) console.log(line);
}
