import { describe, expect, it } from 'vitest';
import { isShouting } from './score.js';

describe('isShouting', () => {
  it('is a word of two or more letters all in capitals, in ASCII and beyond', () => {
    expect(isShouting('NEVER')).toBe(true);
    expect(isShouting('NIE!')).toBe(true);
    expect(isShouting('ÄRGERLICH')).toBe(true);
    expect(isShouting('I')).toBe(false);
    expect(isShouting('Never')).toBe(false);
    expect(isShouting('NEVEr')).toBe(false);
    expect(isShouting('ÄRGERLICh')).toBe(false);
    expect(isShouting('GRÜßE')).toBe(false); // "ß" has no capital of one letter: not all capitals
    expect(isShouting('42')).toBe(false);
    expect(isShouting('B2B')).toBe(true);
  });
});
