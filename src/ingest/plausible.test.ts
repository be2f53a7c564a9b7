import { describe, expect, it } from 'vitest';
import { ingestFile } from './index.js';
import { LONE_TAIL, plausibleWindow, referenceDate, screenDates, yearAfter } from './plausible.js';

const t = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const day = (date: Date | null): string | null => date?.toISOString().slice(0, 10) ?? null;

describe('referenceDate', () => {
  it('is --as-of when given, whatever the data holds', () => {
    expect(day(referenceDate([t('2024-01-01'), t('9999-12-31')], { asOf: new Date('2023-06-30T00:00:00Z') }))).toBe('2023-06-30');
  });

  it('is the latest date when no date stands apart', () => {
    expect(day(referenceDate([t('2017-10-01'), t('2017-03-05'), t('2017-12-03')]))).toBe('2017-12-03');
    expect(referenceDate([])).toBeNull();
  });

  it('is not dragged along by a lone far-off date, nor by up to LONE_TAIL of them', () => {
    expect(day(referenceDate([t('2024-03-01'), t('2024-04-20'), t('9999-12-31')]))).toBe('2024-04-20');
    const bulk = Array.from({ length: 50 }, (_, i) => t('2024-01-01') + i * 86_400_000);
    const tail = [t('2031-05-05'), t('2999-01-01'), t('9999-12-31')];
    expect(tail).toHaveLength(LONE_TAIL);
    expect(day(referenceDate([...tail, ...bulk]))).toBe('2024-02-19');
    // Nor by a date before 1970, which is never plausible.
    expect(day(referenceDate([t('0001-01-01'), t('2024-03-01')]))).toBe('2024-03-01');
  });

  it('follows more than LONE_TAIL later records, and dates within a year of the rest: those are real', () => {
    const old = [t('2010-01-01'), t('2010-02-01'), t('2010-03-01')];
    const newer = [t('2024-01-01'), t('2024-01-02'), t('2024-01-03'), t('2024-01-04')];
    expect(day(referenceDate([...old, ...newer]))).toBe('2024-01-04');
    expect(day(referenceDate([t('2024-01-01'), t('2024-12-31')]))).toBe('2024-12-31');
    // A tail is lone only while it is no more than the rest: of three dates, the two later ones are the data.
    expect(day(referenceDate([t('2017-10-01'), t('2011-03-05'), t('2017-12-03')]))).toBe('2017-12-03');
  });

  it('sets aside one far-off record in a thousand in a large run (a "never" date on a few rows)', () => {
    const bulk = Array.from({ length: 20_000 }, (_, i) => t('2020-01-01') + (i % 1500) * 86_400_000);
    const sentinels = Array.from({ length: 20 }, () => t('9999-12-31'));
    expect(day(referenceDate([...bulk, ...sentinels]))).toBe('2024-02-08');
    expect(day(referenceDate([...bulk, ...sentinels, t('9999-12-31')]))).toBe('9999-12-31');
  });

  it('is the latest date inside --dates when its end is given', () => {
    expect(day(referenceDate([t('2024-01-01'), t('2090-06-01'), t('9999-12-31')], { dates: { until: new Date(t('2100-12-31')) } }))).toBe('2090-06-01');
    expect(day(referenceDate([t('1960-01-01'), t('1960-06-01'), t('1960-09-01')], { dates: { from: new Date(t('1900-01-01')) } }))).toBe('1960-09-01');
  });

  it('is the same in every order of the dates', () => {
    const times = [t('2024-03-01'), t('9999-12-31'), t('2024-04-20'), t('0001-01-01'), t('2024-01-09')];
    expect(day(referenceDate([...times].reverse()))).toBe(day(referenceDate(times)));
  });
});

describe('yearAfter', () => {
  it('is a calendar year later', () => {
    expect(yearAfter(new Date('2024-04-20T10:00:00Z')).toISOString()).toBe('2025-04-20T10:00:00.000Z');
    expect(yearAfter(new Date('2024-02-29T00:00:00Z')).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});

describe('screenDates', () => {
  const tickets = [
    'Ticket ID,Requester Email,Created At,Subject,Description,Status,First Reply At',
    '1,a@example.org,2024-03-02T09:00:00Z,Parcel,Where is my parcel?,open,2024-03-02T10:00:00Z',
    '2,a@example.org,0001-01-01T00:00:00Z,Old,Testing the form,solved,',
    '3,b@example.org,9999-12-31T23:59:00Z,Later,Still waiting,open,9999-12-31T23:59:30Z',
    '4,b@example.org,2024-04-01T12:00:00Z,Return,Can I return it?,open,2099-01-01T00:00:00Z',
  ].join('\n');
  const contacts = 'Customer ID,Name,Email,Created\nK-1,Kim,a@example.org,1899-12-30\nK-2,Bo,b@example.org,2023-05-01\n';
  const notes = 'Customer,Date,Author,Note,Codes,Until\n,2024-03-01,Mira,Price increase announced,,9999-12-31\n,0001-01-01,Mira,A note from nowhere,,\n';
  const read = () => [ingestFile(Buffer.from(tickets), 'tickets.csv'), ingestFile(Buffer.from(contacts), 'contacts.csv'), ingestFile(Buffer.from(notes), 'notes.csv')];

  it('reads dates before 1970 or beyond a year after the reference date as unknown, keeping the rows', () => {
    const { ingests, reference, window } = screenDates(read());
    expect(day(reference)).toBe('2024-04-01');
    expect([day(window.from), day(window.until)]).toEqual(['1970-01-01', '2025-04-01']);
    const [ticketFile, contactFile] = ingests;
    expect(ticketFile!.events.map((e) => [e.source.line, e.direction, day(e.at)])).toEqual([
      [2, 'inbound', '2024-03-02'],
      [2, 'outbound', '2024-03-02'],
      [3, 'inbound', null],
      [4, 'inbound', null],
      [4, 'outbound', null],
      [5, 'inbound', '2024-04-01'],
      [5, 'outbound', null],
    ]);
    expect(ticketFile!.rows).toEqual({ read: 4, used: 4, rejected: 0 });
    // The rows keep the screened events, so every row's records are the file's records.
    expect(ticketFile!.used.flatMap((row) => row.events)).toEqual(ticketFile!.events);
    expect(contactFile!.contacts.map((c) => day(c.createdAt))).toEqual([null, '2023-05-01']);
  });

  it('cannot place a note about the world whose start is implausible, and lets one with an implausible end cover its day', () => {
    const notesFile = screenDates(read()).ingests[2]!;
    expect(notesFile.contextEvents.map((c) => [c.note, c.from.toISOString(), c.until.toISOString()])).toEqual([
      ['Price increase announced', '2024-03-01T00:00:00.000Z', '2024-03-01T23:59:59.999Z'],
    ]);
    expect(notesFile.rows).toEqual({ read: 2, used: 1, rejected: 1 });
    expect(notesFile.rejected.map((r) => [r.line, r.reason])).toEqual([[3, 'the note names no customer and its date is implausible, so it cannot be placed']]);
  });

  it('warns once per file and column, with the count and the first lines', () => {
    const { warnings } = screenDates(read());
    expect(warnings).toEqual([
      'tickets.csv: column "Created At": 2 implausible dates (before 1970 or more than a year after the reference date 2024-04-01; plausible: 1970-01-01 to 2025-04-01), read as unknown and kept out of every span: lines 3 (0001-01-01), 4 (9999-12-31); if they are real, widen the window with --dates FROM..UNTIL',
      'tickets.csv: column "First Reply At": 2 implausible dates (before 1970 or more than a year after the reference date 2024-04-01; plausible: 1970-01-01 to 2025-04-01), read as unknown and kept out of every span: lines 4 (9999-12-31), 5 (2099-01-01); if they are real, widen the window with --dates FROM..UNTIL',
      'contacts.csv: column "Created": 1 implausible date (before 1970 or more than a year after the reference date 2024-04-01; plausible: 1970-01-01 to 2025-04-01), read as unknown and kept out of every span: line 2 (1899-12-30); if it is real, widen the window with --dates FROM..UNTIL',
      'notes.csv: column "Until": 1 implausible date (before 1970 or more than a year after the reference date 2024-04-01; plausible: 1970-01-01 to 2025-04-01), read as unknown and kept out of every span: line 2 (9999-12-31); if it is real, widen the window with --dates FROM..UNTIL',
      'notes.csv: column "Date": 1 implausible date (before 1970 or more than a year after the reference date 2024-04-01; plausible: 1970-01-01 to 2025-04-01), read as unknown and kept out of every span: line 3 (0001-01-01); if it is real, widen the window with --dates FROM..UNTIL',
    ]);
  });

  it('lists the first five lines of a column and counts the rest', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i},c${i}@example.org,1901-01-0${i + 1}T00:00:00Z,S,Text ${i},open,`);
    const file = ['Ticket ID,Requester Email,Created At,Subject,Description,Status,First Reply At', '99,z@example.org,2024-01-01T00:00:00Z,S,Real,open,', ...rows].join('\n');
    const { warnings } = screenDates([ingestFile(Buffer.from(file), 't.csv')]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('8 implausible dates');
    expect(warnings[0]).toContain('lines 3 (1901-01-01), 4 (1901-01-02), 5 (1901-01-03), 6 (1901-01-04), 7 (1901-01-05) and 3 more;');
  });

  it('takes --dates as the window, and --as-of as the reference date', () => {
    const wide = screenDates(read(), { dates: { from: new Date(t('0001-01-01')), until: new Date(t('9999-12-31') + 86_399_999) } });
    expect(wide.warnings).toEqual([]);
    expect(wide.ingests[0]!.events.every((e) => e.direction === 'outbound' || e.at !== null)).toBe(true);
    const asOf = plausibleWindow(read(), { asOf: new Date('2024-03-10T00:00:00Z') });
    expect([day(asOf.reference), day(asOf.window.until)]).toEqual(['2024-03-10', '2025-03-10']);
    const untilOnly = screenDates(read(), { dates: { until: new Date(t('2100-12-31')) } });
    expect(untilOnly.warnings.map((w) => w.slice(0, w.indexOf('('))).sort()).toEqual([
      'contacts.csv: column "Created": 1 implausible date ',
      'notes.csv: column "Date": 1 implausible date ',
      'notes.csv: column "Until": 1 implausible date ',
      'tickets.csv: column "Created At": 2 implausible dates ',
      'tickets.csv: column "First Reply At": 1 implausible date ',
    ]);
    expect(untilOnly.warnings[0]).toContain('(outside --dates; plausible: 1970-01-01 to 2100-12-31)');
  });

  it('returns the files untouched when every date is plausible', () => {
    const files = [ingestFile(Buffer.from(contacts.replace('1899-12-30', '2023-01-01')), 'contacts.csv')];
    const { ingests, warnings } = screenDates(files);
    expect(warnings).toEqual([]);
    expect(ingests[0]).toBe(files[0]);
  });
});
