import { describe, expect, it } from 'vitest';
import type { MappedRow } from '../preset.js';
import { RowError } from '../normalise.js';
import { carryOrderFields } from './shopify-orders.js';

const line = (n: number, cells: MappedRow['cells']): MappedRow => ({ line: n, raw: '', cells, columns: { email: 2 } });

describe('carryOrderFields (Shopify continuation lines)', () => {
  const first = line(2, { orderId: '#1001', email: 'lena@example.de', name: 'Lena Hoffmann', date: '2024-03-01 10:15:22 +0100', quantity: '2' });

  it("gives a later line of the same order the first line's email, billing name and date", () => {
    const second = carryOrderFields(line(3, { orderId: '#1001', quantity: '1' }), first);
    expect(second.cells).toEqual({ orderId: '#1001', email: 'lena@example.de', name: 'Lena Hoffmann', date: '2024-03-01 10:15:22 +0100', quantity: '1' });
    // …and so on down the order: the refined line is the next one's `previous`.
    expect(carryOrderFields(line(4, { orderId: '#1001', quantity: '3' }), second).cells.email).toBe('lena@example.de');
  });

  it("keeps a line's own values and never carries across orders", () => {
    expect(carryOrderFields(line(3, { orderId: '#1001', email: 'other@example.de' }), first).cells.email).toBe('other@example.de');
    expect(() => carryOrderFields(line(3, { orderId: '#1002', quantity: '1' }), first)).toThrow(RowError);
  });

  it('rejects a line that has nobody to join to, naming the order', () => {
    expect(() => carryOrderFields(line(11, { orderId: '#1006', quantity: '1' }), undefined)).toThrow(
      'order #1006: no email or billing name on this line nor on an earlier line of the same order',
    );
  });

  it('accepts a guest order known only by its billing name', () => {
    expect(carryOrderFields(line(9, { orderId: '#1005', name: 'Karl Brenner' }), first).cells.name).toBe('Karl Brenner');
  });
});
