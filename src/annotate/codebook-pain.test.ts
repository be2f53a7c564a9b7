// The pain codes of the default codebook on the kinds of real text they were misread on (issue 7, item 4): each
// test pins a sense the label guide (plan/LABEL-GUIDE.md) gives or denies a pain code, on texts written for it.
import { describe, expect, it } from 'vitest';
import { compileCodebook, matchCodes, type RecordFacts } from './codebook.js';
import { detectLanguage } from './language.js';
import { defaultCodebook } from '../cli/resources.js';

const compiled = compileCodebook(defaultCodebook());

/** A public review with the writer's own rating (its tone), or a message to the brand (the matcher's default). */
const review = (tone: 'negative' | 'neutral' | 'positive'): RecordFacts => ({ conversation: false, kind: 'review', tone, rated: true });

function codesOf(text: string, facts?: RecordFacts): string[] {
  return matchCodes(text, detectLanguage(text), compiled, facts).map((hit) => hit.code);
}

function expectCode(code: string, texts: string[], facts?: RecordFacts): void {
  for (const text of texts) expect(codesOf(text, facts), text).toContain(code);
}

function expectNoCode(code: string, texts: string[], facts?: RecordFacts): void {
  for (const text of texts) expect(codesOf(text, facts), text).not.toContain(code);
}

describe('pain.bureaucracy: failing self-service systems and red tape', () => {
  it('is named for both, so a run of app reviews does not read as a run about forms', () => {
    // In app-store reviews this can be the costliest theme, and its evidence is then logins and apps that fail.
    const label = defaultCodebook().codes.find((c) => c.id === 'pain.bureaucracy')!.label;
    expect(label.en).toMatch(/red tape/i);
    expect(label.en).toMatch(/self-service/i);
    expect(label.de).toMatch(/Bürokratie/);
    expect(label.de).toMatch(/Self-Service/);
  });

  it('finds a login, app or website that does not let the customer get it done (German)', () => {
    expectCode(
      'pain.bureaucracy',
      [
        'Seit dem letzten Update kein Login mehr möglich.',
        'Anmelden klappt einfach nicht, egal was ich versuche.',
        'Die App startet nicht mehr, nur ein weißer Bildschirm.',
        'Ich kann meinen Zählerstand nicht übermitteln.',
        'Wieso kann man die Abschläge in der App nicht ändern?',
        'Komme seit Tagen nicht mehr in mein Kundenkonto rein.',
        'Mein Passwort wird nicht akzeptiert, obwohl es stimmt.',
        'Stürzt bei jedem Öffnen ab.',
        'Ständig wird man ausgeloggt und muss sich neu anmelden.',
        'Funktioniert nicht. Schade um die schöne App.',
        'Leider sendet die App keine Daten.',
        'Die Zählerstandeingabe ist auf zwei pro Monat begrenzt.',
      ],
      review('negative'),
    );
  });

  it('finds the same in English, and red tape', () => {
    expectCode('pain.bureaucracy', [
      "I can't log in to pay my bill, the site just spins.",
      'Your app keeps crashing when I try to upload the meter photo.',
      "It's not letting me update my card details.",
      'Getting errors at checkout every single time.',
      'Sent the documents three times and they still want them again.',
      'The booking site is totally down again.',
      'They made me fill out three forms for a simple address change.',
      'Your registration form asks for a tax number and a signed PDF. Is there an easier way?',
      'Opened the tin, it was stale, and the shop has a no refund policy on food.',
    ]);
  });

  it('does not read an idiom, a working system or a product of its own as bureaucracy', () => {
    expectNoCode(
      'pain.bureaucracy',
      [
        'Das geht gar nicht, so behandelt man keine Kunden.',
        'Login klappt jetzt, danke für die schnelle Hilfe.',
        'Der Kaffee kommt in Pulverform, sehr praktisch.',
      ],
      review('negative'),
    );
    expectNoCode('pain.bureaucracy', ['Da kann man nichts machen ... die Leute parken einfach auf dem Gehweg.'], review('negative'));
    expectNoCode('pain.bureaucracy', ['My game keeps crashing since the last patch.', 'Good tea in loose leaf form.', 'Form completed and sent, thanks.']);
  });

  it('finds a policy that says no, not a policy mentioned or demanded', () => {
    expectCode('pain.bureaucracy', [
      'They would not swap the seat, due to policy apparently.',
      'Your policy does not allow a name change, even a typo?',
      'What a ridiculous luggage policy.',
      'Sorry, not our policy, the agent said.',
    ]);
    expectNoCode('pain.bureaucracy', [
      'Time to write some proper policies and stick to them. #fixit',
      'The return policy is clear and the refund came fast.',
      'I read your privacy policy before signing up.',
    ]);
  });
});

describe('pain.damaged: goods that arrived damaged, spoiled or defective', () => {
  it('finds damage to what was delivered or handed over, and spoiled food', () => {
    expectCode('pain.damaged', [
      'Two of the jars were cracked and the lid was leaking.',
      'The box arrived at my door completely crushed.',
      'They broke my suitcase and will not pay for it.',
      'Half the crackers were stale.',
      'The yoghurt expired two weeks before it was delivered.',
      'Der Karton kam nass an, die Hälfte war aufgeweicht.',
      'Beim Auspacken gesehen: eine Dose verbeult, eine ausgelaufen.',
      'Totalschaden am Koffer nach dem Flug.',
    ]);
  });

  it('does not read an insurance "Schaden" (a claim) as damaged goods', () => {
    expectNoCode('pain.damaged', [
      'Ich habe den Schaden bei meiner Hausratversicherung gemeldet und warte auf den Gutachter.',
      'Wie lange dauert die Regulierung meines Schadensfalls?',
      'Der Schaden wurde der Versicherung vor drei Wochen gemeldet.',
    ]);
  });

  it('does not read other senses of damage words, negation, apps or games as damaged goods', () => {
    expectNoCode('pain.damaged', [
      'Great on pasta with crushed red pepper.',
      'My cats prefer wet food, so I mix it in.',
      'The box was not crushed, nothing broken, well packed.',
      'Nothing was damaged this time, thanks.',
      'Your game broke after the last update.',
      'This rain ruined my whole weekend.',
      'My passport expired last month, can I still fly?',
      'Keep them in a tin or they go stale.',
    ]);
    expectNoCode('pain.damaged', ['Die App funktioniert nicht, Login kaputt.', 'Der Lieferant war nicht kaputt zu kriegen, alles heil.'], review('negative'));
  });
});

describe('pain.lost: something of the customer’s lost, missing or never arrived', () => {
  it('finds lost luggage, parcels, items and data', () => {
    expectCode('pain.lost', [
      'You lost my luggage on the way to Denver.',
      'How can an airline lose three suitcases on one nonstop flight?',
      'The parcel got lost in the mail, nobody can tell me where it is.',
      "I never got my second box, and I didn't get the spice mix either.",
      'Nach dem Update wurden meine alten Zählerstände nicht gespeichert.',
      'Meine Sendung ist bei euch verloren gegangen.',
    ]);
  });

  it('does not read titles, weight, time, money or a parcel not here yet as lost', () => {
    expectNoCode('pain.lost', [
      'We watched Lost Ark of the Covenant with the kids and ate the whole bag.',
      'I have lost a little weight since I switched to these bars.',
      'My old dog lost two more pounds on this food.',
      "I haven't received it yet, the tracking says Friday.",
      'The driver went to the wrong address and then cancelled.',
      'I wanted to see you again, but I lost my nerve.',
    ]);
    expectNoCode('pain.lost', ['45 Minuten verlorene Zeit mit dieser App.', 'Ich habe das Vertrauen in euch verloren.'], review('negative'));
  });
});

describe('pain.billing: a problem with a charge, bill, price or refund, not money mentioned', () => {
  it('finds wrong charges and bills, refunds asked for and prices that went up', () => {
    expectCode('pain.billing', [
      'My $15 order turned into $42 at checkout.',
      'Why am I still being charged after I closed the account?',
      'The invoice is wrong again, please reverse the charges.',
      'You took the money but I have no booking.',
      'Schon wieder eine Preiserhöhung, diesmal um 12 Prozent.',
      'Der Automat hat mein Geld geschluckt und kein Ticket ausgegeben.',
    ]);
    expectCode(
      'pain.billing',
      ['Der neue Abschlag ist viel zu hoch.', 'Die Berechnung der Nachzahlung ist nicht nachvollziehbar.', 'Ich warte seit März auf meine Endabrechnung.'],
      review('negative'),
    );
  });

  it('does not read advice, verdicts or prices mentioned as a billing problem', () => {
    expectNoCode('pain.billing', [
      'Save your money and buy the regular one.',
      'Worth the money, we order it every month.',
      'The best tea money can buy.',
      'It is a little more expensive than the supermarket brand, but much better.',
      'Do you have any vouchers for the spring sale?',
      'Was kostet das Abo jetzt nach der Preiserhöhung?',
      'Ich habe die Mail zur Preiserhöhung gelesen, verstehe ich.',
    ]);
    expectNoCode('pain.billing', ['Ich habe mein Geld immer pünktlich überwiesen und jetzt das.'], review('negative'));
  });

  it('does not read a refund the customer says they do not want as a billing problem', () => {
    expectNoCode('pain.billing', [
      "I'm not asking for a refund, I just want the right size sent.",
      "We don't need our money back, we need the parcel.",
      'Es geht mir nicht um eine Rückerstattung, sondern um die Ware.',
      'Ich will gar keine Entschädigung, nur eine Antwort.',
    ]);
    expectCode('pain.billing', ['Still no refund for the broken kettle.', 'Keine Erstattung erhalten, seit März.']);
  });
});

describe('pain.broken-promise: the company’s word against what happened', () => {
  it('finds promises, dates and claims that were not kept', () => {
    expectCode('pain.broken-promise', [
      'I was told it would be delivered on Monday. Nothing.',
      'They promised me a call back within the hour.',
      'The listing says organic, but the bag says otherwise.',
      'They sent a different brand this time, made somewhere else.',
      'They changed the recipe without telling anyone.',
      'The ride took longer than the quoted 10 minutes.',
      'Trotz Absprache wurde wieder am Monatsanfang abgebucht.',
    ]);
  });

  it('does not read the customer’s own promise, a guarantee of their own or doubt as a broken promise', () => {
    expectNoCode('pain.broken-promise', [
      'I promised myself to eat less sugar, these bars help.',
      'I promise you will not be disappointed.',
      'I can guarantee this is the best cocoa around.',
      'Warm water guarantees a smooth texture.',
      'The new flavour looks promising.',
      'There is no guarantee, I know, but why did you move our seats?',
    ]);
    expectNoCode('pain.broken-promise', ['Ratenhöhe lässt sich nicht ändern, weil es angeblich keinen Vertrag mehr gibt.'], review('negative'));
  });
});

describe('pain.waiting: waiting too long, or a fault that lasts', () => {
  it('finds waits and faults that have lasted long', () => {
    expectCode('pain.waiting', ['The driver took over 10 minutes to even start moving.', 'Still not fixed after three updates.', 'My order has taken over two weeks.']);
    expectCode('pain.waiting', ['Seit Wochen kein Login möglich.', 'Das Portal ist bis heute nicht stabil.', 'Seit Jahren versuche ich, meinen Tarif online zu ändern.'], review('negative'));
  });

  it('does not read ages, a slow flavour, willingness to wait or a bare "seit Tagen" as waiting', () => {
    expectNoCode('pain.waiting', [
      "My cats' ages range from 7 to 17.",
      'A slow rolling heat builds after the first bite.',
      "I'm willing to wait until the old recipe is back.",
      'Is it ok to wait a month before I redeem the code?',
      'They could have held on to my money for ever.',
      'Delay it as long as you can, the update breaks the menu.',
      'The instructions say it takes two weeks to rehydrate.',
      'Tried that, still not working.',
    ]);
    expectNoCode('pain.waiting', ['The speaker is stuck in a restart cycle since the update.', 'Stuck in an endless loop of error messages.']);
    expectNoCode('pain.waiting', ['The bowl is always waiting at the ready by the back door.', 'Our cat sits eagerly waiting for the pouch every morning.', 'The parcel was waiting for me when I got home.']);
    expectCode('pain.waiting', ['Stuck in Frankfurt overnight with two kids.', 'My parcel is stuck in customs.']);
    expectNoCode(
      'pain.waiting',
      ['Bezahlt und seit Tagen nicht verbucht.', 'Als Stammkunde seit 20 Jahren bin ich enttäuscht.', 'Ich fahre seit 10 Jahren mit dem Rad zur Arbeit.'],
      review('negative'),
    );
  });
});

describe('customer service: unreachable, no reply, passed around', () => {
  it('finds a company nobody answers for, silence, and being sent on', () => {
    expectCode('pain.unreachable', ["Two days of calling and I still haven't talked to a real person.", 'Got hung up on twice.']);
    expectCode('pain.unreachable', ['Die Hotline ist kaum zu erreichen.'], review('negative'));
    expectCode('pain.no-reply', ['Sent two emails to the address you gave me, to no avail.', 'Will I hear back from anyone about this?']);
    expectCode('pain.no-reply', ['Die Firma reagiert einfach nicht auf meine Mails.', 'Meine Anfragen werden nicht bearbeitet.'], review('negative'));
    expectCode('pain.passed-around', ['The store has no info either, they sent me back to you.', 'They told me to contact the seller.']);
  });

  it('does not read a system out of reach, a search without result or a figure of speech as customer service', () => {
    expectNoCode('pain.unreachable', ['Das Kundenportal ist oft nicht erreichbar.', 'It took a grown-up with strong hands to open the jar.'], review('negative'));
    expectNoCode('pain.no-reply', ['I searched far and wide for it, to no avail, until I found it here.', 'Die App reagiert nicht mehr.']);
    expectNoCode('pain.passed-around', ['The green teas are a different story.', 'How do I switch back and forth between the two speakers?']);
  });

  it('does not read an account or order put on hold as being kept on hold on the phone', () => {
    expectNoCode('pain.unreachable', ['They put my membership card on hold without telling me.', 'My savings account has been placed on hold for a review.', 'Why is my order on hold?']);
    expectNoCode('pain.waiting', ['They put my membership card on hold without telling me.', 'My savings account has been placed on hold for a review.']);
    expectCode('pain.unreachable', ['They put me on hold for 50 minutes and then hung up.', 'I was put on hold for ages, twice.']);
    expectCode('pain.waiting', ['My order has been on hold for three weeks.']);
  });
});

describe('pain.cancellation: something cancelled, or the customer cancels', () => {
  it('finds cancelled trips and contracts', () => {
    expectCode('pain.cancellation', ['I disconnected my account in May and still get bills.', 'Mein Zug fällt heute schon wieder aus.', 'Ich habe den Vertrag gekündigt.']);
  });

  it('does not read a failed system, a power cut or a postmark as a cancellation', () => {
    expectNoCode('pain.cancellation', ['Wie bewertet man einen Totalausfall? Nichts geht.', 'Gestern ist bei uns der Strom ausgefallen.'], review('negative'));
    expectNoCode('pain.cancellation', ['The envelope was squashed by the canceling machine.']);
  });

  it('does not read a question or a supposition about a cancellation to come as one', () => {
    expectNoCode('pain.cancellation', [
      'Snow all week. Will the trip to Oslo be cancelled?',
      '@acme is my Friday class going to get canceled?',
      'What happens if the concert is cancelled, do I get my money back?',
      'Wird der Kurs am Montag abgesagt?',
    ]);
    expectCode('pain.cancellation', ['Could you cancel my order?', 'Can my booking be cancelled?', 'My train was cancelled. Will I get a refund?']);
  });
});
