import { describe, expect, it } from 'vitest';
import type { Annotation, Event } from '../model.js';
import { buildProfiles } from '../profile/index.js';
import { makeCustomer, makeEvent, renderIndex } from '../test-support.js';
import { chartMarkdown } from './charts.js';
import type { CodeInfo } from './codes.js';
import { indexPage, runAsOf } from './index-page.js';
import { overviewOf } from '../profile/overview.js';
import { customerRow, overviewInputsOf } from '../profile/row.js';

const codes = new Map<string, CodeInfo>([
  ['pain.waiting', { id: 'pain.waiting', category: 'pain', label: { en: 'Waiting and delay', de: 'Warten und Verspätung' } }],
  ['dialog.praise', { id: 'dialog.praise', category: 'dialog', label: { en: 'Praise', de: 'Lob' } }],
]);
const on = (day: string) => new Date(`${day}T12:00:00Z`);
let line = 1;
const coded = (code: string, quote: string): Annotation => ({ code, quote, source: { file: 'reviews.csv', line }, by: { kind: 'rule', id: `${code}/word` }, confidence: 0.8 });

function review(key: string, stars: number | null, text: string, code: string | null, day: string, extra: Partial<Event> = {}): Event {
  line += 1;
  return makeEvent({
    customerKey: key,
    kind: 'review',
    channel: 'shop-reviews',
    expectsReply: false,
    text,
    lang: 'en',
    sentiment: { label: stars !== null && stars <= 2 ? 'negative' : 'positive', score: stars !== null && stars <= 2 ? -0.6 : 0.6 },
    rating: stars === null ? null : { value: stars, scale: 'stars5' },
    at: on(day),
    source: { file: 'reviews.csv', line },
    annotations: code ? [coded(code, text)] : [],
    ...extra,
  });
}

function run(withRatings = true) {
  const stars = (n: number) => (withRatings ? n : null);
  const events = [
    review('k1', stars(1), 'Waited <img src=x onerror=alert(1)> [six weeks](javascript:alert(1)) for it.', 'pain.waiting', '2024-04-10', { product: 'Espresso *500 g*' }),
    review('k2', stars(2), 'Still waiting for my parcel.', 'pain.waiting', '2024-05-12', { product: 'Espresso *500 g*' }),
    review('k3', stars(5), 'Lovely coffee, thank you.', 'dialog.praise', '2024-05-20', { product: 'Filter 250 g' }),
    review('k4', stars(4), 'Good beans.', 'dialog.praise', '2024-06-02', { product: 'Filter 250 g' }),
  ];
  const customers = ['k1', 'k2', 'k3', 'k4'].map((key) => makeCustomer({ key, crmId: key, name: `Kunde ${key}`, emails: [] }));
  return buildProfiles(customers, events, { ordersKnown: false, socialKnown: false, asOf: on('2024-06-15') });
}

const files = [{ file: 'reviews.csv', preset: 'reviews', rows: { read: 5, used: 4, rejected: 1 } }];

describe('the index opens with an overview of the run', () => {
  const index = renderIndex(run(), { files, contextEvents: [], codes, top: 3 }, 'en');

  it('in the order a reader asks: figures, stages, themes, months, tone and rating, what changed, then who needs attention', () => {
    const headings = [...index.matchAll(/^(#{1,3}) (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      '# Overview',
      '## The run in figures',
      '## Stages',
      '## Themes across all customers',
      '### Themes by month',
      '### By product',
      '## Tone and rating by month',
      '## What changed recently',
      '## Customers, who needs attention first',
    ]);
  });

  it('gives the run in figures', () => {
    expect(index).toContain('- 1 input file: 5 rows read, 4 used, 1 rejected (see rejected.csv)');
    expect(index).toContain('- 4 customers: 4 with words of their own, 4 who rated');
    expect(index).toContain('- Their records: 4 reviews');
    expect(index).toContain('- Dated from 2024-04-10 to 2024-06-02; reference date 2024-06-15');
    expect(index).toContain('- 4 rated records (1–5 stars: 4), mean 3.00 (1–5 stars)');
  });

  it('draws the stages as a chart block', () => {
    const subjects = run();
    const rows = subjects.map((subject) => customerRow(subject, {}));
    const page = indexPage(rows, { files, contextEvents: [], codes, overview: overviewOf(overviewInputsOf(subjects), files, runAsOf(rows)) }, 'en');
    const chart = page.find((b) => typeof b !== 'string' && b.kind === 'bars');
    expect(chart).toEqual({ kind: 'bars', rows: expect.arrayContaining([{ label: 'at-risk', value: expect.any(Number) }]) });
    expect((chart as { rows: { value: number }[] }).rows.reduce((n, r) => n + r.value, 0)).toBe(4);
  });

  it('tables the themes with customers, records, impact on the mean rating and an escaped example quote', () => {
    // All four: mean 3. Without waiting: (5 + 4) / 2 = 4.5, so waiting costs 1.5. Without praise: 1.5, praise lifts 1.5.
    expect(index).toContain('| **Waiting and delay** `pain.waiting` | 2 | 2 | -1.50 (n = 2) | ');
    expect(index).toContain('| **Praise** `dialog.praise` | 2 | 2 | +1.50 (n = 2) | ');
    // Two rated records are too few to name a theme the costliest.
    expect(index).not.toContain('Costliest');
    expect(index).toContain('“Waited \\<img src=x onerror=alert(1)> \\[six weeks\\]\\(javascript:alert(1)) for it.” (reviews.csv:2)');
    expect(index).not.toMatch(/[^\\]<img|[^\\]\]\(javascript/);
  });

  it('names the costliest themes for the rating apart from the loudest, once three rated records carry them', () => {
    const more = [...run(), ...buildProfiles([makeCustomer({ key: 'k5', crmId: 'k5', name: 'Kunde k5', emails: [] })], [review('k5', 2, 'Waiting again.', 'pain.waiting', '2024-06-01')], { ordersKnown: false, socialKnown: false, asOf: on('2024-06-15') })];
    // All five: (1 + 2 + 5 + 4 + 2) / 5 = 2.8; without waiting: (5 + 4) / 2 = 4.5.
    const text = renderIndex(more, { files, contextEvents: [], codes }, 'en');
    expect(text).toContain('Costliest for the rating: **Waiting and delay** (-1.70); most customers: **Waiting and delay** (3).');
  });

  it('shows themes by month and by product, the product name escaped', () => {
    expect(index).toMatch(/\| Month \| Records with words \| Praise \| Waiting and delay \|\n\|---\|---:\|---:\|---:\|\n\| 2024-04 \| 1 \| 0 \| 1 \|\n\| 2024-05 \| 2 \| 1 \| 1 \|\n\| 2024-06 \| 1 \| 1 \| 0 \|/);
    expect(index).toContain('| Espresso \\*500 g\\* | 2 | 2 | 1.50 (n = 2) | Waiting and delay 2 |');
  });

  it('folds two or more empty months into one row, in the themes by month and in the chart alike', () => {
    const sparse = [
      review('s1', 2, 'Still waiting.', 'pain.waiting', '2023-12-05'),
      review('s2', 5, 'Lovely.', 'dialog.praise', '2024-01-10'),
      review('s3', 4, 'Good.', 'dialog.praise', '2024-05-03'),
      review('s4', 1, 'Waiting for weeks.', 'pain.waiting', '2024-06-02'),
    ];
    const customers = ['s1', 's2', 's3', 's4'].map((key) => makeCustomer({ key, crmId: key, name: `Kunde ${key}`, emails: [] }));
    const text = renderIndex(buildProfiles(customers, sparse, { ordersKnown: false, socialKnown: false, asOf: on('2024-06-15') }), { files, contextEvents: [], codes }, 'de');
    const rows = [...text.matchAll(/^\| (\d\d\.\d{4}(?: – \d\d\.\d{4})?) \| (\d+) \|/gm)].map((m) => `${m[1]}: ${m[2]}`);
    expect(rows).toEqual(['12.2023: 1', '01.2024: 1', '02.2024 – 04.2024: 0', '05.2024: 1', '06.2024: 1']);
    const chart = text.slice(text.indexOf('## Tonalität und Bewertung nach Monat'));
    expect(chart).toMatch(/^02\.2024 – 04\.2024 +—/m);
    expect(chart).not.toMatch(/^03\.2024/m);
  });

  it('says that the reference date\'s month is cut short, under the months and under the chart, and not when it is whole', () => {
    expect(index.match(/^\*2024-06 counts only up to the reference date, 2024-06-15\.\*$/gm)).toHaveLength(1);
    expect(index).toContain('n: how many values each mean is taken over. 2024-06 counts only up to the reference date, 2024-06-15.*');
    const de = renderIndex(run(), { files, contextEvents: [], codes }, 'de');
    expect(de).toContain('06.2024 zählt nur bis zum Stichtag, dem 15.06.2024.');
    const whole = buildProfiles(['k1'].map((key) => makeCustomer({ key, crmId: key, name: key, emails: [] })), [review('k1', 4, 'Good.', null, '2024-06-02')], { ordersKnown: false, socialKnown: false, asOf: on('2024-06-30') });
    expect(renderIndex(whole, { files, contextEvents: [], codes }, 'en')).not.toContain('counts only up to');
  });

  it('draws tone and rating by month with how many values each mean is taken over', () => {
    expect(index).toMatch(/^2024-05 +·+●·+ +0\.00 n=2 +·+●·+ +3\.50 n=2$/m);
  });

  it('says what changed in the latest complete month against the three before', () => {
    expect(index).toContain('2024-05, the latest complete month, against 2024-02 – 2024-04: 2 records with words, against 1 in the three months before.');
    expect(index).toContain('- Tone of their words: too few values to compare.');
  });

  it('lists the first N customers and says the rest are in customers.csv', () => {
    expect([...index.matchAll(/^\| \d+ \| \[Kunde k\d\]/gm)]).toHaveLength(3);
    expect(index).toContain('The first 3 of 4 customers; all of them, one row each, are in customers.csv.');
  });

  it('gives the customers a column for rating, orders and revenue only where the run has them, and attention with two decimals', () => {
    expect(index).toContain('| # | Customer | Stage | Attention | Why | Unanswered | Tone of their own words | Rating | Last contact |');
    const unrated = renderIndex(run(false), { files, contextEvents: [], codes }, 'en');
    expect(unrated).toContain('| # | Customer | Stage | Attention | Why | Unanswered | Tone of their own words | Last contact |');
    const scores = [9.5, 8.7, 3, 1.25];
    const patched = run().map((s, i) => ({ ...s, profile: { ...s.profile, attention: scores[i]! } }));
    const shown = renderIndex(patched, { files, contextEvents: [], codes }, 'de');
    const rows = [...shown.matchAll(/^\| \d+ \| \[Kunde k\d\]\(customers\/[^)]+\) \| [^|]+ \| ([^|]+) \|/gm)].map((m) => m[1]!.trim());
    expect(rows).toEqual(['9,50', '8,70', '3,00', '1,25']);
    const ordered = buildProfiles(
      [makeCustomer({ key: 'o1', crmId: 'o1', name: 'Kunde o1', emails: [] })],
      [makeEvent({ customerKey: 'o1', kind: 'order', orderId: 'A-1', amount: 1234.5, channel: 'shop', expectsReply: false, at: on('2024-06-01') })],
      { ordersKnown: true, socialKnown: false, asOf: on('2024-06-15') },
    );
    const withOrders = renderIndex(ordered, { files, contextEvents: [], codes }, 'de');
    expect(withOrders).toContain('| # | Kunde | Phase | Priorität | Gründe | Unbeantwortet | Tonalität | Bestellungen | Umsatz | Letzter Kontakt |');
  });

  it('writes a share below one percent with a decimal, not as 0 %', () => {
    const events: Event[] = [];
    // March–May: 600 records, 2 about waiting (0.33 %). June: 100 records, 9 about waiting.
    for (let i = 0; i < 600; i++) events.push(review(`b${i}`, 4, 'fine', i < 2 ? 'pain.waiting' : null, `2024-0${3 + (i % 3)}-10`));
    for (let i = 0; i < 100; i++) events.push(review(`l${i}`, 4, 'fine', i < 9 ? 'pain.waiting' : null, '2024-06-10'));
    const customers = events.map((e) => makeCustomer({ key: e.customerKey!, crmId: e.customerKey!, name: e.customerKey!, emails: [] }));
    const text = renderIndex(buildProfiles(customers, events, { ordersKnown: false, socialKnown: false, asOf: on('2024-07-05') }), { files, contextEvents: [], codes }, 'de');
    expect(text).toContain('- Häufiger: **Warten und Verspätung**, 9\u00a0% der Einträge (9 von 100), vorher 0,3\u00a0% (2 von 600).');
  });

  it('leaves impact out where nobody rated', () => {
    const unrated = renderIndex(run(false), { files, contextEvents: [], codes }, 'en');
    expect(unrated).toContain('| Theme | Customers | Records | Example |');
    expect(unrated).not.toMatch(/Impact|Costliest|rating \(/);
  });

  it('speaks German with --lang de, with decimal commas', () => {
    const de = renderIndex(run(), { files, contextEvents: [], codes }, 'de');
    expect(de).toMatch(/^# Übersicht$/m);
    expect(de).toContain('## Die Auswertung in Zahlen');
    expect(de).toContain('| **Warten und Verspätung** `pain.waiting` | 2 | 2 | -1,50 (n\u00a0=\u00a02) | ');
    expect(de).toContain('## Tonalität und Bewertung nach Monat');
    expect(de).toContain('Alle Kundinnen und Kunden stehen auch in customers.csv');
  });

  it('names the channels of the channel table as the reports do: E-Mail and Telefon in German, the ids in English', () => {
    const events = run()
      .flatMap((s) => s.events)
      .map((e, i) => ({ ...e, channel: i % 2 ? 'email' : 'phone' }));
    const customers = ['k1', 'k2', 'k3', 'k4'].map((key) => makeCustomer({ key, crmId: key, name: `Kunde ${key}`, emails: [] }));
    const byChannel = buildProfiles(customers, events, { ordersKnown: false, socialKnown: false, asOf: on('2024-06-15') });
    const de = renderIndex(byChannel, { files, contextEvents: [], codes }, 'de');
    expect(de).toMatch(/^\| E-Mail \| 2 \| 2 \|/m);
    expect(de).toMatch(/^\| Telefon \| 2 \| 2 \|/m);
    expect(renderIndex(byChannel, { files, contextEvents: [], codes }, 'en')).toMatch(/^\| email \| 2 \| 2 \|/m);
  });
});

describe('the means chart', () => {
  it('places each mean on its range and shows n; a period without values has no point', () => {
    const lines = chartMarkdown({
      kind: 'means',
      periods: ['2024-01', '2024-02'],
      series: [{ label: 'tone', min: -1, max: 1, points: [{ mean: -1, n: 3, text: '-1.00' }, null] }, { label: 'rating', min: 1, max: 5, points: [{ mean: 5, n: 2, text: '5.00' }, { mean: 3, n: 1, text: '3.00' }] }],
    });
    expect(lines[0]).toBe('```text');
    expect(lines[2]).toBe('2024-01  ●··············  -1.00 n=3     ··············●   5.00 n=2');
    expect(lines[3]).toBe('2024-02                       —         ·······●·······   3.00 n=1');
    expect(lines.at(-1)).toBe('```');
  });
});
