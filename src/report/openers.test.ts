import { describe, expect, it } from 'vitest';
import { annotateEvent } from '../annotate/index.js';
import { compileCodebook } from '../annotate/codebook.js';
import type { Annotation, Event } from '../model.js';
import { buildProfiles } from '../profile/index.js';
import { makeCustomer, makeEvent } from '../test-support.js';
import type { CodeInfo } from './codes.js';
import { chooseOpeners } from './openers.js';
import { defaultCodebook } from '../cli/resources.js';

const asOf = new Date('2024-07-01T00:00:00Z');
const annotating = { codebook: compileCodebook(defaultCodebook()), contextEvents: [] };
const on = (day: string) => new Date(`${day}T12:00:00Z`);
const codes = new Map<string, CodeInfo>([
  ['pain.damaged', { id: 'pain.damaged', category: 'pain', label: { en: 'Damaged goods', de: 'Beschädigte Ware' } }],
  ['role.critic', { id: 'role.critic', category: 'role', label: { en: 'Critic', de: 'Kritiker' } }],
  ['role.recommender', { id: 'role.recommender', category: 'role', label: { en: 'Recommender', de: 'Empfiehlt weiter' } }],
  ['role.advisor', { id: 'role.advisor', category: 'role', label: { en: 'Advisor', de: 'Berät andere' } }],
]);
const rule = (code: string, quote = 'x'): Annotation => ({ code, quote, source: { file: 'in.csv', line: 2 }, by: { kind: 'rule', id: code }, confidence: 0.8 });
const analyst = (code: string): Annotation => ({ code, quote: null, source: { file: 'notes.csv', line: 2 }, by: { kind: 'analyst', id: 'Ines Vogt' }, confidence: 1 });

function openers(events: Event[], lang: 'en' | 'de' = 'en', repliesKnown?: boolean) {
  const subject = buildProfiles([makeCustomer()], events, { ordersKnown: false, socialKnown: false, asOf, repliesKnown })[0]!;
  return chooseOpeners(subject, codes, lang);
}
const texts = (events: Event[], lang: 'en' | 'de' = 'en') => openers(events, lang).map((o) => o.text).join('\n');

describe('openers fit the age of their evidence', () => {
  it('never call a message older than the reply horizon "still open" or apologise for the wait', () => {
    const old = makeEvent({ text: 'Is the decaf back in stock?', at: on('2023-02-01'), sentiment: { label: 'neutral', score: 0 } });
    const said = texts([old]);
    expect(said).not.toMatch(/still open|apologise|Answer first/i);
    expect(openers([old]).map((o) => o.key)).toEqual(['lastWordsLongAgo']);
  });

  it('answer a message inside the horizon first, apologising only when it has waited', () => {
    const waited = makeEvent({ text: 'Where is my parcel?', at: on('2024-06-20') });
    expect(openers([waited])[0]).toMatchObject({ key: 'answerWaited', evidence: waited });
    expect(texts([waited])).toMatch(/has waited 10 days for a reply\. Apologise for the wait/);
    const today = makeEvent({ text: 'Where is my parcel?', at: on('2024-06-30') });
    expect(openers([today])[0]!.key).toBe('answerToday');
    expect(texts([today])).not.toMatch(/apologise/i);
  });

  it('answer first the open message that asks or complains, not a later correction of their own words', () => {
    const asks = annotateEvent(makeEvent({ text: 'The seat was broken and nobody helped. Who do I talk to?', at: on('2024-06-20'), messageId: 'a' }), annotating);
    const correction = annotateEvent(makeEvent({ text: 'Tuesday, not Thursday.', at: new Date('2024-06-20T12:05:00Z'), messageId: 'b', replyTo: 'a', sentiment: { label: 'neutral', score: 0 } }), annotating);
    expect(openers([asks, correction])[0]).toMatchObject({ key: 'answerWaited', evidence: asks });
  });

  it('thank fresh praise that links to a page with a question mark in its address', () => {
    const praise = annotateEvent(
      makeEvent({ kind: 'post', expectsReply: false, text: 'Best coffee in town, see https://blog.example/post?id=12', at: on('2024-06-20'), sentiment: { label: 'positive', score: 0.8 }, annotations: [rule('dialog.praise', 'Best coffee in town')] }),
      annotating,
    );
    expect(openers([praise]).map((o) => o.key)).toContain('thankPraise');
  });

  it('do not thank years-old praise as if it were new', () => {
    const praise = makeEvent({ text: 'Best coffee in town, thank you!', at: on('2021-03-01'), sentiment: { label: 'positive', score: 0.8 }, annotations: [rule('dialog.praise', 'Best coffee in town')] });
    const found = openers([praise]);
    expect(found.map((o) => o.key)).toEqual(['oldPraise']);
    expect(found[0]!.text).toMatch(/ago: “Best coffee in town” .* Ask whether that still holds, rather than thanking them as if it were new/);
  });
});

describe('openers fit the kind of record', () => {
  const review = (day: string, value: number, extra: Partial<Event> = {}) =>
    makeEvent({ kind: 'review', channel: 'playstore', expectsReply: false, rating: { value, scale: 'stars5' }, at: on(day), text: 'Kam zerbrochen an.', annotations: [rule('pain.damaged', 'zerbrochen')], ...extra });

  it('answer a fresh unreplied review publicly, under the review', () => {
    const found = openers([review('2024-06-25', 1, { sentiment: { label: 'negative', score: -0.5 } })], 'en', true);
    expect(found[0]!.key).toBe('replyCriticalReview');
    expect(found[0]!.text).toMatch(/^Reply publicly under their review \(★☆☆☆☆ 1\/5\): “Kam zerbrochen an\.”/);
    expect(found.map((o) => o.key)).not.toContain('acknowledgePain');
  });

  it('do not claim a review went unanswered when the export cannot show replies', () => {
    const found = openers([review('2024-06-25', 1, { sentiment: { label: 'negative', score: -0.5 } })], 'en', false);
    expect(found[0]!.key).toBe('replyCriticalReviewIfOpen');
    expect(found[0]!.text).toMatch(/^This export shows no replies: if nobody has answered their review \(★☆☆☆☆ 1\/5\) yet, answer it publicly/);
  });

  it('do not answer an old review in private', () => {
    const found = openers([review('2019-05-02', 2)]);
    expect(found.map((o) => o.key)).toEqual(['reviewPainLater']);
    expect(found[0]!.text).toMatch(/Do not answer it in private; when they next get in touch, ask whether that still holds/);
  });
});

describe('openers for someone reachable only under their record', () => {
  const placeholder = makeCustomer({ key: 'anon-7f3a', name: 'Ein Google-Nutzer #7f3a', crmId: null, emails: [], contact: null, anonymous: true });
  const review = (value: number, day: string, extra: Partial<Event> = {}) =>
    makeEvent({
      customerKey: 'anon-7f3a',
      kind: 'review',
      channel: 'google-play',
      expectsReply: false,
      rating: { value, scale: 'stars5' },
      at: on(day),
      text: value <= 2 ? 'Login klappt seit dem Update nicht mehr.' : 'Übersichtlich und schnell.',
      lang: 'de',
      sentiment: value <= 2 ? { label: 'negative', score: -0.5 } : { label: 'positive', score: 0.6 },
      messageId: 'rv-1',
      ...extra,
    });
  const brandReply = (text: string) =>
    annotateEvent(makeEvent({ customerKey: 'anon-7f3a', direction: 'outbound', kind: 'review', channel: 'google-play', replyTo: 'rv-1', text, lang: 'de', at: on('2023-03-05') }), annotating);
  const openersOf = (events: Event[], repliesKnown?: boolean, lang: 'en' | 'de' = 'de') =>
    chooseOpeners(buildProfiles([placeholder], events, { ordersKnown: false, socialKnown: false, asOf, repliesKnown })[0]!, codes, lang);
  const nextContact = /nächsten Kontakt|next get in touch|when they next/;

  it('answer an old unreplied critical review in public, the only channel there is', () => {
    const found = openersOf([review(1, '2023-03-01')], true);
    expect(found.map((o) => o.key)).toEqual(['replyLateCriticalReview']);
    expect(found[0]!.text).toMatch(/^Öffentlich unter der Bewertung antworten \(★☆☆☆☆ 1\/5\), auch wenn es spät ist \(über ein Jahr\)/);
    expect(found[0]!.text).not.toMatch(nextContact);
  });

  it('follow up a promise in the brand’s public reply there, or say there is nothing to add', () => {
    const promised = openersOf([review(1, '2023-03-01'), brandReply('Danke für den Hinweis. Wir arbeiten bereits an einer Lösung.')]);
    expect(promised.map((o) => o.key)).toEqual(['publicFollowUp']);
    expect(promised[0]!.text).toMatch(/„Wir arbeiten bereits an einer Lösung\.“/);
    const answered = openersOf([review(1, '2023-03-01'), brandReply('Danke für Ihre Bewertung.')]);
    expect(answered.map((o) => o.key)).toEqual(['answeredInPublic']);
    expect(answered[0]!.text).toMatch(/nur über eine Antwort unter der Bewertung erreichbar; dort hat die Marke am 05\.03\.2023 bereits geantwortet/);
  });

  it('never suggest a next contact that cannot happen', () => {
    for (const events of [[review(5, '2022-01-10')], [review(2, '2022-01-10')], [review(5, '2024-06-28')]]) {
      for (const known of [true, false]) {
        const said = openersOf(events, known).map((o) => o.text).join('\n') + openersOf(events, known, 'en').map((o) => o.text).join('\n');
        expect(said).not.toMatch(nextContact);
      }
    }
    expect(openersOf([review(5, '2022-01-10')], true).map((o) => o.key)).toEqual(['noChannel']);
    expect(openersOf([review(2, '2022-01-10')], false).map((o) => o.key)).toEqual(['replyLateCriticalReviewIfOpen']);
  });
});

describe('openers for an old review on a platform that takes replies', () => {
  it('answer an unreplied critical review in public rather than “not in private now”', () => {
    const old = makeEvent({ kind: 'review', channel: 'google-play', expectsReply: false, rating: { value: 2, scale: 'stars5' }, at: on('2024-03-01'), text: 'Rechnung lässt sich nicht öffnen.', lang: 'de', sentiment: { label: 'negative', score: -0.4 } });
    const found = openers([old], 'de', true);
    expect(found[0]!.key).toBe('replyLateCriticalReview');
    expect(found.map((o) => o.text).join('\n')).not.toMatch(/Jetzt nicht privat darauf antworten/);
  });
});

describe('openers fit the role', () => {
  it('take a critic seriously and never thank them for the criticism', () => {
    const critic = makeEvent({ text: 'Your plastic padding is a disgrace.', at: on('2024-06-01'), annotations: [rule('role.critic', 'a disgrace')] });
    const said = texts([critic]);
    expect(said).toMatch(/Take their criticism seriously, do not thank them for it/);
    expect(said).not.toMatch(/Thank them/);
  });

  it('never thank a role taken in a record whose tone is negative: a one-star warning to others is criticism', () => {
    const warning = makeEvent({
      kind: 'review',
      channel: 'shop',
      expectsReply: false,
      rating: { value: 1, scale: 'stars5' },
      text: 'Overpriced dust: think twice before you buy this tin.',
      at: on('2024-06-10'),
      sentiment: { label: 'negative', score: -0.6 },
      annotations: [rule('role.advisor', 'think twice before you buy')],
    });
    const found = openers([warning]);
    expect(found.map((o) => o.key)).not.toContain('thankSupporter');
    expect(found.map((o) => o.text).join('\n')).not.toMatch(/Thank them for what they do for us/);
    expect(found.map((o) => o.key)).toContain('critic');
  });

  it('never thank a customer at risk for praise either', () => {
    const kind = makeEvent({ kind: 'post', expectsReply: false, text: 'Thanks for the help earlier!', at: on('2024-06-25'), sentiment: { label: 'positive', score: 0.7 }, annotations: [rule('dialog.praise', 'Thanks for the help')] });
    const low = makeEvent({ kind: 'review', channel: 'shop', expectsReply: false, rating: { value: 1, scale: 'stars5' }, text: 'Stale beans again.', at: on('2024-06-28'), sentiment: { label: 'negative', score: -0.5 } });
    expect(openers([kind]).map((o) => o.key)).toContain('thankPraise');
    expect(openers([kind, low]).map((o) => o.key)).not.toContain('thankPraise');
  });

  it('never thank a customer at risk for a role, however warm the record', () => {
    const fan = makeEvent({ text: 'Told my whole office about you!', at: on('2024-06-10'), kind: 'post', expectsReply: false, sentiment: { label: 'positive', score: 0.7 }, annotations: [rule('role.recommender', 'Told my whole office')] });
    const fell = makeEvent({ kind: 'review', channel: 'shop', expectsReply: false, rating: { value: 1, scale: 'stars5' }, text: 'Stale beans twice now.', at: on('2024-06-20'), sentiment: { label: 'negative', score: -0.5 } });
    const found = openers([fan, fell]);
    expect(found.map((o) => o.key)).not.toContain('thankSupporter');
    expect(found.map((o) => o.key)).not.toContain('rememberSupporter');
  });

  it('thank a recommender', () => {
    const fan = makeEvent({ text: 'Told my whole office about you!', at: on('2024-06-10'), sentiment: { label: 'positive', score: 0.7 }, annotations: [rule('role.recommender', 'Told my whole office')] });
    expect(openers([fan]).map((o) => o.key)).toContain('thankSupporter');
  });
});

describe('openers follow the analyst notes', () => {
  const broken = makeEvent({ text: 'Die Mühle kam mit einem Riss an.', at: on('2024-06-03'), annotations: [rule('pain.damaged', 'mit einem Riss')] });
  // As the annotate stage hands notes on: with their readings (solved, idea).
  const note = (text: string, codes: string[]) =>
    annotateEvent(makeEvent({ kind: 'note', direction: 'internal', channel: 'note', author: 'Ines Vogt', text, at: on('2024-06-05'), annotations: codes.map(analyst) }), annotating);

  it('do not reopen an issue a note calls solved', () => {
    const found = openers([broken, note('Ersatz ist raus.', ['pain.damaged'])]);
    expect(found.map((o) => o.key)).toContain('checkSolved');
    expect(found.map((o) => o.key)).not.toContain('acknowledgePain');
    expect(found.find((o) => o.key === 'checkSolved')!.text).toBe(
      'Do not reopen “Damaged goods”: Ines Vogt noted it as solved (“Ersatz ist raus.” (t.csv:' + (note('x', []).source.line - 1) + ', 2024-06-05)). Ask instead whether all is well now.',
    );
  });

  it('do not answer first, or count as still open, a message whose issue a later note calls solved', () => {
    const cracked = makeEvent({ text: 'Die Mühle kam mit einem Riss an.', at: on('2024-06-25'), annotations: [rule('pain.damaged', 'mit einem Riss')] });
    const solving = annotateEvent(
      makeEvent({ kind: 'note', direction: 'internal', channel: 'note', author: 'Ines Vogt', text: 'Ersatz ist raus.', at: on('2024-06-27'), annotations: [analyst('pain.damaged')] }),
      annotating,
    );
    const subject = buildProfiles([makeCustomer()], [cracked, solving], { ordersKnown: false, socialKnown: false, asOf })[0]!;
    const found = chooseOpeners(subject, codes, 'en');
    expect(found.map((o) => o.key)).not.toContain('answerWaited');
    expect(found.map((o) => o.key)).not.toContain('answerToday');
    expect(found[0]!.key).toBe('checkSolved');
    expect(subject.profile.dialog).toMatchObject({ unanswered: 1, stillOpen: 0, settled: 1 });
    expect(subject.profile.attentionReasons.join(' ')).not.toMatch(/unanswered/);
    // Two such messages do not make "never answered" either.
    const again = makeEvent({ text: 'Und der Deckel fehlt auch.', at: on('2024-06-26'), annotations: [rule('pain.damaged', 'fehlt')] });
    const both = buildProfiles([makeCustomer()], [cracked, again, solving], { ordersKnown: false, socialKnown: false, asOf })[0]!;
    expect(both.profile.stageReasons.join(' ')).not.toMatch(/never answered/);
  });

  it('take up an issue a note says is still open, and use an idea from a note', () => {
    const found = openers([broken, note('Ersatz noch nicht verschickt. Könnte eine Tüte Morgenröte als Entschuldigung bekommen.', ['pain.damaged'])]);
    expect(found.map((o) => o.key)).toEqual(['answerWaited', 'noteIdea']);
    expect(found[1]!.text).toMatch(/^Use what Ines Vogt noted on 2024-06-05: “Könnte eine Tüte Morgenröte als Entschuldigung bekommen\.”/);
  });

  it('speak German too', () => {
    const de = texts([broken, note('Ersatz ist raus.', ['pain.damaged'])], 'de');
    expect(de).toMatch(/^Das Thema „Beschädigte Ware“ nicht wieder aufrollen, denn Ines Vogt hat es als erledigt notiert \(„Ersatz ist raus\.“ \(t\.csv:\d+, 05\.06\.2024\)\)/);
  });
});

describe('openers about a rating that fell', () => {
  const review = (value: number, day: string, extra: Partial<Event> = {}) =>
    makeEvent({ kind: 'review', channel: 'shop', expectsReply: false, rating: { value, scale: 'stars5' }, at: on(day), text: 'Schmeckt wie immer.', ...extra });

  it('quote the latest rating, never the older, higher one', () => {
    const earlier = review(5, '2022-03-01', { sentiment: { label: 'positive', score: 0.7 } });
    const later = review(2, '2023-04-01', { text: 'Diesmal kam die Dose verbeult an.', sentiment: { label: 'negative', score: -0.4 }, annotations: [rule('pain.damaged', 'verbeult')] });
    const found = openers([earlier, later]);
    // The later review is answered by the pain opener; the fall is not told again with the older review.
    expect(found.map((o) => o.key)).toContain('reviewPainLater');
    expect(found.map((o) => o.text).join('\n')).not.toMatch(/fell to ★★★★★/);
    expect(found.filter((o) => o.key === 'ratingFell').every((o) => o.evidence === later)).toBe(true);
  });

  it('cite the latest rating when it is free, and say nothing of a fall to a rating that is still good', () => {
    const fell = openers([review(5, '2022-03-01'), review(2, '2023-04-01')]);
    expect(fell.find((o) => o.key === 'ratingFell')!.text).toMatch(/^Their rating fell to ★★☆☆☆ 2\/5/);
    expect(openers([review(5, '2022-03-01'), review(4, '2023-04-01')]).map((o) => o.key)).not.toContain('ratingFell');
  });
});

describe('openers follow what the customer said since', () => {
  const said = (text: string, day: string, codes: string[] = [], extra: Partial<Event> = {}) =>
    annotateEvent(makeEvent({ kind: 'post', expectsReply: false, text, lang: 'en', at: on(day), annotations: codes.map((c) => rule(c)), ...extra }), annotating);

  it('do not ask whether an issue was sorted out when their own later words say it was', () => {
    const charged = said('You charged me twice for one order.', '2024-04-02', ['pain.billing'], { sentiment: { label: 'negative', score: -0.5 } });
    const sorted = said("Update: all resolved now, got my refund!", '2024-04-20', ['pain.billing']);
    const found = openers([charged, sorted]);
    expect(found.map((o) => o.key)).not.toContain('askPainSince');
    expect(found.map((o) => o.key)).not.toContain('acknowledgePain');
    expect(found.find((o) => o.key === 'solvedByThem')!.text).toMatch(/^Do not reopen “pain\.billing”: they said themselves it is over \(“Update: all resolved now, got my refund!”/);
  });

  it('do not ask about a cancellation the customer made as if it were pending: ask what would bring them back', () => {
    const gone = said("I've cancelled my subscription and switched to another roaster. Never again.", '2024-05-02', ['pain.cancellation', 'trust.loyalty-withheld'], {
      sentiment: { label: 'negative', score: -0.6 },
    });
    const found = openers([gone]);
    expect(found.map((o) => o.text).join('\n')).not.toMatch(/sorted out|Acknowledge/);
    expect(found[0]).toMatchObject({ key: 'winBack', evidence: gone });
    expect(found[0]!.text).toMatch(/^They turned away: “I've cancelled my subscription and switched to another roaster\.”/);
  });

  it('take an order cancelled to buy elsewhere for turning away, and a trip they cancelled for no pending cancellation', () => {
    const elsewhere = said("I've cancelled my order and switched to the shop next door. Thanks for nothing.", '2024-05-02', ['pain.cancellation'], { sentiment: { label: 'negative', score: -0.5 } });
    expect(openers([elsewhere])[0]!.key).toBe('winBack');
    const trip = said('I cancelled the trip because the driver never showed up.', '2024-05-02', ['pain.cancellation'], { sentiment: { label: 'negative', score: -0.5 } });
    expect(openers([trip]).map((o) => o.text).join('\n')).not.toMatch(/“pain\.cancellation” was sorted out|Acknowledge “pain\.cancellation”/);
  });

  it('leave a wish alone that a later message says came true', () => {
    const wish = said('I miss you guys, I wish I could come back to your network.', '2024-03-01', ['longing.wish']);
    const back = said('I am finally back on your network, the porting team was great!', '2024-03-20', [], { sentiment: { label: 'positive', score: 0.8 } });
    expect(openers([wish, back]).map((o) => o.key)).not.toEqual(expect.arrayContaining(['oldWish']));
    expect(openers([wish]).map((o) => o.key)).toContain('oldWish');
  });

  it('do not reopen an issue the brand told them it solved', () => {
    const broken = said('The app crashes when I scan my meter.', '2024-05-02', ['pain.broken'], { messageId: 'r1', sentiment: { label: 'negative', score: -0.4 } });
    const fixed = annotateEvent(makeEvent({ direction: 'outbound', kind: 'post', replyTo: 'r1', text: 'We have fixed the scanner in version 5.3.', lang: 'en', at: on('2024-05-04') }), annotating);
    const found = openers([broken, fixed]);
    expect(found.map((o) => o.key)).toContain('solvedByBrand');
    expect(found.map((o) => o.key)).not.toContain('askPainSince');
  });
});

describe('openers follow what the brand already said', () => {
  const cracked = makeEvent({ kind: 'post', text: 'The grinder arrived with a crack in the hopper.', messageId: 'p1', at: on('2024-06-20'), lang: 'en', sentiment: { label: 'negative', score: -0.5 }, annotations: [rule('pain.damaged', 'arrived with a crack')] });
  const reply = (text: string) => annotateEvent(makeEvent({ direction: 'outbound', kind: 'post', replyTo: 'p1', text, lang: 'en', at: on('2024-06-20') }), annotating);

  it('check that a promise in the reply happened instead of starting over with the pain', () => {
    const promise = reply('So sorry about that! We will send a replacement today.');
    const found = openers([cracked, promise]);
    expect(found.map((o) => o.text).join('\n')).not.toMatch(/standard voucher/);
    expect(found[0]).toMatchObject({ key: 'checkPromise', evidence: promise });
    expect(found[0]!.text).toMatch(/^Check that what the brand promised about “Damaged goods” happened: “We will send a replacement today\.”/);
  });

  it('use a promise like an idea in a note when no pain is left to check it against', () => {
    const question = makeEvent({ kind: 'post', text: 'Do you ship to Austria?', messageId: 'p1', at: on('2024-06-20'), lang: 'en' });
    const promise = reply("Thanks for asking. We'll let you know as soon as we ship there.");
    expect(openers([question, promise]).map((o) => o.key)).toContain('brandPromise');
  });

  it('leave a promise alone that the customer’s later words say was kept', () => {
    const question = makeEvent({ kind: 'post', text: 'Can you move my number over to you?', messageId: 'p1', at: on('2024-06-20'), lang: 'en' });
    const promise = reply("Thanks! We'll work on the transfer with you today.");
    const back = annotateEvent(makeEvent({ kind: 'post', text: 'I am finally back with you, great team!', at: on('2024-06-22'), lang: 'en', sentiment: { label: 'positive', score: 0.8 } }), annotating);
    expect(openers([question, promise, back]).map((o) => o.key)).not.toContain('brandPromise');
  });

  it('acknowledge the pain as before when the reply promises nothing', () => {
    expect(openers([cracked, reply('Sorry to hear that.')]).map((o) => o.key)).toContain('acknowledgePain');
  });
});

describe('openers keep data as data', () => {
  it('escape a code label and an analyst’s name', () => {
    const hostile = new Map<string, CodeInfo>([['pain.damaged', { id: 'pain.damaged', category: 'pain', label: { en: '[Broken](https://evil.example)', de: '[Kaputt](https://evil.example)' } }]]);
    const broken = makeEvent({ text: 'Kam kaputt an.', at: on('2024-06-28'), kind: 'post', expectsReply: false, annotations: [rule('pain.damaged', 'kaputt')] });
    const subject = buildProfiles([makeCustomer()], [broken], { ordersKnown: false, socialKnown: false, asOf })[0]!;
    const said = chooseOpeners(subject, hostile, 'en').map((o) => o.text).join('\n');
    expect(said).toContain('Acknowledge “\\[Broken\\]\\(https\\://evil.example)”');
  });
});

describe('openers for what is left', () => {
  const rated = (value: number, extra: Partial<Event> = {}) =>
    makeEvent({ kind: 'review', channel: 'shop', expectsReply: false, rating: { value, scale: 'stars5' }, at: on('2023-11-02'), text: null, ...extra });

  it('ask what lay behind a rating without words', () => {
    expect(openers([rated(1)])[0]).toMatchObject({ key: 'askWhyLow', text: 'They rated us ★☆☆☆☆ 1/5 on 2023-11-02 without a word (a review). When they next get in touch, ask what went wrong before anything else.' });
    expect(openers([rated(5)])[0]!.key).toBe('askWhatMattered');
  });

  it('take up an old review by its tone, never in private', () => {
    const critical = rated(2, { text: 'Leider enttäuschend.', sentiment: { label: 'negative', score: -0.5 } });
    expect(openers([critical])[0]!.text).toMatch(/^Their review \(★★☆☆☆ 2\/5\) was critical, \d+ days ago: “Leider enttäuschend\.” .* Do not answer it in private now/);
  });

  it('ask an open question only when there is nothing of theirs at all', () => {
    expect(openers([]).map((o) => o.key)).toEqual(['askOpenQuestion']);
  });
});
