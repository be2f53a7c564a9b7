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

describe('requiredLiterals across umlaut spellings', () => {
  it('joins an alternation of short choices with the letters around it, one literal per spelling', () => {
    expect(requiredLiterals(String.raw`\p{L}*sch(?:a|ä|ae)den`, 'giu')).toEqual(['schaden', 'schäden', 'schaeden']);
    expect(requiredLiterals(String.raw`\bst(?:ü|ue)rz\p{L}*|\babst(?:ü|ue)rz(?:t|en)\b`, 'giu')).toEqual(['stürz', 'stuerz', 'abstürzt', 'abstürzen', 'abstuerzt', 'abstuerzen']);
    // Choices long enough to check on their own stay a part of their own ("geht|klappt" before " nicht").
    expect(requiredLiterals(String.raw`(?:geht|klappt) nicht`, 'giu')).toEqual([' nicht']);
    // At most 16 spellings: the run ends before the alternation that would make 32.
    expect(requiredLiterals(String.raw`ver(?:a|b)(?:a|b)(?:a|b)(?:a|b)(?:a|b)xyz`, 'giu')).toHaveLength(16);
  });

  it('requires only what every match holds: each spelling matches the regex, and texts without one do not', () => {
    const source = String.raw`\bst(?:ü|ue)rz\p{L}*\s+ab\b`;
    const required = requiredLiterals(source, 'giu')!;
    const re = new RegExp(source, 'giu');
    for (const text of ['Die App STÜRZT ab', 'die app stuerzt ab']) {
      expect(re.test(text)).toBe(true);
      re.lastIndex = 0;
      expect(required.some((literal) => text.toLowerCase().includes(literal))).toBe(true);
    }
    expect(required.some((literal) => 'sturz und ab'.includes(literal))).toBe(false);
  });
});
