import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Event } from '../model.js';
import { NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, isAddressedToBrand, scoreSentiment, sentimentAnnotator, sentimentSum } from './sentiment.js';
import { makeEvent } from '../test-support.js';

const de = (text: string) => scoreSentiment(text, 'de');
const en = (text: string) => scoreSentiment(text, 'en');

describe('scoreSentiment: plain polarity', () => {
  it('labels clear German and English feedback', () => {
    expect(de('Das Personal war sehr freundlich').label).toBe('positive');
    expect(de('Der Service ist schlecht').label).toBe('negative');
    expect(en('great service').label).toBe('positive');
    expect(en('terrible customer service').label).toBe('negative');
    expect(en('What time does the gate open').label).toBe('neutral');
    expect(de('Der Zug fährt um 8 Uhr ab').label).toBe('neutral');
  });

  it('keeps every score inside -1 … 1 and labels by the thresholds', () => {
    for (const text of ['gut', 'schlecht', 'GREAT!!!!', 'worst worst worst 😡😡😡', 'okay']) {
      const s = en(text);
      expect(s.score).toBeGreaterThanOrEqual(-1);
      expect(s.score).toBeLessThanOrEqual(1);
      const expected = s.score >= POSITIVE_THRESHOLD ? 'positive' : s.score <= NEGATIVE_THRESHOLD ? 'negative' : 'neutral';
      expect(s.label).toBe(expected);
    }
  });
});

describe('negation', () => {
  it('"nicht gut" is negative, "nicht schlecht" is not', () => {
    expect(de('nicht gut').label).toBe('negative');
    expect(de('Das war nicht gut').label).toBe('negative');
    expect(de('nicht schlecht').label).not.toBe('negative');
    expect(de('nicht schlecht').score).toBeGreaterThan(0);
  });

  it('"kein guter Service" is negative', () => {
    expect(de('kein guter Service').label).toBe('negative');
  });

  it('"not bad" and "no problem" are not negative', () => {
    expect(en('not bad').label).not.toBe('negative');
    expect(en('not bad').score).toBeGreaterThan(0);
    expect(en('no problem').score).toBeGreaterThan(0);
    expect(de('kein Problem').score).toBeGreaterThan(0);
    expect(en('not good').label).toBe('negative');
    expect(en("the crew wasn't friendly").label).toBe('negative');
  });

  it('"never again" and "nie wieder" are negative', () => {
    expect(en('never again').label).toBe('negative');
    expect(de('Nie wieder Bahn').label).toBe('negative');
  });

  it('flips the German verb-final negation ("gefällt mir nicht")', () => {
    expect(de('Das gefällt mir').label).toBe('positive');
    expect(de('Das gefällt mir nicht').label).toBe('negative');
    expect(de('Die Klimaanlage funktioniert schon wieder nicht').label).toBe('negative');
  });

  it('does not flip sentence adverbs ("leider nicht")', () => {
    expect(de('leider nicht').label).toBe('negative');
  });

  it('"not only … but" does not negate', () => {
    expect(en('not only good but great').label).toBe('positive');
    expect(de('nicht nur gut, sondern super').label).toBe('positive');
  });

  it('negation reaches only into its own clause', () => {
    expect(en('not late. great crew').label).toBe('positive');
  });
});

describe('intensifiers and downtoners', () => {
  it('scale the next sentiment word', () => {
    expect(de('sehr gut').score).toBeGreaterThan(de('gut').score);
    expect(de('total schlecht').score).toBeLessThan(de('schlecht').score);
    expect(de('mega nervig').score).toBeLessThan(de('nervig').score);
    expect(en('extremely good').score).toBeGreaterThan(en('good').score);
    expect(en('a bit slow').score).toBeGreaterThan(en('slow').score);
    expect(de('etwas langsam').score).toBeGreaterThan(de('langsam').score);
  });

  it('a word like "super" alone still carries its own valence', () => {
    expect(de('super').label).toBe('positive');
    expect(de('super langsam').score).toBeLessThan(de('langsam').score);
  });
});

describe('German spelling and compounds', () => {
  it('matches compounds through their head', () => {
    expect(de('Zugverspätung').label).toBe('negative');
    expect(de('Zugverspätungen ohne Ende').label).toBe('negative');
    expect(de('Weichenstörung in Köln').label).toBe('negative');
    expect(de('superfreundlich').score).toBeGreaterThan(de('freundlich').score);
  });

  it('scores a charged first part of a compound ("Scheißservice")', () => {
    expect(de('Scheißservice').label).toBe('negative');
    expect(de('Scheissservice').label).toBe('negative');
  });

  it('reads un- as the opposite of the adjective', () => {
    expect(de('unpünktlich').label).toBe('negative');
    expect(de('unfreundlich').label).toBe('negative');
  });

  it('treats ue/oe/ae/ss like ü/ö/ä/ß', () => {
    expect(de('puenktlich')).toEqual(de('pünktlich'));
    expect(de('Der Zug war puenktlich').label).toBe('positive');
    expect(de('Spass')).toEqual(de('Spaß'));
    expect(de('aergerlich')).toEqual(de('ärgerlich'));
  });

  it('does not read verb particles or unrelated tails as compounds', () => {
    expect(de('Das ist mir aufgefallen').score).toBe(0);
    expect(de('Ein Abenteuer').score).toBe(0);
    expect(de('Wir sind gefahren').score).toBe(0);
  });

  it('does not score English look-alikes in German text ("die", "war", "Kind")', () => {
    expect(de('die Kinder war im Bad').score).toBe(0);
    expect(en('die').score).toBeLessThan(0); // in English "die" is a word of its own
  });
});

describe('customer-feedback domain words', () => {
  it.each([
    ['de', 'Warteschleife seit 40 Minuten'],
    ['de', 'Zug fällt aus'],
    ['de', 'Ich will meine Erstattung'],
    ['de', 'Kündigung zum Monatsende'],
    ['de', 'Der Automat ist kaputt'],
    ['de', 'kein WLAN im ICE'],
    ['en', 'on hold for 2 hours'],
    ['en', 'lost luggage again'],
    ['en', 'flight cancelled'],
    ['en', 'still waiting for my refund'],
    ['en', 'delayed again'],
  ] as const)('%s: "%s" is negative', (lang, text) => {
    expect(scoreSentiment(text, lang).label).toBe('negative');
  });

  it('a problem that is over reads as relief, not complaint', () => {
    expect(de('Streik beendet').score).toBeGreaterThan(0);
    expect(en('issue resolved').score).toBeGreaterThan(0);
  });
});

describe('relief: a problem that is over is good news', () => {
  it('reads an ended strike or disruption as positive, also in a news-like line', () => {
    expect(de('Streik beendet').label).toBe('positive');
    expect(de('Der Streik der Lokführer ist beendet, die Züge fahren ab morgen wieder nach Plan').label).toBe('positive');
    expect(de('Streik abgewendet').label).toBe('positive');
  });

  it('reads "Ende des/der …" as the end of the problem', () => {
    expect(de('Ende des Streiks in Sicht').label).toBe('positive');
    expect(de('Ende des Streiks').score).toBeGreaterThan(de('Streiks').score);
  });

  it('a problem that is not resolved is a complaint, not relief', () => {
    expect(de('Die Störung ist immer noch nicht behoben').label).toBe('negative');
    expect(de('Der Streik ist noch nicht beendet').label).toBe('negative');
    expect(en('issue not resolved').label).toBe('negative');
  });
});

describe('thanks and irony', () => {
  it('thanks for something good is praise; bare thanks is politeness', () => {
    expect(de('Danke für die schnelle Hilfe').label).toBe('positive');
    expect(de('Vielen Dank für die freundliche Auskunft').label).toBe('positive');
    expect(de('Danke für die Info').label).toBe('neutral');
    expect(de('Danke für die schnelle Hilfe').score).toBeGreaterThan(de('die schnelle Hilfe').score);
  });

  it('praise next to a problem that happened again is irony', () => {
    expect(de('Super, schon wieder Verspätung').label).toBe('negative');
    expect(de('Toll, mal wieder 20 Minuten zu spät').label).toBe('negative');
    expect(de('Wieder ein super Service, danke!').label).toBe('positive'); // no problem: sincere
  });

  it('"Danke, dass …" for a problem is sarcasm, for something good it is thanks', () => {
    expect(de('Danke, dass der Zug ausgefallen ist').label).toBe('negative');
    expect(de('Danke, dass ihr so schnell geholfen habt').label).toBe('positive');
  });

  it('a contrast word marks mixed feedback, not irony', () => {
    expect(de('Zug mal wieder verspätet, aber das Personal war super freundlich').score).toBeGreaterThan(0);
  });

  it('praise "as an exception" says the rule is the opposite', () => {
    expect(de('ausnahmsweise pünktlich').label).toBe('negative');
    expect(de('Der Zug war zur Abwechslung mal pünktlich').score).toBeLessThan(0);
  });
});

describe('German feedback phrases', () => {
  it.each(['hat alles geklappt', 'Gerne wieder', 'immer wieder gern'])('"%s" is positive', (text) => {
    expect(de(text).label).toBe('positive');
  });

  it.each(['Wir stehen seit 30 Minuten vor Köln', 'Zug hält ohne Ansage'])('"%s" is negative', (text) => {
    expect(de(text).label).toBe('negative');
  });

  it('wishes and seasonal greetings are politeness, not judgement', () => {
    expect(de('Viel Spaß').score).toBe(0);
    expect(de('Frohe Weihnachten').score).toBe(0);
    expect(de('Das hat viel Spaß gemacht').label).toBe('positive');
  });

  it('agreement in a dispute and "erfreut" lean positive', () => {
    expect(de('Bahn und Gewerkschaft einigen sich').score).toBeGreaterThan(0);
    expect(de('Der Fahrgastverband ist erfreut').label).toBe('positive');
  });

  it('a German "kein" before a plain noun is a weaker lack than English "no"', () => {
    expect(sentimentSum('keine Decke', 'de')).toBe(-0.5);
    expect(sentimentSum('no blanket', 'en')).toBe(-1);
  });

  it('"kein" before a later problem word negates it instead of adding a lack', () => {
    expect(de('Zurzeit keine nennenswerten Verspätungen').score).toBeGreaterThan(0);
  });
});

describe('emoji and emoticons', () => {
  it('an emoticon beside words counts half, alone in full; emoji always in full', () => {
    expect(sentimentSum('Ich sitze im Zug :)', 'de')).toBe(sentimentSum(':)', 'de') / 2);
    expect(sentimentSum('Ich sitze im Zug 👍', 'de')).toBe(sentimentSum('👍', 'de'));
    expect(de('Ich sitze im Zug :)').label).toBe('neutral');
  });

  it('labels emoji-only texts', () => {
    expect(en('😡').label).toBe('negative');
    expect(en('👍').label).toBe('positive');
    expect(en('❤️').label).toBe('positive');
    expect(de('🙄').label).toBe('negative');
    expect(de('😡😡😡').score).toBeLessThan(de('😡').score);
  });

  it('labels emoticons', () => {
    expect(en(':)').label).toBe('positive');
    expect(en(':-)))').label).toBe('positive');
    expect(de(':(').label).toBe('negative');
    expect(en('<3').label).toBe('positive');
  });
});

describe('emphasis and contrast', () => {
  it('ALL-CAPS in mixed-case text and "!" strengthen the feeling', () => {
    expect(en('the service was GREAT').score).toBeGreaterThan(en('the service was great').score);
    expect(en('great service!!!').score).toBeGreaterThan(en('great service').score);
    expect(en('awful!!').score).toBeLessThan(en('awful').score);
  });

  it('weights the clause after "but"/"aber"', () => {
    expect(en('The food was good but the delay was terrible').label).toBe('negative');
    expect(de('Der Zug war spät, aber das Personal war super freundlich').label).toBe('positive');
  });
});

describe('languages', () => {
  it('reads English words in German text and both in "other"', () => {
    expect(de('Der Service war ein totaler fail').label).toBe('negative');
    expect(de('Danke, echt nice').label).toBe('positive');
    expect(scoreSentiment('The staff was nett', 'other').label).toBe('positive');
    expect(scoreSentiment('great Team, sehr freundlich', 'other').label).toBe('positive');
  });
});

describe('edge cases', () => {
  it('empty and whitespace-only text is neutral with score 0', () => {
    for (const text of ['', '   ', '\n\t ']) {
      expect(en(text)).toEqual({ label: 'neutral', score: 0 });
      expect(de(text)).toEqual({ label: 'neutral', score: 0 });
    }
  });

  it('handles a 10,000-word text with a bounded score', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? 'schrecklich' : 'und')).join(' ');
    const s = de(long);
    expect(Number.isFinite(s.score)).toBe(true);
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThan(0);
  });

  it('URLs and @handles do not change the score', () => {
    expect(en('@united great crew https://t.co/bad-terrible-awful')).toEqual(en('great crew'));
    expect(de('@DB_Bahn Verspätung www.schlecht.de')).toEqual(de('Verspätung'));
    expect(en('@hate_this_airline')).toEqual({ label: 'neutral', score: 0 });
  });

  it('splits hashtags into their words', () => {
    expect(en('#fail').label).toBe('negative');
    expect(en('#WorstAirlineEver').label).toBe('negative');
    expect(en('#never_again').label).toBe('negative');
  });

  it('reads elongated words ("sooo goood", "niiicht")', () => {
    expect(en('sooo goood').label).toBe('positive');
    expect(de('Bahn kommt niiiicht').label).toBe('negative');
  });

  it('exposes the raw sum for tuning', () => {
    expect(sentimentSum('', 'en')).toBe(0);
    expect(sentimentSum('good', 'en')).toBeGreaterThan(0);
  });
});

describe('sentimentAnnotator', () => {
  const event = (text: string | null, lang: Event['lang'], sentiment: Event['sentiment'] = null): Event =>
    makeEvent({ customerKey: null, at: null, channel: 'twitter', text, lang, sentiment });
  const ctx = {} as Parameters<typeof sentimentAnnotator>[1];

  it('scores text in the language found before it', () => {
    expect(sentimentAnnotator(event('nicht gut', 'de'), ctx)).toEqual({ sentiment: scoreSentiment('nicht gut', 'de') });
    expect(sentimentAnnotator(event('Scheißservice', null), ctx).sentiment?.label).toBe('negative');
  });

  it('leaves events without text or with a sentiment alone', () => {
    expect(sentimentAnnotator(event(null, 'en'), ctx)).toEqual({});
    expect(sentimentAnnotator(event('  ', 'en'), ctx)).toEqual({});
    expect(sentimentAnnotator(event('great', 'en', { label: 'negative', score: -0.5 }), ctx)).toEqual({});
  });
});

describe('support tickets: German negation after the verb', () => {
  it('"nicht" after a verb negates the verb, not the noun phrase that follows', () => {
    // "klappt nicht mal die Kündigung": the cancellation failing, not a cancellation that is good news.
    expect(de('und jetzt klappt nicht mal die Kündigung').label).toBe('negative');
    expect(sentimentSum('klappt nicht mal die Kündigung', 'de')).toBeLessThan(sentimentSum('die Kündigung', 'de'));
    expect(de('Die Kündigung klappt nicht').label).toBe('negative');
  });

  it('still flips an adjective after the article ("nicht die beste Wahl")', () => {
    expect(de('Das ist nicht die beste Wahl').label).toBe('negative');
  });
});

describe('support tickets: what was expected did not happen', () => {
  it.each([
    'Ich habe es nicht bestellt',
    'Ich will das nicht bezahlen',
    'Das Paket ist nie angekommen',
    'Die Erstattung habe ich noch nicht erhalten',
    'Das Paket kam nicht',
    'Der Kundenservice meldet sich nicht',
    'Die Hotline ist nicht erreichbar',
  ])('de: "%s" is negative', (text) => {
    expect(de(text).label).toBe('negative');
  });

  it.each(['My package never arrived', "I haven't received my refund", 'Nobody told me about the fee', "The app doesn't work"])(
    'en: "%s" is negative',
    (text) => {
      expect(en(text).label).toBe('negative');
    },
  );

  it('the same events without a negation are no complaint', () => {
    expect(de('Ich habe es bestellt').score).toBe(0);
    expect(de('Das Paket kam heute').score).toBe(0);
    expect(en('My package arrived').score).toBe(0);
  });

  it('"kam nicht" followed by a judgement lets the negation flip the judgement instead', () => {
    expect(sentimentSum('kam nicht pünktlich', 'de')).toBe(sentimentSum('nicht pünktlich', 'de'));
  });
});

describe('support tickets: repeated contact, demands, delays, double charges', () => {
  it('repeated contact is a complaint', () => {
    expect(de('Ich rufe jetzt zum dritten Mal an').label).toBe('negative');
    expect(de('Ich rufe jetzt zum 3. Mal an').label).toBe('negative');
    expect(de('Ich habe schon mehrfach versucht, das Passwort zu ändern').label).toBe('negative');
    expect(en('This is the second time I write to you').label).toBe('negative');
    expect(en('I have called several times').label).toBe('negative');
  });

  it('a demand for money back is a complaint, also with the German particle at the end', () => {
    expect(de('Ich will einfach mein Geld zurück').label).toBe('negative');
    expect(de('Bitte buchen Sie die 17,90 € zurück.').label).toBe('negative');
    expect(en('I want a refund').label).toBe('negative');
    expect(en('I want my money back').label).toBe('negative');
    expect(de('Ich buche den Flug').score).toBe(0); // the verb alone is nothing
  });

  it('"erst am"/"erst nach" (only later than expected) is a delay', () => {
    expect(de('Meine Lieferung kam erst am Montag').label).toBe('negative');
    expect(sentimentSum('Meine Lieferung kam am Montag', 'de')).toBe(0);
  });

  it('a double charge is a complaint', () => {
    expect(de('Mein Abo wurde zweimal abgebucht').label).toBe('negative');
    expect(en('I was charged twice').label).toBe('negative');
  });

  it('damage, joy and loyalty words of shop tickets', () => {
    expect(de('Die Lieferung ist beschädigt angekommen').label).toBe('negative');
    expect(de('Hat mich wirklich gefreut').label).toBe('positive');
    expect(de('Ich bleibe Ihnen treu').label).toBe('positive');
    expect(de('Supermarkt').score).toBe(0); // "super-" + a plain noun is no praise
  });
});

describe('support tickets: long messages to the brand', () => {
  const ticket =
    'Guten Tag, ich habe im Mai zwei Tüten Espresso und eine Mühle bei Ihnen gekauft und wollte heute ' +
    'nach dem Stand fragen, denn die Mühle ist leider kaputt angekommen und ich weiß nicht, an wen ich mich wenden soll.';
  const report =
    'Der Hersteller hat im Mai zwei neue Sorten Espresso und eine Mühle vorgestellt, die Auslieferung beginnt ' +
    'im Juni, der Preis steht noch nicht fest, eine Mühle aus der ersten Serie ist laut Testbericht kaputt angekommen.';

  it('a long first-person ticket is not averaged away like a long post', () => {
    expect(scoreSentiment(ticket, 'de', { addressedToBrand: true }).label).toBe('negative');
    expect(scoreSentiment(ticket, 'de').score).toBeGreaterThan(scoreSentiment(ticket, 'de', { addressedToBrand: true }).score);
  });

  it('a long impersonal text is averaged the same, addressed or not', () => {
    expect(sentimentSum(report, 'de', { addressedToBrand: true })).toBe(sentimentSum(report, 'de'));
  });

  it('in a message to the brand, "aber" only weakens its own sentence', () => {
    const text = 'Mein Paket ist verloren. Das ist nicht viel Geld, aber es geht ums Prinzip.';
    expect(sentimentSum(text, 'de', { addressedToBrand: true })).toBeLessThan(sentimentSum(text, 'de'));
    // A contrast that opens a sentence weakens the sentence before it, as before.
    expect(en('The food was good. But the delay was terrible').label).toBe('negative');
    expect(scoreSentiment('The food was good. But the delay was terrible', 'en', { addressedToBrand: true }).label).toBe('negative');
  });

  it('conversations the customer opened are addressed to the brand; reviews, public posts, peer replies and the brand are not', () => {
    expect(isAddressedToBrand(makeEvent({ kind: 'ticket', direction: 'inbound', expectsReply: true }))).toBe(true);
    expect(isAddressedToBrand(makeEvent({ kind: 'post', direction: 'inbound', expectsReply: true }))).toBe(true);
    expect(isAddressedToBrand(makeEvent({ kind: 'post', direction: 'inbound', expectsReply: false }))).toBe(false);
    expect(isAddressedToBrand(makeEvent({ kind: 'review', direction: 'inbound', expectsReply: false }))).toBe(false);
    expect(isAddressedToBrand(makeEvent({ kind: 'post', direction: 'inbound', expectsReply: true, peerReply: true }))).toBe(false);
    expect(isAddressedToBrand(makeEvent({ kind: 'message', direction: 'outbound', expectsReply: false }))).toBe(false);
  });

  it('the annotator scores a ticket as a message to the brand, a public post not', () => {
    const ctx = {} as Parameters<typeof sentimentAnnotator>[1];
    const asTicket = sentimentAnnotator(makeEvent({ kind: 'ticket', text: ticket, lang: 'de' }), ctx);
    const asPost = sentimentAnnotator(makeEvent({ kind: 'post', expectsReply: false, text: ticket, lang: 'de' }), ctx);
    expect(asTicket.sentiment).toEqual(scoreSentiment(ticket, 'de', { addressedToBrand: true }));
    expect(asPost.sentiment).toEqual(scoreSentiment(ticket, 'de'));
  });
});

describe('demo tickets whose feeling is unambiguous (fixtures/demo/tickets.csv)', () => {
  const rows = parse(readFileSync(new URL('../../fixtures/demo/tickets.csv', import.meta.url)), { columns: true }) as Record<string, string>[];
  const description = (id: string): string => {
    const row = rows.find((r) => r['Ticket ID'] === id);
    if (!row?.Description) throw new Error(`demo ticket ${id} not found in fixtures/demo/tickets.csv`);
    return row.Description;
  };
  it.each([
    ['4104', 'de', 'negative', 'Ich will euer Kunde werden, nicht euer Bittsteller'],
    ['4106', 'de', 'positive', 'Ich wollte einfach mal Danke sagen'],
    ['4110', 'de', 'negative', 'Dann bestell ich halt woanders'],
    ['4113', 'de', 'negative', 'und seitdem passiert nichts'],
    ['4116', 'de', 'negative', 'Ich rufe jetzt zum dritten Mal an'],
    ['4119', 'de', 'negative', 'ehrlich gesagt ziemlich enttäuscht'],
    ['4120', 'de', 'negative', 'jetzt klappt nicht mal die Kündigung'],
    ['4122', 'de', 'negative', 'meine Lieferung ist beschädigt angekommen'],
    ['4123', 'de', 'positive', 'Ich bleibe Ihnen treu'],
    ['4133', 'en', 'negative', 'arrived with the wrong coffee'],
    ['4136', 'de', 'negative', 'kam erst am Montag statt am Freitag'],
    ['4103', 'de', 'neutral', 'Gastro ist Zahlung auf Rechnung'],
    ['4128', 'en', 'neutral', 'Could you recommend a setup'],
  ] as const)('ticket %s (%s) is %s: "%s"', (id, lang, label, quote) => {
    const text = description(id);
    expect(text).toContain(quote);
    expect(scoreSentiment(text, lang, { addressedToBrand: true }).label).toBe(label);
  });
});
