import { describe, expect, it } from 'vitest';
import { withCode } from '../../test-support.js';
import { compileCodebook } from './compile.js';
import { matchCodes } from './match.js';
import { mergeCodebooks, parseCodebook, type Codebook } from './schema.js';
import { defaultCodebook } from '../../cli/resources.js';

const MINIMAL = `
version: 1
codes:
  - id: pain.waiting
    category: pain
    label: { en: Waiting, de: Warten }
    description: Waits.
    patterns:
      words: [wait]
  - id: custom.parking
    category: custom
    label: { en: Parking, de: Parken }
    description: Talks about parking.
    patterns:
      words: [parking, parkplatz]
`;

describe('parseCodebook', () => {
  it('reads YAML and allows custom categories', () => {
    const codebook = parseCodebook(MINIMAL, 'codebook.yaml');
    expect(codebook.codes.map((code) => code.id)).toEqual(['pain.waiting', 'custom.parking']);
  });

  it('reads JSON', () => {
    const json = JSON.stringify({
      version: 1,
      codes: [{ id: 'life.moving', category: 'life', label: { en: 'Moving', de: 'Umzug' }, description: 'Moves.', patterns: { words: ['umzug'] } }],
    });
    expect(parseCodebook(json, 'codes.json').codes[0]?.id).toBe('life.moving');
  });

  it('names the file and the key path of a wrong type', () => {
    const text = withCode('    patterns:\n      words: wait');
    expect(() => parseCodebook(text, 'codebook.yaml')).toThrow('codebook.yaml: codes[0].patterns.words: expected array of strings');
    const fourth = `version: 1\ncodes:\n${[0, 1, 2, 3]
      .map((i) => `  - id: pain.c${i}\n    category: pain\n    label: { en: A, de: B }\n    description: C.\n    patterns:\n      words: ${i === 3 ? 'late' : '[late]'}`)
      .join('\n')}`;
    expect(() => parseCodebook(fourth, 'codebook.yaml')).toThrow('codebook.yaml: codes[3].patterns.words: expected array of strings');
  });

  it('names missing and unknown keys', () => {
    expect(() => parseCodebook('version: 1\ncodes:\n  - id: pain.x\n    category: pain\n    description: D.\n    patterns: {}', 'cb.yaml')).toThrow(
      'cb.yaml: codes[0].label: missing (expected object)',
    );
    expect(() => parseCodebook(withCode('    patterns:\n      stems: { fr: [attend] }'), 'cb.yaml')).toThrow(
      'cb.yaml: codes[0].patterns.stems: unknown key "fr"',
    );
    expect(() => parseCodebook(withCode('    patterns: {}\n    colour: red'), 'cb.yaml')).toThrow('cb.yaml: codes[0]: unknown key "colour"');
  });

  it('rejects bad ids, duplicates, bad regexes and multi-word words', () => {
    expect(() => parseCodebook(MINIMAL.replace('id: custom.parking', 'id: Parking'), 'cb.yaml')).toThrow(
      'cb.yaml: codes[1].id: expected "<category>.<name>"',
    );
    expect(() => parseCodebook(MINIMAL.replace('id: custom.parking', 'id: pain.waiting'), 'cb.yaml')).toThrow(
      'cb.yaml: codes[1].id: duplicate id "pain.waiting" (also codes[0])',
    );
    expect(() => parseCodebook(MINIMAL.replace('id: custom.parking', 'id: life.parking'), 'cb.yaml')).toThrow(
      'cb.yaml: codes[1].id: "life.parking" does not start with its category "custom."',
    );
    expect(() => parseCodebook(withCode("    patterns:\n      regex: ['(unclosed']"), 'cb.yaml')).toThrow(
      /^cb\.yaml: codes\[0\]\.patterns\.regex\[0\]: invalid regular expression/,
    );
    expect(() => parseCodebook(withCode('    patterns:\n      words: [still waiting]'), 'cb.yaml')).toThrow(
      'cb.yaml: codes[0].patterns.words[0]: "still waiting" is not a single word; put it under phrases',
    );
  });

  it('reports YAML and JSON syntax errors with the file', () => {
    expect(() => parseCodebook('version: 1\ncodes: [\n  - broken', 'cb.yaml')).toThrow(/^cb\.yaml:\d+:\d+: invalid YAML/);
    // A tag the yaml package only warns about would otherwise be read as plain text, with a Node warning on stderr.
    expect(() => parseCodebook('version: 1\ncodes: !!js/function "x"\n', 'cb.yaml')).toThrow(/^cb\.yaml:2:8: invalid YAML: Unresolved tag/);
    expect(() => parseCodebook('{"version": 1,', 'cb.json')).toThrow(/^cb\.json: invalid JSON/);
    expect(() => parseCodebook('', 'empty.yaml')).toThrow('empty.yaml: (top level): expected object, got null');
    expect(() => parseCodebook('version: 2\ncodes: []', 'v.yaml')).toThrow('v.yaml: version: expected 1');
  });
});

describe('mergeCodebooks', () => {
  it('overrides codes with the same id and appends new ones', () => {
    const extra: Codebook = parseCodebook(
      `version: 1
codes:
  - id: pain.waiting
    category: pain
    label: { en: Queueing, de: Schlange stehen }
    description: Queues.
    patterns:
      words: [queue]
  - id: custom.parking
    category: custom
    label: { en: Parking, de: Parken }
    description: Talks about parking.
    patterns:
      words: [parking, parkplatz]
`,
      'extra.yaml',
    );
    const defaultIds = defaultCodebook().codes.map((code) => code.id);
    const merged = mergeCodebooks(defaultCodebook(), extra);
    expect(merged.codes).toHaveLength(defaultIds.length + 1);
    expect(merged.codes.map((code) => code.id).slice(0, defaultIds.length)).toEqual(defaultIds);
    expect(merged.codes.at(-1)?.id).toBe('custom.parking');
    const mergedCompiled = compileCodebook(merged);
    expect(matchCodes('Kein Parkplatz weit und breit', 'de', mergedCompiled).map((h) => h.code)).toContain('custom.parking');
    // pain.waiting is now the extra's version: "queue" matches, "delayed" no longer does.
    expect(matchCodes('long queue', 'en', mergedCompiled).map((h) => h.code)).toContain('pain.waiting');
    expect(matchCodes('delayed', 'en', mergedCompiled).map((h) => h.code)).not.toContain('pain.waiting');
    // The base is untouched.
    expect(defaultCodebook().codes).toHaveLength(defaultIds.length);
  });
});
