import { describe, expect, it } from 'vitest';
import { Brand } from './brand.js';
import { findHandles } from './handle.js';
import { applySpans } from './spans.js';

const mask = (text: string, brand = new Brand()): string => applySpans(text, findHandles(text, brand), () => '@[handle]');

describe('handles', () => {
  it('masks handles with inner dots and underscores, not a final dot', () => {
    expect(mask('Danke @anna.k und @kaffee_fan_84.')).toBe('Danke @[handle] und @[handle].');
    expect(mask('@115712 hi')).toBe('@[handle] hi');
  });

  it("keeps the brand's handles and the @ of an e-mail address", () => {
    const brand = new Brand(['@Nordlicht.Kaffee']);
    expect(mask('@nordlicht.kaffee danke, @anna.k', brand)).toBe('@nordlicht.kaffee danke, @[handle]');
    expect(mask('anna@example.org')).toBe('anna@example.org');
    expect(mask('Treffen @ 5')).toBe('Treffen @ 5');
  });
});

describe('the brand written another way', () => {
  it('is still the brand: "@E.ON" for --brand eon', () => {
    expect(mask('Danke @E.ON, aber @anna.k', new Brand(['eon']))).toBe('Danke @E.ON, aber @[handle]');
  });
});
