import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BRAND, thick, tempDir } from './helpers.js';

describe('thick annotate', () => {
  it('writes one JSON line per input row, in input order, with source, lang, sentiment and codes', () => {
    const dir = tempDir();
    const out = join(dir, 'social.jsonl');
    const run = thick(['annotate', 'fixtures/demo/social.csv', ...BRAND, '-o', out]);
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

  it('needs only a text column, named by --map, and keeps rejected rows in line with their reason', () => {
    const dir = tempDir();
    const input = join(dir, 'survey.csv');
    writeFileSync(input, 'Nr;Antwort;Extra\n1;Die Lieferung kam viel zu spät, ich warte seit zwei Wochen!;x\n2;Super Kaffee, danke!;y\n3;zu;viele;Felder\n4;Great coffee, but shipping to Ireland is slow.;z\n');
    const out = join(dir, 'survey.jsonl');
    const run = thick(['annotate', input, '--map', 'text=Antwort', '-o', out]);
    expect(run.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => r.source.line)).toEqual([2, 3, 4, 5]);
    expect(rows[0]).toMatchObject({ lang: 'de', sentiment: { label: 'negative' } });
    expect(rows[0].codes).toContain('pain.waiting');
    expect(rows[1]).toMatchObject({ lang: 'de', sentiment: { label: 'positive' } });
    expect(rows[2]).toEqual({ source: { file: input, line: 4 }, rejected: 'expected 3 fields, found 4' });
    expect(rows[3].lang).toBe('en');
    expect(run.stderr).toMatch(/survey\.csv:4: expected 3 fields, found 4/);
  });

  it('writes CSV for R, pandas or a spreadsheet: input columns, lang, sentiment and a 0/1 column per code', () => {
    const dir = tempDir();
    const out = join(dir, 'tickets.csv');
    expect(thick(['annotate', 'fixtures/demo/tickets.csv', '-o', out]).code).toBe(0);
    const [header, ...rows] = parse(readFileSync(out, 'utf8')) as string[][];
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
    expect(lost[column('sentiment')]).toBe('negative');
  });

  it('prints JSON lines to stdout with -o -', () => {
    const run = thick(['annotate', 'fixtures/demo/notes.csv', '-o', '-']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(22);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('thick inspect', () => {
  it('shows encoding, delimiter, preset, mapping, rows and date order per file', () => {
    const run = thick(['inspect', 'fixtures/demo/orders.csv', 'fixtures/demo/tickets.csv', '--json']);
    expect(run.code).toBe(0);
    const [orders, tickets] = JSON.parse(run.stdout);
    expect(orders).toMatchObject({ encoding: 'utf-8', delimiter: ';', preset: 'orders', rows: { read: 90, used: 90, rejected: 0 } });
    expect(orders.mapping).toMatchObject({ orderId: 'Bestellnummer', crmId: 'Kundennummer', quantity: 'Menge', unitPrice: 'Einzelpreis' });
    expect(orders.dateOrders.date.order).toBe('DMY');
    expect(tickets).toMatchObject({ preset: 'tickets', rows: { read: 36 } });
  });

  it('lists the first problems with line and column', () => {
    const dir = tempDir();
    const input = join(dir, 'orders.csv');
    writeFileSync(input, 'Order ID,Customer ID,Date,Quantity,Unit Price\nA1,7,2024-02-30,2,9.50\n');
    const run = thick(['inspect', input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/line 2, column 3: date: impossible date "2024-02-30"/);
  });
});
