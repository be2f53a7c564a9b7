#!/usr/bin/env node
// `node scripts/measure-redact.js [--samples N]` (build first): how much --redact masks in the demo and in each real
// export in ../shared/real (or $THICK_SHARED_REAL), counted in the texts of the run's records (messages, reviews,
// replies, notes), each distinct text once. With --samples N it also prints N masked texts that hold a mask, spread
// over the run, to read for false positives and misses: for the reader's eyes only, never to be copied anywhere.
// The brand's handles are passed as a user would with --brand: for TWCS, the authors of the outbound tweets.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestAll } from '../dist/cli/pipeline.js';
import { analyse } from '../dist/pipeline.js';
import { redactAnalysis } from '../dist/redact/index.js';
import { defaultCodebook, loadLexicons } from '../dist/cli/resources.js';

// The annotators read no files: their lexicons are loaded here and provided, as the CLI does.
loadLexicons();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const real = process.env.THICK_SHARED_REAL ?? join(root, '..', 'shared', 'real');
const samples = Number(process.argv[process.argv.indexOf('--samples') + 1]) || 0;
const demo = ['contacts', 'notes', 'orders', 'social', 'tickets'].map((f) => join(root, 'fixtures', 'demo', `${f}.csv`));
const SETS = [
  { name: 'demo', files: demo, brand: ['nordlicht.kaffee', 'nordlichtkaffee'] },
  { name: 'Customer Support on Twitter', files: [join(real, 'twcs-conversations-3453.csv')], brand: 'outbound authors' },
  { name: 'Amazon fine food reviews', files: [join(real, 'amazon-fine-food-1963.csv')], brand: [] },
  { name: 'E.ON app reviews', files: [join(real, 'eon-playstore-reviews-de-5180.csv')], brand: ['eon'] },
];

/** What a placeholder or pseudonym looks like in masked text, per kind. */
const KINDS = {
  pseudonym: /Person [2-9BCDFGHJKMNPQRSTVWXZ]{4}/g,
  analyst: /Analyst [A-Z]+\b/g,
  name: /\[name\]/g,
  email: /\[e-mail\]/g,
  phone: /\[phone\]/g,
  iban: /\[IBAN\]/g,
  address: /\[address\]/g,
  handle: /@\[handle\]/g,
  link: /\[link\]/g,
  number: /\[number\]/g,
  id: /\[id\]/g,
};

/** TWCS: the author_id of every tweet that is not inbound, lower-cased as --brand takes it. */
function outboundAuthors(file) {
  const rows = parse(readFileSync(file), { columns: true });
  return rows.filter((row) => row.inbound === 'False').map((row) => row.author_id.toLowerCase());
}

for (const set of SETS) {
  console.log(`\n=== ${set.name} ===`);
  if (!set.files.every(existsSync)) {
    console.log('skipped: files not found');
    continue;
  }
  const brandHandles = new Set(set.brand === 'outbound authors' ? outboundAuthors(set.files[0]) : set.brand);
  const analysis = analyse(ingestAll(set.files, { brandHandles }), { codebook: defaultCodebook(), brandHandles });
  const redacted = redactAnalysis(analysis, { brandHandles });
  const texts = [...new Set(redacted.events.map((e) => e.text).filter(Boolean))];
  const counts = Object.fromEntries(Object.entries(KINDS).map(([kind, pattern]) => [kind, texts.reduce((n, t) => n + (t.match(pattern)?.length ?? 0), 0)]));
  const touched = texts.filter((t) => Object.values(KINDS).some((p) => t.match(p)));
  console.log(`customers ${analysis.profiled.length}, distinct texts ${texts.length}, texts with a mask ${touched.length}`);
  console.log(Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', '));
  if (samples > 0) {
    const step = Math.max(1, Math.floor(touched.length / samples));
    for (let i = 0; i < touched.length && i / step < samples; i += step) console.log(`--- ${touched[i].replace(/\s+/g, ' ').slice(0, 400)}`);
  }
}
