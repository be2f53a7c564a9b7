// The default codebook's dialog and action codes on the records they come from: a rating, a record kind and a tone
// are second signals beside the words (codebook/conditions.ts). Invented texts, one per defect the codes showed on
// real exports (issue 7): questions that are none, answers expected from reviews, irony read as praise, bad
// reviews that named no pain and so were no complaint.

import { describe, expect, it } from 'vitest';
import { compileCodebook, defaultCodebook, matchCodes, type RecordFacts } from '../codebook.js';
import { detectLanguage } from '../language.js';

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
});

describe('action.response-needed: an answer is expected from messages to the brand, not from reviews', () => {
  it('does not follow from a review that merely complains', () => {
    const codes = codesOf('Terrible taste, the worst coffee I ever bought. Never again.', review('negative'));
    expect(codes).toContain('dialog.complaint');
    expect(codes).not.toContain('action.response-needed');
  });

  it('follows from a complaint in a message to the brand', () => {
    expect(codesOf('@acme my parcel arrived crushed', tweet('negative'))).toContain('action.response-needed');
    expect(codesOf('Mein Koffer ist verloren gegangen.', tweet('neutral'))).toContain('action.response-needed');
  });
});
