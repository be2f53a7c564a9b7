#!/usr/bin/env node
// How templated are the reports, and who are the customers? Runs analyze in memory on the files given (no output
// written) and prints, for the run: per file the key column chosen, keys, rows per key, customers, records by kind,
// placeholder rows and joins (by name alone, by order, by alias); customers per stage with their mean rating, records by kind, the dialog totals, the share of reports that
// contain each opener and blind-spot template, the gaps said once in the index, how many customers share one
// attention score, and the top 10 of the index. Build first (`npm run build`).
//
//   node scripts/report-shares.js fixtures/demo/*.csv --brand nordlicht.kaffee --brand nordlichtkaffee
//   node scripts/report-shares.js export.csv --json

import { activeCodebook, ingestAll } from '../dist/cli/pipeline.js';
import { analyse, codeInfo } from '../dist/pipeline.js';
import { byAttention } from '../dist/profile/index.js';
import { ratingPosition } from '../dist/rating-scales.js';
import { say } from '../dist/profile/wording.js';
import { chooseOpeners } from '../dist/report/openers.js';
import { loadLexicons } from '../dist/cli/resources.js';

// The annotators read no files: their lexicons are loaded here and provided, as the CLI does.
loadLexicons();

const args = process.argv.slice(2);
const files = [];
const brands = [];
let json = false;
let horizon;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--brand') brands.push(args[++i].replace(/^@/, '').toLowerCase());
  else if (args[i] === '--json') json = true;
  else if (args[i] === '--reply-horizon') horizon = Number(args[++i]);
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: node scripts/report-shares.js <files...> [--brand handle] [--reply-horizon days] [--json]');
  process.exit(2);
}

const codebook = activeCodebook(undefined);
const codes = codeInfo(codebook);
const ingests = ingestAll(files, { overrides: {}, brandHandles: new Set(brands) });
const analysis = analyse(ingests, { codebook, brandHandles: new Set(brands), replyHorizonDays: horizon, allCodes: process.argv.includes('--all-codes') });
const profiled = [...analysis.profiled].sort(byAttention);
const n = profiled.length;
const pct = (k) => Math.round((1000 * k) / Math.max(1, n)) / 10;

const count = (keys) => {
  const counts = new Map();
  for (const set of keys) for (const key of new Set(set)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key, k]) => ({ key, reports: k, share: pct(k) }));
};

const stages = {};
for (const { profile } of profiled) {
  const s = (stages[profile.stage] ??= { customers: 0, rated: 0, ratingSum: 0, positionSum: 0 });
  s.customers++;
  if (profile.rating) {
    s.rated++;
    s.ratingSum += profile.rating.mean;
    s.positionSum += ratingPosition({ value: profile.rating.mean, scale: profile.rating.scale });
  }
}
const stageRows = Object.entries(stages).map(([stage, s]) => ({
  stage,
  customers: s.customers,
  rated: s.rated,
  meanRating: s.rated ? Math.round((100 * s.ratingSum) / s.rated) / 100 : null,
  meanPosition: s.rated ? Math.round((100 * s.positionSum) / s.rated) / 100 : null,
}));

const kinds = {};
const dialog = { inbound: 0, answered: 0, answeredTimeUnknown: 0, unanswered: 0, stillOpen: 0, noReplyNeeded: 0, noReplyExpected: 0 };
for (const { profile } of profiled) {
  for (const [kind, k] of Object.entries(profile.kinds)) kinds[kind] = (kinds[kind] ?? 0) + k;
  for (const key of Object.keys(dialog)) dialog[key] += profile.dialog[key];
}

const ties = new Map();
for (const { profile } of profiled) ties.set(profile.attention, (ties.get(profile.attention) ?? 0) + 1);
const largestTie = Math.max(0, ...ties.values());

const identities = analysis.identities.map((i) => ({
  file: i.file,
  key: i.key ? `${i.key.column} (${i.key.field})` : null,
  keys: i.keys,
  rowsPerKey: i.rowsPerKey,
  customers: i.customers,
  records: i.records,
  brandRecords: i.brandRecords,
  placeholderRows: i.placeholderRows,
  joins: i.joins,
}));

const result = {
  files,
  customers: n,
  identities,
  stages: stageRows,
  recordsByKind: kinds,
  dialog,
  openers: count(profiled.map((p) => chooseOpeners(p, codes, 'en').map((o) => o.key))),
  // As the reports show them: gaps most of the run shares are said once in the index instead (profiles.jsonl keeps them).
  blindSpots: count(profiled.map((p) => p.findings.blindSpots.map((f) => f.key).filter((key) => !analysis.sharedGaps.includes(key)))),
  runBlindSpots: analysis.runBlindSpots.map((f) => (f.key === 'commonGap' ? `${f.value} (${f.n} of ${f.of})` : f.key)),
  attention: { distinctScores: ties.size, largestTie, largestTieShare: pct(largestTie) },
  top10: profiled.slice(0, 10).map(({ profile, findings }) => ({
    id: profile.id,
    stage: profile.stage,
    attention: profile.attention,
    kinds: profile.kinds,
    rating: profile.rating ? `${profile.rating.latest} (${profile.rating.scale})` : null,
    why: findings.attention.map((f) => say(f, 'en')).join(', '),
  })),
};

if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const out = [];
  out.push(`${files.join(' ')}: ${n} customers`);
  out.push('', 'file: key column → keys, rows per key (mean/max), customers, records by kind, brand records, placeholder rows, joins');
  for (const i of identities) {
    const perKey = i.rowsPerKey ? `${i.rowsPerKey.mean}/${i.rowsPerKey.max}` : '—';
    const joins = Object.entries(i.joins).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    out.push(`${i.file}: ${i.key ?? '—'} → ${i.keys} keys, ${perKey} rows/key, ${i.customers} customers, ${Object.entries(i.records).map(([k, v]) => `${k} ${v}`).join(', ') || 'no records'}, brand ${i.brandRecords}, placeholder ${i.placeholderRows}, joins: ${joins}`);
  }
  out.push('', 'stage          customers  rated  mean rating  mean position (0 worst … 1 best)');
  for (const s of stageRows) out.push(`${s.stage.padEnd(14)} ${String(s.customers).padStart(9)} ${String(s.rated).padStart(6)}  ${String(s.meanRating ?? '—').padStart(11)}  ${s.meanPosition ?? '—'}`);
  out.push('', `records by kind: ${Object.entries(kinds).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  out.push(`dialog: ${Object.entries(dialog).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push('', 'opener template          reports   share');
  for (const o of result.openers) out.push(`${o.key.padEnd(24)} ${String(o.reports).padStart(8)}  ${String(o.share).padStart(5)} %`);
  out.push('', 'blind-spot template      reports   share');
  for (const b of result.blindSpots) out.push(`${b.key.padEnd(24)} ${String(b.reports).padStart(8)}  ${String(b.share).padStart(5)} %`);
  out.push('', `said once in the index: ${result.runBlindSpots.join(', ') || 'nothing'}`);
  out.push(`attention: ${ties.size} distinct scores; the largest tie holds ${largestTie} customers (${pct(largestTie)} %)`);
  out.push('', 'top 10 of the index:');
  for (const [i, t] of result.top10.entries()) {
    out.push(`${String(i + 1).padStart(2)}. ${t.id} · ${t.stage} · ${t.attention} · ${Object.entries(t.kinds).map(([k, v]) => `${v} ${k}`).join(', ') || 'no words'} · rating ${t.rating ?? '—'} · ${t.why || '—'}`);
  }
  console.log(out.join('\n'));
}
