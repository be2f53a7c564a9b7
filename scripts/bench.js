#!/usr/bin/env node
// What issue 10's targets name, and the figures behind them. `npm run bench` builds first.
//
//   npm run bench                                   # 100,000 and 1,000,000 events; appends to bench/results.md
//   npm run bench -- --sizes 100000,1000000         # the export sizes to run thick analyze on
//   npm run bench -- --texts 500000                 # texts for the per-annotator throughput (default 100,000)
//   npm run bench -- --quick                        # smoke run: 10,000 events, nothing recorded
//   npm run bench -- --no-record                    # print only
//
// 1. Throughput of thick's annotators on one core (language, sentiment, codebook, all together), on texts generated
//    here from template words (mixed German/English feedback), so the figure needs no data set.
// 2. For each size, an export from scripts/gen.js, then a bare csv-parse pass and `thick analyze` end to end, each a
//    child process under /usr/bin/time -v: rows/s, MB/s, the ratio, peak RSS and seconds per stage (THICK_TIMINGS=1);
//    one row per size is appended to bench/results.md. 1,000,000 events take minutes and several GB today.
// 3. Start-up times (scripts/startup.js).

import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCodebook, matchCodes } from '../dist/annotate/codebook.js';
import { annotateEvent } from '../dist/annotate/index.js';
import { detectLanguage } from '../dist/annotate/language.js';
import { scoreSentiment } from '../dist/annotate/sentiment.js';
import { parseBenchArgs, peakRssBytes, RESULTS_HEADER, resultsRow, stageSeconds, USAGE } from './bench-lib.js';
import { generate } from './gen.js';
import { defaultCodebook, loadLexicons } from '../dist/cli/resources.js';

// The annotators read no files: their lexicons are loaded here and provided, as the CLI does.
loadLexicons();

let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error.message}\n${USAGE}`);
  process.exit(2);
}
const count = options.texts;

const DE = {
  subjects: ['Der Zug', 'Die Bahn', 'Das Personal', 'Der Service', 'Die App', 'Die Hotline', 'Mein Paket', 'Die Lieferung', 'Der ICE', 'Das WLAN'],
  verbs: ['war', 'ist', 'kam', 'wirkt', 'bleibt'],
  modifiers: ['', 'sehr', 'total', 'nicht', 'etwas', 'mega', 'leider', 'wieder'],
  words: ['pünktlich', 'puenktlich', 'freundlich', 'schlecht', 'kaputt', 'super', 'verspätet', 'langsam', 'schnell', 'unfreundlich', 'teuer', 'ok', 'sauber', 'überfüllt'],
  tails: ['', '!', '!!', ' 😡', ' 👍', ' :)', ' #fail', ', aber die Erstattung dauert ewig.', ' Zugverspätung schon wieder.', ' Danke @DB_Bahn', ' https://example.com/x'],
};
const EN = {
  subjects: ['The flight', 'Your staff', 'The crew', 'Customer service', 'The app', 'My refund', 'The gate agent', 'The seat', 'My bag', 'The hotline'],
  verbs: ['was', 'is', 'seems', 'got', 'stays'],
  modifiers: ['', 'very', 'really', 'not', 'a bit', 'extremely', 'never', 'so'],
  words: ['great', 'late', 'helpful', 'rude', 'delayed', 'amazing', 'lost', 'cancelled', 'fine', 'terrible', 'smooth', 'slow', 'friendly', 'bad'],
  tails: ['', '!', '!!!', ' 😡', ' ❤️', ' :(', ' #neveragain', ' but the refund never came.', ' on hold for 2 hours.', ' thanks @airline', ' http://t.co/abc'],
};

/** Deterministic pseudo-random numbers, so every run scores the same texts. */
function lcg(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function makeTexts(n) {
  const pick = lcg(42);
  const texts = new Array(n);
  const langs = new Array(n);
  for (let i = 0; i < n; i++) {
    const lang = pick(10) < 5 ? 'de' : 'en';
    const t = lang === 'de' ? DE : EN;
    const parts = [t.subjects[pick(t.subjects.length)], t.verbs[pick(t.verbs.length)], t.modifiers[pick(t.modifiers.length)], t.words[pick(t.words.length)]];
    // Every tenth text mixes in a word from the other language, as real feedback does.
    if (i % 10 === 0) parts.push(lang === 'de' ? EN.words[pick(EN.words.length)] : DE.words[pick(DE.words.length)]);
    texts[i] = parts.filter(Boolean).join(' ') + t.tails[pick(t.tails.length)];
    langs[i] = i % 20 === 0 ? 'other' : lang;
  }
  return { texts, langs };
}

const { texts, langs } = makeTexts(count);
const chars = texts.reduce((a, t) => a + t.length, 0);

/** Time `fn` over every text after an untimed warm-up (lexicons load, the JIT settles). */
function measure(name, fn) {
  for (let i = 0; i < Math.min(count, 20_000); i++) fn(i);
  const start = process.hrtime.bigint();
  let checksum = 0;
  for (let i = 0; i < count; i++) checksum += fn(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${name}: ${Math.round(count / seconds).toLocaleString('en-US')} texts/s  (${seconds.toFixed(2)} s, checksum ${checksum.toFixed(3)})`);
}

const compiled = compileCodebook(defaultCodebook());
const ctx = { codebook: compiled, contextEvents: [] };
const event = (i) => ({
  id: `bench:${i}`, who: {}, customerKey: null, at: null, channel: 'email', direction: 'inbound', kind: 'message', amount: null,
  orderId: null, text: texts[i], messageId: null, replyTo: null, author: null, source: { file: 'bench', line: i + 2 },
  lang: null, sentiment: null, annotations: [],
});

console.log(`${count.toLocaleString('en-US')} synthetic texts (mean ${(chars / count).toFixed(0)} chars, German/English/mixed), single thread`);
measure('language', (i) => detectLanguage(texts[i]).length);
measure('sentiment', (i) => scoreSentiment(texts[i], langs[i]).score);
measure('codebook', (i) => matchCodes(texts[i], langs[i], compiled).length);
measure('annotate (all annotators)', (i) => annotateEvent(event(i), ctx).annotations.length);
// Hostile cells: long runs that make a backtracking pattern or the stemmer quadratic. Each should take about as
// long per character as ordinary text (tens of milliseconds for 100,000 characters, not seconds).
const HOSTILE = {
  'spaces inside a question': `Hallo, kann ich ${' '.repeat(100_000)} gibt es warum why?`,
  'tabs after a greeting': `Hallo, kann ich${'\t'.repeat(100_000)}x`,
  'many "ob" clauses': `Ist das gut? ${'… ob '.repeat(20_000)}`,
  'many question openings': `${'why, '.repeat(20_000)}`,
  'one 100,000-letter word': 'x'.repeat(100_000),
  'a run of line breaks': `My flight was cancelled. Happy Halloween?${'\n'.repeat(100_000)}`,
  'line breaks and spaces': `Hallo, kann ich${'\n '.repeat(50_000)}x`,
};
for (const [name, text] of Object.entries(HOSTILE)) {
  const hostile = { ...event(0), text };
  const start = process.hrtime.bigint();
  annotateEvent(hostile, ctx);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`hostile cell, ${name} (${text.length.toLocaleString('en-US')} chars): ${ms.toFixed(0)} ms`);
}
const mib = (b) => (b / 1024 / 1024).toFixed(1);
console.log(`heap used: ${mib(process.memoryUsage().heapUsed)} MiB (lexicons, codebook and caches included)`);

// End to end: ingest → annotate → profile → render on generated exports, in this process.
const { ingestFile } = await import('../dist/ingest/index.js');
const { analyse, codeInfo } = await import('../dist/pipeline.js');
const { renderCustomerReport } = await import('../dist/report/customer.js');

function retailCsv(lines, customers) {
  const pick = lcg(7);
  const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  for (let i = 0; i < lines; i++) {
    const invoice = 500000 + Math.floor(i / 4);
    const cancelled = pick(50) === 0 ? 'C' : '';
    const day = 1 + pick(28);
    const month = 1 + pick(12);
    rows.push(`${cancelled}${invoice},${10000 + pick(900)},MUG ${pick(40)},${cancelled ? -1 : 1 + pick(12)},${month}/${day}/2011 ${pick(24)}:${String(pick(60)).padStart(2, '0')},${(1 + pick(2000) / 100).toFixed(2)},${12000 + (invoice % customers)},United Kingdom`);
  }
  return new TextEncoder().encode(rows.join('\n'));
}

function socialCsv(comments, handles) {
  const pick = lcg(11);
  const rows = ['Comment ID,Platform,Username,Posted At,Text,In Reply To'];
  for (let i = 0; i < comments; i++) {
    const minute = String(i % 60).padStart(2, '0');
    const at = `2011-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T10:${minute}:00Z`;
    if (i % 3 === 2) rows.push(`c${i},instagram,brand,${at.replace('T10', 'T11')},@fan${(i - 1) % handles} Danke für die Nachricht!,c${i - 1}`);
    else rows.push(`c${i},instagram,fan${i % handles},${at},"${texts[pick(texts.length)].replace(/"/g, '""')}",`);
  }
  return new TextEncoder().encode(rows.join('\n'));
}

const orderLines = Math.max(1000, Math.round(count * 2));
const commentCount = Math.max(300, Math.round(count / 2));
const files = [
  ['orders.csv', retailCsv(orderLines, Math.round(orderLines / 60))],
  ['social.csv', socialCsv(commentCount, Math.round(commentCount / 15))],
];
const started = process.hrtime.bigint();
const ingests = files.map(([name, bytes]) => ingestFile(bytes, name, { brandHandles: new Set(['brand']) }));
const codebook = defaultCodebook();
const analysis = analyse(ingests, { codebook });
const codes = codeInfo(codebook);
let markdown = 0;
for (const subject of analysis.profiled) markdown += renderCustomerReport(subject, { lang: 'en', codes }).length;
const total = Number(process.hrtime.bigint() - started) / 1e9;
const rows = ingests.reduce((n, i) => n + i.rows.read, 0);
console.log(`analyze end to end: ${rows.toLocaleString('en-US')} rows (${orderLines.toLocaleString('en-US')} order lines, ${commentCount.toLocaleString('en-US')} comments) → ${analysis.profiled.length.toLocaleString('en-US')} reports in ${total.toFixed(2)} s = ${Math.round(rows / total).toLocaleString('en-US')} rows/s; ${(markdown / 1e6).toFixed(1)} MB of Markdown`);
console.log(`peak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

// End to end on generated exports, as issue 10's targets are stated: each size a fresh file from scripts/gen.js, a
// bare csv-parse pass over it and `thick analyze` on it, both child processes measured alike.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench/results.md');
const machine = `${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;

/** The commit measured; "+changes" when tracked files differ from it, so a row never claims a commit it did not run. */
function commitMeasured() {
  const git = (args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  return git(['status', '--porcelain', '--untracked-files=no']) === '' ? head : `${head}+changes`;
}

/** `node <args>` under /usr/bin/time -v: wall seconds, peak RSS and output; a failed run ends the benchmark unless it `mayFail`. */
function timedNode(args, env, dir, mayFail = false) {
  const report = join(dir, 'time.txt');
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', '-o', report, process.execPath, ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 2 ** 20,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.error) throw new Error(`cannot run /usr/bin/time (install GNU time): ${run.error.message}`);
  if (run.status !== 0 && !mayFail) throw new Error(`node ${args.join(' ')} exited ${run.status}:\n${run.stderr.slice(-2000)}`);
  return { status: run.status, seconds, peak: peakRssBytes(readFileSync(report, 'utf8')), stdout: run.stdout, stderr: run.stderr };
}

/** The export gen.js writes for `npm run gen -- --events N --out file` (seed 1, N/10 customers); its size in bytes. */
function generateExport(events, file) {
  const fd = openSync(file, 'w');
  try {
    generate({ events, customers: Math.max(1, Math.round(events / 10)), seed: 1 }, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
  return statSync(file).size;
}

/** Why an analyze run failed, or null when it exited 0. */
function failure(run) {
  if (run.status === 0) return null;
  return /heap out of memory/.test(run.stderr) ? `out of memory, exit ${run.status}` : `exit ${run.status ?? 'by signal'}`;
}

const MB = (bytes) => (bytes / 1e6).toFixed(1);

function measureSize(events, dir, date, commit) {
  const file = join(dir, `events-${events}.csv`);
  const fileBytes = generateExport(events, file);
  const bare = timedNode([join(ROOT, 'scripts/bare-parse.js'), file], {}, dir);
  const rows = Number(bare.stdout.trim());
  const out = join(dir, `reports-${events}`);
  const analyze = timedNode([join(ROOT, 'bin/thick.js'), 'analyze', file, '-o', out], { THICK_TIMINGS: '1' }, dir, true);
  rmSync(out, { recursive: true, force: true });
  rmSync(file, { force: true });
  // The load average goes into the row: other work on the machine slows every figure, and says how far to trust it.
  const figures = { date, commit, machine: `${machine}, load ${loadavg()[0].toFixed(1)}`, events, fileBytes, rows, bareSeconds: bare.seconds, analyzeSeconds: analyze.seconds, peakRssBytes: analyze.peak, stages: stageSeconds(analyze.stderr, analyze.seconds), failed: failure(analyze) };
  if (figures.failed) {
    // A run that does not finish is a result too (the baseline at 1,000,000 events ran out of heap): recorded, not hidden.
    console.log(`${events.toLocaleString('en-US')} events (${MB(fileBytes)} MB): bare parse ${bare.seconds.toFixed(2)} s; thick analyze FAILED after ${analyze.seconds.toFixed(1)} s (${figures.failed}), peak RSS ${MB(analyze.peak)} MB\n${analyze.stderr.slice(-600)}`);
    return figures;
  }
  console.log(`${events.toLocaleString('en-US')} events (${rows.toLocaleString('en-US')} rows, ${MB(fileBytes)} MB): bare parse ${bare.seconds.toFixed(2)} s (peak RSS ${MB(bare.peak)} MB); thick analyze ${analyze.seconds.toFixed(2)} s = ${(analyze.seconds / bare.seconds).toFixed(1)}× the bare parse (target ≤ 1.5×), ${Math.round(rows / analyze.seconds).toLocaleString('en-US')} rows/s, ${(fileBytes / 1e6 / analyze.seconds).toFixed(2)} MB/s, peak RSS ${MB(analyze.peak)} MB (target ≤ 600 MB)`);
  console.log(`  stages: ${figures.stages.map((s) => `${s.stage} ${s.seconds.toFixed(2)} s`).join(' · ')}`);
  return figures;
}

console.log(`thick analyze end to end on generated exports (${machine}):`);
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const commit = commitMeasured();
const dir = mkdtempSync(join(tmpdir(), 'thick-bench-'));
try {
  for (const events of options.sizes) {
    const figures = measureSize(events, dir, date, commit);
    if (!options.record) continue;
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    if (!existsSync(RESULTS)) writeFileSync(RESULTS, RESULTS_HEADER);
    appendFileSync(RESULTS, resultsRow(figures));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (options.record) console.log(`appended to bench/results.md`);

// Start-up (scripts/startup.js): what `thick --version` and `--help` cost a user, each a fresh process.
const { startupLines } = await import('./startup.js');
for (const line of startupLines(options.startupRuns)) console.log(line);
