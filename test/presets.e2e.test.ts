// The vendor presets, end to end: the CLI (in process) on fixtures written in each vendor's real column layout
// (fixtures/presets/). Every expected figure below was worked out by hand from the fixture rows.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runThick, tempDir } from './helpers.js';

interface Rows {
  read: number;
  used: number;
  rejected: number;
}
interface Summary {
  rows: Rows;
  customers: number;
  files: { file: string; encoding: string; delimiter: string; preset: string; rows: Rows }[];
}
interface Finding {
  file: string;
  encoding: string;
  delimiter: string;
  preset: string;
  mapping: Record<string, string>;
  rows: Rows;
  rating: { column: string; scale: string } | null;
}
interface Rejected {
  file: string;
  line: number;
  column: number | null;
  reason: string;
}

const fixture = (name: string): string => `fixtures/presets/${name}.csv`;

async function inspect(name: string): Promise<Finding> {
  const run = await runThick(['inspect', fixture(name), '--json']);
  expect(run.code).toBe(0);
  const [finding] = JSON.parse(run.stdout) as Finding[];
  return finding!;
}

/** The first four columns of rejected.csv (file, line, column, reason); reasons may be quoted. */
function readRejected(file: string): Rejected[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const m = /^([^,]+),(\d+),(\d*),("(?:[^"]|"")*"|[^,]*),/.exec(line);
    if (!m) throw new Error(`unexpected rejected.csv line: ${line}`);
    const reason = m[4]!.startsWith('"') ? m[4]!.slice(1, -1).replace(/""/g, '"') : m[4]!;
    return { file: m[1]!, line: Number(m[2]), column: m[3] ? Number(m[3]) : null, reason };
  });
}

async function analyze(files: string[], extra: string[] = []) {
  const out = tempDir();
  const run = await runThick(['analyze', ...files.map(fixture), ...extra, '-o', out, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const summary = JSON.parse(run.stdout) as Summary;
  const profiles = readFileSync(join(out, 'profiles.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const byId: Record<string, any> = Object.fromEntries(profiles.map((p) => [p.id, p]));
  const fileRows = (name: string) => summary.files.find((f) => f.file === fixture(name))!;
  return { out, summary, byId, fileRows, rejected: readRejected(join(out, 'rejected.csv')) };
}

describe('hubspot-contacts', () => {
  it('reads the English export (UTF-8, comma) and rejects an impossible date and a row with a field too many', async () => {
    const f = await inspect('hubspot-contacts');
    expect(f).toMatchObject({ preset: 'hubspot-contacts', encoding: 'utf-8', delimiter: ',', rows: { read: 8, used: 6, rejected: 2 } });
    expect(f.mapping).toMatchObject({ crmId: 'Record ID', created: 'Create Date', crmStage: 'Lifecycle Stage', country: 'Country/Region', twitter: 'Twitter Username' });
    const { summary, rejected } = await analyze(['hubspot-contacts']);
    expect(summary.customers).toBe(6);
    expect(rejected).toEqual([
      { file: fixture('hubspot-contacts'), line: 8, column: 8, reason: 'created: impossible date "2024-02-30 10:00" (February 2024 has 29 days)' },
      { file: fixture('hubspot-contacts'), line: 9, column: 15, reason: 'expected 14 fields, found 15' },
    ]);
  });

  it('reads the German export after German Excel (Windows-1252, semicolon, CRLF) with its umlauts intact', async () => {
    expect(readFileSync(fixture('hubspot-contacts-de')).includes(Buffer.from('\r\n'))).toBe(true);
    const f = await inspect('hubspot-contacts-de');
    expect(f).toMatchObject({ preset: 'hubspot-contacts', encoding: 'windows-1252', delimiter: ';', rows: { read: 6, used: 5, rejected: 1 } });
    expect(f.mapping).toMatchObject({ crmId: 'Datensatz-ID', firstName: 'Vorname', email: 'E-Mail', created: 'Erstellungsdatum', city: 'Ort', twitter: 'Twitter-Benutzername' });
    const { byId, rejected } = await analyze(['hubspot-contacts-de']);
    expect(Object.keys(byId).sort()).toEqual(['61301', '61302', '61303', '61304', '61305']);
    expect(byId['61301'].name).toBe('Jürgen Weiß');
    expect(byId['61303'].name).toBe('Françoise Müller');
    expect(rejected).toEqual([{ file: fixture('hubspot-contacts-de'), line: 7, column: 8, reason: 'created: impossible date "31.04.2024 11:00" (April has 30 days)' }]);
  });
});

describe('salesforce-contacts and salesforce-cases', () => {
  it('reads the cases report saved as Unicode text (UTF-16LE with BOM, tab) and joins cases to contacts by email', async () => {
    const bytes = readFileSync(fixture('salesforce-cases'));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    expect(await inspect('salesforce-contacts')).toMatchObject({ preset: 'salesforce-contacts', encoding: 'utf-8', delimiter: ',', rows: { read: 6, used: 5, rejected: 1 } });
    const cases = await inspect('salesforce-cases');
    expect(cases).toMatchObject({ preset: 'salesforce-cases', encoding: 'utf-16le', delimiter: '\t', rows: { read: 7, used: 6, rejected: 1 } });
    expect(cases.mapping).toMatchObject({ messageId: 'Case Number', email: 'Contact Email', date: 'Date/Time Opened', channel: 'Case Origin', firstReplyAt: 'First Response' });

    const { out, summary, byId, rejected } = await analyze(['salesforce-contacts', 'salesforce-cases']);
    expect(summary.rows).toEqual({ read: 13, used: 11, rejected: 2 });
    expect(summary.customers).toBe(5);
    // Claire's three cases: first responses after 150, 45 and 1200 minutes.
    expect(byId['0035g00000QxA1AAAV'].dialog).toMatchObject({ inbound: 3, outbound: 3, answered: 3, unanswered: 0, noReplyNeeded: 0, medianResponseMinutes: 150 });
    expect(byId['0035g00000QxA2BAAV'].dialog.medianResponseMinutes).toBe(1110); // 2:20 PM → 8:50 AM next day
    expect(byId['0035g00000QxA3CAAV'].dialog).toMatchObject({ inbound: 1, answered: 0, medianResponseMinutes: null });
    expect(byId['0035g00000QxA4DAAV'].channels).toEqual({ phone: 2 });
    // The multi-line description keeps the line its record starts on.
    const mehmet = readFileSync(join(out, 'customers', `${byId['0035g00000QxA4DAAV'].slug}.md`), 'utf8');
    expect(mehmet).toContain('fixtures/presets/salesforce-cases.csv:6');
    // rejected.csv lists the run's files by name.
    expect(rejected).toEqual([
      { file: fixture('salesforce-cases'), line: 9, column: 11, reason: 'date: impossible date "3/32/2024 9:00 AM" (March has 31 days)' },
      { file: fixture('salesforce-contacts'), line: 7, column: 12, reason: 'created: impossible date "2/30/2024" (February 2024 has 29 days)' },
    ]);
  });
});

describe('zendesk-tickets', () => {
  it('turns "First reply time in minutes" into the reply and takes the requester email, not the ticket Id, as the customer', async () => {
    const f = await inspect('zendesk-tickets');
    expect(f).toMatchObject({ preset: 'zendesk-tickets', encoding: 'utf-8', delimiter: ',', rows: { read: 9, used: 7, rejected: 2 } });
    expect(f.mapping).toMatchObject({ messageId: 'Id', email: 'Requester email', channel: 'Via', firstReplyMinutes: 'First reply time in minutes', rating: 'Satisfaction Score' });
    expect(f.mapping.crmId).toBeUndefined();
    // Good / Bad is a thumbs rating; Offered and Not Offered mean no rating, not a bad row.
    expect(f.rating).toEqual({ column: 'Satisfaction Score', scale: 'thumbs' });

    const { summary, byId, rejected } = await analyze(['zendesk-tickets']);
    expect(summary.customers).toBe(5);
    // Lena's tickets were first answered after 48, 5 and 120 minutes.
    expect(byId['lena.hoffmann@example.de'].dialog).toMatchObject({ inbound: 3, outbound: 3, answered: 3, unanswered: 0, noReplyNeeded: 0, medianResponseMinutes: 48 });
    expect(byId['lena.hoffmann@example.de'].channels).toEqual({ email: 4, chat: 2 });
    expect(byId['aylin.demir@example.de'].dialog).toMatchObject({ inbound: 1, answered: 0, unanswered: 1 });
    // Peter's first ticket is rejected; the one that came in via Twitter is answered after 15 minutes.
    expect(byId['p.novak@example.com'].dialog).toMatchObject({ inbound: 1, answered: 1, medianResponseMinutes: 15 });
    expect(byId['p.novak@example.com'].channels).toEqual({ twitter: 2 });
    expect(rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [8, 14, 'date: impossible date "2024-02-30 09:00:00 +0100" (February 2024 has 29 days)'],
      [9, 21, 'expected 20 fields, found 21'],
    ]);
  });
});

describe('shopify-orders', () => {
  it('sums quantity × line item price over an order\'s lines and joins later lines by the first line\'s email', async () => {
    const f = await inspect('shopify-orders');
    expect(f).toMatchObject({ preset: 'shopify-orders', encoding: 'utf-8', delimiter: ',', rows: { read: 10, used: 8, rejected: 2 } });
    expect(f.mapping).toMatchObject({ orderId: 'Name', quantity: 'Lineitem quantity', unitPrice: 'Lineitem price', product: 'Lineitem name' });

    const { byId, rejected } = await analyze(['hubspot-contacts', 'shopify-orders', 'zendesk-tickets']);
    // #1001: 2 × 14.90 + 1 × 8.50 = 38.30; #1003: 27.50 + 2 × 6.95 + 25.00 = 66.40 (the order Total would add shipping).
    expect(byId['51201'].orders).toEqual({ count: 2, revenue: 104.7 });
    expect(byId['51201'].dialog).toMatchObject({ inbound: 3, answered: 3, medianResponseMinutes: 48 });
    expect(byId['51202'].orders).toEqual({ count: 1, revenue: 24 });
    expect(byId['51205'].orders).toEqual({ count: 1, revenue: 39 });
    // A shop-counter order without email: a customer known by billing name only, not linked to the CRM.
    expect(byId['Karl Brenner'].orders).toEqual({ count: 1, revenue: 29.8 });
    expect(byId['Karl Brenner'].identity.linked).toBe(false);
    // #1006's first line is broken, so its second line has nobody to belong to: both are rejected, none is guessed.
    expect(byId['51203'].orders).toEqual({ count: 0, revenue: 0 });
    expect(rejected.filter((r) => r.file === fixture('shopify-orders')).map((r) => [r.line, r.column, r.reason])).toEqual([
      [10, 27, 'expected 26 fields, found 27'],
      [11, 2, 'order #1006: no email or billing name on this line nor on an earlier line of the same order, so it cannot be joined to a customer'],
    ]);
  });
});

describe('online-retail', () => {
  it('counts cancellations negative, reads M/D/YYYY H:mm, and rejects lines without CustomerID', async () => {
    expect(readFileSync(fixture('online-retail'), 'latin1').split('\r\n')).toHaveLength(13);
    const f = await inspect('online-retail');
    expect(f).toMatchObject({ preset: 'online-retail', encoding: 'utf-8', delimiter: ',', rows: { read: 11, used: 9, rejected: 2 } });

    const { byId, rejected } = await analyze(['online-retail']);
    // 6 × 2.55 + 6 × 3.39 + 6 × 1.85 − 2 × 3.39 (C536903) = 39.96 over three invoices.
    expect(byId['17850'].orders).toEqual({ count: 3, revenue: 39.96 });
    // 24 × 3.75 + 3 × 18.00 − 4 × 3.75: C536905 is written with a positive quantity and still counts against revenue.
    expect(byId['12583'].orders).toEqual({ count: 2, revenue: 129 });
    // "13047.0" (as pandas writes it) is customer 13047: 8 × 2.75 + 3 × 5.95.
    expect(byId['13047'].orders).toEqual({ count: 2, revenue: 39.85 });
    expect(Object.keys(byId).sort()).toEqual(['12583', '13047', '17850']);
    expect(byId['17850'].firstContact).toBe('2010-12-01T08:26:00.000Z');
    expect(rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [9, 7, 'no CustomerID: this invoice line cannot be joined to a customer'],
      [11, 5, 'date: impossible date "12/32/2010 9:00" (December has 31 days)'],
    ]);
  });
});

describe('twitter-support and instagram-comments with HubSpot contacts', () => {
  it('makes inbound=False tweets the brand\'s replies and links handles to the HubSpot contact', async () => {
    expect(await inspect('twitter-support')).toMatchObject({ preset: 'twitter-support', rows: { read: 12, used: 11, rejected: 1 } });
    expect(await inspect('instagram-comments')).toMatchObject({ preset: 'instagram-comments', encoding: 'utf-8-bom', rows: { read: 10, used: 8, rejected: 2 } });

    const { summary, byId, fileRows, rejected } = await analyze(['hubspot-contacts', 'twitter-support', 'instagram-comments'], ['--brand', 'nordlicht.kaffee']);
    expect(fileRows('twitter-support').rows).toEqual({ read: 12, used: 11, rejected: 1 });
    expect(summary.rows).toEqual({ read: 30, used: 25, rejected: 5 });
    // 6 contacts, plus the anonymous tweeter 115873 and an Instagram commenter no contact lists.
    expect(summary.customers).toBe(8);
    expect(byId['NordlichtKaffee']).toBeUndefined();
    expect(byId['nordlicht.kaffee']).toBeUndefined();

    // Lena: @lenahoffmann on Twitter (answered after 42, 120 and 5 minutes) and @lena.backt on Instagram (one comment
    // answered after 30 minutes, and one reply to another customer, which is not addressed to the brand): median of
    // 5, 30, 42, 120 = 36.
    const lena = byId['51201'];
    expect(lena.identity.handles.sort()).toEqual(['lena.backt', 'lenahoffmann']);
    expect(lena.channels).toEqual({ twitter: 6, instagram: 3 });
    expect(lena.dialog).toMatchObject({ inbound: 4, outbound: 4, answered: 4, unanswered: 0, noReplyNeeded: 0, medianResponseMinutes: 36 });
    expect(byId['51202'].dialog).toMatchObject({ inbound: 1, answered: 1, medianResponseMinutes: 720 });
    expect(byId['51205'].dialog).toMatchObject({ inbound: 1, answered: 1, medianResponseMinutes: 90 });
    // Aylin on Instagram: answered after 210 and 50 minutes.
    expect(byId['51203'].dialog).toMatchObject({ inbound: 2, outbound: 2, answered: 2, unanswered: 0, noReplyNeeded: 0, medianResponseMinutes: 130 });
    expect(byId['115873'].identity.linked).toBe(false);
    expect(byId['115873'].dialog).toMatchObject({ inbound: 1, answered: 0, unanswered: 1 });
    expect(byId['kaffeeklatsch_sabine'].channels).toEqual({ instagram: 1 });

    expect(rejected.filter((r) => r.file !== fixture('hubspot-contacts')).map((r) => [r.file, r.line, r.column, r.reason])).toEqual([
      [fixture('instagram-comments'), 10, 3, 'comment has no author handle'],
      [fixture('instagram-comments'), 11, 5, 'date: impossible date "2024-03-32T09:00:00+0000" (March has 31 days)'],
      [fixture('twitter-support'), 13, 8, 'expected 7 fields, found 8'],
    ]);
  });
});

describe('facebook-comments', () => {
  it('takes the profile link as the handle and the page\'s own comments (--brand) as replies', async () => {
    const f = await inspect('facebook-comments');
    expect(f).toMatchObject({ preset: 'facebook-comments', encoding: 'utf-8', delimiter: ',', rows: { read: 8, used: 6, rejected: 2 } });
    expect(f.mapping).toMatchObject({ handle: 'Author Profile', name: 'Author Name', text: 'Message', replyTo: 'Parent Comment ID' });

    const { summary, byId, rejected } = await analyze(['facebook-comments'], ['--brand', 'nordlichtkaffee']);
    expect(summary.customers).toBe(2);
    expect(byId['jana.petersen.kiel'].name).toBe('Jana Petersen');
    expect(byId['jana.petersen.kiel'].dialog).toMatchObject({ inbound: 2, outbound: 1, answered: 1, unanswered: 1, noReplyNeeded: 0, medianResponseMinutes: 180 });
    // Answered after 30 hours; his "Great, keep me posted!" to that reply closes the thread and needs no answer.
    expect(byId['sam.okafor.sf'].dialog).toMatchObject({ inbound: 2, outbound: 1, answered: 1, unanswered: 0, noReplyNeeded: 1, medianResponseMinutes: 1800 });
    expect(byId['sam.okafor.sf'].channels).toEqual({ facebook: 3 });
    expect(rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [8, 5, 'comment has no author handle'],
      [9, 7, 'date: impossible date "2024-02-30T10:00:00+0000" (February 2024 has 29 days)'],
    ]);
  });
});
