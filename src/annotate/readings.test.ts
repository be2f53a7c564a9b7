import { describe, expect, it } from 'vitest';
import { READINGS, type Event, type Reading } from '../model.js';
import { makeEvent } from '../test-support.js';
import { readingsAnnotator } from './readings.js';
import type { AnnotateContext } from './annotator.js';

const ctx = {} as AnnotateContext;
const note = (text: string): Event => makeEvent({ kind: 'note', direction: 'internal', channel: 'note', author: 'Ines Vogt', text, lang: 'de' });
const reply = (text: string, lang: Event['lang'] = 'en'): Event => makeEvent({ direction: 'outbound', text, lang });
const own = (text: string, lang: Event['lang'] = 'en'): Event => makeEvent({ text, lang });

/** The sentence quoted for a reading, or null when the text does not say it. */
const said = (event: Event, reading: Reading): string | null =>
  readingsAnnotator(event, ctx).annotations?.find((a) => a.code === READINGS[reading])?.quote ?? null;

describe('reading analyst notes', () => {
  it('knows when a note calls an issue solved, in German and English, and quotes that sentence', () => {
    expect(said(note('Mühle kam mit Riss an. Ersatz ist raus.'), 'solved')).toBe('Ersatz ist raus.');
    expect(said(note('Doppelt abgebucht, am 12.06. erstattet.'), 'solved')).toBe('Doppelt abgebucht, am 12.06. erstattet.');
    expect(said(note('Ticket erledigt'), 'solved')).toBe('Ticket erledigt');
    expect(said(note('Charged twice; refunded on June 3.'), 'solved')).not.toBeNull();
    expect(said(note('Grinder arrived cracked, we sent a replacement.'), 'solved')).not.toBeNull();
    expect(said(note('Ticket resolved after a call.'), 'solved')).not.toBeNull();
  });

  it('does not take a negated or partial fix for solved', () => {
    expect(said(note('Betrag noch nicht erstattet, Kundin wartet.'), 'solved')).toBeNull();
    expect(said(note('Not refunded yet.'), 'solved')).toBeNull();
    expect(said(note('Erstattung nur teilweise gebucht, der Rest fehlt.'), 'solved')).toBeNull();
  });

  it('finds an idea, offer or promise, and quotes the sentence that holds it', () => {
    expect(said(note('Trinkt nur Filterkaffee. Könnte eine Probe der neuen Sorte mögen.'), 'idea')).toBe('Könnte eine Probe der neuen Sorte mögen.');
    expect(said(note('Zweimal Bruch in diesem Monat. Versandkarton wechseln?'), 'idea')).toBe('Versandkarton wechseln?');
    expect(said(note('Runs a tasting club. We promised her two tickets for the roastery tour.'), 'idea')).toBe('We promised her two tickets for the roastery tour.');
    expect(said(note('Wohnt in Kiel.'), 'idea')).toBeNull();
  });

  it('writes readings as readings, with the record as source, never as codebook codes', () => {
    const event = note('Ersatz ist raus.');
    const [annotation] = readingsAnnotator(event, ctx).annotations!;
    expect(annotation).toMatchObject({ code: 'reading.solved', by: { kind: 'reading', id: 'solved' }, source: event.source });
  });
});

describe('reading the brand’s replies', () => {
  it('finds a promise to check, but not a courtesy or a promise that waits on the customer', () => {
    expect(said(reply('Sorry about the dent. We will send a replacement today.'), 'promise')).toBe('We will send a replacement today.');
    expect(said(reply('Danke für den Hinweis. Wir arbeiten bereits an einer Lösung.', 'de'), 'promise')).toBe('Wir arbeiten bereits an einer Lösung.');
    expect(said(reply('If you DM us your order number, we will look into it.'), 'promise')).toBeNull();
    expect(said(reply('Schreiben Sie uns an hilfe@example.org. Gern kümmern wir uns darum.', 'de'), 'promise')).toBeNull();
    expect(said(reply('Could you tell us more? Will you be home tomorrow?'), 'promise')).toBeNull();
    expect(said(reply("Glad you enjoyed the stay! We look forward to having you back any time."), 'promise')).toBeNull();
    expect(said(reply('Wir werden uns freuen, Sie bald wieder zu begrüßen.', 'de'), 'promise')).toBeNull();
  });

  it('knows when the brand says it solved something, but not when it only hopes so', () => {
    expect(said(reply('Wir haben nachgebessert, probieren Sie es bitte erneut.', 'de'), 'solved')).not.toBeNull();
    expect(said(reply('Your refund has been issued and the charge is resolved.'), 'solved')).not.toBeNull();
    expect(said(reply('We hope this gets fixed soon.'), 'solved')).toBeNull();
    expect(said(reply('Once it is resolved we will let you know.'), 'solved')).toBeNull();
  });
});

describe('reading the customer’s own words', () => {
  it('knows when they say an issue is over', () => {
    expect(said(own("As I said, it's all resolved now! Got my refund too! Still annoyed though."), 'solved')).toBe("As I said, it's all resolved now!");
    expect(said(own('Finally I am back on your network, thanks to the porting team.'), 'solved')).not.toBeNull();
    expect(said(own('Die App funktioniert wieder, danke!', 'de'), 'solved')).not.toBeNull();
  });

  it('does not take a wish, a question, a condition, a negation or a “but” for solved', () => {
    for (const text of ['I need this fixed today.', 'Has my refund been processed? Is it sorted?', 'I will keep calling until it is fixed.', 'This still hasn’t been fixed.', 'You fixed the login, but now the app crashes.']) {
      expect(said(own(text), 'solved'), text).toBeNull();
    }
    expect(said(own('Die App geht wieder nicht.', 'de'), 'solved')).toBeNull();
  });

  it('knows when they cancel something themselves, not when it was cancelled on them', () => {
    expect(said(own('I cancelled the trip because the driver never came.'), 'cancelled')).not.toBeNull();
    expect(said(own('Please cancel my order, it is taking too long.'), 'cancelled')).not.toBeNull();
    expect(said(own('My flight got cancelled and nobody told me.'), 'cancelled')).toBeNull();
    expect(said(own('You cancelled my order without a word.'), 'cancelled')).toBeNull();
    expect(said(own('Can I cancel my subscription online?'), 'cancelled')).toBeNull();
    expect(said(own('If I cancel I pay a fee.'), 'cancelled')).toBeNull();
  });

  it('knows when they end it themselves: a contract, an account, or an order cancelled to buy elsewhere', () => {
    expect(said(own('Ich habe heute gekündigt. Reicht mir.', 'de'), 'leaving')).toBe('Ich habe heute gekündigt.');
    expect(said(own("I've cancelled my subscription and moved to another roaster."), 'leaving')).not.toBeNull();
    expect(said(own("I've cancelled my order and switched to the shop next door. Thanks for nothing."), 'leaving')).toBe("I've cancelled my order and switched to the shop next door.");
    expect(said(own('Time to cancel my Prime membership.'), 'leaving')).not.toBeNull();
    expect(said(own("Please close my account, I don't want to be a customer any more."), 'leaving')).not.toBeNull();
    expect(said(own('I cancelled the trip because the driver never came.'), 'leaving')).toBeNull();
    expect(said(own("I'm going to cancel my order and order the bigger size."), 'leaving')).toBeNull();
  });

  it('reads a question of their own, not a question mark inside a link', () => {
    expect(said(own('Beleg liegt hier: https://shop.example/beleg?id=4711 Danke.'), 'question')).toBeNull();
    expect(said(own('Where is my parcel? It is late.'), 'question')).toBe('Where is my parcel?');
  });

  it('reads a refund received as solved, in either language', () => {
    expect(said(own('I got the refund last week, all good now.'), 'solved')).not.toBeNull();
    expect(said(own('Habe mein Geld zurückbekommen, danke.', 'de'), 'solved')).not.toBeNull();
  });

  it('reads a closing word early in a sentence: thanks, agreement, or having done what was asked', () => {
    for (const text of ['Thanks so much!!', 'Okay, will do. Many thanks!', 'Sent you a DM just now', "Just DM'd you the receipt.", 'Thanks for getting back to me, appreciate it', 'Alles klar, danke!']) {
      expect(said(own(text), 'closing'), text).not.toBeNull();
    }
  });

  it('reads no closing word in details given, an argument, thanks in advance, or a lead word deep in a sentence', () => {
    for (const text of [
      'My account number is 4711 and I am on the big plan',
      'I don’t know my account number',
      'Need more help, I sent the recap. Thanks in advance!',
      "I'm sure a refund costs less than losing me as a customer",
      'My account number is 4711 and I am on the big plan. Thanks',
      'I sent you my order number three times already and nobody reads it',
      'Replied to your email with the serial number of the kettle',
      'K. Schmidt hier, Kundennummer 4711, Paket ist in Hamburg',
    ]) {
      expect(said(own(text), 'closing'), text).toBeNull();
    }
  });

  it('reads nothing in an order or a text-less record', () => {
    expect(readingsAnnotator(makeEvent({ kind: 'order', text: 'Is it sorted?' }), ctx)).toEqual({});
    expect(readingsAnnotator(makeEvent({ text: '   ' }), ctx)).toEqual({});
  });
});
