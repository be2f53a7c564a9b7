import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../annotate/codebook.js';
import { ingestFile, type FileIngest } from '../ingest/index.js';
import { byAttention } from '../profile/index.js';
import { renderCustomerReport } from '../report/customer.js';
import { renderIndex } from '../report/index-page.js';
import { chooseOpeners } from '../report/openers.js';
import { activeCodebook, analyse, codeInfo } from './pipeline.js';

const tempFile = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'thick-pipeline-')), name);
  writeFileSync(path, text);
  return path;
};

describe('the codebook declaration check', () => {
  it('names which judgement loses what when replace: true drops a declared code', () => {
    const file = tempFile(
      'mine.yaml',
      [
        'version: 1',
        'replace: true',
        'codes:',
        '  - id: pain.parking',
        '    category: pain',
        '    label: { en: Parking, de: Parken }',
        '    description: Trouble finding a place to park at the shop.',
        '    patterns: { words: [parking] }',
      ].join('\n'),
    );
    const warnings: string[] = [];
    activeCodebook(file, warnings);
    const praise = warnings.find((w) => w.includes('"dialog.praise"'));
    expect(praise).toBe(
      `${file}: the codebook has no "dialog.praise" (replace: true dropped the default); without it thick loses the advocate stage ("praised the brand") and the opener that thanks for praise`,
    );
    expect(warnings.some((w) => w.includes('category longing') && w.includes('the opener that picks up a wish'))).toBe(true);
    expect(warnings.some((w) => w.includes('category pain'))).toBe(false);
  });

  it('says nothing when a codebook only extends the default', () => {
    const file = tempFile('extra.yaml', ['version: 1', 'codes:', '  - id: pain.parking', '    category: pain', '    label: { en: Parking, de: Parken }', '    description: Trouble parking.', '    patterns: { words: [parking] }'].join('\n'));
    const warnings: string[] = [];
    activeCodebook(file, warnings);
    expect(warnings).toEqual([]);
  });
});

// Review exports, as the ingest side will read them: one review per row, with a star rating and no reply expected.
// Until ingest fills Event.kind and Event.rating itself, this helper sets them from the row's `stars` cell.
function asReviews(ingest: FileIngest): FileIngest {
  const stars = ingest.header.indexOf('stars');
  for (const row of ingest.used) {
    for (const event of row.events) {
      if (event.direction !== 'inbound') continue;
      event.kind = 'review';
      event.expectsReply = false;
      event.rating = { value: Number(row.fields[stars]), scale: 'stars5' };
    }
  }
  return ingest;
}

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
  const ingest = asReviews(ingestFile(Buffer.from(REVIEWS), 'reviews.csv', { keepFields: true }));
  const analysis = analyse([ingest], { codebook: defaultCodebook(), asOf: new Date('2024-07-01T00:00:00Z') });
  const byId = Object.fromEntries(analysis.profiled.map((p) => [p.profile.id, p]));

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
    expect(index).toContain('## Was dieser Lauf nicht sehen kann');
    expect(index.match(/Keine Bestelldaten/g)).toHaveLength(1);
    for (const p of analysis.profiled) expect(p.profile.blindSpots.join(' ')).not.toMatch(/order data|CRM contacts|analyst notes/);
  });
});

describe('whether a run can show replies', () => {
  const PLAY = [
    'reviewId,userName,content,score,thumbsUpCount,reviewCreatedVersion,at,replyContent,repliedAt,appVersion',
    'a1b2c3d4-0001,Jana Kowalczyk,"Seit dem Update kann ich keinen Zählerstand mehr melden.",1,0,5.2.0,2025-03-28 09:00:00,,,5.2.0',
  ].join('\n');

  it('comes from a reply column even when no review in it was answered yet', () => {
    const analysis = analyse([ingestFile(Buffer.from(PLAY), 'play.csv', {})], { codebook: defaultCodebook(), asOf: new Date('2025-04-01T00:00:00Z') });
    expect(analysis.profiled[0]!.profile.attentionReasons).toContain('1 critical, not replied to');
    expect(chooseOpeners(analysis.profiled[0]!, codeInfo(defaultCodebook()), 'en')[0]!.key).toBe('replyCriticalReview');
  });
});
