import type { Preset } from '../preset.js';
import { columnsFor } from '../synonyms.js';

/** Any orders or transactions export: one row per order line (or per order, with an amount). */
export const orders: Preset = {
  id: 'orders',
  kind: 'orders',
  description: 'Generic orders: order id, customer id or email, date, quantity × unit price or amount',
  columns: columnsFor(['orderId', 'crmId', 'email', 'name', 'date', 'product', 'quantity', 'unitPrice', 'amount', 'channel']),
  requires: [['orderId'], ['quantity', 'amount', 'unitPrice'], ['crmId', 'email', 'name']],
  priority: 0,
  channel: 'shop',
};
