import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../../cli/resources.js';
import type { Progress } from '../../progress.js';
import { compileCodebook } from './compile.js';
import { parseCodebook } from './schema.js';

describe('compileCodebook', () => {
  it('rejects implied_by references to unknown codes', () => {
    const yaml = 'version: 1\ncodes:\n  - id: pain.waiting\n    category: pain\n    label: { en: Waiting, de: Warten }\n    description: Waits.\n    patterns: {}\n    implied_by: [pain.nothing]';
    const codebook = parseCodebook(yaml, 'cb.yaml');
    expect(() => compileCodebook(codebook)).toThrow('codebook: pain.waiting: implied_by "pain.nothing": no such code');
  });

  it('tells each code compiled, as the codebook part of annotating, and compiles the same heard or not', () => {
    const codebook = defaultCodebook();
    const heard: Progress[] = [];
    const compiled = compileCodebook(codebook, (p) => heard.push(p));
    expect(heard.map((p) => p.done)).toEqual(codebook.codes.map((_, i) => i).concat(codebook.codes.length));
    expect(heard.every((p) => p.stage === 'annotate' && p.part === 'the codebook' && p.unit === 'codes' && p.total === codebook.codes.length)).toBe(true);
    expect(compiled.codes.map((c) => c.id)).toEqual(compileCodebook(codebook).codes.map((c) => c.id));
  });
});
