#!/usr/bin/env node
// The floor `npm run bench` compares thick analyze with: one streaming csv-parse pass over a file with
// `columns: true`, every row discarded. Prints the row count, so the benchmark knows how many rows the file holds.
//
//   node scripts/bare-parse.js events.csv

import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/bare-parse.js FILE.csv');
  process.exit(2);
}
let rows = 0;
const discard = new Writable({
  objectMode: true,
  write(_row, _encoding, next) {
    rows++;
    next();
  },
});
await pipeline(createReadStream(file), parse({ columns: true }), discard);
console.log(rows);
