import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../cli/resources.js';
import { prepareRun } from '../pipeline.js';
import { ingestFile, type FileIngest } from './index.js';
import { linkCustomers, type Linked } from './link.js';
import { linkSettingAside, type RecordStore } from './link-aside.js';
import { cutAfter } from './until.js';

const demo = join(import.meta.dirname, '../../fixtures/demo');
const brandHandles = new Set(['nordlicht.kaffee', 'nordlichtkaffee']);
// The demo, and reviews of which one repeats another word for word: a row linking rejects.
const REVIEWS = 'username,date,text,stars\nanna_k,2024-05-01,"Toll, wieder bestellt!",5\nbeat,2024-05-02,Zu bitter.,2\nanna_k,2024-05-01,"Toll, wieder bestellt!",5\n';
const readDemo = (): FileIngest[] => [
  ...['contacts.csv', 'notes.csv', 'orders.csv', 'social.csv', 'tickets.csv'].map((name) => ingestFile(readFileSync(join(demo, name)), name)),
  ingestFile(Buffer.from(REVIEWS), 'reviews.csv'),
];

/** A store that keeps what it is given as bytes, as the CLI's temporary file does: nothing comes back as the same object. */
function bytesStore(): RecordStore & { kept: number } {
  const store = {
    kept: 0,
    keepRecords<T>(value: T): () => T {
      const bytes = serialize(value);
      store.kept++;
      return () => deserialize(bytes) as T;
    },
  };
  return store;
}

/** What a file says of its rows: each used row's line and record ids, and its events. */
const rowsOf = (files: readonly FileIngest[]) => files.map((f) => ({ used: f.used.map((row) => ({ line: row.line, ids: row.events.map((e) => e.id) })), events: f.events.map((e) => e.id) }));
/** The rows as read of the rows linking rejects, by file and line. */
const lostRaw = (files: readonly FileIngest[], linked: Linked) =>
  files.flatMap((f) => f.used.filter((row) => row.events.length > 0 && row.events.every((e) => linked.unjoined.has(e.id) || linked.duplicates.has(e.id))).map((row) => `${f.file}:${row.line}: ${row.raw}`));

describe('linkSettingAside', () => {
  it('links as linkCustomers does, with the records away while it decides, and gives each file its rows back linked', () => {
    // --until cuts some records before linking: their rows stay used, with the records as read.
    const { ingests } = cutAfter(readDemo(), new Date('2024-09-01T00:00:00Z'));
    const before = rowsOf(ingests);
    const rawBefore = new Map(ingests.flatMap((f) => f.used.map((row) => [`${f.file}:${row.line}`, row.raw])));
    expect(before.reduce((n, f) => n + f.used.reduce((m, row) => m + row.ids.length, 0) - f.events.length, 0)).toBeGreaterThan(0);
    const contacts = ingests.flatMap((i) => i.contacts);
    const expected = linkCustomers(contacts, ingests.flatMap((i) => i.events), { brandHandles });
    const store = bytesStore();
    const linked = linkSettingAside(contacts, ingests, store, { brandHandles }, 7);
    expect(store.kept).toBeGreaterThan(ingests.length);
    expect(linked).toEqual(expected);
    // Field for field in the order ingest gives them (one hidden class for all, as ingest's events share).
    expect(linked.events.map((e) => Object.keys(e).join())).toEqual(expected.events.map((e) => Object.keys(e).join()));
    expect(rowsOf(ingests)).toEqual(before);
    // The rows linking rejects keep the text they were read from, for rejected.csv; the others need it no more.
    expect(lostRaw(ingests, linked)).toEqual(['reviews.csv:4: anna_k,2024-05-01,"Toll, wieder bestellt!",5']);
    const lost = new Set(lostRaw(ingests, linked).map((row) => row.split(': ')[0]));
    for (const file of ingests) for (const row of file.used) expect(row.raw).toBe(lost.has(`${file.file}:${row.line}`) ? rawBefore.get(`${file.file}:${row.line}`) : undefined);
    // Each file holds its linked records (the very ones linking gives); its used rows hold them too.
    const linkedById = new Map(linked.events.map((e) => [e.id, e]));
    for (const file of ingests) {
      for (const event of file.events) expect(linkedById.get(event.id)).toBe(event);
      for (const row of file.used) for (const event of row.events) if (linkedById.has(event.id)) expect(linkedById.get(event.id)).toBe(event);
    }
  });
});

describe('prepareRun with its records set aside while linking', () => {
  it('settles the run as it does with them in memory', () => {
    const codebook = defaultCodebook();
    const options = { codebook, brandHandles, window: { since: new Date('2024-06-01T00:00:00Z'), until: new Date('2024-09-01T00:00:00Z') } };
    const plain = prepareRun(readDemo(), options);
    const store = bytesStore();
    const given = readDemo();
    const aside = prepareRun(given, { ...options, aside: store });
    expect(store.kept).toBeGreaterThan(0);
    // The files --until replaced by cut copies keep no records beside the run's own: each file given holds none, or
    // (the files nothing was cut from) its records linked.
    expect(given.filter((file) => file.events.length === 0 && file.used.length === 0).length).toBeGreaterThan(0);
    for (const file of given) expect(file.events.filter((event) => event.customerKey === null && event.direction === 'inbound')).toEqual([]);
    const settled = (run: typeof plain) => ({ ...run, annotating: null, profiling: run.profiling.ctx });
    expect(aside.linked.events.length).toBeGreaterThan(50);
    expect(JSON.stringify(settled(aside))).toBe(JSON.stringify(settled(plain)));
  });
});
