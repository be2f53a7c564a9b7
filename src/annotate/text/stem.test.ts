import { describe, expect, it } from 'vitest';
import { MAX_STEM_LENGTH, STEM_CACHE_LIMIT, stem, stemCacheSize } from './stem.js';

describe('stem', () => {
  it('stems German and English words with the Porter stemmers', () => {
    expect(stem('verspaetungen', 'de')).toBe(stem('verspaetung', 'de'));
    expect(stem('fahren', 'de')).toBe('fahr');
    expect(stem('waiting', 'en')).toBe('wait');
    expect(stem('cancelled', 'en')).toBe('cancel');
  });

  it('folds German stems, so they compare with folded codebook entries', () => {
    expect(stem('größe', 'de')).toBe('gross');
    expect(stem('cafés', 'de')).toBe('cafes');
  });

  it('leaves a token longer than any word as it is (a pasted hash or a run of letters)', () => {
    const run = 'ies'.repeat(MAX_STEM_LENGTH);
    expect(stem(run, 'en')).toBe(run);
    expect(stem(run, 'de')).toBe(run);
  });

  it('caches each word once per language and stays bounded', () => {
    const before = stemCacheSize('en');
    stem('zorpingly', 'en');
    expect(stemCacheSize('en')).toBe(before + 1);
    stem('zorpingly', 'en');
    expect(stemCacheSize('en')).toBe(before + 1);
    for (let i = 0; i <= STEM_CACHE_LIMIT; i++) stem(`word${i}`, 'de');
    expect(stemCacheSize('de')).toBeLessThanOrEqual(STEM_CACHE_LIMIT);
  });
});
