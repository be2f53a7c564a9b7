import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, MAX_SLUG_BYTES, portable, slugBase, slugify } from './slugs.js';

const customer = (key: string, name: string | null = null, crmId: string | null = null) => ({ key, name, crmId });
const bytes = (text: string): number => new TextEncoder().encode(text).length;

/** What no file name may be on Windows or macOS, or be called on Windows whatever its case or extension. */
const WINDOWS_INVALID = /[<>:"/\\|?*\u0000-\u001f]|[. ]$/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

describe('slugify', () => {
  it('folds Latin letters to ASCII and joins words with single dashes', () => {
    expect(slugify('Thomas Krüger')).toBe('thomas-kruger');
    expect(slugify('Hansen, Jens (Café Hafenliebe)')).toBe('hansen-jens-cafe-hafenliebe');
    expect(slugify('Åsa Öberg')).toBe('asa-oberg');
    expect(slugify('Søren Ærø Straße')).toBe('soren-aero-strasse');
    expect(slugify('Łukasz Đorđević')).toBe('lukasz-dordevic');
    expect(slugify('  --Ciarán   O’Brien--  ')).toBe('ciaran-o-brien');
    expect(slugify('ﬁne ＡＢＣ ²')).toBe('fine-abc-2');
  });

  it('keeps letters of other scripts in NFC, since folding them away would leave nothing', () => {
    expect(slugify('Дмитрий Иванов')).toBe('дмитрий-иванов');
    expect(slugify('李明')).toBe('李明');
    // Hangul and kana with a voicing mark come back composed (NFC), as typed.
    expect(slugify('김민준')).toBe('김민준');
    expect(slugify('がっこう')).toBe('がっこう');
    expect(slugify('गीता')).toBe('गीता');
  });

  it('leaves out what no file name should hold: separators, controls, emoji, trailing dots and spaces', () => {
    for (const name of ['a<b>c:d"e/f\\g|h?i*j', 'tab\there\nnew', 'end. ', 'x\u200by', '☕️ love 🧡', '..', '. .']) {
      const slug = slugify(name);
      expect(slug).not.toMatch(WINDOWS_INVALID);
      expect(slug).toMatch(/^[\p{L}\p{M}\p{N}-]*$/u);
    }
    expect(slugify('☕️🧡')).toBe('');
  });

  it('stays within MAX_SLUG_BYTES of UTF-8 without splitting a character or ending in a dash', () => {
    expect(slugify('a'.repeat(59) + ' b')).toBe('a'.repeat(59));
    const cyrillic = slugify('Д'.repeat(100));
    expect(bytes(cyrillic)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(cyrillic).toBe('д'.repeat(30));
    const devanagari = slugify('गीता'.repeat(20));
    expect(bytes(devanagari)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(devanagari.normalize('NFC')).toBe(devanagari);
  });

  it('gives a portable file name for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const slug = portable(slugify(text) || 'customer');
        expect(bytes(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES + '-customer'.length);
        expect(slug).not.toMatch(WINDOWS_INVALID);
        expect(slug).not.toMatch(WINDOWS_RESERVED);
        expect(slug).toBe(slug.normalize('NFC'));
        expect(slug).toBe(slug.toLowerCase());
      }),
    );
  });
});

describe('slugBase', () => {
  it('never is a Windows device name, in any case or with an extension-like tail', () => {
    for (const key of ['Con', 'CON', 'prn', 'Aux', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'lpt³']) {
      const slug = slugBase(customer(key));
      expect(slug).not.toMatch(WINDOWS_RESERVED);
      expect(slug).toMatch(/-customer$/);
    }
    expect(slugBase(customer('Con'))).toBe('con-customer');
    // Not reserved: the name only starts like one.
    expect(slugBase(customer('console'))).toBe('console');
    expect(slugBase(customer('lpt1.txt'))).toBe('lpt1-txt');
    expect(slugBase(customer('com10'))).toBe('com10');
  });

  it('joins CRM id and name, says a name equal to the key once, and falls back to "customer"', () => {
    expect(slugBase(customer('1001', 'Anna Becker', '1001'))).toBe('1001-anna-becker');
    expect(slugBase(customer('anna@example.org', 'Anna Becker'))).toBe('anna-example-org-anna-becker');
    expect(slugBase(customer('Kim Berg', 'Kim Berg'))).toBe('kim-berg');
    expect(slugBase(customer('bitterbohne'))).toBe('bitterbohne');
    expect(slugBase(customer('🧡', '☕️'))).toBe('customer');
    expect(slugBase(customer('🧡', 'Kim'))).toBe('kim');
  });
});

describe('assignSlugs', () => {
  const keys = ['K-1', 'k-1', 'jonas_ek', 'jonas.ek', 'Con', 'con-customer', 'Σοφία', 'σοφία'];
  const run = [
    customer('K-1', 'Kim Berg', 'K-1'),
    customer('k-1', 'Kim Berg', 'k-1'),
    customer('jonas_ek'),
    customer('jonas.ek'),
    customer('Con'),
    customer('con-customer'),
    customer('Σοφία'),
    customer('σοφία'),
  ];

  it('gives every customer a slug of their own, also where the file system folds case', () => {
    const slugs = assignSlugs(run);
    expect(keys.map((k) => slugs.get(k))).toEqual([
      'k-1-kim-berg',
      'k-1-kim-berg-2',
      'jonas-ek-2',
      'jonas-ek',
      'con-customer',
      'con-customer-2',
      'σοφία',
      'σοφία-2',
    ]);
    const folded = [...slugs.values()].map((s) => s.toUpperCase().toLowerCase());
    expect(new Set(folded).size).toBe(run.length);
  });

  it('gives each customer the same slug whatever order the customers come in', () => {
    const expected = assignSlugs(run);
    fc.assert(
      fc.property(fc.shuffledSubarray(run, { minLength: run.length, maxLength: run.length }), (shuffled) => {
        expect(assignSlugs(shuffled)).toEqual(expected);
      }),
    );
  });

  it('numbers past a slug another customer has by nature', () => {
    const slugs = assignSlugs([customer('x'), customer('x-2'), customer('X ')]);
    // By key: "X " first, then "x", then "x-2", whose own slug "x-2" the numbering already gave "x".
    expect([slugs.get('X '), slugs.get('x'), slugs.get('x-2')]).toEqual(['x', 'x-2', 'x-2-2']);
  });
});
