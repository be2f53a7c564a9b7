// --until: a run pictures the customers as they were at the window's end, so records dated after it take no part
// (an export pulled on Monday holds Monday's rows; last week's report must not count them). Their rows are not
// rejected: nothing is wrong with them, and a weekly job with --strict must not fail because the export runs ahead.
// They stay among the file's used rows (read = used + rejected holds), and how many there are is counted here, for
// the --json summary's `window` and the index: nothing is left out silently. Undated records cannot be placed after
// anything and are kept.

import type { FileIngest } from './index.js';

/** What --until left out of the run: records (events, contacts created later, notes about the world), and rows. */
export interface LeftOut {
  /** Events and notes about the world dated after --until. */
  records: number;
  /** CRM contacts created after --until. */
  contacts: number;
  /** Used rows every record of which lies after --until (a message kept whose reply came later is not one). */
  rows: number;
}

const after = (date: Date | null, until: Date): boolean => date !== null && date > until;

/** One file without its records after `until`; its used and rejected rows as they were. */
function cutFile(ingest: FileIngest, until: Date): { ingest: FileIngest; leftOut: LeftOut } {
  const events = ingest.events.filter((e) => !after(e.at, until));
  const contacts = ingest.contacts.filter((c) => !after(c.createdAt, until));
  const contextEvents = ingest.contextEvents.filter((c) => !after(c.from, until));
  // Which lines still hold a record of this run: a row whose every record is gone is one left out.
  const kept = new Set<number>([...events, ...contacts, ...contextEvents].map((r) => r.source.line));
  const gone = new Set<number>(
    [...ingest.events.filter((e) => after(e.at, until)), ...ingest.contacts.filter((c) => after(c.createdAt, until)), ...ingest.contextEvents.filter((c) => after(c.from, until))].map(
      (r) => r.source.line,
    ),
  );
  const rows = [...gone].filter((line) => !kept.has(line)).length;
  const leftOut = { records: ingest.events.length - events.length + ingest.contextEvents.length - contextEvents.length, contacts: ingest.contacts.length - contacts.length, rows };
  if (leftOut.records + leftOut.contacts === 0) return { ingest, leftOut };
  return { ingest: { ...ingest, events, contacts, contextEvents }, leftOut };
}

/** Every file without what lies after `until`, and how much that was over the run. */
export function cutAfter(ingests: readonly FileIngest[], until: Date): { ingests: FileIngest[]; leftOut: LeftOut } {
  const leftOut: LeftOut = { records: 0, contacts: 0, rows: 0 };
  const cut = ingests.map((ingest) => {
    const result = cutFile(ingest, until);
    leftOut.records += result.leftOut.records;
    leftOut.contacts += result.leftOut.contacts;
    leftOut.rows += result.leftOut.rows;
    return result.ingest;
  });
  return { ingests: cut, leftOut };
}
