import { describe, expect, it } from 'vitest';
import { commonestName, displayName, type NameSeen } from './names.js';

const seen = (name: string, day: number | null): NameSeen => ({ name, at: day === null ? null : new Date(Date.UTC(2024, 0, day)) });

describe('commonestName', () => {
  it('takes the name given most often', () => {
    expect(commonestName([seen('Kimmie', 3), seen('Kim Berg', 1), seen('Kim Berg', 2)])).toBe('Kim Berg');
  });

  it('breaks a tie by the latest dated record, then by code point', () => {
    expect(commonestName([seen('Åsa Öberg', 2), seen('Asa Oberg', 20), seen('Åsa Öberg', 9), seen('Asa Oberg', 12)])).toBe('Asa Oberg');
    expect(commonestName([seen('Tove Lind', 5), seen('T. Lind', 5)])).toBe('T. Lind');
    expect(commonestName([seen('b', null), seen('a', null)])).toBe('a');
    // A dated record beats an undated one.
    expect(commonestName([seen('a', null), seen('b', 1)])).toBe('b');
    expect(commonestName([])).toBeNull();
  });

  it('gives the same name in every order of the records', () => {
    const names = [seen('Åsa Öberg', 2), seen('Asa Oberg', 20), seen('Åsa Öberg', 9), seen('Asa Oberg', 12), seen('Å. Ö.', 30)];
    const expected = commonestName(names);
    for (let shift = 0; shift < names.length; shift++) {
      const rotated = [...names.slice(shift), ...names.slice(0, shift)];
      expect(commonestName(rotated)).toBe(expected);
      expect(commonestName([...rotated].reverse())).toBe(expected);
    }
  });
});

describe('displayName', () => {
  it("prefers the CRM contact's name to any name on the records", () => {
    expect(displayName([seen('Kim Berg', null)], [seen('Kimmie Berg', 1), seen('Kimmie Berg', 2)])).toBe('Kim Berg');
    expect(displayName([], [seen('Kimmie Berg', 1)])).toBe('Kimmie Berg');
    expect(displayName([], [])).toBeNull();
  });
});
