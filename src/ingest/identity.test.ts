import { describe, expect, it } from 'vitest';
import { fileIdentities, perKey } from './identity.js';
import { ingestFile, type IngestOptions } from './index.js';
import { linkCustomers } from './link.js';
import { rejectUnjoined } from './unjoined.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Ingest some files as one run, link them, and report who each file's rows are. */
function identities(files: Record<string, string>, options: IngestOptions = {}) {
  const ingests = Object.entries(files).map(([name, text]) => ingestFile(utf8(text), name, options));
  // As the pipeline does: rows that join no customer are rejected first.
  const settled = rejectUnjoined(ingests, linkCustomers(ingests.flatMap((i) => i.contacts), ingests.flatMap((i) => i.events)));
  return fileIdentities(settled.ingests, settled.linked);
}

const REVIEWS = [
  'Id,ProductId,UserId,ProfileName,HelpfulnessNumerator,HelpfulnessDenominator,Score,Time,Summary,Text',
  '1,P1,U1,Ann,0,0,5,1300000000,Good,Nice tea',
  '2,P2,U1,Ann,1,1,4,1300000100,Fine,Ok tea',
  '3,P1,U2,Amazon Customer,0,0,1,1300000200,Bad,Stale tea',
  '4,P3,U3,Bo,2,3,3,1300000300,Meh,So-so',
  '5,P3,U4,Cy,0,0,2,1300000400,Weak,Thin',
  '6,P4,U5,Di,0,0,5,1300000500,Great,Lovely',
].join('\n');

describe('fileIdentities', () => {
  it('warns of a key that tells rows apart even when a few rows repeat it, but not of a person key that nearly does', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i < 2 ? 1 : i},text ${i},2024-05-${String((i % 28) + 1).padStart(2, '0')}`);
    const [tweets] = identities({ 'tweets.csv': ['id,text,created', ...rows].join('\n') });
    expect(tweets!.rowsPerKey!.max).toBe(2);
    expect(tweets!.warnings.join('\n')).toMatch(/the customer key "id" is different on nearly every row/);
    const people = Array.from({ length: 60 }, (_, i) => `${i < 2 ? 'U1' : `U${i}`},text ${i}`);
    const [users] = identities({ 'posts.csv': ['user_id,text', ...people].join('\n') });
    expect(users!.warnings.join('\n')).not.toMatch(/different on/);
  });

  it('keeps two tickets with ids of their own, though their words and day are the same', () => {
    const csv = ['Ticket ID,Requester Email,Created,Description', 'T1,ana@example.org,2024-05-02,Where is my order?', 'T2,ana@example.org,2024-05-02,Where is my order?'].join('\n');
    const ingests = [ingestFile(utf8(csv), 'tickets.csv')];
    const settled = rejectUnjoined(ingests, linkCustomers([], ingests[0]!.events));
    expect(settled.ingests[0]!.rows).toEqual({ read: 2, used: 2, rejected: 0 });
  });

  it('rejects a review listed again for another product variant, word for word, so it counts once', () => {
    const twice = `${REVIEWS}\n7,P9,U1,Ann,0,0,5,1300000000,Good,Nice tea`;
    const ingests = [ingestFile(utf8(twice), 'reviews.csv')];
    const settled = rejectUnjoined(ingests, linkCustomers([], ingests[0]!.events));
    expect(settled.ingests[0]!.rows).toEqual({ read: 7, used: 6, rejected: 1 });
    expect(settled.ingests[0]!.rejected[0]).toMatchObject({ line: 8, reason: 'repeats reviews.csv:2 word for word (same customer, kind and time)', raw: '7,P9,U1,Ann,0,0,5,1300000000,Good,Nice tea' });
    expect(settled.linked.events.filter((e) => e.customerKey === settled.linked.events[0]!.customerKey)).toHaveLength(2);
    const [identity] = fileIdentities(settled.ingests, settled.linked);
    expect(identity!.joins).toMatchObject({ duplicates: 1, unjoined: 0 });
    expect(identity!.warnings.join('\n')).toMatch(/1 row repeats an earlier record of the same customer word for word/);
  });

  it('reports the key column, keys, rows per key, customers and records by kind', () => {
    const [amazon] = identities({ 'reviews.csv': REVIEWS });
    expect(amazon).toMatchObject({
      key: { field: 'crmId', column: 'UserId' },
      keys: 5,
      rowsPerKey: { mean: 1.2, max: 2 },
      customers: 5,
      records: { review: 6 },
      brandRecords: 0,
      placeholders: { 'Amazon Customer': 1 },
      placeholderRows: 1,
    });
    expect(amazon!.warnings).toEqual([
      'reviews.csv: 1 row names a placeholder author ("Amazon Customer" 1): the name neither joins nor names them (their ids do); add more such names with --placeholder "<name>"',
    ]);
  });

  it('warns when the key is different on every row of an event file, and names the columns that may be the person', () => {
    const [byId] = identities({ 'reviews.csv': REVIEWS }, { overrides: { crmId: 'Id' } });
    expect(byId).toMatchObject({ key: { field: 'crmId', column: 'Id' }, keys: 6, rowsPerKey: { mean: 1, max: 1 }, customers: 6 });
    expect(byId!.warnings[0]).toBe(
      'reviews.csv: the customer key "Id" is different on each of its 6 rows, so every row becomes a customer of its own; ' +
        'if it is the record\'s id and another column names the person (perhaps "UserId", "ProfileName"), map that one: --map crmId=<Column>',
    );
  });

  it('does not warn about a per-row id that joins people known from another file (Olist orders)', () => {
    const run = identities({
      'customers.csv': 'customer_id,customer_unique_id,customer_city\nc1,pA,kiel\nc2,pB,bonn\nc3,pC,ulm\nc4,pD,jena\nc5,pE,hof\n',
      'orders.csv': 'order_id,customer_id,order_purchase_timestamp\no1,c1,2024-01-01\no2,c2,2024-01-02\no3,c3,2024-01-03\no4,c4,2024-01-04\no5,c5,2024-01-05\n',
    });
    expect(run[1]).toMatchObject({ key: { column: 'customer_id' }, keys: 5, customers: 5, joins: { byAlias: 5 } });
    expect(run[1]!.warnings).toEqual([]);
  });

  it('counts rows made customers of their own, name-only joins and rows nobody could be found for, with warnings', () => {
    const [site] = identities({ 'b.csv': 'Name;Sterne;Bewertung\nKunde;5;gut\nKunde;1;schlecht\nHelga Marx;4;ok\nHelga Marx;5;top\n' });
    expect(site).toMatchObject({ key: { field: 'name', column: 'Name' }, customers: 3, joins: { anonymous: 2, nameJoins: 2 }, placeholderRows: 2 });
    expect(site!.warnings).toEqual([
      'b.csv: 2 rows name a placeholder author ("Kunde" 2): it joins nothing, so each of those rows is a customer of its own; add more such names with --placeholder "<name>"',
      'b.csv: 2 rows were joined to a customer by name alone (no id, email or handle on the row); check for namesakes',
    ]);
    const [items] = identities({ 'items.csv': 'order_id,order_item_id,price\no9,1,5.00\n' });
    expect(items!.warnings).toContain('items.csv: 1 row names only an order that no orders file of the run gives a customer; it is rejected with the order named');
  });
});

describe('fileIdentities: keys that identify nobody', () => {
  it('never merges strangers by "N/A" or "0" in an id or e-mail column, and warns', () => {
    const tickets = [
      'Ticket ID,Customer ID,Requester Email,Subject,Description,Status',
      '1,N/A,-,Paket,Wo ist mein Paket?,open',
      '2,N/A,-,Rechnung,Die Rechnung stimmt nicht.,open',
      '3,0,keine@angabe.de,Lob,Alles super!,solved',
      '4,K-7,eva@example.org,Frage,Gibt es Entkoffeinierten?,open',
    ].join('\n');
    const ingest = ingestFile(utf8(tickets), 'tickets.csv');
    const linked = linkCustomers([], ingest.events);
    const [file] = fileIdentities([ingest], linked);
    const own = linked.events.filter((e) => e.direction === 'inbound');
    expect(new Set(own.map((e) => e.customerKey)).size).toBe(4);
    expect(linked.customers.filter((c) => c.anonymous)).toHaveLength(3);
    expect(file).toMatchObject({ customers: 4, placeholderIds: { 'N/A': 2, '0': 1 }, joins: { anonymous: 3 } });
    expect(file!.warnings).toContain('tickets.csv: 3 rows have a placeholder in an id or e-mail column ("N/A" 2, "0" 1): it identifies nobody and joins nothing; add more such values with --placeholder "<value>"');
  });

  it('warns when one key value carries several different names', () => {
    const orders = 'Order ID,Customer ID,Name,Amount\nB-1,1,Anna Schmidt,10\nB-2,1,anna  schmidt,12\nB-3,1,Ben Meier,8\nB-4,2,Cem Aydin,5\n';
    const [file] = identities({ 'orders.csv': orders });
    expect(file!.keysWithSeveralNames).toBe(1);
    expect(file!.warnings).toContain(
      'orders.csv: 1 value of "Customer ID" carries several different names ("1": "Anna Schmidt", "Ben Meier"): one person under several names, or a value that stands for nobody and merges strangers? If it identifies nobody, add it with --placeholder "<value>"',
    );
    const [renamed] = identities({ 'orders.csv': orders }, { placeholders: ['1'] });
    expect(renamed!.keysWithSeveralNames).toBe(0);
  });
});

describe('perKey on a large export', () => {
  it('counts rows per key over 200,000 keys (a Math.max spread overflows the stack at about 125,000)', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => `C${i}`);
    expect(perKey([...values, 'C7'])).toEqual({ keys: 200_000, rowsPerKey: { mean: 1, max: 2 } });
  });
});
