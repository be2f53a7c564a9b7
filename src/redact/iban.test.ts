import { describe, expect, it } from 'vitest';
import { findIbans, isIban } from './iban.js';
import { applySpans } from './spans.js';

const mask = (text: string): string => applySpans(text, findIbans(text), () => '[IBAN]');

describe('IBANs', () => {
  it('validates the check digits (mod 97)', () => {
    expect(isIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isIban('GB82WEST12345698765432')).toBe(true);
    expect(isIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isIban('DE00 1234 5678 9012 3456 78')).toBe(false);
  });

  it('masks a valid IBAN grouped or not, in either case, and stops where the IBAN ends', () => {
    expect(mask('Bitte auf DE89 3704 0044 0532 0130 00 überweisen')).toBe('Bitte auf [IBAN] überweisen');
    expect(mask('IBAN: DE89370400440532013000.')).toBe('IBAN: [IBAN].');
    expect(mask('gb82 west 1234 5698 7654 32')).toBe('[IBAN]');
    expect(mask('DE89 3704 0044 0532 0130 00 BITTE SCHNELL')).toBe('[IBAN] BITTE SCHNELL');
  });

  it('leaves an invalid IBAN and order numbers that look alike alone', () => {
    for (const text of ['DE89 3704 0044 0532 0130 01', 'Auftrag AB12 3456 7890 1234', 'Tracking JJ12 3456 7890 1234 5678', 'Modell XY2024 von 2023']) {
      expect(mask(text)).toBe(text);
    }
  });
});
