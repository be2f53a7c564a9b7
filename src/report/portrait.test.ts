import { describe, expect, it } from 'vitest';
import type { Annotation, Event } from '../model.js';
import { buildProfiles } from '../profile/index.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import type { CodeInfo } from './codes.js';
import { renderCustomerReport } from './customer.js';
import { chooseOpeners } from './openers.js';
import { portrait } from './portrait.js';

const asOf = new Date('2024-07-01T00:00:00Z');
const on = (day: string) => new Date(`${day}T12:00:00Z`);
const codes = new Map<string, CodeInfo>([
  ['pain.waiting', { id: 'pain.waiting', category: 'pain', label: { en: 'Waiting and delay', de: 'Warten und Verspätung' } }],
  ['pain.damaged', { id: 'pain.damaged', category: 'pain', label: { en: 'Damaged goods', de: 'Beschädigte Ware' } }],
  ['pain.cancellation', { id: 'pain.cancellation', category: 'pain', label: { en: 'Cancellation', de: 'Kündigung' } }],
  ['longing.wish', { id: 'longing.wish', category: 'longing', label: { en: 'Wish', de: 'Wunsch' } }],
  ['dialog.praise', { id: 'dialog.praise', category: 'dialog', label: { en: 'Praise', de: 'Lob' } }],
]);
const rule = (code: string, quote: string, id = `${code}/word`): Annotation => ({ code, quote, source: { file: 'in.csv', line: 2 }, by: { kind: 'rule', id }, confidence: 0.8 });

function subject(events: Event[], extra: Parameters<typeof makeCustomer>[0] = {}) {
  return buildProfiles([makeCustomer(extra)], events, { ordersKnown: true, socialKnown: false, asOf })[0]!;
}

const waited = () =>
  makeEvent({
    kind: 'ticket',
    text: 'Seit drei Wochen warte ich auf mein Paket, das ist *wirklich* ärgerlich.',
    at: on('2024-05-02'),
    sentiment: { label: 'negative', score: -0.7 },
    annotations: [rule('pain.waiting', 'Seit drei Wochen warte ich auf mein Paket, das ist *wirklich* ärgerlich.')],
  });
const wished = () =>
  makeEvent({
    kind: 'ticket',
    channel: 'chat',
    text: 'Ich wünsche mir eine Probiergröße <b>bitte</b>.',
    at: on('2024-05-20'),
    sentiment: { label: 'positive', score: 0.3 },
    annotations: [rule('longing.wish', 'Ich wünsche mir eine Probiergröße <b>bitte</b>.')],
  });
const order = (day: string, amount: number) => makeEvent({ kind: 'order', orderId: day, amount, channel: 'shop', expectsReply: false, at: on(day) });

describe('the portrait', () => {
  it('says who this is: name, stage, since when, their records by kind and channel, and their orders', () => {
    const { who } = portrait(subject([order('2024-01-10', 30), waited(), wished()]), codes, 'en');
    expect(who).toBe('**Who:** Greta Beispiel — at-risk, in touch since 2024-01-10, latest 2024-05-20: 1 order worth 30.00 and 2 tickets (chat, email).');
  });

  it('puts their experience next to their expectation, each in their own words, escaped', () => {
    const { moves } = portrait(subject([order('2024-01-10', 30), waited(), wished()]), codes, 'en');
    expect(moves).toBe(
      '**What moves them:** Their experience: “Seit drei Wochen warte ich auf mein Paket, das ist \\*wirklich\\* ärgerlich.” (Waiting and delay). ' +
        'What they hope for: “Ich wünsche mir eine Probiergröße \\<b>bitte\\</b>.” (Wish).',
    );
  });

  it('grounds the next step in the first opener of the next conversation', () => {
    const s = subject([waited(), wished()]);
    expect(portrait(s, codes, 'en').next).toBe(`**Next:** ${chooseOpeners(s, codes, 'en')[0]!.text}`);
  });

  it('shows another pain than the record the next step already quotes, where there is one', () => {
    const damaged = makeEvent({
      kind: 'ticket',
      text: 'Die Tüte kam aufgerissen an.',
      at: on('2024-06-29'),
      sentiment: { label: 'negative', score: -0.5 },
      annotations: [rule('pain.damaged', 'Die Tüte kam aufgerissen an.')],
    });
    const s = subject([waited(), damaged]);
    expect(chooseOpeners(s, codes, 'en')[0]!.evidence).toBe(damaged);
    expect(portrait(s, codes, 'en').moves).toMatch(/Their experience: “Seit drei Wochen warte ich/);
  });

  it('does not call a cancellation they made themselves a pain they suffered', () => {
    const cancelled = makeEvent({
      kind: 'ticket',
      text: 'Bitte kündigen Sie mein Abo.',
      at: on('2024-06-01'),
      sentiment: { label: 'neutral', score: 0 },
      annotations: [rule('pain.cancellation', 'Bitte kündigen Sie mein Abo.'), { code: 'reading.cancelled', quote: 'Bitte kündigen Sie mein Abo.', source: { file: 'in.csv', line: 2 }, by: { kind: 'reading', id: 'cancelled' }, confidence: 1 }],
    });
    expect(portrait(subject([cancelled]), codes, 'en').moves).toMatch(/^\*\*What moves them:\*\* In their own words: “Bitte kündigen Sie mein Abo\.” \(2024-06-01\)\. No pain or praise named\./);
  });

  it('quotes the words, not the first sentence, where only the rating gave the code', () => {
    const review = makeEvent({
      kind: 'review',
      channel: 'google-play',
      expectsReply: false,
      text: 'Hallo! Die App stürzt bei jedem Login ab.',
      rating: { value: 5, scale: 'stars5' },
      at: on('2024-06-01'),
      annotations: [rule('dialog.praise', 'Hallo!', 'dialog.praise/signal:rated tone=positive')],
    });
    // The label says the praise is the rating's: the words say something else.
    expect(portrait(subject([review]), codes, 'en').moves).toContain('“Hallo! Die App stürzt bei jedem Login ab.” (Praise by its rating)');
    expect(portrait(subject([review]), codes, 'de').moves).toContain('„Hallo! Die App stürzt bei jedem Login ab.“ (Lob laut Bewertung)');
  });

  it('says honestly when they rated without a word, only ordered, or left nothing at all', () => {
    const rated = makeEvent({ kind: 'review', channel: 'google-play', expectsReply: false, text: null, rating: { value: 1, scale: 'stars5' }, at: on('2024-06-01') });
    expect(portrait(subject([rated]), codes, 'en').moves).toBe('**What moves them:** They rated without a word (★☆☆☆☆ 1/5): what moves them is not in the data.');
    expect(portrait(subject([rated]), codes, 'en').who).toMatch(/1 review \(google-play\); rated ★☆☆☆☆ 1\/5\.$/);
    expect(portrait(subject([order('2024-02-01', 10), order('2024-03-01', 12)]), codes, 'en').moves).toBe(
      '**What moves them:** They ordered (2 orders) but wrote nothing: what moves them is not in the data.',
    );
    const nobody = portrait(subject([], { contact: { ...makeCustomer().contact!, createdAt: on('2023-04-05') } }), codes, 'en');
    expect(nobody.who).toBe('**Who:** Greta Beispiel — stranger, in the CRM since 2023-04-05, no dated contact: no records of their own.');
    expect(nobody.moves).toBe('**What moves them:** Nothing of their own in the data: what moves them is unknown.');
  });

  it('says that words in a language thick does not read may hold what it cannot see', () => {
    const survey = makeEvent({ kind: 'survey', channel: 'survey', expectsReply: false, text: 'A entrega deve ser mais rápida', lang: 'other', rating: { value: 3, scale: 'stars5' }, at: on('2024-06-01') });
    const p = portrait(subject([survey]), codes, 'en');
    expect(p.who).toMatch(/: 1 survey answer; rated ★★★☆☆ 3\/5\.$/);
    expect(p.moves).toBe('**What moves them:** In their own words: “A entrega deve ser mais rápida” (in a language thick does not read, 2024-06-01). Their language is one thick does not read, so whatever they hope for in these words goes unseen.');
  });

  it('cites a rating without words as such in the next step, not as an empty quote', () => {
    const survey = makeEvent({ kind: 'survey', channel: 'survey', expectsReply: false, text: null, rating: { value: 1, scale: 'stars5' }, at: on('2024-06-28'), source: { file: 's.csv', line: 4 } });
    const { next } = portrait(subject([survey]), codes, 'en');
    expect(next).toBe('**Next:** Close the loop on their survey answer (★☆☆☆☆ 1/5): (without a word, s.csv:4, 2024-06-28). Ask what would have made it better, and listen before explaining.');
  });

  it('names someone who wrote under a placeholder as such', () => {
    const review = makeEvent({ kind: 'review', channel: 'google-play', expectsReply: false, text: 'Super', who: { placeholder: 'Ein Google-Nutzer' }, rating: { value: 5, scale: 'stars5' }, at: on('2024-06-01') });
    const { who } = portrait(subject([review], { anonymous: true, name: 'Ein Google-Nutzer #1a2b', crmId: null, emails: [], contact: null }), codes, 'de');
    expect(who).toMatch(/^\*\*Wer:\*\* Jemand, der als „Ein Google-Nutzer“ schreibt — /);
  });

  it('speaks German with --lang de', () => {
    const p = portrait(subject([order('2024-01-10', 30.5), waited()]), codes, 'de');
    expect(p.who).toBe('**Wer:** Greta Beispiel — Bekanntschaft, in Kontakt seit 10.01.2024, zuletzt 02.05.2024: 1 Bestellung über 30,50 und 1 Ticket (E-Mail).');
    expect(p.moves).toMatch(/^\*\*Was die Person bewegt:\*\* Erlebt: „Seit drei Wochen.*“ \(Warten und Verspätung\)\. Was sie sich erhofft, steht nicht in ihren Worten\.$/);
    expect(p.next).toMatch(/^\*\*Als Nächstes:\*\* /);
  });

  it('opens the customer report, right under the title', () => {
    const report = renderCustomerReport(subject([waited(), wished()]), { lang: 'en', codes });
    expect(report).toMatch(/^# Greta Beispiel\n\n\*\*Who:\*\* .*\n\n\*\*What moves them:\*\* .*\n\n\*\*Next:\*\* .*\n\nInsight report · /);
  });
});
