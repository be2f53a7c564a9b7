import { describe, expect, it } from 'vitest';
import type { Annotation, Event, Rating } from '../model.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import { buildProfiles } from './index.js';
import { customerFigures, overviewOf, runFigures } from './overview.js';
import { overviewInputsOf } from './row.js';
import { commonScale, onCommonScale } from './ratings.js';
import { customerSaid, EXAMPLES_PER_THEME, exampleCandidates, keptForExamples, onScale, segmentsOf, themesAcross, wordedCodes, type SaidRecord } from './themes.js';
import { fisherExactP, meanChange, recentChange, timeline, twoProportionZ, WINDOW_MONTHS } from './trend.js';

const code = (id: string, line: number, rule = `${id}/word`, quote = 'x'): Annotation => ({ code: id, quote, source: { file: 'r.csv', line }, by: { kind: 'rule', id: rule }, confidence: 0.8 });

let line = 100;
/** A review by customer `key`: its stars, text and codes (each found in the words unless given a rule id). */
function review(key: string, stars: number | null, text: string, codes: (string | Annotation)[] = [], extra: Partial<Event> = {}): Event {
  line += 1;
  const rating: Rating | null = stars === null ? null : { value: stars, scale: 'stars5' };
  return makeEvent({
    customerKey: key,
    kind: 'review',
    channel: 'google-play',
    expectsReply: false,
    text,
    rating,
    lang: 'en',
    sentiment: { label: 'neutral', score: 0 },
    source: { file: 'r.csv', line },
    annotations: codes.map((c) => (typeof c === 'string' ? code(c, line, `${c}/word`, text) : c)),
    ...extra,
  });
}

function profiled(events: Event[], extraCustomers: string[] = []) {
  const keys = [...new Set([...events.map((e) => e.customerKey!), ...extraCustomers])];
  const customers = keys.map((key) => makeCustomer({ key, crmId: key, name: `Kunde ${key}`, emails: [] }));
  return buildProfiles(customers, events, { ordersKnown: false, socialKnown: false });
}

describe('the common rating scale', () => {
  it('is the scale most ratings use; other scales are placed by their position on their own scale', () => {
    const scale = commonScale([
      { value: 4, scale: 'stars5' },
      { value: 2, scale: 'stars5' },
      { value: 9, scale: 'nps' },
    ])!;
    expect(scale).toEqual({ unit: 'stars5', min: 1, max: 5, native: 2, mapped: 1 });
    expect(onCommonScale({ value: 9, scale: 'nps' }, scale)).toBeCloseTo(4.6);
    expect(onCommonScale({ value: 2, scale: 'stars5' }, scale)).toBe(2);
  });

  it('is percent of the best rating when most ratings are German grades (lower is better) or thumbs', () => {
    const scale = commonScale([
      { value: 1, scale: 'grade' },
      { value: 6, scale: 'grade' },
      { value: 5, scale: 'stars5' },
    ])!;
    expect(scale.unit).toBe('percent');
    expect(onCommonScale({ value: 1, scale: 'grade' }, scale)).toBe(100);
    expect(onCommonScale({ value: 6, scale: 'grade' }, scale)).toBe(0);
    expect(onCommonScale({ value: 5, scale: 'stars5' }, scale)).toBe(100);
    expect(commonScale([])).toBeNull();
  });
});

describe('themes across customers', () => {
  it('leave out a record that says nothing ("ok", a lone emoji): "No content" is no theme of the run', () => {
    const records = overviewInputsOf(profiled([review('a', 5, 'ok', ['action.not-meaningful']), review('b', 1, 'slow', ['pain.waiting'])])).records;
    expect(themesAcross(records).map((t) => t.code)).toEqual(['pain.waiting']);
    expect(records[0]!.codes).toEqual([]);
  });

  // Waiting is the costliest theme although praise is the loudest: two 1–2★ reviews name waiting.
  const events = [
    review('a', 1, 'Waited three weeks for my parcel.', ['pain.waiting']),
    review('b', 2, 'Still waiting, and nobody answers.', ['pain.waiting', 'pain.no-reply']),
    review('c', 5, 'Lovely coffee, great service.', ['dialog.praise']),
    review('d', 4, 'Good coffee.', ['dialog.praise']),
    review('e', 5, 'Fine.', ['dialog.praise']),
    review('f', 4, 'ok', []),
  ];
  const { records } = overviewInputsOf(profiled(events));
  const themes = themesAcross(records);
  const byCode = new Map(themes.map((t) => [t.code, t]));

  it('counts customers and records per code, most customers first', () => {
    expect(themes.map((t) => [t.code, t.customers, t.records])).toEqual([
      ['dialog.praise', 3, 3],
      ['pain.waiting', 2, 2],
      ['pain.no-reply', 1, 1],
    ]);
  });

  it('measures impact as the mean of all rated records minus the mean without the theme', () => {
    // all: (1+2+5+4+5+4)/6 = 3.5; without waiting: (5+4+5+4)/4 = 4.5
    expect(byCode.get('pain.waiting')!.impact).toEqual({ n: 2, meanWith: 1.5, meanWithout: 4.5, impact: -1 });
    // without praise: (1+2+4)/3
    expect(byCode.get('dialog.praise')!.impact!.impact).toBeCloseTo(3.5 - 7 / 3);
    const costliest = [...themes].sort((a, b) => a.impact!.impact! - b.impact!.impact!)[0]!;
    expect(costliest.code).toBe('pain.waiting');
  });

  it('leaves the impact unknown when every rated record carries the theme, and null without ratings', () => {
    const all = themesAcross(overviewInputsOf(profiled([review('a', 1, 'slow', ['pain.waiting']), review('b', 2, 'slow too', ['pain.waiting'])])).records);
    expect(all[0]!.impact).toEqual({ n: 2, meanWith: 1.5, meanWithout: null, impact: null });
    const unrated = themesAcross(overviewInputsOf(profiled([review('a', null, 'slow', ['pain.waiting'])])).records);
    expect(unrated[0]!.impact).toBeNull();
  });

  it('does not let a rating explain itself: a code taken from the rating, or implied by one, counts no impact', () => {
    const signal = code('dialog.complaint', 1, 'dialog.complaint/signal:rated,tone', 'Meh.');
    const implied = code('action.response-needed', 1, 'action.response-needed/implied:dialog.complaint', 'Meh.');
    const fromWords = code('pain.waiting', 1, 'pain.waiting/word', 'waited');
    const impliedByWords = code('dialog.complaint', 1, 'dialog.complaint/implied:pain.waiting', 'waited');
    expect(wordedCodes(makeEvent({ annotations: [signal, implied] }))).toEqual([]);
    expect(wordedCodes(makeEvent({ annotations: [fromWords, impliedByWords] }))).toEqual(['dialog.complaint', 'pain.waiting']);
    const themes = themesAcross(overviewInputsOf(profiled([review('a', 1, 'Meh.', [signal, implied]), review('b', 5, 'Great.', [])])).records);
    const complaint = themes.find((t) => t.code === 'dialog.complaint')!;
    expect(complaint.records).toBe(1);
    expect(complaint.impact).toEqual({ n: 0, meanWith: null, meanWithout: 3, impact: 0 });
  });

  it('picks one or two telling quotes from different customers, their own words first', () => {
    const note = makeEvent({
      customerKey: 'a',
      kind: 'note',
      direction: 'internal',
      channel: 'note',
      text: 'Wartet seit Wochen.',
      source: { file: 'notes.csv', line: 2 },
      annotations: [{ code: 'pain.waiting', quote: 'Wartet seit Wochen.', source: { file: 'notes.csv', line: 2 }, by: { kind: 'analyst', id: 'Mara' }, confidence: 1 }],
    });
    const angry = review('c', 1, 'I have waited six weeks and I am furious about it.', ['pain.waiting'], { sentiment: { label: 'negative', score: -0.9 } });
    const again = review('c', 1, 'Waiting again.', ['pain.waiting']);
    const mild = review('b', 2, 'A bit slow.', ['pain.waiting']);
    const [theme] = themesAcross(overviewInputsOf(profiled([note, angry, again, mild])).records);
    expect(theme!.examples.map((e) => [e.customer, e.quote, e.by])).toEqual([
      ['c', 'I have waited six weeks and I am furious about it.', 'rule'],
      ['b', 'A bit slow.', 'rule'],
    ]);
    expect(theme!.examples[0]!.source).toEqual(angry.source);
  });
});

describe('segments', () => {
  it('cuts the customers’ own records by product and channel where the data has two values or more', () => {
    const events = [
      review('a', 1, 'slow', ['pain.waiting'], { product: 'Espresso' }),
      review('b', 2, 'slow again', ['pain.waiting'], { product: 'Espresso' }),
      review('c', 5, 'great', ['dialog.praise'], { product: 'Filter' }),
    ];
    const segments = segmentsOf(overviewInputsOf(profiled(events)).records);
    // One channel cuts nothing; no contact has a CRM stage that differs.
    expect(segments.map((s) => s.dimension)).toEqual(['product']);
    expect(segments[0]!.rows).toEqual([
      { value: 'Espresso', records: 2, customers: 2, rating: { mean: 1.5, n: 2 }, themes: [{ code: 'pain.waiting', n: 2 }] },
      { value: 'Filter', records: 1, customers: 1, rating: { mean: 5, n: 1 }, themes: [{ code: 'dialog.praise', n: 1 }] },
    ]);
  });
});

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('the run over time', () => {
  it('counts records, tone and ratings by month over a bounded window, older records as one period', () => {
    const events = [
      review('a', 1, 'old one', [], { at: at('2019-03-05') }),
      review('b', 5, 'older still', [], { at: at('2018-01-05') }),
      review('c', 2, 'slow', ['pain.waiting'], { at: at('2024-05-02'), sentiment: { label: 'negative', score: -0.5 } }),
      review('d', 4, 'fine', [], { at: at('2024-05-20'), sentiment: { label: 'positive', score: 0.5 } }),
      review('e', 5, 'undated', [], { at: null }),
    ];
    const line = timeline(overviewInputsOf(profiled(events)).records, at('2024-06-10'));
    expect(line.months).toHaveLength(WINDOW_MONTHS);
    expect(line.months.at(-1)!.month).toBe('2024-06');
    expect(line.months.at(-2)).toEqual({ month: '2024-05', records: 2, tone: { mean: 0, n: 2 }, rating: { mean: 3, n: 2 }, codes: { 'pain.waiting': 1 } });
    expect(line.earlier).toMatchObject({ month: '2018-01', until: '2022-06', records: 2, rating: { mean: 3, n: 2 } });
    expect(line.undated).toBe(1);
  });

  it('starts at the first month with a record when the data is younger than the window', () => {
    const line = timeline(overviewInputsOf(profiled([review('a', 3, 'hi', [], { at: at('2024-04-01') })])).records, at('2024-06-01'));
    expect(line.months.map((m) => m.month)).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(line.earlier).toBeNull();
  });

  it('compares the latest complete month with the three before it: themes by share, tone and rating by mean', () => {
    const events: Event[] = [];
    // July–September: 30 records, 1 about waiting, ratings 4–5. October: 10 records, 6 about waiting, ratings 1–2.
    for (let i = 0; i < 30; i++) events.push(review(`b${i}`, 4 + (i % 2), 'fine', i === 0 ? ['pain.waiting'] : [], { at: at(`2024-0${7 + (i % 3)}-10`) }));
    for (let i = 0; i < 10; i++) events.push(review(`l${i}`, 1 + (i % 2), 'slow', i < 6 ? ['pain.waiting'] : [], { at: at('2024-10-10') }));
    events.push(review('now', 5, 'this month, not complete yet', ['pain.waiting'], { at: at('2024-11-02') }));
    const change = recentChange(overviewInputsOf(profiled(events)).records, at('2024-11-05'));
    expect(change).toMatchObject({ month: '2024-10', from: '2024-07', until: '2024-09', records: { latest: 10, before: 30 } });
    expect(change.rising.map((c) => [c.code, c.latest, c.before])).toEqual([['pain.waiting', { n: 6, of: 10 }, { n: 1, of: 30 }]]);
    expect(change.falling).toEqual([]);
    expect(change.rating).toMatchObject({ latest: { mean: 1.5, n: 10 }, before: { mean: 4.5, n: 30 }, direction: 'down' });
  });

  it('does not call a theme clear on a handful of records where only the z approximation would', () => {
    const events: Event[] = [];
    // July–September: 207 records, 5 by critics. October: 61 records, 5 by critics. z = 2.09, but Fisher's p = 0.051.
    for (let i = 0; i < 207; i++) events.push(review(`b${i}`, 4, 'fine', i < 5 ? ['role.critic'] : [], { at: at(`2024-0${7 + (i % 3)}-10`) }));
    for (let i = 0; i < 61; i++) events.push(review(`l${i}`, 4, 'fine', i < 5 ? ['role.critic'] : [], { at: at('2024-10-10') }));
    const change = recentChange(overviewInputsOf(profiled(events)).records, at('2024-11-05'));
    expect(twoProportionZ({ n: 5, of: 61 }, { n: 5, of: 207 })).toBeGreaterThan(1.96);
    expect(change.rising).toEqual([]);
  });

  it('tests a theme\'s change exactly (Fisher, two-sided)', () => {
    // Fisher's tea-tasting table: 3 of 4 against 1 of 4, p = 34/70.
    expect(fisherExactP({ n: 3, of: 4 }, { n: 1, of: 4 })).toBeCloseTo(34 / 70, 10);
    expect(fisherExactP({ n: 6, of: 10 }, { n: 1, of: 30 })).toBeLessThan(0.001);
    expect(fisherExactP({ n: 5, of: 61 }, { n: 5, of: 207 })).toBeGreaterThan(0.05);
    expect(fisherExactP({ n: 0, of: 10 }, { n: 0, of: 30 })).toBe(1);
  });

  it('calls a change only where it is clear', () => {
    expect(twoProportionZ({ n: 6, of: 10 }, { n: 1, of: 30 })).toBeGreaterThan(3);
    expect(Math.abs(twoProportionZ({ n: 2, of: 10 }, { n: 5, of: 30 }))).toBeLessThan(1);
    expect(meanChange([3, 4, 3, 4], [3, 4, 4, 3])!.direction).toBe('steady');
    expect(meanChange([1, 1, 2, 1], [5, 4, 5, 4])!.direction).toBe('down');
    expect(meanChange([1], [5, 4])).toBeNull();
  });
});

describe('overview', () => {
  const events = [
    review('a', 1, 'slow', ['pain.waiting'], { at: at('2024-05-02') }),
    review('b', 5, 'great', ['dialog.praise'], { at: at('2024-06-02') }),
    makeEvent({ customerKey: 'b', kind: 'order', direction: 'inbound', orderId: 'O1', amount: 10, channel: 'shop', expectsReply: false, at: at('2024-06-01') }),
    makeEvent({ customerKey: 'b', kind: 'order', direction: 'inbound', orderId: 'O1', amount: 5, channel: 'shop', expectsReply: false, at: at('2024-06-01') }),
    makeEvent({ customerKey: 'a', direction: 'outbound', kind: 'post', text: 'Sorry!', at: at('2024-05-03') }),
  ];
  const files = [{ file: 'r.csv', preset: 'reviews', rows: { read: 5, used: 4, rejected: 1 } }];

  it('gives the run in figures', () => {
    const p = profiled(events, ['z']);
    expect(runFigures(p.map(customerFigures), files, overviewInputsOf(p).records)).toEqual({
      files: 1,
      rows: { read: 5, used: 4, rejected: 1 },
      customers: 3,
      withWords: 2,
      rating: 2,
      own: { review: 2 },
      orders: 1,
      notes: 0,
      brand: 1,
      dates: { first: '2024-05-02', last: '2024-06-02' },
      rated: { n: 2, byScale: { stars5: 2 }, mean: { mean: 3, n: 2 } },
    });
    // The figures add up customer by customer: a run may keep each customer's and let their records go, in any order.
    expect(runFigures(p.map(customerFigures).reverse(), files, overviewInputsOf(p).records)).toEqual(runFigures(p.map(customerFigures), files, overviewInputsOf(p).records));
    expect(overviewInputsOf(p).records[0]).not.toHaveProperty('event');
    const { stages } = overviewOf(overviewInputsOf(p), files, at('2024-06-30'));
    expect(stages.map((s) => s.stage)).toEqual(['stranger', 'acquaintance', 'regular', 'advocate', 'at-risk']);
    expect(stages.reduce((n, s) => n + s.n, 0)).toBe(3);
  });

  it('is the same whatever order the customers and their records come in', () => {
    const forward = overviewOf(overviewInputsOf(profiled(events)), files, at('2024-06-30'));
    const backward = overviewOf(overviewInputsOf(profiled([...events].reverse()).reverse()), files, at('2024-06-30'));
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });

  it('sums in any order to the same figures, so a run can add its records up part by part', () => {
    // Ratings on two scales: those on the other scale land on the common one as inexact fractions.
    const many = Array.from({ length: 90 }, (_, i) =>
      review(`c${i % 30}`, null, `words ${i}`, ['pain.waiting'], { at: at(`2024-0${1 + (i % 6)}-1${i % 9}`), rating: i % 3 === 0 ? { value: 1 + ((i * 7) % 10), scale: 'stars10' } : { value: 1 + (i % 5), scale: 'stars5' } }),
    );
    const { records, scale } = overviewInputsOf(profiled(many));
    const figures = (said: readonly SaidRecord[]) => JSON.stringify([themesAcross(said), segmentsOf(said), timeline(said, at('2024-06-30')), recentChange(said, at('2024-06-30'))]);
    const swapped = [...records].reverse();
    expect(figures(swapped)).toBe(figures(records));
    // Customer by customer, in another order, placed on the run's scale at the end: the same figures.
    expect(figures(onScale(profiled(many).reverse().flatMap(customerSaid), scale))).toBe(figures(records));
    // The whole overview, from inputs gathered that way.
    const subjects = profiled(many).reverse();
    const inputs = { records: onScale(subjects.flatMap(customerSaid), scale), scale, customers: subjects.map((s) => ({ figures: customerFigures(s), stage: s.profile.stage })) };
    expect(JSON.stringify(overviewOf(inputs, files, at('2024-06-30')))).toBe(JSON.stringify(overviewOf(overviewInputsOf(profiled(many)), files, at('2024-06-30'))));
    // Adding up one by one in the two orders does not agree on these ratings: the test would notice a plain sum.
    const ratings = records.flatMap((r) => (r.rating === null ? [] : [r.rating]));
    expect(ratings.reduce((a, b) => a + b, 0)).not.toBe([...ratings].reverse().reduce((a, b) => a + b, 0));
  });
});

describe('exampleCandidates', () => {
  /** The choice of examples: the first EXAMPLES_PER_THEME of other customers and other words than those before. */
  const pick = (ranked: readonly Hit[]): number[] => {
    const customers = new Set<string>();
    const words = new Set<string>();
    const chosen: number[] = [];
    for (const hit of ranked) {
      if (customers.has(hit.found.record.customer) || words.has(hit.words)) continue;
      customers.add(hit.found.record.customer);
      words.add(hit.words);
      chosen.push(hit.id);
      if (chosen.length === EXAMPLES_PER_THEME) break;
    }
    return chosen;
  };
  type Hit = { id: number; score: number; words: string; found: { record: { customer: string } } };
  const best = (a: Hit, b: Hit) => b.score - a.score || a.id - b.id;

  it('keeps, per part of a run, every hit that can still be chosen, so the parts choose as the whole run would', () => {
    let state = 11;
    const next = (n: number) => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
    for (let round = 0; round < 300; round++) {
      // Few customers and few wordings: many hits shut out by one another.
      const hits: Hit[] = Array.from({ length: 5 + next(40) }, (_, id) => ({ id, score: next(6), words: `w${next(5)}`, found: { record: { customer: `c${next(5)}` } } }));
      const parts: Hit[][] = [[], [], []];
      for (const hit of hits) parts[next(3)]!.push(hit);
      const kept = parts.flatMap((part) => exampleCandidates([...part].sort(best)));
      expect(pick(kept.sort(best))).toEqual(pick([...hits].sort(best)));
    }
  });
});

describe('keptForExamples', () => {
  it("keeps the words a part's records can still be quoted with, so the run's themes are those of every record kept whole", () => {
    let state = 7;
    const next = (n: number) => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
    const wordings = ['Waited three weeks.', 'Still waiting!', 'waited three weeks', 'Great coffee.', 'Nobody answers.'];
    for (let round = 0; round < 40; round++) {
      // Few customers and wordings, so most hits cannot be quoted once a part holds better ones.
      const events = Array.from({ length: 30 + next(30) }, () => {
        const text = `${wordings[next(wordings.length)]!} ${['', 'Again.', 'Sigh.', 'Really!'][next(4)]}`;
        return review(`c${next(12)}`, next(3) === 0 ? null : 1 + next(5), text, text.includes('ait') ? ['pain.waiting'] : ['dialog.praise']);
      });
      const subjects = profiled(events);
      const all = subjects.flatMap(customerSaid);
      const scale = commonScale(all.flatMap((r) => (r.given && r.own ? [r.given] : [])));
      const parts: (typeof subjects)[] = [[], [], []];
      for (const subject of subjects) parts[next(3)]!.push(subject);
      const kept = parts.flatMap((part) => keptForExamples(part.flatMap(customerSaid)));
      expect(kept.length).toBe(all.length);
      expect(kept.some((record) => record.hits.some((hit) => hit.quote === ''))).toBe(true);
      expect(JSON.stringify(themesAcross(onScale(kept, scale)))).toBe(JSON.stringify(themesAcross(onScale(all, scale))));
    }
  });
});

