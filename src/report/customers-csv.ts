// customers.csv: one wide row per customer, for R, pandas and Excel. The index shows the first customers; this file
// holds all of them, with the figures of profiles.jsonl flattened into columns and one column per code.
// Numbers are written in plain "." notation whatever the report language, so every tool reads them as numbers; a
// figure that cannot be known is an empty cell, never 0.
import { csvFile } from './csv.js';
import { byCodePoint } from '../collation.js';
import { byAttention, type ProfiledCustomer } from '../profile/index.js';

/** What customers.csv reads of a customer: the profile and the findings. */
type Listed = Pick<ProfiledCustomer, 'profile' | 'findings'>;
import type { CodeInfo } from './codes.js';

type Cell = string | number | null;

/** The record kinds a customer's own words come in, each a column of its own. */
const KINDS = ['ticket', 'message', 'post', 'review', 'survey'] as const;

/** The columns before the codes, each with how a profile fills it. */
const FIGURES: readonly [string, (s: Listed) => Cell][] = [
  ['id', (s) => s.profile.id],
  ['name', (s) => s.profile.name],
  ['slug', (s) => s.profile.slug],
  ['stage', (s) => s.profile.stage],
  ['attention', (s) => s.profile.attention],
  ['first_contact', (s) => s.profile.firstContact],
  ['last_contact', (s) => s.profile.lastContact],
  // "email:2;instagram:1": a channel column each would grow with every odd value a channel column holds.
  ['channels', (s) => Object.entries(s.profile.channels).map(([channel, n]) => `${channel}:${n}`).join(';')],
  ...KINDS.map((kind): [string, (s: Listed) => Cell] => [`records.${kind}`, (s) => s.profile.kinds[kind] ?? 0]),
  ['orders', (s) => s.profile.orders.count],
  ['revenue', (s) => s.profile.orders.revenue],
  ['rfm.recency', (s) => s.profile.rfm?.recency ?? null],
  ['rfm.frequency', (s) => s.profile.rfm?.frequency ?? null],
  ['rfm.monetary', (s) => s.profile.rfm?.monetary ?? null],
  ['dialog.inbound', (s) => s.profile.dialog.inbound],
  ['dialog.outbound', (s) => s.profile.dialog.outbound],
  ['dialog.answered', (s) => s.profile.dialog.answered],
  ['dialog.unanswered', (s) => s.profile.dialog.unanswered],
  ['dialog.still_open', (s) => s.profile.dialog.stillOpen],
  ['dialog.median_response_minutes', (s) => s.profile.dialog.medianResponseMinutes],
  ['sentiment.mean', (s) => s.profile.sentiment.mean],
  ['sentiment.n', (s) => s.profile.sentiment.n],
  ['rating.latest', (s) => s.profile.rating?.latest ?? null],
  ['rating.mean', (s) => s.profile.rating?.mean ?? null],
  ['rating.n', (s) => s.profile.rating?.n ?? 0],
  ['rating.scale', (s) => s.profile.rating?.scale ?? null],
];

/**
 * The code columns: the codebook's codes in its order (experimental ones only where found, as reports show them
 * only with --all-codes), then codes found that it does not know (an analyst's own), by code point.
 */
function codeColumns(subjects: readonly Listed[], codes: ReadonlyMap<string, CodeInfo>): string[] {
  const found = new Set(subjects.flatMap((s) => Object.keys(s.profile.codes)));
  const listed = [...codes.values()].filter((c) => !c.experimental || found.has(c.id)).map((c) => c.id);
  const known = new Set(listed);
  return [...listed, ...[...found].filter((c) => !known.has(c)).sort(byCodePoint)];
}

/** A number as every tool reads it: finite, "." decimals; anything else is unknown. */
const plain = (value: Cell): Cell => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

/** The table: a header, then one row per customer, who needs attention first at the top (as in the index). */
export function customersTable(subjects: readonly Listed[], codes: ReadonlyMap<string, CodeInfo>, tick: (done: number) => void = () => {}): Cell[][] {
  const columns = codeColumns(subjects, codes);
  const taken = new Set(['rank', ...FIGURES.map(([name]) => name), 'blind_spots']);
  // A code named like a figure column ("rating.mean" in someone's codebook) gets a prefix, so no two columns share a name.
  const header = ['rank', ...FIGURES.map(([name]) => name), ...columns.map((c) => (taken.has(c) ? `code.${c}` : c)), 'blind_spots'];
  const rows = [...subjects].sort(byAttention).map((subject, i) => {
    tick(i + 1);
    return [i + 1, ...FIGURES.map(([, value]) => plain(value(subject))), ...columns.map((code) => subject.profile.codes[code] ?? 0), subject.findings.blindSpots.map((f) => f.key).join(';')];
  });
  return [header, ...rows];
}

/** customers.csv: UTF-8 with a byte-order mark, formula-safe cells (csvFile). `tick` hears each row made (progress.ts). */
export function customersCsv(subjects: readonly Listed[], codes: ReadonlyMap<string, CodeInfo>, tick?: (done: number) => void): string {
  return csvFile(customersTable(subjects, codes, tick));
}
