import { describe, expect, it } from 'vitest';
import { isFullName, lowerCaseWords, NameIndex, nameParts, nameWords } from './names.js';
import { applySpans } from './spans.js';

const mask = (text: string, index: NameIndex): string => applySpans(text, index.find(text), () => '[name]');

describe('known names', () => {
  const index = new NameIndex([
    { name: 'Anna-Lena Berg', replacement: 'Person 7QMX' },
    { name: 'Müller', replacement: 'Person B2CD' },
    { name: 'Michael D. Bigham', replacement: 'Person 9XZT' },
  ]);

  it('finds a name however it is spaced, hyphenated or folded, with a possessive', () => {
    expect(mask('Gruß, Anna-Lena  Berg', index)).toBe('Gruß, Person 7QMX');
    expect(mask('anna lena berg? ANNA-LENA BERG!', index)).toBe('anna lena berg? Person 7QMX!');
    expect(mask('Herr Mueller und Frau Müllers Hund', index)).toBe('Herr Person B2CD und Frau Person B2CD Hund');
    expect(mask('from Michael D. Bigham', index)).toBe('from Person 9XZT');
  });

  it('matches a capitalised name only where it is written with a capital', () => {
    expect(mask('der müller mahlt', index)).toBe('der müller mahlt');
    expect(mask('Anna-Lena Bergmann', index)).toBe('Anna-Lena Bergmann');
  });
});

describe('the words a person may be called by', () => {
  it('takes the parts of a name, not initials, particles or titles', () => {
    expect(nameParts('Dr. Anna von der Berg')).toEqual(['Anna', 'Berg']);
    expect(nameParts('J. R. Smith')).toEqual(['Smith']);
    expect(isFullName('Anna Berg')).toBe(true);
    expect(isFullName('Anna')).toBe(false);
    expect(isFullName('J. Smith')).toBe(false);
  });

  it('leaves out a part the texts write as a common word, and a lower-case part unless it looks like a user name', () => {
    const common = lowerCaseWords(['I love this tea, my mom too']);
    expect(nameWords(['Tea Lover', 'Rose Bauer', 'mom', 'kaffeefan84'], common)).toEqual(['Lover', 'Rose', 'Bauer', 'kaffeefan84']);
    expect(nameWords(['Jo Berg'], common, 3)).toEqual(['Berg']);
  });
});

describe('a surname with its particle', () => {
  it('is one name: "Herr van Dyck" loses "van" too', () => {
    const words = nameWords(['Piet van Dyck'], new Set());
    expect(words).toEqual(['van Dyck', 'Piet', 'Dyck']);
    const index = new NameIndex(words.map((name) => ({ name, replacement: 'Person 6ZJN' })));
    expect(mask('Sehr geehrter Herr van Dyck, danke Piet', index)).toBe('Sehr geehrter Herr Person 6ZJN, danke Person 6ZJN');
  });
});
