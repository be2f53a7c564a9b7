import { describe, expect, it } from 'vitest';
import { findAccounts } from './account.js';
import { applySpans } from './spans.js';

const mask = (text: string): string => applySpans(text, findAccounts(text), () => '[number]');

describe('customer and account numbers', () => {
  it('masks the number after its label, not the label', () => {
    expect(mask('Meine Kundennummer 123456789 bitte')).toBe('Meine Kundennummer [number] bitte');
    expect(mask('Vertragskonto: 4000 1234 56.')).toBe('Vertragskonto: [number].');
    expect(mask('customer no. A-10023')).toBe('customer no. [number]');
    expect(mask('Kunden-Nr. 77 123')).toBe('Kunden-Nr. [number]');
  });

  it('leaves order and invoice numbers alone', () => {
    for (const text of ['Bestellnummer 123456789', 'order no. 112-3456789', 'Rechnung 2024-0815', 'Kunde seit 2019']) expect(mask(text)).toBe(text);
  });
});
