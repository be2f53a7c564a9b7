// The default codebook's longing, trust, role and life codes on the kinds of text they misread on real exports
// (issue 7): a family member mentioned is no family event, a plain one-star review is no critic, "please advise"
// is no advice, "I would like to cancel" is no wish. Every text here is invented.
import { describe, expect, it } from 'vitest';
import type { Event, Lang } from '../model.js';
import { makeEvent } from '../test-support.js';
import { codebookAnnotator, compileCodebook, defaultCodebook, matchCodes, type RecordFacts } from './codebook.js';
import { detectLanguage } from './language.js';

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
      'As a busy mom I need delivery that just works.',
      'Sind sehr zufrieden. Gruß, Familie Berger',
      'Ob meine Entscheidung für diesen Anbieter richtig war, weiß ich nicht.',
      'Since my family is not allergic to anything, this was no concern for us.',
    ]);
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
      'The driver took ten minutes to start moving.',
      'Production was moved to another plant and the beans got worse.',
      'So mit Kunden umzugehen ist einfach frech.',
      'They moved us to a different seat without asking.',
    ]);
    has('life.moving', ['We moved last year and cannot find them in any shop here.', 'Wegen eines Umzugs brauche ich einen neuen Zählerstand.']);
  });
});

