import type { MappedRow, Preset } from '../preset.js';
import { RowError } from '../normalise.js';

/**
 * The UCI "Online Retail" layout: an invoice number starting with C is a cancellation, whose quantity must count
 * against revenue (the data set already writes it negative; a positive one is turned round). CSV copies made with
 * pandas write CustomerID as a float ("17850.0"), which would never meet the CRM's "17850". A line without a
 * CustomerID cannot be joined to anyone and is rejected as such.
 */
export function refineRetailLine(row: MappedRow): MappedRow {
  const cells = { ...row.cells };
  if (cells.crmId === undefined) {
    throw new RowError('no CustomerID: this invoice line cannot be joined to a customer', row.columns.crmId);
  }
  cells.crmId = cells.crmId.replace(/^(\d+)\.0+$/, '$1');
  const cancelled = /^C\d/i.test(cells.orderId ?? '');
  if (cancelled && cells.quantity !== undefined && !cells.quantity.startsWith('-')) cells.quantity = `-${cells.quantity}`;
  return { ...row, cells };
}

/** UCI Online Retail (and Online Retail II): one row per invoice line, revenue = Quantity × UnitPrice. */
export const onlineRetail: Preset = {
  id: 'online-retail',
  kind: 'orders',
  description: 'UCI Online Retail: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country',
  columns: {
    orderId: ['InvoiceNo', 'Invoice'],
    product: ['Description', 'StockCode'],
    quantity: ['Quantity'],
    date: ['InvoiceDate'],
    unitPrice: ['UnitPrice', 'Price'],
    crmId: ['CustomerID'],
  },
  requires: [['orderId'], ['quantity'], ['unitPrice'], ['crmId']],
  priority: 10,
  channel: 'shop',
  refine: refineRetailLine,
};
