#!/usr/bin/env node
// Per-code precision and recall of thick's codes on real customer texts, against labels we made by hand.
//
// The labels are in eval/labels/codes-real.csv as `file,id,codes`: the export file under ../shared/real, the
// row's own id there (tweet_id, Id, reviewId, review_id) and the codes a person judged to apply, space-separated.
// The texts themselves are not in the repository (most of those sets are non-commercial): this script reads
// them from ../shared/real (or $THICK_SHARED_REAL) through thick's own ingest, so every text is exactly what
// thick sees, and skips with a message when the folder is absent. Build first (`npm run build`).
//
//   node scripts/eval-codes-real.js                 # the table, all labelled rows
//   node scripts/eval-codes-real.js --split         # also the tuning and held-out halves separately
//   node scripts/eval-codes-real.js --errors CODE   # the tuning texts behind CODE's false positives and misses
//   node scripts/eval-codes-real.js --all-codes     # include codes that reports hide by default
//
// Held out: rows whose FNV-1a hash of "file|id" is 0 mod 3 (about a third). They were labelled like the rest,
// but no rule was written while looking at them; the "held-out" line shows how the rules generalise.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { ingestFile } from '../dist/ingest/index.js';
import { linkRun } from '../dist/pipeline.js';
import { annotateEvent } from '../dist/annotate/index.js';
import { compileCodebook } from '../dist/annotate/codebook.js';
import { defaultCodebook, loadLexicons } from '../dist/cli/resources.js';

// The annotators read no files: their lexicons are loaded here and provided, as the CLI does.
loadLexicons();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const realDir = process.env.THICK_SHARED_REAL ?? join(root, '..', 'shared', 'real');
const labelsFile = join(root, 'eval', 'labels', 'codes-real.csv');
const args = process.argv.slice(2);
const errorsFor = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;
const showSplit = args.includes('--split');
const allCodes = args.includes('--all-codes');

// How each labelled file names its rows. Olist's reviews join their customer through two other files, but the
// text and id are all on the review row, so the review file alone is enough here.
const ID_COLUMNS = {
  'twcs-conversations-3453.csv': 'tweet_id',
  'amazon-fine-food-1963.csv': 'Id',
  'eon-playstore-reviews-de-5180.csv': 'reviewId',
  'olist-3000/olist_order_reviews_dataset.csv': 'review_id',
};

if (!existsSync(realDir)) {
  console.log(`eval-codes-real: skipped, no real exports at ${realDir} (set THICK_SHARED_REAL to measure).`);
  process.exit(0);
}

const labels = parse(readFileSync(labelsFile), { columns: true, skip_empty_lines: true });
const codebook = defaultCodebook();
const compiled = compileCodebook(codebook);
const ctx = { codebook: compiled, contextEvents: [], model: null, allCodes };

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(text, 'utf8')) h = Math.imul(h ^ ch, 0x01000193) >>> 0;
  return h;
}
export const heldOut = (file, id) => fnv1a(`${file}|${id}`) % 3 === 0;

/** Row id → the customer's text event as thick ingests it, per labelled file. */
function textsOf(file) {
  const path = join(realDir, file);
  if (!existsSync(path)) {
    console.log(`eval-codes-real: ${file} not found under ${realDir}`);
    return null;
  }
  let ingest;
  try {
    ingest = ingestFile(readFileSync(path), file, { keepFields: true, lenient: true });
  } catch (error) {
    console.log(`eval-codes-real: thick cannot read ${file}: ${error.message}`);
    return null;
  }
  // Linked as analyze links them, so a tweet addressed to the brand is a conversation here too.
  const linked = new Map(linkRun([ingest], new Set()).linked.events.map((e) => [e.id, e]));
  const idIndex = ingest.header.indexOf(ID_COLUMNS[file]);
  const byId = new Map();
  for (const row of ingest.used) {
    const event = row.events.find((e) => e.direction === 'inbound' && e.text);
    if (event) byId.set(row.fields[idIndex], linked.get(event.id) ?? event);
  }
  return byId;
}

const files = [...new Set(labels.map((l) => l.file))];
const events = new Map(files.map((file) => [file, textsOf(file)]));
for (const file of files) if (!events.get(file)) console.log(`eval-codes-real: the labels of ${file} are skipped`);

const shownByDefault = new Set(codebook.codes.filter((c) => allCodes || !c.experimental).map((c) => c.id));
const rows = [];
let missing = 0;
for (const label of labels) {
  const byId = events.get(label.file);
  if (!byId) continue;
  const event = byId.get(label.id);
  if (!event) {
    missing++;
    continue;
  }
  const annotated = annotateEvent(event, ctx);
  const got = new Set(annotated.annotations.filter((a) => a.by.kind === 'rule').map((a) => a.code));
  const want = new Set(label.codes.split(/\s+/).filter(Boolean));
  rows.push({ file: label.file, id: label.id, want, got, text: event.text, heldOut: heldOut(label.file, label.id) });
}
if (missing > 0) console.log(`eval-codes-real: ${missing} labelled rows not found in their file (ids changed?)`);

function tally(subset) {
  const perCode = new Map();
  const of = (code) => perCode.get(code) ?? perCode.set(code, { tp: 0, fp: 0, fn: 0 }).get(code);
  for (const row of subset) {
    for (const code of new Set([...row.want, ...row.got])) {
      const t = of(code);
      if (row.want.has(code) && row.got.has(code)) t.tp++;
      else if (row.got.has(code)) t.fp++;
      else t.fn++;
    }
  }
  return perCode;
}

const ratio = (a, b) => (b === 0 ? null : a / b);
const fmt = (x) => (x === null ? '   — ' : x.toFixed(2).padStart(5));
function totals(perCode, codes) {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const code of codes) {
    const c = perCode.get(code);
    if (c) for (const k of ['tp', 'fp', 'fn']) t[k] += c[k];
  }
  return t;
}
const line = (name, t) => `${name.padEnd(28)}${String(t.tp + t.fn).padStart(5)}${String(t.tp + t.fp).padStart(6)}${String(t.tp).padStart(5)}  ${fmt(ratio(t.tp, t.tp + t.fp))}  ${fmt(ratio(t.tp, t.tp + t.fn))}`;

const perCode = tally(rows);
const allIds = codebook.codes.map((c) => c.id);
console.log(`${rows.length} labelled texts (${rows.filter((r) => r.heldOut).length} held out) from ${files.length} files in ${realDir}`);
console.log(`${'code'.padEnd(28)}${'gold'.padStart(5)}${'thick'.padStart(6)}${'both'.padStart(5)}  ${'prec.'.padStart(5)}  ${'recall'.padStart(5)}`);
for (const id of allIds) {
  const t = perCode.get(id) ?? { tp: 0, fp: 0, fn: 0 };
  const p = ratio(t.tp, t.tp + t.fp);
  const flag = !shownByDefault.has(id) ? '  (hidden by default)' : p !== null && p < 0.6 ? '  < 0.6' : '';
  console.log(line(id, t) + flag);
}
const shown = allIds.filter((id) => shownByDefault.has(id));
const summary = (perCodeOf) => {
  const t = totals(perCodeOf, shown);
  const gold = totals(perCodeOf, allIds);
  // Recall over every labelled code: a code kept out of the default outputs finds nothing a reader sees.
  return { ...t, recallAll: ratio(t.tp, gold.tp + gold.fn) };
};
const overall = summary(perCode);
console.log(line('codes shown by default', overall));
console.log(`${'recall over all labelled codes'.padEnd(55)}${fmt(overall.recallAll)}`);
if (showSplit) {
  for (const [name, subset] of [['tuning', rows.filter((r) => !r.heldOut)], ['held out', rows.filter((r) => r.heldOut)]]) {
    const split = summary(tally(subset));
    console.log(`${line(`${name}: shown by default`, split)}  (recall over all ${fmt(split.recallAll).trim()})`);
  }
}

if (errorsFor) {
  // Only the tuning rows: the held-out third stays unseen, so its line shows how rules generalise.
  const tuning = rows.filter((r) => !r.heldOut);
  const show = (row) => `  [${row.file.split(/[-/]/)[0]} ${row.id.slice(0, 10)}] ${row.text.replace(/\s+/g, ' ').slice(0, 240)}`;
  console.log(`\n${errorsFor}: thick found it, the label does not have it (tuning rows only)`);
  for (const row of tuning.filter((r) => r.got.has(errorsFor) && !r.want.has(errorsFor))) console.log(show(row));
  console.log(`\n${errorsFor}: the label has it, thick did not find it (tuning rows only)`);
  for (const row of tuning.filter((r) => !r.got.has(errorsFor) && r.want.has(errorsFor))) console.log(show(row));
}
