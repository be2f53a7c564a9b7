import { describe, expect, it } from 'vitest';
import { compileCodebook, matchCodes, parseCodebook, type RecordFacts } from '../codebook.js';

// A small codebook of our own pins the mechanism: a text without content is no praise, whatever its rating says.
const codebook = parseCodebook(
  `
version: 1
codes:
  - id: pain.waiting
    category: pain
    label: { en: Waiting, de: Warten }
    description: Waits.
    patterns:
      words: [late]
  - id: dialog.complaint
    category: dialog
    label: { en: Complaint, de: Beschwerde }
    description: Complains.
    implied_by: [pain.*]
    ruled_out_by: [action.not-meaningful]
    patterns:
      words: [awful]
  - id: dialog.praise
    category: dialog
    label: { en: Praise, de: Lob }
    description: Praises.
    ruled_out_by: [action.not-meaningful]
    rules:
      - when: { rated: true, tone: positive }
    patterns:
      words: [great]
  - id: action.not-meaningful
    category: action
    label: { en: No content, de: Kein Inhalt }
    description: Nothing to act on.
    patterns:
      regex: ['^\\s*(?:ok|late|\\d+)\\s*$']
`,
  'ruled-out.yaml',
);
const compiled = compileCodebook(codebook);
const fiveStars: RecordFacts = { conversation: false, kind: 'review', tone: 'positive', rated: true };
const codes = (text: string, facts?: RecordFacts) => matchCodes(text, 'en', compiled, facts).map((hit) => hit.code);

describe('ruled_out_by', () => {
  it('drops a signal where the ruling code has evidence of its own', () => {
    expect(codes('ok', fiveStars)).toEqual(['action.not-meaningful']);
    expect(codes('10', fiveStars)).toEqual(['action.not-meaningful']);
    expect(codes('fine by me', fiveStars)).toEqual(['dialog.praise']);
  });

  it('drops implied hits too, and leaves codes the ruling code does not name', () => {
    expect(codes('late')).toEqual(['pain.waiting', 'action.not-meaningful']);
    expect(codes('awful, two hours late')).toEqual(['pain.waiting', 'dialog.complaint']);
  });

  it('names unknown codes and refuses a code ruling itself out', () => {
    const one = (refs: string) =>
      `version: 1\ncodes:\n  - id: dialog.praise\n    category: dialog\n    label: { en: P, de: L }\n    description: x\n    patterns: {}\n    ruled_out_by: ${refs}\n`;
    expect(() => compileCodebook(parseCodebook(one('[action.nothing]'), 'cb.yaml'))).toThrow('codebook: dialog.praise: ruled_out_by "action.nothing": no such code');
    expect(() => parseCodebook(one('[dialog.praise]'), 'cb.yaml')).toThrow(/cb\.yaml: codes\[0\]\.ruled_out_by\[0\]: a code cannot rule itself out/);
  });
});
