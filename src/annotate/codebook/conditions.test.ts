import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../test-support.js';
import { codebookAnnotator, compileCodebook, matchCodes, parseCodebook, type RecordFacts } from '../codebook.js';
import { factsOf } from './conditions.js';

// A small codebook of our own: the default one changes as it is tuned, these rules pin the mechanism.
const codebook = parseCodebook(
  `
version: 1
codes:
  - id: dialog.question
    category: dialog
    label: { en: Question, de: Frage }
    description: The customer asks something.
    patterns:
      phrases: [how do i]
    rules:
      - when: { conversation: true }
        patterns: { regex: ['\\?'] }
  - id: dialog.complaint
    category: dialog
    label: { en: Complaint, de: Beschwerde }
    description: The customer complains.
    patterns:
      words: [terrible]
    rules:
      - when: { rated: true, tone: negative }
  - id: action.response-needed
    category: action
    label: { en: Response needed, de: Antwort nötig }
    description: Expects an answer.
    patterns:
      phrases: [please fix]
    implied_by: [dialog.question, dialog.complaint]
    implied_when: { conversation: true }
  - id: dialog.praise
    category: dialog
    label: { en: Praise, de: Lob }
    description: Praise.
    patterns:
      words: [great]
    when: { tone: [positive, neutral] }
  - id: role.helper
    category: role
    label: { en: Helper, de: Helfer }
    description: Helps others.
    experimental: true
    patterns:
      phrases: [try restarting]
`,
  'test.yaml',
);
const compiled = compileCodebook(codebook);

const review = (tone: RecordFacts['tone'], rated = true): RecordFacts => ({ conversation: false, kind: 'review', tone, rated });
const tweet: RecordFacts = { conversation: true, kind: 'message', tone: 'neutral', rated: false };
const codes = (text: string, facts: RecordFacts) => matchCodes(text, 'en', compiled, facts).map((hit) => hit.code);

describe('conditional codebook rules', () => {
  it('counts a rule only where its condition holds: a "?" is a question in a conversation, not in a review title', () => {
    expect(codes('Where is my parcel?', tweet)).toContain('dialog.question');
    expect(codes('Need I say more?', review('negative'))).not.toContain('dialog.question');
    // The code's own patterns count everywhere.
    expect(codes('How do I change the address', review('neutral'))).toContain('dialog.question');
  });

  it('implies a code only where implied_when holds: a complaint in a review expects no answer, its own ask does', () => {
    expect(codes('terrible service', tweet)).toEqual(expect.arrayContaining(['dialog.complaint', 'action.response-needed']));
    expect(codes('terrible service', review('negative'))).not.toContain('action.response-needed');
    expect(codes('terrible, please fix it', review('negative'))).toContain('action.response-needed');
  });

  it('finds a code by its signal alone: a negative rating with words is a complaint, quoted by its first sentence', () => {
    const [hit] = matchCodes('The lid says oat crunch. Mostly air inside.', 'en', compiled, review('negative')).filter((h) => h.code === 'dialog.complaint');
    expect(hit?.rule).toBe('dialog.complaint/signal:rated tone=negative');
    expect(hit?.quote).toBe('The lid says oat crunch.…');
    expect(codes('The lid says oat crunch.', review('positive'))).not.toContain('dialog.complaint');
    expect(codes('The lid says oat crunch.', review('negative', false))).not.toContain('dialog.complaint');
  });

  it('drops every hit of a code whose own condition fails: praise words under a 1★ rating are irony or mixed', () => {
    expect(codes('great, just great', review('negative'))).not.toContain('dialog.praise');
    expect(codes('great coffee', review('positive'))).toContain('dialog.praise');
    expect(codes('great coffee', review(null, false))).not.toContain('dialog.praise');
  });

  it('reads the record from the event: rating before text tone, peer replies are no conversation', () => {
    const rated = makeEvent({ kind: 'review', expectsReply: false, rating: { value: 1, scale: 'stars5' }, sentiment: { label: 'positive', score: 0.6 }, lang: 'en' });
    expect(factsOf(rated)).toEqual({ conversation: false, kind: 'review', tone: 'negative', rated: true });
    const peer = makeEvent({ kind: 'post', expectsReply: true, peerReply: true, sentiment: { label: 'neutral', score: 0 }, lang: 'en' });
    expect(factsOf(peer).conversation).toBe(false);
    const foreign = makeEvent({ sentiment: { label: 'positive', score: 0.7 }, lang: 'other' });
    expect(factsOf(foreign).tone).toBeNull();
  });

  it('keeps experimental codes out of the annotator output unless all codes are asked for', () => {
    const event = makeEvent({ text: 'Try restarting the router, that fixed it for me', lang: 'en', sentiment: { label: 'neutral', score: 0 } });
    const ctx = { codebook: compiled, contextEvents: [] };
    expect((codebookAnnotator(event, ctx).annotations ?? []).map((a) => a.code)).not.toContain('role.helper');
    expect((codebookAnnotator(event, { ...ctx, allCodes: true }).annotations ?? []).map((a) => a.code)).toContain('role.helper');
  });

  it('rejects a condition it cannot read, naming the key', () => {
    const bad = `version: 1\ncodes:\n  - id: a.b\n    category: a\n    label: { en: A, de: A }\n    description: x\n    patterns: {}\n    when: { tone: angry }\n`;
    expect(() => parseCodebook(bad, 'bad.yaml')).toThrow(/bad\.yaml: codes\[0\]\.when\.tone/);
  });
});
