// Issue 7, in process: the layouts real exports come in (Amazon reviews, Google Play reviews, a German review site
// without ids, a four-file shop export in Olist's layout, generic files with direction and amount columns), each in
// a small fixture written for thick. Every figure below was worked out by hand from those rows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { ingestFile, type IngestOptions } from '../src/ingest/index.js';
import { ingestAll } from '../src/cli/pipeline.js';
import { analyse } from '../src/pipeline.js';
import { renderCustomerReport } from '../src/report/customer.js';
import { parseMapFlags } from '../src/cli/options.js';
import { readLabeled } from '../src/cli/eval.js';
import { ROOT, tempDir } from './helpers.js';
import { defaultCodebook } from '../src/cli/resources.js';

const fixture = (path: string): string => join(ROOT, 'fixtures', path);

function run(files: string[], options: IngestOptions = {}) {
  const analysis = analyse(ingestAll(files.map(fixture), options), { codebook: defaultCodebook(), brandHandles: options.brandHandles });
  const byId = Object.fromEntries(analysis.profiled.map((p) => [p.profile.id, p]));
  return { ...analysis, byId };
}

const ingestText = (text: string, options: IngestOptions = {}, file = 'in.csv') => ingestFile(new TextEncoder().encode(text), file, options);

describe('Amazon review layout', () => {
  const { identities, profiled, byId, events } = run(['presets/amazon-reviews.csv']);
  const stale = () => events.find((e) => e.messageId === 'amazon:103');

  it('keys reviews by UserId, not by the review Id: three reviews by one person are one customer', () => {
    expect(identities[0]).toMatchObject({ key: { field: 'crmId', column: 'UserId' }, keys: 5, rowsPerKey: { mean: 1.4, max: 3 }, customers: 5, records: { review: 7 } });
    expect(profiled).toHaveLength(5);
    expect(byId['A2KX7FQ1ZL9M3P']!.events.filter((e) => e.kind === 'review')).toHaveLength(3);
    expect(byId['A2KX7FQ1ZL9M3P']!.profile.name).toBe('Marta "Tea Nerd" K.');
  });

  it('never joins two people by the placeholder "Amazon Customer", nor names them by it', () => {
    expect(byId['A9QZT5R2B7XW1C']!.customer).toMatchObject({ name: null, anonymous: false });
    expect(byId['A1LMN8OP2QR4ST']!.customer).toMatchObject({ name: null, anonymous: false });
  });

  it('keeps each review\'s stars (not the helpfulness votes), its title before its text, decoded, and its 1999 date', () => {
    const stale = events.find((e) => e.messageId === 'amazon:103')!;
    expect(stale).toMatchObject({ kind: 'review', rating: { value: 1, scale: 'stars5' }, expectsReply: false });
    expect(stale.text).toBe('Tastes like cardboard. Stale. The "best before" date was two months ago & the tin was dented.');
    expect(stale.at?.toISOString()).toBe('1999-10-15T00:00:00.000Z');
    expect(events.find((e) => e.messageId === 'amazon:101')!.text).toBe('Lovely first flush. Bright, floral, not bitter at all.\n\nI brew it at 80°C for three minutes.');
    expect(byId['A3UVW6XY7Z8AB9']!.profile.name).toBe('Ben & Jo');
  });

  it('says which product each quoted review is of: one customer reviewed two teas', () => {
    expect(stale()).toMatchObject({ product: 'B00TEA0001' });
    const report = renderCustomerReport(byId['A2KX7FQ1ZL9M3P']!, { lang: 'en', codes: new Map() });
    expect(report).toMatch(/> — review of B00TEA0001, 2011-08-17/);
    expect(report).toMatch(/> — review of B00TEA0002, /);
  });
});

describe('Google Play review layout', () => {
  const { identities, profiled, events } = run(['presets/google-play-reviews.csv']);

  it('makes each review by "Ein Google-Nutzer" or "A Google user" a customer of its own', () => {
    expect(profiled).toHaveLength(5);
    const anonymous = profiled.filter((p) => p.customer.anonymous);
    // Their review ids share their first 30 characters; the names take the tails that tell them apart.
    expect(anonymous.map((p) => p.profile.name)).toEqual(['Ein Google-Nutzer #1b01', 'Ein Google-Nutzer #1b02', 'A Google user #1b03', 'Ein Google-Nutzer #1b05']);
    expect(new Set(anonymous.map((p) => p.profile.id)).size).toBe(4);
    expect(identities[0]).toMatchObject({ placeholderRows: 4, joins: { anonymous: 4, nameJoins: 2 }, customers: 5, records: { review: 6 }, brandRecords: 3 });
  });

  it('reads the "at" column as the date, the developer reply as the brand\'s answer to that review, and expects no reply', () => {
    const first = events.find((e) => e.messageId === 'google-play:3f1c2a7e-0001-4b7a-9c11-5d2e8f0a1b01')!;
    expect(first).toMatchObject({ kind: 'review', rating: { value: 1, scale: 'stars5' }, expectsReply: false });
    expect(first.at?.toISOString()).toBe('2025-03-02T08:15:00.000Z');
    const reply = events.find((e) => e.replyTo === first.messageId)!;
    expect(reply).toMatchObject({ direction: 'outbound', kind: 'post', customerKey: first.customerKey, expectsReply: false });
    expect(reply.text).toMatch(/^Hallo, das tut uns leid/);
    expect(events.filter((e) => e.direction === 'inbound').every((e) => !e.expectsReply)).toBe(true);
  });

  it('joins Petra\'s two reviews by her name alone, and keeps that as evidence', () => {
    const petra = profiled.find((p) => p.profile.name === 'Petra Sommer')!;
    // Line 2's reply spans two lines, so her rows start on lines 6 and 8.
    expect(petra.customer.nameJoins.map((s) => s.line)).toEqual([6, 8]);
  });
});

describe('a German review site without ids', () => {
  const { identities, profiled, events, warnings } = run(['reviews/bewertungen-de.csv']);

  it('never merges "Kunde", "Kundin" or "Gast" into one customer; the placeholder list can grow', () => {
    const names = profiled.map((p) => p.profile.name);
    expect(names.filter((n) => n?.startsWith('Kunde ('))).toHaveLength(3);
    expect(profiled).toHaveLength(7);
    expect(identities[0]).toMatchObject({ key: { field: 'name', column: 'Name' }, placeholders: { Kunde: 3, Kundin: 1, Gast: 1 }, joins: { anonymous: 5, nameJoins: 4 } });
    expect(warnings.some((w) => w.includes('5 rows name a placeholder author ("Kunde" 3, "Kundin" 1, "Gast" 1)'))).toBe(true);
    const helga = run(['reviews/bewertungen-de.csv'], { placeholders: ['Helga Marx'] });
    expect(helga.profiled).toHaveLength(8);
  });

  it('joins "Jürgen" typed with a combining umlaut to the precomposed one (NFC)', () => {
    const jurgen = profiled.find((p) => p.profile.name === 'Jürgen Kahl')!;
    expect(jurgen.events.filter((e) => e.kind === 'review')).toHaveLength(2);
  });

  it('reads "Sterne" as the rating and "Bewertung" (words) as the text, and the company\'s answer as the brand\'s', () => {
    const review = events.find((e) => e.source.line === 3)!;
    expect(review).toMatchObject({ rating: { value: 1, scale: 'stars5' }, text: 'Nie wieder. Ware kam beschädigt an, die Rückerstattung dauert ewig.' });
    expect(events.find((e) => e.source.line === 6 && e.direction === 'inbound')!.text).toBe('Top. Immer wieder gern.\nDanke an das Team!');
    expect(events.filter((e) => e.direction === 'outbound')).toHaveLength(3);
  });
});

describe('a four-file shop export in Olist\'s layout', () => {
  const files = ['olist_customers_dataset.csv', 'olist_orders_dataset.csv', 'olist_order_items_dataset.csv', 'olist_order_reviews_dataset.csv'].map((f) => `shop-export/${f}`);
  const { ingests, identities, byId, events } = run(files);
  const anna = '7e57ab1e00000000000000000000a001';
  const ben = '7e57ab1e00000000000000000000b002';
  const cem = '7e57ab1e00000000000000000000c004';

  it('reads every file (no "cannot tell what kind of export this is") as one customer per customer_unique_id', () => {
    // The run takes its files by name: customers, order items, order reviews, orders.
    expect(ingests.map((i) => i.preset.id)).toEqual(['contacts', 'orders', 'reviews', 'orders']);
    expect(Object.keys(byId).sort()).toEqual([anna, ben, cem]);
    expect(byId[anna]!.customer.aliases).toEqual(['a1f0c0de00000000000000000000c001', 'c3f0c0de00000000000000000000c003']);
  });

  it('counts orders per customer and takes revenue from the items, joined through their orders', () => {
    expect(byId[anna]!.profile.orders).toEqual({ count: 2, revenue: 37.4 });
    expect(byId[ben]!.profile.orders).toEqual({ count: 1, revenue: 42 });
    expect(byId[cem]!.profile.orders).toEqual({ count: 1, revenue: 0 });
    const joins = (file: string) => identities.find((i) => i.file.endsWith(file))!.joins;
    expect(['customers', 'orders', 'order_items', 'order_reviews'].map((f) => joins(`olist_${f}_dataset.csv`).byOrder)).toEqual([0, 0, 4, 3]);
    expect(joins('olist_orders_dataset.csv').byAlias).toBe(4);
  });

  it('attaches each survey answer to the customer of its order, with its rating, as a survey that expects no reply', () => {
    const surveys = events.filter((e) => e.kind === 'survey');
    expect(surveys.map((e) => [e.customerKey, e.rating?.value])).toEqual([
      [anna, 5],
      [ben, 1],
      [anna, 4],
    ]);
    expect(surveys.every((e) => !e.expectsReply && e.channel === 'survey')).toBe(true);
    // Answered, not sent: review_answer_timestamp is the record's time.
    expect(surveys[0]!.at?.toISOString()).toBe('2024-03-07T09:15:00.000Z');
    expect(surveys[1]!.text).toBe('Defekt. Das Gerät ging nach zwei Tagen kaputt.\nKeine Antwort vom Händler.');
  });
});

describe('smaller defects', () => {
  it('reads a table as text when --map names its text column, even if its other columns look like contacts', () => {
    const table = 'id,text,label,reason,airline,created\n4821,@FlyNord my bag never arrived,negative,Lost Luggage,FlyNord,3/11/2023 14:20\n';
    const result = ingestText(table, { overrides: parseMapFlags(['text=text']), lenient: true });
    expect(result.preset.id).toBe('generic');
    expect(result.events[0]).toMatchObject({ kind: 'message', text: '@FlyNord my bag never arrived' });
  });

  it('honours a generic export\'s direction and amount columns: the brand\'s words are never the customer\'s', () => {
    const csv =
      'customer_id;direction;type;text;amount;date\n' +
      'K-1;inbound;email;Wo bleibt meine Bestellung?;;2024-05-02\n' +
      'K-1;outbound;email;Ist unterwegs, morgen da.;;2024-05-02\n' +
      'K-1;inbound;order;;49,90;2024-05-01\n';
    const { events } = ingestText(csv);
    expect(events.map((e) => [e.kind, e.direction, e.amount, e.expectsReply])).toEqual([
      ['message', 'inbound', null, true],
      ['message', 'outbound', null, false],
      ['order', 'inbound', 49.9, false],
    ]);
  });

  it('reads nine-digit Unix seconds the same in analyze (strict), annotate (lenient) and eval', () => {
    const csv = 'id,UserId,Score,Time,Text\n1,U1,5,939945600,Great beans\n2,U2,1,1262304000,Stale beans\n';
    const strict = ingestText(csv);
    const lenient = ingestText(csv, { lenient: true });
    expect(strict.rows).toEqual({ read: 2, used: 2, rejected: 0 });
    expect(strict.events.map((e) => e.at?.toISOString())).toEqual(lenient.events.map((e) => e.at?.toISOString()));
    expect(strict.events[0]!.at?.toISOString()).toBe('1999-10-15T00:00:00.000Z');
    const file = join(tempDir(), 'rated.csv');
    writeFileSync(file, csv);
    expect(readLabeled(file, { map: [], brand: [] }).rows).toEqual({ read: 2, used: 2, rejected: 0 });
  });

  it('reads --map satisfaction=Score (the old name) as the rating instead of ignoring it', () => {
    const csv = 'Ticket ID,Email,Subject,Text,Score\n1,a@x.de,Paket,Kam nie an,1\n2,b@x.de,Lob,Super,5\n';
    const result = ingestText(csv, { overrides: parseMapFlags(['satisfaction=Score']) });
    expect(result.mapping.rating).toBe(4);
    expect(result.events.filter((e) => e.direction === 'inbound').map((e) => e.rating)).toEqual([
      { value: 1, scale: 'stars5' },
      { value: 5, scale: 'stars5' },
    ]);
  });

  it('counts the replies a tweet names that are missing from the export (TWCS response_tweet_id)', () => {
    const csv =
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n' +
      '10,jonas_w,True,Mon Mar 04 08:00:00 +0000 2024,@BrandHelp my order?,"11,12",\n' +
      '12,BrandHelp,False,Mon Mar 04 09:00:00 +0000 2024,@jonas_w checking!,,10\n';
    const analysis = analyse([ingestText(csv, {}, 'tw.csv')], { codebook: defaultCodebook() });
    const tweet = analysis.events.find((e) => e.messageId === 'twitter:10')!;
    expect(tweet).toMatchObject({ unseenReplies: 1, expectsReply: true, customerKey: 'jonas_w' });
  });

  it('decodes HTML entities and <br /> in the customer\'s text at ingest', () => {
    const { events } = ingestText('Kommentar\n"Super Kaffee!<br />Gr&uuml;&szlig;e &amp; danke &#34;Team&#34;"\n');
    expect(events[0]!.text).toBe('Super Kaffee!\nGrüße & danke "Team"');
  });
});
