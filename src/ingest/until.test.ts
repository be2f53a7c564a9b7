import { describe, expect, it } from 'vitest';
import { ingestFile } from './index.js';
import { cutAfter } from './until.js';

// Invented tickets: one before the end, one after, one undated, one asked before the end and answered after it.
const TICKETS = [
  'Ticket ID,Requester Email,Created At,Channel,Subject,Description,Status,First Reply At',
  'A1,eva@example.org,2026-03-01T09:00:00Z,email,Frage,"Wann kommt mein Paket?",solved,2026-03-01T10:00:00Z',
  'A2,eva@example.org,2026-03-09T09:00:00Z,email,Frage,"Und das zweite Paket?",open,',
  'A3,finn@example.org,,email,Frage,"Ohne Datum geschrieben.",open,',
  'A4,finn@example.org,2026-03-02T09:00:00Z,email,Frage,"Habt ihr auch Tee?",solved,2026-03-08T09:00:00Z',
].join('\n');

describe('cutAfter', () => {
  const ingest = ingestFile(Buffer.from(TICKETS), 'tickets.csv');
  const { ingests, leftOut } = cutAfter([ingest], new Date('2026-03-05T23:59:59.999Z'));
  const kept = ingests[0]!;

  it('drops the records after the end, keeps the undated ones, and counts only rows with nothing left', () => {
    expect(ingest.events.length).toBe(6);
    expect(kept.events.map((e) => e.source.line)).toEqual([2, 2, 4, 5]);
    expect(kept.events.some((e) => e.at === null)).toBe(true);
    // A2 and the reply to A4 are gone; only A2's row is wholly after the end.
    expect(leftOut).toEqual({ records: 2, contacts: 0, rows: 1 });
  });

  it('leaves the rows as they were: nothing is rejected for lying after the window', () => {
    expect(kept.rows).toEqual(ingest.rows);
    expect(kept.rejected).toEqual(ingest.rejected);
    expect(kept.used).toBe(ingest.used);
  });

  it('returns a file untouched when nothing lies after the end', () => {
    const late = cutAfter([ingest], new Date('2026-12-31T00:00:00Z'));
    expect(late.ingests[0]).toBe(ingest);
    expect(late.leftOut).toEqual({ records: 0, contacts: 0, rows: 0 });
  });
});
