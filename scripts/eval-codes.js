#!/usr/bin/env node
// How well the default codebook's pain-point codes find the complaint reasons annotated in the airline tweets
// (shared/data/airline-tweets-tune.csv, column `reason`). Per category: n (tweets with that reason), recall
// (share of them where an expected code fired) and precision (share of the tweets where the code fired that
// carry that reason). The reasons are single labels of multi-topic tweets, so precision is a lower bound.
// Usage: npx tsc -p . && node scripts/eval-codes.js [--errors CATEGORY]
// The data folder is <repo>/../shared/data, or $THICK_SHARED_DATA; without it the script skips (exit 0).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { compileCodebook, matchCodes } from '../dist/annotate/codebook.js';
import { detectLanguage } from '../dist/annotate/language.js';
import { defaultCodebook, loadLexicons } from '../dist/cli/resources.js';

// The annotators read no files: their lexicons are loaded here and provided, as the CLI does.
loadLexicons();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.THICK_SHARED_DATA ?? join(root, '..', 'shared', 'data');
const file = join(dataDir, 'airline-tweets-tune.csv');
const errorsArg = process.argv.indexOf('--errors');
const showErrorsFor = errorsArg >= 0 ? process.argv[errorsArg + 1] : undefined;

if (!existsSync(file)) {
  console.log(`eval-codes: skipped, ${file} not found (set THICK_SHARED_DATA)`);
  process.exit(0);
}

// Category → the reasons it stands for, and the codes that count as finding it (any of them).
const CATEGORIES = [
  { name: 'waiting', reasons: ['Late Flight', 'longlines'], codes: ['pain.waiting'] },
  { name: 'cancellation', reasons: ['Cancelled Flight'], codes: ['pain.cancellation'] },
  { name: 'lost', reasons: ['Lost Luggage'], codes: ['pain.lost'] },
  { name: 'damaged', reasons: ['Damaged Luggage'], codes: ['pain.damaged'] },
  {
    name: 'customer service',
    reasons: ['Customer Service Issue'],
    codes: ['pain.unreachable', 'pain.no-reply', 'pain.passed-around'],
  },
  { name: 'booking', reasons: ['Flight Booking Problems'], codes: ['pain.bureaucracy', 'pain.billing'] },
];
// Complaint in general: every tweet with a reason other than "Can't Tell" is a complaint.
const COMPLAINT_REASONS = new Set(['Late Flight', 'longlines', 'Cancelled Flight', 'Lost Luggage', 'Damaged Luggage',
  'Customer Service Issue', 'Flight Booking Problems', 'Bad Flight', 'Flight Attendant Complaints']);

const compiled = compileCodebook(defaultCodebook());
const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true });
const t0 = performance.now();
const coded = rows.map((row) => {
  const text = row.text ?? '';
  const hits = matchCodes(text, detectLanguage(text), compiled);
  return { text, reason: row.reason ?? '', label: row.label ?? '', codes: new Set(hits.map((h) => h.code)), hits };
});
const ms = performance.now() - t0;

const pct = (a, b) => (b === 0 ? '   n/a' : `${((a / b) * 100).toFixed(1).padStart(5)}%`);
console.log(`airline-tweets-tune.csv: ${rows.length} tweets, coded in ${Math.round(ms)} ms`);
console.log(`${'category'.padEnd(18)} ${'n'.padStart(5)} ${'fired'.padStart(6)} ${'recall'.padStart(7)} ${'precision'.padStart(9)}  codes`);
const report = (name, isGold, fired, codes) => {
  let n = 0, tp = 0, predicted = 0;
  for (const row of coded) {
    const gold = isGold(row);
    const hit = fired(row);
    if (gold) n += 1;
    if (hit) predicted += 1;
    if (gold && hit) tp += 1;
  }
  console.log(`${name.padEnd(18)} ${String(n).padStart(5)} ${String(predicted).padStart(6)} ${pct(tp, n).padStart(7)} ${pct(tp, predicted).padStart(9)}  ${codes}`);
};
for (const cat of CATEGORIES) {
  report(cat.name, (r) => cat.reasons.includes(r.reason), (r) => cat.codes.some((c) => r.codes.has(c)), cat.codes.join(' | '));
}
report('any complaint', (r) => COMPLAINT_REASONS.has(r.reason), (r) => r.codes.has('dialog.complaint'), 'dialog.complaint');
report('negative tweet', (r) => r.label === 'negative', (r) => r.codes.has('dialog.complaint'), 'dialog.complaint (vs. label negative)');

if (showErrorsFor) {
  const cat = CATEGORIES.find((c) => c.name === showErrorsFor);
  if (cat) {
    const misses = coded.filter((r) => cat.reasons.includes(r.reason) && !cat.codes.some((c) => r.codes.has(c)));
    const falseHits = coded.filter((r) => !cat.reasons.includes(r.reason) && cat.codes.some((c) => r.codes.has(c)));
    console.log(`\nmissed (${misses.length}):`);
    for (const r of misses.slice(0, 40)) console.log(`  ${r.text.replace(/\s+/g, ' ').slice(0, 150)}`);
    console.log(`\nfired on other reasons (${falseHits.length}):`);
    for (const r of falseHits.slice(0, 40)) {
      const rules = r.hits.filter((h) => cat.codes.includes(h.code)).map((h) => h.rule).join(', ');
      console.log(`  [${r.reason || r.label}] ${rules} :: ${r.text.replace(/\s+/g, ' ').slice(0, 120)}`);
    }
  }
}
