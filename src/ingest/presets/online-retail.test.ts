import { describe, expect, it } from 'vitest';
import type { MappedRow } from '../preset.js';
import { refineRetailLine } from './online-retail.js';

const line = (cells: MappedRow['cells']): MappedRow => ({ line: 2, raw: '', cells, columns: { crmId: 7 } });

describe('refineRetailLine (UCI Online Retail)', () => {
  it('makes a cancellation count against revenue whether or not its quantity is already negative', () => {
    expect(refineRetailLine(line({ orderId: 'C536379', quantity: '-1', crmId: '14527' })).cells.quantity).toBe('-1');
    expect(refineRetailLine(line({ orderId: 'C536379', quantity: '4', crmId: '14527' })).cells.quantity).toBe('-4');
    expect(refineRetailLine(line({ orderId: '536365', quantity: '6', crmId: '17850' })).cells.quantity).toBe('6');
  });

  it('reads a float-written CustomerID as the integer id the CRM uses', () => {
    expect(refineRetailLine(line({ orderId: '536365', quantity: '6', crmId: '17850.0' })).cells.crmId).toBe('17850');
    expect(refineRetailLine(line({ orderId: '536365', quantity: '6', crmId: '17850.5' })).cells.crmId).toBe('17850.5');
  });

  it('rejects a line without CustomerID, pointing at that column', () => {
    try {
      refineRetailLine(line({ orderId: '536414', quantity: '56' }));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('no CustomerID: this invoice line cannot be joined to a customer');
      expect((error as { column?: number }).column).toBe(7);
    }
  });
});
