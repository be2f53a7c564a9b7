// The default codebook's dialog and action codes on the records they come from: a rating, a record kind and a tone
// are second signals beside the words (codebook/conditions.ts). Invented texts, one per defect the codes showed on
// real exports (issue 7): questions that are none, answers expected from reviews, irony read as praise, bad
// reviews that named no pain and so were no complaint.

import { describe, expect, it } from 'vitest';
import { compileCodebook, matchCodes, type RecordFacts } from '../codebook.js';
import { detectLanguage } from '../language.js';
import { defaultCodebook } from '../../cli/resources.js';

const compiled = compileCodebook(defaultCodebook());

const review = (tone: RecordFacts['tone']): RecordFacts => ({ conversation: false, kind: 'review', tone, rated: true });
const tweet = (tone: RecordFacts['tone'] = 'neutral'): RecordFacts => ({ conversation: true, kind: 'post', tone, rated: false });

function codesOf(text: string, facts: RecordFacts): string[] {
  return matchCodes(text, detectLanguage(text), compiled, facts).map((hit) => hit.code);
}

describe('dialog.complaint: the rating is the writer’s own verdict', () => {
  it('finds a complaint in a 1-2 star review that names no pain and uses no complaint word', () => {
    expect(codesOf('Second ingredient is sugar. Need I say more?', review('negative'))).toContain('dialog.complaint');
    expect(codesOf('Startet nicht mehr seit dem letzten Update', review('negative'))).toContain('dialog.complaint');
  });

  it('finds a complaint in a message to the brand written in a negative tone', () => {
    expect(codesOf('@acme still not sorted, tried it twice', tweet('negative'))).toContain('dialog.complaint');
  });

  it('finds a missing apology a complaint, whatever the tone', () => {
    expect(codesOf('Three missed appointments and not even an apology.', tweet('neutral'))).toContain('dialog.complaint');
    expect(codesOf('Zwei Wochen ohne Strom, kein Wort der Entschuldigung.', tweet('neutral'))).toContain('dialog.complaint');
    // waiving an apology is no complaint
    for (const text of ['No apology needed, thanks for sorting it so fast!', 'Keine Entschuldigung nötig, danke für die Hilfe!']) {
      expect(codesOf(text, tweet('positive')), text).not.toContain('dialog.complaint');
      expect(codesOf(text, tweet('positive')), text).not.toContain('trust.loyalty-withheld');
    }
  });

  it('keeps mild reservations in a 4-5 star review out', () => {
    expect(codesOf('A bit pricey and the lid is awful, but the best tea I have had.', review('positive'))).not.toContain('dialog.complaint');
  });
});

describe('dialog.praise: irony and past praise under a bad rating are not praise', () => {
  it('drops praise words under a 1-2 star rating', () => {
    expect(codesOf('Great coffee, shame the bag arrived torn.', review('negative'))).not.toContain('dialog.praise');
    expect(codesOf('Great coffee, shame the bag arrived torn.', review('neutral'))).toContain('dialog.praise');
    expect(codesOf('Früher war ich sehr zufrieden, jetzt geht nichts mehr.', review('negative'))).not.toContain('dialog.praise');
  });

  it('finds praise in a 4-5 star review whatever words it uses', () => {
    expect(codesOf('einfach genial', review('positive'))).toContain('dialog.praise');
    expect(codesOf('Very tasty, my kids ask for it every day.', review('positive'))).toContain('dialog.praise');
  });

  it('keeps praise words in unrated messages, whatever their tone', () => {
    expect(codesOf('Thank you so much for finding my bag!', tweet('negative'))).toContain('dialog.praise');
  });

  it('does not read a liking for things in general, conceded before a complaint, as praise', () => {
    expect(codesOf('I adore cats but this litter smells like a swamp.', tweet())).not.toContain('dialog.praise');
    expect(codesOf('As much as I love chocolate, these bars taste of cardboard.', tweet())).not.toContain('dialog.praise');
    expect(codesOf('I love this tea but the tin is hard to open.', tweet())).toContain('dialog.praise');
  });
});

describe('action.response-needed: an answer is expected from messages to the brand, not from reviews', () => {
  it('does not follow from a review that merely complains', () => {
    const codes = codesOf('Terrible taste, the worst coffee I ever bought. Never again.', review('negative'));
    expect(codes).toContain('dialog.complaint');
    expect(codes).not.toContain('action.response-needed');
  });

  it('does not follow from a post among customers, which complains all the same', () => {
    const peer: RecordFacts = { conversation: false, kind: 'post', tone: 'negative', rated: false };
    const codes = codesOf('my parcel arrived crushed again, this shop is hopeless', peer);
    expect(codes).toContain('dialog.complaint');
    expect(codes).not.toContain('action.response-needed');
  });

  it('follows from a complaint in a message to the brand', () => {
    expect(codesOf('@acme my parcel arrived crushed', tweet('negative'))).toContain('action.response-needed');
    expect(codesOf('Mein Koffer ist verloren gegangen.', tweet('neutral'))).toContain('action.response-needed');
  });
});

describe('dialog.question: a question wants an answer', () => {
  it('ignores a product or brand name ending in "?" in a review', () => {
    expect(codesOf('Guess Who? Party Mix. Salty, crunchy and gone in a day.', review('positive'))).not.toContain('dialog.question');
  });

  it('ignores rhetorical questions and venting, in reviews and in messages', () => {
    expect(codesOf('Second ingredient is SUGAR! Need I say more?', review('negative'))).not.toContain('dialog.question');
    expect(codesOf('@acme Need I say more?', tweet('negative'))).not.toContain('dialog.question');
    expect(codesOf('@acme charged twice for one ride. Really?', tweet('negative'))).not.toContain('dialog.question');
    expect(codesOf('@acme you cancelled my flight again?!', tweet('negative'))).not.toContain('dialog.question');
    expect(codesOf('Wer hat sich das ausgedacht?', review('negative'))).not.toContain('dialog.question');
    expect(codesOf('Ob das jemals funktioniert?', review('negative'))).not.toContain('dialog.question');
  });

  it("ignores an advert's hook or a greeting with a question mark", () => {
    for (const text of ['@acme Are you ready? Pumpkin season starts Monday!', "Who's hungry? Two wraps for one today.", '@acme Merry Christmas?', 'Ready for the weekend? Our new grill is open.']) {
      expect(codesOf(text, tweet()), text).not.toContain('dialog.question');
    }
    expect(codesOf('@acme is the shop open on Sunday?', tweet())).toContain('dialog.question');
  });

  it('counts a question mark in a message to the brand, and a question of information in a review', () => {
    expect(codesOf('@acme where is my refund?', tweet('negative'))).toContain('dialog.question');
    expect(codesOf('Gibt es die App auch für Tablets?', review('neutral'))).toContain('dialog.question');
    expect(codesOf('Seit Wochen kein Login. Wann wird das endlich behoben?', review('negative'))).toContain('dialog.question');
    expect(codesOf('What more could you want? Crunchy, fresh, cheap.', review('positive'))).not.toContain('dialog.question');
  });

  it('counts a question asked in so many words, with or without a question mark', () => {
    expect(codesOf('I was wondering if the tins come in a bigger size', review('positive'))).toContain('dialog.question');
    expect(codesOf('@acme how do i change my seat', tweet())).toContain('dialog.question');
  });
});

describe('action.response-needed in a review: only an ask of the company', () => {
  it('follows from a request or question to the company', () => {
    expect(codesOf('Login fails every time. Please fix this!', review('negative'))).toContain('action.response-needed');
    expect(codesOf('Bitte stellt endlich eine funktionierende App bereit.', review('negative'))).toContain('action.response-needed');
    expect(codesOf('Gibt es die App auch für Tablets?', review('neutral'))).toContain('action.response-needed');
    expect(codesOf('Abschlag viel zu hoch. Können Sie das bitte prüfen.', review('negative'))).toContain('action.response-needed');
  });

  it('does not follow from advice to other shoppers', () => {
    expect(codesOf('Please check the date before you eat these, mine were stale.', review('negative'))).not.toContain('action.response-needed');
  });
});

describe('dialog.suggestion and action.suggestion: an idea for the company', () => {
  it('reads "you should" as the company in a message and as the reader in a review', () => {
    expect(codesOf('@acme you should add a dark mode', tweet())).toEqual(expect.arrayContaining(['dialog.suggestion', 'action.suggestion']));
    expect(codesOf('If you like it mild, I suggest you try the green one instead.', review('positive'))).not.toContain('dialog.suggestion');
    expect(codesOf('You should try it with honey.', review('positive'))).not.toContain('action.suggestion');
  });

  it('finds a suggestion where the company is the subject, and a wish about what it offers', () => {
    expect(codesOf('Tasty, but they should offer a bigger bag.', review('positive'))).toContain('dialog.suggestion');
    expect(codesOf('Eine Exportfunktion wäre toll. Sonst gut.', review('positive'))).toContain('action.suggestion');
    expect(codesOf('Eine Antwort wäre schön gewesen.', review('negative'))).not.toContain('action.suggestion');
    expect(codesOf('I wish they still made the old recipe.', review('neutral'))).toContain('action.suggestion');
    expect(codesOf('@acme I would much rather have a quiet carriage than free snacks', tweet())).toContain('action.suggestion');
    // a regret is no idea for the company
    expect(codesOf('If only this shop had existed when my kids were little!', review('positive'))).not.toContain('action.suggestion');
  });
});

describe('action.not-meaningful: nothing to act on, and only that', () => {
  it('flags bare answers and numbers in a support thread', () => {
    for (const text of ['@acme I did', '@acme Not yet.', '@acme Form completed and emailed', '@acme 0171 2345678', '@acme DM sent 👍']) {
      expect(codesOf(text, tweet()), text).toContain('action.not-meaningful');
    }
  });

  it('keeps a content-free answer out of praise and complaint, whatever its rating', () => {
    const survey: RecordFacts = { conversation: false, kind: 'survey', tone: 'positive', rated: true };
    expect(codesOf('9', survey)).toEqual(['action.not-meaningful']);
    expect(codesOf('Ok', review('positive'))).toEqual(['action.not-meaningful']);
    expect(codesOf('ok 👍', review('negative'))).toEqual(['action.not-meaningful']);
    // a one-word judgement is a verdict, not an empty answer (label guide)
    expect(codesOf('Top', review('positive'))).toEqual(['dialog.praise']);
  });

  it('leaves thanks alone to praise, and a status update that asks to the brand', () => {
    expect(codesOf('Thank you!', tweet('positive'))).toEqual(['dialog.praise']);
    expect(codesOf('@acme I did, still no refund. Now what?', tweet('negative'))).not.toContain('action.not-meaningful');
  });
});
