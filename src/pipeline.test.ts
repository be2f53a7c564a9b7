import { describe, expect, it } from 'vitest';

import { ingestFile } from './ingest/index.js';
import { analyse, codeInfo } from './pipeline.js';
import { byAttention } from './profile/index.js';
import { renderCustomerReport } from './report/customer.js';
import { expectCountsRise, renderIndex } from './test-support.js';
import { chooseOpeners } from './report/openers.js';
import { defaultCodebook } from './cli/resources.js';
import type { Progress } from './progress.js';

// A review export as users bring it: one review per row with its stars, read by ingest itself (the generic reviews
// preset), so a regression there (kind, rating, expected reply) shows here too.
const REVIEWS = [
  'username,date,text,stars',
  'kaffeetante_kiel,2024-06-02,"Bester Espresso, den ich kenne. Danke!",5',
  'kaffeetante_kiel,2024-06-09,"Wieder perfekt geröstet, wunderbar.",5',
  'kaffeetante_kiel,2024-06-16,"Immer wieder ein Genuss, super Service!",5',
  'bohnenfreund,2024-06-28,"Tolle Dose, schönes Design, riecht herrlich.",1',
  'grummel_hb,2024-06-27,"Kam zerbrochen an, seit einer Woche keine Antwort.",2',
  'still_reader,2021-03-04,"Schmeckt gut.",4',
].join('\n');

describe('analyse on a review export', () => {
  const ingest = ingestFile(Buffer.from(REVIEWS), 'reviews.csv');
  const analysis = analyse([ingest], { codebook: defaultCodebook(), asOf: new Date('2024-07-01T00:00:00Z') });
  const byId = Object.fromEntries(analysis.profiled.map((p) => [p.profile.id, p]));

  it('reads the file as reviews with their stars, none of them awaiting a reply', () => {
    expect(ingest.preset.id).toBe('reviews');
    expect(ingest.rating).toEqual({ column: 'stars', scale: 'stars5' });
    expect(ingest.events.map((e) => [e.kind, e.rating?.value, e.expectsReply])).toEqual([
      ['review', 5, false],
      ['review', 5, false],
      ['review', 5, false],
      ['review', 1, false],
      ['review', 2, false],
      ['review', 4, false],
    ]);
  });

  it('treats no review as an unanswered message', () => {
    for (const p of analysis.profiled) {
      expect(p.profile.dialog.unanswered).toBe(0);
      expect(p.profile.dialog.noReplyExpected).toBe(p.profile.dialog.inbound);
      expect(p.profile.stageReasons.join(' ')).not.toMatch(/never answered/);
    }
  });

  it('lets the rating win over happy-sounding words, and flags them', () => {
    const ironic = byId['bohnenfreund']!;
    expect(ironic.profile.stage).toBe('at-risk');
    expect(ironic.profile.rating).toMatchObject({ latest: 1, scale: 'stars5', n: 1 });
    expect(renderCustomerReport(ironic, { lang: 'en', codes: codeInfo(defaultCodebook()) })).toContain('⚠ thick reads the words as positive, the rating says negative');
  });

  it('puts the fresh critical reviews first and the happy reviewer last but for the one from 2021', () => {
    const order = [...analysis.profiled].sort(byAttention).map((p) => p.profile.id);
    expect(order.slice(0, 2).sort()).toEqual(['bohnenfreund', 'grummel_hb']);
    expect(order.indexOf('kaffeetante_kiel')).toBeGreaterThan(1);
    expect(byId['kaffeetante_kiel']!.profile.stage).toBe('advocate');
  });

  it('answers reviews publicly or not at all', () => {
    const codes = codeInfo(defaultCodebook());
    // The export has no reply column: whether the review was answered is unknown, and the opener says so.
    expect(chooseOpeners(byId['grummel_hb']!, codes, 'en')[0]!.key).toBe('replyCriticalReviewIfOpen');
    const old = chooseOpeners(byId['still_reader']!, codes, 'en');
    expect(old.map((o) => o.key)).toEqual(['reviewPraiseLater']);
    expect(old[0]!.text).toMatch(/Not news to thank them for now; when they next get in touch, ask whether it still holds\.$/);
    for (const p of analysis.profiled) expect(chooseOpeners(p, codes, 'en').map((o) => o.text).join(' ')).not.toMatch(/Apologise for the wait|still open/);
  });

  it('says the gaps of the whole run once, in the index', () => {
    // Which preset reads the file (and so whether it counts as social data) is the ingest side's choice.
    expect(analysis.runBlindSpots.map((f) => f.key)).toEqual(expect.arrayContaining(['runNoOrders', 'runNoContacts', 'runNoNotes', 'runOneChannel']));
    const index = renderIndex(analysis.profiled, { files: [], contextEvents: [], blindSpots: analysis.runBlindSpots }, 'de');
    expect(index).toContain('## Was diese Auswertung nicht sehen kann');
    expect(index.match(/Keine Bestelldaten/g)).toHaveLength(1);
    for (const p of analysis.profiled) expect(p.profile.blindSpots.join(' ')).not.toMatch(/order data|CRM contacts|analyst notes/);
  });
});

describe('what the run holds', () => {
  it('knows orders and social posts from the records a generic export\'s kind column makes, not from presets', () => {
    const csv = [
      'customer_id,type,text,amount,date',
      'K-7,order,2 × Espresso,18.90,2024-05-01',
      'K-7,order,Filterkaffee,9.50,2024-05-20',
      'K-7,comment,Endlich wieder da! @roesterei,,2024-05-21',
      'K-7,email,Wann kommt die neue Ernte?,,2024-05-22',
    ].join('\n');
    const analysis = analyse([ingestFile(Buffer.from(csv), 'export.csv')], { codebook: defaultCodebook() });
    expect(analysis.profiled[0]!.profile.orders).toEqual({ count: 2, revenue: 28.4 });
    const gaps = analysis.runBlindSpots.map((f) => f.key);
    expect(gaps).not.toContain('runNoOrders');
    expect(gaps).not.toContain('runNoSocial');
  });

  it('takes no brand reply to a review for social data', () => {
    const csv = 'username,date,text,stars,reply\nmara_l,2024-06-02,Kam kaputt an.,1,Das tut uns leid!\n';
    const analysis = analyse([ingestFile(Buffer.from(csv), 'reviews.csv')], { codebook: defaultCodebook() });
    expect(analysis.events.some((e) => e.kind === 'post' && e.direction === 'outbound')).toBe(true);
    expect(analysis.runBlindSpots.map((f) => f.key)).toEqual(expect.arrayContaining(['runNoOrders', 'runOnlyReviews']));
  });
});

describe('refunds in a generic export', () => {
  it('count against revenue but not as one more order, with or without an order id', () => {
    const csv = [
      'customer_id,type,order_id,amount,date',
      'K-3,order,A-1,40.00,2024-04-02',
      'K-3,order,A-2,25.00,2024-04-20',
      'K-3,refund,,10.00,2024-04-25',
      'K-3,Retoure,A-9,5.00,2024-04-26',
    ].join('\n');
    const analysis = analyse([ingestFile(Buffer.from(csv), 'ledger.csv')], { codebook: defaultCodebook() });
    expect(analysis.profiled[0]!.profile.orders).toEqual({ count: 2, revenue: 50 });
  });
});

describe('rows that join no customer', () => {
  it('are rejected with file, line and a reason a user can act on, keeping read = used + rejected', () => {
    const items = 'order_id,order_item_id,product_id,price\nB-4711,1,P-9,19.90\nB-4711,2,P-3,5.00\n';
    const messages = 'customer_id,direction,text,message_id,reply_to\nK-1,inbound,Wo ist mein Paket?,m1,\n,inbound,Hallo?,m2,\nK-1,outbound,Ist unterwegs.,m3,m1\n,outbound,Gern geschehen!,m4,m99\n';
    const analysis = analyse([ingestFile(Buffer.from(items), 'items.csv'), ingestFile(Buffer.from(messages), 'inbox.csv')], { codebook: defaultCodebook() });
    // The run's files come in one fixed order, by name, whatever order they were given in.
    expect(analysis.ingests.map((i) => i.file)).toEqual(['inbox.csv', 'items.csv']);
    const [inbox, itemFile] = analysis.ingests;
    expect(itemFile!.rows).toEqual({ read: 2, used: 0, rejected: 2 });
    expect(itemFile!.rejected.map((r) => [r.line, r.reason, r.raw])).toEqual([
      [2, 'order B-4711 is in no orders file of this run', 'B-4711,1,P-9,19.90'],
      [3, 'order B-4711 is in no orders file of this run', 'B-4711,2,P-3,5.00'],
    ]);
    expect(inbox!.rows).toEqual({ read: 4, used: 2, rejected: 2 });
    expect(inbox!.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'names no customer (no id, email, handle or name)'],
      [5, "the brand's reply to message m99, which is in no file of this run"],
    ]);
    expect(analysis.warnings).toContain('1 brand reply answers a message not in the data (inbox.csv:5): it joins no customer and is rejected');
    expect(analysis.events.map((e) => e.source.line)).toEqual([2, 4]);
    expect(analysis.identities.find((i) => i.file === 'inbox.csv')!.joins.unjoined).toBe(2);
    for (const file of analysis.ingests) expect(file.rows.read).toBe(file.rows.used + file.rows.rejected);
  });
});

describe('order status in a shop export split into files (Olist layout)', () => {
  const customers = 'customer_id,customer_unique_id,customer_city\nc-1,p-1,kiel\nc-2,p-1,kiel\nc-3,p-2,bonn\nc-4,p-3,jena\n';
  const orders = [
    'order_id,customer_id,order_status,order_purchase_timestamp',
    'o-1,c-1,delivered,2024-03-01 10:00:00',
    'o-2,c-2,canceled,2024-03-09 12:00:00',
    'o-3,c-3,shipped,2024-03-10 08:00:00',
    'o-4,c-4,unavailable,2024-03-11 09:30:00',
  ].join('\n');
  const items = 'order_id,order_item_id,price\no-1,1,10.00\no-1,2,5.00\no-2,1,30.00\n';
  const analysis = analyse(
    [ingestFile(Buffer.from(customers), 'customers.csv'), ingestFile(Buffer.from(orders), 'orders.csv'), ingestFile(Buffer.from(items), 'items.csv')],
    { codebook: defaultCodebook() },
  );
  const byId = Object.fromEntries(analysis.profiled.map((p) => [p.profile.id, p]));

  it('marks every line of a cancelled order, in any file, with the order\'s status', () => {
    const lines = analysis.events.filter((e) => e.orderId === 'o-2');
    expect(lines.map((e) => [e.source.file, e.status, e.cancelled])).toEqual([
      ['items.csv', 'canceled', true],
      ['orders.csv', 'canceled', true],
    ]);
    expect(analysis.events.filter((e) => e.orderId === 'o-1').every((e) => !e.cancelled)).toBe(true);
  });

  it('adds no revenue for a cancelled order, and leaves revenue unknown for an order no line of which has an amount', () => {
    expect(byId['p-1']!.profile.orders).toEqual({ count: 2, revenue: 15 });
    expect(byId['p-2']!.profile.orders).toEqual({ count: 1, revenue: null });
    // Unavailable, with no items: it did not go through, so it adds nothing, and that is known.
    expect(byId['p-3']!.profile.orders).toEqual({ count: 1, revenue: 0 });
  });
});

describe('whether a run can show replies', () => {
  const PLAY = [
    'reviewId,userName,content,score,thumbsUpCount,reviewCreatedVersion,at,replyContent,repliedAt,appVersion',
    'a1b2c3d4-0001,Jana Kowalczyk,"Seit dem Update kann ich keinen Zählerstand mehr melden.",1,0,5.2.0,2025-03-28 09:00:00,,,5.2.0',
  ].join('\n');

  it('comes from a reply column even when no review in it was answered yet', () => {
    const analysis = analyse([ingestFile(Buffer.from(PLAY), 'play.csv', {})], { codebook: defaultCodebook(), asOf: new Date('2025-04-01T00:00:00Z') });
    expect(analysis.profiled[0]!.profile.attentionReasons).toContain('1 critical record without a reply');
    expect(chooseOpeners(analysis.profiled[0]!, codeInfo(defaultCodebook()), 'en')[0]!.key).toBe('replyCriticalReview');
  });
});

describe('analyse reports how far linking and profiling are', () => {
  it('reports linking (dates screened, records joined, files told, RFM and slugs settled) as one stage over the records, before annotating', () => {
    const heard: Progress[] = [];
    const options = { codebook: defaultCodebook(), asOf: new Date('2024-07-01T00:00:00Z') };
    const analysis = analyse([ingestFile(Buffer.from(REVIEWS), 'reviews.csv')], { ...options, onProgress: (p) => heard.push(p) });
    const counts = expectCountsRise(heard, 'link');
    expect(counts.at(-1)).toBe(6);
    expect(heard.filter((p) => p.stage === 'link').every((p) => p.unit === 'records' && p.share)).toBe(true);
    const stages = heard.map((p) => p.stage);
    expect(stages.lastIndexOf('link')).toBeLessThan(stages.indexOf('annotate'));
    // The codebook is compiled as a part of annotating, before the first event is.
    const codebookCompiled = expectCountsRise(heard, 'annotate', 'the codebook');
    expect(codebookCompiled.at(-1)).toBe(options.codebook.codes.length);
    const annotating = heard.filter((p) => p.stage === 'annotate').map((p) => p.part ?? p.unit);
    expect(annotating.slice(0, codebookCompiled.length)).toEqual(codebookCompiled.map(() => 'the codebook'));
    expect(annotating.slice(codebookCompiled.length).every((what) => what === 'events')).toBe(true);
    // The figures for RFM are settled over the whole run while linking, before any part of it is annotated.
    expect(heard.some((p) => p.part === 'figures for RFM')).toBe(false);
    expect(expectCountsRise(heard, 'profile').at(-1)).toBe(analysis.profiled.length);
    // Hearing the progress changes nothing of the analysis.
    const unheard = analyse([ingestFile(Buffer.from(REVIEWS), 'reviews.csv')], options);
    expect(analysis.profiled.map((p) => p.profile)).toEqual(unheard.profiled.map((p) => p.profile));
    expect(analysis.warnings).toEqual(unheard.warnings);
  });
});
