import { describe, expect, it } from 'vitest';
import { compileCodebook } from './compile.js';
import { parseCodebook } from './schema.js';

describe('compileCodebook', () => {
  it('rejects implied_by references to unknown codes', () => {
    const yaml = 'version: 1\ncodes:\n  - id: pain.waiting\n    category: pain\n    label: { en: Waiting, de: Warten }\n    description: Waits.\n    patterns: {}\n    implied_by: [pain.nothing]';
    const codebook = parseCodebook(yaml, 'cb.yaml');
    expect(() => compileCodebook(codebook)).toThrow('codebook: pain.waiting: implied_by "pain.nothing": no such code');
  });
});
