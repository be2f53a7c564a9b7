#!/usr/bin/env node
// `npm run measure:pages [-- --lang de]`: the pages thick writes for the demo and each real export, as a consultant
// gets them (`analyze --format both --handout`): run time, files written, lines of index.md and handout.md, the
// length of the customer reports (median, 95th percentile, longest), timeline rows, charts drawn, and whether every
// link of every page resolves to a written file. Build first (`npm run measure:pages` does).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { root, SETS } from './real-sets.js';

const extra = process.argv.slice(2);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const lines = (text) => text.split('\n').length;
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Relative links of a Markdown or HTML page that point at no written file. */
function deadLinks(page, text, written) {
  // Markdown links are "](target)" not escaped as text ("\\]"); HTML links are href attributes (text is entity-escaped).
  const link = page.endsWith('.html') ? /href="([^"#]+)"/g : /(?<!\\)\]\(([^)\s]+)\)/g;
  const targets = [...text.matchAll(link)].map((m) => m[1]).filter((t) => !/^[a-z]+:/i.test(t));
  return targets.filter((t) => !written.has(join(dirname(page), decodeURI(t))));
}

/** The rows of the timelines drawn as text in a Markdown report (the lines of its fenced timeline block). */
function timelineRows(text) {
  const block = text.split(/\n(?:Timeline|Zeitverlauf): `/)[1];
  return block ? block.split('```text\n')[1].split('\n```')[0].split('\n').length : 0;
}

function measure(set) {
  const out = mkdtempSync(join(tmpdir(), 'thick-pages-'));
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin', 'thick.js'), 'analyze', ...set.files, ...set.args, '--format', 'both', '--handout', '--json', '-q', '-o', out, ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${set.name}: exit ${run.status}\n${run.stderr}`);
  const files = filesUnder(out);
  const written = new Set(files);
  const reports = files.filter((f) => f.includes(`${join(out, 'customers')}/`) && f.endsWith('.md')).map((f) => readFileSync(f, 'utf8'));
  const sizes = reports.map(lines).sort((a, b) => a - b);
  const pages = files.filter((f) => f.endsWith('.md') || f.endsWith('.html'));
  const dead = pages.flatMap((f) => deadLinks(f, readFileSync(f, 'utf8'), written).map((t) => `${relative(out, f)} → ${t}`));
  const index = readFileSync(join(out, 'index.md'), 'utf8');
  const csvHeader = readFileSync(join(out, 'customers.csv'), 'utf8').split('\n')[0];
  const result = {
    seconds: Math.round(seconds * 10) / 10,
    files: files.length,
    customers: JSON.parse(run.stdout).customers,
    'index.md lines': lines(index),
    'handout.md lines': lines(readFileSync(join(out, 'handout.md'), 'utf8')),
    'report lines (median / p95 / max)': `${quantile(sizes, 0.5)} / ${quantile(sizes, 0.95)} / ${sizes.at(-1)}`,
    'timeline rows (max)': Math.max(0, ...reports.map(timelineRows)),
    'SVG charts in index.html': (readFileSync(join(out, 'index.html'), 'utf8').match(/<svg/g) ?? []).length,
    'customers.csv columns': csvHeader.split(',').length,
    'dead links': dead.length,
  };
  rmSync(out, { recursive: true, force: true });
  if (dead.length > 0) console.log(dead.slice(0, 5).join('\n'));
  return result;
}

let failed = 0;
for (const set of SETS) {
  console.log(`\n=== ${set.name} ===`);
  if (!set.files.every(existsSync)) {
    console.log('skipped: files not found');
    continue;
  }
  const result = measure(set);
  for (const [key, value] of Object.entries(result)) console.log(`${key}: ${value}`);
  if (result['dead links'] > 0) failed++;
}
process.exit(failed ? 1 : 0);
