import { describe, expect, it } from 'vitest';
import { analystLabels, pseudonym, pseudonymCodes } from './pseudonyms.js';

describe('pseudonyms', () => {
  const keys = ['1001', 'anna@example.org', 'kaffee_fan_84', '1002', 'C-77'];

  it('gives every key a code of four letters and digits without vowels or look-alikes, the same in any order', () => {
    const codes = pseudonymCodes(keys);
    expect(new Set(codes.values()).size).toBe(keys.length);
    for (const code of codes.values()) expect(code).toMatch(/^[2-9BCDFGHJKMNPQRSTVWXZ]{4}$/);
    expect(pseudonymCodes([...keys].reverse())).toEqual(codes);
    expect(pseudonym(codes.get('1001')!)).toBe(`Person ${codes.get('1001')}`);
  });

  it('keeps a customer’s code when other customers come and go, and changes all codes with a secret', () => {
    const alone = pseudonymCodes(['1001']).get('1001');
    expect(pseudonymCodes(keys).get('1001')).toBe(alone);
    expect(pseudonymCodes(['1001'], 'our secret').get('1001')).not.toBe(alone);
  });

  it('resolves collisions in code-point order of the keys', () => {
    // 2,000 keys draw from 531,441 codes: collisions happen, and every key still ends up with a code of its own.
    const many = Array.from({ length: 2000 }, (_, i) => `customer-${i}`);
    const codes = pseudonymCodes(many);
    expect(new Set(codes.values()).size).toBe(many.length);
    expect(pseudonymCodes([...many].reverse())).toEqual(codes);
  });

  it('labels analysts A, B, … by their names in code-point order', () => {
    expect([...analystLabels(['Mara Lind', 'Jonas Weber', 'Mara Lind'])]).toEqual([
      ['Jonas Weber', 'Analyst A'],
      ['Mara Lind', 'Analyst B'],
    ]);
  });
});
