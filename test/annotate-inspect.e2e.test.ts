import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BRAND, runThick, tempDir } from './helpers.js';

describe('thick annotate', () => {
  it('writes one JSON line per input row, in input order, with source, lang, sentiment and codes', async () => {
    const dir = tempDir();
    const out = join(dir, 'social.jsonl');
    const run = await runThick(['annotate', 'fixtures/demo/social.csv', ...BRAND, '-o', out]);
    expect(run.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(46);
    expect(rows.map((r) => r.source.line)).toEqual([...rows.map((r) => r.source.line)].sort((a, b) => a - b));
    for (const row of rows) {
      expect(row.source.file).toBe('fixtures/demo/social.csv');
      expect(['de', 'en', 'other']).toContain(row.lang);
      expect(['negative', 'neutral', 'positive']).toContain(row.sentiment.label);
      expect(row.sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(row.sentiment.score).toBeLessThanOrEqual(1);
      expect(Array.isArray(row.codes)).toBe(true);
    }
    const brandReply = rows.find((r) => r.direction === 'outbound');
    expect(brandReply.codes).toEqual([]); // the codebook reads customers, not the brand
    expect(rows.filter((r) => r.lang === 'de').length).toBeGreaterThan(rows.filter((r) => r.lang === 'en').length);
  });

  it('needs only a text column, named by --map, and keeps rejected rows in line with their reason', async () => {
    const dir = tempDir();
    const input = join(dir, 'survey.csv');
    writeFileSync(input, 'Nr;Antwort;Extra\n1;Die Lieferung kam viel zu spät, ich warte seit zwei Wochen!;x\n2;Super Kaffee, danke!;y\n3;zu;viele;Felder\n4;Great coffee, but shipping to Ireland is slow.;z\n');
    const out = join(dir, 'survey.jsonl');
    const run = await runThick(['annotate', input, '--map', 'text=Antwort', '-o', out]);
    expect(run.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => r.source.line)).toEqual([2, 3, 4, 5]);
    expect(rows[0]).toMatchObject({ lang: 'de', sentiment: { label: 'negative' } });
    expect(rows[0].codes).toContain('pain.waiting');
    expect(rows[1]).toMatchObject({ lang: 'de', sentiment: { label: 'positive' } });
    expect(rows[2]).toEqual({ source: { file: input, line: 4 }, rejected: 'column 4: expected 3 fields, found 4' });
    expect(rows[3].lang).toBe('en');
    expect(run.stderr).toMatch(/survey\.csv:4:4: expected 3 fields, found 4/);
    // The --json summary lists each rejected row with its column, as eval and train do.
    const summary = JSON.parse((await runThick(['annotate', input, '--map', 'text=Antwort', '-o', out, '--json'])).stdout);
    expect(summary.rejected).toEqual([{ file: input, line: 4, column: 4, reason: 'expected 3 fields, found 4' }]);
  });

  it('writes CSV for R, pandas or a spreadsheet: input columns, lang, sentiment and a 0/1 column per code', async () => {
    const dir = tempDir();
    const out = join(dir, 'tickets.csv');
    expect((await runThick(['annotate', 'fixtures/demo/tickets.csv', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('\uFEFFTicket ID,')).toBe(true); // a BOM, so Excel reads umlauts
    const [header, ...rows] = parse(readFileSync(out, 'utf8'), { bom: true }) as string[][];
    expect(header!.slice(0, 3)).toEqual(['Ticket ID', 'Requester Email', 'Created At']);
    expect(header).toEqual(expect.arrayContaining(['source_line', 'lang', 'sentiment', 'sentiment_score', 'pain.waiting', 'longing.wish']));
    expect(rows).toHaveLength(36);
    const column = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      expect(['de', 'en', 'other']).toContain(row[column('lang')]);
      for (const code of ['pain.waiting', 'pain.lost', 'longing.wish']) expect(['0', '1']).toContain(row[column(code)]);
    }
    // Thomas's lost parcel (tickets.csv:23) is coded as lost.
    const lost = rows.find((row) => row[column('source_line')] === '23')!;
    expect(lost[column('pain.lost')]).toBe('1');
    expect(lost[column('pain.passed-around')]).toBe('1');
  });

  it('reads only the text strictly: a bad date elsewhere is empty with a warning; CSV keeps rejected rows in place', async () => {
    const dir = tempDir();
    const input = join(dir, 'feedback.csv');
    writeFileSync(input, 'Datum,Kommentar\n31.04.2024,Alles kaputt angekommen!\n01.05.2024,Danke für den tollen Kaffee\n02.05.2024,zu,viel\n');
    const jsonl = join(dir, 'out.jsonl');
    const run = await runThick(['annotate', input, '-o', jsonl]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/feedback\.csv:2:1: column "Datum": .*31\.04\.2024.*read as empty/);
    const rows = readFileSync(jsonl, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rows[0]).toMatchObject({ source: { line: 2 }, at: null, text: 'Alles kaputt angekommen!', lang: 'de' });
    expect(rows[0].codes).toContain('pain.damaged');
    expect(rows[2]).toEqual({ source: { file: input, line: 4 }, rejected: 'column 3: expected 2 fields, found 3' });

    const csv = join(dir, 'out.csv');
    expect((await runThick(['annotate', input, '-o', csv])).code).toBe(0);
    const [header, ...records] = parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
    expect(records).toHaveLength(3);
    const at = (name: string) => header!.indexOf(name);
    expect(records.map((r) => r[at('source_line')])).toEqual(['2', '3', '4']);
    expect(records[2]![at('rejected')]).toBe('column 3: expected 2 fields, found 3');
    expect(records[2]![at('raw')]).toBe('02.05.2024,zu,viel');
    expect(records[0]![at('rejected')]).toBe('');
  });

  it('carries each record\'s kind and rating, in JSON and in CSV', async () => {
    const run = await runThick(['annotate', 'fixtures/presets/google-play-reviews.csv', '-o', '-']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => [r.kind, r.rating?.value, r.direction])).toEqual([
      ['review', 1, 'inbound'],
      ['review', 5, 'inbound'],
      ['review', 2, 'inbound'],
      ['review', 4, 'inbound'],
      ['review', 2, 'inbound'],
      ['review', 2, 'inbound'],
    ]);
    expect(rows[0].rating).toEqual({ value: 1, scale: 'stars5' });
    const csv = join(tempDir(), 'out.csv');
    expect((await runThick(['annotate', 'fixtures/presets/amazon-reviews.csv', '-o', csv])).code).toBe(0);
    const [header, ...records] = parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
    const at = (name: string) => header!.indexOf(name);
    expect(records.map((r) => [r[at('kind')], r[at('rating')], r[at('rating_scale')]])[2]).toEqual(['review', '1', 'stars5']);
  });

  it('prints JSON lines to stdout with -o -', async () => {
    const run = await runThick(['annotate', 'fixtures/demo/notes.csv', '-o', '-']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(22);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('thick inspect', () => {
  it('names an empty file and goes on with the others', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const run = await runThick(['inspect', empty, 'fixtures/demo/notes.csv', '--json']);
    expect(run.code).toBe(0);
    const [first, second] = JSON.parse(run.stdout);
    expect(first).toMatchObject({ rows: { read: 0, used: 0, rejected: 0 }, warnings: [`${empty}: empty file, nothing to read`] });
    expect(second).toMatchObject({ preset: 'notes', rows: { read: 22 } });
  });

  it('shows encoding, delimiter, preset, mapping, rows and date order per file', async () => {
    const run = await runThick(['inspect', 'fixtures/demo/orders.csv', 'fixtures/demo/tickets.csv', '--json']);
    expect(run.code).toBe(0);
    const [orders, tickets] = JSON.parse(run.stdout);
    expect(orders).toMatchObject({ encoding: 'utf-8', delimiter: ';', preset: 'orders', rows: { read: 90, used: 90, rejected: 0 } });
    expect(orders.mapping).toMatchObject({ orderId: 'Bestellnummer', crmId: 'Kundennummer', quantity: 'Menge', unitPrice: 'Einzelpreis' });
    expect(orders.dateOrders.date.order).toBe('DMY');
    expect(tickets).toMatchObject({ preset: 'tickets', rows: { read: 36 } });
  });

  it('shows who each file\'s rows are: key column, keys, rows per key, customers, records by kind, joins and warnings', async () => {
    const run = await runThick(['inspect', 'fixtures/reviews/bewertungen-de.csv', '--json']);
    expect(run.code).toBe(0);
    const [site] = JSON.parse(run.stdout);
    expect(site).toMatchObject({
      preset: 'reviews',
      rating: { column: 'Sterne', scale: 'stars5' },
      key: { field: 'name', column: 'Name' },
      keys: 2,
      rowsPerKey: { mean: 2, max: 2 },
      customers: 7,
      records: { review: 9 },
      brandRecords: 3,
      placeholderRows: 5,
      joins: { nameJoins: 4, anonymous: 5, byOrder: 0, byAlias: 0, unjoined: 0 },
    });
    expect(site.warnings.join('\n')).toMatch(/5 rows name a placeholder author .*\n.*4 rows were joined to a customer by name alone/);
    const text = (await runThick(['inspect', 'fixtures/shop-export/olist_orders_dataset.csv', 'fixtures/shop-export/olist_customers_dataset.csv'])).stdout;
    expect(text).toContain('  who        key customer_id (crmId), 4 keys, 1 row per key (max 1); 3 customers; records: order 4; joined by alias 4');
  });

  it('lists the first problems with line and column', async () => {
    const dir = tempDir();
    const input = join(dir, 'orders.csv');
    writeFileSync(input, 'Order ID,Customer ID,Date,Quantity,Unit Price\nA1,7,2024-02-30,2,9.50\n');
    const run = await runThick(['inspect', input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/line 2, column 3: date: impossible date "2024-02-30"/);
  });
});

describe('thick codebook', () => {
  it('prints the default codebook from the seeds', async () => {
    const run = await runThick(['codebook', '--json']);
    expect(run.code).toBe(0);
    const codebook = JSON.parse(run.stdout);
    expect(codebook.codes).toHaveLength(34);
    expect(codebook.codes.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['longing.wish', 'pain.no-reply', 'trust.prepayment', 'role.helper', 'life.retirement', 'action.response-needed']));
    expect((await runThick(['codebook'])).stdout).toMatch(/^version: 1\ncodes:\n  - id: /);
  });

  it('extends it with --codebook, or replaces it with replace: true', async () => {
    const dir = tempDir();
    const extra = join(dir, 'extra.yaml');
    const code = `  - id: product.decaf\n    category: product\n    label: { en: Decaf, de: Entkoffeiniert }\n    description: Asks about decaffeinated coffee.\n    patterns:\n      words: [decaf, entkoffeiniert]\n`;
    writeFileSync(extra, `version: 1\ncodes:\n${code}`);
    const extended = JSON.parse((await runThick(['codebook', '--codebook', extra, '--json'])).stdout);
    expect(extended.codes).toHaveLength(35);
    const only = join(dir, 'only.yaml');
    writeFileSync(only, `version: 1\nreplace: true\ncodes:\n${code}`);
    expect(JSON.parse((await runThick(['codebook', '--codebook', only, '--json'])).stdout).codes).toHaveLength(1);

    const out = join(dir, 'a.jsonl');
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'text\nHabt ihr den Espresso auch entkoffeiniert?\n');
    await runThick(['annotate', input, '--codebook', extra, '-o', out]);
    expect(JSON.parse(readFileSync(out, 'utf8')).codes).toContain('product.decaf');
  });

  it('rejects a broken codebook with exit 2, naming the file and the key', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\ncodes:\n  - id: pain.x\n    category: pain\n    label: { en: X, de: X }\n    description: x\n    patterns:\n      words: oops\n');
    const run = await runThick(['codebook', '--codebook', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad}: codes[0].patterns.words: expected array of strings`);
  });
});

describe('annotate and analyze read the same record', () => {
  it('codes a tweet to the brand as a conversation in both, so a conversation-only code agrees', async () => {
    const dir = tempDir();
    const tweets = join(dir, 'tweets.csv');
    writeFileSync(
      tweets,
      [
        'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
        '11,lotte_k,True,Mon Mar 04 09:00:00 +0000 2024,@KioskHelp my order is stuck at the depot,12,',
        '12,KioskHelp,False,Mon Mar 04 09:20:00 +0000 2024,@lotte_k Sorry! Please DM us your order number.,,11',
      ].join('\n') + '\n',
    );
    const codebook = join(dir, 'codes.yaml');
    writeFileSync(
      codebook,
      [
        'version: 1',
        'codes:',
        '  - id: custom.to-brand',
        '    category: custom',
        '    label: { en: Said to the brand, de: An die Marke }',
        '    description: Anything said in a conversation with the brand.',
        '    patterns: {}',
        '    rules:',
        '      - when: { conversation: true }',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'tweets.jsonl');
    expect((await runThick(['annotate', tweets, '--codebook', codebook, '-o', out])).code).toBe(0);
    const [tweet] = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(tweet.codes).toContain('custom.to-brand');
    const reports = join(dir, 'reports');
    expect((await runThick(['analyze', tweets, '--codebook', codebook, '-o', reports])).code).toBe(0);
    const profile = JSON.parse(readFileSync(join(reports, 'profiles.jsonl'), 'utf8').trim().split('\n')[0]!);
    expect(profile.codes['custom.to-brand']).toBe(1);
  });
});
