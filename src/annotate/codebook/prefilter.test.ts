import { describe, expect, it } from 'vitest';
import { LiteralIndex, mayMatch, requiredLiterals } from './prefilter.js';

describe('requiredLiterals', () => {
  it('finds the words every match must contain, one per alternative', () => {
    expect(requiredLiterals(String.raw`\b(?:log ?in|anmeld\w*)\b`, 'giu')).toEqual(['log', 'anmeld']);
    // The most selective part of a sequence is chosen: its shortest literal is the longest.
    expect(requiredLiterals(String.raw`\b(?:log ?in|anmeld\w*)\s+(?:geht|klappt)`, 'giu')).toEqual(['geht', 'klappt']);
    expect(requiredLiterals(String.raw`\b(?:log ?in|anmeld\w*)\s+(?:geht|klappt) nicht`, 'giu')).toEqual([' nicht']);
    expect(requiredLiterals(String.raw`(?<!\p{L})versprochen`, 'giu')).toEqual(['versprochen']);
    // The most selective part of a sequence is chosen: "refund" says more than "my".
    expect(requiredLiterals(String.raw`\bmy\s+refund\b`, 'giu')).toEqual(['refund']);
  });

  it('reads the regex case-insensitively, as the matcher runs it', () => {
    expect(requiredLiterals('Zählerstand', 'giu')).toEqual(['zählerstand']);
    expect(requiredLiterals('[Ll]ogin', 'giu')).toEqual(['ogin']);
  });

  it('promises nothing for optional parts, classes only, short literals or an alternative without a literal', () => {
    expect(requiredLiterals(String.raw`(?:refund)?\s*\d+`, 'giu')).toBeNull();
    expect(requiredLiterals(String.raw`^[\s\p{P}]*$`, 'giu')).toBeNull();
    expect(requiredLiterals(String.raw`\?+`, 'giu')).toBeNull();
    expect(requiredLiterals(String.raw`(?:refund|\d+ €)`, 'giu')).toBeNull();
  });
});

describe('LiteralIndex', () => {
  it('tells which regexes can match a text, and lets a regex without literals always run', () => {
    const index = new LiteralIndex();
    const login = { required: ['log', 'anmeld'], id: index.add(['log', 'anmeld']) };
    const refund = { required: ['refund'], id: index.add(['refund']) };
    const always = { required: null, id: index.add(null) };
    const possible = index.possible('die anmeldung schlägt fehl');
    expect(mayMatch(login, possible)).toBe(true);
    expect(mayMatch(refund, possible)).toBe(false);
    expect(mayMatch(always, possible)).toBe(true);
    // A literal's first three letters alone are not enough: "ref" in "reference" is no "refund".
    expect(mayMatch(refund, index.possible('see the reference number'))).toBe(false);
  });
});

describe('LiteralIndex slots', () => {
  it('finds a literal wherever it stands, also among many literals sharing slots, and counts each regex once', () => {
    const index = new LiteralIndex();
    // Many literals: some share a slot, all must still be told apart by the text itself.
    const words = Array.from({ length: 3000 }, (_, n) => `w${n.toString(36)}x`);
    const ids = words.map((word) => index.add([word]));
    const text = 'ab w1x und wzzx und w2s0x, w1x';
    const possible = index.possible(text);
    const found = ids.filter((id) => possible.has(id)).map((id) => words[id]);
    expect(new Set(found)).toEqual(new Set(words.filter((word) => text.includes(word))));
    expect(found).toContain('wzzx');
    // A second text is read afresh: nothing of the first is carried over.
    expect(ids.filter((id) => index.possible('w1 x').has(id))).toEqual([]);
    expect(ids.filter((id) => index.possible('ümlaut w10x').has(id)).map((id) => words[id])).toEqual(['w10x']);
  });
});
