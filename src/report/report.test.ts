import { describe, expect, it } from 'vitest';
import { buildProfiles } from '../profile/index.js';
import { bar, monthlyCounts, sparkline } from './charts.js';
import type { CodeInfo } from './codes.js';
import { renderCustomerReport } from './customer.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import { renderIndex } from './index-page.js';

const codes = new Map<string, CodeInfo>([
  ['pain.waiting', { id: 'pain.waiting', category: 'pain', label: { en: 'Waiting and delay', de: 'Warten und Verspätung' } }],
  ['longing.wish', { id: 'longing.wish', category: 'longing', label: { en: 'Wish', de: 'Wunsch' } }],
]);

function subject() {
  const complaint = makeEvent({
    text: 'Seit drei Wochen warte ich auf mein Paket. Können Sie bitte nachsehen?',
    source: { file: 'tickets.csv', line: 7 },
    sentiment: { label: 'negative', score: -0.6 },
    annotations: [{ code: 'pain.waiting', quote: 'Seit drei Wochen warte ich', source: { file: 'tickets.csv', line: 7 }, by: { kind: 'rule', id: 'pain.waiting/phrase' }, confidence: 0.8 }],
  });
  const note = makeEvent({
    kind: 'note',
    direction: 'internal',
    channel: 'note',
    author: 'Mara Lind',
    text: 'Wünscht sich eine entkoffeinierte Sorte.',
    source: { file: 'notes.csv', line: 3 },
    annotations: [{ code: 'longing.wish', quote: 'Wünscht sich eine entkoffeinierte Sorte.', source: { file: 'notes.csv', line: 3 }, by: { kind: 'analyst', id: 'Mara Lind' }, confidence: 1 }],
  });
  const order = makeEvent({ kind: 'order', orderId: 'A1', amount: 42.5, channel: 'shop', at: new Date('2024-03-01T00:00:00Z') });
  return buildProfiles([makeCustomer()], [order, complaint, note], { ordersKnown: true, socialKnown: false })[0]!;
}

describe('renderCustomerReport', () => {
  const report = renderCustomerReport(subject(), { lang: 'en', codes });

  it('has the nine sections in order', () => {
    const headings = [...report.matchAll(/^## \d\. (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Who', 'Numbers', 'Voice', 'Themes', 'Dialog', 'Relationship', 'Context', 'Blind spots', 'Next conversation']);
  });

  it('quotes the customer with file:line and date', () => {
    expect(report).toContain('> Seit drei Wochen warte ich auf mein Paket. Können Sie bitte nachsehen?\n> — 2024-05-01, email, tickets.csv:7, negative -0.60');
  });

  it('groups themes by category with labels, counts and evidence', () => {
    expect(report).toMatch(/### Pain points\n\n- \*\*Waiting and delay\*\* \(`pain.waiting`, 1×\)\n  - “Seit drei Wochen warte ich” — tickets.csv:7/);
    expect(report).toMatch(/### Longings, hopes, dreams and wishes\n\n- \*\*Wish\*\*.*\n.*notes\.csv:3.*\(analyst Mara Lind\)/);
  });

  it('lists the unanswered message and opens the next conversation with it', () => {
    expect(report).toMatch(/\*\*Still waiting for an answer:\*\*\n\n- “Seit drei Wochen/);
    expect(report).toMatch(/## 9\. Next conversation\n\n1\. Answer first: “Seit drei Wochen.*\(tickets\.csv:7, 2024-05-01\)/);
  });

  it('shows analyst notes as such', () => {
    expect(report).toMatch(/- 2024-05-01, Mara Lind: Wünscht sich eine entkoffeinierte Sorte\. `longing.wish` \(notes\.csv:3\)/);
  });

  it('speaks German with --lang de', () => {
    const de = renderCustomerReport(subject(), { lang: 'de', codes });
    expect(de).toMatch(/^## 8\. Blinde Flecken$/m);
    expect(de).toContain('Warten und Verspätung');
    expect(de).toMatch(/1\. Zuerst antworten:/);
    // Judgements and labels are German too, not only the headings.
    expect(de).toMatch(/Phase: \*\*Bekannte\*\*, weil:\n\n- 1 Bestellung, 2 Kontakte/);
    expect(de).toContain('tickets.csv:7, negativ -0.60');
    expect(de).toContain('(Analyse Mara Lind)');
  });
});

describe('renderIndex', () => {
  it('links every customer and shows the context events', () => {
    const index = renderIndex([subject()], {
      files: [{ file: 'tickets.csv', preset: 'tickets', rows: { read: 3, used: 2, rejected: 1 } }],
      contextEvents: [{ from: new Date('2024-04-30T00:00:00Z'), until: new Date('2024-05-02T00:00:00Z'), note: 'Streik', author: null, source: { file: 'notes.csv', line: 9 } }],
    }, 'en');
    expect(index).toMatch(/\| 1 \| \[Greta Beispiel\]\(customers\/c1-greta-beispiel\.md\) \| acquaintance \|/);
    expect(index).toContain('3 rows read, 1 rejected');
    expect(index).toMatch(/2024-04-30 – 2024-05-02: Streik \(notes\.csv:9\)/);
  });
});

describe('charts', () => {
  it('draws bars and sparklines to scale', () => {
    expect(bar(5, 10, 10)).toBe('█████·····');
    expect(sparkline([0, 1, 8])).toBe(' ▁█');
    expect(monthlyCounts([new Date('2024-01-05'), new Date('2024-03-01'), new Date('2024-03-09')])).toEqual({ months: ['2024-01', '2024-02', '2024-03'], counts: [1, 0, 2] });
  });
});
