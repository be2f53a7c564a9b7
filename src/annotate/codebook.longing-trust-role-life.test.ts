// The default codebook's longing, trust, role and life codes on the kinds of text they misread on real exports
// (issue 7): a family member mentioned is no family event, a plain one-star review is no critic, "please advise"
// is no advice, "I would like to cancel" is no wish. Every text here is invented.
import { describe, expect, it } from 'vitest';
import type { Event, Lang } from '../model.js';
import { makeEvent } from '../test-support.js';
import { codebookAnnotator, compileCodebook, matchCodes, type RecordFacts } from './codebook.js';
import { detectLanguage } from './language.js';
import { defaultCodebook } from '../cli/resources.js';

const compiled = compileCodebook(defaultCodebook());

/** A review with the writer's verdict (from its stars), and a tweet to the brand whose tone is not known. */
const review = (tone: RecordFacts['tone']): RecordFacts => ({ conversation: false, kind: 'review', tone, rated: true });
const TWEET: RecordFacts = { conversation: true, kind: 'post', tone: null, rated: false };

function codesOf(text: string, facts: RecordFacts = TWEET): string[] {
  const lang: Lang = detectLanguage(text);
  return matchCodes(text, lang, compiled, facts).map((hit) => hit.code);
}
const has = (code: string, texts: string[], facts?: RecordFacts) => {
  for (const text of texts) expect(codesOf(text, facts), text).toContain(code);
};
const hasNot = (code: string, texts: string[], facts?: RecordFacts) => {
  for (const text of texts) expect(codesOf(text, facts), text).not.toContain(code);
};

describe('life codes: events, not mentions', () => {
  it('life.family: a family member mentioned is no family event', () => {
    hasNot('life.family', [
      'My husband loves it and the kids ask for more every week.',
      'Our kids love the mango one best.',
      'Die ganze Familie Berger bestellt hier.',
      'Die Entscheidung für den neuen Tarif bereue ich nicht.',
      'Luckily my daughter is not allergic to nuts.',
    ]);
  });

  it("life.family: someone else's event is not the writer's", () => {
    hasNot('life.family', [
      'In the new season she is pregnant again, and the plot goes nowhere.',
      'You have a new baby at home? Then you know how loud this blender is.',
      'Congrats on the wedding, @dana! Loved the cake from your shop.',
      'Deine Hochzeit war traumhaft, die Torte auch.',
    ]);
    has('life.family', ['My sister loves your tea, and now she is pregnant and cannot drink it.', 'Can you deliver before our wedding on the 12th?']);
  });

  it('life.family: birth, pregnancy, wedding, a relative ill or dead', () => {
    has('life.family', [
      'My son was diagnosed with celiac disease last spring, so we buy these now.',
      'Seit der Geburt unserer Tochter bestellen wir alles online.',
      'Unsere Tochter ist allergisch gegen Nüsse, deshalb lesen wir jede Zutatenliste.',
      'My mother passed away in May and I need to close her account.',
      "We're expecting a baby in June and need the nursery delivered before then.",
    ]);
  });

  it('life.moving: a home move, not anything that moves', () => {
    hasNot('life.moving', [
      'The bus finally started moving after twenty minutes.',
      'Production moved to another plant and the recipe changed.',
      'Wer so mit Kunden umzugehen pflegt, verliert sie.',
      'The crew moved us to row 30 without asking.',
    ]);
    has('life.moving', ['We just moved to Leipzig and need the address changed.', 'Nach dem Umzug nach Kassel brauche ich einen neuen Vertrag.']);
  });
});

describe('role codes: turning to other customers', () => {
  it('role.critic: a plain negative review does not warn anyone off', () => {
    const oneStar = review('negative');
    hasNot('role.critic', ['One star. Worst coffee I have ever had.', 'Selbst ein einziger Stern wäre zu viel für diese App.', 'The other reviews promised more than this.'], oneStar);
    has('role.critic', ["Don't buy this, save your money.", 'Finger weg von diesem Anbieter!', 'I would not recommend this to anyone.'], oneStar);
  });

  it('role.critic: "don\'t waste your money on …" warns only from an unhappy writer', () => {
    const text = "Don't waste your money on knock-offs.";
    expect(codesOf(text, review('positive'))).not.toContain('role.critic');
    expect(codesOf(text, review('negative'))).toContain('role.critic');
  });

  it('role.advisor: advice to other shoppers, not "please advise" or a tip on the bill', () => {
    hasNot('role.advisor', ['Please advise how I get my money back.', 'Left a tip for the driver and still got cold fries.', 'Beim Öffnen erscheint nur ein Hinweis auf Wartungsarbeiten.']);
    has('role.advisor', ['If you like it spicy, add a pinch of chili flakes.', 'I suggest keeping the bag in the fridge once it is open.'], review('positive'));
    has('role.advisor', ["I wouldn't recommend drinking it on an empty stomach."], review('positive'));
    expect(codesOf("I wouldn't recommend drinking it on an empty stomach.", review('positive'))).not.toContain('role.critic');
  });

  it('role.advisor: "you should" in a message to the brand is a suggestion, not advice', () => {
    expect(codesOf('You should add a dark mode to the app.', TWEET)).not.toContain('role.advisor');
    expect(codesOf('You should keep the tin closed, the tea goes stale fast.', review('neutral'))).toContain('role.advisor');
  });

  it('role.recommender: recommendations to others, not negated, not a letdown', () => {
    has('role.recommender', ['Highly recommended for anyone who bakes.', 'Sehr empfehlenswert!']);
    has('role.recommender', ["Give it a go, you will not be disappointed."], review('positive'));
    hasNot('role.recommender', ['Nicht empfehlenswert.']);
    hasNot('role.recommender', ["I thought you can't go wrong with lentils, but this was awful."], review('negative'));
  });

  it("role.recommender: not someone else's recommendation, a linked title, a plan to try or a guess", () => {
    hasNot(
      'role.recommender',
      [
        'The dog food came highly recommended by our vet, so we ordered two bags.',
        'A friend strongly recommended them, and they were fine.',
        'Also good: <a href="https://shop.example.com/item/42">Oat Crunch Bars - Highly Recommended</a> for hikes.',
        'My puppy can give them a try once her teeth are in.',
        "We're going to give these a go next month.",
        'The lid must have loosened on the way, but the biscuits are lovely.',
      ],
      review('positive'),
    );
    has('role.recommender', ['Trust me, give them a try.', "If you like it spicy, I'd give it a try.", 'A real must have for camping.'], review('positive'));
  });

  it('role.helper: an order to the brand in anger is no help; the code stays out of default outputs', () => {
    hasNot('role.helper', ['Jetzt musst du wieder anrufen, weil die DrecksApp nicht geht.', 'Eine Lösung gibt es laut Hotline noch nicht.']);
    const text = 'Same here. What worked for me was logging out and clearing the cache.';
    const event: Event = makeEvent({ text, lang: 'en' });
    const shown = (allCodes: boolean) => (codebookAnnotator(event, { codebook: compiled, contextEvents: [], model: null, allCodes }).annotations ?? []).map((a) => a.code);
    expect(shown(false)).not.toContain('role.helper');
    expect(shown(true)).toContain('role.helper');
  });

  it('role.reseller: selling on, not shopping at a wholesale club', () => {
    hasNot('role.reseller', ['Half the price at the wholesale club down the road.', 'My shop rent is due and your transfer failed.']);
    has('role.reseller', ['I sell these in my store and my customers love them.']);
  });
});

describe('longing codes: wishes, dreams and longings, not requests and idioms', () => {
  it('longing.wish: not a request to handle a case, a regret or a greeting', () => {
    hasNot('longing.wish', [
      'I would like to cancel my subscription.',
      'I want to change my delivery slot.',
      'Ich möchte meinen Vertrag kündigen.',
      'I wish I had checked the ratings before buying.',
      'Ich wünsche Ihnen noch einen schönen Tag.',
    ]);
    has('longing.wish', ['It would be great if the app offered a dark mode.', "I'd love a bigger bag.", 'Was ich vermisse, ist eine Exportfunktion.']);
  });

  it('longing.dream: not an idiom or the tail of a compound', () => {
    hasNot('longing.dream', ['Works like a dream.', 'Die Zeiträume der Abrechnung sind unklar.', 'They make a real dream team.', 'Tastes like a dreamsicle from the ice cream van.']);
    has('longing.dream', ['Seeing Japan was my lifelong dream.']);
  });

  it('longing.longing: not anticipation, not "all back to normal"', () => {
    hasNot('longing.longing', ["Cannot wait to taste the new blend.", 'Jetzt funktioniert wieder alles wie früher.']);
    has('longing.longing', ['I miss the old recipe.', 'Please bring back the old formula.']);
  });
});

describe('trust codes: the writer and the brand, not the word', () => {
  it('trust.loyalty-shown: the writer a long-standing customer, not others', () => {
    hasNot('trust.loyalty-shown', [
      'Half my office are loyal fans of this brand, I just do not see why.',
      'The taste sticks with you long after the meal.',
      'We have been drinking oat milk for a few years now.',
    ]);
    has('trust.loyalty-shown', ["I've been buying these for over ten years.", 'Seit 15 Jahren bin ich Kunde bei euch.']);
  });

  it('trust.loyalty-shown: years of waiting before the company lost a customer are no tenure', () => {
    const text = 'Seit 3 Jahren kämpfe ich um die Gutschrift, nun habt ihr mich als Kunden verloren.';
    hasNot('trust.loyalty-shown', [text, 'Seit 2 Jahren warte ich, jetzt habt ihr mich als Kunden verloren.']);
    has('trust.loyalty-withheld', [text]);
    // a long-standing customer who leaves shows loyalty and withholds it (label guide)
    has('trust.loyalty-shown', ['Nach elf Jahren habt ihr mich als Kunden verloren.']);
  });

  it('trust.loyalty-withheld: turning away, and indifference told by an unhappy writer', () => {
    hasNot('trust.loyalty-withheld', ['My order elsewhere never shipped, so I ordered here.']);
    has('trust.loyalty-withheld', ['Ich werde den Anbieter wechseln.', 'I will not be ordering again.']);
    expect(codesOf('They clearly do not care about their customers.', review('negative'))).toContain('trust.loyalty-withheld');
  });

  it('trust.prepayment: a demand to pay first, not a count, a bank deposit or the usual instalments', () => {
    hasNot('trust.prepayment', ['Die Anzahl der Tarife ist verwirrend.', 'My paycheck deposit shows up two days late.', 'Meine Vorauszahlungen für Gas steigen schon wieder.']);
    has('trust.prepayment', ['Neuerdings liefern sie nur gegen Vorkasse.', 'They made me pay upfront.']);
  });

  it('trust.proof-demanded: the company asks for proof, the word alone is not enough', () => {
    hasNot('trust.proof-demanded', [
      'I lost the receipt somewhere in the car.',
      'Take my word for it: this sauce is awful.',
      'It is evident that nobody tested this.',
      'Die App ist nachweislich langsamer als die alte.',
    ]);
    has('trust.proof-demanded', ['They want me to prove that the parcel never came.', 'Sie verlangen einen Nachweis, dass ich bezahlt habe.']);
  });
});
