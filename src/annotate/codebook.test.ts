import { describe, expect, it } from 'vitest';
import type { Event } from '../model.js';
import { codebookAnnotator, compileCodebook, matchCodes, parseCodebook, quoteAround } from './codebook.js';
import { detectLanguage } from './language.js';
import { makeEvent, withCode } from '../test-support.js';
import { defaultCodebook } from '../cli/resources.js';

const compiled = compileCodebook(defaultCodebook());

/** Code ids found in a text, with the language detected as the pipeline does. */
function codesOf(text: string): string[] {
  return matchCodes(text, detectLanguage(text), compiled).map((hit) => hit.code);
}

function hitOf(text: string, code: string) {
  return matchCodes(text, detectLanguage(text), compiled).find((hit) => hit.code === code);
}

const DEFAULT_IDS = [
  'longing.longing', 'longing.hope', 'longing.dream', 'longing.wish',
  'pain.waiting', 'pain.unreachable', 'pain.damaged', 'pain.lost', 'pain.broken-promise', 'pain.bureaucracy',
  'pain.no-reply', 'pain.passed-around', 'pain.billing', 'pain.cancellation',
  'trust.prepayment', 'trust.proof-demanded', 'trust.loyalty-shown', 'trust.loyalty-withheld',
  'dialog.question', 'dialog.complaint', 'dialog.suggestion', 'dialog.praise',
  'role.reseller', 'role.advisor', 'role.helper', 'role.recommender', 'role.critic',
  'life.moving', 'life.new-job', 'life.family', 'life.retirement',
  'action.response-needed', 'action.suggestion', 'action.not-meaningful',
];

describe('default codebook', () => {
  it('has exactly the code ids the rest of thick relies on', () => {
    expect(defaultCodebook().codes.map((code) => code.id)).toEqual(DEFAULT_IDS);
  });

  it('is read once and cached', () => {
    expect(defaultCodebook()).toBe(defaultCodebook());
  });

  it('labels every code in English and German', () => {
    for (const code of defaultCodebook().codes) {
      expect(code.label.en.length).toBeGreaterThan(0);
      expect(code.label.de.length).toBeGreaterThan(0);
    }
  });
});

// One realistic German and English sentence per code; the code must be found in both.
const EXAMPLES: [code: string, de: string, en: string][] = [
  ['longing.longing', 'Ich vermisse die alte Version der App so sehr.', 'I miss the old menu so much.'],
  ['longing.hope', 'Ich hoffe, dass das Paket bis Freitag ankommt.', 'I really hope this year it finally works out.'],
  ['longing.dream', 'Ich träume seit Jahren von einer Reise nach Japan.', "I've always dreamed of seeing Japan."],
  ['longing.wish', 'Ich wünsche mir, dass ihr endlich Ratenzahlung anbietet.', 'I wish you offered a student discount.'],
  ['pain.waiting', 'Mein Paket ist immer noch nicht da, ich warte seit drei Wochen.', '@united flight delayed 3 hours and we are still waiting at the gate'],
  ['pain.unreachable', 'Die Hotline ist nie erreichbar, ich hänge nur in der Warteschleife.', "I can't get through to anyone, nobody picks up the phone."],
  ['pain.damaged', 'Mein Paket ist beschädigt angekommen, der Karton war völlig eingedrückt.', 'The box arrived damaged and the lamp inside was broken.'],
  ['pain.lost', 'Mein Koffer ist seit dem Flug verschwunden.', 'You lost my luggage on the way to Denver.'],
  ['pain.broken-promise', 'Ihr habt versprochen, mich zurückzurufen.', 'You promised a callback within 24 hours.'],
  ['pain.bureaucracy', 'Ich muss schon wieder ein Formular ausfüllen und per Post schicken.', 'Why do I have to fill out a form and fax it?'],
  ['pain.no-reply', 'Auf meine Mail habe ich nie eine Antwort bekommen.', 'I emailed three times and never heard back.'],
  ['pain.passed-around', 'Ich wurde von einer Abteilung zur nächsten weitergeleitet, keiner ist zuständig.', 'I got transferred to another department four times.'],
  ['pain.billing', 'Ihr habt doppelt abgebucht, ich will mein Geld zurück.', 'You charged me twice and I still have no refund.'],
  ['pain.cancellation', 'Ich habe mein Abo heute gekündigt.', 'My flight was cancelled without notice.'],
  ['trust.prepayment', 'Ich musste per Vorkasse bezahlen.', 'They made me pay upfront for the whole order.'],
  ['trust.proof-demanded', 'Sie verlangen einen Kaufbeleg und Fotos vom Schaden.', 'They asked for proof of purchase and a police report.'],
  ['trust.loyalty-shown', 'Ich bin seit zehn Jahren Stammkunde bei euch.', 'I have been a loyal customer for years.'],
  ['trust.loyalty-withheld', 'Nie wieder bestelle ich bei euch, ich wechsle zur Konkurrenz.', "Never again, I'm switching to another airline."],
  ['dialog.question', 'Wie kann ich meine Lieferadresse ändern?', 'How do I change my delivery address?'],
  ['dialog.complaint', 'Das ist eine Frechheit, so geht man nicht mit Kunden um.', 'This is unacceptable and frankly ridiculous.'],
  ['dialog.suggestion', 'Ihr solltet einen Expressversand anbieten.', 'You should add a dark mode to the app.'],
  ['dialog.praise', 'Vielen Dank, super Service!', 'Thank you, great service as always!'],
  ['role.reseller', 'Ich verkaufe eure Sachen weiter an meine Kunden.', 'I resell your products to my customers in my shop.'],
  ['role.advisor', 'Mein Tipp: immer die Sendungsnummer notieren.', 'Pro tip: always screenshot your booking confirmation.'],
  ['role.helper', 'Bei mir hat ein Neustart geholfen, probier mal den Router neu zu starten.', 'Same thing happened to me, what worked for me was clearing the cache.'],
  ['role.recommender', 'Ich kann euch nur weiterempfehlen.', 'I highly recommend them to everyone.'],
  ['role.critic', 'Dafür gibt es eine schlechte Bewertung auf Trustpilot, 1 Stern.', "I'm leaving a one star review on Trustpilot."],
  ['life.moving', 'Wir ziehen nächsten Monat um, bitte an die neue Adresse liefern.', "We're moving next month, please update my address."],
  ['life.new-job', 'Ich habe einen neuen Job in Hamburg.', 'I start a new job next week.'],
  ['life.family', 'Wir bekommen im Mai ein Baby.', "My daughter's wedding is next month."],
  ['life.retirement', 'Ich gehe nächsten Monat in Rente.', 'I just retired and now have more time to travel.'],
  ['action.response-needed', 'Bitte um Rückmeldung bis Freitag.', 'Please advise, I need an answer today.'],
  ['action.suggestion', 'Bitte führt wieder die Abholstationen ein, das wäre eine echte Verbesserung.', 'Feature request: please add Apple Pay.'],
  ['action.not-meaningful', 'ok', '👍'],
];

describe('matchCodes: every code in German and English', () => {
  it.each(EXAMPLES)('%s', (code, de, en) => {
    expect(codesOf(de)).toContain(code);
    expect(codesOf(en)).toContain(code);
  });

  it('covers every default code with an example', () => {
    expect(EXAMPLES.map(([code]) => code).sort()).toEqual([...DEFAULT_IDS].sort());
  });

  it('finds nothing in a neutral sentence', () => {
    expect(codesOf('Die Wartung der Anlage ist heute um zehn Uhr.')).toEqual([]);
    expect(codesOf('The package contains two cables and a manual.')).toEqual([]);
  });
});

describe('matchCodes: hits', () => {
  it('returns one hit per code, with the span, the rule and a confidence', () => {
    const text = 'Still waiting for my refund. Still waiting, still nothing.';
    const hits = matchCodes(text, 'en', compiled);
    expect(hits.filter((hit) => hit.code === 'pain.waiting')).toHaveLength(1);
    const hit = hits.find((h) => h.code === 'pain.waiting');
    expect(hit?.rule).toBe('pain.waiting/phrase:still waiting');
    expect(text.slice(hit?.start, hit?.end)).toBe('Still waiting');
    expect(hit?.start).toBe(0);
    expect(hit?.confidence).toBeGreaterThan(0.8); // phrase 0.8, raised by further evidence
    expect(hit?.confidence).toBeLessThanOrEqual(0.95);
  });

  it('prefers the strongest evidence over the first', () => {
    const hit = hitOf('The flight was late, and then we sat on the tarmac, still waiting.', 'pain.waiting');
    expect(hit?.rule).toBe('pain.waiting/phrase:on the tarmac');
  });

  it('quotes the span with about 40 characters of context, cut at word boundaries', () => {
    const text =
      'We booked this trip half a year ago for our anniversary and everything went fine until the flight was delayed by six hours in Frankfurt, which meant we missed the whole first day of the cruise.';
    const hit = hitOf(text, 'pain.waiting');
    expect(hit).toBeDefined();
    const quote = hit?.quote ?? '';
    expect(quote.startsWith('…')).toBe(true);
    expect(quote.endsWith('…')).toBe(true);
    expect(quote).toContain(text.slice(hit?.start, hit?.end));
    expect(quote.length).toBeLessThanOrEqual((hit?.end ?? 0) - (hit?.start ?? 0) + 2 * 40 + 2);
    // No word is cut: every word of the quote is a word of the text.
    for (const word of quote.replace(/…/g, '').split(' ')) expect(text.split(' ')).toContain(word);
  });

  it('quotes short texts whole, and the whole text for a blank match', () => {
    expect(quoteAround('Paket kaputt.', 6, 12)).toBe('Paket kaputt.');
    expect(hitOf('https://t.co/abc', 'action.not-meaningful')?.quote).toBe('https://t.co/abc');
  });

  it('ignores @handles and URLs', () => {
    expect(codesOf('@LostAndFound_Bot https://example.com/delay/refund')).toEqual(['action.not-meaningful']);
  });
});

describe('matchCodes: normalisation', () => {
  it('matches umlaut spellings and case alike', () => {
    for (const text of ['Die Verspätung ist ärgerlich.', 'Die Verspaetung ist aergerlich.', 'VERSPÄTUNG!!!', 'verspaetet']) {
      expect(codesOf(text)).toContain('pain.waiting');
    }
    expect(codesOf('Wann kommt die Rueckerstattung?')).toContain('pain.billing');
    expect(codesOf('Gruesse, und danke fuer nichts')).toContain('dialog.complaint');
  });

  it('matches stems across inflections', () => {
    const hit = hitOf('Wir haben die Buchung storniert und warten auf die Stornierungsbestätigung.', 'pain.cancellation');
    expect(hit).toBeDefined();
    expect(codesOf('The refunds were never processed')).toContain('pain.billing');
  });

  it('matches German compounds by their tail', () => {
    expect(hitOf('Die Paketverspätung ist ärgerlich.', 'pain.waiting')?.rule).toBe('pain.waiting/compound:verspätung');
    // A stem entry matches inside a compound, inflected: "verspät" in "Paketverspätungen".
    const stemsOnly = compileCodebook(
      parseCodebook(withCode('    patterns:\n      stems: { de: [verspät] }'), 'cb.yaml'),
    );
    expect(matchCodes('Ständig Paketverspätungen!', 'de', stemsOnly)[0]?.rule).toBe('pain.waiting/compound:verspät');
    expect(matchCodes('Paketverspätungen', 'en', stemsOnly)).toEqual([]);
    // A bare "Schaden" is no damaged goods (an insurance claim is one too), so the compound is found next to the
    // suitcase it names; a compound of an entry that only means damage is found by its tail.
    expect(hitOf('Totalschaden am Koffer', 'pain.damaged')).toBeDefined();
    expect(hitOf('Kartonbeschädigung beim Versand', 'pain.damaged')?.rule).toBe('pain.damaged/compound:beschädigung');
    expect(hitOf('Die Rückerstattung fehlt noch', 'pain.billing')).toBeDefined();
  });

  it('matches compound tails only in nouns (capitalised), or anywhere in an all-lower-case text', () => {
    expect(codesOf('die paketverspätung nervt')).toContain('pain.waiting');
    expect(codesOf('Dem Team verdanke ich viel.')).not.toContain('dialog.praise');
    expect(codesOf('Im Zeitraum vom 1. bis 5. Mai.')).not.toContain('longing.dream');
  });

  it('does not match compounds in English texts or with a too short head', () => {
    // "gewartet" contains "wart" after a 2-letter head; "Gegenwart" is a compound of "wart", but the entry is too short.
    expect(codesOf('In der Gegenwart ist alles gut.')).not.toContain('pain.waiting');
    expect(matchCodes('reschaden', 'en', compiled).map((h) => h.code)).not.toContain('pain.damaged');
  });
});

describe('matchCodes: exclusions and implications', () => {
  it('vetoes a hit when an exclusion occurs in the same sentence', () => {
    expect(codesOf("I can't wait to fly with you again!")).not.toContain('pain.waiting');
    expect(codesOf('Best wishes to the whole team')).not.toContain('longing.wish');
    expect(codesOf('The plane arrived right on time, no delay at all.')).not.toContain('pain.waiting');
    expect(codesOf('I would not recommend them.')).not.toContain('role.recommender');
  });

  it('keeps hits in other sentences', () => {
    expect(codesOf("Can't wait to see you. But my bag is still delayed.")).toContain('pain.waiting');
  });

  it('derives implied codes: a pain point is a complaint, and a complaint needs a response', () => {
    const hits = matchCodes('Mein Koffer ist verloren gegangen.', 'de', compiled);
    expect(hits.map((hit) => hit.code)).toEqual(['pain.lost', 'dialog.complaint', 'action.response-needed']);
    expect(hits[1]?.rule).toBe('dialog.complaint/implied:pain.lost');
    expect(hits[2]?.rule).toBe('action.response-needed/implied:dialog.complaint');
    expect(hits[2]?.confidence).toBeLessThan(hits[1]?.confidence ?? 0);
  });

  it('flags texts without content as not meaningful, and only those', () => {
    for (const text of ['ok', 'Okay!', '👍', '🙏🏻', 'https://t.co/xyz', '@brand ok 👍', '']) {
      expect(codesOf(text)).toContain('action.not-meaningful');
    }
    expect(codesOf('ok, but where is my parcel?')).not.toContain('action.not-meaningful');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('codebookAnnotator', () => {
  const event = (text: string, direction: Event['direction']): Event =>
    makeEvent({ text, direction, kind: 'ticket', lang: 'de', source: { file: 'tickets.csv', line: 7 } });
  const ctx = { codebook: compiled, contextEvents: [] };

  it('annotates customer texts with codes, quotes, source and rule', () => {
    const addition = codebookAnnotator(event('Mein Paket ist kaputt angekommen.', 'inbound'), ctx);
    const first = addition.annotations?.[0];
    expect(first).toMatchObject({
      code: 'pain.damaged',
      source: { file: 'tickets.csv', line: 7 },
      by: { kind: 'rule', id: 'pain.damaged/phrase:kaputt angekommen' },
    });
    expect(first?.quote).toBe('Mein Paket ist kaputt angekommen.');
  });

  it("leaves the brand's own messages alone", () => {
    expect(codebookAnnotator(event('Sorry for the delay, your refund is on its way.', 'outbound'), ctx)).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Precision and recall rules: sign-offs, negation, ownership, phrase gaps, and vocabulary per code.

describe('matchCodes: sign-offs are politeness, not praise', () => {
  it('ignores thanks that only close a message, with or without a name', () => {
    for (const text of [
      'Kann ich den Espresso auch gemahlen bekommen? Danke, Thomas',
      'Do you have a decaf? Thanks, Sarah',
      'Bitte ändert meine Adresse. Danke und Gruß',
      'Bitte erstatten Sie mir den Betrag. MfG Petra Schulz',
      'Kann ich das Abo pausieren?\nVielen Dank im Voraus\nJulia Schneider',
      'Could you help me find out what is going on? Cheers, James',
      'Im Kundenkonto kommt immer eine Fehlermeldung. Danke!',
      'Wo ist mein Paket? Gruß M. Bauer',
    ]) {
      expect(codesOf(text), text).not.toContain('dialog.praise');
    }
  });

  it('keeps thanks with content, emphatic thanks, and a message that is nothing but thanks', () => {
    expect(codesOf('IT IS HERE. Thank you for listening to your customers')).toContain('dialog.praise');
    expect(codesOf('You found my bag within an hour. Thank you so much!')).toContain('dialog.praise');
    expect(codesOf('Danke!')).toContain('dialog.praise');
    expect(codesOf('Thanks, Mike')).toContain('dialog.praise');
    expect(codesOf('Papierpolster sind da. Danke! Aber die Tüten sind noch aus Plastik.')).toContain('dialog.praise');
  });

  it('keeps the codes before the sign-off', () => {
    const codes = codesOf('Mein Paket ist beschädigt angekommen. Viele Grüße aus Kiel, Jens Hansen');
    expect(codes).toContain('pain.damaged');
    expect(codes).not.toContain('dialog.praise');
  });
});

describe('matchCodes: negation', () => {
  it('does not count a negated delay, damage, complaint or praise', () => {
    expect(codesOf('Der Zug kam heute nicht zu spät.')).not.toContain('pain.waiting');
    expect(codesOf('Diesmal gab es keine Verspätung.')).not.toContain('pain.waiting');
    expect(codesOf('4 great flights with no delays!')).not.toContain('pain.waiting');
    expect(codesOf("The flight wasn't delayed at all.")).not.toContain('pain.waiting');
    expect(codesOf('Die Ware ist nicht beschädigt.')).not.toContain('pain.damaged');
    expect(codesOf('The box was not damaged.')).not.toContain('pain.damaged');
    expect(codesOf('The crew was not rude at all.')).not.toContain('dialog.complaint');
    expect(codesOf('Die Beratung war nicht wirklich toll.')).not.toContain('dialog.praise');
    expect(codesOf('The agent was not helpful.')).not.toContain('dialog.praise');
  });

  it('keeps "not only", a negation in another clause, and codes that are not negatable', () => {
    expect(codesOf('Der Zug war nicht nur verspätet, sondern auch voll.')).toContain('pain.waiting');
    expect(codesOf('Not only late but also rude staff.')).toContain('pain.waiting');
    expect(codesOf('No wifi, and the flight was delayed.')).toContain('pain.waiting');
    expect(codesOf("I can't cancel my subscription online.")).toContain('pain.cancellation');
    expect(codesOf('Still no refund after six weeks.')).toContain('pain.billing');
  });
});

describe('matchCodes: damage to what was received, not to the customer’s own things', () => {
  it('leaves out the customer’s own item at home', () => {
    expect(codesOf('Im Shop finde ich nur ganze Bohne und meine Handmühle ist leider kaputt.')).not.toContain('pain.damaged');
    expect(codesOf('Can you grind it for me? My grinder broke last week.')).not.toContain('pain.damaged');
    expect(codesOf('Mein alter Drucker ist kaputt, bitte schickt die Rechnung per Post.')).not.toContain('pain.damaged');
  });

  it('keeps damage to deliveries and luggage', () => {
    expect(codesOf('Meine Tasse kam kaputt an.')).toContain('pain.damaged');
    expect(codesOf('Mein Paket ist kaputt.')).toContain('pain.damaged');
    expect(codesOf('My suitcase is broken after the flight.')).toContain('pain.damaged');
    expect(codesOf('My new kettle arrived broken.')).toContain('pain.damaged');
    expect(codesOf('Paket komplett zerdrückt, eine Tüte aufgeplatzt.')).toContain('pain.damaged');
  });
});

describe('matchCodes: vocabulary per code', () => {
  const has = (code: string, texts: string[]) => {
    for (const text of texts) expect(codesOf(text), text).toContain(code);
  };
  const hasNot = (code: string, texts: string[]) => {
    for (const text of texts) expect(codesOf(text), text).not.toContain(code);
  };

  it('pain.waiting: stuck deliveries and long durations, not any "still not"', () => {
    has('pain.waiting', [
      'Paket seit 10 Tagen in Zustellung.',
      'Laut Sendungsverfolgung in Zustellung und seitdem passiert nichts.',
      'Die Lieferung kam erst am Montag statt am Freitag.',
      'This is the second time an order has taken over two weeks.',
      'Ordered over a week ago, still nothing.',
      'My refund is still not processed.',
      'Das Geld ist immer noch nicht erstattet.',
    ]);
    hasNot('pain.waiting', ['Die Tüten sind immer noch nicht kompostierbar.', 'Ich bin seit 3 Wochen Kunde.']);
  });

  it('pain.lost: missing items and parcels that never came', () => {
    has('pain.lost', ['Der Äthiopien fehlt immer noch.', 'Wo bleibt mein Paket?', 'The parcel never showed up.', 'Mein Paket ist verschollen.']);
    hasNot('pain.lost', ['Laut Sendungsverfolgung ist es in Zustellung.']);
  });

  it('customer service: on hold, recordings, unmonitored mailboxes, no answer, passed around', () => {
    has('pain.unreachable', [
      "I've been on hold for an hour.",
      'Rang the number twice, just a recording.',
      "'This mailbox is not monitored.' Great.",
      'The address cannot receive messages. So how am I supposed to reach you?',
      'Keiner nimmt ab, nur die Mailbox.',
      "Tried to send a private message, but I cannot DM you unless you follow me back.",
    ]);
    has('pain.no-reply', ['Mail vom 14.6. bisher ohne echte Antwort.', 'Still no proper response.', 'Nobody has responded to my DM.', 'Seit Tagen antwortet niemand.']);
    has('pain.passed-around', ['Ich wurde zwischen Hotline und Versand hin- und hergeschickt.', 'I was transferred three times.']);
    hasNot('pain.no-reply', ['No reply needed, all good.']);
  });

  it('pain.billing: charges, wrong bills and price rises, not a price question or paying on account', () => {
    has('pain.billing', ['Die Rechnung ist falsch.', 'Das Abo wurde doppelt abgebucht.', 'You charged me twice.', 'Another price hike, seriously?', 'Erst Preise hoch, dann Rabatt.']);
    hasNot('pain.billing', [
      'In der Gastro ist Zahlung auf Rechnung Standard.',
      'Is it the same price in Austria?',
      'Bleibt mein Abo-Preis bis Jahresende gleich?',
      'And do you do invoices for companies?',
      'Danke sagen für die Extratüte wegen der doppelten Abbuchung.',
    ]);
  });

  it('pain.bureaucracy: failing self-service, not a request for written confirmation', () => {
    has('pain.bureaucracy', ['Ich habe dreimal versucht, mein Passwort zurückzusetzen.', "I've spent hours trying to book online.", 'Your website is broken on Chrome.']);
    hasNot('pain.bureaucracy', ['Bitte bestätigen Sie mir die Kündigung schriftlich.', 'Please put the March listing on your website!']);
  });

  it('pain.broken-promise: not a rhetorical "how am I supposed to"', () => {
    hasNot('pain.broken-promise', ['So how exactly am I supposed to reach you?']);
    has('pain.broken-promise', ['My parcel was supposed to arrive on Monday.']);
  });

  it('role.recommender: only the customer recommending', () => {
    has('role.recommender', ['Hab sie gerade meiner Freundin Hannah empfohlen.', 'I recommended you to my sister.', 'Ich empfehle euch überall.']);
    hasNot('role.recommender', [
      'Können Sie mir einen Espresso empfehlen, der nicht zu sauer ist?',
      'Could you recommend a setup for our office?',
      'Meine Freundin Anna hat euch empfohlen.',
      'Persönlicher Anruf plus Gutschein empfohlen.',
      'Ich habe es bestellt. Mir wurde ein anderer empfohlen.',
    ]);
  });

  it('dialog.question: German verb-first questions only at the start of a sentence', () => {
    has('dialog.question', ['Hallo, kann ich den Espresso auch gemahlen bekommen', 'Gibt es eine Probiergröße', 'Können Sie mir helfen']);
    hasNot('dialog.question', ['Im Kundenkonto kann ich die Adresse nicht ändern.', 'Ab heute gibt es bei uns den Leuchtturm.', 'Für alle, die fragen: 18 g rein, 36 g raus.']);
  });

  it('dialog.praise and dialog.complaint: sarcasm and "best" as an adverb', () => {
    const codes = codesOf('Na toll, Paket komplett zerdrückt.');
    expect(codes).not.toContain('dialog.praise');
    expect(codes).toContain('dialog.complaint');
    hasNot('dialog.praise', ['Which of your coffees works best in an AeroPress?', 'Toll finde ich das nicht.']);
    hasNot('dialog.complaint', ['Einen Espresso, der nicht zu sauer ist, bitte.']);
    has('dialog.complaint', ['Ich bin echt sauer.', '16 days from Hamburg to London is a bit much.']);
  });

  it('trust codes: leaving for other shops, proof demanded, loyalty, prepayment', () => {
    for (const text of ['Dann bestell ich halt woanders.', "I'll shop elsewhere from now on."]) {
      expect(codesOf(text), text).toEqual(expect.arrayContaining(['trust.loyalty-withheld', 'dialog.complaint']));
    }
    has('trust.proof-demanded', ['Ihr verlangt jetzt Fotos vom Paket.', 'Reicht mein Wort nicht?']);
    has('trust.loyalty-shown', ['Ich bleibe Ihnen treu.', "I'd happily switch to it and stay with you."]);
    hasNot('trust.prepayment', ["I'd rather know upfront than refresh the tracking page."]);
    has('trust.prepayment', ['They made me pay upfront.']);
  });

  it('longing, roles and life events: names, tracking and shops', () => {
    hasNot('longing.hope', ['Bitte alles an Lena Hoffmann, Merseburger Str. 12.']);
    has('longing.hope', ['Ich hoffte auf eine schnelle Lösung.']);
    hasNot('life.moving', ["Tracking hasn't moved since Thursday."]);
    has('role.reseller', ['Neu im Regal: Hausmischung, passt zu unserem Butterkuchen.', 'Die Stammgäste haben es gemerkt.']);
    hasNot('role.reseller', ['Your B2B form asks for a VAT number.']);
    has('role.advisor', ['Für alle, die fragen: 18 g rein, 36 g raus.']);
  });
});

describe('codebook syntax: phrase gaps, exclude_regex, negatable', () => {
  const custom = (patterns: string, extra = '') =>
    compileCodebook(parseCodebook(withCode(`    patterns:\n${patterns}${extra}`), 'cb.yaml'));

  it('a lone "*" in a phrase stands for any one token, within one sentence', () => {
    const cb = custom('      phrases: [seit * tagen]');
    expect(matchCodes('Paket seit 10 Tagen unterwegs', 'de', cb).map((h) => h.code)).toEqual(['pain.waiting']);
    expect(matchCodes('seit vielen Tagen', 'de', cb)[0]?.rule).toBe('pain.waiting/phrase:seit * tagen');
    expect(matchCodes('seit Tagen', 'de', cb)).toEqual([]);
    expect(matchCodes('Ich warte seit. Tagen', 'de', cb)).toEqual([]);
  });

  it('rejects a phrase that starts with "*"', () => {
    expect(() => parseCodebook(withCode('    patterns:\n      phrases: ["* tagen"]'), 'cb.yaml')).toThrow(
      'cb.yaml: codes[0].patterns.phrases[0]: "* tagen" starts with "*"; start with a word',
    );
  });

  it('exclude_regex vetoes hits in the sentences it touches, and must be valid', () => {
    const cb = custom("      words: [kaputt]\n      exclude_regex: ['\\bmeine\\s+\\p{L}+\\s+ist\\s+kaputt']");
    expect(matchCodes('Meine Mühle ist kaputt. Das Paket auch kaputt.', 'de', cb)[0]?.start).toBe(39);
    expect(matchCodes('Meine Mühle ist kaputt.', 'de', cb)).toEqual([]);
    expect(() => parseCodebook(withCode("    patterns:\n      exclude_regex: ['(']"), 'cb.yaml')).toThrow(
      /^cb\.yaml: codes\[0\]\.patterns\.exclude_regex\[0\]: invalid regular expression/,
    );
  });

  it('negatable turns negation on per code, and must be a boolean', () => {
    const plain = custom('      words: [delay]');
    const negatable = custom('      words: [delay]', '\n    negatable: true');
    expect(matchCodes('no delay today', 'en', plain)).toHaveLength(1);
    expect(matchCodes('no delay today', 'en', negatable)).toEqual([]);
    expect(() => parseCodebook(withCode('    patterns: {}\n    negatable: yes please'), 'cb.yaml')).toThrow('cb.yaml: codes[0].negatable: expected true or false');
  });
});
